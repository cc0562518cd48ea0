/**
 * Period labels for trends in the cluster comparison: "2019" (years), "2019-Q3" (quarters),
 * "2019-07" (months) or integers. Each maps to a step index so that a slope is per step.
 */
export type TrendStep = "year" | "quarter" | "month" | "index";

/** The step index and kind of a period label, or null when it is none of the forms. */
export function trendStepOf(period: string | number): { index: number; step: TrendStep } | null {
  if (typeof period === "number") return Number.isInteger(period) ? { index: period, step: "index" } : null;
  let m = /^(\d{4})$/.exec(period);
  if (m) return { index: Number(m[1]), step: "year" };
  m = /^(\d{4})-Q([1-4])$/.exec(period);
  if (m) return { index: Number(m[1]) * 4 + Number(m[2]) - 1, step: "quarter" };
  m = /^(\d{4})-(0[1-9]|1[0-2])$/.exec(period);
  if (m) return { index: Number(m[1]) * 12 + Number(m[2]) - 1, step: "month" };
  return null;
}
