/**
 * Period labels for trends in the cluster comparison: "2019" (years), "2019-H1" (half-years),
 * "2019-Q3" (quarters), "2019-07" (months) or integers. Each maps to a step index so that a slope is per step.
 */
import { parsePeriod, periodOrdinal, type PeriodKind } from "../contract/period.js";

export type TrendStep = PeriodKind | "index";

/** The step index and kind of a period label, or null when it is none of the forms. */
export function trendStepOf(period: string | number): { index: number; step: TrendStep } | null {
  if (typeof period === "number") return Number.isInteger(period) ? { index: period, step: "index" } : null;
  const p = parsePeriod(period);
  return p === null ? null : { index: periodOrdinal(p), step: p.kind };
}
