/**
 * Variance component for serially correlated unit-level drift of a log rate, estimated from
 * residuals, and the variance it adds to a linear contrast of log rates.
 *
 * Model: the log rate of unit u at period t is a_u + b_t + δ_u(t) + Poisson noise, with δ_u an
 * intrinsically stationary process independent between units. Its (semi-)variogram
 * γ(h) = ½ E[(δ(t + h) − δ(t))²] is modelled as
 *
 *   γ(h) = ν + σ²(1 − ρʰ) + ω·h  for h ≥ 1, γ(0) = 0,
 *
 * a nugget ν (month-to-month extra-Poisson noise), a stationary AR(1) part (variance σ², lag-one
 * correlation ρ) and a random-walk part (½ step variance ω). It is fitted by non-negative least
 * squares (the nugget left free in the fit and set to max(0, ·) after it) to the empirical variogram of residual differences net of their Poisson variance
 * (Cressie 1993, "Statistics for Spatial Data", §2.4, method-of-moments variogram and weighted
 * least-squares fit; Diggle, Heagerty, Liang & Zeger 2002, "Analysis of Longitudinal Data", §5.2,
 * the variogram of serially correlated random effects), with ρ chosen on a grid.
 *
 * For a contrast Σₜ wₜ δ(t) whose weights sum to zero (every difference-in-differences and every
 * change-of-level contrast does), Var = −Σₜ Σₛ wₜ wₛ γ(|t − s|) (Cressie 1993, eq. 2.3.10), which
 * holds for a random walk too.
 */

import { solveDense } from "../stats/glm/linalg.js";

/** One unit's residual series on the log scale, in period order (NaN where not usable). */
export interface DriftResidualSeries {
  /** Residual log rate (log observed − log fitted) per period. */
  readonly residual: Float64Array;
  /** Poisson (sampling) variance of each residual, e.g. 1/μ − 1/M when a period mean was removed. */
  readonly samplingVariance: Float64Array;
  /** Factor by which fitting period effects shrinks the drift variance of the unit's residual (1 = none). */
  readonly shrink: Float64Array;
  /**
   * When the residuals are deviations from a weighted mean over units at each period (period
   * effects): the unit's weight in that mean (0 where absent) and the sampling variance of the mean.
   * They couple the units' residuals; driftVarianceVariance uses them.
   */
  readonly share?: Float64Array;
  readonly meanVariance?: Float64Array;
}

/** Fitted drift variogram γ(h) = nugget + stationary·(1 − rho^h) + walk·h (h ≥ 1). */
export interface DriftVariogram {
  /** Nugget: variance of period-to-period deviations with no memory (log scale). */
  readonly nugget: number;
  /** Variance of the AR(1) part (log scale). */
  readonly stationary: number;
  /** Lag-one autocorrelation of the AR(1) part. */
  readonly rho: number;
  /** Random-walk variance per period (log scale). */
  readonly walk: number;
  /** Largest lag used in the fit. */
  readonly maxLag: number;
  /** Residual differences used (over every lag). */
  readonly pairs: number;
  /** The empirical variogram the model was fitted to. */
  readonly empirical: readonly { readonly lag: number; readonly gamma: number; readonly pairs: number }[];
  /** Weights of the final least-squares fit, one per empirical lag. */
  readonly fitWeights?: readonly number[];
  /** Components the final fit kept (0 nugget, 1 AR(1), 2 walk). */
  readonly active?: readonly number[];
}

/** γ(h) of a fitted variogram. */
export function variogramAt(v: DriftVariogram, h: number): number {
  if (h === 0) return 0;
  return v.nugget + v.stationary * (1 - Math.pow(v.rho, h)) + v.walk * h;
}

// ρ ≥ 0.9 is left out on purpose: within the lags a few years of data show, such an AR(1) cannot be
// told from a random walk, and the walk is the conservative reading when extrapolating to longer lags.
const RHO_GRID = [0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.75, 0.8, 0.85];

/**
 * Empirical variogram of the residuals (net of sampling variance, divided by the shrink factor)
 * at lags 1..maxLag (stopping at the first lag with fewer than a quarter of the lag-one pairs),
 * and the least-squares fit of the model (AR(1) and walk parts non-negative), weighted by the
 * number of pairs at each lag and then by Cressie's (1985) approximate inverse variances. Returns null when fewer than `minPairs` lag-one differences exist.
 */
export function fitDriftVariogram(series: readonly DriftResidualSeries[], maxLag: number, minPairs = 6, walkOnly = false): DriftVariogram | null {
  return fitDriftVariogramWithIntercept(series, maxLag, minPairs, walkOnly)?.variogram ?? null;
}

/**
 * fitDriftVariogram, and the fitted intercept before it is set to max(0, ·) as the reported
 * nugget. The intercept absorbs a small error of the subtracted sampling variance, shared by every
 * lag, and can be negative; an AR(1) part with a low ρ (1 − ρʰ ≈ 1 from lag 2 on) is then almost
 * collinear with it, and the fit may pair a negative intercept with a positive AR(1) part that only
 * cancels it. Contrasts must use the signed intercept (variogramTableWithIntercept) — with the
 * nugget clipped alone, that AR(1) part would be read as drift that is not there.
 */
export function fitDriftVariogramWithIntercept(
  series: readonly DriftResidualSeries[],
  maxLag: number,
  minPairs = 6,
  walkOnly = false,
): { variogram: DriftVariogram; intercept: number } | null {
  const sums = new Float64Array(maxLag + 1);
  const counts = new Float64Array(maxLag + 1);
  let samplingSum = 0;
  for (const s of series) {
    const n = s.residual.length;
    for (let t = 0; t < n; t++) {
      const r0 = s.residual[t];
      if (Number.isNaN(r0)) continue;
      for (let h = 1; h <= maxLag && t + h < n; h++) {
        const r1 = s.residual[t + h];
        if (Number.isNaN(r1)) continue;
        const d = r1 - r0;
        const shrink = (s.shrink[t] + s.shrink[t + h]) / 2;
        sums[h] += (d * d - s.samplingVariance[t] - s.samplingVariance[t + h]) / (2 * Math.max(shrink, 0.05));
        counts[h] += 1;
        samplingSum += (s.samplingVariance[t] + s.samplingVariance[t + h]) / (2 * Math.max(shrink, 0.05));
      }
    }
  }
  if (counts[1] < minPairs) return null;
  const empirical: { lag: number; gamma: number; pairs: number }[] = [];
  // Lags with few pairs are mostly noise, and non-negative fits turn noise into a positive slope:
  // use the lags with at least a quarter as many pairs as lag one.
  const enough = Math.max(2, minPairs / 2, counts[1] / 4);
  for (let h = 1; h <= maxLag; h++) {
    if (counts[h] < enough) break;
    empirical.push({ lag: h, gamma: sums[h] / counts[h], pairs: counts[h] });
  }
  let best: { sse: number; nugget: number; stationary: number; rho: number; walk: number; use: number[] } | null = null;
  let usedWeights: number[] = [];
  const lags = empirical.map((e) => e.lag);
  const sampling = samplingSum / counts.reduce((a, c) => a + c, 0);
  // Two passes: weights n_h first, then Cressie's (1985) n_h / (γ(h) + sampling variance)², the
  // inverse of the approximate variance of each lag's estimate, so the noisy long lags of a
  // drifting series do not dominate the fit.
  let weights = empirical.map((e) => e.pairs);
  for (let pass = 0; pass < 2; pass++) {
    best = null;
    usedWeights = weights;
    for (const rho of RHO_GRID) {
      const cols = [lags.map(() => 1), lags.map((h) => 1 - Math.pow(rho, h)), lags];
      const fit = nnls3(empirical, cols, weights, walkOnly);
      if (best === null || fit.sse < best.sse - 1e-15) best = { sse: fit.sse, nugget: fit.coef[0], stationary: fit.coef[1], rho, walk: fit.coef[2], use: fit.use };
    }
    const f = best as NonNullable<typeof best>;
    weights = empirical.map((e) => {
      const g = Math.max(0, f.nugget) + f.stationary * (1 - Math.pow(f.rho, e.lag)) + f.walk * e.lag;
      return e.pairs / (g + sampling) ** 2;
    });
  }
  const b = best as NonNullable<typeof best>;
  const pairs = empirical.reduce((a, e) => a + e.pairs, 0);
  const lastLag = empirical.length > 0 ? empirical[empirical.length - 1].lag : 0;
  const variogram: DriftVariogram = {
    nugget: Math.max(0, b.nugget), stationary: b.stationary, rho: b.stationary > 0 ? b.rho : 0, walk: b.walk, maxLag: lastLag, pairs, empirical,
    fitWeights: usedWeights, active: b.stationary > 0 ? b.use : b.use.filter((j) => j !== 1),
  };
  return { variogram, intercept: b.nugget };
}

/**
 * γ(0), γ(1), …, γ(maxLag) with the signed intercept in place of the nugget (γ(h ≥ 1) may be
 * negative; a contrast's drift variance from it is set to max(0, ·) as a whole).
 */
export function variogramTableWithIntercept(v: DriftVariogram, intercept: number, maxLag: number): Float64Array {
  const out = variogramTable(v, maxLag);
  for (let h = 1; h <= maxLag; h++) out[h] += intercept - v.nugget;
  return out;
}

/** Weighted least squares with three columns (values per point), the last two non-negative, by enumerating the active sets. */
function nnls3(
  points: readonly { lag: number; gamma: number; pairs: number }[],
  cols: readonly (readonly number[])[],
  weights: readonly number[],
  walkOnly = false,
): { coef: number[]; sse: number; use: number[] } {
  let best = { coef: [0, 0, 0], sse: Infinity, use: [0] };
  // Weighted cross-products of all three columns, once.
  const XtX = [0, 1, 2].map(() => [0, 0, 0]);
  const Xty = [0, 0, 0];
  points.forEach((p, n) => {
    for (let i = 0; i < 3; i++) {
      Xty[i] += weights[n] * cols[i][n] * p.gamma;
      for (let j = 0; j < 3; j++) XtX[i][j] += weights[n] * cols[i][n] * cols[j][n];
    }
  });
  // The intercept (nugget) is left free: a small error in the subtracted sampling variance shifts
  // every lag alike and must not be absorbed by the AR(1) or random-walk parts, which are fitted
  // from the shape of γ over the lags and kept non-negative.
  for (let mask = 1; mask < 8; mask += 2) {
    if (walkOnly && mask & 2) continue;
    const use = [0, 1, 2].filter((j) => (mask >> j) & 1);
    const sol = solveDense(
      use.map((i) => use.map((j) => XtX[i][j])),
      use.map((i) => Xty[i]),
    );
    if (sol === null || sol.some((v, i) => use[i] > 0 && v < 0)) continue;
    const coef = [0, 0, 0];
    use.forEach((j, i) => (coef[j] = sol[i]));
    let sse = 0;
    points.forEach((p, n) => {
      const f = coef[0] * cols[0][n] + coef[1] * cols[1][n] + coef[2] * cols[2][n];
      sse += weights[n] * (p.gamma - f) ** 2;
    });
    if (sse < best.sse) best = { coef, sse, use };
  }
  return best;
}


/** γ(0), γ(1), …, γ(maxLag) of a fitted variogram, for fast repeated contrasts. */
export function variogramTable(v: DriftVariogram, maxLag: number): Float64Array {
  const out = new Float64Array(maxLag + 1);
  for (let h = 1; h <= maxLag; h++) out[h] = variogramAt(v, h);
  return out;
}

/**
 * Drift variance of one unit's contrast Σ wₜ δ(t): −Σₜ Σₛ wₜ wₛ γ(|t − s|). Weights are made to
 * sum to zero first (the small remainder, from unequal shares of a pooled count, is spread over
 * the weights in proportion to their size), so a random walk's unknown level never enters.
 * @param times period positions of the non-zero weights
 * @param gamma the variogram at lags 0, 1, … (variogramTable)
 */
export function contrastDriftVariance(times: readonly number[], weights: readonly number[], gamma: Float64Array): number {
  const n = times.length;
  if (n === 0) return 0;
  let sum = 0;
  let abs = 0;
  for (const w of weights) {
    sum += w;
    abs += Math.abs(w);
  }
  const w = abs > 0 ? weights.map((x) => x - (sum * Math.abs(x)) / abs) : [...weights];
  let out = 0;
  for (let i = 0; i < n; i++) {
    for (let j = i + 1; j < n; j++) out -= 2 * w[i] * w[j] * gamma[Math.abs(times[i] - times[j])];
  }
  return Math.max(0, out);
}

/**
 * Adds one unit's contrast to lag coefficients c, so that its drift variance under any variogram is
 * Σₕ c[h]·γ(h) (the same zero-sum weights as contrastDriftVariance). Lets one contrast be evaluated
 * cheaply under several fitted variograms (e.g. the leave-one-unit-out fits of a jackknife).
 */
export function addContrastLagCoefficients(times: readonly number[], weights: readonly number[], c: Float64Array): void {
  const n = times.length;
  if (n === 0) return;
  let sum = 0;
  let abs = 0;
  for (const w of weights) {
    sum += w;
    abs += Math.abs(w);
  }
  const w = abs > 0 ? weights.map((x) => x - (sum * Math.abs(x)) / abs) : [...weights];
  for (let i = 0; i < n; i++) {
    for (let j = i + 1; j < n; j++) c[Math.abs(times[i] - times[j])] -= 2 * w[i] * w[j];
  }
}

/**
 * Variance of an estimated drift variance V̂ = Σₕ c[h]·γ̂(h), for Satterthwaite's degrees of
 * freedom. With the fitted active set and weights held fixed, γ̂ is linear in the empirical
 * variogram and V̂ a quadratic form rᵀQr of the residuals; for Gaussian residuals its variance is
 * 2 tr(QΣQΣ) (Searle, Casella & McCulloch 1992, "Variance Components"; its use for Satterthwaite
 * degrees of freedom: Giesbrecht & Burns 1985, Biometrics 41:477–486). Σ is the joint
 * covariance of every unit's residuals under the fitted variogram: residuals are deviations from the
 * weighted mean over units at each period, r_u(t) = δ_u(t) − Σ_k w_kt δ_k(t), so units are coupled
 * (with two units left at a period their residuals mirror each other and carry one unit's
 * information) — when the series carry `share` and `meanVariance`; else units are independent with
 * the shrink factor. The walk's covariance is taken from the first period.
 */
export function driftVarianceVariance(series: readonly DriftResidualSeries[], fit: DriftVariogram, c: Float64Array): number {
  const lags = fit.empirical.map((e) => e.lag);
  const weights = fit.fitWeights ?? fit.empirical.map((e) => e.pairs);
  const active = fit.active ?? [0, 1, 2];
  const col = (j: number, h: number) => (j === 0 ? 1 : j === 1 ? 1 - Math.pow(fit.rho, h) : h);
  const k = active.length;
  if (lags.length < k || k === 0) return NaN;
  // a = W X (XᵀWX)⁻¹ Xᵀ_full c: V̂ = Σₕ a[h]·ĝ(h) over the empirical lags.
  const XtWX = active.map((i) => active.map((j) => lags.reduce((s, h, n) => s + weights[n] * col(i, h) * col(j, h), 0)));
  const Xc = active.map((i) => {
    let s = 0;
    for (let h = 1; h < c.length; h++) s += col(i, h) * c[h];
    return s;
  });
  const beta = solveDense(XtWX, Xc);
  if (beta === null) return NaN;
  const a = new Map<number, number>();
  lags.forEach((h, n) => a.set(h, weights[n] * active.reduce((s, j, i) => s + col(j, h) * beta[i], 0)));
  const pairsAt = new Map(fit.empirical.map((e) => [e.lag, e.pairs]));
  // Every residual cell (unit by unit, in period order) and its unit's block of the quadratic form.
  const cellU: number[] = [];
  const cellT: number[] = [];
  const blockStart: number[] = [];
  const posOf: Int32Array[] = [];
  series.forEach((s, u) => {
    blockStart.push(cellU.length);
    const at = new Int32Array(s.residual.length).fill(-1);
    for (let t = 0; t < s.residual.length; t++) {
      if (Number.isNaN(s.residual[t])) continue;
      at[t] = cellU.length;
      cellU.push(u);
      cellT.push(t);
    }
    posOf.push(at);
  });
  blockStart.push(cellU.length);
  const N = cellU.length;
  // Q is block-diagonal by unit (pairs never cross units): one dense block per unit.
  const Qb: Float64Array[] = series.map((_, u) => new Float64Array((blockStart[u + 1] - blockStart[u]) ** 2));
  for (let i = 0; i < N; i++) {
    const u = cellU[i];
    const t = cellT[i];
    const s = series[u];
    const o = blockStart[u];
    const nb = blockStart[u + 1] - o;
    const Q = Qb[u];
    for (const [h, ah] of a) {
      if (ah === 0 || t + h >= s.residual.length) continue;
      const j = posOf[u][t + h];
      if (j < 0) continue;
      const sh = (s.shrink[t] + s.shrink[t + h]) / 2;
      const q = ah / (2 * Math.max(sh, 0.05) * (pairsAt.get(h) as number));
      const bi = i - o;
      const bj = j - o;
      Q[bi * nb + bi] += q;
      Q[bj * nb + bj] += q;
      Q[bi * nb + bj] -= q;
      Q[bj * nb + bi] -= q;
    }
  }
  // Covariance of the drift: nugget + AR(1) + a walk from the first period (step variance 2ω).
  let nT = 0;
  for (const s of series) nT = Math.max(nT, s.residual.length);
  const rhoPow = new Float64Array(nT + 1);
  for (let h = 0; h <= nT; h++) rhoPow[h] = fit.stationary === 0 ? 0 : Math.pow(fit.rho, h);
  const cov = (t: number, r: number) =>
    (t === r ? fit.nugget : 0) + fit.stationary * rhoPow[Math.abs(t - r)] + 2 * fit.walk * (Math.min(t, r) + 1);
  const coupled = series.every((s) => s.share !== undefined && s.meanVariance !== undefined);
  // Σ_k w_kt w_ks over units, once per pair of periods.
  const cross = new Float64Array(coupled ? nT * nT : 0);
  if (coupled) {
    for (const s of series) {
      const w = s.share as Float64Array;
      for (let t = 0; t < w.length; t++) {
        if (w[t] === 0) continue;
        for (let r = 0; r < w.length; r++) cross[t * nT + r] += w[t] * w[r];
      }
    }
  }
  const S = new Float64Array(N * N);
  for (let i = 0; i < N; i++) {
    const ui = cellU[i];
    const ti = cellT[i];
    const si = series[ui];
    for (let j = i; j < N; j++) {
      const uj = cellU[j];
      const tj = cellT[j];
      const sj = series[uj];
      let f: number;
      if (coupled) {
        // r_u(t) = δ_u(t) − Σ_k w_kt δ_k(t): Cov factor 1{u=v} − w_us − w_vt + Σ_k w_kt w_ks.
        const wUs = (si.share as Float64Array)[tj] ?? 0;
        const wVt = (sj.share as Float64Array)[ti] ?? 0;
        f = (ui === uj ? 1 : 0) - wUs - wVt + cross[ti * nT + tj];
      } else {
        f = ui === uj ? Math.sqrt(Math.max(si.shrink[ti], 0.05) * Math.max(sj.shrink[tj], 0.05)) : 0;
      }
      let v = f === 0 ? 0 : f * cov(ti, tj);
      if (ti === tj) {
        if (ui === uj) v += si.samplingVariance[ti];
        else if (coupled) v -= si.meanVariance?.[ti] ?? 0;
      }
      S[i * N + j] = v;
      S[j * N + i] = v;
    }
  }
  // P = QS block by block (rows of unit u: Q_u times the unit's rows of S), then tr(P²).
  const P = new Float64Array(N * N);
  series.forEach((_, u) => {
    const o = blockStart[u];
    const nb = blockStart[u + 1] - o;
    const Q = Qb[u];
    for (let bi = 0; bi < nb; bi++) {
      const prow = (o + bi) * N;
      for (let bl = 0; bl < nb; bl++) {
        const q = Q[bi * nb + bl];
        if (q === 0) continue;
        const srow = (o + bl) * N;
        for (let j = 0; j < N; j++) P[prow + j] += q * S[srow + j];
      }
    }
  });
  let total = 0;
  for (let i = 0; i < N; i++) for (let j = 0; j < N; j++) total += P[i * N + j] * P[j * N + i];
  total *= 2;
  return total;
}
