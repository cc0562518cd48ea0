// Re-exports of the overview layer: the steering paper's first page as data — the overview table
// (value, change, variation and assurance signals, funnel position, interventions) and the key
// findings with their key messages (words from the one catalogue in src/text).
export { overviewTable } from "./overviewTable.js";
export type { OverviewResult, OverviewRow } from "./overviewTypes.js";
export { keyFindings } from "./keyFindings.js";
export type { KeyFinding } from "./keyFindings.js";
export { keyMessages } from "./keyMessages.js";
export type { KeyMessage } from "./keyMessages.js";
