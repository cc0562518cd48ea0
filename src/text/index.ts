export { text, isTextKey, noteText, isNoteCode, chartLabel, reportText, type TextKey, type NoteTextKey } from "./catalogue.js";
export { formatNumber, formatList, formatDate } from "./format.js";
