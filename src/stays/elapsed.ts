/**
 * Fast elapsed-time comparisons for the hot path. The daylight-saving offset changes elapsed time
 * by at most 60 minutes against the wall clock, so the exact (slower) conversion of time.ts is only
 * needed when the wall-clock difference is within an hour of the limit.
 */
import { elapsedMinutes } from "../contract/time.js";

/** elapsedMinutes(a, b) <= limit, exact. */
export function elapsedAtMost(a: number, b: number, limit: number): boolean {
  const w = b - a;
  if (w <= limit - 60) return true;
  if (w > limit + 60) return false;
  return elapsedMinutes(a, b) <= limit;
}

/** elapsedMinutes(a, b) >= limit, exact. */
export function elapsedAtLeast(a: number, b: number, limit: number): boolean {
  const w = b - a;
  if (w >= limit + 60) return true;
  if (w < limit - 60) return false;
  return elapsedMinutes(a, b) >= limit;
}
