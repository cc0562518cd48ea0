export type * from "./funnelTypes.js";
export { funnelLimits, type FunnelLimitsOptions } from "./funnelLimits.js";
export { funnelLimitAt, type FunnelLimitSpec, type FunnelPoissonLimits } from "./funnelLimitAt.js";
export { funnelPlotData, type FunnelUnitInput, type FunnelPlotOptions } from "./funnelPlotData.js";
export {
  funnelOverdispersion,
  type FunnelOverdispersionOptions,
  type FunnelOverdispersionResult,
  type FunnelOverdispersionTrim,
  type FunnelOverdispersionUnit,
} from "./overdispersion.js";
export { funnelDenominatorGrid } from "./funnelDenominatorGrid.js";
export { funnelMessages } from "./funnelMessages.js";
export { compareToReference } from "./compareToReference.js";
export type {
  CompareReference,
  CompareToReferenceOptions,
  CompareToReferenceResult,
  CompareToReferenceRow,
  CompareTrend,
  CompareUnit,
} from "./compareToReference.js";
export { clusterProfile, defaultProfileDirections } from "./clusterProfile.js";
export type { ClusterProfileOptions, ClusterProfileResult, ClusterProfileRow, ProfileDirection } from "./clusterProfile.js";
export { rankIntervals } from "./rankIntervals.js";
export type { RankEstimateInput, RankIntervalRow, RankIntervalsOptions, RankIntervalsResult } from "./rankIntervals.js";
export { CompareError, compareMessages } from "./compareMessages.js";
export type { TrendStep } from "./comparePeriods.js";
