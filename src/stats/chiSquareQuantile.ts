import { statsMessages } from "./messages.js";
import { normalQuantile } from "./normalQuantile.js";
import { regularizedGamma } from "./regularizedGamma.js";
import { logGamma } from "./logGamma.js";
import { StatsError } from "./statsError.js";

/**
 * Quantile of the chi-square distribution with `df` degrees of freedom (R: `qchisq(p, df)`);
 * df may be non-integer (used for exact Poisson limits of a non-integer expected count).
 *
 * Method: solve P(df/2, x/2) = p (or Q(df/2, x/2) = 1 − p in the upper half, to keep precision)
 * by safeguarded Newton iteration inside a bracket, started from the Wilson–Hilferty
 * approximation; converges to about 1e-14 relative. Sources: Abramowitz & Stegun 26.4.19 (chi-square
 * as incomplete gamma), 26.4.17 (Wilson–Hilferty).
 * @throws StatsError when p is not in [0, 1] or df is not > 0.
 * @example chiSquareQuantile(0.975, 12) / 2 // 11.668332..., upper exact Poisson limit of 5 events
 */
export function chiSquareQuantile(p: number, df: number): number {
  if (typeof p !== "number" || Number.isNaN(p) || p < 0 || p > 1)
    throw new StatsError(statsMessages.probabilityOutOfRange("chiSquareQuantile", p));
  if (typeof df !== "number" || !Number.isFinite(df) || df <= 0)
    throw new StatsError(statsMessages.dfNotPositive("chiSquareQuantile", df));
  if (p === 0) return 0;
  if (p === 1) return Infinity;
  const a = df / 2;
  const upperHalf = p > 0.5;
  const target = upperHalf ? 1 - p : p;
  // f(y) increasing in y, root where the CDF of Gamma(a) equals p.
  const f = (y: number): number => {
    const g = regularizedGamma(a, y);
    return upperHalf ? target - g.q : g.p - target;
  };
  const logNorm = logGamma(a);
  const density = (y: number): number => Math.exp((a - 1) * Math.log(y) - y - logNorm);
  // Starting value: Wilson–Hilferty, or the small-p series when that fails.
  const z = normalQuantile(p);
  const h = 2 / (9 * df);
  let y = (df * Math.pow(1 - h + z * Math.sqrt(h), 3)) / 2;
  if (!(y > 0) || !Number.isFinite(y)) y = Math.exp((Math.log(p) + Math.log(a) + logNorm) / a);
  if (!(y > 0) || !Number.isFinite(y)) y = a;
  let lo = 0;
  let hi = Infinity;
  for (let i = 0; i < 300; i++) {
    const fy = f(y);
    if (fy === 0) return 2 * y;
    if (fy < 0) lo = y;
    else hi = y;
    const d = density(y);
    let next = d > 0 ? y - fy / d : NaN;
    if (!(next > lo && next < hi)) next = Number.isFinite(hi) ? (lo + hi) / 2 : Math.max(2 * y, y + 1);
    if (Math.abs(next - y) <= 1e-15 * Math.max(y, 1e-300) || (Number.isFinite(hi) && hi - lo <= 1e-15 * hi)) return 2 * next;
    y = next;
  }
  return 2 * y;
}
