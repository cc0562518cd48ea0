/**
 * Small text helpers of the register-shape writer: CSV quoting (RFC 4180: a field holding the
 * delimiter, a quote or a line break is quoted, quotes doubled), the CPR guard of the helper
 * brief, and prices without float noise.
 */

import { cprSafeInteger } from "../format.js";
import { REGISTER_SHAPE_MESSAGES } from "./messages.js";

/** The shape of a Danish CPR number (helper brief); nothing written may have it. */
export const CPR_SHAPE = /\b(0[1-9]|[12][0-9]|3[01])(0[1-9]|1[0-2])[0-9]{2}-?[0-9]{4}\b/;

/** A CSV field, quoted when it holds the delimiter, a quote or a line break. */
export function csvField(value: string, delimiter: string): string {
  if (!value.includes(delimiter) && !value.includes('"') && !value.includes("\n") && !value.includes("\r")) return value;
  return `"${value.replaceAll('"', '""')}"`;
}

/**
 * The strings of a dictionary as CSV fields, after checking that none is CPR-shaped (throws).
 * Returns the list itself when nothing needs quoting (no copy). One scan of the joined list: the
 * pattern cannot match across the line breaks that join it, and a break is a word boundary as
 * the ends of a single value are.
 */
export function safeFields(values: readonly string[], delimiter: string, what: string): readonly string[] {
  const joined = values.join("\n");
  if (CPR_SHAPE.test(joined)) throw new Error(REGISTER_SHAPE_MESSAGES.cprShaped(what));
  const sep = delimiter.charCodeAt(0);
  let breaks = 0;
  let special = false;
  for (let k = 0; k < joined.length; k++) {
    const ch = joined.charCodeAt(k);
    if (ch === 10) breaks++;
    else if (ch === sep || ch === 34 || ch === 13) {
      special = true;
      break;
    }
  }
  if (!special && breaks <= Math.max(0, values.length - 1)) return values;
  return values.map((v) => csvField(v, delimiter));
}

/**
 * A price in DKK: rounded to 2 decimals (removes float noise of sums); a ten-digit integer part
 * (≥ 1,000,000,000 DKK) that would look like a CPR number is moved as by the generator's
 * cprSafeInteger (never happens for a course's price in practice).
 */
export function priceText(value: number): string {
  const v = Math.round(value * 100) / 100;
  if (Math.abs(v) < 1e9) return String(v);
  const text = String(v);
  return CPR_SHAPE.test(text) ? cprSafeInteger(v) : text;
}

/**
 * A number with at most `decimals` (≤ 8) decimals. A CPR shape needs ten digits in a row, which
 * such a number can only have in an integer part ≥ 1,000,000,000 (then moved as by cprSafeInteger).
 */
export function decimalText(value: number, decimals: number): string {
  const f = 10 ** Math.min(decimals, 8);
  const v = Math.round(value * f) / f;
  let text = String(v);
  if (text.includes("e")) text = v.toFixed(Math.min(decimals, 8)).replace(/\.?0+$/, ""); // no exponent form
  if (Math.abs(v) < 1e9) return text;
  return CPR_SHAPE.test(text) ? cprSafeInteger(value) : text;
}
