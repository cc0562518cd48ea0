// Re-exports of the effects layer: the Poisson GLM, interrupted time series, staggered DiD.
export { amountDid } from "./amountDid.js";
export type { AmountDidOptions, AmountDidResult } from "./amountDid.js";
export type { IntervalEstimate, RateRatioEstimate } from "./effectTypes.js";
export { interruptedTimeSeries } from "./interruptedTimeSeries.js";
export type { ItsObservation, ItsOptions, ItsResult } from "./interruptedTimeSeries.js";
export { EffectsError } from "./messages.js";
export { simulateStaggeredPanel } from "./simulateStaggeredPanel.js";
export type { SimulatePanelOptions } from "./simulateStaggeredPanel.js";
export { staggeredDid } from "./staggeredDid.js";
export type { DidPanelRow, StaggeredDidOptions, StaggeredDidResult } from "./staggeredDid.js";
export type { AmountDidCell, AmountDidRow, AmountDidUnitEstimate } from "./amountDid.js";
export type { DriftVariogram } from "./driftVariogram.js";
export type { IntervalAssumption } from "./effectTypes.js";
export type { ItsCoefficient, ItsSeasonality, ItsTableRow } from "./interruptedTimeSeries.js";
export type { PeriodInput } from "./periods.js";
export type { BreakdownResult } from "./relativeMagnitudes.js";
export type { ResidualAutocorrelation } from "./residualAutocorrelation.js";
export type { DidEventStudyRow, DidGroupTimeEffect } from "./staggeredDid.js";
