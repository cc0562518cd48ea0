/**
 * Writes a result table to disk, the format chosen by the file's extension (.csv, .json,
 * .arrow/.feather) or by `format`. The write is atomic: the file is written beside its target
 * and renamed into place, so an interrupted run never leaves half a table. Text cells shaped like a
 * person number are masked (contract/personNumber.ts); CSV text cells that a spreadsheet would
 * run as a formula are neutralised (neutraliseFormula.ts).
 */

import { randomBytes } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from "node:fs";
import { dirname, extname } from "node:path";
import { maskPersonNumbers } from "../contract/personNumber.js";
import type { Row } from "./columns.js";
import { toArrow } from "./toArrow.js";
import { toCsv, type CsvOptions, type CsvVariant } from "./toCsv.js";
import { toJson } from "./toJson.js";

export type TableFormat = "csv" | "json" | "arrow";

export interface WriteTableOptions {
  readonly format?: TableFormat;
  readonly csvVariant?: CsvVariant;
  readonly columns?: readonly string[];
  /** CSV only: see CsvOptions (decimals, headers, booleans). */
  readonly csv?: Pick<CsvOptions, "decimals" | "headers" | "booleans">;
  /**
   * A description of the table (e.g. the indicator descriptor, describeIndicators) written beside
   * it as `<file>.meta.json`. It must carry a `table` name; an existing metadata file is replaced
   * only when it names the same table (klynge never overwrites a file it did not write).
   */
  readonly metadata?: { readonly table: string };
}

/** Rows with every text cell passed through maskPersonNumbers (a unit name from a data file could be shaped like one). */
function maskTextCells(rows: readonly Row[]): readonly Row[] {
  let changed = false;
  const out = rows.map((row) => {
    let copy: Record<string, unknown> | null = null;
    for (const [k, v] of Object.entries(row)) {
      if (typeof v !== "string") continue;
      const m = maskPersonNumbers(v);
      if (m !== v) (copy ??= { ...(row as Record<string, unknown>) })[k] = m;
    }
    if (copy === null) return row;
    changed = true;
    return copy;
  });
  return changed ? out : rows;
}

export function tableFormatOf(file: string): TableFormat {
  const ext = extname(file).toLowerCase();
  if (ext === ".csv") return "csv";
  if (ext === ".json") return "json";
  if (ext === ".arrow" || ext === ".feather" || ext === ".ipc") return "arrow";
  throw new Error(`cannot tell the table format of "${file}": use .csv, .json or .arrow`);
}

/**
 * Write rows to a CSV, JSON or Arrow file, chosen by the file's extension (or `format`).
 * @example writeTable(computeIndicators(dataset), "out/indicators.csv")
 */
export function writeTable(rows: readonly Row[], file: string, options: WriteTableOptions = {}): void {
  const format = options.format ?? tableFormatOf(file);
  rows = maskTextCells(rows);
  const bytes: string | Uint8Array =
    format === "csv"
      ? toCsv(rows, { variant: options.csvVariant ?? "standard", ...options.csv, ...(options.columns ? { columns: options.columns } : {}) })
      : format === "json"
        ? toJson(rows, { pretty: true })
        : toArrow(rows, options.columns ? { columns: options.columns } : {});
  mkdirSync(dirname(file), { recursive: true });
  if (options.metadata !== undefined) {
    const meta = metadataFileOf(file);
    if (existsSync(meta) && !isOwnMetadata(meta, options.metadata.table)) {
      throw new Error(`${meta} exists and was not written by klynge for this table; move it away first`);
    }
    writeAtomic(meta, `${JSON.stringify(options.metadata, null, 2)}\n`);
  }
  writeAtomic(file, bytes);
}

/** The metadata file written beside a table: "<file>.meta.json". */
export function metadataFileOf(file: string): string {
  return `${file}.meta.json`;
}

function isOwnMetadata(meta: string, table: string): boolean {
  try {
    const parsed: unknown = JSON.parse(readFileSync(meta, "utf8"));
    return typeof parsed === "object" && parsed !== null && (parsed as { table?: unknown }).table === table;
  } catch {
    return false;
  }
}

function writeAtomic(file: string, bytes: string | Uint8Array): void {
  // The temporary file has an unpredictable name and is created exclusively ("wx"): an existing
  // file or symbolic link of that name is never followed or overwritten.
  const tmp = `${file}.tmp-${randomBytes(8).toString("hex")}`;
  writeFileSync(tmp, bytes, { flag: "wx" });
  try {
    renameSync(tmp, file);
  } catch (err) {
    rmSync(tmp, { force: true }); // ours: created above
    throw err;
  }
}
