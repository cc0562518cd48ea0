/**
 * Cross-cluster comparison: a funnel plot of the readmission share of citizens 65+ by
 * municipality (95 % and 99.8 % limits, Spiegelhalter overdispersion), and a monthly p-chart per
 * cluster with a new phase at each cluster's start of the frail-elderly intervention.
 *
 * Run from the repository root: npx tsx examples/cross-cluster.ts [DATA_DIR]
 */
import { mkdirSync, writeFileSync } from "node:fs";
import { join, relative } from "node:path";
import { fileURLToPath } from "node:url";
import { completePeriods, computeIndicators, funnelChart, funnelPlotData, loadDataset, loadInterventions, pChart, renderSvg, spcChart } from "../src/index.js";

const root = fileURLToPath(new URL("..", import.meta.url));
const ds = await loadDataset(process.argv[2] ?? join(root, "data/demo"));
const outDir = join(root, "out/examples");
mkdirSync(outDir, { recursive: true });

// Funnel plot: readmission 65+ by municipality, pooled over 2020-2022 (unsuppressed counts feed the method).
const yearly = computeIndicators(ds, { levels: ["municipality"], groups: ["65+"], sexes: ["all"], period: "year", indicators: ["readmission_30d"], minCount: 0 });
const years = ["2020", "2021", "2022"];
const names = new Map(ds.geography.map((g) => [String(g.municipality_code), g.municipality_name]));
const units = [...names].map(([code, name]) => {
  const sel = yearly.filter((r) => r.unit === code && years.includes(r.period));
  return { unit: name, numerator: sel.reduce((s, r) => s + (r.numerator ?? 0), 0), denominator: sel.reduce((s, r) => s + (r.denominator ?? 0), 0) };
});
const funnel = funnelPlotData(units, { type: "proportion", level: [0.95, 0.998], overdispersion: true });
console.log(`Funnel: method ${funnel.method}, phi ${funnel.phi?.toFixed(2)}, centre ${(100 * funnel.target).toFixed(2)} %`);
for (const u of funnel.units) {
  const flags = u.classes.filter((c) => c.class !== "not_significant").map((c) => `${c.class} at ${c.level * 100} %`);
  if (flags.length > 0) console.log(`  ${u.unit}: ${(100 * u.value).toFixed(1)} % (${flags.join(", ")})`);
}
const funnelFile = join(outDir, "funnel-readmission-65.svg");
writeFileSync(funnelFile, await renderSvg(funnelChart(funnel, { title: "Genindlæggelser af borgere 65+ efter kommune", period: "2020–2022" })));

// SPC: monthly p-chart per cluster, phases at the intervention's start.
const frail = loadInterventions(join(root, "data/interventions")).interventions.find((i) => i.id === "frail-elderly-follow-up");
const starts = new Map((frail?.adoptions ?? []).map((a) => [a.cluster, a.start.slice(0, 7)]));
const monthly = computeIndicators(ds, { levels: ["cluster"], groups: ["65+"], sexes: ["all"], period: "month", indicators: ["readmission_30d"], minCount: 0 });
for (const cluster of new Set(ds.geography.map((g) => g.cluster))) {
  const series = monthly
    .filter((r) => r.unit === cluster && (r.denominator ?? 0) > 0)
    .map((r) => ({ period: r.period, numerator: r.numerator, denominator: r.denominator }));
  const start = starts.get(cluster);
  const result = pChart(completePeriods(series, "month").points, { improvement: "decrease", phases: start ? [{ start, label: "Indsats" }] : [] });
  const centres = result.phases.map((p) => `${p.phase} ${((p.centre ?? 0) * 100).toFixed(1)} %`).join(" -> ");
  console.log(`SPC ${cluster}: ${centres}`);
  writeFileSync(join(outDir, `spc-readmission-65-${cluster.toLowerCase()}.svg`), await renderSvg(spcChart(result, { title: `Genindlæggelser 65+, ${cluster}` })));
}
console.log(`Charts written to ${relative(process.cwd(), outDir)}`);
