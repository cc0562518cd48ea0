import { checkNonNegative } from "./checkNumber.js";
import { statsNotes } from "./messages.js";
import { poissonInterval } from "./poissonInterval.js";
import type { Estimate, LevelOptions } from "./types.js";

/**
 * Crude rate x / personTime × multiplier with the Poisson interval of x (exact below 10 events,
 * Byars from 10) divided the same way — PHEindicatormethods `phe_rate` (methods.md, "Rates").
 * multiplier defaults to 1 (give 1000 or 100000 explicitly). personTime = 0 gives value null
 * with a note.
 * @throws StatsError for negative or non-finite input, a multiplier <= 0, or a level not in (0, 1).
 * @example rateWithInterval(20, 100, { multiplier: 1e5 }) // 20000, 95 % [12211.428835, 30889.880369]
 */
export function rateWithInterval(
  x: number,
  personTime: number,
  options: LevelOptions & { readonly multiplier?: number } = {},
): Estimate {
  const fn = "rateWithInterval";
  checkNonNegative(fn, "personTime", personTime);
  const m = checkNonNegative(fn, "multiplier", options.multiplier ?? 1, true);
  const counts = poissonInterval(x, options);
  if (personTime === 0) {
    const intervals = counts.intervals.map((i) => ({ level: i.level, lower: null, upper: null }));
    return { value: null, lower: null, upper: null, method: counts.method, note: statsNotes.zeroDenominator(), intervals };
  }
  const k = m / personTime;
  const intervals = counts.intervals.map((i) => ({
    level: i.level,
    lower: i.lower === null ? null : i.lower * k,
    upper: i.upper === null ? null : i.upper * k,
  }));
  return { value: x * k, lower: intervals[0].lower, upper: intervals[0].upper, method: counts.method, intervals };
}
