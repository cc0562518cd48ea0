import { regularizedGamma } from "./regularizedGamma.js";

/**
 * Standard normal distribution function Φ(x), accurate to about 1e-14 relative in both tails.
 *
 * Method: Φ(x) = ½(1 + sign(x)·P(½, x²/2)), computed from the tail side as ½·Q(½, x²/2) so that
 * small tail probabilities keep their relative precision (Abramowitz & Stegun 26.2.30, 6.5).
 * @example normalCdf(1.959963984540054) // 0.975
 */
export function normalCdf(x: number): number {
  if (Number.isNaN(x)) return NaN;
  if (x === 0) return 0.5;
  const tail = 0.5 * regularizedGamma(0.5, (x * x) / 2).q;
  return x < 0 ? tail : 1 - tail;
}
