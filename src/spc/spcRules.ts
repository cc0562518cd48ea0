/**
 * The special-cause rules of the SPC layer, their ids and their priority order.
 *
 * Control charts (XmR, p, u, p′, u′) use Making Data Count's rules in priority order, with the
 * definitions of NHSRplotthedots (`ptd_calculate_point_type`):
 * 1. `outside-limits` — a point above the upper or below the lower 3σ limit.
 * 2. `trend` — 7 points in a row each higher (or each lower) than the one before (6 consecutive
 *    differences of one sign; an equal neighbour breaks the trend). All 7+ points are flagged.
 * 3. `two-of-three` — 2 of 3 consecutive points beyond 2σ (but within 3σ) on the same side, with all
 *    three on that side of the centre; the points beyond 2σ are flagged.
 * 4. `shift` — 7 points in a row on the same side of the centre (a point on the centre breaks
 *    the run). All 7+ points are flagged.
 * Run charts use the Anhøj rules (qicharts2): `runs-longest` (points of a run longer than
 * round(log2(n)) + 3) and `runs-crossings` (all useful points of a phase with too few crossings).
 */
export const SpcRule = {
  outsideLimits: "outside-limits",
  trend: "trend",
  twoOfThree: "two-of-three",
  shift: "shift",
  runsLongest: "runs-longest",
  runsCrossings: "runs-crossings",
} as const;
export type SpcRule = (typeof SpcRule)[keyof typeof SpcRule];

/** Priority order: the first rule of a point decides its signal. */
export const SPC_RULE_PRIORITY: readonly SpcRule[] = [
  SpcRule.outsideLimits,
  SpcRule.trend,
  SpcRule.twoOfThree,
  SpcRule.shift,
  SpcRule.runsLongest,
  SpcRule.runsCrossings,
];

export function isSpcRule(x: unknown): x is SpcRule {
  return typeof x === "string" && (SPC_RULE_PRIORITY as readonly string[]).includes(x);
}

/** One rule's verdict on one point: +1 points upwards (high / rising), −1 downwards, 0 no direction. */
export interface SpcRuleHit {
  readonly rule: SpcRule;
  readonly direction: 1 | -1 | 0;
}
