/**
 * Reads a point's rule hits as a Making Data Count signal, given the improvement direction:
 * "improvement" (blue) when the deciding rule points the better way, "concern" (orange) when it
 * points the worse way, "neutral" when the measure has no better direction or the rule has no
 * direction (too few crossings).
 *
 * A point that is both: when its rules point in opposite directions (e.g. a high point that is
 * part of a falling trend), the highest-priority rule decides the signal and `conflict` is true.
 * A trend is read by its direction (rising/falling), never by its side of the centre.
 *
 * @example classifySignal([{ rule: "trend", direction: -1 }], "decrease") // => { signal: "improvement", conflict: false }
 */
import type { ImprovementDirection, SignalKind } from "./types.js";
import type { SpcRuleHit } from "./spcRules.js";

export function classifySignal(
  hits: readonly SpcRuleHit[],
  improvement: ImprovementDirection,
): { signal: SignalKind | null; conflict: boolean } {
  if (hits.length === 0) return { signal: null, conflict: false };
  const dirs = new Set(hits.map((h) => h.direction).filter((d) => d !== 0));
  const conflict = dirs.size > 1;
  const decide = hits[0].direction;
  if (improvement === "neutral" || decide === 0) return { signal: "neutral", conflict };
  const better = improvement === "increase" ? 1 : -1;
  return { signal: decide === better ? "improvement" : "concern", conflict };
}
