/**
 * The admission and discharge of a register contact row, read from bytes in whichever form the
 * file has: one date-time column, a date and a time column, or (LPR2) a date with an hour and a
 * minute column. Problems are logged with the file, line and register column.
 */

import { MISSING } from "../../contract/time.js";
import type { ProblemLog } from "../problemLog.js";
import { REGISTER_EXPECTED, cellText as text, registerDate, registerDateTime, registerInteger, registerTime } from "./registerBytes.js";
import type { ContactColumns } from "./registerColumns.js";

/** Where problems go: the log, the file's name, and the register names of the columns. */
export interface CellLog {
  readonly log: ProblemLog;
  readonly file: string;
  readonly names: readonly string[];
}

/** A date (+ time) pair → minutes; NaN = bad (logged); MISSING = both empty (when allowed). */
function dateAndTime(at: CellLog, buf: Uint8Array, st: Int32Array, en: Int32Array, kD: number, kT: number, line: number, openAllowed: boolean): number {
  const dEmpty = en[kD] <= st[kD];
  const tEmpty = en[kT] <= st[kT];
  if (dEmpty && tEmpty && openAllowed) return MISSING;
  if (dEmpty || tEmpty) {
    const k = dEmpty ? kD : kT;
    at.log.add("empty", at.file, line, { column: at.names[k], expected: dEmpty ? REGISTER_EXPECTED.date : REGISTER_EXPECTED.time });
    return NaN;
  }
  const d = registerDate(buf, st[kD], en[kD]);
  const t = registerTime(buf, st[kT], en[kT]);
  if (d !== d) at.log.add("bad_date", at.file, line, { column: at.names[kD], found: text(buf, st[kD], en[kD]), expected: REGISTER_EXPECTED.date });
  if (t !== t) at.log.add("bad_datetime", at.file, line, { column: at.names[kT], found: text(buf, st[kT], en[kT]), expected: REGISTER_EXPECTED.time });
  return d !== d || t !== t ? NaN : d * 1440 + t;
}

/** An hour or minute column (LPR2): empty → 0 with a warning; NaN when bad. */
function clockPart(at: CellLog, buf: Uint8Array, st: Int32Array, en: Int32Array, k: number, max: number, line: number): number {
  if (en[k] <= st[k]) {
    at.log.add("time_missing", at.file, line, { column: at.names[k], other: "0" });
    return 0;
  }
  const v = registerInteger(buf, st[k], en[k]);
  if (v !== v || v > max) {
    at.log.add("bad_integer", at.file, line, { column: at.names[k], found: text(buf, st[k], en[k]), expected: max === 23 ? REGISTER_EXPECTED.hour : REGISTER_EXPECTED.minute });
    return NaN;
  }
  return v;
}

/** The admission in wall-clock minutes; NaN when missing or bad (logged). */
export function readAdmission(at: CellLog, c: ContactColumns, buf: Uint8Array, st: Int32Array, en: Int32Array, line: number): number {
  if (c.kStart >= 0) {
    const k = c.kStart;
    const adm = registerDateTime(buf, st[k], en[k]);
    if (adm !== adm) at.log.add(en[k] > st[k] ? "bad_datetime" : "empty", at.file, line, { column: at.names[k], found: text(buf, st[k], en[k]), expected: REGISTER_EXPECTED.datetime });
    return adm;
  }
  if (c.kST >= 0) return dateAndTime(at, buf, st, en, c.kSD, c.kST, line, false);
  const k = c.kSD;
  const d = en[k] > st[k] ? registerDate(buf, st[k], en[k]) : NaN;
  if (d !== d) at.log.add(en[k] > st[k] ? "bad_date" : "empty", at.file, line, { column: at.names[k], found: text(buf, st[k], en[k]), expected: REGISTER_EXPECTED.date });
  const h = clockPart(at, buf, st, en, c.kSH, 23, line);
  const m = clockPart(at, buf, st, en, c.kSM, 59, line);
  return d * 1440 + h * 60 + m;
}

/**
 * The discharge in wall-clock minutes; MISSING when empty (an open contact); NaN when bad
 * (logged). `hourOnly` (LPR2, no discharge minute): a discharge before the admission within the
 * admission's hour is read as the admission.
 */
export function readDischarge(at: CellLog, c: ContactColumns, buf: Uint8Array, st: Int32Array, en: Int32Array, line: number, adm: number, hourOnly: boolean): number {
  if (c.kEnd >= 0) {
    const k = c.kEnd;
    if (en[k] <= st[k]) return MISSING;
    const dis = registerDateTime(buf, st[k], en[k]);
    if (dis !== dis) at.log.add("bad_datetime", at.file, line, { column: at.names[k], found: text(buf, st[k], en[k]), expected: REGISTER_EXPECTED.datetime });
    return dis;
  }
  if (c.kET >= 0) return dateAndTime(at, buf, st, en, c.kED, c.kET, line, true);
  const k = c.kED;
  if (en[k] <= st[k]) return MISSING;
  const d = registerDate(buf, st[k], en[k]);
  if (d !== d) at.log.add("bad_date", at.file, line, { column: at.names[k], found: text(buf, st[k], en[k]), expected: REGISTER_EXPECTED.date });
  const h = clockPart(at, buf, st, en, c.kEH, 23, line);
  const dis = d * 1440 + h * 60;
  if (hourOnly && dis === dis && adm === adm && dis < adm && adm - dis < 60) return adm;
  return dis;
}
