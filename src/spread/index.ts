// Re-exports of the spread layer: the intervention model, its loading and validation, and the
// helpers that turn interventions into tables for charts and reports.
export * from "./vocabulary.js";
export * from "./knownIndicators.js";
export * from "./interventionSchema.js";
export { SPREAD_MESSAGES, SPREAD_ANALYSIS_MESSAGES, formatSpreadPath } from "./messages.js";
export type { SpreadMessageCode } from "./messages.js";
export * from "./spreadProblem.js";
export * from "./interventionValidationError.js";
export * from "./validateIntervention.js";
export * from "./validateInterventionText.js";
export * from "./parseIntervention.js";
export * from "./loadInterventions.js";
export * from "./interventionJsonSchemas.js";
export * from "./recommendationStatusTable.js";
export * from "./implementationKeysAt.js";
export * from "./spreadMatrix.js";
export * from "./adoptionTimeline.js";
export * from "./interventionIndicatorRows.js";
export * from "./tripleAimStatus.js";
export * from "./interventionEffect.js";
export * from "./spreadPotential.js";
export * from "./spreadFindings.js";
export * from "./pilotEffect.js";
export * from "./costPerAvoided.js";
export * from "./programmeOverview.js";
