/**
 * CSV export of a result table.
 * - "standard": comma, decimal point, UTF-8 without BOM, LF (RFC 4180 quoting) — for R, Python, Power BI.
 * - "excel-da": semicolon, decimal comma, UTF-8 with BOM, CRLF — what Danish Excel opens correctly
 *   by double-click (Excel with a Danish locale uses ";" as list separator and "," as decimal mark).
 * Missing values are empty cells; numbers are written in full precision, never rounded. Text
 * cells that a spreadsheet would run as a formula are prefixed with "'" (neutraliseFormula.ts).
 */

import { neutraliseFormula } from "./neutraliseFormula.js";
import { rowCell as cellOf, cellText, inferColumns, type Row } from "./columns.js";

export type CsvVariant = "standard" | "excel-da";

export interface CsvOptions {
  readonly variant?: CsvVariant;
  /** Column order (default: first-seen order). */
  readonly columns?: readonly string[];
}

export function toCsv(rows: readonly Row[], options: CsvOptions = {}): string {
  const variant = options.variant ?? "standard";
  const sep = variant === "excel-da" ? ";" : ",";
  const eol = variant === "excel-da" ? "\r\n" : "\n";
  const columns = inferColumns(rows, options.columns);
  const quote = (s: string): string =>
    s.includes(sep) || s.includes('"') || s.includes("\n") || s.includes("\r") ? `"${s.replaceAll('"', '""')}"` : s;
  const cell = (v: unknown): string => {
    if (typeof v === "number") {
      if (!Number.isFinite(v)) return Number.isNaN(v) ? "" : v > 0 ? "Inf" : "-Inf";
      const s = String(v);
      return variant === "excel-da" ? s.replace(".", ",") : s;
    }
    // Text cells: a leading =, +, -, @, tab or CR is neutralised (neutraliseFormula.ts).
    return quote(neutraliseFormula(cellText(v)));
  };
  const lines = [columns.map((c) => quote(neutraliseFormula(c.name))).join(sep)];
  for (const row of rows) lines.push(columns.map((c) => cell(cellOf(row, c.name))).join(sep));
  const body = lines.join(eol) + eol;
  return variant === "excel-da" ? `\uFEFF${body}` : body;
}
