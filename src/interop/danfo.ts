/**
 * Adapter for danfojs users (the dataframe library of many notebooks). danfojs is an OPTIONAL peer
 * dependency: it does not install from the registry alone as it stands (it pulls an xlsx tarball
 * from outside the registry and tfjs-node, which downloads libtensorflow), so klynge never imports
 * it. Pass a danfojs DataFrame in and get rows; pass your own danfojs module to get one out:
 *
 *   import * as dfd from "danfojs-node";
 *   const rows = fromDataFrame(df);                 // DataFrame → row objects
 *   const df2 = toDataFrame(indicatorRows, dfd);    // row objects → DataFrame
 */

import type { Row } from "./columns.js";

/** The part of a danfojs DataFrame that the adapter reads. */
export interface DataFrameLike {
  readonly columns: readonly string[];
  readonly values: readonly (readonly unknown[])[];
}

/** The part of the danfojs module that the adapter uses. */
export interface DanfoModuleLike<D> {
  DataFrame: new (data: Record<string, unknown>[], options?: { columns?: string[] }) => D;
}

/**
 * Rows of a danfojs DataFrame (or anything with `columns` and row-major `values`).
 * @example const rows = fromDataFrame(df) // plain rows back from a danfo DataFrame
 */
export function fromDataFrame(df: DataFrameLike): Row[] {
  if (!df || !Array.isArray(df.columns) || !Array.isArray(df.values)) {
    throw new TypeError("fromDataFrame expects a danfojs DataFrame (an object with columns and values)");
  }
  const cols = df.columns;
  return df.values.map((vals) => {
    const row: Record<string, unknown> = {};
    cols.forEach((c, i) => {
      const v = vals[i];
      row[c] = typeof v === "number" && Number.isNaN(v) ? null : v;
    });
    return row;
  });
}

/**
 * A danfojs DataFrame of rows, built with the danfojs module you pass in.
 * @example const df = toDataFrame(computeIndicators(dataset), await import("danfojs-node"))
 */
export function toDataFrame<D>(rows: readonly Row[], danfo: DanfoModuleLike<D>): D {
  if (!danfo || typeof danfo.DataFrame !== "function") {
    throw new TypeError('toDataFrame needs the danfojs module: import * as dfd from "danfojs-node"; toDataFrame(rows, dfd)');
  }
  const columns: string[] = [];
  const seen = new Set<string>();
  for (const r of rows) for (const k of Object.keys(r as Record<string, unknown>)) if (!seen.has(k)) { seen.add(k); columns.push(k); }
  return new danfo.DataFrame(rows.map((r) => ({ ...(r as Record<string, unknown>) })), { columns });
}
