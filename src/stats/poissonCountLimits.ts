import { chiSquareQuantile } from "./chiSquareQuantile.js";
import { zForLevel } from "./zForLevel.js";

/** Which Poisson limit method applies to a count: exact below 10 events, Byars from 10. */
export type PoissonLimitMethod = "exact-poisson" | "byars";

/**
 * Confidence limits of a Poisson count x (x >= 0, not necessarily an integer) at level c.
 *
 * Method (methods.md, "Rates"; PHEindicatormethods):
 * - exact: lower = χ²((1 − c)/2; 2x)/2 (0 when x = 0), upper = χ²(c + (1 − c)/2; 2x + 2)/2
 *   (Garwood 1936; R `poisson.test(x)$conf.int`);
 * - Byars: lower = x(1 − 1/(9x) − z/(3√x))³, upper = (x + 1)(1 − 1/(9(x + 1)) + z/(3√(x + 1)))³
 *   (Breslow & Day 1987, vol. II, p. 69).
 * `method` "auto" picks exact for x < 10 and Byars from 10.
 */
export function poissonCountLimits(
  x: number,
  level: number,
  method: PoissonLimitMethod | "auto" = "auto",
): { readonly lower: number; readonly upper: number; readonly method: PoissonLimitMethod } {
  const m: PoissonLimitMethod = method === "auto" ? (x < 10 ? "exact-poisson" : "byars") : method;
  if (m === "exact-poisson") {
    const alpha = 1 - level;
    const lower = x === 0 ? 0 : chiSquareQuantile(alpha / 2, 2 * x) / 2;
    const upper = chiSquareQuantile(level + alpha / 2, 2 * x + 2) / 2;
    return { lower, upper, method: m };
  }
  const z = zForLevel(level);
  const lower = x === 0 ? 0 : Math.max(0, x * Math.pow(1 - 1 / (9 * x) - z / (3 * Math.sqrt(x)), 3));
  const x1 = x + 1;
  const upper = x1 * Math.pow(1 - 1 / (9 * x1) + z / (3 * Math.sqrt(x1)), 3);
  return { lower, upper, method: m };
}
