/** One scenario of the coverage benchmark: DiD and ITS over a block of seeds of the independent simulator. */
import { interruptedTimeSeries } from "../../src/effects/interruptedTimeSeries.js";
import { staggeredDid } from "../../src/effects/staggeredDid.js";
import { studentTCdf, studentTQuantile } from "../../src/stats/studentT.js";
import { driftScenarios, heldOutScenarios, simulateDriftPanel } from "./driftPanel.js";

export interface MethodSummary {
  readonly coverage: number;
  readonly bias: number;
  readonly rejection: number;
  /** Seeds where the method refused (an error instead of a number). */
  readonly failed: number;
}

/** Sums over the seeds of a block, so that blocks merge exactly (in block order) whatever ran them. */
export interface MethodTally {
  /** Fits that gave a number. */
  readonly n: number;
  readonly covered: number;
  /** Σ (log estimate − log truth). */
  readonly biasSum: number;
  readonly rejected: number;
  readonly failed: number;
  /** Σ squared standard error of the log estimate (interval half-width / quantile), and Σ squared error. */
  readonly seSquares: number;
  readonly errorSquares: number;
}

export interface ScenarioBlock {
  readonly index: number;
  readonly name: string;
  readonly nullEffect: boolean;
  readonly firstSeed: number;
  readonly seeds: number;
  readonly seconds: number;
  readonly did: MethodTally;
  readonly its: MethodTally;
}

export interface ScenarioResult {
  readonly index: number;
  readonly name: string;
  readonly nullEffect: boolean;
  readonly seeds: number;
  readonly seconds: number;
  readonly did: MethodSummary & { readonly rmsSe: number; readonly rmsError: number };
  readonly its: MethodSummary & { readonly rmsSe: number; readonly rmsError: number };
}

interface Fit {
  lower: number;
  upper: number;
  log: number;
  p: number;
  se: number;
  truth: number;
}

function tally(fits: readonly Fit[], failed: number): MethodTally {
  let covered = 0;
  let biasSum = 0;
  let rejected = 0;
  let seSquares = 0;
  let errorSquares = 0;
  for (const f of fits) {
    if (f.lower <= f.truth && f.truth <= f.upper) covered++;
    const e = f.log - Math.log(f.truth);
    biasSum += e;
    errorSquares += e * e;
    seSquares += f.se * f.se;
    if (f.p < 0.05) rejected++;
  }
  return { n: fits.length, covered, biasSum, rejected, failed, seSquares, errorSquares };
}

/** Runs one scenario (by its index in driftScenarios()) over seeds firstSeed … firstSeed + seeds − 1. */
export function runScenarioBlock(index: number, firstSeed: number, seeds: number, heldOut = false): ScenarioBlock {
  const scenario = (heldOut ? heldOutScenarios() : driftScenarios())[index];
  const t0 = Date.now();
  const did: Fit[] = [];
  const its: Fit[] = [];
  let didFailed = 0;
  let itsFailed = 0;
  for (let seed = firstSeed; seed < firstSeed + seeds; seed++) {
    const panel = simulateDriftPanel(scenario, seed);
    if (process.env.KLYNGE_BENCH_SKIP !== "did") try {
      const r = staggeredDid(panel.rows);
      did.push({ lower: r.overall.lower, upper: r.overall.upper, log: r.overall.logEstimate, p: r.overall.pValue, se: r.overall.standardError, truth: panel.didTruth });
    } catch {
      didFailed++;
    }
    if (process.env.KLYNGE_BENCH_SKIP !== "its") try {
      const series = panel.rows.filter((r) => r.unit === panel.itsUnit).map((r) => ({ period: r.period, events: r.events, exposure: r.exposure }));
      // The step model with a pre-specified phase-in of one year (the first adopter has 54 months after its start).
      const r = interruptedTimeSeries(series, { start: panel.itsStart, slopeChange: false, phaseIn: 12, interval: "delta" });
      const { p, se } = itsPValue(r);
      its.push({ lower: r.overall.lower, upper: r.overall.upper, log: Math.log(r.overall.rateRatio), p, se, truth: panel.itsTruth });
    } catch {
      itsFailed++;
    }
  }
  return {
    index,
    name: scenario.name,
    nullEffect: scenario.rateRatio === 1,
    firstSeed,
    seeds,
    seconds: (Date.now() - t0) / 1000,
    did: tally(did, didFailed),
    its: tally(its, itsFailed),
  };
}

/** Merges blocks of one scenario, in the order of their first seed (so sums do not depend on who ran them). */
export function mergeBlocks(blocks: readonly ScenarioBlock[]): ScenarioResult {
  const sorted = [...blocks].sort((a, b) => a.firstSeed - b.firstSeed);
  const sum = (which: "did" | "its") => {
    const t = { n: 0, covered: 0, biasSum: 0, rejected: 0, failed: 0, seSquares: 0, errorSquares: 0 };
    for (const b of sorted) {
      const m = b[which];
      t.n += m.n;
      t.covered += m.covered;
      t.biasSum += m.biasSum;
      t.rejected += m.rejected;
      t.failed += m.failed;
      t.seSquares += m.seSquares;
      t.errorSquares += m.errorSquares;
    }
    const n = Math.max(1, t.n);
    return {
      coverage: t.covered / n,
      bias: t.biasSum / n,
      rejection: t.rejected / n,
      failed: t.failed,
      rmsSe: Math.sqrt(t.seSquares / n),
      rmsError: Math.sqrt(t.errorSquares / n),
    };
  };
  const first = sorted[0];
  return {
    index: first.index,
    name: first.name,
    nullEffect: first.nullEffect,
    seeds: sorted.reduce((a, b) => a + b.seeds, 0),
    seconds: sorted.reduce((a, b) => a + b.seconds, 0),
    did: sum("did"),
    its: sum("its"),
  };
}

/** Runs one scenario (by its index in driftScenarios()) over seeds firstSeed … firstSeed + seeds − 1, in one thread. */
export function runScenario(index: number, seeds: number, firstSeed = 1): ScenarioResult {
  return mergeBlocks([runScenarioBlock(index, firstSeed, seeds)]);
}

/** p-value and standard error of the overall ITS effect (its interval is a t or normal interval on the log scale). */
function itsPValue(r: ReturnType<typeof interruptedTimeSeries>): { p: number; se: number } {
  const df = r.assumption.values.df;
  const q = typeof df === "number" && Number.isFinite(df) ? studentTQuantile(0.5 + r.overall.level / 2, df) : 1.959963984540054;
  const se = (Math.log(r.overall.upper) - Math.log(r.overall.lower)) / (2 * q);
  const z = Math.abs(Math.log(r.overall.rateRatio)) / se;
  return { p: 2 * (typeof df === "number" && Number.isFinite(df) ? studentTCdf(-z, df) : studentTCdf(-z, 1e6)), se };
}
