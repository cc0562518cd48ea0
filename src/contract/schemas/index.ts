export { RowRuleCode } from "./cell.js";
export type { CellIssueParams, SchemaContext, CellMeta } from "./cell.js";
export * from "./admissionsSchema.js";
export * from "./populationSchema.js";
export * from "./geographySchema.js";
export * from "./deathsSchema.js";
export * from "./sectorCostsSchema.js";
export * from "./experienceSchema.js";
export * from "./adverseEventsSchema.js";
