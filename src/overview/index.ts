// Re-exports of the overview layer: the steering paper's first page as data — the overview table
// (value, change, variation and assurance signals, funnel position, interventions), the key
// findings and their key messages, and the focus areas.
export * from "./focusAreas.js";
export * from "./measureInfo.js";
export * from "./overviewTypes.js";
export * from "./unitSpcChart.js";
export * from "./overviewTable.js";
export * from "./keyFindings.js";
export * from "./keyMessages.js";
export { overviewText, formatMeasureValue, formatMeasureNumber, measureLabel, formatPeriod, measureName, listText, isOverviewTextKey, type OverviewLang, type OverviewTextKey } from "./overviewMessages.js";
export * from "./overviewSymbols.js";
