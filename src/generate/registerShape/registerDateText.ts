/**
 * Days, times and date-times written as bytes in the two styles register extracts come in:
 * ISO (`2019-01-01`, `2019-01-01 08:15:00`) and SAS (`01JAN2019`, SAS DATETIME
 * `01JAN2019:08:15:00`, as `proc export` writes DATE9. and DATETIME18.). Times are `HH:MM:SS`
 * (TIME8. with a leading zero). docs/registers.md, "Date and time forms", lists both as accepted
 * input. Day texts are cached (1870–2088), so a 16-million-row file encodes each day once.
 */

import { MINUTES_PER_DAY, civilFromDays, daysFromCivil } from "../../contract/time.js";
import { dayToText } from "../format.js";
import { asciiBytes, type ByteOutput } from "./byteOutput.js";

const MONTHS = ["JAN", "FEB", "MAR", "APR", "MAY", "JUN", "JUL", "AUG", "SEP", "OCT", "NOV", "DEC"];
const DAY_BASE = -36525; // 1870-01-01
const DAY_SPAN = 80000;

const TIME_BYTES: Uint8Array[] = [];
for (let m = 0; m < MINUTES_PER_DAY; m++) {
  TIME_BYTES.push(asciiBytes(`${String(Math.floor(m / 60)).padStart(2, "0")}:${String(m % 60).padStart(2, "0")}:00`));
}

const YEAR_OF_DAY = new Int16Array(DAY_SPAN + 1);
for (let i = 0, y = 1870, next = daysFromCivil(1871, 1, 1); i <= DAY_SPAN; i++) {
  if (i + DAY_BASE >= next) {
    y++;
    next = daysFromCivil(y + 1, 1, 1);
  }
  YEAR_OF_DAY[i] = y;
}

/** Calendar year of a day (days since 1970-01-01). */
export function yearOfDay(day: number): number {
  const i = day - DAY_BASE;
  return i >= 0 && i <= DAY_SPAN ? YEAR_OF_DAY[i] : civilFromDays(day)[0];
}

/** SAS DATE9. text of a day, e.g. 01JAN2019. */
export function sasDayText(day: number): string {
  const [y, m, d] = civilFromDays(day);
  return `${String(d).padStart(2, "0")}${MONTHS[m - 1]}${String(y).padStart(4, "0")}`;
}

/** Writer of days and wall-clock minutes in one date style. */
export interface RegisterDateText {
  /** A day (days since 1970-01-01). */
  date(out: ByteOutput, day: number): void;
  /** Time of day `HH:MM:SS` of wall-clock minutes. */
  time(out: ByteOutput, minutes: number): void;
  /** Date and time of wall-clock minutes (ISO with a space, SAS with a colon). */
  dateTime(out: ByteOutput, minutes: number): void;
}

/**
 * The date writer of a style.
 * @example registerDateText("sas").dateTime(out, localMinutes(2019, 1, 1, 8, 15)) // writes 01JAN2019:08:15:00
 */
export function registerDateText(style: "iso" | "sas"): RegisterDateText {
  const cache: Uint8Array[] = [];
  const format = style === "sas" ? sasDayText : dayToText;
  const sep = style === "sas" ? ":" : " ";
  const withSep: Uint8Array[] = [];
  const dayBytes = (day: number): Uint8Array => {
    const i = day - DAY_BASE;
    if (i < 0 || i > DAY_SPAN) return asciiBytes(format(day));
    let s = cache[i];
    if (s === undefined) {
      s = asciiBytes(format(day));
      cache[i] = s;
    }
    return s;
  };
  return {
    date(out: ByteOutput, day: number): void {
      out.bytes(dayBytes(day));
    },
    time(out: ByteOutput, minutes: number): void {
      const day = Math.floor(minutes / MINUTES_PER_DAY);
      out.bytes(TIME_BYTES[minutes - day * MINUTES_PER_DAY]);
    },
    dateTime(out: ByteOutput, minutes: number): void {
      const day = Math.floor(minutes / MINUTES_PER_DAY);
      const i = day - DAY_BASE;
      let s = i >= 0 && i <= DAY_SPAN ? withSep[i] : undefined;
      if (s === undefined) {
        s = asciiBytes(format(day) + sep);
        if (i >= 0 && i <= DAY_SPAN) withSep[i] = s;
      }
      out.bytes(s);
      out.bytes(TIME_BYTES[minutes - day * MINUTES_PER_DAY]);
    },
  };
}
