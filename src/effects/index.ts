// Re-exports of the effects layer: the Poisson GLM, interrupted time series, staggered DiD.
export { poissonGlm } from "./glm/poissonGlm.js";
export type { PoissonGlmFit, PoissonGlmInput, PoissonGlmOptions } from "./glm/poissonGlm.js";
export { interruptedTimeSeries } from "./interruptedTimeSeries.js";
export type { ItsCoefficient, ItsObservation, ItsOptions, ItsResult, ItsSeasonality, ItsTableRow } from "./interruptedTimeSeries.js";
export { staggeredDid } from "./staggeredDid.js";
export type { DidEventStudyRow, DidGroupTimeEffect, DidPanelRow, StaggeredDidOptions, StaggeredDidResult } from "./staggeredDid.js";
export { simulateStaggeredPanel } from "./simulateStaggeredPanel.js";
export type { SimulatePanelOptions } from "./simulateStaggeredPanel.js";
export type { IntervalEstimate, RateRatioEstimate } from "./effectTypes.js";
export { EffectsError, EffectsMessage } from "./messages.js";
export type { PeriodInput } from "./periods.js";
export { amountDid } from "./amountDid.js";
export type { AmountDidCell, AmountDidOptions, AmountDidResult, AmountDidRow, AmountDidUnitEstimate } from "./amountDid.js";
