/**
 * Arrow IPC (file format, ".arrow") export of a result table, for R (arrow::read_feather /
 * read_ipc_file), Python (pyarrow) and Power BI users. Number columns are Float64, booleans Bool,
 * everything else Utf8; nulls are kept as nulls.
 */

import { Bool, Float64, Table, Utf8, tableToIPC, vectorFromArray, type Vector } from "apache-arrow";
import { rowCell as cellOf, cellText, inferColumns, type Row } from "./columns.js";

export function toArrowTable(rows: readonly Row[], options: { readonly columns?: readonly string[] } = {}): Table {
  const columns = inferColumns(rows, options.columns);
  const vectors: Record<string, Vector> = {};
  for (const c of columns) {
    const values = rows.map((r) => cellOf(r, c.name));
    if (c.kind === "number") {
      vectors[c.name] = vectorFromArray(values.map((v) => (typeof v === "number" && !Number.isNaN(v) ? v : null)), new Float64());
    } else if (c.kind === "boolean") {
      vectors[c.name] = vectorFromArray(values.map((v) => (typeof v === "boolean" ? v : null)), new Bool());
    } else {
      vectors[c.name] = vectorFromArray(values.map((v) => (v === null || v === undefined ? null : cellText(v))), new Utf8());
    }
  }
  return new Table(vectors);
}

/**
 * Arrow IPC file bytes of a result table.
 * @example writeFileSync("indicators.arrow", toArrow(computeIndicators(dataset)))
 */
export function toArrow(rows: readonly Row[], options: { readonly columns?: readonly string[] } = {}): Uint8Array {
  return tableToIPC(toArrowTable(rows, options), "file");
}
