import { checkNonNegative } from "./checkNumber.js";
import { poissonCountLimits, type PoissonLimitMethod } from "./poissonCountLimits.js";
import { resolveLevels } from "./resolveLevels.js";
import type { Estimate, LevelOptions } from "./types.js";

/**
 * A Poisson count x with confidence interval(s): exact (Garwood, chi-square) below 10 events, Byars'
 * approximation from 10 — the PHEindicatormethods convention (methods.md, "Rates").
 * `method` is "exact-poisson" or "byars".
 * @throws StatsError when x is negative or not finite, or a level is not in (0, 1).
 * @example poissonInterval(5) // value 5, 95 % [1.623486, 11.668332] (R: poisson.test(5)$conf.int)
 */
export function poissonInterval(x: number, options: LevelOptions = {}): Estimate & { readonly method: PoissonLimitMethod } {
  checkNonNegative("poissonInterval", "x", x);
  const levels = resolveLevels("poissonInterval", options.level);
  let method: PoissonLimitMethod = x < 10 ? "exact-poisson" : "byars";
  const intervals = levels.map((level) => {
    const l = poissonCountLimits(x, level);
    method = l.method;
    return { level, lower: l.lower, upper: l.upper };
  });
  return { value: x, lower: intervals[0].lower, upper: intervals[0].upper, method, intervals };
}
