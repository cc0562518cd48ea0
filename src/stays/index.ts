// Re-exports of the stays layer: contacts → stays → admissions → readmission links.
export * from "./stayTable.js";
export type { StayOptions, ReadmissionOptions } from "./stayOptions.js";
export * from "./sortContacts.js";
export * from "./buildStays.js";
export * from "./linkReadmissions.js";
export * from "./computeStays.js";
export * from "./diagnosisGroups.js";
export * from "./readmissionExclusions.js";
export { dataPath as klyngeDataPath } from "../contract/packageRoot.js";
export { elapsedAtLeast, elapsedAtMost } from "./elapsed.js";
