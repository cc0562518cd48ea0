/**
 * CSV (formula) injection: a spreadsheet opening a CSV runs a text cell that starts with "=", "+",
 * "-" or "@" (or tab or carriage return) as a formula. A name from a data file (a cluster,
 * municipality or hospital name, a note) could carry one. Following OWASP's rule ("CSV Injection",
 * owasp.org/www-community/attacks/CSV_Injection), such a text cell is prefixed with a single quote,
 * which spreadsheets show as text. Only text cells are changed — numbers are written as numbers
 * (a negative number is never prefixed).
 * @example neutraliseFormula("=HYPERLINK(\"x\")") // "'=HYPERLINK(\"x\")"
 */

const FORMULA_START = /^[=+\-@\t\r]/;

export function neutraliseFormula(text: string): string {
  return FORMULA_START.test(text) ? `'${text}` : text;
}
