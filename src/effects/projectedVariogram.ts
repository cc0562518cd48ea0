/**
 * The drift variogram of one series estimated from the residuals of a regression fitted to it,
 * with the regression's own absorption of the drift taken into account, and the variance of the
 * resulting drift variance of a contrast (for Satterthwaite's degrees of freedom).
 *
 * Residual log rates of a Poisson GLM are, to first order, r = M(δ + ε) with
 * M = I − X(XᵀWX)⁻¹XᵀW (W = diag μ), δ the drift and ε the sampling noise on the log scale. A trend
 * term soaks up much of a slow drift, so the plain variogram of the residuals understates the
 * drift's variogram, and most at the long lags that matter for an effect measured years after the
 * start. Here each model component (nugget, AR(1) with correlation ρ, random walk) is mapped to
 * its expected residual variogram, E ĝ(h) = mean over pairs ½(e_{t+h} − e_t)ᵀ M K Mᵀ (e_{t+h} − e_t)
 * with K the component's (generalised) covariance, and the variance components are fitted by
 * non-negative weighted least squares to the empirical residual variogram net of its expected
 * sampling part ½(e_{t+h} − e_t)ᵀ M S Mᵀ (e_{t+h} − e_t), S = diag Var(log(y + ½)). This is the
 * method-of-moments analogue of REML for variance components (Searle, Casella & McCulloch 1992,
 * "Variance Components"; Cressie 1993, "Statistics for Spatial Data", on the bias of variograms
 * estimated from regression residuals). The degrees of freedom follow Giesbrecht & Burns (1985,
 * Biometrics 41:477–486): Satterthwaite's formula with the variance of the estimated variance.
 */
import type { DriftVariogram } from "./driftVariogram.js";
import { solveDense } from "../stats/glm/linalg.js";

export interface ProjectedVariogramInput {
  /** Residual log rates log((y + ½)/(μ̂ + ½)), in observation order. */
  readonly residual: readonly number[];
  /** Period position of each observation (gaps allowed). */
  readonly times: readonly number[];
  /** Design rows (n × p), the unscaled covariance (XᵀWX)⁻¹ (p × p) and the fitted means μ̂. */
  readonly x: readonly (readonly number[])[];
  readonly unscaledCovariance: readonly (readonly number[])[];
  readonly mu: readonly number[];
  /** Sampling variance of each log count. */
  readonly sampling: readonly number[];
  /** Largest lag used. */
  readonly maxLag: number;
}

export interface ProjectedVariogramFit {
  readonly variogram: DriftVariogram;
  /**
   * Variance of the estimated drift variance Σᵢⱼ −wᵢwⱼγ̂(|tᵢ − tⱼ|) of a contrast w (zero-sum weights on
   * the log counts at the observations), treating the residuals as Gaussian with the fitted
   * covariance: V̂ is a quadratic form rᵀQr and Var = 2 tr(QΣQΣ).
   */
  readonly varianceOfContrastVariance: (contrasts: readonly (readonly number[])[], combine: readonly number[]) => { variance: number; estimate: number };
}

const RHO_GRID = [0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.75, 0.8, 0.85];

export function fitProjectedVariogram(input: ProjectedVariogramInput): ProjectedVariogramFit | null {
  const { residual, times, x, unscaledCovariance: U, mu, sampling } = input;
  const n = residual.length;
  const p = U.length;
  // G = X U (n × p); M = I − G XᵀW. Flat row-major copies of X and G for the projections.
  const Xf = new Float64Array(n * p);
  const Gf = new Float64Array(n * p);
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < p; j++) Xf[i * p + j] = x[i][j];
    for (let j = 0; j < p; j++) {
      let v = 0;
      for (let l = 0; l < p; l++) v += x[i][l] * U[l][j];
      Gf[i * p + j] = v;
    }
  }
  // Pairs (i, k) with times[k] − times[i] = h ≤ maxLag.
  const pairs: { i: number; k: number; h: number }[] = [];
  for (let i = 0; i < n; i++) for (let k = i + 1; k < n && times[k] - times[i] <= input.maxLag; k++) pairs.push({ i, k, h: times[k] - times[i] });
  const lagCount = new Float64Array(input.maxLag + 1);
  for (const q of pairs) lagCount[q.h]++;
  if (lagCount[1] < 6) return null;
  const lags: number[] = [];
  for (let h = 1; h <= input.maxLag; h++) if (lagCount[h] >= Math.max(3, lagCount[1] / 4)) lags.push(h);
  const lagPos = new Map(lags.map((h, i) => [h, i]));

  /** M K Mᵀ for a symmetric covariance function k(i, j) of the observations (full n × n). */
  const project = (k: (i: number, j: number) => number): Float64Array => {
    const K = new Float64Array(n * n);
    for (let i = 0; i < n; i++) {
      for (let j = i; j < n; j++) {
        const v = k(i, j);
        K[i * n + j] = v;
        K[j * n + i] = v;
      }
    }
    // A = K W X (n × p); C = Xᵀ W A (p × p).
    const A = new Float64Array(n * p);
    for (let i = 0; i < n; i++) {
      const ai = i * p;
      for (let l = 0; l < n; l++) {
        const kw = K[i * n + l] * mu[l];
        if (kw === 0) continue;
        const xl = l * p;
        for (let j = 0; j < p; j++) A[ai + j] += kw * Xf[xl + j];
      }
    }
    const C = new Float64Array(p * p);
    for (let l = 0; l < n; l++) {
      for (let j = 0; j < p; j++) {
        const xw = Xf[l * p + j] * mu[l];
        if (xw === 0) continue;
        for (let m = 0; m < p; m++) C[j * p + m] += xw * A[l * p + m];
      }
    }
    // GC = G C (n × p).
    const GC = new Float64Array(n * p);
    for (let i = 0; i < n; i++) {
      for (let j = 0; j < p; j++) {
        const g = Gf[i * p + j];
        if (g === 0) continue;
        for (let m = 0; m < p; m++) GC[i * p + m] += g * C[j * p + m];
      }
    }
    // B = K − G Aᵀ − A Gᵀ + GC Gᵀ.
    const B = new Float64Array(n * n);
    for (let i = 0; i < n; i++) {
      const ip = i * p;
      for (let s = i; s < n; s++) {
        const sp = s * p;
        let v = K[i * n + s];
        for (let j = 0; j < p; j++) v += -Gf[ip + j] * A[sp + j] - A[ip + j] * Gf[sp + j] + GC[ip + j] * Gf[sp + j];
        B[i * n + s] = v;
        B[s * n + i] = v;
      }
    }
    return B;
  };
  /** Mean over the pairs at each lag of ½(B_ii + B_kk − 2B_ik). */
  const lagMeans = (B: Float64Array): number[] => {
    const out = new Array<number>(lags.length).fill(0);
    for (const q of pairs) {
      const at = lagPos.get(q.h);
      if (at === undefined) continue;
      out[at] += 0.5 * (B[q.i * n + q.i] + B[q.k * n + q.k] - 2 * B[q.i * n + q.k]);
    }
    return out.map((v, i) => v / lagCount[lags[i]]);
  };
  const Bsampling = project((i, j) => (i === j ? sampling[i] : 0));
  const samplingPart = lagMeans(Bsampling);
  const squares = new Float64Array(lags.length);
  for (const q of pairs) {
    const at = lagPos.get(q.h);
    if (at !== undefined) squares[at] += 0.5 * (residual[q.k] - residual[q.i]) ** 2;
  }
  const empirical = lags.map((h, i) => ({ lag: h, gamma: squares[i] / lagCount[h] - samplingPart[i], pairs: lagCount[h] }));
  const Bnugget = project((i, j) => (i === j ? 1 : 0));
  const Bwalk = project((i, j) => -Math.abs(times[i] - times[j]));
  const colNugget = lagMeans(Bnugget);
  const colWalk = lagMeans(Bwalk);
  const Bar = RHO_GRID.map((rho) => project((i, j) => Math.pow(rho, Math.abs(times[i] - times[j]))));
  const colAr = Bar.map(lagMeans);

  let weights = empirical.map((e) => e.pairs);
  let usedWeights = weights;
  let best: { sse: number; coef: number[]; r: number; use: number[] } | null = null;
  const avgSampling = samplingPart.reduce((a, v) => a + v, 0) / Math.max(1, samplingPart.length);
  // Two passes: weights n_h, then Cressie's (1985) n_h / (E ĝ(h) + sampling part)².
  for (let pass = 0; pass < 2; pass++) {
    best = null;
    usedWeights = weights;
    for (let r = 0; r < RHO_GRID.length; r++) {
      const cols = [colNugget, colAr[r], colWalk];
      for (let mask = 1; mask < 8; mask++) {
        const use = [0, 1, 2].filter((j) => (mask >> j) & 1);
        const sol = wls(use.map((j) => cols[j]), empirical.map((e) => e.gamma), weights);
        // All parts non-negative: the sampling part is subtracted exactly, lag by lag.
        if (sol === null || sol.some((v) => v < 0)) continue;
        let sse = 0;
        empirical.forEach((e, m) => {
          const f = use.reduce((s, j, i) => s + sol[i] * cols[j][m], 0);
          sse += weights[m] * (e.gamma - f) ** 2;
        });
        if (best === null || sse < best.sse - 1e-18) {
          const coef = [0, 0, 0];
          use.forEach((j, i) => (coef[j] = sol[i]));
          best = { sse, coef, r, use };
        }
      }
    }
    if (best === null) break;
    const b = best;
    weights = empirical.map((e, m) => {
      const g = b.coef[0] * colNugget[m] + b.coef[1] * colAr[b.r][m] + b.coef[2] * colWalk[m];
      return e.pairs / (Math.max(0, g) + avgSampling) ** 2;
    });
  }
  if (best === null) best = { sse: 0, coef: [0, 0, 0], r: 0, use: [] };
  const fitted = best;
  const rho = RHO_GRID[fitted.r];
  const variogram: DriftVariogram = {
    nugget: fitted.coef[0],
    stationary: fitted.coef[1],
    rho: fitted.coef[1] > 0 ? rho : 0,
    walk: fitted.coef[2],
    maxLag: lags.length > 0 ? lags[lags.length - 1] : 0,
    pairs: empirical.reduce((a, e) => a + e.pairs, 0),
    empirical,
  };

  const varianceOfContrastVariance = (contrasts: readonly (readonly number[])[], combine: readonly number[]) => {
    // V̂ = Σ_c combine_c · Σ_k θ̂_k V_k(c), V_k(c) = −Σᵢⱼ wᵢwⱼ γ_k(|tᵢ − tⱼ|), with θ̂ linear in ĝ
    // for the fitted active set: θ̂ = (EᵀΩE)⁻¹EᵀΩ ĝ.
    const gammaK = (k: number, h: number) => (h === 0 ? 0 : k === 0 ? 1 : k === 1 ? 1 - Math.pow(rho, h) : h);
    const Vk = [0, 1, 2].map((k) =>
      contrasts.reduce((tot, w, c) => {
        let v = 0;
        for (let i = 0; i < n; i++) for (let j = 0; j < n; j++) v -= w[i] * w[j] * gammaK(k, Math.abs(times[i] - times[j]));
        return tot + combine[c] * v;
      }, 0),
    );
    const estimate = fitted.coef.reduce((a, t, k) => a + t * Vk[k], 0);
    // The linear map of the fitted active set (a component at the boundary counts as known).
    const use = fitted.use;
    if (use.length === 0) return { variance: 0, estimate };
    const cols = [colNugget, colAr[fitted.r], colWalk];
    const E = use.map((j) => cols[j]);
    const EtWE = E.map((a) => E.map((b) => a.reduce((s, v, m) => s + usedWeights[m] * v * b[m], 0)));
    const beta = solveDense(EtWE, use.map((j) => Vk[j]));
    if (beta === null) return { variance: NaN, estimate };
    // a_m: coefficient of ĝ(lag m) in V̂.
    const aLag = lags.map((_, m) => usedWeights[m] * E.reduce((s, col, i) => s + col[m] * beta[i], 0));
    // Q (n × n): Σ over pairs of a/(2 n_h) (e_k − e_i)(e_k − e_i)ᵀ.
    const Q = new Float64Array(n * n);
    for (const q of pairs) {
      const m = lagPos.get(q.h);
      if (m === undefined) continue;
      const c = aLag[m] / (2 * lagCount[q.h]);
      Q[q.i * n + q.i] += c;
      Q[q.k * n + q.k] += c;
      Q[q.i * n + q.k] -= c;
      Q[q.k * n + q.i] -= c;
    }
    // Σ = M(K_θ + S)Mᵀ.
    const Sigma = new Float64Array(n * n);
    const parts: [number, Float64Array][] = [[fitted.coef[0], Bnugget], [fitted.coef[1], Bar[fitted.r]], [fitted.coef[2], Bwalk], [1, Bsampling]];
    for (const [c, B] of parts) if (c !== 0) for (let i = 0; i < n * n; i++) Sigma[i] += c * B[i];
    const P = new Float64Array(n * n);
    for (let i = 0; i < n; i++) {
      for (let l = 0; l < n; l++) {
        const q = Q[i * n + l];
        if (q === 0) continue;
        for (let j = 0; j < n; j++) P[i * n + j] += q * Sigma[l * n + j];
      }
    }
    let tr = 0;
    for (let i = 0; i < n; i++) for (let j = 0; j < n; j++) tr += P[i * n + j] * P[j * n + i];
    return { variance: 2 * tr, estimate };
  };
  return { variogram, varianceOfContrastVariance };
}

function wls(cols: readonly (readonly number[])[], y: readonly number[], w: readonly number[]): number[] | null {
  const k = cols.length;
  const A = cols.map((a) => cols.map((b) => a.reduce((s, v, m) => s + w[m] * v * b[m], 0)));
  const b = cols.map((a) => a.reduce((s, v, m) => s + w[m] * v * y[m], 0));
  if (k === 0) return [];
  return solveDense(A, b);
}

