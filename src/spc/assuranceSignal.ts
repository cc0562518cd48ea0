/**
 * The Making Data Count assurance signal: will the process meet its target?
 *
 * Definition (NHS England, Making Data Count, "Strengthening your decisions", the assurance icons;
 * NHSRplotthedots 0.2.2 `ptd_calculate_assurance_type`): compare the target with the process
 * limits (the 3σ control limits) of the chart's latest point —
 * - target beyond the limits on the worse side (above the upper limit when higher is better, below
 *   the lower limit when lower is better): every point will fall short — `consistent_fail`;
 * - target beyond the limits on the better side: every point will meet it — `consistent_pass`;
 * - target between the limits (or on one): the process meets it some months and misses it in
 *   others, at random — `inconsistent` ("hit and miss").
 * No assurance without a target or when the measure has no better direction (null).
 * The limits are those of the latest point with limits (its phase's limits; p and u charts: at its
 * own denominator). A chart without limits (run chart, too few points) gives `not_assessable`.
 *
 * @example assuranceSignal({ lower3: 1, upper3: 3 }, 4, "increase") // => "consistent_fail"
 */
import type { ImprovementDirection, SpcResult } from "./types.js";

export const AssuranceSignal = {
  consistent_pass: "consistent_pass",
  consistent_fail: "consistent_fail",
  inconsistent: "inconsistent",
  not_assessable: "not_assessable",
} as const;
export type AssuranceSignal = keyof typeof AssuranceSignal;

export interface ProcessLimits {
  readonly lower3: number | null;
  readonly upper3: number | null;
}

/** The process limits of the chart's latest point that has both limits, or null. */
export function latestLimits(result: SpcResult): (ProcessLimits & { readonly period: string }) | null {
  for (let i = result.points.length - 1; i >= 0; i--) {
    const p = result.points[i];
    if (p.lower3 !== null && p.upper3 !== null) return { lower3: p.lower3, upper3: p.upper3, period: p.period };
  }
  return null;
}

/**
 * Assurance of a target against process limits (or a chart: its latest point's limits).
 * @param target on the chart's scale (× multiplier)
 * @returns null when there is no target or no better direction
 */
export function assuranceSignal(limits: ProcessLimits | SpcResult | null, target: number | null, improvement: ImprovementDirection): AssuranceSignal | null {
  if (target === null || !Number.isFinite(target) || improvement === "neutral") return null;
  const lim = limits !== null && "points" in limits ? latestLimits(limits) : limits;
  if (lim === null || lim.lower3 === null || lim.upper3 === null) return "not_assessable";
  const higherBetter = improvement === "increase";
  if (target > lim.upper3) return higherBetter ? "consistent_fail" : "consistent_pass";
  if (target < lim.lower3) return higherBetter ? "consistent_pass" : "consistent_fail";
  return "inconsistent";
}
