/**
 * Time representation used throughout klynge.
 *
 * Admission times arrive as ISO local date-times in Europe/Copenhagen. Inside klynge they are
 * held as **local wall-clock minutes since 1970-01-01T00:00** (an Int32 fits until year 6053),
 * and dates as **days since 1970-01-01**. Calendar rules (periods, the 30-day window, completed
 * years of age) use the wall clock directly; hour rules (4 h between contacts, 12 h stays) use
 * elapsed time, which corrects for the daylight-saving shift (EU rule: summer time from the last
 * Sunday of March 01:00 UTC to the last Sunday of October 01:00 UTC).
 */

/** Marker for a missing time or date in an Int32 column. */
export const MISSING = -2147483648;

export const MINUTES_PER_DAY = 1440;

/**
 * Days since 1970-01-01 of a proleptic Gregorian date (month 1–12).
 * @example daysFromCivil(2024, 1, 1) // 19723
 */
export function daysFromCivil(year: number, month: number, day: number): number {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const mp = (month + 9) % 12;
  const doy = Math.floor((153 * mp + 2) / 5) + day - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

/**
 * Inverse of {@link daysFromCivil}: [year, month (1–12), day].
 * @example civilFromDays(19723) // [2024, 1, 1]
 */
export function civilFromDays(days: number): [number, number, number] {
  const z = days + 719468;
  const era = Math.floor(z / 146097);
  const doe = z - era * 146097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365);
  const y = yoe + era * 400;
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const d = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const m = mp < 10 ? mp + 3 : mp - 9;
  return [m <= 2 ? y + 1 : y, m, d];
}

/** True for a valid Gregorian calendar date. */
export function isValidDate(year: number, month: number, day: number): boolean {
  if (!Number.isInteger(year) || !Number.isInteger(month) || !Number.isInteger(day)) return false;
  if (month < 1 || month > 12 || day < 1) return false;
  return day <= daysInMonth(year, month);
}

export function daysInMonth(year: number, month: number): number {
  if (month === 2) return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0 ? 29 : 28;
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}

/**
 * Day of the week, 0 = Monday … 6 = Sunday (ISO order).
 * @example weekdayOfDays(daysFromCivil(2024, 1, 1)) // 0: a Monday
 */
export function weekdayOfDays(days: number): number {
  return (((days + 3) % 7) + 7) % 7; // 1970-01-01 was a Thursday
}

/**
 * Local wall-clock minutes of a date and time.
 * @example localMinutes(2024, 1, 1, 8, 30) // wall-clock minutes of 1 January 2024 at 08:30
 */
export function localMinutes(year: number, month: number, day: number, hour = 0, minute = 0): number {
  return daysFromCivil(year, month, day) * MINUTES_PER_DAY + hour * 60 + minute;
}

/**
 * Day number (days since 1970-01-01) of a wall-clock minute value.
 * @example dayOfMinutes(dataset.contacts.admittedAt[0]) // days since 1970-01-01 of the first contact's admission
 */
export function dayOfMinutes(minutes: number): number {
  return Math.floor(minutes / MINUTES_PER_DAY);
}

const lastSundayCache = new Map<number, [number, number]>();

/** Local wall-clock minutes at which summer time starts (02:00 → 03:00) and ends (03:00 → 02:00). */
function dstBounds(year: number): [number, number] {
  let b = lastSundayCache.get(year);
  if (b === undefined) {
    const lastSunday = (month: number): number => {
      const last = daysFromCivil(year, month, 31);
      return last - ((weekdayOfDays(last) + 1) % 7);
    };
    // Summer time starts at 02:00 local winter time, ends at 03:00 local summer time.
    b = [lastSunday(3) * MINUTES_PER_DAY + 120, lastSunday(10) * MINUTES_PER_DAY + 180];
    lastSundayCache.set(year, b);
  }
  return b;
}

/**
 * UTC offset in minutes (60 or 120) of a Europe/Copenhagen wall-clock time. In the repeated
 * autumn hour the first (summer-time) reading is taken; a time in the skipped spring hour is
 * read as winter time.
 */
export function copenhagenOffset(localMin: number): number {
  const year = civilFromDays(dayOfMinutes(localMin))[0];
  const [start, end] = dstBounds(year);
  return localMin >= start && localMin < end ? 120 : 60;
}

/** True when a wall-clock time falls in the hour skipped at the start of summer time. */
export function isSkippedLocalTime(localMin: number): boolean {
  const year = civilFromDays(dayOfMinutes(localMin))[0];
  const [start] = dstBounds(year);
  return localMin >= start && localMin < start + 60;
}

/**
 * Elapsed minutes from local wall-clock time a to b (daylight-saving aware).
 * @example elapsedMinutes(localMinutes(2024, 3, 31, 1), localMinutes(2024, 3, 31, 4)) // 120: the clocks skip 02:00–03:00
 */
export function elapsedMinutes(a: number, b: number): number {
  return b - copenhagenOffset(b) - (a - copenhagenOffset(a));
}

/**
 * Calendar year of a wall-clock minute value.
 * @example yearOfMinutes(dataset.contacts.admittedAt[0]) // e.g. 2016
 */
export function yearOfMinutes(minutes: number): number {
  return civilFromDays(dayOfMinutes(minutes))[0];
}

/** Completed years of age on a day, from a birth day (both days since 1970-01-01). */
export function completedYears(birthDay: number, onDay: number): number {
  const [by, bm, bd] = civilFromDays(birthDay);
  const [y, m, d] = civilFromDays(onDay);
  let age = y - by;
  if (m < bm || (m === bm && d < bd)) age -= 1;
  return age;
}

/**
 * ISO text of a day: YYYY-MM-DD.
 * @example formatDay(19723) // "2024-01-01"
 */
export function formatDay(days: number): string {
  const [y, m, d] = civilFromDays(days);
  return `${String(y).padStart(4, "0")}-${String(m).padStart(2, "0")}-${String(d).padStart(2, "0")}`;
}

/**
 * ISO local text of a wall-clock minute value: YYYY-MM-DDTHH:MM.
 * @example formatLocalMinutes(localMinutes(2024, 1, 1, 8, 30)) // "2024-01-01T08:30"
 */
export function formatLocalMinutes(minutes: number): string {
  const day = dayOfMinutes(minutes);
  const rest = minutes - day * MINUTES_PER_DAY;
  return `${formatDay(day)}T${String(Math.floor(rest / 60)).padStart(2, "0")}:${String(rest % 60).padStart(2, "0")}`;
}
