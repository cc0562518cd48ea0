// Re-exports of the stays layer: contacts → stays → admissions → readmission links.
export { buildStays } from "./buildStays.js";
export type { StaysResult } from "./buildStays.js";
export { computeStays } from "./computeStays.js";
export type { ComputeStaysOptions, ComputedStays } from "./computeStays.js";
export { parseDiagnosisGroups, readDiagnosisGroups } from "./diagnosisGroups.js";
export type { DiagnosisGroup } from "./diagnosisGroups.js";
export { linkReadmissions } from "./linkReadmissions.js";
export { defaultReadmissionExclusions } from "./readmissionExclusions.js";
export type { ReadmissionOptions, StayOptions } from "./stayOptions.js";
export type { AdmissionTable, StayTable, StaysReport } from "./stayTable.js";
export { Registration } from "./stayTable.js";
