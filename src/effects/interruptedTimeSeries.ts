import type { IntervalEstimate, RateRatioEstimate } from "./effectTypes.js";
import { cholesky, quadraticForm } from "./glm/linalg.js";
import { poissonGlm } from "./glm/poissonGlm.js";
import { EffectsError, EffectsMessage } from "./messages.js";
import { zForLevel } from "../stats/index.js";
import { monthOfYear, parsePeriods, periodIndex, periodLabel, type PeriodInput } from "./periods.js";
import { seededRandom } from "./random.js";
import { rateRatioFromLog } from "./rateRatio.js";

/** One period of a series: events and person-time (the exposure; its log is the offset). */
export interface ItsObservation {
  readonly period: PeriodInput;
  readonly events: number;
  readonly exposure: number;
}

/** Seasonal terms: none, 11 month-of-year dummies, or k pairs of Fourier harmonics (period 12). */
export type ItsSeasonality = "none" | "months" | { readonly harmonics: number };

export interface ItsOptions {
  /** First period of the intervention (same form as the series' periods). */
  readonly start: PeriodInput;
  readonly seasonality?: ItsSeasonality;
  /** Default "quasipoisson": standard errors × √φ when φ > 1. */
  readonly family?: "poisson" | "quasipoisson";
  /** Confidence level as a fraction (default 0.95). */
  readonly level?: number;
  /** Window of the overall effect and counts averted (default: every observed period from start). */
  readonly effectFrom?: PeriodInput;
  readonly effectTo?: PeriodInput;
  /** Interval of the overall effect: "simulation" (default; parametric, seeded) or "delta". */
  readonly interval?: "simulation" | "delta";
  /** Draws for the simulation interval (default 4000). */
  readonly simulations?: number;
  /** Seed of the simulation (default 1). */
  readonly seed?: number;
  /** Include the slope-change term (default true); false fits a level (step) change only. */
  readonly slopeChange?: boolean;
}

/** One row of the chart table: observed, fitted and counterfactual (no intervention) counts. */
export interface ItsTableRow {
  readonly period: string;
  /** Months since the first period. */
  readonly time: number;
  readonly post: boolean;
  readonly events: number;
  readonly exposure: number;
  readonly fitted: number;
  readonly fittedLower: number;
  readonly fittedUpper: number;
  /** Expected events had the intervention not happened (level and slope terms set to 0). */
  readonly counterfactual: number;
  readonly counterfactualLower: number;
  readonly counterfactualUpper: number;
}

export interface ItsCoefficient {
  readonly name: string;
  readonly estimate: number;
  readonly standardError: number;
}

export interface ItsResult {
  readonly method: string;
  readonly family: "poisson" | "quasipoisson";
  readonly start: string;
  readonly prePeriods: number;
  readonly postPeriods: number;
  readonly coefficients: readonly ItsCoefficient[];
  /** Rate ratio per month before the start (underlying trend). */
  readonly baselineTrend: RateRatioEstimate;
  /** Immediate change in level at the start, as a rate ratio. */
  readonly levelChange: RateRatioEstimate;
  /** Change in the monthly trend after the start, as a ratio of monthly rate ratios (null when not fitted). */
  readonly slopeChange: RateRatioEstimate | null;
  /** Effect over the window: Σ fitted / Σ counterfactual, and counts averted Σ counterfactual − Σ fitted. */
  readonly overall: {
    readonly from: string;
    readonly to: string;
    readonly rateRatio: number;
    readonly lower: number;
    readonly upper: number;
    readonly level: number;
    readonly observedEvents: number;
    readonly fittedEvents: number;
    readonly counterfactualEvents: number;
    /** Counts averted (positive = fewer events than without the intervention). */
    readonly averted: IntervalEstimate;
    readonly interval: "simulation" | "delta";
    readonly simulations: number | null;
    readonly seed: number | null;
  };
  /** φ = Pearson χ²/df and the dispersion used for the standard errors. */
  readonly dispersion: number;
  readonly dispersionUsed: number;
  readonly deviance: number;
  readonly dfResidual: number;
  readonly table: readonly ItsTableRow[];
  readonly notes: readonly string[];
}

function quantile(sorted: Float64Array, p: number): number {
  const h = (sorted.length - 1) * p;
  const lo = Math.floor(h);
  const hi = Math.min(sorted.length - 1, lo + 1);
  return sorted[lo] + (h - lo) * (sorted[hi] - sorted[lo]);
}

/**
 * Interrupted time series for one cluster: segmented Poisson or quasi-Poisson regression of
 * monthly counts with log person-time as offset (Bernal, Cummins & Gasparrini 2017, "Interrupted
 * time series regression for the evaluation of public health interventions: a tutorial", Int J
 * Epidemiol 46:348–355; Wagner et al. 2002, J Clin Pharm Ther 27:299–309):
 *
 *   log μₜ = log(personTimeₜ) + β₀ + β₁·t + β₂·postₜ + β₃·(t − t₀)·postₜ [+ seasonal terms]
 *
 * Level change = exp(β₂), slope change = exp(β₃) per month. The overall effect over a window is
 * Σ fitted / Σ counterfactual (β₂ = β₃ = 0) and the counts averted Σ counterfactual − Σ fitted,
 * with an interval by parametric simulation of the coefficients from N(β̂, V̂) (seeded; King, Tomz
 * & Wittenberg 2000) or by the delta method. Quasi-Poisson: V̂ is scaled by φ when φ > 1.
 * Missing months are gaps (left out), never zeros, and are listed in `notes`.
 * @throws EffectsError on invalid input, no period before or from the start, or too few periods.
 * @example
 * interruptedTimeSeries(series, { start: "2019-07", seasonality: { harmonics: 2 } }).levelChange.rateRatio
 */
export function interruptedTimeSeries(series: readonly ItsObservation[], options: ItsOptions): ItsResult {
  const fn = "interruptedTimeSeries";
  if (series.length === 0) throw new EffectsError("empty", EffectsMessage.emptyData(fn));
  const level = options.level ?? 0.95;
  if (!(level > 0 && level < 1)) throw new EffectsError("bad_level", EffectsMessage.badLevel(fn, level));
  const family = options.family ?? "quasipoisson";
  const seasonality = options.seasonality ?? "none";
  if (typeof seasonality === "object" && !(Number.isInteger(seasonality.harmonics) && seasonality.harmonics >= 1 && seasonality.harmonics <= 5)) {
    throw new EffectsError("bad_harmonics", EffectsMessage.badHarmonics(seasonality.harmonics));
  }
  const parsed = parsePeriods(fn, series.map((s) => s.period));
  const start = periodIndex(fn, options.start);
  if (start.kind !== parsed.kind) throw new EffectsError("mixed_periods", EffectsMessage.mixedPeriods(fn));
  series.forEach((s, i) => {
    if (!Number.isFinite(s.events)) throw new EffectsError("not_finite", EffectsMessage.notFinite(fn, "events", i, s.events));
    if (s.events < 0) throw new EffectsError("negative", EffectsMessage.negativeCount(fn, i, s.events));
    if (!(s.exposure > 0) || !Number.isFinite(s.exposure)) {
      throw new EffectsError("exposure", EffectsMessage.nonPositiveExposure(fn, i, s.exposure));
    }
  });
  // Sort by period; reject duplicates; find gaps.
  const order = parsed.index.map((_, i) => i).sort((a, b) => parsed.index[a] - parsed.index[b]);
  const idx = order.map((i) => parsed.index[i]);
  for (let k = 1; k < idx.length; k++) {
    if (idx[k] === idx[k - 1]) throw new EffectsError("duplicate", EffectsMessage.duplicatePeriod(fn, periodLabel(idx[k], parsed.kind)));
  }
  const notes: string[] = [];
  const gaps: string[] = [];
  for (let k = 1; k < idx.length; k++) for (let m = idx[k - 1] + 1; m < idx[k]; m++) gaps.push(periodLabel(m, parsed.kind));
  if (gaps.length > 0) notes.push(EffectsMessage.gapNote(gaps.length, gaps.slice(0, 12).join(", ") + (gaps.length > 12 ? ", …" : "")));
  const t0 = start.index;
  const pre = idx.filter((v) => v < t0).length;
  const post = idx.length - pre;
  const startLabel = periodLabel(t0, parsed.kind);
  if (pre === 0 || post === 0) throw new EffectsError("start_outside", EffectsMessage.startOutside(fn, startLabel));

  const first = idx[0];
  const withSlope = options.slopeChange !== false;
  const names = withSlope ? ["(Intercept)", "time", "level", "slope"] : ["(Intercept)", "time", "level"];
  const seasonalNames: string[] = [];
  if (seasonality === "months") for (let m = 1; m < 12; m++) seasonalNames.push(`month${m + 1}`);
  else if (seasonality !== "none") {
    for (let k = 1; k <= seasonality.harmonics; k++) seasonalNames.push(`sin${k}`, `cos${k}`);
  }
  if (seasonality !== "none" && parsed.kind === "index") notes.push(EffectsMessage.seasonalityNumericNote());
  const seasonalRow = (m: number): number[] => {
    const moy = monthOfYear(m);
    if (seasonality === "months") return Array.from({ length: 11 }, (_, j) => (moy === j + 1 ? 1 : 0));
    if (seasonality === "none") return [];
    const out: number[] = [];
    for (let k = 1; k <= seasonality.harmonics; k++) {
      out.push(Math.sin((2 * Math.PI * k * moy) / 12), Math.cos((2 * Math.PI * k * moy) / 12));
    }
    return out;
  };
  const allNames = [...names, ...seasonalNames];
  const p = allNames.length;
  if (idx.length < p + 1) throw new EffectsError("too_few", EffectsMessage.tooFewPre(idx.length, p));
  const rows = idx.map((m) => {
    const isPost = m >= t0 ? 1 : 0;
    return withSlope ? [1, m - first, isPost, isPost * (m - t0), ...seasonalRow(m)] : [1, m - first, isPost, ...seasonalRow(m)];
  });
  const nInt = withSlope ? 2 : 1; // intervention columns start at index 2
  const cfRows = rows.map((r) => r.map((v, j) => (j >= 2 && j < 2 + nInt ? 0 : v)));
  const events = order.map((i) => series[i].events);
  const exposure = order.map((i) => series[i].exposure);
  const offset = exposure.map(Math.log);
  const fit = poissonGlm({ y: events, x: rows, names: allNames, offset }, { family });
  notes.push(...fit.notes);
  if (family === "quasipoisson" && Number.isFinite(fit.dispersion)) {
    notes.push(fit.dispersion > 1 ? EffectsMessage.overdispersionNote(fit.dispersion) : EffectsMessage.underdispersionNote(fit.dispersion));
  }
  const b = fit.coefficients;
  const V = fit.covariance;
  const z = zForLevel(level);
  const eta = (row: readonly number[], k: number, coef: readonly number[]) => {
    let s = offset[k];
    for (let j = 0; j < p; j++) s += row[j] * coef[j];
    return s;
  };
  const table: ItsTableRow[] = idx.map((m, k) => {
    const ef = eta(rows[k], k, b);
    const ec = eta(cfRows[k], k, b);
    const sf = Math.sqrt(quadraticForm(V, rows[k]));
    const sc = Math.sqrt(quadraticForm(V, cfRows[k]));
    return {
      period: periodLabel(m, parsed.kind),
      time: m - first,
      post: m >= t0,
      events: events[k],
      exposure: exposure[k],
      fitted: Math.exp(ef),
      fittedLower: Math.exp(ef - z * sf),
      fittedUpper: Math.exp(ef + z * sf),
      counterfactual: Math.exp(ec),
      counterfactualLower: Math.exp(ec - z * sc),
      counterfactualUpper: Math.exp(ec + z * sc),
    };
  });

  // Effect window.
  const from = options.effectFrom === undefined ? t0 : periodIndex(fn, options.effectFrom).index;
  const to = options.effectTo === undefined ? idx[idx.length - 1] : periodIndex(fn, options.effectTo).index;
  const win = idx.map((m, k) => (m >= Math.max(from, t0) && m <= to ? k : -1)).filter((k) => k >= 0);
  let F = 0;
  let C = 0;
  let O = 0;
  for (const k of win) {
    F += table[k].fitted;
    C += table[k].counterfactual;
    O += events[k];
  }
  const method = options.interval ?? "simulation";
  let rrLower: number;
  let rrUpper: number;
  let avLower: number;
  let avUpper: number;
  const nSim = options.simulations ?? 4000;
  const seed = options.seed ?? 1;
  if (win.length === 0) {
    rrLower = rrUpper = avLower = avUpper = NaN;
  } else if (method === "delta") {
    const gLog = new Array<number>(p).fill(0);
    const gAv = new Array<number>(p).fill(0);
    for (const k of win) {
      for (let j = 0; j < p; j++) {
        gLog[j] += (table[k].fitted * rows[k][j]) / F - (table[k].counterfactual * cfRows[k][j]) / C;
        gAv[j] += table[k].counterfactual * cfRows[k][j] - table[k].fitted * rows[k][j];
      }
    }
    const seLog = Math.sqrt(quadraticForm(V, gLog));
    const seAv = Math.sqrt(quadraticForm(V, gAv));
    rrLower = (F / C) * Math.exp(-z * seLog);
    rrUpper = (F / C) * Math.exp(z * seLog);
    avLower = C - F - z * seAv;
    avUpper = C - F + z * seAv;
  } else {
    const L = cholesky(V);
    const rng = seededRandom(seed);
    const rr = new Float64Array(nSim);
    const av = new Float64Array(nSim);
    const draw = new Array<number>(p);
    const e = new Array<number>(p);
    for (let s = 0; s < nSim; s++) {
      for (let j = 0; j < p; j++) e[j] = rng.normal();
      for (let j = 0; j < p; j++) {
        let v = b[j];
        for (let k = 0; k <= j; k++) v += L[j][k] * e[k];
        draw[j] = v;
      }
      let f = 0;
      let c = 0;
      for (const k of win) {
        f += Math.exp(eta(rows[k], k, draw));
        c += Math.exp(eta(cfRows[k], k, draw));
      }
      rr[s] = f / c;
      av[s] = c - f;
    }
    rr.sort();
    av.sort();
    const a = (1 - level) / 2;
    rrLower = quantile(rr, a);
    rrUpper = quantile(rr, 1 - a);
    avLower = quantile(av, a);
    avUpper = quantile(av, 1 - a);
  }
  const se = fit.standardErrors;
  return {
    method:
      `segmented ${family === "quasipoisson" ? "quasi-Poisson" : "Poisson"} regression, log person-time offset` +
      (seasonality === "none" ? "" : seasonality === "months" ? ", month-of-year terms" : `, ${seasonality.harmonics} Fourier harmonic(s)`) +
      `; overall effect interval by ${method === "delta" ? "delta method" : `parametric simulation (${nSim} draws, seed ${seed})`}`,
    family,
    start: startLabel,
    prePeriods: pre,
    postPeriods: post,
    coefficients: allNames.map((name, j) => ({ name, estimate: b[j], standardError: se[j] })),
    baselineTrend: rateRatioFromLog(b[1], se[1], level),
    levelChange: rateRatioFromLog(b[2], se[2], level),
    slopeChange: withSlope ? rateRatioFromLog(b[3], se[3], level) : null,
    overall: {
      from: periodLabel(Math.max(from, t0), parsed.kind),
      to: periodLabel(to, parsed.kind),
      rateRatio: F / C,
      lower: rrLower,
      upper: rrUpper,
      level,
      observedEvents: O,
      fittedEvents: F,
      counterfactualEvents: C,
      averted: { value: C - F, lower: avLower, upper: avUpper, level },
      interval: method,
      simulations: method === "simulation" ? nSim : null,
      seed: method === "simulation" ? seed : null,
    },
    dispersion: fit.dispersion,
    dispersionUsed: fit.dispersionUsed,
    deviance: fit.deviance,
    dfResidual: fit.dfResidual,
    table,
    notes,
  };
}
