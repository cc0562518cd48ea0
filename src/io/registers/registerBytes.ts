/**
 * Reading the date, time and number forms of register extracts straight from bytes (no string per
 * cell): the forms of docs/registers.md "Date and time forms". Each reader takes a byte range
 * [s, e) already trimmed of spaces and returns a number, or NaN when the text is not one of the
 * forms. Dates are days since 1970-01-01 and times wall-clock minutes (contract/time.ts), through
 * the contract's own `dayFromParts`, so a register date means the same as a contract date.
 */

import { dayFromParts } from "../../contract/fields.js";

/** One ASCII digit at p → 0–9, or −1. */
function d1(buf: Uint8Array, p: number): number {
  const a = buf[p];
  return a >= 48 && a <= 57 ? a - 48 : -1;
}

/** Two ASCII digits at p → 0–99, or −1. */
function d2(buf: Uint8Array, p: number): number {
  const a = buf[p];
  const b = buf[p + 1];
  return a >= 48 && a <= 57 && b >= 48 && b <= 57 ? (a - 48) * 10 + (b - 48) : -1;
}

/** Four ASCII digits at p → 0–9999, or −1. */
function d4(buf: Uint8Array, p: number): number {
  const a = d2(buf, p);
  const b = d2(buf, p + 2);
  return a < 0 || b < 0 ? -1 : a * 100 + b;
}

// Month abbreviations of SAS DATE9 (English) and their Danish forms (MAJ, OKT), upper case.
const MONTHS: Readonly<Record<string, number>> = {
  JAN: 1, FEB: 2, MAR: 3, APR: 4, MAY: 5, MAJ: 5, JUN: 6, JUL: 7, AUG: 8, SEP: 9, OCT: 10, OKT: 10, NOV: 11, DEC: 12,
};

// Month by its three letters A–Z packed as (a·26 + b)·26 + c: one typed-array lookup per date.
const MONTH_BY_LETTERS = new Int8Array(26 * 26 * 26).fill(-1);
for (const [name, m] of Object.entries(MONTHS)) {
  MONTH_BY_LETTERS[((name.charCodeAt(0) - 65) * 26 + (name.charCodeAt(1) - 65)) * 26 + (name.charCodeAt(2) - 65)] = m;
}

/** Three letters at p (any case) → month 1–12, or −1. */
function monthAt(buf: Uint8Array, p: number): number {
  const a = (buf[p] & 0xdf) - 65;
  const b = (buf[p + 1] & 0xdf) - 65;
  const c = (buf[p + 2] & 0xdf) - 65;
  if (a < 0 || a > 25 || b < 0 || b > 25 || c < 0 || c > 25) return -1;
  return MONTH_BY_LETTERS[(a * 26 + b) * 26 + c];
}

/** Length of the date the last `dateAt` call read (0 = none); a module slot, so no tuple per call. */
let dateLength = 0;

/**
 * The day of the date at the start of [s, e): YYYY-MM-DD (10 bytes), DD.MM.YYYY (10), DDMONYYYY
 * (9) or YYYYMMDD (8), its length left in `dateLength`; NaN when none fits. `exact` requires the
 * date to fill [s, e).
 */
function dateAt(buf: Uint8Array, s: number, e: number, exact: boolean): number {
  const n = e - s;
  dateLength = 0;
  let y: number;
  let m: number;
  let d: number;
  let len: number;
  if (n >= 10 && buf[s + 4] === 45 && buf[s + 7] === 45) {
    len = 10;
    y = d4(buf, s);
    m = d2(buf, s + 5);
    d = d2(buf, s + 8);
  } else if (n >= 10 && buf[s + 2] === 46 && buf[s + 5] === 46) {
    len = 10;
    d = d2(buf, s);
    m = d2(buf, s + 3);
    y = d4(buf, s + 6);
  } else if (n >= 9 && (buf[s + 2] | 0x20) >= 97 && (buf[s + 2] | 0x20) <= 122) {
    len = 9;
    d = d2(buf, s);
    m = monthAt(buf, s + 2);
    y = d4(buf, s + 5);
  } else if (n >= 8) {
    len = 8;
    y = d4(buf, s);
    m = d2(buf, s + 4);
    d = d2(buf, s + 6);
  } else return NaN;
  if ((exact && n !== len) || y < 0 || m < 0 || d < 0) return NaN;
  dateLength = len;
  return dayFromParts(y, m, d);
}

/** A date in one of the register forms filling [s, e) → days since 1970-01-01, or NaN. */
export function registerDate(buf: Uint8Array, s: number, e: number): number {
  return dateAt(buf, s, e, true);
}

/**
 * A time of day filling [s, e): H:MM, HH:MM, with :SS and a fraction optional, or the same with
 * "." between the parts → minutes after midnight (seconds dropped), or NaN.
 */
export function registerTime(buf: Uint8Array, s: number, e: number): number {
  let p = s;
  let h: number;
  if (d1(buf, p + 1) >= 0) {
    h = d2(buf, p);
    p += 2;
  } else {
    h = d1(buf, p);
    p += 1;
  }
  if (h < 0 || h > 23 || p >= e) return NaN;
  const sep = buf[p];
  if (sep !== 58 && sep !== 46) return NaN;
  const m = d2(buf, p + 1);
  if (m < 0 || m > 59) return NaN;
  p += 3;
  if (p < e) {
    if (buf[p] !== sep) return NaN;
    const sec = d2(buf, p + 1);
    if (sec < 0 || sec > 59) return NaN;
    p += 3;
    if (p < e) {
      if (buf[p] !== 46 && buf[p] !== 44) return NaN;
      p++;
      if (p >= e) return NaN;
      while (p < e) if (d1(buf, p++) < 0) return NaN;
    }
  }
  return p === e ? h * 60 + m : NaN;
}

/**
 * A date-time filling [s, e): a register date, then "T", a space or ":" (SAS DATETIME), then a
 * register time → wall-clock minutes since 1970-01-01T00:00, or NaN.
 */
export function registerDateTime(buf: Uint8Array, s: number, e: number): number {
  const day = dateAt(buf, s, e, false);
  if (day !== day) return NaN;
  const p = s + dateLength;
  const sep = buf[p];
  if (p >= e - 1 || (sep !== 84 && sep !== 32 && sep !== 58 && sep !== 116)) return NaN;
  const t = registerTime(buf, p + 1, e);
  return t !== t ? NaN : day * 1440 + t;
}

/** A whole number of at most 9 digits filling [s, e) → its value, or NaN. */
export function registerInteger(buf: Uint8Array, s: number, e: number): number {
  if (e <= s || e - s > 9) return NaN;
  let n = 0;
  for (let p = s; p < e; p++) {
    const c = buf[p];
    if (c < 48 || c > 57) return NaN;
    n = n * 10 + (c - 48);
  }
  return n;
}

/** A number ≥ 0 with a decimal point or a decimal comma filling [s, e) → its value, or NaN. */
export function registerNumber(buf: Uint8Array, s: number, e: number): number {
  let p = s;
  let n = 0;
  let digits = 0;
  while (p < e && buf[p] >= 48 && buf[p] <= 57) {
    n = n * 10 + (buf[p++] - 48);
    digits++;
  }
  if (digits === 0) return NaN;
  if (p === e) return digits > 15 ? NaN : n;
  if (buf[p] !== 46 && buf[p] !== 44) return NaN;
  p++;
  let k = 0;
  while (p < e && buf[p] >= 48 && buf[p] <= 57) {
    n = n * 10 + (buf[p++] - 48);
    k++;
  }
  if (k === 0 || p !== e || digits + k > 15) return NaN;
  return n / 10 ** k;
}

/**
 * A municipality code filling [s, e). Danish ("dk"): 3 digits, or 4 with a leading zero
 * ("0751" → 751). Norwegian ("no"): 4 digits ("0301" → 301, "5001" → 5001), or 3 (a leading zero
 * lost in a spreadsheet). NaN otherwise.
 */
export function registerMunicipality(buf: Uint8Array, s: number, e: number, country: "dk" | "no"): number {
  const n = e - s;
  if (n === 3) {
    const v = registerInteger(buf, s, e);
    return v >= 100 ? v : NaN;
  }
  if (n === 4) {
    const v = registerInteger(buf, s, e);
    if (v !== v) return NaN;
    if (country === "dk") return buf[s] === 48 && v >= 100 ? v : NaN;
    return v >= 100 ? v : NaN;
  }
  return NaN;
}

/** [s, e) without surrounding spaces and tabs. */
export function trimRange(buf: Uint8Array, s: number, e: number): [number, number] {
  while (s < e && (buf[s] === 32 || buf[s] === 9)) s++;
  while (e > s && (buf[e - 1] === 32 || buf[e - 1] === 9)) e--;
  return [s, e];
}

/** Texts of what register columns expect (messages). */
export const REGISTER_EXPECTED = {
  date: "a date (YYYY-MM-DD, DDMONYYYY, DD.MM.YYYY or YYYYMMDD)",
  datetime: "a date-time (a date, then T, a space or :, then HH:MM[:SS])",
  time: "a time of day H:MM or HH:MM[:SS]",
  hour: "an hour 0-23",
  minute: "a minute 0-59",
  year: "a year YYYY",
  municipalityDk: "a 3-digit municipality code (or 4 digits with a leading 0)",
  municipalityNo: "a 4-digit Norwegian municipality number",
  number: "a number >= 0",
  personId: "a person id",
  diagnosis: "an ICD-10 code (J18.9) or SKS code (DJ189)",
} as const;

/** The text of bytes s..e (UTF-8), for messages and first sightings of a value. */
export function cellText(buf: Uint8Array, s: number, e: number): string {
  return Buffer.from(buf.buffer, buf.byteOffset + s, e - s).toString("utf8");
}
