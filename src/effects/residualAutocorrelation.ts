import { regularizedGamma } from "../stats/regularizedGamma.js";

/** Autocorrelation of a model's residuals in time order. */
export interface ResidualAutocorrelation {
  /** Lag-one autocorrelation r₁ = Σ eₜeₜ₋₁ / Σ eₜ². */
  readonly lagOne: number;
  /** Durbin–Watson d = Σ (eₜ − eₜ₋₁)² / Σ eₜ² (≈ 2(1 − r₁); near 2: none, towards 0: positive). */
  readonly durbinWatson: number;
  /** Ljung–Box Q over lags 1..lags, its degrees of freedom and p-value (χ² reference). */
  readonly ljungBox: { readonly q: number; readonly lags: number; readonly df: number; readonly pValue: number };
}

/**
 * Durbin–Watson statistic (Durbin & Watson 1950, Biometrika 37:409–428) and Ljung–Box test
 * (Ljung & Box 1978, Biometrika 65:297–303): Q = n(n + 2) Σₖ rₖ² / (n − k), k = 1..h, against χ²
 * with h degrees of freedom (the residuals of a regression, not of a fitted ARMA model, so no
 * degrees of freedom are subtracted for the regression coefficients; `fitted` is kept for the record).
 * Residuals are taken in the order given (gaps simply joined).
 * @example residualAutocorrelation(pearsonResiduals, 12, 6).ljungBox.pValue
 */
export function residualAutocorrelation(residuals: readonly number[], lags: number, fitted = 0): ResidualAutocorrelation {
  void fitted;
  const n = residuals.length;
  const mean = residuals.reduce((a, b) => a + b, 0) / Math.max(1, n);
  const e = residuals.map((r) => r - mean);
  const ss = e.reduce((a, b) => a + b * b, 0);
  const raw = residuals.reduce((a, b) => a + b * b, 0);
  let dw = 0;
  for (let t = 1; t < n; t++) dw += (residuals[t] - residuals[t - 1]) ** 2;
  const acf = (k: number) => {
    let s = 0;
    for (let t = k; t < n; t++) s += e[t] * e[t - k];
    return ss > 0 ? s / ss : 0;
  };
  const h = Math.max(1, Math.min(lags, n - 1));
  let q = 0;
  for (let k = 1; k <= h; k++) q += (acf(k) ** 2) / (n - k);
  q *= n * (n + 2);
  return {
    lagOne: acf(1),
    durbinWatson: raw > 0 ? dw / raw : NaN,
    ljungBox: { q, lags: h, df: h, pValue: regularizedGamma(h / 2, q / 2).q },
  };
}
