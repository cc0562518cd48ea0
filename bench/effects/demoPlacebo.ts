/**
 * Placebo benchmark on the demo generator (`npm run bench:demo-placebo`; not a timed test).
 *
 * The bundled demo (data/demo, seed 1) shows a placebo change in non-adopting Horsens. Is that
 * the data or the method? This regenerates the demo region with other seeds and the null effect
 * (`interventionRateRatio: 1`, so no cluster changes at any date — the generator has no drift,
 * trend or secular change in the 30-day readmission share of 65+), runs `interventionEffect` on
 * the readmission target exactly as the demo test and the report do, and prints:
 * - the readmission share by year, pooled over seeds (the generator's expected series);
 * - for the placebo ITS rows (Horsens, Aarhus at the first start, 2019-01) and the ITS rows of the
 *   would-be adopters at their own starts (true rate ratio 1 there too): how often the 95 %
 *   interval excludes 1, the empirical SD of the log estimate against the reported standard error;
 * - how often a dataset gets a "placebo_change" warning on Horsens or Aarhus;
 * - the DiD's coverage of 1.
 *
 * Run: npm run bench:demo-placebo [-- --seeds 160 --from 2 --fraction 0.1]
 * (about 3–7 s a seed on a shared 2-core machine).
 */
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { generateToMemory } from "../../src/generate/index.js";
import { loadDataset } from "../../src/io/index.js";
import { interventionEffect, loadInterventions } from "../../src/spread/index.js";

function arg(name: string, fallback: string): string {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 && i + 1 < process.argv.length ? process.argv[i + 1] : fallback;
}

const seeds = Number(arg("seeds", "100"));
const from = Number(arg("from", "2"));
const fraction = Number(arg("fraction", "0.1"));
const demo = join(import.meta.dirname, "..", "..", "data", "demo");
const iv = loadInterventions(demo).interventions.find((i) => i.id === "frail-elderly-follow-up")!;

interface Tally {
  n: number;
  excludes: number;
  sumSq: number;
  sumSe2: number;
}
const tally = (): Tally => ({ n: 0, excludes: 0, sumSq: 0, sumSe2: 0 });
const placebo = tally();
const adopting = tally();
const byYear = new Map<string, { events: number; exposure: number }>();
const horsensByYear = new Map<string, { events: number; exposure: number }>();
let warned = 0;
let didCovers = 0;
let didN = 0;
const t0 = Date.now();

for (let seed = from; seed < from + seeds; seed++) {
  const { files } = await generateToMemory({ seed, fraction, interventionRateRatio: 1 });
  const dir = mkdtempSync(join(tmpdir(), "klynge-placebo-"));
  try {
    for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, name), text);
    const dataset = await loadDataset(dir);
    const e = interventionEffect(iv, dataset, { targets: ["fewer-readmissions"] });
    const rows = e.rows.filter((r) => r.target === "fewer-readmissions");
    let warnedHere = false;
    for (const r of rows) {
      if (r.rateRatio === null || r.lower === null || r.upper === null) continue;
      if (r.method === "staggered_did") {
        didN++;
        if (r.lower <= 1 && r.upper >= 1) didCovers++;
        continue;
      }
      const t = r.placebo ? placebo : adopting;
      const se = e.models["fewer-readmissions"].its[r.unit].levelChange.standardError;
      t.n++;
      if (r.upper < 1 || r.lower > 1) t.excludes++;
      t.sumSq += Math.log(r.rateRatio) ** 2;
      t.sumSe2 += se * se;
      if (r.warning === "placebo_change") warnedHere = true;
    }
    if (warnedHere) warned++;
    for (const [unit, its] of Object.entries(e.models["fewer-readmissions"].its)) {
      for (const map of unit === "Horsens" ? [byYear, horsensByYear] : [byYear]) {
        for (const p of its.table) {
          const y = map.get(p.period.slice(0, 4)) ?? { events: 0, exposure: 0 };
          y.events += p.events;
          y.exposure += p.exposure;
          map.set(p.period.slice(0, 4), y);
        }
      }
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  process.stderr.write(`seed ${seed} done (${((Date.now() - t0) / 1000).toFixed(0)} s)\n`);
}

const pct = (a: number, b: number) => `${((100 * a) / b).toFixed(1)} %`;
const line = (label: string, t: Tally) =>
  `${label}: ${t.n} ITS, 95 % interval excludes 1 in ${t.excludes} (${pct(t.excludes, t.n)}); ` +
  `SD of log estimate ${Math.sqrt(t.sumSq / t.n).toFixed(4)} vs RMS reported SE ${Math.sqrt(t.sumSe2 / t.n).toFixed(4)}`;
console.log(`Demo generator, seeds ${from}–${from + seeds - 1}, fraction ${fraction}, null effect (no cluster changes)`);
console.log("30-day readmission share 65+, all clusters, by year:");
for (const [y, v] of [...byYear].sort()) console.log(`  ${y}: ${(v.events / v.exposure).toFixed(4)} ± ${(Math.sqrt(v.events) / v.exposure).toFixed(4)}`);
console.log("same, Horsens only:");
for (const [y, v] of [...horsensByYear].sort()) console.log(`  ${y}: ${(v.events / v.exposure).toFixed(4)} ± ${(Math.sqrt(v.events) / v.exposure).toFixed(4)}`);
console.log(line("placebo ITS (Horsens, Aarhus at 2019-01)", placebo));
console.log(line("ITS of the would-be adopters at their starts", adopting));
console.log(`datasets with a placebo_change warning: ${warned} of ${seeds} (${pct(warned, seeds)})`);
console.log(`DiD interval covers 1: ${didCovers} of ${didN} (${pct(didCovers, didN)})`);
