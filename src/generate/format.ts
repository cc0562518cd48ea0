/** Fast, cached text formatting of days and wall-clock minutes for the CSV writers. */

import { MINUTES_PER_DAY, formatDay } from "../contract/time.js";

const DAY_BASE = -36525; // 1870-01-01
const dayText: string[] = [];
const hourMinuteText: string[] = [];
for (let m = 0; m < MINUTES_PER_DAY; m++) {
  hourMinuteText.push(`${String(Math.floor(m / 60)).padStart(2, "0")}:${String(m % 60).padStart(2, "0")}`);
}

/** YYYY-MM-DD of a day (days since 1970-01-01). */
export function dayToText(day: number): string {
  const i = day - DAY_BASE;
  if (i < 0 || i > 80000) return formatDay(day);
  let s = dayText[i];
  if (s === undefined) {
    s = formatDay(day);
    dayText[i] = s;
  }
  return s;
}

/** YYYY-MM-DDTHH:MM of local wall-clock minutes. */
export function minutesToText(minutes: number): string {
  const day = Math.floor(minutes / MINUTES_PER_DAY);
  return `${dayToText(day)}T${hourMinuteText[minutes - day * MINUTES_PER_DAY]}`;
}

/** The shape of a Danish CPR number (helper brief); no generated text may have it. */
const CPR_SHAPE = /\b(0[1-9]|[12][0-9]|3[01])(0[1-9]|1[0-2])[0-9]{2}-?[0-9]{4}\b/;

/**
 * An integer as text; when its ten digits would look like a CPR number (DDMM of a valid day and
 * month first — possible only for sums ≥ 1,000,000,000, e.g. sector costs at full scale), the
 * nearest integer whose first four digits are not a valid DDMM is taken instead (a change of at
 * most a few million DKK, < 1 % of such a sum). Smaller numbers are never changed.
 */
export function cprSafeInteger(value: number): string {
  const v = Math.round(value);
  const text = String(v);
  if (!CPR_SHAPE.test(text)) return text;
  for (let k = 1; k < 100; k++) {
    const down = (Math.floor(v / 1e6) - k + 1) * 1e6 - 1; // last value of an earlier DDMM block
    const up = (Math.floor(v / 1e6) + k) * 1e6; // first value of a later DDMM block
    const dOk = !CPR_SHAPE.test(String(down));
    const uOk = !CPR_SHAPE.test(String(up));
    if (dOk && (!uOk || v - down <= up - v)) return String(down);
    if (uOk) return String(up);
  }
  return text;
}
