/**
 * A file's header line as a message may show it ("the file has: …"). A header is file content: a
 * data row or a key file given by mistake would otherwise be printed. Each name is shown only when
 * it looks like a column name (letters, digits, space and `_ ( ) . % / -`, at most 40 characters,
 * nothing shaped like a person number); any other name shows as "<not shown>".
 * @example shownHeader(["pnr", "d_inddto"]) // "pnr, d_inddto"
 */

import { looksLikePersonNumber } from "../contract/personNumber.js";

const COLUMN_NAME = /^[\p{L}\p{N}_ ().%/-]{1,40}$/u;

/** The text shown for a name that does not look like a column name. */
export const NOT_SHOWN = "<not shown>";

export function shownHeader(names: readonly string[]): string {
  return names.map((n) => (COLUMN_NAME.test(n) && !looksLikePersonNumber(n) ? n : NOT_SHOWN)).join(", ");
}
