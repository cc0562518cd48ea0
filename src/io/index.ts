// Re-exports of the io layer: loading and validation of the data contract.
export { loadDataset, findTableFile } from "./loadDataset.js";
export type { LoadOptions } from "./loadDataset.js";
export { TEXT_ENCODINGS } from "./problemLog.js";
export type { TextEncodingOption } from "./problemLog.js";
export { validateDataset } from "./validateDataset.js";
export type { ValidateResult } from "./validateDataset.js";
export { formatLoadReport } from "./formatLoadReport.js";
export { loadTable, loadGeography } from "./loadTable.js";
export type { LoadTableOptions, LoadedTable, TableName } from "./loadTable.js";
export { DatasetError, isDatasetError } from "./datasetError.js";
export { MESSAGES as IO_MESSAGES, formatMessage as formatIoMessage } from "./messages.js";
export type { MessageCode as IoMessageCode, MessageParams as IoMessageParams } from "./messages.js";
export { splitCsvLine, sniffDelimiter } from "./csvLine.js";
export { packageRoot, defaultGeographyPath } from "./packageRoot.js";
export { writeDataset, writePopulation } from "./writeDataset.js";
export type { WriteDatasetOptions } from "./writeDataset.js";
export * from "./registers/index.js";
