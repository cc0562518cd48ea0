// Re-exports of the stats layer: intervals, standardisation and the distributions they need.
export { buildStandardPopulation } from "./buildStandardPopulation.js";
export { directlyStandardisedRate } from "./directlyStandardisedRate.js";
export type { StandardBand, Stratum } from "./directlyStandardisedRate.js";
export { EUROPEAN_STANDARD_POPULATION_2013 } from "./europeanStandardPopulation2013.js";
export { indirectlyStandardisedRatio } from "./indirectlyStandardisedRatio.js";
export type { IndirectlyStandardisedEstimate } from "./indirectlyStandardisedRatio.js";
export { poissonInterval } from "./poissonInterval.js";
export { rateWithInterval } from "./rateWithInterval.js";
export { standardPopulationFromTable } from "./standardPopulationFromTable.js";
export { StatsError } from "./statsError.js";
export type { Estimate, Interval } from "./types.js";
export { wilsonInterval } from "./wilsonInterval.js";
export type { PoissonLimitMethod } from "./poissonCountLimits.js";
export type { LevelOptions } from "./types.js";
export { poissonGlm } from "./glm/poissonGlm.js";
export type { PoissonGlmFit, PoissonGlmInput, PoissonGlmOptions } from "./glm/poissonGlm.js";
