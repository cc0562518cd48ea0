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
 *
 * Several series may share one design (the DiD's untreated cluster-periods under a unit + period
 * model): the drift is independent between series, so K is block-diagonal by series, and only
 * pairs within a series enter the variogram — but the projection couples the series (period
 * effects are shared), which M K Mᵀ carries exactly. The projection is computed without forming M:
 * with G = X(XᵀWX)⁻¹ and A = K W X, M K Mᵀ = K − A Gᵀ − G Aᵀ + X R Xᵀ, R = U Xᵀ W K W X U, so a
 * pair's ½(e_k − e_i)ᵀ M K Mᵀ (e_k − e_i) costs one p-vector product when the design rows are
 * sparse (unit and period dummies).
 */
import type { DriftVariogram } from "./driftVariogram.js";
import { solveDense } from "../stats/glm/linalg.js";

export interface ProjectedVariogramInput {
  /** Residual log rates log((y + ½)/(μ̂ + ½)), in observation order. */
  readonly residual: readonly number[];
  /** Period position of each observation (gaps allowed), increasing within a series. */
  readonly times: readonly number[];
  /**
   * Series (cluster) of each observation, the observations of a series consecutive (default: one
   * series). The drift is independent between series; pairs are formed within a series only.
   */
  readonly series?: readonly number[];
  /** Design rows (n × p), the unscaled covariance (XᵀWX)⁻¹ (p × p) and the fitted means μ̂. */
  readonly x: readonly (readonly number[])[];
  readonly unscaledCovariance: readonly (readonly number[])[];
  readonly mu: readonly number[];
  /** Sampling variance of each log count. */
  readonly sampling: readonly number[];
  /** Largest lag used. */
  readonly maxLag: number;
  /** Fewest lag-one pairs for a fit (default 6; fewer: null). */
  readonly minPairs?: number;
}

export interface ProjectedVariogramOptions {
  /**
   * Leave the nugget's coefficient free in sign (the DiD's signed intercept): the reported nugget
   * is max(0, ·), `intercept` the signed value. Default: every component non-negative.
   */
  readonly signedNugget?: boolean;
  /** Fit the random walk as the only drift besides the nugget (no AR(1) part). */
  readonly walkOnly?: boolean;
}

export interface ProjectedVariogramFit {
  readonly variogram: DriftVariogram;
  /** The fitted nugget coefficient with its sign (= variogram.nugget unless signedNugget). */
  readonly intercept: number;
  /**
   * Variance of the estimated drift variance Σᵢⱼ −wᵢwⱼγ̂(|tᵢ − tⱼ|) of a contrast w (zero-sum weights on
   * the log counts at the observations), treating the residuals as Gaussian with the fitted
   * covariance: V̂ is a quadratic form rᵀQr and Var = 2 tr(QΣQΣ).
   */
  readonly varianceOfContrastVariance: (contrasts: readonly (readonly number[])[], combine: readonly number[]) => { variance: number; estimate: number };
  /** The same for a contrast given by its lag coefficients c (drift variance Σₕ c[h]·γ(h); addContrastLagCoefficients). */
  readonly varianceOfLagContrast: (c: Float64Array) => { variance: number; estimate: number };
}

/** The projected component columns of one design, shared by several fits (projectVariogramComponents). */
export interface ProjectedComponents {
  readonly lags: readonly number[];
  readonly empirical: readonly { readonly lag: number; readonly gamma: number; readonly pairs: number }[];
  readonly samplingPart: readonly number[];
  readonly colNugget: readonly number[];
  readonly colAr: readonly (readonly number[])[];
  readonly colWalk: readonly number[];
  /** Σ = M K Mᵀ (n × n) for the covariance k of the observations (same-series pairs only). */
  readonly projectFull: (k: (i: number, j: number) => number) => Float64Array;
  readonly n: number;
  readonly times: readonly number[];
  readonly blockStart: Int32Array;
  readonly blockEnd: Int32Array;
  readonly pairI: Int32Array;
  readonly pairK: Int32Array;
  readonly pairH: Int32Array;
  readonly lagPos: Int32Array;
  readonly lagCount: Float64Array;
  readonly sampling: readonly number[];
}

const RHO_GRID = [0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.75, 0.8, 0.85];

/** Projection and fit in one (the interrupted time series: one series). */
export function fitProjectedVariogram(input: ProjectedVariogramInput, options: ProjectedVariogramOptions = {}): ProjectedVariogramFit | null {
  const pc = projectVariogramComponents(input);
  return pc === null ? null : fitProjectedComponents(pc, options);
}

/**
 * The empirical variogram of the residuals net of its expected sampling part, and each variance
 * component's expected residual variogram through the model's projection. Null when fewer than
 * `minPairs` lag-one pairs exist.
 */
export function projectVariogramComponents(input: ProjectedVariogramInput): ProjectedComponents | null {
  const { residual, times, mu, sampling } = input;
  const U = input.unscaledCovariance;
  const n = residual.length;
  const p = U.length;
  const group = input.series;
  // Series blocks: blockEnd[i] is one past the last observation of i's series.
  const blockStart = new Int32Array(n);
  const blockEnd = new Int32Array(n);
  for (let s = 0; s < n; ) {
    let e = s + 1;
    while (e < n && group !== undefined && group[e] === group[s]) e++;
    if (group === undefined) e = n;
    for (let i = s; i < e; i++) {
      blockStart[i] = s;
      blockEnd[i] = e;
    }
    s = e;
  }
  // Sparse design rows (CSR) and flat U; G = X U (n × p).
  const rowPtr = new Int32Array(n + 1);
  const colList: number[] = [];
  const valList: number[] = [];
  for (let i = 0; i < n; i++) {
    const row = input.x[i];
    for (let j = 0; j < p; j++) {
      if (row[j] !== 0) {
        colList.push(j);
        valList.push(row[j]);
      }
    }
    rowPtr[i + 1] = colList.length;
  }
  const col = Int32Array.from(colList);
  const val = Float64Array.from(valList);
  const Uf = new Float64Array(p * p);
  for (let j = 0; j < p; j++) for (let m = 0; m < p; m++) Uf[j * p + m] = U[j][m];
  const G = new Float64Array(n * p);
  for (let i = 0; i < n; i++) {
    for (let z = rowPtr[i]; z < rowPtr[i + 1]; z++) {
      const v = val[z];
      const uj = col[z] * p;
      for (let m = 0; m < p; m++) G[i * p + m] += v * Uf[uj + m];
    }
  }
  // Pairs (i, k), same series, 0 < times[k] − times[i] = h ≤ maxLag.
  const pi: number[] = [];
  const pk: number[] = [];
  const ph: number[] = [];
  for (let i = 0; i < n; i++) {
    for (let k = i + 1; k < blockEnd[i] && times[k] - times[i] <= input.maxLag; k++) {
      pi.push(i);
      pk.push(k);
      ph.push(times[k] - times[i]);
    }
  }
  const pairI = Int32Array.from(pi);
  const pairK = Int32Array.from(pk);
  const pairH = Int32Array.from(ph);
  const nPairs = pairI.length;
  const lagCount = new Float64Array(input.maxLag + 1);
  for (let q = 0; q < nPairs; q++) lagCount[pairH[q]]++;
  if (input.maxLag < 1 || lagCount[1] < (input.minPairs ?? 6)) return null;
  const lags: number[] = [];
  for (let h = 1; h <= input.maxLag; h++) if (lagCount[h] >= Math.max(3, lagCount[1] / 4)) lags.push(h);
  const lagPos = new Int32Array(input.maxLag + 1).fill(-1);
  lags.forEach((h, m) => (lagPos[h] = m));

  /** A = K W X (n × p, within series) and R = U Xᵀ W A U (p × p) of a covariance k. */
  const parts = (k: (i: number, j: number) => number): { A: Float64Array; R: Float64Array } => {
    const A = new Float64Array(n * p);
    for (let i = 0; i < n; i++) {
      const ai = i * p;
      for (let l = blockStart[i]; l < blockEnd[i]; l++) {
        const kw = k(i, l) * mu[l];
        if (kw === 0) continue;
        for (let z = rowPtr[l]; z < rowPtr[l + 1]; z++) A[ai + col[z]] += kw * val[z];
      }
    }
    const C = new Float64Array(p * p);
    for (let l = 0; l < n; l++) {
      for (let z = rowPtr[l]; z < rowPtr[l + 1]; z++) {
        const xw = val[z] * mu[l];
        const cj = col[z] * p;
        for (let m = 0; m < p; m++) C[cj + m] += xw * A[l * p + m];
      }
    }
    const R = multiplySquare(multiplySquare(Uf, C, p), Uf, p);
    return { A, R };
  };
  /** x_iᵀ R x_s for sparse rows. */
  const xRx = (R: Float64Array, i: number, s: number): number => {
    let v = 0;
    for (let z = rowPtr[i]; z < rowPtr[i + 1]; z++) {
      const rj = col[z] * p;
      let w = 0;
      for (let y = rowPtr[s]; y < rowPtr[s + 1]; y++) w += R[rj + col[y]] * val[y];
      v += val[z] * w;
    }
    return v;
  };
  /** Mean over the pairs at each used lag of ½(e_k − e_i)ᵀ M K Mᵀ (e_k − e_i). */
  const lagMeans = (k: (i: number, j: number) => number): number[] => {
    const { A, R } = parts(k);
    const diag = new Float64Array(n);
    for (let i = 0; i < n; i++) diag[i] = xRx(R, i, i);
    const out = new Array<number>(lags.length).fill(0);
    for (let q = 0; q < nPairs; q++) {
      const at = lagPos[pairH[q]];
      if (at < 0) continue;
      const i = pairI[q];
      const s = pairK[q];
      let cross = 0;
      for (let m = 0; m < p; m++) cross += (A[s * p + m] - A[i * p + m]) * (G[s * p + m] - G[i * p + m]);
      const direct = k(i, i) + k(s, s) - 2 * k(i, s);
      out[at] += 0.5 * (direct - 2 * cross + diag[i] + diag[s] - 2 * xRx(R, i, s));
    }
    return out.map((v, m) => v / lagCount[lags[m]]);
  };
  const projectFull = (k: (i: number, j: number) => number): Float64Array => {
    const { A, R } = parts(k);
    const B = new Float64Array(n * n);
    for (let i = 0; i < n; i++) {
      const ip = i * p;
      for (let s = i; s < n; s++) {
        const sp = s * p;
        let v = s < blockEnd[i] ? k(i, s) : 0;
        for (let m = 0; m < p; m++) v -= A[ip + m] * G[sp + m] + G[ip + m] * A[sp + m];
        v += xRx(R, i, s);
        B[i * n + s] = v;
        B[s * n + i] = v;
      }
    }
    return B;
  };
  const samplingPart = lagMeans((i, j) => (i === j ? sampling[i] : 0));
  const squares = new Float64Array(lags.length);
  for (let q = 0; q < nPairs; q++) {
    const at = lagPos[pairH[q]];
    if (at >= 0) squares[at] += 0.5 * (residual[pairK[q]] - residual[pairI[q]]) ** 2;
  }
  const empirical = lags.map((h, m) => ({ lag: h, gamma: squares[m] / lagCount[h] - samplingPart[m], pairs: lagCount[h] }));
  const colNugget = lagMeans((i, j) => (i === j ? 1 : 0));
  const colWalk = lagMeans((i, j) => -Math.abs(times[i] - times[j]));
  const colAr = RHO_GRID.map((rho) => lagMeans((i, j) => Math.pow(rho, Math.abs(times[i] - times[j]))));
  return { lags, empirical, samplingPart, colNugget, colAr, colWalk, projectFull, n, times, blockStart, blockEnd, pairI, pairK, pairH, lagPos, lagCount, sampling };
}

/** Weighted least squares of the projected components (non-negative; the nugget free when signedNugget). */
export function fitProjectedComponents(pc: ProjectedComponents, options: ProjectedVariogramOptions = {}): ProjectedVariogramFit {
  const { lags, empirical, samplingPart, colNugget, colAr, colWalk, n, times, blockStart, blockEnd, pairI, pairK, pairH, lagPos, lagCount } = pc;
  const signed = options.signedNugget === true;
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
        if (options.walkOnly === true && mask & 2) continue;
        const use = [0, 1, 2].filter((j) => (mask >> j) & 1);
        const sol = wls(use.map((j) => cols[j]), empirical.map((e) => e.gamma), weights);
        // Parts non-negative (the nugget free in sign when signed): the sampling part is subtracted exactly, lag by lag.
        if (sol === null || sol.some((v, i) => v < 0 && !(signed && use[i] === 0))) continue;
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
      const g = Math.max(0, b.coef[0]) * colNugget[m] + b.coef[1] * colAr[b.r][m] + b.coef[2] * colWalk[m];
      return e.pairs / (Math.max(0, g) + avgSampling) ** 2;
    });
  }
  if (best === null) best = { sse: 0, coef: [0, 0, 0], r: 0, use: [] };
  const fitted = best;
  const rho = RHO_GRID[fitted.r];
  const variogram: DriftVariogram = {
    nugget: Math.max(0, fitted.coef[0]),
    stationary: fitted.coef[1],
    rho: fitted.coef[1] > 0 ? rho : 0,
    walk: fitted.coef[2],
    maxLag: lags.length > 0 ? lags[lags.length - 1] : 0,
    pairs: empirical.reduce((a, e) => a + e.pairs, 0),
    empirical,
    fitWeights: usedWeights,
    active: fitted.use,
  };
  const gammaK = (k: number, h: number) => (h === 0 ? 0 : k === 0 ? 1 : k === 1 ? 1 - Math.pow(rho, h) : h);
  let Sigma: Float64Array | null = null;

  /** V̂ = Σₖ θ̂ₖ Vₖ (Vₖ: the contrast's drift variance under component k) and the variance of V̂. */
  const fromComponents = (Vk: readonly number[]): { variance: number; estimate: number } => {
    const estimate = fitted.coef.reduce((a, t, k) => a + t * Vk[k], 0);
    // θ̂ = (EᵀΩE)⁻¹EᵀΩ ĝ for the fitted active set (a component at the boundary counts as known).
    const use = fitted.use;
    if (use.length === 0) return { variance: 0, estimate };
    const cols = [colNugget, colAr[fitted.r], colWalk];
    const E = use.map((j) => cols[j]);
    const EtWE = E.map((a) => E.map((b) => a.reduce((s, v, m) => s + usedWeights[m] * v * b[m], 0)));
    const beta = solveDense(EtWE, use.map((j) => Vk[j]));
    if (beta === null) return { variance: NaN, estimate };
    // a_m: coefficient of ĝ(lag m) in V̂.
    const aLag = lags.map((_, m) => usedWeights[m] * E.reduce((s, c, i) => s + c[m] * beta[i], 0));
    // Q (n × n, within series): Σ over pairs of a/(2 n_h) (e_k − e_i)(e_k − e_i)ᵀ.
    const Q = new Float64Array(n * n);
    for (let q = 0; q < pairI.length; q++) {
      const m = lagPos[pairH[q]];
      if (m < 0) continue;
      const c = aLag[m] / (2 * lagCount[pairH[q]]);
      const i = pairI[q];
      const k = pairK[q];
      Q[i * n + i] += c;
      Q[k * n + k] += c;
      Q[i * n + k] -= c;
      Q[k * n + i] -= c;
    }
    // Σ = M(K_θ + S)Mᵀ, the nugget at max(0, ·).
    if (Sigma === null) {
      const nug = Math.max(0, fitted.coef[0]);
      const ar = fitted.coef[1];
      const walk = fitted.coef[2];
      Sigma = pc.projectFull((i, j) => {
        const h = Math.abs(times[i] - times[j]);
        return (i === j ? nug + pc.sampling[i] : 0) + (ar !== 0 ? ar * Math.pow(rho, h) : 0) - walk * h;
      });
    }
    const S = Sigma;
    const P = new Float64Array(n * n);
    for (let i = 0; i < n; i++) {
      for (let l = blockStart[i]; l < blockEnd[i]; l++) {
        const q = Q[i * n + l];
        if (q === 0) continue;
        for (let j = 0; j < n; j++) P[i * n + j] += q * S[l * n + j];
      }
    }
    let tr = 0;
    for (let i = 0; i < n; i++) for (let j = 0; j < n; j++) tr += P[i * n + j] * P[j * n + i];
    return { variance: 2 * tr, estimate };
  };
  const varianceOfContrastVariance = (contrasts: readonly (readonly number[])[], combine: readonly number[]) =>
    fromComponents(
      [0, 1, 2].map((k) =>
        contrasts.reduce((tot, w, c) => {
          let v = 0;
          for (let i = 0; i < n; i++) for (let j = i + 1; j < blockEnd[i]; j++) v -= 2 * w[i] * w[j] * gammaK(k, Math.abs(times[i] - times[j]));
          return tot + combine[c] * v;
        }, 0),
      ),
    );
  const varianceOfLagContrast = (c: Float64Array) =>
    fromComponents(
      [0, 1, 2].map((k) => {
        let v = 0;
        for (let h = 1; h < c.length; h++) v += c[h] * gammaK(k, h);
        return v;
      }),
    );
  return { variogram, intercept: fitted.coef[0], varianceOfContrastVariance, varianceOfLagContrast };
}

/** The product of two p × p row-major matrices. */
function multiplySquare(a: Float64Array, b: Float64Array, p: number): Float64Array {
  const out = new Float64Array(p * p);
  for (let j = 0; j < p; j++) {
    for (let l = 0; l < p; l++) {
      const v = a[j * p + l];
      if (v === 0) continue;
      for (let m = 0; m < p; m++) out[j * p + m] += v * b[l * p + m];
    }
  }
  return out;
}

function wls(cols: readonly (readonly number[])[], y: readonly number[], w: readonly number[]): number[] | null {
  const k = cols.length;
  const A = cols.map((a) => cols.map((b) => a.reduce((s, v, m) => s + w[m] * v * b[m], 0)));
  const b = cols.map((a) => a.reduce((s, v, m) => s + w[m] * v * y[m], 0));
  if (k === 0) return [];
  return solveDense(A, b);
}
