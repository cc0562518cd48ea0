import { statsMessages } from "./messages.js";
import { StatsError } from "./statsError.js";

/** Boundary check: a finite number >= 0 (or > 0 with `positive`). @throws StatsError */
export function checkNonNegative(fn: string, name: string, v: unknown, positive = false): number {
  if (typeof v !== "number" || !Number.isFinite(v) || v < 0 || (positive && v === 0))
    throw new StatsError(
      positive ? statsMessages.notPositive(fn, name, v) : statsMessages.notNonNegative(fn, name, v),
    );
  return v;
}
