/**
 * Drawing precision of the numbers a chart carries (its vega-lite spec and the data behind it).
 * Builders compute curves, domains and label positions in full double precision; no chart needs
 * more than six significant digits, and long digit runs (e.g. 31/1024 = 0.1234567891) are shaped
 * like CPR numbers in committed notebooks and snapshots. Numbers are therefore rounded:
 * |x| < 1 to 6 significant digits; |x| ≥ 1 to max(2, 6 − integer digits) decimals, so integer
 * parts are never changed. Neither form can produce a run of exactly ten digits after the point.
 */

/**
 * One number at drawing precision (integers and non-finite numbers are returned unchanged).
 * @example drawingNumber(0.1234567891) // 0.123457
 * @example drawingNumber(48.1234567891) // 48.1235
 */
export function drawingNumber(x: number): number {
  if (!Number.isFinite(x) || Number.isInteger(x)) return x;
  const abs = Math.abs(x);
  if (abs < 1) return Number(x.toPrecision(6));
  const intDigits = Math.floor(Math.log10(abs)) + 1;
  return Number(x.toFixed(Math.max(2, 6 - intDigits)));
}

/**
 * A deep copy of a JSON-like value with every number at drawing precision ({@link drawingNumber}).
 * Strings, booleans and null are kept; arrays and plain objects are copied.
 */
export function drawingPrecision<T>(value: T): T {
  if (typeof value === "number") return drawingNumber(value) as T;
  if (Array.isArray(value)) return value.map((v) => drawingPrecision(v)) as T;
  if (value !== null && typeof value === "object") {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value as Record<string, unknown>)) out[k] = drawingPrecision(v);
    return out as T;
  }
  return value;
}
