/** Column inference for result tables (arrays of flat row objects). */

export type CellValue = string | number | boolean | null | undefined;
/** A flat row object (interfaces such as IndicatorRow qualify). */
export type Row = object;

/** The value of a row's column. */
export function rowCell(row: Row, name: string): unknown {
  return (row as Record<string, unknown>)[name];
}
export type ColumnKind = "number" | "string" | "boolean";

export interface ColumnInfo {
  readonly name: string;
  readonly kind: ColumnKind;
}

/** Columns that must never leave klynge in an output table (privacy: no patient ids). */
export const FORBIDDEN_OUTPUT_COLUMNS: readonly string[] = ["patient_id", "cpr", "pnr", "patientIds"];

/**
 * The columns of a table in first-seen order, each with its kind: number when every non-null
 * value is a number, boolean when every non-null value is a boolean, otherwise string.
 * Throws when a column would carry patient ids.
 */
export function inferColumns(rows: readonly Row[], columns?: readonly string[]): ColumnInfo[] {
  const names: string[] = columns ? [...columns] : [];
  if (!columns) {
    const seen = new Set<string>();
    for (const row of rows) {
      for (const key of Object.keys(row)) {
        if (!seen.has(key)) {
          seen.add(key);
          names.push(key);
        }
      }
    }
  }
  for (const name of names) {
    if (FORBIDDEN_OUTPUT_COLUMNS.includes(name)) {
      throw new Error(`refusing to export column "${name}": output tables never contain patient ids`);
    }
  }
  return names.map((name) => {
    let numbers = 0;
    let booleans = 0;
    let others = 0;
    for (const row of rows) {
      const v = rowCell(row, name);
      if (v === null || v === undefined) continue;
      if (typeof v === "number") numbers++;
      else if (typeof v === "boolean") booleans++;
      else others++;
    }
    const kind: ColumnKind = others > 0 || (numbers > 0 && booleans > 0) ? "string" : booleans > 0 ? "boolean" : numbers > 0 ? "number" : "string";
    return { name, kind };
  });
}

/** Text of a non-number cell (objects and arrays as JSON). */
export function cellText(v: unknown): string {
  if (v === null || v === undefined) return "";
  if (typeof v === "string") return v;
  if (typeof v === "number" || typeof v === "boolean") return String(v);
  if (v instanceof Date) return v.toISOString();
  return JSON.stringify(v);
}
