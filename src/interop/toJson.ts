/** JSON export of a result table: an array of row objects; NaN and ±Infinity become null. */

import { inferColumns, type Row } from "./columns.js";

/**
 * Rows as a JSON array text (non-finite numbers as null).
 * @example writeFileSync("indicators.json", toJson(computeIndicators(dataset), { pretty: true }))
 */
export function toJson(rows: readonly Row[], options: { readonly pretty?: boolean } = {}): string {
  inferColumns(rows); // refuses patient-id columns
  return JSON.stringify(rows, (_k, v: unknown) => (typeof v === "number" && !Number.isFinite(v) ? null : v), options.pretty ? 2 : undefined);
}
