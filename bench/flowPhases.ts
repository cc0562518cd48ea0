/**
 * The klynge part of the benchmark step by step, with time and peak memory after each step (a
 * profiling aid for issue 3, not part of `npm run bench`): `node --import tsx bench/flowPhases.ts DIR`.
 */
import { loadDataset } from "../src/io/index.js";
import { computeIndicators, prepareIndicators } from "../src/indicators/index.js";
import { computeStays } from "../src/stays/index.js";

const mb = (x: number) => (x / 1048576).toFixed(0);
let t = performance.now();
function step(label: string): void {
  const m = process.memoryUsage();
  console.log(
    `${label.padEnd(16)} ${((performance.now() - t) / 1000).toFixed(2)} s  maxRSS ${mb(process.resourceUsage().maxRSS * 1024)}  rss ${mb(m.rss)}  heap ${mb(m.heapUsed)}/${mb(m.heapTotal)}  ab ${mb(m.arrayBuffers)}`,
  );
  t = performance.now();
}

async function main(): Promise<void> {
  const ds = await loadDataset(process.argv[2] as string);
  step("load");
  const rows = computeIndicators(ds, {}).length;
  step(`set ${rows}`);
  const n = computeStays(ds).report.admissions;
  step(`check ${n}`);
  const ctx = prepareIndicators(ds, { period: ["year", "quarter"], standardise: { direct: "esp2013", indirect: true } });
  step("extra prepare");
  const extra = computeIndicators(ctx).length;
  step(`extra ${extra}`);
}
void main();
