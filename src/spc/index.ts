// Re-exports of the SPC layer: run, XmR, p, u, p′ and u′ charts with phases, frozen baselines,
export type { AttributeChartOptions } from "./attributeChart.js";
export { completePeriods } from "./completePeriods.js";
export type { CompletedPeriods, SpcPeriodKind } from "./completePeriods.js";
export { pChart } from "./pChart.js";
export { pPrimeChart } from "./pPrimeChart.js";
export { runChart } from "./runChart.js";
export { SpcError } from "./spcError.js";
export type { SpcCommonOptions, SpcInputPoint, SpcPhaseStart } from "./spcInput.js";
export { SpcRule } from "./spcRules.js";
export type { SpcRuleHit } from "./spcRules.js";
export { SpcChartType } from "./types.js";
export type { ImprovementDirection, SignalKind, SpcPhaseSummary, SpcPoint, SpcResult } from "./types.js";
export { uChart } from "./uChart.js";
export { uPrimeChart } from "./uPrimeChart.js";
export { xmrChart } from "./xmrChart.js";
export type { XmrChartOptions } from "./xmrChart.js";
export type { AttributeOptions, XmrOptions } from "./spcInput.js";
