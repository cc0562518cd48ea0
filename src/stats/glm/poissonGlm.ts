import type { Note } from "../../contract/note.js";
import { statsNotes } from "../messages.js";
import { StatsError } from "../statsError.js";
import { GlmMessage } from "./glmMessages.js";
import { inverseCrossProductFromR, thinQr } from "./linalg.js";

/** Input of {@link poissonGlm}: counts, the design matrix (rows), its column names and an offset. */
export interface PoissonGlmInput {
  /** Counts (non-negative; need not be integers, as for quasi-Poisson). */
  readonly y: readonly number[];
  /** Design matrix, one row per observation (include a column of 1 for the intercept). */
  readonly x: readonly (readonly number[])[];
  /** Column names, one per column of x (default "x1", "x2", …). */
  readonly names?: readonly string[];
  /** Offset on the linear-predictor scale, e.g. log(person-time). Default 0. */
  readonly offset?: readonly number[];
}

export interface PoissonGlmOptions {
  /** "poisson" (dispersion fixed at 1) or "quasipoisson" (standard errors scaled by √φ). Default "poisson". */
  readonly family?: "poisson" | "quasipoisson";
  /**
   * Quasi-Poisson only: when true (default), the scale is max(1, φ), so under-dispersed data
   * keep Poisson standard errors; when false, φ is used as is (as R's quasipoisson does).
   */
  readonly dispersionFloor?: boolean;
  /** Maximum IRLS iterations (default 25, as R's glm.control). */
  readonly maxIterations?: number;
  /** Relative deviance change for convergence, |D − D_old| / (|D| + 0.1) (default 1e-8, as R). */
  readonly tolerance?: number;
}

/** A fitted Poisson log-linear model. */
export interface PoissonGlmFit {
  readonly family: "poisson" | "quasipoisson";
  readonly names: readonly string[];
  readonly coefficients: readonly number[];
  /** Standard errors, scaled by √(dispersionUsed). */
  readonly standardErrors: readonly number[];
  /** Covariance of the coefficients, scaled by dispersionUsed. */
  readonly covariance: readonly (readonly number[])[];
  /** (XᵀWX)⁻¹ at the fitted means (dispersion 1). */
  readonly unscaledCovariance: readonly (readonly number[])[];
  readonly deviance: number;
  /** Deviance of the intercept-only model with the same offset. */
  readonly nullDeviance: number;
  readonly pearsonChi2: number;
  readonly dfResidual: number;
  readonly dfNull: number;
  /** φ = Pearson χ² / residual df (NaN when df = 0). */
  readonly dispersion: number;
  /** The dispersion the standard errors use: 1 (Poisson), φ or max(1, φ) (quasi-Poisson). */
  readonly dispersionUsed: number;
  /** Poisson log-likelihood and AIC (as R's poisson family reports them). */
  readonly logLik: number;
  readonly aic: number;
  readonly iterations: number;
  readonly converged: boolean;
  readonly fitted: readonly number[];
  readonly linearPredictor: readonly number[];
  /** Notes as codes plus values (non-convergence); show them with `noteText(note, lang)`. */
  readonly notes: readonly Note[];
}

/** log Γ(x) for x > 0 (Lanczos, g = 7, n = 9; Numerical Recipes 3rd ed. §6.1). */
function logGamma(x: number): number {
  const c = [
    0.99999999999980993, 676.5203681218851, -1259.1392167224028, 771.32342877765313, -176.61502916214059,
    12.507343278686905, -0.13857109526572012, 9.9843695780195716e-6, 1.5056327351493116e-7,
  ];
  if (x < 0.5) return Math.log(Math.PI / Math.sin(Math.PI * x)) - logGamma(1 - x);
  const z = x - 1;
  let a = c[0];
  const t = z + 7.5;
  for (let i = 1; i < 9; i++) a += c[i] / (z + i);
  return 0.5 * Math.log(2 * Math.PI) + (z + 0.5) * Math.log(t) - t + Math.log(a);
}

function poissonDeviance(y: readonly number[], mu: Float64Array): number {
  let d = 0;
  for (let i = 0; i < y.length; i++) {
    const yi = y[i];
    d += 2 * ((yi > 0 ? yi * Math.log(yi / mu[i]) : 0) - (yi - mu[i]));
  }
  return d;
}

/**
 * Poisson regression with log link and offset, fitted by iteratively reweighted least squares
 * (Fisher scoring; Nelder & Wedderburn 1972; McCullagh & Nelder, "Generalized Linear Models",
 * 2nd ed. 1989, §2.5). Starts from μ = y + 0.1 and stops when the relative deviance change is
 * below `tolerance`, as R's `glm.fit`; halves the step when the deviance is not finite or
 * increases. Each weighted least-squares step is solved by QR, which detects aliased columns
 * (rank deficiency) and throws an {@link StatsError} (with `code` "rank_deficient") naming them.
 *
 * Quasi-Poisson (Wedderburn 1974): same estimates; φ = Pearson χ²/(n − p); standard errors × √φ.
 *
 * Cost: O(iterations · n · p²).
 * @throws StatsError on empty, mis-sized or non-finite input, negative counts, rank deficiency,
 *   or a deviance that step-halving cannot make finite.
 * @example
 * // Dobson (1990) p. 93, R ?glm: counts ~ outcome + treatment
 * poissonGlm({ y: [18, 17, 15, 20, 10, 20, 25, 13, 12], x: rows }).coefficients[0] // 3.044522
 */
export function poissonGlm(input: PoissonGlmInput, options: PoissonGlmOptions = {}): PoissonGlmFit {
  const fn = "poissonGlm";
  const { y, x } = input;
  const n = y.length;
  if (n === 0) throw glmError("empty", GlmMessage.emptyData(fn));
  if (x.length !== n) throw glmError("length", GlmMessage.lengthMismatch(fn, "x", n, x.length));
  const p = x[0].length;
  const names = input.names ?? Array.from({ length: p }, (_, j) => `x${j + 1}`);
  if (names.length !== p) throw glmError("length", GlmMessage.lengthMismatch(fn, "names", p, names.length));
  const offset = input.offset ?? new Array<number>(n).fill(0);
  if (offset.length !== n) throw glmError("length", GlmMessage.lengthMismatch(fn, "offset", n, offset.length));
  for (let i = 0; i < n; i++) {
    if (!Number.isFinite(y[i])) throw glmError("not_finite", GlmMessage.notFinite(fn, "y", i, y[i]));
    if (y[i] < 0) throw glmError("negative", GlmMessage.negativeCount(fn, i, y[i]));
    if (!Number.isFinite(offset[i])) throw glmError("not_finite", GlmMessage.notFinite(fn, "offset", i, offset[i]));
    if (x[i].length !== p) throw glmError("length", GlmMessage.lengthMismatch(fn, `x[${i}]`, p, x[i].length));
    for (let j = 0; j < p; j++) {
      if (!Number.isFinite(x[i][j])) throw glmError("not_finite", GlmMessage.notFinite(fn, `x[${i}]`, j, x[i][j]));
    }
  }
  if (n < p) throw glmError("too_few", GlmMessage.tooFewObservations(fn, n, p));

  const family = options.family ?? "poisson";
  const maxIt = options.maxIterations ?? 25;
  const tol = options.tolerance ?? 1e-8;
  const cols: Float64Array[] = Array.from({ length: p }, (_, j) => {
    const c = new Float64Array(n);
    for (let i = 0; i < n; i++) c[i] = x[i][j];
    return c;
  });
  // Rank check on the unweighted design (weights are positive, so the rank is the same).
  const check = thinQr(cols);
  if (check.aliased.length > 0) {
    throw glmError("rank_deficient", GlmMessage.rankDeficient(check.aliased.map((j) => names[j])), {
      aliased: check.aliased.map((j) => names[j]),
    });
  }

  const eta = new Float64Array(n);
  const mu = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    mu[i] = y[i] + 0.1;
    eta[i] = Math.log(mu[i]);
  }
  let beta: number[] | null = null;
  let devOld = Infinity;
  let dev = Infinity;
  let converged = false;
  let iter = 0;
  const wCols: Float64Array[] = cols.map(() => new Float64Array(n));
  const wz = new Float64Array(n);

  const weightedQr = () => {
    for (let i = 0; i < n; i++) {
      const sw = Math.sqrt(mu[i]);
      for (let j = 0; j < p; j++) wCols[j][i] = cols[j][i] * sw;
      wz[i] = sw * (eta[i] - offset[i] + (y[i] - mu[i]) / mu[i]);
    }
    return thinQr(wCols);
  };
  const linearPredictor = (b: readonly number[]) => {
    for (let i = 0; i < n; i++) {
      let s = offset[i];
      for (let j = 0; j < p; j++) s += cols[j][i] * b[j];
      eta[i] = s;
      mu[i] = Math.exp(s);
    }
  };

  for (iter = 1; iter <= maxIt; iter++) {
    const qr = weightedQr();
    if (qr.aliased.length > 0) {
      throw glmError("rank_deficient", GlmMessage.rankDeficient(qr.aliased.map((j) => names[j])), {
        aliased: qr.aliased.map((j) => names[j]),
      });
    }
    const qtz = qr.q.map((qj) => {
      let s = 0;
      for (let i = 0; i < n; i++) s += qj[i] * wz[i];
      return s;
    });
    const r = qr.r;
    let next = new Array<number>(p).fill(0);
    for (let i = p - 1; i >= 0; i--) {
      let s = qtz[i];
      for (let k = i + 1; k < p; k++) s -= r[i][k] * next[k];
      next[i] = s / r[i][i];
    }
    linearPredictor(next);
    dev = poissonDeviance(y, mu);
    // Step-halving: when the deviance is not finite or increases, move halfway back.
    let halvings = 0;
    while (beta !== null && (!Number.isFinite(dev) || dev > devOld * (1 + 1e-10) + 1e-12)) {
      if (halvings >= 30) {
        if (!Number.isFinite(dev)) throw glmError("divergence", GlmMessage.divergence());
        break;
      }
      const prev: number[] = beta;
      next = next.map((b, j) => (b + prev[j]) / 2);
      linearPredictor(next);
      dev = poissonDeviance(y, mu);
      halvings++;
    }
    if (!Number.isFinite(dev)) throw glmError("divergence", GlmMessage.divergence());
    beta = next;
    if (Math.abs(dev - devOld) / (Math.abs(dev) + 0.1) < tol) {
      converged = true;
      break;
    }
    devOld = dev;
  }
  if (beta === null) throw glmError("divergence", GlmMessage.divergence());
  const notes: Note[] = [];
  if (!converged) notes.push(statsNotes.glmNotConverged(maxIt));

  // Covariance at the fitted means.
  const finalQr = weightedQr();
  const unscaled = inverseCrossProductFromR(finalQr.r);
  let pearson = 0;
  let logLik = 0;
  let sumY = 0;
  let sumE = 0;
  for (let i = 0; i < n; i++) {
    pearson += (y[i] - mu[i]) ** 2 / mu[i];
    logLik += (y[i] > 0 ? y[i] * Math.log(mu[i]) : 0) - mu[i] - logGamma(y[i] + 1);
    sumY += y[i];
    sumE += Math.exp(offset[i]);
  }
  const nullMu = new Float64Array(n);
  for (let i = 0; i < n; i++) nullMu[i] = (Math.exp(offset[i]) * sumY) / sumE;
  const nullDeviance = poissonDeviance(y, nullMu);
  const dfResidual = n - p;
  const phi = dfResidual > 0 ? pearson / dfResidual : NaN;
  let scale = 1;
  if (family === "quasipoisson" && Number.isFinite(phi)) {
    scale = options.dispersionFloor === false ? phi : Math.max(1, phi);
  }
  const covariance = unscaled.map((row) => row.map((v) => v * scale));
  return {
    family,
    names: [...names],
    coefficients: beta,
    standardErrors: covariance.map((row, j) => Math.sqrt(row[j])),
    covariance,
    unscaledCovariance: unscaled,
    deviance: dev,
    nullDeviance,
    pearsonChi2: pearson,
    dfResidual,
    dfNull: n - 1,
    dispersion: phi,
    dispersionUsed: scale,
    logLik,
    aic: -2 * logLik + 2 * p,
    iterations: Math.min(iter, maxIt),
    converged,
    fitted: Array.from(mu),
    linearPredictor: Array.from(eta),
    notes,
  };
}

/** The GLM's errors: a StatsError with a code (e.g. "rank_deficient") and details. */
function glmError(code: string, message: string, details: Record<string, unknown> = {}): StatsError {
  return new StatsError(message, code, details);
}
