/**
 * CSV export of a result table.
 * - "standard": comma, decimal point, UTF-8 without BOM, LF (RFC 4180 quoting) — for R, Python, Power BI.
 * - "excel-da": semicolon, decimal comma, UTF-8 with BOM, CRLF — what Danish Excel opens correctly
 *   by double-click (Excel with a Danish locale uses ";" as list separator and "," as decimal mark).
 * Missing values are empty cells; numbers are written in full precision unless `decimals` is given
 * (then at most that many decimals, and two significant digits below 1, so 0.0043 stays 0.0043).
 * `headers` puts labels (e.g. Danish ones) in the header line instead of the column names, and
 * `booleans` writes true/false as other words (e.g. ja/nej). Text cells that a spreadsheet would
 * run as a formula are prefixed with "'" (neutraliseFormula.ts).
 */

import { neutraliseFormula } from "./neutraliseFormula.js";
import { rowCell as cellOf, cellText, inferColumns, type Row } from "./columns.js";

export type CsvVariant = "standard" | "excel-da";

export interface CsvOptions {
  readonly variant?: CsvVariant;
  /** Column order (default: first-seen order). */
  readonly columns?: readonly string[];
  /** Round numbers for reading: at most this many decimals (two significant digits below 1). Default: full precision. */
  readonly decimals?: number;
  /** Header label per column name (columns without one keep their name). */
  readonly headers?: Readonly<Record<string, string>>;
  /** Words for true and false (default "true", "false"). */
  readonly booleans?: readonly [string, string];
}

/** `v` rounded to `decimals` decimals, or to two significant digits when |v| < 1 needs more. */
export function roundForReading(v: number, decimals: number): number {
  if (Number.isInteger(v)) return v;
  const a = Math.abs(v);
  const d = a >= 1 ? decimals : Math.max(decimals, 1 - Math.floor(Math.log10(a)));
  const f = 10 ** d;
  return Math.round(v * f) / f;
}

/**
 * Rows as CSV text (RFC 4180; variant "excel-da" for Danish Excel: semicolons and decimal commas).
 * @example writeFileSync("indicators.csv", toCsv(computeIndicators(dataset), { variant: "excel-da" }))
 */
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
      const s = String(options.decimals === undefined ? v : roundForReading(v, options.decimals));
      return variant === "excel-da" ? s.replace(".", ",") : s;
    }
    if (typeof v === "boolean" && options.booleans !== undefined) return quote(options.booleans[v ? 0 : 1]);
    // Text cells: a leading =, +, -, @, tab or CR is neutralised (neutraliseFormula.ts).
    return quote(neutraliseFormula(cellText(v)));
  };
  const lines = [columns.map((c) => quote(neutraliseFormula(options.headers?.[c.name] ?? c.name))).join(sep)];
  for (const row of rows) lines.push(columns.map((c) => cell(cellOf(row, c.name))).join(sep));
  const body = lines.join(eol) + eol;
  return variant === "excel-da" ? `\uFEFF${body}` : body;
}
