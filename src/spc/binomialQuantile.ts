/**
 * Quantile of the binomial distribution, computed exactly from the probability mass function
 * (no table, no normal approximation): the smallest x with P(X ≤ x) ≥ p, X ~ Bin(size, prob).
 * Matches R's `qbinom(p, size, prob)`, including its left-continuity fuzz p·(1 − 64ε).
 *
 * Method: pmf(0) = (1 − π)^n in log space, then pmf(k + 1) = pmf(k) · (n − k)/(k + 1) · π/(1 − π),
 * accumulated until the CDF reaches p. Cost O(x).
 *
 * @param p probability in [0, 1]
 * @param size number of trials n (integer ≥ 0)
 * @param prob success probability π in [0, 1]
 * @throws SpcError when an argument is outside its range
 * @example binomialQuantile(0.05, 9, 0.5) // => 2  (R: qbinom(0.05, 9, 0.5))
 */
import { SpcError } from "./spcError.js";
import { spcMessages } from "./messages.js";

export function binomialQuantile(p: number, size: number, prob: number): number {
  if (!(p >= 0 && p <= 1)) throw new SpcError("invalidInput", spcMessages.invalidInput("binomialQuantile", `p must be in [0, 1]; received ${p}`));
  if (!(Number.isInteger(size) && size >= 0))
    throw new SpcError("invalidInput", spcMessages.invalidInput("binomialQuantile", `size must be an integer ≥ 0; received ${size}`));
  if (!(prob >= 0 && prob <= 1))
    throw new SpcError("invalidInput", spcMessages.invalidInput("binomialQuantile", `prob must be in [0, 1]; received ${prob}`));
  if (size === 0 || prob === 0) return 0;
  if (prob === 1) return size;
  const target = p * (1 - 64 * Number.EPSILON);
  if (target <= 0) return 0;
  const ratio = prob / (1 - prob);
  let logPmf = size * Math.log1p(-prob);
  let cdf = 0;
  for (let k = 0; k < size; k++) {
    cdf += Math.exp(logPmf);
    if (cdf >= target) return k;
    logPmf += Math.log((size - k) / (k + 1)) + Math.log(ratio);
  }
  return size;
}
