/**
 * Children 0–2: acute admissions per 1,000 by cluster under the harmonised 12-hour rule and as
 * registered — the registration-practice question (Aarhus registers children in the emergency
 * department as outpatients). Writes the registration chart as SVG.
 *
 * Run from the repository root: npx tsx examples/children-0-2.ts [DATA_DIR]
 * (default DATA_DIR: the bundled synthetic demo data, data/demo).
 */
import { mkdirSync, writeFileSync } from "node:fs";
import { join, relative } from "node:path";
import { fileURLToPath } from "node:url";
import { computeIndicators, loadDataset, rateWithInterval, registrationChart, renderSvg, type IndicatorRow, type RegistrationRow } from "../src/index.js";

const root = fileURLToPath(new URL("..", import.meta.url));
const dir = process.argv[2] ?? join(root, "data/demo");
const ds = await loadDataset(dir);

const options = { levels: ["cluster"], groups: ["0-2"], sexes: ["all"], period: "year", indicators: ["admission_rate"], minCount: 0 } as const;
const harmonised = computeIndicators(ds, { ...options, registration: "harmonised" });
const registered = computeIndicators(ds, { ...options, registration: "as-registered" });

/** Admissions per 1,000 children over all years (sums of the yearly counts and person-years). */
function pooled(rows: IndicatorRow[], cluster: string) {
  const sel = rows.filter((r) => r.unit === cluster);
  const events = sel.reduce((s, r) => s + (r.numerator ?? 0), 0);
  const personYears = sel.reduce((s, r) => s + (r.denominator ?? 0), 0);
  return rateWithInterval(events, personYears, { multiplier: 1000 });
}

const clusters = [...new Set(ds.geography.map((g) => g.cluster))];
const chartRows: RegistrationRow[] = [];
console.log("Acute admissions of children 0-2 per 1,000, all years");
for (const cluster of clusters) {
  const h = pooled(harmonised, cluster);
  const r = pooled(registered, cluster);
  console.log(`${cluster.padEnd(10)} harmonised ${h.value?.toFixed(1)}  as registered ${r.value?.toFixed(1)}  ratio ${((r.value ?? 0) / (h.value ?? 1)).toFixed(2)}`);
  chartRows.push({ cluster, basis: "harmonised", value: h.value, lower: h.lower, upper: h.upper, suppressed: false });
  chartRows.push({ cluster, basis: "registered", value: r.value, lower: r.lower, upper: r.upper, suppressed: false });
}

const chart = registrationChart(chartRows, { title: "Registreringspraksis: indlæggelser af børn 0–2 år", source: "klynge, syntetiske demodata" });
const outDir = join(root, "out/examples");
mkdirSync(outDir, { recursive: true });
const file = join(outDir, "children-0-2-registration.svg");
writeFileSync(file, await renderSvg(chart));
console.log(`Chart written to ${relative(process.cwd(), file)}`);
