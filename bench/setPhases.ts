/**
 * Time and peak memory of each step of the whole indicator set (a profiling aid for issue 3, not
 * part of `npm run bench`): `node --import tsx bench/setPhases.ts DIR [--extra]`.
 */
import { loadDataset } from "../src/io/index.js";
import { prepareIndicators } from "../src/indicators/index.js";
import { admissionRate } from "../src/indicators/admissionRate.js";
import { readmission30d } from "../src/indicators/readmission30d.js";
import { preventableAdmissionRate } from "../src/indicators/preventableAdmissionRate.js";
import { focusAreaRates } from "../src/indicators/focusAreaRates.js";
import { costPerCitizen } from "../src/indicators/costPerCitizen.js";
import { experiencePositive } from "../src/indicators/experiencePositive.js";
import { questionTables } from "../src/indicators/questionTables.js";
import { suppressTable } from "../src/indicators/suppressTable.js";
import type { IndicatorRow } from "../src/indicators/table.js";

const mb = (x: number) => (x / 1048576).toFixed(0);
let t = performance.now();
function step(label: string): void {
  const now = performance.now();
  const m = process.memoryUsage();
  console.log(
    `${label.padEnd(12)} ${((now - t) / 1000).toFixed(2)} s  maxRSS ${mb(process.resourceUsage().maxRSS * 1024)}  rss ${mb(m.rss)}  heap ${mb(m.heapUsed)}  ab ${mb(m.arrayBuffers)}`,
  );
  t = performance.now();
}

async function main(): Promise<void> {
  const ds = await loadDataset(process.argv[2] as string);
  step("load");
  const opts = process.argv.includes("--extra")
    ? ({ period: ["year", "quarter"], standardise: { direct: "esp2013", indirect: true } } as const)
    : {};
  const ctx = prepareIndicators(ds, opts);
  step("prepare");
  const rows: IndicatorRow[] = [];
  const add = (r: IndicatorRow[]) => {
    for (const x of r) rows.push(x);
  };
  add(admissionRate(ctx));
  step("admRate");
  add(readmission30d(ctx));
  step("readm");
  add(preventableAdmissionRate(ctx));
  step("prevent");
  add(focusAreaRates(ctx));
  step("focus");
  add(costPerCitizen(ctx));
  step("cost");
  add(experiencePositive(ctx.dataset, ctx.options));
  step("experience");
  add(questionTables(ctx));
  step("questions");
  const clusterOf = new Map(ctx.dataset.geography.map((g) => [String(g.municipality_code), g.cluster] as const));
  const out = suppressTable(rows, { minCount: ctx.resolved.minCount, clusterOf });
  step(`suppress ${out.length}`);
}
void main();
