/**
 * A deep copy of a value with every string passed through maskPersonNumbers (numbers, booleans and
 * null untouched). The report applies it to each chart (spec, data, texts) before rendering and to
 * each table before writing, so that a name shaped like a person number in a data file (a cluster
 * or municipality name in geography.csv) never reaches the HTML, SVG, PNG, PDF or CSV files.
 * @example maskStrings({ unit: "A", n: 3 }) // { unit: "A", n: 3 }
 */

import { maskPersonNumbers } from "../contract/personNumber.js";

export function maskStrings<T>(value: T): T {
  return mask(value) as T;
}

function mask(value: unknown): unknown {
  if (typeof value === "string") return maskPersonNumbers(value);
  if (Array.isArray(value)) return value.map(mask);
  if (value !== null && typeof value === "object") {
    const proto = Object.getPrototypeOf(value) as unknown;
    if (proto !== Object.prototype && proto !== null) return value; // dates, typed arrays, class instances: as they are
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value as Record<string, unknown>)) out[k] = mask(v);
    return out;
  }
  return value;
}
