/**
 * The key table printed under each chart of the report: columns with a label and a number format,
 * rows as plain objects. A cell of a suppressed row (or a cell named in the row's `suppressedCells`)
 * prints as "–" marked "undertrykt"/"suppressed", never as 0. Numbers are printed with the report
 * language's separators (Danish: decimal comma, thousands point — d3-format locale da-DK).
 */
import { reportText, type ReportLang } from "../text/catalogue.js";

/** How a column's values are printed. */
export type ReportCellFormat = "text" | "int" | "dec1" | "dec2" | "dec3" | "pct1";

export interface ReportTableColumn {
  readonly key: string;
  readonly label: string;
  readonly format: ReportCellFormat;
}

export interface ReportTable {
  readonly columns: readonly ReportTableColumn[];
  readonly rows: readonly Readonly<Record<string, unknown>>[];
}

/** Row flags the HTML writer understands (optional on any row). */
export interface ReportRowFlags {
  /** The whole row is suppressed: every number prints as "–". */
  readonly suppressed?: boolean;
  /** Only these cells are suppressed. */
  readonly suppressedCells?: readonly string[];
  /** Number format of this row's numeric cells, overriding the columns' (e.g. whole kroner in a row of costs). */
  readonly format?: ReportCellFormat;
}

const DIGITS: Record<Exclude<ReportCellFormat, "text">, number> = { int: 0, dec1: 1, dec2: 2, dec3: 3, pct1: 1 };

/**
 * A number as text in the report language: fixed digits, thousands separators ("." in Danish,
 * "," in English), decimal mark ("," / "."), a true minus sign. Danish conventions as d3-format's
 * locale/da-DK.json (decimal ",", thousands ".").
 * @example formatReportNumber(12345.678, "da", 1) // "12.345,7"
 */
export function formatReportNumber(value: number, lang: ReportLang, digits: number): string {
  if (!Number.isFinite(value)) return "";
  const thousands = lang === "da" ? "." : ",";
  const decimal = lang === "da" ? "," : ".";
  const fixed = Math.abs(value).toFixed(digits);
  const [int, frac] = fixed.split(".");
  const grouped = int.replace(/\B(?=(\d{3})+(?!\d))/g, thousands);
  const negative = value < 0 && Number(fixed) !== 0;
  return `${negative ? "−" : ""}${grouped}${frac !== undefined ? decimal + frac : ""}`;
}

/** Prints one cell; null for a suppressed cell (the HTML writer prints the suppressed mark). */
export function formatReportCell(value: unknown, format: ReportCellFormat, lang: ReportLang): string {
  if (value === null || value === undefined) return "";
  if (format === "text" || typeof value !== "number") return String(value);
  const text = formatReportNumber(format === "pct1" ? value * 100 : value, lang, DIGITS[format]);
  return format === "pct1" ? (lang === "da" ? `${text} %` : `${text}%`) : text;
}

/** True when the cell `key` of `row` is suppressed (the whole row, or the named cell). */
export function isSuppressedCell(row: Readonly<Record<string, unknown>>, key: string, format: ReportCellFormat): boolean {
  const cells = row.suppressedCells;
  if (Array.isArray(cells) && cells.includes(key)) return true;
  return row.suppressed === true && format !== "text";
}

/** The suppressed mark's visible text and its title, in the report language. */
export function suppressedMark(lang: ReportLang): { text: string; title: string } {
  return { text: "–", title: reportText(lang, "val.suppressed") };
}
