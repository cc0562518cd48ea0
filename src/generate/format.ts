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
