import { normalQuantile } from "./normalQuantile.js";
import { resolveLevels } from "./resolveLevels.js";

/**
 * Two-sided standard normal critical value for confidence level c (a fraction):
 * z = Φ⁻¹(c + (1 − c)/2). 1.959964 for 0.95, 3.090232 for 0.998 (methods.md, "Confidence levels").
 * @throws StatsError when the level is not a fraction in (0, 1) (95 is rejected, not guessed).
 * @example zForLevel(0.95) // 1.959963984540054
 */
export function zForLevel(level: number): number {
  const [c] = resolveLevels("zForLevel", level);
  return normalQuantile(c + (1 - c) / 2);
}
