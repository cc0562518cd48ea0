import type { RateRatioEstimate } from "./effectTypes.js";
import { poissonGlm } from "../stats/glm/poissonGlm.js";
import { EffectsError, EffectsMessage, EffectsNotes, type EffectsNote } from "./messages.js";
import { parsePeriods, periodIndex, periodLabel, type PeriodInput } from "./periods.js";
import { rateRatioFromLog } from "./rateRatio.js";
import { addContrastLagCoefficients, driftVarianceVariance, fitDriftVariogramWithIntercept, variogramTableWithIntercept, type DriftResidualSeries, type DriftVariogram } from "./driftVariogram.js";
import { relativeMagnitudesBreakdown, type BreakdownResult } from "./relativeMagnitudes.js";
import type { IntervalAssumption } from "./effectTypes.js";
import { ownBaseExpected } from "./ownBaseExpected.js";

/** One unit × period of a panel: events, person-time and (for adopting units) the start period. */
export interface DidPanelRow {
  /** The unit, e.g. the cluster name. */
  readonly unit: string;
  readonly period: PeriodInput;
  readonly events: number;
  readonly exposure: number;
  /** First period in which the unit is treated; null/absent for never-treated units. */
  readonly treatedFrom?: PeriodInput | null;
}

export interface StaggeredDidOptions {
  /** Confidence level as a fraction (default 0.95). */
  readonly level?: number;
  /**
   * "notyettreated" (default): controls are never-treated units and units not yet treated at
   * both compared periods; "nevertreated": never-treated units only.
   */
  readonly controlGroup?: "notyettreated" | "nevertreated";
  /**
   * Periods in a year: 12 for "YYYY-MM" periods (fixed); for integer periods the default is 12
   * (months), give 4 for quarters or 1 for years. Sets the default base window.
   */
  readonly periodsPerYear?: number;
  /**
   * Number of periods before the start pooled as the base (default: one year of periods —
   * 12 months, 4 quarters, 1 year). A whole year pools more events than the single period g − 1 of
   * Callaway & Sant'Anna: tighter intervals, less small-count bias, and the seasons balance.
   */
  readonly baseWindow?: number;
  /**
   * How the interval accounts for variation beyond Poisson noise:
   * - "drift" (default): Poisson variance of the counts plus a variance component for serially
   *   correlated cluster-level drift (nugget + AR(1) + random walk), fitted to the variogram of the
   *   untreated unit-periods' residuals (see driftVariogram.ts); it needs enough untreated periods;
   * - "dispersion": Poisson × max(1, φ, φ_block) (quasi-Poisson; assumes no persistent drift);
   * - "poisson": pure Poisson (assumes the counts are the only noise).
   */
  readonly variance?: "drift" | "dispersion" | "poisson";
  /**
   * For variance "dispersion": "estimate" (default) multiplies variances by max(1, φ), φ = Pearson
   * χ²/df of a Poisson unit + period fixed-effects model fitted to the untreated observations;
   * "none" gives pure Poisson (kept for compatibility: `overdispersion: "none"` alone means
   * `variance: "poisson"`).
   */
  readonly overdispersion?: "estimate" | "none";
  /**
   * Length (in periods) of the blocks over which a second φ is estimated from summed counts
   * (default 12; 0 or 1 turns it off). Persistent individuals (frail patients readmitted again
   * and again) make successive months of a unit correlated; month-level φ misses that, φ of
   * yearly sums shows it. The variance uses max(1, φ_period, φ_block).
   */
  readonly dispersionBlock?: number;
  /** Also fit the two-way fixed-effects Poisson model, reported only as a labelled contrast. */
  readonly twfeContrast?: boolean;
}

/** One group-time effect ATT(g, t) on the log-rate scale. */
export interface DidGroupTimeEffect {
  /** Cohort: the start period g shared by its units. */
  readonly cohort: string;
  readonly period: string;
  /** Periods since the start, t − g (negative: before the start). */
  readonly eventTime: number;
  readonly logEstimate: number;
  readonly standardError: number;
  readonly rateRatio: number;
  readonly lower: number;
  readonly upper: number;
  readonly treatedUnits: number;
  readonly controlUnits: number;
  readonly treatedEvents: number;
  readonly controlEvents: number;
  /** Counterfactual events of the cohort at t (its events had it not started): the aggregation weight. */
  readonly counterfactualEvents: number;
}

/** One row of the event-study table. */
export interface DidEventStudyRow {
  readonly eventTime: number;
  /** "pre": before the base (pre-trend check), "base": the reference period(s), "post": effect. */
  readonly kind: "pre" | "base" | "post";
  readonly rateRatio: number;
  readonly lower: number;
  readonly upper: number;
  readonly logEstimate: number;
  readonly standardError: number;
  readonly pValue: number;
  /** Number of group-time effects averaged. */
  readonly cells: number;
}

export interface StaggeredDidResult {
  readonly method: string;
  readonly variance: string;
  /** What the interval assumes, as a code and values (text in the catalogues). */
  readonly assumption: IntervalAssumption;
  /** The fitted drift variogram (variance "drift"). */
  readonly drift: DriftVariogram | null;
  /**
   * Parallel-trends sensitivity of the overall effect (Rambachan & Roth 2023, relative
   * magnitudes): the breakdown value M̄ (null when there are fewer than two pre-period estimates).
   */
  readonly sensitivity: BreakdownResult | null;
  readonly controlGroup: "notyettreated" | "nevertreated";
  readonly baseWindow: number;
  readonly level: number;
  /** Overall effect Σ observed / Σ counterfactual over the post-start cells (t ≥ g), as a rate ratio. */
  readonly overall: RateRatioEstimate;
  /** Placebo summary: the same ratio over the pre-start cells before the base (null when none). */
  readonly preTrend: RateRatioEstimate | null;
  readonly eventStudy: readonly DidEventStudyRow[];
  readonly groupTime: readonly DidGroupTimeEffect[];
  readonly cohorts: readonly { readonly cohort: string; readonly units: readonly string[] }[];
  readonly neverTreated: readonly string[];
  readonly dispersion: number;
  /** φ of block sums (null when not estimated). */
  readonly blockDispersion: number | null;
  readonly dispersionUsed: number;
  /** Two-way fixed-effects estimate, only as a contrast (null unless asked). */
  readonly twfe: (RateRatioEstimate & { readonly label: EffectsNote }) | null;
  readonly notes: readonly EffectsNote[];
}

interface Cell {
  g: number;
  t: number;
  att: number;
  /** Observed events Y_g(t) and counterfactual events CF = Y_g(t)·exp(−ATT). */
  obs: number;
  cf: number;
  /** Keys of the cohort's counts at t (d log ΣO / d y = 1/ΣO). */
  nowKeys: number[];
  /** d log CF / d y for every other count the cell uses. */
  cfGrad: { key: number; coef: number }[];
  treatedUnits: number;
  controlUnits: number;
  treatedEvents: number;
  controlEvents: number;
}

/**
 * Difference-in-differences under staggered adoption, after Callaway & Sant'Anna (2021,
 * "Difference-in-differences with multiple time periods", J Econometrics 225:200–230), on the
 * log-rate scale. For each cohort g (units starting in the same period) and period t, with
 * base = the `baseWindow` periods before g and C the never-treated units plus units not yet
 * treated at max(t, g − 1):
 *
 *   ATT(g, t) = log(Y_g(t) / CF_g(t)),   CF_g(t) = X_g(t) · Y_C(t) / X_C(t),
 *
 * where Y is the observed events of a group's units at t and X its expected events had every unit
 * kept its own base-window rate: X(t) = Σ_u E_u(t) · Y_u(base)/E_u(base) (E = person-time). Each
 * unit is thus indirectly standardised against itself (ownBaseExpected.ts; Breslow & Day 1987,
 * ch. 2), and Y_C(t)/X_C(t) — the controls' standardised ratio — is a weighted mean of the control
 * units' own rate changes. Pooling the controls' counts and person-time instead (R_C(t)/R_C(base)
 * with R = ΣY/ΣE) would let the control rate move when only the mix of units changes — units
 * differing in level and growing at different rates — a composition effect (Kitagawa 1955) that
 * biases the effect. With constant person-time, or one unit per group, the two agree, and the
 * estimator is the difference of log-rate changes of Callaway & Sant'Anna. Already treated units
 * are never controls, so the estimator avoids the bias of two-way fixed effects under staggered
 * timing (Goodman-Bacon 2021). Aggregates (overall; event study by e = t − g; pre-trend placebo)
 * are ratios Σ Y / Σ CF over their cells — a counterfactual-count-weighted mean of the cell rate
 * ratios, which avoids the small-count bias of averaging logs of single-month counts. A unit with
 * no events in its base window has no rate to standardise against: the cells it belongs to are
 * not estimated, with a note.
 *
 * Variance: analytical, by the delta method on the unit-period counts of exactly this estimator
 * (each count's derivative through the standardised expected counts, person-time held fixed).
 * What the interval assumes, by `variance`:
 * - "drift" (default): Poisson counts plus cluster-level drift of the log rate (nugget + AR(1) +
 *   random walk) that is the same process for every cluster and is seen in the untreated
 *   unit-periods; the drift variance is the variogram applied to each unit's contrast weights
 *   (the same derivatives), with Satterthwaite degrees of freedom;
 * - "dispersion": Poisson × max(1, φ, φ_block) from a unit + period fixed-effects Poisson model of
 *   the untreated observations (quasi-Poisson; no persistent drift);
 * - "poisson": the counts are the only noise.
 * All three assume parallel trends of the standardised rates and person-time measured without
 * error. Every covariance between cells that share counts (a common base period, overlapping
 * controls) is included, because each aggregate is one smooth function of the same counts,
 * differentiated with respect to every count. No resampling: with five clusters a cluster
 * bootstrap would have too few units. For monthly counts prefer `baseWindow: 12`: a single base
 * month makes every ATT(g, t) lean on one small count (a note says so when the base has fewer
 * than 50 events).
 * @throws EffectsError on invalid rows, a unit with two starts, no treated unit, or no estimable
 *   post-start effect.
 * @example
 * staggeredDid(rows).overall.rateRatio // e.g. 0.76
 */
export function staggeredDid(panel: readonly DidPanelRow[], options: StaggeredDidOptions = {}): StaggeredDidResult {
  const fn = "staggeredDid";
  if (panel.length === 0) throw new EffectsError("empty", EffectsMessage.emptyData(fn));
  const level = options.level ?? 0.95;
  if (!(level > 0 && level < 1)) throw new EffectsError("bad_level", EffectsMessage.badLevel(fn, level));
  const controlGroup = options.controlGroup ?? "notyettreated";
  const parsed = parsePeriods(fn, panel.map((r) => r.period));
  const kind = parsed.kind;
  const perYear = kind === "month" ? 12 : Math.floor(options.periodsPerYear ?? 12);
  if (!(perYear >= 1 && perYear <= 366)) throw new EffectsError("bad_periods_per_year", EffectsMessage.badPeriodsPerYear(fn, options.periodsPerYear));
  const k = Math.max(1, Math.floor(options.baseWindow ?? perYear));
  const varianceMode = options.variance ?? (options.overdispersion === "none" ? "poisson" : "drift");

  // Units, starts and the count grid.
  const unitNames: string[] = [];
  const unitIndex = new Map<string, number>();
  const starts: (number | null)[] = [];
  panel.forEach((r, i) => {
    if (!Number.isFinite(r.events)) throw new EffectsError("not_finite", EffectsMessage.notFinite(fn, "events", i, r.events));
    if (r.events < 0) throw new EffectsError("negative", EffectsMessage.negativeCount(fn, i, r.events));
    if (!(r.exposure > 0) || !Number.isFinite(r.exposure)) throw new EffectsError("exposure", EffectsMessage.nonPositiveExposure(fn, i, r.exposure));
    let u = unitIndex.get(r.unit);
    const start = r.treatedFrom === undefined || r.treatedFrom === null ? null : periodIndex(fn, r.treatedFrom);
    if (start !== null && start.kind !== kind) throw new EffectsError("mixed_periods", EffectsMessage.mixedPeriods(fn));
    const s = start === null ? null : start.index;
    if (u === undefined) {
      u = unitNames.length;
      unitIndex.set(r.unit, u);
      unitNames.push(r.unit);
      starts.push(s);
    } else if (starts[u] !== s) {
      throw new EffectsError("treated_from", EffectsMessage.treatedFromInconsistent(r.unit));
    }
  });
  const nU = unitNames.length;
  const minT = Math.min(...parsed.index);
  const maxT = Math.max(...parsed.index);
  const nT = maxT - minT + 1;
  const events = new Float64Array(nU * nT).fill(NaN);
  const exposure = new Float64Array(nU * nT).fill(NaN);
  panel.forEach((r, i) => {
    const u = unitIndex.get(r.unit) as number;
    const key = u * nT + (parsed.index[i] - minT);
    if (!Number.isNaN(events[key])) throw new EffectsError("duplicate", EffectsMessage.duplicatePeriod(fn, periodLabel(parsed.index[i], kind), r.unit));
    events[key] = r.events;
    exposure[key] = r.exposure;
  });
  const has = (u: number, t: number) => t >= minT && t <= maxT && !Number.isNaN(events[u * nT + (t - minT)]);
  const cohortStarts = [...new Set(starts.filter((s): s is number => s !== null))].sort((a, b) => a - b);
  if (cohortStarts.length === 0) throw new EffectsError("no_treated", EffectsMessage.noTreatedUnits());
  const notes: EffectsNote[] = [];

  // Group-time effects.
  const cells: Cell[] = [];
  for (const g of cohortStarts) {
    const base = Array.from({ length: k }, (_, j) => g - k + j);
    const cohort = starts.map((s, u) => (s === g ? u : -1)).filter((u) => u >= 0);
    if (!cohort.some((u) => base.every((b) => has(u, b)))) {
      notes.push(EffectsNotes.noBase(periodLabel(g, kind)));
      continue;
    }
    let baseEvents = 0;
    for (const u of cohort) for (const b of base) if (has(u, b)) baseEvents += events[u * nT + (b - minT)];
    if (baseEvents < 50) notes.push(EffectsNotes.smallBase(periodLabel(g, kind), baseEvents));
    for (let t = minT; t <= maxT; t++) {
      if (t >= g - k && t < g) continue; // base periods
      const treated = cohort.filter((u) => has(u, t) && base.every((b) => has(u, b)));
      if (treated.length === 0) continue;
      const limit = Math.max(t, g - 1);
      const controls: number[] = [];
      for (let u = 0; u < nU; u++) {
        const s = starts[u];
        if (s === g) continue;
        const ok = s === null || (controlGroup === "notyettreated" && s > limit);
        if (ok && has(u, t) && base.every((b) => has(u, b))) controls.push(u);
      }
      if (controls.length === 0) {
        if (t >= g) notes.push(EffectsNotes.noControls(periodLabel(g, kind), periodLabel(t, kind)));
        continue;
      }
      // Each unit standardised against its own base-window rate (ownBaseExpected.ts), so that
      // only within-unit change over time enters, not the changing mix of units and person-time.
      const tr = ownBaseExpected(treated, t, base, events, exposure, nT, minT);
      const co = ownBaseExpected(controls, t, base, events, exposure, nT, minT);
      if (tr.observed === 0 || tr.zeroBase || co.observed === 0 || co.zeroBase) {
        notes.push(EffectsNotes.zeroCell(periodLabel(g, kind), periodLabel(t, kind)));
        continue;
      }
      // CF_g(t) = Σ_{u∈g} E_u(t)·r_u(base) × (Σ_C Y_c(t) / Σ_C E_c(t)·r_c(base)).
      const cf = (tr.expected * co.observed) / co.expected;
      const att = Math.log(tr.observed / cf);
      const nowKeys = tr.nowKeys;
      const cfGrad: { key: number; coef: number }[] = [...tr.baseGradient];
      for (const key of co.nowKeys) cfGrad.push({ key, coef: 1 / co.observed });
      for (const { key, coef } of co.baseGradient) cfGrad.push({ key, coef: -coef });
      cells.push({
        g, t, att, obs: tr.observed, cf, nowKeys, cfGrad,
        treatedUnits: treated.length, controlUnits: controls.length, treatedEvents: tr.observed, controlEvents: co.observed,
      });
    }
  }

  // Overdispersion from the untreated observations.
  let phi = 1;
  let phiBlock: number | null = null;
  const block = Math.floor(options.dispersionBlock ?? 12);
  const d = untreatedDispersion(nU, nT, minT, events, exposure, starts, block);
  if (options.overdispersion !== "none" || varianceMode === "drift") {
    phi = Number.isFinite(d.phi) ? d.phi : 1;
    if (d.phiBlock !== null && Number.isFinite(d.phiBlock)) phiBlock = d.phiBlock;
  }
  const scale = varianceMode === "dispersion" && options.overdispersion !== "none" ? Math.max(1, phi, phiBlock ?? 1) : 1;
  let drift: DriftVariogram | null = null;
  let gammaTable: Float64Array = new Float64Array(0);
  let walkFit: DriftVariogram | null = null;
  let walkTable: Float64Array | null = null;
  if (varianceMode === "drift") {
    const full = fitDriftVariogramWithIntercept(d.residuals, Math.max(1, nT - 1));
    if (full === null) throw new EffectsError("too_few_pre", EffectsMessage.tooFewUntreatedForDrift(d.lagOnePairs, 6));
    drift = full.variogram;
    notes.push(EffectsNotes.drift(drift.nugget, drift.stationary, drift.rho, drift.walk));
    gammaTable = variogramTableWithIntercept(drift, full.intercept, nT);
    // The same fit with the random walk as the only drift: a few years of data cannot always tell
    // a strong AR(1) from a random walk, and the walk is the conservative reading when a contrast
    // reaches beyond the lags the data show; each contrast uses the larger of the two variances.
    const walk = fitDriftVariogramWithIntercept(d.residuals, Math.max(1, nT - 1), 6, true);
    if (walk !== null) {
      walkFit = walk.variogram;
      walkTable = variogramTableWithIntercept(walk.variogram, walk.intercept, nT);
    }
  } else if (varianceMode === "dispersion") {
    notes.push(EffectsNotes.dispersion(phi));
    if (phiBlock !== null && phiBlock > Math.max(1, phi)) notes.push(EffectsNotes.blockDispersion(block, phiBlock));
  }

  const gradAcc = new Float64Array(nU * nT);
  const mark = new Uint8Array(nU * nT);
  const lagCoef = new Float64Array(nT);
  // Degrees of freedom of the estimated drift variance: set from the overall effect's contrast
  // (below); 2(units − 1) until then.
  let driftDfUsed = Math.max(1, 2 * (d.residuals.length - 1));
  const aggregate = (sel: Cell[], withDf = false): { est: number; se: number; df: number } => {
    // log(ΣO / ΣCF); gradient 1/ΣO on the cohorts' counts at t, −(CF_c/ΣCF)·d log CF_c/dy elsewhere.
    const sumO = sel.reduce((s, c) => s + c.obs, 0);
    const sumCf = sel.reduce((s, c) => s + c.cf, 0);
    const touched: number[] = [];
    const add = (key: number, value: number) => {
      if (mark[key] === 0) {
        mark[key] = 1;
        touched.push(key);
      }
      gradAcc[key] += value;
    };
    for (const c of sel) {
      for (const key of c.nowKeys) add(key, 1 / sumO);
      const w = c.cf / sumCf;
      for (const { key, coef } of c.cfGrad) add(key, -w * coef);
    }
    const est = Math.log(sumO / sumCf);
    let v = 0;
    for (const key of touched) v += gradAcc[key] * gradAcc[key] * events[key];
    v *= scale;
    let vd = 0;
    if (drift !== null) {
      // Weights on the log counts (d est / d log y = gradient × y), unit by unit, as lag coefficients.
      lagCoef.fill(0);
      touched.sort((a, b) => a - b);
      let i = 0;
      while (i < touched.length) {
        const u = Math.floor(touched[i] / nT);
        const times: number[] = [];
        const weights: number[] = [];
        while (i < touched.length && Math.floor(touched[i] / nT) === u) {
          const key = touched[i++];
          if (gradAcc[key] === 0) continue;
          times.push(key % nT);
          weights.push(gradAcc[key] * events[key]);
        }
        if (times.length > 1) addContrastLagCoefficients(times, weights, lagCoef);
      }
      const atTable = (g: Float64Array) => {
        let s = 0;
        for (let h = 1; h < nT; h++) s += lagCoef[h] * g[h];
        return Math.max(0, s);
      };
      vd = atTable(gammaTable);
      let used = drift;
      if (walkTable !== null) {
        const vw = atTable(walkTable);
        if (vw > vd) {
          vd = vw;
          used = walkFit as DriftVariogram;
        }
      }
      // For the overall effect: the variance of the drift variance's estimate, a quadratic form of
      // the residuals (driftVarianceVariance), gives its degrees of freedom, used by every aggregate.
      if (withDf && vd > 0) {
        const vv = driftVarianceVariance(d.residuals, used, lagCoef);
        if (vv > 0) driftDfUsed = Math.max(2, (2 * vd * vd) / vv);
      }
    }
    for (const key of touched) {
      gradAcc[key] = 0;
      mark[key] = 0;
    }
    // Satterthwaite (1946): Poisson part known, drift part with driftDfUsed degrees of freedom.
    const df = vd > 0 ? Math.max(2, ((v + vd) * (v + vd)) / ((vd * vd) / driftDfUsed)) : Infinity;
    return { est, se: Math.sqrt(v + vd), df };
  };

  const postCells = cells.filter((c) => c.t >= c.g);
  if (postCells.length === 0) throw new EffectsError("no_post", EffectsMessage.noPostCells());
  const ov = aggregate(postCells, true);
  const preCells = cells.filter((c) => c.t < c.g - k);
  const pr = preCells.length > 0 ? aggregate(preCells) : null;

  const groupTime: DidGroupTimeEffect[] = cells.map((c) => {
    const a = aggregate([c]);
    const rr = rateRatioFromLog(c.att, a.se, level, a.df);
    return {
      cohort: periodLabel(c.g, kind),
      period: periodLabel(c.t, kind),
      eventTime: c.t - c.g,
      logEstimate: c.att,
      standardError: a.se,
      rateRatio: rr.rateRatio,
      lower: rr.lower,
      upper: rr.upper,
      treatedUnits: c.treatedUnits,
      controlUnits: c.controlUnits,
      treatedEvents: c.treatedEvents,
      controlEvents: c.controlEvents,
      counterfactualEvents: c.cf,
    };
  });

  const eventTimes = [...new Set(cells.map((c) => c.t - c.g))];
  for (let e = -k; e < 0; e++) eventTimes.push(e);
  const eventStudy: DidEventStudyRow[] = [...new Set(eventTimes)]
    .sort((a, b) => a - b)
    .map((e) => {
      if (e >= -k && e < 0) {
        return { eventTime: e, kind: "base" as const, rateRatio: 1, lower: 1, upper: 1, logEstimate: 0, standardError: 0, pValue: 1, cells: 0 };
      }
      const sel = cells.filter((c) => c.t - c.g === e);
      const a = aggregate(sel);
      const rr = rateRatioFromLog(a.est, a.se, level, a.df);
      return {
        eventTime: e,
        kind: e < 0 ? ("pre" as const) : ("post" as const),
        rateRatio: rr.rateRatio,
        lower: rr.lower,
        upper: rr.upper,
        logEstimate: a.est,
        standardError: a.se,
        pValue: rr.pValue,
        cells: sel.length,
      };
    });

  // Parallel-trends sensitivity (relative magnitudes) of the overall effect, on event time in
  // years (bins of one year of periods): single-month estimates are too noisy for their largest
  // period-to-period change to mean anything, yearly bins are what a steering group reads.
  const binOf = (e: number) => (e < 0 ? -Math.floor((-e - k - 1) / perYear) - 1 : Math.floor(e / perYear));
  const preBins = new Map<number, Cell[]>();
  for (const c of preCells) {
    const bin = binOf(c.t - c.g);
    const list = preBins.get(bin) ?? [];
    list.push(c);
    preBins.set(bin, list);
  }
  const cfTotal = postCells.reduce((a, c) => a + c.cf, 0);
  const postWeights = new Map<number, number>();
  for (const c of postCells) postWeights.set(binOf(c.t - c.g), (postWeights.get(binOf(c.t - c.g)) ?? 0) + c.cf / cfTotal);
  const sensitivity = relativeMagnitudesBreakdown(
    [...preBins].map(([bin, sel]) => ({ eventTime: bin, estimate: aggregate(sel).est })),
    0,
    [...postWeights].map(([eventTime, weight]) => ({ eventTime, weight })),
    ov.est,
    ov.se,
    level,
    ov.df,
  );
  if (sensitivity === null) notes.push(EffectsNotes.noSensitivity());

  let twfe: StaggeredDidResult["twfe"] = null;
  if (options.twfeContrast === true) twfe = twfeEstimate(nU, nT, minT, events, exposure, starts, level);

  return {
    method:
      `Callaway–Sant'Anna group-time effects on the log-rate scale, ${controlGroup === "notyettreated" ? "not-yet-treated and never-treated" : "never-treated"} controls, ` +
      `base = ${k} period(s) before each start, every unit standardised against its own base-window rate (Σ observed / Σ expected); aggregated as Σ observed / Σ counterfactual events`,
    variance:
      varianceMode === "drift"
        ? "analytical delta method: Poisson variance of the unit-period counts plus a cluster-level drift variance component (nugget + AR(1) + random walk) fitted to the variogram of the untreated unit-periods' residuals from a unit + period fixed-effects Poisson model"
        : varianceMode === "dispersion"
          ? `analytical delta method on Poisson unit-period counts, × max(1, φ, φ_block) (φ from a unit + period fixed-effects Poisson model of the untreated observations; φ_block the same on sums over blocks of ${block > 1 ? block : "–"} periods)`
          : "analytical delta method on Poisson unit-period counts (pure Poisson)",
    assumption: {
      code: varianceMode === "drift" ? "did_drift" : varianceMode === "dispersion" ? "did_dispersion" : "did_poisson",
      values: { level, baseWindow: k, units: nU },
    },
    drift,
    sensitivity,
    controlGroup,
    baseWindow: k,
    level,
    overall: rateRatioFromLog(ov.est, ov.se, level, ov.df),
    preTrend: pr === null ? null : rateRatioFromLog(pr.est, pr.se, level, pr.df),
    eventStudy,
    groupTime,
    cohorts: cohortStarts.map((g) => ({ cohort: periodLabel(g, kind), units: unitNames.filter((_, u) => starts[u] === g) })),
    neverTreated: unitNames.filter((_, u) => starts[u] === null),
    dispersion: phi,
    blockDispersion: phiBlock,
    dispersionUsed: scale,
    twfe,
    notes,
  };
}

/** Unit and period dummy rows (first unit, first period as reference) for the observed cells. */
function fixedEffectsDesign(
  keys: number[],
  nT: number,
): { rows: number[][]; names: string[] } {
  const units = [...new Set(keys.map((key) => Math.floor(key / nT)))].sort((a, b) => a - b);
  const periods = [...new Set(keys.map((key) => key % nT))].sort((a, b) => a - b);
  const uPos = new Map(units.map((u, i) => [u, i]));
  const tPos = new Map(periods.map((t, i) => [t, i]));
  const p = units.length + periods.length - 1;
  const rows = keys.map((key) => {
    const row = new Array<number>(p).fill(0);
    row[0] = 1;
    const ui = uPos.get(Math.floor(key / nT)) as number;
    const ti = tPos.get(key % nT) as number;
    if (ui > 0) row[ui] = 1;
    if (ti > 0) row[units.length - 1 + ti] = 1;
    return row;
  });
  const names = ["(Intercept)", ...units.slice(1).map((u) => `unit${u}`), ...periods.slice(1).map((t) => `period${t}`)];
  return { rows, names };
}

/**
 * Dispersion of the untreated observations (never treated, or before the start) around the
 * Poisson unit + period main-effects model μ = E·a_u·b_t. Its maximum-likelihood fit is found by
 * iterative proportional fitting (Deming & Stephan 1940; Bishop, Fienberg & Holland 1975, ch. 3),
 * which matches the margins Σ_t y = Σ_t μ and Σ_u y = Σ_u μ — the Poisson likelihood equations —
 * in O(cells) per sweep.
 * - φ = Pearson χ²/df, df = cells − (units + periods − 1);
 * - φ_block: the same Pearson statistic on the sums of y and μ over blocks of `block` successive
 *   periods of a unit, df = block cells − (units + blocks − 1). Without serial correlation
 *   it is ≈ 1; when the same patients drive a unit's counts month after month it is larger.
 */
function untreatedDispersion(
  nU: number,
  nT: number,
  minT: number,
  events: Float64Array,
  exposure: Float64Array,
  starts: readonly (number | null)[],
  block: number,
): { phi: number; phiBlock: number | null; residuals: DriftResidualSeries[]; lagOnePairs: number } {
  const keys: number[] = [];
  for (let u = 0; u < nU; u++) {
    for (let t = 0; t < nT; t++) {
      const key = u * nT + t;
      const s = starts[u];
      if (!Number.isNaN(events[key]) && (s === null || t + minT < s)) keys.push(key);
    }
  }
  const a = new Float64Array(nU).fill(1);
  const b = new Float64Array(nT).fill(1);
  const yU = new Float64Array(nU);
  const yT = new Float64Array(nT);
  const usedU = new Uint8Array(nU);
  const usedT = new Uint8Array(nT);
  for (const key of keys) {
    const u = Math.floor(key / nT);
    const t = key % nT;
    yU[u] += events[key];
    yT[t] += events[key];
    usedU[u] = 1;
    usedT[t] = 1;
  }
  const params = usedU.reduce((s, v) => s + v, 0) + usedT.reduce((s, v) => s + v, 0) - 1;
  const df = keys.length - params;
  const residuals: DriftResidualSeries[] = [];
  if (df <= 0) return { phi: NaN, phiBlock: null, residuals, lagOnePairs: 0 };
  const den = new Float64Array(Math.max(nU, nT));
  for (let sweep = 0; sweep < 1000; sweep++) {
    let change = 0;
    den.fill(0, 0, nU);
    for (const key of keys) den[Math.floor(key / nT)] += exposure[key] * b[key % nT];
    for (let u = 0; u < nU; u++) {
      if (!usedU[u]) continue;
      const v = den[u] > 0 ? yU[u] / den[u] : 0;
      change = Math.max(change, Math.abs(v - a[u]) / Math.max(v, 1e-300));
      a[u] = v;
    }
    den.fill(0, 0, nT);
    for (const key of keys) den[key % nT] += exposure[key] * a[Math.floor(key / nT)];
    for (let t = 0; t < nT; t++) {
      if (!usedT[t]) continue;
      const v = den[t] > 0 ? yT[t] / den[t] : 0;
      change = Math.max(change, Math.abs(v - b[t]) / Math.max(v, 1e-300));
      b[t] = v;
    }
    if (change < 1e-10) break;
  }
  let pearson = 0;
  const nB = Math.ceil(nT / Math.max(1, block));
  const sumY = new Float64Array(nU * nB);
  const sumMu = new Float64Array(nU * nB);
  for (const key of keys) {
    const u = Math.floor(key / nT);
    const t = key % nT;
    const mu = exposure[key] * a[u] * b[t];
    if (mu > 0) pearson += (events[key] - mu) ** 2 / mu;
    if (block > 1) {
      const cell = u * nB + Math.floor(t / block);
      sumY[cell] += events[key];
      sumMu[cell] += mu;
    }
  }
  let phiBlock: number | null = null;
  if (block > 1) {
    let pb = 0;
    let cells = 0;
    const blockUnits = new Set<number>();
    const blocks = new Set<number>();
    for (let c = 0; c < sumMu.length; c++) {
      if (sumMu[c] > 0) {
        pb += (sumY[c] - sumMu[c]) ** 2 / sumMu[c];
        cells++;
        blockUnits.add(Math.floor(c / nB));
        blocks.add(c % nB);
      }
    }
    // The fitted unit and period margins fix the unit and block margins of the block sums.
    const dfBlock = cells - (blockUnits.size + blocks.size - 1);
    phiBlock = dfBlock > 0 ? pb / dfBlock : null;
  }
  // Residual log rates for the drift variogram. The period effect b_t is (close to) the
  // μ-weighted mean of the units present at t, so a unit's residual drift is shrunk by
  // 1 − 2w_u + Σ w_v² (w = μ shares at t), and its Poisson variance is 1/μ_u − 1/M_t.
  const muAt = new Float64Array(nU * nT).fill(NaN);
  for (const key of keys) muAt[key] = exposure[key] * a[Math.floor(key / nT)] * b[key % nT];
  const total = new Float64Array(nT);
  const squares = new Float64Array(nT);
  for (const key of keys) total[key % nT] += muAt[key];
  for (const key of keys) squares[key % nT] += (muAt[key] / total[key % nT]) ** 2;
  let lagOnePairs = 0;
  for (let u = 0; u < nU; u++) {
    const residual = new Float64Array(nT).fill(NaN);
    const samplingVariance = new Float64Array(nT);
    const shrink = new Float64Array(nT).fill(1);
    const share = new Float64Array(nT);
    const meanVariance = new Float64Array(nT);
    let any = false;
    for (let t = 0; t < nT; t++) {
      const key = u * nT + t;
      const mu = muAt[key];
      if (!(mu > 0)) continue;
      const w = mu / total[t];
      const f = 1 - 2 * w + squares[t];
      if (f < 0.05) continue; // the unit is (nearly) alone at t: its residual says nothing about drift
      residual[t] = Math.log((events[key] + 0.5) / (mu + 0.5));
      samplingVariance[t] = Math.max(0, logCountVariance(mu) - 1 / (total[t] + 0.5));
      shrink[t] = f;
      share[t] = w;
      meanVariance[t] = 1 / (total[t] + 0.5);
      if (t > 0 && !Number.isNaN(residual[t - 1])) lagOnePairs++;
      any = true;
    }
    if (any) residuals.push({ residual, samplingVariance, shrink, share, meanVariance });
  }
  return { phi: pearson / df, phiBlock, residuals, lagOnePairs };
}

/**
 * Var(log(Y + 0.5)) for Y ~ Poisson(μ): exact by summing the probabilities for μ < 100 (the
 * first-order 1/μ understates it by about 1/μ² at small counts), 1/μ + 0.5/μ² (second-order delta
 * method) above.
 */
export function logCountVariance(mu: number): number {
  if (mu >= 100) return 1 / mu + 0.5 / (mu * mu);
  const top = Math.ceil(mu + 12 * Math.sqrt(mu) + 15);
  let p = Math.exp(-mu);
  let m1 = 0;
  let m2 = 0;
  for (let y = 0; y <= top; y++) {
    if (y > 0) p *= mu / y;
    const l = Math.log(y + 0.5);
    m1 += p * l;
    m2 += p * l * l;
  }
  return Math.max(0, m2 - m1 * m1);
}

/** Two-way fixed-effects Poisson estimate (contrast only). */
function twfeEstimate(
  nU: number,
  nT: number,
  minT: number,
  events: Float64Array,
  exposure: Float64Array,
  starts: readonly (number | null)[],
  level: number,
): RateRatioEstimate & { readonly label: EffectsNote } {
  const keys: number[] = [];
  for (let key = 0; key < nU * nT; key++) if (!Number.isNaN(events[key])) keys.push(key);
  const { rows, names } = fixedEffectsDesign(keys, nT);
  keys.forEach((key, i) => {
    const s = starts[Math.floor(key / nT)];
    rows[i].push(s !== null && (key % nT) + minT >= s ? 1 : 0);
  });
  const fit = poissonGlm(
    { y: keys.map((key) => events[key]), x: rows, names: [...names, "treated"], offset: keys.map((key) => Math.log(exposure[key])) },
    { family: "quasipoisson" },
  );
  const j = names.length;
  return { ...rateRatioFromLog(fit.coefficients[j], fit.standardErrors[j], level), label: EffectsNotes.twfe() };
}

