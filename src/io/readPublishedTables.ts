/**
 * Reading published indicator tables back (for `klynge audit-disclosure`): every .csv and .json
 * file of a folder that has the tidy table's columns (indicator, level, unit, period, group, sex,
 * numerator, denominator, suppressed). CSV in the standard or the Danish Excel variant (";" and
 * decimal comma, BOM). Problems are collected in one pass, each naming file, row, column, what
 * was expected and what was found (never the cell's text: a published table may hold ids by
 * mistake); files without those columns are skipped and listed.
 */
import { readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import type { IndicatorRow, Level } from "../indicators/table.js";
import { sniffDelimiter, splitCsvLine } from "./csvLine.js";

export const PUBLISHED_COLUMNS = ["indicator", "level", "unit", "period", "group", "sex", "numerator", "denominator"] as const;

export interface PublishedProblem {
  readonly file: string;
  /** 1-based data row (header not counted), 0 for the file itself. */
  readonly row: number;
  readonly column: string;
  readonly expected: string;
  readonly found: string;
}

export interface PublishedTables {
  readonly rows: IndicatorRow[];
  readonly files: readonly { readonly file: string; readonly rowsRead: number; readonly rowsAccepted: number }[];
  readonly skipped: readonly string[];
  readonly problems: readonly PublishedProblem[];
}

const LEVELS = new Set(["region", "cluster", "municipality"]);
const SEXES = new Set(["all", "F", "M"]);

/** Read every published table of a folder (not recursive). */
export function readPublishedTables(dir: string): PublishedTables {
  const rows: IndicatorRow[] = [];
  const files: { file: string; rowsRead: number; rowsAccepted: number }[] = [];
  const skipped: string[] = [];
  const problems: PublishedProblem[] = [];
  const names = readdirSync(dir).filter((f) => /\.(csv|json)$/i.test(f)).sort();
  for (const name of names) {
    const path = join(dir, name);
    if (!statSync(path).isFile()) continue;
    const records = /\.json$/i.test(name) ? jsonRecords(path) : csvRecords(path);
    if (records === null) {
      skipped.push(name);
      continue;
    }
    let accepted = 0;
    records.forEach((rec, i) => {
      const before = problems.length;
      const bad = (column: string, expected: string, found: string) => problems.push({ file: name, row: i + 1, column, expected, found });
      const text = (k: string) => (rec[k] === null || rec[k] === undefined ? "" : String(rec[k]));
      const num = (k: string): number | null => {
        const v = rec[k];
        if (v === null || v === undefined || v === "") return null;
        const x = typeof v === "number" ? v : Number(String(v).replace(",", "."));
        if (!Number.isFinite(x) || x < 0) {
          bad(k, "a non-negative number or empty", Number.isFinite(x) ? "a negative number" : "text that is not a number");
          return null;
        }
        return x;
      };
      const level = text("level");
      if (!LEVELS.has(level)) bad("level", "region, cluster or municipality", level === "" ? "empty" : "another value");
      const sex = text("sex");
      if (!SEXES.has(sex)) bad("sex", "all, F or M", sex === "" ? "empty" : "another value");
      for (const k of ["indicator", "unit", "period", "group"]) if (text(k) === "") bad(k, "a value", "empty");
      const numerator = num("numerator");
      const denominator = num("denominator");
      if (problems.length > before) return;
      accepted++;
      rows.push({
        indicator: text("indicator"),
        level: level as Level,
        unit: text("unit"),
        period: text("period"),
        group: text("group"),
        sex: sex as IndicatorRow["sex"],
        numerator,
        denominator,
        value: null,
        lower: null,
        upper: null,
        method: "",
        suppressed: numerator === null,
      });
    });
    files.push({ file: name, rowsRead: records.length, rowsAccepted: accepted });
  }
  return { rows, files, skipped, problems };
}

type Rec = Record<string, unknown>;

function hasColumns(keys: readonly string[]): boolean {
  return PUBLISHED_COLUMNS.every((c) => keys.includes(c));
}

function jsonRecords(path: string): Rec[] | null {
  let data: unknown;
  try {
    data = JSON.parse(readFileSync(path, "utf8"));
  } catch {
    return null;
  }
  if (!Array.isArray(data) || data.length === 0 || typeof data[0] !== "object" || data[0] === null) return null;
  return hasColumns(Object.keys(data[0] as object)) ? (data as Rec[]) : null;
}

function csvRecords(path: string): Rec[] | null {
  const text = readFileSync(path, "utf8").replace(/^\uFEFF/, "");
  const lines = text.split(/\r?\n/);
  const header = lines[0] ?? "";
  const d = sniffDelimiter(header);
  const names = splitCsvLine(header, d)?.map((s) => s.trim()) ?? [];
  if (!hasColumns(names)) return null;
  const out: Rec[] = [];
  for (let i = 1; i < lines.length; i++) {
    if (lines[i] === "") continue;
    const f = splitCsvLine(lines[i], d) ?? [];
    const rec: Rec = {};
    names.forEach((n, j) => (rec[n] = f[j] ?? ""));
    out.push(rec);
  }
  return out;
}
