// Re-exports of the SPC layer: run, XmR, p, u, p′ and u′ charts with phases, frozen baselines,
// excluded points and gaps; every chart returns an SpcResult table.
export type * from "./types.js";
export { SpcChartType } from "./types.js";
export { spcMessages } from "./messages.js";
export { SpcError } from "./spcError.js";
export {
  SpcInputPointSchema,
  SpcPhaseStartSchema,
  SpcCommonOptionsSchema,
  XmrOptionsSchema,
  AttributeOptionsSchema,
  type SpcInputPoint,
  type SpcPhaseStart,
  type SpcCommonOptions,
  type XmrOptions,
  type AttributeOptions,
} from "./spcInput.js";
export { SpcRule, SPC_RULE_PRIORITY, isSpcRule, type SpcRuleHit } from "./spcRules.js";
export { binomialQuantile } from "./binomialQuantile.js";
export { anhoejLimits, type AnhoejLimits } from "./anhoejLimits.js";
export { runsAnalysis, type RunsAnalysis } from "./runsAnalysis.js";
export { averageMovingRange, MR_UPPER_FACTOR, type AverageMovingRange } from "./movingRanges.js";
export { controlRuleHits, type RulePoint, type ControlRuleOptions } from "./controlRules.js";
export { classifySignal } from "./classifySignal.js";
export { completePeriods, type SpcPeriodKind, type CompletedPeriods } from "./completePeriods.js";
export { runChart, MIN_USEFUL_RUN_POINTS } from "./runChart.js";
export { xmrChart, D2_TWO, MDC_LIMIT_FACTOR, type XmrChartOptions } from "./xmrChart.js";
export { pChart } from "./pChart.js";
export { uChart } from "./uChart.js";
export { pPrimeChart } from "./pPrimeChart.js";
export { uPrimeChart } from "./uPrimeChart.js";
export { LANEY_SIGMA_Z_FACTOR, LANEY_LARGE_DENOMINATOR, type AttributeChartOptions } from "./attributeChart.js";
export { variationSignal, VariationSignal, type VariationReading } from "./variationSignal.js";
export { assuranceSignal, latestLimits, AssuranceSignal, type ProcessLimits } from "./assuranceSignal.js";
