/**
 * Completed years of age for many (birth day, day) pairs: the same rule as completedYears of
 * contract/time.ts (the birthday itself completes a year; born 29 February → the year completes on
 * 1 March in common years), with calendar dates looked up in a table over the days in use instead
 * of converted per call. Falls back to completedYears outside the table.
 */
import { civilFromDays, completedYears } from "../contract/time.js";

export function ageCalculator(minDay: number, maxDay: number): (birthDay: number, onDay: number) => number {
  const span = maxDay - minDay + 1;
  if (!(span > 0) || span > 80000) return completedYears;
  const year = new Int16Array(span);
  const md = new Int16Array(span); // month * 32 + day
  for (let d = 0; d < span; d++) {
    const [y, m, dd] = civilFromDays(minDay + d);
    year[d] = y;
    md[d] = m * 32 + dd;
  }
  return (birthDay: number, onDay: number): number => {
    const b = birthDay - minDay;
    const o = onDay - minDay;
    if (b < 0 || b >= span || o < 0 || o >= span) return completedYears(birthDay, onDay);
    return year[o] - year[b] - (md[o] < md[b] ? 1 : 0);
  };
}
