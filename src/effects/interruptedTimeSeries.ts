import type { IntervalEstimate, RateRatioEstimate } from "./effectTypes.js";
import { cholesky, quadraticForm } from "../stats/glm/linalg.js";
import { poissonGlm } from "../stats/glm/poissonGlm.js";
import { EffectsError, EffectsMessage, EffectsNotes, type EffectsNote } from "./messages.js";
import { zForLevel } from "../stats/zForLevel.js";
import { studentTQuantile } from "../stats/studentT.js";
import { monthOfYear, parsePeriods, periodIndex, periodLabel, type PeriodInput } from "./periods.js";
import { Random } from "../stats/random.js";
import { rateRatioFromLog } from "./rateRatio.js";
import { variogramTable, type DriftVariogram } from "./driftVariogram.js";
import { fitProjectedVariogram, type ProjectedVariogramFit } from "./projectedVariogram.js";
import type { IntervalAssumption } from "./effectTypes.js";
import { logCountVariance } from "./staggeredDid.js";
import { residualAutocorrelation, type ResidualAutocorrelation } from "./residualAutocorrelation.js";

/** One period of a series: events and person-time (the exposure; its log is the offset). */
export interface ItsObservation {
  readonly period: PeriodInput;
  readonly events: number;
  readonly exposure: number;
}

/** Seasonal terms: none, season dummies ("months": 11 month-of-year or 3 quarter dummies), or k pairs of Fourier harmonics (period = periods per year). */
export type ItsSeasonality = "none" | "months" | { readonly harmonics: number };

export interface ItsOptions {
  /** First period of the intervention (same form as the series' periods). */
  readonly start: PeriodInput;
  /**
   * Periods in a year: 12 for "YYYY-MM" periods (fixed); for integer periods default 12, give 4 for
   * quarters or 1 for years. Sets the seasonal period and the default seasonality.
   */
  readonly periodsPerYear?: number;
  /**
   * Seasonal terms. Default: 2 Fourier harmonics for monthly data, quarter dummies for quarterly
   * data, none for yearly data (Bernal et al. 2017 model seasonality by harmonics).
   */
  readonly seasonality?: ItsSeasonality;
  /** Default "quasipoisson": with variance "model", standard errors × √φ when φ > 1. */
  readonly family?: "poisson" | "quasipoisson";
  /**
   * How the standard errors account for autocorrelation:
   * - "drift" (default): Poisson variance plus a variance component for serially correlated drift
   *   of the cluster's log rate (nugget + AR(1) + random walk), fitted to the variogram of the
   *   model's own residuals (driftVariogram.ts) — an AR(1)-type error model for the variance, as
   *   Prais–Winsten, that also allows a random walk; the estimates are unchanged;
   * - "model": the GLM's (quasi-)Poisson standard errors, which assume independent periods.
   * The Durbin–Watson statistic and the Ljung–Box test of the residuals are reported either way.
   */
  readonly variance?: "drift" | "model";
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
  /**
   * Periods from the start during which the effect may still be building up (default 0). Each gets
   * its own indicator, so those periods are fitted exactly and do not pull the trend or the level
   * change, which then describe the periods after the phase-in (Bernal, Cummins & Gasparrini 2017
   * on excluding a phase-in or lag period). The overall effect still covers every period from the
   * start: Σ fitted / Σ counterfactual, with fitted = observed in the phase-in. At least two post
   * periods must remain after it.
   */
  readonly phaseIn?: number;
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
  /** What the intervals assume, as a code and values (text in the catalogues). */
  readonly assumption: IntervalAssumption;
  /** The fitted drift variogram (variance "drift"). */
  readonly drift: DriftVariogram | null;
  /** Residual autocorrelation: lag-one correlation, Durbin–Watson and Ljung–Box. */
  readonly autocorrelation: ResidualAutocorrelation;
  readonly deviance: number;
  readonly dfResidual: number;
  readonly table: readonly ItsTableRow[];
  readonly notes: readonly EffectsNote[];
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
  const parsed = parsePeriods(fn, series.map((s) => s.period));
  const perYear = parsed.kind === "month" ? 12 : Math.floor(options.periodsPerYear ?? 12);
  if (!(perYear >= 1 && perYear <= 366)) throw new EffectsError("bad_periods_per_year", EffectsMessage.badPeriodsPerYear(fn, options.periodsPerYear));
  const seasonality: ItsSeasonality = options.seasonality ?? (perYear >= 12 ? { harmonics: 2 } : perYear >= 2 ? "months" : "none");
  const maxHarmonics = Math.min(5, Math.floor((perYear - 1) / 2));
  if (typeof seasonality === "object" && !(Number.isInteger(seasonality.harmonics) && seasonality.harmonics >= 1 && seasonality.harmonics <= maxHarmonics)) {
    throw new EffectsError("bad_harmonics", EffectsMessage.badHarmonics(seasonality.harmonics, maxHarmonics));
  }
  if (seasonality !== "none" && perYear < 2) throw new EffectsError("bad_harmonics", EffectsMessage.noSeasonsInYearlyData());
  const varianceMode = options.variance ?? "drift";
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
  const notes: EffectsNote[] = [];
  const gaps: string[] = [];
  for (let k = 1; k < idx.length; k++) for (let m = idx[k - 1] + 1; m < idx[k]; m++) gaps.push(periodLabel(m, parsed.kind));
  if (gaps.length > 0) notes.push(EffectsNotes.gaps(gaps));
  const t0 = start.index;
  const pre = idx.filter((v) => v < t0).length;
  const post = idx.length - pre;
  const startLabel = periodLabel(t0, parsed.kind);
  if (pre === 0 || post === 0) throw new EffectsError("start_outside", EffectsMessage.startOutside(fn, startLabel));
  // Minimum data: enough periods before the start to fix the trend (and a whole year of seasons).
  const minPre = seasonality === "none" ? 8 : Math.max(8, perYear);
  if (pre < minPre) throw new EffectsError("too_few_pre", EffectsMessage.tooFewPrePeriods(pre, minPre, seasonality !== "none"), { pre, min: minPre });
  const preEvents = order.filter((i) => parsed.index[i] < t0).reduce((a, i) => a + series[i].events, 0);
  if (preEvents < 10) throw new EffectsError("too_few_events", EffectsMessage.tooFewPreEvents(preEvents, 10), { events: preEvents, min: 10 });

  const first = idx[0];
  const withSlope = options.slopeChange !== false;
  const phaseIn = Math.floor(options.phaseIn ?? 0);
  if (!(phaseIn >= 0) || post - phaseIn < 2) throw new EffectsError("bad_phase_in", EffectsMessage.badPhaseIn(options.phaseIn, post));
  const phaseNames = Array.from({ length: phaseIn }, (_, j) => `phase${j + 1}`);
  const names = [...(withSlope ? ["(Intercept)", "time", "level", "slope"] : ["(Intercept)", "time", "level"]), ...phaseNames];
  const seasonalNames: string[] = [];
  if (seasonality === "months") for (let m = 1; m < perYear; m++) seasonalNames.push(`${perYear === 4 ? "quarter" : "month"}${m + 1}`);
  else if (seasonality !== "none") {
    for (let k = 1; k <= seasonality.harmonics; k++) seasonalNames.push(`sin${k}`, `cos${k}`);
  }
  if (seasonality !== "none" && parsed.kind === "index") notes.push(EffectsNotes.seasonIndex());
  const seasonalRow = (m: number): number[] => {
    const moy = perYear === 12 ? monthOfYear(m) : ((m % perYear) + perYear) % perYear;
    if (seasonality === "months") return Array.from({ length: perYear - 1 }, (_, j) => (moy === j + 1 ? 1 : 0));
    if (seasonality === "none") return [];
    const out: number[] = [];
    for (let k = 1; k <= seasonality.harmonics; k++) {
      out.push(Math.sin((2 * Math.PI * k * moy) / perYear), Math.cos((2 * Math.PI * k * moy) / perYear));
    }
    return out;
  };
  const allNames = [...names, ...seasonalNames];
  const p = allNames.length;
  if (idx.length < p + 1) throw new EffectsError("too_few", EffectsMessage.tooFewPre(idx.length, p));
  const rows = idx.map((m) => {
    const isPost = m >= t0 ? 1 : 0;
    const phase = phaseNames.map((_, j) => (m - t0 === j ? 1 : 0));
    return withSlope ? [1, m - first, isPost, isPost * (m - t0), ...phase, ...seasonalRow(m)] : [1, m - first, isPost, ...phase, ...seasonalRow(m)];
  });
  const nInt = (withSlope ? 2 : 1) + phaseIn; // intervention columns start at index 2
  const cfRows = rows.map((r) => r.map((v, j) => (j >= 2 && j < 2 + nInt ? 0 : v)));
  const events = order.map((i) => series[i].events);
  const exposure = order.map((i) => series[i].exposure);
  const offset = exposure.map(Math.log);
  const fit = poissonGlm({ y: events, x: rows, names: allNames, offset }, { family });
  if (!fit.converged) notes.push(EffectsNotes.glmNotConverged(fit.iterations));
  if (varianceMode === "model" && family === "quasipoisson" && Number.isFinite(fit.dispersion)) {
    notes.push(EffectsNotes.dispersion(fit.dispersion));
  }
  const b = fit.coefficients;
  const pearson = events.map((y, k) => (y - fit.fitted[k]) / Math.sqrt(fit.fitted[k]));
  const autocorrelation = residualAutocorrelation(pearson, Math.min(perYear >= 12 ? 12 : 2 * perYear, Math.floor(idx.length / 4)), p);
  let V: readonly (readonly number[])[] = fit.covariance;
  let drift: DriftVariogram | null = null;
  let df = Infinity;
  let projected: ProjectedVariogramFit | null = null;
  let coefWeights: number[][] = [];
  if (varianceMode === "drift") {
    // Residual log rates by period position (gaps stay NaN), their Poisson variance, and the
    // variogram of the cluster's drift; the model's own terms absorb part of a slow drift, so the
    // variogram uses the lags up to a third of the series.
    const span = idx[idx.length - 1] - first + 1;
    const residual = idx.map((_, k) => Math.log((events[k] + 0.5) / (fit.fitted[k] + 0.5)));
    projected = fitProjectedVariogram({
      residual,
      times: idx.map((m) => m - first),
      x: rows,
      unscaledCovariance: fit.unscaledCovariance,
      mu: fit.fitted,
      sampling: fit.fitted.map((mu) => logCountVariance(mu)),
      maxLag: Math.max(2, Math.floor(span / 2)),
    });
    if (projected === null) throw new EffectsError("too_few_pre", EffectsMessage.tooFewPrePeriods(pre, minPre, seasonality !== "none"), { pre, min: minPre });
    drift = projected.variogram;
    notes.push(EffectsNotes.drift(drift.nugget, drift.stationary, drift.rho, drift.walk));
    // Weights of each coefficient on the log counts: (XᵀWX)⁻¹ xₜ μₜ. Their drift covariance by the
    // variogram (zero-sum weight vectors: every coefficient but the intercept).
    const U = fit.unscaledCovariance;
    const A = Array.from({ length: p }, (_, j) => idx.map((_, k) => {
      let v = 0;
      for (let l = 0; l < p; l++) v += U[j][l] * rows[k][l];
      return v * fit.fitted[k];
    }));
    coefWeights = A;
    const gamma = variogramTable(drift, span);
    const times = idx.map((m) => m - first);
    // Cov(aⱼ'δ, aₗ'δ) = −Σᵢₖ aⱼᵢ aₗₖ γ(|tᵢ − tₖ|) for zero-sum weight vectors (every coefficient
    // but the intercept: Σₖ aⱼₖ = (XᵀWX)⁻¹XᵀWX e₀ = 0 for j ≥ 1): one product with the variogram
    // matrix Γ, then the bilinear forms (the polarisation of contrastDriftVariance, in one pass).
    const n = idx.length;
    const Gam = new Float64Array(n * n);
    for (let i = 0; i < n; i++) for (let k = 0; k < n; k++) Gam[i * n + k] = gamma[Math.abs(times[i] - times[k])];
    const zeroSum = A.map((a, j) => {
      if (j === 0) return a;
      let sum = 0;
      let abs = 0;
      for (const w of a) {
        sum += w;
        abs += Math.abs(w);
      }
      return abs > 0 ? a.map((w) => w - (sum * Math.abs(w)) / abs) : a;
    });
    const Vd = Array.from({ length: p }, () => new Array<number>(p).fill(0));
    const GA = new Float64Array(n);
    for (let l = 1; l < p; l++) {
      const al = zeroSum[l];
      for (let i = 0; i < n; i++) {
        let v = 0;
        for (let k = 0; k < n; k++) v += Gam[i * n + k] * al[k];
        GA[i] = v;
      }
      for (let j = 1; j <= l; j++) {
        const aj = zeroSum[j];
        let v = 0;
        for (let i = 0; i < n; i++) v -= aj[i] * GA[i];
        Vd[j][l] = Vd[l][j] = j === l ? Math.max(0, v) : v;
      }
    }
    V = U.map((row, j) => row.map((u, l) => u + Vd[j][l]));
  }
  const eta = (row: readonly number[], k: number, coef: readonly number[]) => {
    let s = offset[k];
    for (let j = 0; j < p; j++) s += row[j] * coef[j];
    return s;
  };
  const fittedAt = idx.map((_, k) => Math.exp(eta(rows[k], k, b)));
  const cfAt = idx.map((_, k) => Math.exp(eta(cfRows[k], k, b)));

  // Effect window and the gradient of log(Σ fitted / Σ counterfactual) and of the counts averted.
  const from = options.effectFrom === undefined ? t0 : periodIndex(fn, options.effectFrom).index;
  const to = options.effectTo === undefined ? idx[idx.length - 1] : periodIndex(fn, options.effectTo).index;
  const win = idx.map((m, k) => (m >= Math.max(from, t0) && m <= to ? k : -1)).filter((k) => k >= 0);
  let F = 0;
  let C = 0;
  let O = 0;
  for (const k of win) {
    F += fittedAt[k];
    C += cfAt[k];
    O += events[k];
  }
  const gLog = new Array<number>(p).fill(0);
  const gAv = new Array<number>(p).fill(0);
  for (const k of win) {
    for (let j = 0; j < p; j++) {
      gLog[j] += (fittedAt[k] * rows[k][j]) / F - (cfAt[k] * cfRows[k][j]) / C;
      gAv[j] += cfAt[k] * cfRows[k][j] - fittedAt[k] * rows[k][j];
    }
  }
  if (varianceMode === "drift" && win.length > 0 && projected !== null) {
    // Satterthwaite (1946): degrees of freedom of Poisson + estimated drift variance of the overall
    // effect, from the variance of the drift variance's estimate (a quadratic form of the residuals).
    const vp = quadraticForm(fit.unscaledCovariance, gLog);
    const w = idx.map((_, k) => gLog.reduce((s, g, j) => s + g * coefWeights[j][k], 0));
    const q = projected.varianceOfContrastVariance([w], [1]);
    const vd = Math.max(0, q.estimate);
    df = q.variance > 0 ? Math.max(2, (2 * (vp + vd) * (vp + vd)) / q.variance) : Infinity;
  }
  const z = Number.isFinite(df) ? studentTQuantile(0.5 + level / 2, df) : zForLevel(level);
  const table: ItsTableRow[] = idx.map((m, k) => {
    const ef = Math.log(fittedAt[k]);
    const ec = Math.log(cfAt[k]);
    const sf = Math.sqrt(quadraticForm(V, rows[k]));
    const sc = Math.sqrt(quadraticForm(V, cfRows[k]));
    return {
      period: periodLabel(m, parsed.kind),
      time: m - first,
      post: m >= t0,
      events: events[k],
      exposure: exposure[k],
      fitted: fittedAt[k],
      fittedLower: Math.exp(ef - z * sf),
      fittedUpper: Math.exp(ef + z * sf),
      counterfactual: cfAt[k],
      counterfactualLower: Math.exp(ec - z * sc),
      counterfactualUpper: Math.exp(ec + z * sc),
    };
  });

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
    const seLog = Math.sqrt(quadraticForm(V, gLog));
    const seAv = Math.sqrt(quadraticForm(V, gAv));
    rrLower = (F / C) * Math.exp(-z * seLog);
    rrUpper = (F / C) * Math.exp(z * seLog);
    avLower = C - F - z * seAv;
    avUpper = C - F + z * seAv;
  } else {
    // Draws from N(β̂, V), or a multivariate t with df degrees of freedom (normal draws scaled by
    // √(df / χ²_df)) when the variance has an estimated drift component.
    const L = cholesky(V);
    const rng = new Random(seed);
    const rr = new Float64Array(nSim);
    const av = new Float64Array(nSim);
    const draw = new Array<number>(p);
    const e = new Array<number>(p);
    const dfDraw = Number.isFinite(df) ? Math.max(1, Math.round(df)) : 0;
    for (let s = 0; s < nSim; s++) {
      for (let j = 0; j < p; j++) e[j] = rng.normal();
      let scaleT = 1;
      if (dfDraw > 0 && dfDraw < 200) {
        let chi = 0;
        for (let i = 0; i < dfDraw; i++) chi += rng.normal() ** 2;
        scaleT = Math.sqrt(dfDraw / chi);
      }
      for (let j = 0; j < p; j++) {
        let v = b[j];
        for (let k = 0; k <= j; k++) v += scaleT * L[j][k] * e[k];
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
  const se = V.map((row, j) => Math.sqrt(row[j]));
  const tDf = Number.isFinite(df) ? df : Infinity;
  return {
    method:
      `segmented ${family === "quasipoisson" && varianceMode === "model" ? "quasi-Poisson" : "Poisson"} regression, log person-time offset` +
      (seasonality === "none" ? "" : seasonality === "months" ? ", month-of-year terms" : `, ${seasonality.harmonics} Fourier harmonic(s)`) +
      (varianceMode === "drift" ? "; standard errors with a drift/autocorrelation variance component from the residual variogram" : "") +
      `; overall effect interval by ${method === "delta" ? "delta method" : `parametric simulation (${nSim} draws, seed ${seed})`}`,
    family,
    start: startLabel,
    prePeriods: pre,
    postPeriods: post,
    coefficients: allNames.map((name, j) => ({ name, estimate: b[j], standardError: se[j] })),
    baselineTrend: rateRatioFromLog(b[1], se[1], level, tDf),
    levelChange: rateRatioFromLog(b[2], se[2], level, tDf),
    slopeChange: withSlope ? rateRatioFromLog(b[3], se[3], level, tDf) : null,
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
    dispersionUsed: varianceMode === "drift" ? 1 : fit.dispersionUsed,
    assumption: {
      code: varianceMode === "drift" ? "its_drift" : "its_independent",
      values: { level, prePeriods: pre, ...(Number.isFinite(df) ? { df: Math.round(df * 10) / 10 } : {}) },
    },
    drift,
    autocorrelation,
    deviance: fit.deviance,
    dfResidual: fit.dfResidual,
    table,
    notes,
  };
}
