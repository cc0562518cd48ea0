import { checkNonNegative } from "./checkNumber.js";
import { statsMessages, statsNotes } from "./messages.js";
import { resolveLevels } from "./resolveLevels.js";
import { StatsError } from "./statsError.js";
import type { Estimate, LevelOptions } from "./types.js";
import { zForLevel } from "./zForLevel.js";

/**
 * Proportion x/n with Wilson score interval(s):
 * lower, upper = (2x + z² ∓ z·√(z² + 4x(1 − x/n))) / (2(n + z²)).
 *
 * Source: E. B. Wilson, J. Am. Stat. Assoc. 22 (1927) 209–212; as PHEindicatormethods
 * `phe_proportion` (methods.md, "Proportions"). n = 0 gives value null with a note.
 * @throws StatsError when x or n is negative or not finite, x > n, or a level is not in (0, 1).
 * @example wilsonInterval(65, 100, { level: [0.95, 0.998] }) // value 0.65, 95 % [0.5525444, 0.7363575]
 */
export function wilsonInterval(x: number, n: number, options: LevelOptions = {}): Estimate {
  const fn = "wilsonInterval";
  checkNonNegative(fn, "x", x);
  checkNonNegative(fn, "n", n);
  if (x > n) throw new StatsError(statsMessages.numeratorAboveDenominator(fn, x, n));
  const levels = resolveLevels(fn, options.level);
  if (n === 0) {
    const intervals = levels.map((level) => ({ level, lower: null, upper: null }));
    return { value: null, lower: null, upper: null, method: "wilson", note: statsNotes.zeroDenominator(), intervals };
  }
  const intervals = levels.map((level) => {
    const z = zForLevel(level);
    const z2 = z * z;
    const root = z * Math.sqrt(z2 + 4 * x * (1 - x / n));
    const den = 2 * (n + z2);
    return {
      level,
      lower: Math.max(0, (2 * x + z2 - root) / den),
      upper: Math.min(1, (2 * x + z2 + root) / den),
    };
  });
  return { value: x / n, lower: intervals[0].lower, upper: intervals[0].upper, method: "wilson", intervals };
}
