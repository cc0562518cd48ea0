// Re-exports of the report layer: the steering-paper pack and its reusable parts.
export { ReportError, buildReport, demoDataDir } from "./buildReport.js";
export type { BuildReportOptions, BuildReportResult, ReportFormat } from "./buildReport.js";
export { noteText } from "../text/catalogue.js";
export type { ReportLang } from "../text/catalogue.js";
export type { ReportProgress } from "./reportTypes.js";
export { reportQuestionTables } from "./reportQuestionTables.js";
export type { ReportQuestionOptions, ReportQuestionTables } from "./reportQuestionTables.js";
