/**
 * The Making Data Count variation signal of a chart's latest point: which of the summary icons
 * the chart earns — special cause improvement (high or low), special cause concern (high or low),
 * special cause without a better direction (high or low), or common cause.
 *
 * Definition (NHS England, Making Data Count, "Strengthening your decisions", the variation icons;
 * NHSRplotthedots 0.2.2 `ptd_get_icons` and `ptd_point_type`): the icon is that of the LAST point
 * of the chart. A point flagged by a special-cause rule is an improvement when the deciding rule
 * points the better way, a concern when it points the worse way, "neutral" when the measure has no
 * better direction; "high" or "low" is the side (or, for a trend, the direction) of the deciding
 * rule. Improvement is "high" when higher is better and "low" when lower is better (likewise for
 * concern, the other way round). A point no rule flags is common cause.
 *
 * klynge reads the point's rules exactly as the SPC chart drew them (the same `SpcResult`, so the
 * overview can never disagree with the chart): the first rule of the point decides (priority
 * outside-limits, trend, two-of-three, shift — src/spc/spcRules.ts). Its direction is the side of
 * the centre (outside limits, 2 of 3, shift, the Anhøj longest run) or the sign of the step from
 * the previous plotted point of the phase (a trend: gaps are skipped, as the rule skips them).
 * The latest point is the last period with a value: trailing gaps (missing or suppressed periods)
 * are skipped and `period` says which point was read. Anhøj's too-few-crossings rule has no
 * direction and gives "neutral" without a side.
 *
 * @example variationSignal(xmrChart(points, { improvement: "decrease" })).signal // => "common_cause"
 */
import type { SpcPoint, SpcResult } from "./types.js";

export const VariationSignal = {
  common_cause: "common_cause",
  improvement_high: "improvement_high",
  improvement_low: "improvement_low",
  concern_high: "concern_high",
  concern_low: "concern_low",
  neutral_high: "neutral_high",
  neutral_low: "neutral_low",
  /** Special cause of Anhøj's crossings rule: no direction. */
  neutral: "neutral",
} as const;
export type VariationSignal = keyof typeof VariationSignal;

export interface VariationReading {
  /** The icon of the latest point; null when the chart has no point with a value. */
  readonly signal: VariationSignal | null;
  /** Period of the point read (the latest with a value), or null. */
  readonly period: string | null;
  /** The point's rules in priority order (the first decides). */
  readonly rules: readonly string[];
  /** The deciding rule's direction: +1 high/rising, −1 low/falling, 0 none. */
  readonly direction: 1 | -1 | 0;
  /** The point's rules point in opposite directions (see classifySignal). */
  readonly conflict: boolean;
}

const sign = (x: number): 1 | -1 | 0 => (x > 0 ? 1 : x < 0 ? -1 : 0);

/** Direction of a point's deciding rule (see the module comment). */
function decidingDirection(points: readonly SpcPoint[], at: number): 1 | -1 | 0 {
  const p = points[at];
  const rule = p.rules[0];
  if (rule === undefined || p.value === null) return 0;
  if (rule === "runs-crossings") return 0;
  if (rule === "trend") {
    for (let i = at - 1; i >= 0; i--) {
      const q = points[i];
      if (q.phase !== p.phase) break;
      if (q.value !== null) return sign(p.value - q.value);
    }
    return 0;
  }
  return p.centre === null ? 0 : sign(p.value - p.centre);
}

/**
 * Reads the variation signal of a chart's latest point.
 * @param result any SpcResult (run, XmR, p, u, p′, u′ chart)
 */
export function variationSignal(result: SpcResult): VariationReading {
  let at = -1;
  for (let i = result.points.length - 1; i >= 0; i--)
    if (result.points[i].value !== null) {
      at = i;
      break;
    }
  if (at < 0) return { signal: null, period: null, rules: [], direction: 0, conflict: false };
  const p = result.points[at];
  const base = { period: p.period, rules: p.rules, conflict: p.signalConflict === true };
  if (p.signal === null) return { ...base, signal: "common_cause", direction: 0 };
  const direction = decidingDirection(result.points, at);
  const side = direction > 0 ? "high" : "low";
  if (direction === 0) return { ...base, signal: "neutral", direction };
  if (p.signal === "neutral") return { ...base, signal: `neutral_${side}`, direction };
  return { ...base, signal: `${p.signal}_${side}`, direction };
}
