/** One scenario of the coverage benchmark: DiD and ITS over `seeds` panels of the independent simulator. */
import { interruptedTimeSeries } from "../../src/effects/interruptedTimeSeries.js";
import { staggeredDid } from "../../src/effects/staggeredDid.js";
import { studentTCdf, studentTQuantile } from "../../src/stats/studentT.js";
import { driftScenarios, simulateDriftPanel } from "./driftPanel.js";

export interface MethodSummary {
  readonly coverage: number;
  readonly bias: number;
  readonly rejection: number;
  /** Seeds where the method refused (an error instead of a number). */
  readonly failed: number;
}

export interface ScenarioResult {
  readonly index: number;
  readonly name: string;
  readonly nullEffect: boolean;
  readonly seeds: number;
  readonly seconds: number;
  readonly did: MethodSummary;
  readonly its: MethodSummary;
}

function summary(fits: { lower: number; upper: number; log: number; p: number; truth: number }[], failed: number): MethodSummary {
  const n = Math.max(1, fits.length);
  return {
    coverage: fits.filter((f) => f.lower <= f.truth && f.truth <= f.upper).length / n,
    bias: fits.reduce((a, f) => a + f.log - Math.log(f.truth), 0) / n,
    rejection: fits.filter((f) => f.p < 0.05).length / n,
    failed,
  };
}

/** Runs one scenario (by its index in driftScenarios()) over seeds 1..seeds. */
export function runScenario(index: number, seeds: number, firstSeed = 1): ScenarioResult {
  const scenario = driftScenarios()[index];
  const t0 = Date.now();
  const did: { lower: number; upper: number; log: number; p: number; truth: number }[] = [];
  const its: typeof did = [];
  let didFailed = 0;
  let itsFailed = 0;
  for (let seed = firstSeed; seed < firstSeed + seeds; seed++) {
    const panel = simulateDriftPanel(scenario, seed);
    try {
      const r = staggeredDid(panel.rows);
      did.push({ lower: r.overall.lower, upper: r.overall.upper, log: r.overall.logEstimate, p: r.overall.pValue, truth: panel.didTruth });
    } catch {
      didFailed++;
    }
    try {
      const series = panel.rows.filter((r) => r.unit === panel.itsUnit).map((r) => ({ period: r.period, events: r.events, exposure: r.exposure }));
      // The step model with a pre-specified phase-in of one year (the first adopter has 54 months after its start).
      const r = interruptedTimeSeries(series, { start: panel.itsStart, slopeChange: false, phaseIn: 12, interval: "delta" });
      its.push({ lower: r.overall.lower, upper: r.overall.upper, log: Math.log(r.overall.rateRatio), p: itsPValue(r), truth: panel.itsTruth });
    } catch {
      itsFailed++;
    }
  }
  return {
    index,
    name: scenario.name,
    nullEffect: scenario.rateRatio === 1,
    seeds,
    seconds: (Date.now() - t0) / 1000,
    did: summary(did, didFailed),
    its: summary(its, itsFailed),
  };
}

/** p-value of the overall ITS effect (its interval is a t or normal interval on the log scale). */
function itsPValue(r: ReturnType<typeof interruptedTimeSeries>): number {
  const df = r.assumption.values.df;
  const q = typeof df === "number" && Number.isFinite(df) ? studentTQuantile(0.5 + r.overall.level / 2, df) : 1.959963984540054;
  const se = (Math.log(r.overall.upper) - Math.log(r.overall.lower)) / (2 * q);
  const z = Math.abs(Math.log(r.overall.rateRatio)) / se;
  return 2 * (typeof df === "number" && Number.isFinite(df) ? studentTCdf(-z, df) : studentTCdf(-z, 1e6));
}
