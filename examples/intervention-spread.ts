/**
 * An intervention's spread analysis: the frail-elderly follow-up intervention's adoptions, the
 * spread matrix, interrupted time series per adopting cluster and the staggered
 * difference-in-differences estimate on monthly readmissions of citizens 65+.
 *
 * Run from the repository root: npx tsx examples/intervention-spread.ts [DATA_DIR]
 */
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { computeIndicators, interruptedTimeSeries, loadDataset, loadInterventions, spreadMatrix, staggeredDid } from "../src/index.js";

const root = fileURLToPath(new URL("..", import.meta.url));
const ds = await loadDataset(process.argv[2] ?? join(root, "data/demo"));
const frail = loadInterventions(join(root, "data/interventions")).interventions.find((i) => i.id === "frail-elderly-follow-up");
if (frail === undefined) throw new Error("frail-elderly-follow-up.yaml not found");
console.log(frail.name);
for (const a of frail.adoptions) console.log(`  adopted by ${a.cluster} from ${a.start} (${a.phase})`);

const matrix = spreadMatrix(frail);
const kept = matrix.cells.filter((c) => c.kind === "kernel" && c.state === "kept").length;
console.log(`Spread matrix: ${matrix.units.length} rows x ${matrix.columns.length} columns; kernel elements kept in ${kept} cells`);

const monthly = computeIndicators(ds, { levels: ["cluster"], groups: ["65+"], sexes: ["all"], period: "month", indicators: ["readmission_30d"], minCount: 0 });
const starts = new Map(frail.adoptions.map((a) => [a.cluster, a.start.slice(0, 7)]));
const series = (cluster: string) =>
  monthly
    .filter((r) => r.unit === cluster && (r.denominator ?? 0) > 0)
    .map((r) => ({ period: r.period, events: r.numerator ?? 0, exposure: r.denominator ?? 0 }));

for (const [cluster, start] of starts) {
  const its = interruptedTimeSeries(series(cluster), { start, seasonality: { harmonics: 2 }, slopeChange: false, seed: 1 });
  const o = its.overall;
  console.log(`ITS ${cluster} from ${start}: rate ratio ${o.rateRatio.toFixed(2)} (${o.lower.toFixed(2)}-${o.upper.toFixed(2)})`);
}
const clusters = [...new Set(ds.geography.map((g) => g.cluster))];
const panel = clusters.flatMap((unit) => series(unit).map((p) => ({ unit, ...p, treatedFrom: starts.get(unit) ?? null })));
const did = staggeredDid(panel, { baseWindow: 12 });
console.log(`Staggered DiD: rate ratio ${did.overall.rateRatio.toFixed(2)} (${did.overall.lower.toFixed(2)}-${did.overall.upper.toFixed(2)})`);
