// Re-exports of the io layer: loading and validation of the data contract.
export { DatasetError, isDatasetError } from "./datasetError.js";
export { formatLoadReport } from "./formatLoadReport.js";
export { loadDataset } from "./loadDataset.js";
export type { LoadOptions } from "./loadDataset.js";
export { loadTable } from "./loadTable.js";
export type { LoadTableOptions, LoadedTable, TableName } from "./loadTable.js";

export type { TextEncodingOption } from "./problemLog.js";
export { importFolk1a } from "./registers/importFolk1a.js";
export type { Folk1aImport } from "./registers/importFolk1a.js";
export { REGISTER_PRESETS } from "./registers/loadRegisterContacts.js";
export type { RegisterLoadOptions } from "./registers/loadRegisterContacts.js";
export { REGISTER_FORMATS } from "./registers/registerPreset.js";
export type { RegisterFormat, RegisterPreset } from "./registers/registerPreset.js";
export { validateDataset } from "./validateDataset.js";
export type { ValidateResult } from "./validateDataset.js";
export { writeDataset } from "./writeDataset.js";
export type { WriteDatasetOptions } from "./writeDataset.js";
export type { CodeMap } from "./registers/codeColumn.js";
export type { FileRule } from "./registers/registerPreset.js";
export type { ColumnRule } from "./registers/registerPreset.js";
export type { CodeRule, Role } from "./registers/registerPreset.js";
