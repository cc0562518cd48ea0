// Re-exports of the report layer: the steering-paper pack and its reusable parts.
export { buildReport, demoDataDir, ReportError } from "./buildReport.js";
export type { BuildReportOptions, BuildReportResult, ReportFormat } from "./buildReport.js";
export { withAtomicDirectory } from "./atomicOutput.js";
export { prepareReportData } from "./prepareReportData.js";
export type { PrepareReportOptions } from "./prepareReportData.js";
export { reportSections, slug as reportSlug } from "./reportSections.js";
export type { ReportData, ReportSectionOptions } from "./reportSections.js";
export { reportHtml, scopeSvgIds, inlineSvg, trimSvgNumbers, escapeHtml as reportEscapeHtml } from "./reportHtml.js";
export { reportQuestionTables, referralSourceLabel } from "./reportQuestionTables.js";
export type { ReportQuestionTables, ReportQuestionOptions } from "./reportQuestionTables.js";
export { reportText } from "../text/catalogue.js";
export type { ReportLang, ReportTextKey } from "../text/catalogue.js";
export { formatReportNumber, formatReportCell } from "./reportTable.js";
export type { ReportTable, ReportTableColumn, ReportCellFormat } from "./reportTable.js";
export { REPORT_DIMENSIONS } from "./reportTypes.js";
export type { ReportDimension, ReportSection, ReportItem, ReportChartItem, ReportTableItem, ReportTextItem, ReportDocument, ReportProgress } from "./reportTypes.js";
