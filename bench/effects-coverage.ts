/**
 * Slow check (not a test): does the staggered difference-in-differences estimator recover the
 * effect injected by the demo generator, cover it at the nominal rate, and find nothing when
 * nothing was injected? Runs N seeds of the real generator (src/generate) with the injected
 * intervention (30-day acute readmissions of citizens 65+, rate ratio 0.75, staggered: Midt
 * 2019-01, Randers 2019-07, Vest 2020-04) and N seeds with the null effect (rate ratio 1), counts
 * monthly readmissions / index admissions of 65+ per cluster with the indicator engine
 * (src/indicators), and fits `staggeredDid` (and, for the first seed, the ITS of each adopting
 * cluster).
 *
 * Run: npx tsx bench/effects-coverage.ts [seeds=20] [fraction=0.1] [baseWindow=12]
 */
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { interruptedTimeSeries } from "../src/effects/interruptedTimeSeries.js";
import { staggeredDid, type DidPanelRow } from "../src/effects/staggeredDid.js";
import { DEMO_INTERVENTION, generateToMemory } from "../src/generate/index.js";
import { computeIndicators } from "../src/indicators/index.js";
import { loadDataset } from "../src/io/index.js";

const seeds = Number(process.argv[2] ?? 20);
const fraction = Number(process.argv[3] ?? 0.1);
const baseWindow = Number(process.argv[4] ?? 12);
const starts = new Map(DEMO_INTERVENTION.adoptions.map((a) => [a.cluster, a.start.slice(0, 7)]));

async function panelFor(seed: number, rateRatio: number): Promise<DidPanelRow[]> {
  const { files } = await generateToMemory({ seed, fraction, interventionRateRatio: rateRatio });
  const dir = mkdtempSync(join(tmpdir(), "klynge-effects-"));
  try {
    for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, name), text);
    const dataset = await loadDataset(dir);
    const rows = computeIndicators(dataset, {
      levels: ["cluster"],
      period: "month",
      groups: ["65+"],
      sexes: ["all"],
      indicators: ["readmission_30d"],
      minCount: 0,
    });
    return rows
      .filter((r) => r.numerator !== null && r.denominator !== null && r.denominator > 0)
      .map((r) => ({
        unit: r.unit,
        period: r.period,
        events: r.numerator as number,
        exposure: r.denominator as number,
        treatedFrom: starts.get(r.unit) ?? null,
      }));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

async function run(rateRatio: number) {
  let sumLog = 0;
  let covered = 0;
  let rejected = 0;
  let preRejected = 0;
  let itsFits = 0;
  let itsCovered = 0;
  let itsRejected = 0;
  let itsSumLog = 0;
  const t0 = Date.now();
  for (let seed = 1; seed <= seeds; seed++) {
    const panel = await panelFor(seed, rateRatio);
    const r = staggeredDid(panel, { baseWindow });
    sumLog += r.overall.logEstimate;
    if (r.overall.lower <= rateRatio && rateRatio <= r.overall.upper) covered++;
    if (r.overall.pValue < 0.05) rejected++;
    if (r.preTrend !== null && r.preTrend.pValue < 0.05) preRejected++;
    console.log(
      `  seed ${seed}: RR ${r.overall.rateRatio.toFixed(3)} [${r.overall.lower.toFixed(3)}, ${r.overall.upper.toFixed(3)}] φ ${r.dispersion.toFixed(2)} pre-trend p ${r.preTrend?.pValue.toFixed(2) ?? "–"}`,
    );
    for (const [cluster, start] of starts) {
      const series = panel.filter((p) => p.unit === cluster).map((p) => ({ period: p.period, events: p.events, exposure: p.exposure }));
      const its = interruptedTimeSeries(series, { start, seasonality: { harmonics: 2 }, slopeChange: false, interval: "delta" });
      itsFits++;
      itsSumLog += its.levelChange.logEstimate;
      if (its.levelChange.lower <= rateRatio && rateRatio <= its.levelChange.upper) itsCovered++;
      if (its.levelChange.pValue < 0.05) itsRejected++;
      if (seed === 1) {
        console.log(
          `    ITS ${cluster} (start ${start}): level change RR ${its.levelChange.rateRatio.toFixed(3)} [${its.levelChange.lower.toFixed(3)}, ${its.levelChange.upper.toFixed(3)}], averted ${its.overall.averted.value.toFixed(1)} [${its.overall.averted.lower.toFixed(1)}, ${its.overall.averted.upper.toFixed(1)}], φ ${its.dispersion.toFixed(2)}`,
        );
      }
    }
  }
  return {
    rateRatio,
    seeds,
    meanRecoveredRateRatio: Number(Math.exp(sumLog / seeds).toFixed(4)),
    coverage95: covered / seeds,
    rejectionAt5pct: rejected / seeds,
    preTrendRejectionAt5pct: preRejected / seeds,
    its: {
      fits: itsFits,
      model: "step change, linear trend, 2 harmonics, quasi-Poisson, per adopting cluster",
      meanLevelChange: Number(Math.exp(itsSumLog / itsFits).toFixed(4)),
      coverage95: itsCovered / itsFits,
      rejectionAt5pct: itsRejected / itsFits,
    },
    seconds: (Date.now() - t0) / 1000,
  };
}

async function main() {
  console.log(`effects coverage: ${seeds} seeds, fraction ${fraction}, base window ${baseWindow}`);
  console.log("injected effect (rate ratio 0.75):");
  const eff = await run(0.75);
  console.log("null effect (rate ratio 1):");
  const nul = await run(1);
  console.log(JSON.stringify({ injected: eff, null: nul }, null, 2));
}

main().catch((e: unknown) => {
  console.error(e);
  process.exit(1);
});
