import { statsMessages } from "./messages.js";
import { StatsError } from "./statsError.js";

/**
 * Validate the `level` option and return it as a non-empty array of fractions in (0, 1).
 * Default [0.95]. Percentages (95) are rejected rather than guessed: one unit only.
 * @throws StatsError for a value outside (0, 1) or an empty array.
 */
export function resolveLevels(fn: string, level: number | readonly number[] | undefined): number[] {
  if (level === undefined) return [0.95];
  const list = typeof level === "number" ? [level] : Array.isArray(level) ? [...level] : null;
  if (list === null || list.length === 0) throw new StatsError(statsMessages.levelsEmpty(fn));
  for (const l of list) {
    if (typeof l !== "number" || !Number.isFinite(l) || l <= 0 || l >= 1)
      throw new StatsError(statsMessages.levelNotFraction(fn, l));
  }
  return list;
}
