// Re-exports of the register import presets (docs/registers.md).
export { REGISTER_FORMATS, IMPORT_FORMATS, DROP, UNMAPPED } from "./registerPreset.js";
export type { RegisterFormat, ImportFormat, RegisterPreset, CodeRule, ColumnRule, FileRule, Role } from "./registerPreset.js";
export { REGISTER_PRESETS, COST_FILE_NAMES, KEY_ENV, isRegisterFormat, resolvePseudonymKey, findRegisterFile } from "./loadRegisterContacts.js";
export type { RegisterLoadOptions } from "./loadRegisterContacts.js";
export type { CodeMap } from "./codeColumn.js";
export { pseudonymOf, PSEUDONYM_PREFIX, PSEUDONYM_HEX, MIN_KEY_BYTES } from "./pseudonymise.js";
export { registerDate, registerDateTime, registerTime } from "./registerBytes.js";
export { PRICE_COLUMNS } from "./courseCosts.js";
export { readFolk1a } from "./folk1a.js";
export type { Folk1aContext } from "./folk1a.js";
export { folk1aUrl } from "./folk1aUrl.js";
export { importFolk1a } from "./importFolk1a.js";
export type { Folk1aImport } from "./importFolk1a.js";
