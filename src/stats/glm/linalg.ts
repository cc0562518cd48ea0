/**
 * Small dense linear algebra for the regression layer: a QR decomposition by modified
 * Gram–Schmidt with re-orthogonalisation and rank detection, triangular solves and inverses,
 * and a Cholesky factorisation (for sampling from a multivariate normal). Matrices here are
 * small (tens of columns), so clarity beats blocking.
 *
 * Rank detection follows the rule of R's `dqrdc2` (Golub & Van Loan, "Matrix Computations",
 * §5.2 and §5.4): a column whose norm after removing its projection on the earlier accepted
 * columns falls below `tol` (default 1e-7) times its original norm is declared aliased.
 */

/** A thin QR decomposition of the accepted columns, and the indices of aliased columns. */
export interface ThinQr {
  /** Orthonormal columns, one per accepted column. */
  readonly q: Float64Array[];
  /** Upper-triangular R (accepted × accepted), row-major: r[i][j]. */
  readonly r: number[][];
  /** Indices (into the input) of the accepted columns, in order. */
  readonly accepted: number[];
  /** Indices of the aliased columns. */
  readonly aliased: number[];
}

function dot(a: Float64Array, b: Float64Array): number {
  let s = 0;
  for (let i = 0; i < a.length; i++) s += a[i] * b[i];
  return s;
}

/** QR of the columns `cols` (each of length n), with rank detection. Cost O(n·p²). */
export function thinQr(cols: readonly Float64Array[], tol = 1e-7): ThinQr {
  const q: Float64Array[] = [];
  const accepted: number[] = [];
  const aliased: number[] = [];
  const rCols: number[][] = []; // rCols[j] = coefficients of accepted column j on q[0..j]
  for (let j = 0; j < cols.length; j++) {
    const v = Float64Array.from(cols[j]);
    const norm0 = Math.sqrt(dot(v, v));
    const coef = new Array<number>(q.length).fill(0);
    for (let pass = 0; pass < 2; pass++) {
      for (let k = 0; k < q.length; k++) {
        const c = dot(q[k], v);
        coef[k] += c;
        const qk = q[k];
        for (let i = 0; i < v.length; i++) v[i] -= c * qk[i];
      }
    }
    const norm = Math.sqrt(dot(v, v));
    if (!(norm0 > 0) || norm <= tol * norm0) {
      aliased.push(j);
      continue;
    }
    for (let i = 0; i < v.length; i++) v[i] /= norm;
    q.push(v);
    coef.push(norm);
    rCols.push(coef);
    accepted.push(j);
  }
  const p = q.length;
  const r: number[][] = Array.from({ length: p }, () => new Array<number>(p).fill(0));
  for (let j = 0; j < p; j++) for (let i = 0; i <= j; i++) r[i][j] = rCols[j][i];
  return { q, r, accepted, aliased };
}

/** Solves R x = b for upper-triangular R. */
export function solveUpper(r: readonly (readonly number[])[], b: readonly number[]): number[] {
  const p = b.length;
  const x = new Array<number>(p).fill(0);
  for (let i = p - 1; i >= 0; i--) {
    let s = b[i];
    for (let k = i + 1; k < p; k++) s -= r[i][k] * x[k];
    x[i] = s / r[i][i];
  }
  return x;
}

/** (RᵀR)⁻¹ = R⁻¹R⁻ᵀ for upper-triangular R: the unscaled covariance of a least-squares fit. */
export function inverseCrossProductFromR(r: readonly (readonly number[])[]): number[][] {
  const p = r.length;
  // Rinv columns: solve R x = e_j.
  const rinv: number[][] = Array.from({ length: p }, () => new Array<number>(p).fill(0));
  for (let j = 0; j < p; j++) {
    const e = new Array<number>(p).fill(0);
    e[j] = 1;
    const x = solveUpper(r, e);
    for (let i = 0; i < p; i++) rinv[i][j] = x[i];
  }
  const out: number[][] = Array.from({ length: p }, () => new Array<number>(p).fill(0));
  for (let i = 0; i < p; i++) {
    for (let j = i; j < p; j++) {
      let s = 0;
      for (let k = Math.max(i, j); k < p; k++) s += rinv[i][k] * rinv[j][k];
      out[i][j] = s;
      out[j][i] = s;
    }
  }
  return out;
}

/**
 * Cholesky factor L (lower, A = L Lᵀ) of a symmetric positive semi-definite matrix. Pivots that
 * are ≤ 1e-12 × the largest diagonal element are set to 0 (semi-definite input is accepted).
 * @throws Error when A is not symmetric positive semi-definite.
 */
export function cholesky(a: readonly (readonly number[])[]): number[][] {
  const p = a.length;
  const l: number[][] = Array.from({ length: p }, () => new Array<number>(p).fill(0));
  let maxDiag = 0;
  for (let i = 0; i < p; i++) maxDiag = Math.max(maxDiag, Math.abs(a[i][i]));
  const eps = 1e-12 * (maxDiag || 1);
  for (let j = 0; j < p; j++) {
    let d = a[j][j];
    for (let k = 0; k < j; k++) d -= l[j][k] * l[j][k];
    if (d < -eps * 1e3) throw new Error("cholesky requires a positive semi-definite matrix");
    const ljj = d > eps ? Math.sqrt(d) : 0;
    l[j][j] = ljj;
    for (let i = j + 1; i < p; i++) {
      let s = a[i][j];
      for (let k = 0; k < j; k++) s -= l[i][k] * l[j][k];
      l[i][j] = ljj > 0 ? s / ljj : 0;
    }
  }
  return l;
}

/** xᵀ A x for a symmetric matrix A. */
export function quadraticForm(a: readonly (readonly number[])[], x: readonly number[]): number {
  let s = 0;
  for (let i = 0; i < x.length; i++) {
    if (x[i] === 0) continue;
    let row = 0;
    for (let j = 0; j < x.length; j++) row += a[i][j] * x[j];
    s += x[i] * row;
  }
  return s;
}

/**
 * Solves A x = b for a small dense square A by Gauss–Jordan elimination with partial pivoting;
 * null when A is (numerically) singular. Used for the normal equations of the variogram fits
 * (src/effects), whose columns have very different scales (a constant, 1 − ρʰ, the lag h).
 *
 * Singularity rule: column c is declared dependent on the earlier ones when its pivot, after
 * elimination, is ≤ `tol` (default 1e-12) times the largest absolute entry of column c in the
 * input. The rule is per column, so rescaling a column (e.g. lags in months or years) does not
 * change the decision. For the normal equations XᵀWX the pivot is the weighted sum of squares of
 * column c left after projecting it on the earlier columns, and its largest entry bounds the
 * column's own sum of squares from below; so 1e-12 on this squared scale is the counterpart of
 * the QR rank rule above (thinQr: residual norm below 1e-7 of the column's norm; 1e-14 squared),
 * a little stricter because the normal equations square the condition number: a pivot below
 * 1e-12 of its column would keep fewer than about four significant digits (machine ε ≈ 2.2e-16).
 */
export function solveDense(a: readonly (readonly number[])[], b: readonly number[], tol = 1e-12): number[] | null {
  const n = b.length;
  const m = a.map((row, i) => [...row, b[i]]);
  const scale = Array.from({ length: n }, (_, c) => a.reduce((s, row) => Math.max(s, Math.abs(row[c])), 0));
  for (let c = 0; c < n; c++) {
    let piv = c;
    for (let r = c + 1; r < n; r++) if (Math.abs(m[r][c]) > Math.abs(m[piv][c])) piv = r;
    if (!(Math.abs(m[piv][c]) > tol * scale[c]) || Math.abs(m[piv][c]) < 1e-300) return null;
    [m[c], m[piv]] = [m[piv], m[c]];
    for (let r = 0; r < n; r++) {
      if (r === c) continue;
      const f = m[r][c] / m[c][c];
      for (let j = c; j <= n; j++) m[r][j] -= f * m[c][j];
    }
  }
  return m.map((row, i) => row[n] / row[i]);
}
