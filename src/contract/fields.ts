/**
 * Field rules of the data contract: one pure function per kind of field, turning the text of a
 * CSV cell into its typed value or into a failure with a stable code. These functions are the
 * single source of truth: the zod schemas (schemas.ts) call them, and so does the columnar fast
 * path of the loader (src/io) whenever a cell is not in the plain form it parses itself.
 *
 * Text is trimmed of surrounding white space before it is read. Empty text is a failure for a
 * required field and "not given" for an optional one.
 */

import { looksLikePersonNumber } from "./personNumber.js";
import { AdmissionType, ContactType, REFERRAL_SOURCES, SECTORS, Sex } from "./codes.js";
import type { ReferralSource, Sector } from "./codes.js";
import { MINUTES_PER_DAY, MISSING, daysFromCivil, daysInMonth, isSkippedLocalTime, isValidDate } from "./time.js";

/** Stable codes of field failures (the io message catalogue turns them into text). */
export const FieldCode = {
  empty: "empty",
  bad_date: "bad_date",
  bad_datetime: "bad_datetime",
  bad_sex: "bad_sex",
  bad_admission_type: "bad_admission_type",
  bad_contact_type: "bad_contact_type",
  bad_diagnosis: "bad_diagnosis",
  bad_referral: "bad_referral",
  bad_number: "bad_number",
  negative_number: "negative_number",
  bad_integer: "bad_integer",
  bad_municipality_code: "bad_municipality_code",
  bad_age: "bad_age",
  bad_year: "bad_year",
  bad_sector: "bad_sector",
  bad_care_status: "bad_care_status",
  cpr_like_id: "cpr_like_id",
} as const;
export type FieldCode = keyof typeof FieldCode;

/** What each kind of field expects, in words (used in messages and JSON Schema descriptions). */
export const FIELD_EXPECTED = {
  patient_id: "a pseudonymous id (not shaped like a CPR number)",
  date: "a date YYYY-MM-DD",
  datetime: "a local date-time YYYY-MM-DDTHH:MM[:SS] (T or space)",
  sex: "F, M or K",
  admission_type: "acute, planned, akut or planlagt",
  contact_type: "inpatient, outpatient, indlagt or ambulant",
  diagnosis: "an ICD-10 code (J18.9) or SKS code (DJ189)",
  referral_source: `one of ${REFERRAL_SOURCES.join(", ")} or empty`,
  number: "a number (decimal point or decimal comma)",
  nonNegative: "a number >= 0 (decimal point or decimal comma)",
  count: "a whole number >= 0",
  municipality_code: "a 3-digit municipality code (4 digits for Norwegian municipalities)",
  age: "completed years 0-130 or an open top band such as 100+",
  year: "a year YYYY",
  sector: `one of ${SECTORS.join(", ")}`,
  care_status: "nursing_home or home_care (plejehjem, plejebolig or hjemmepleje)",
  text: "a non-empty value",
} as const;

export type FieldResult<T> =
  | { readonly ok: true; readonly value: T }
  | { readonly ok: false; readonly code: FieldCode; readonly expected: string };

function ok<T>(value: T): FieldResult<T> {
  return { ok: true, value };
}
function fail<T>(code: FieldCode, expected: string): FieldResult<T> {
  return { ok: false, code, expected };
}

// ---------------------------------------------------------------------------------------------
// Building blocks shared with the byte-level fast path (src/io/admissionsFastPath.ts).

// Month table for years 1800–2299: first day (days since 1970-01-01) and length of each month,
// so that the hot path reads a date with two lookups (same result as isValidDate + daysFromCivil).
const TABLE_FROM = 1800;
const TABLE_YEARS = 500;
const MONTH_START = new Int32Array(TABLE_YEARS * 12);
const MONTH_DAYS = new Uint8Array(TABLE_YEARS * 12);
for (let y = 0; y < TABLE_YEARS; y++) {
  for (let m = 1; m <= 12; m++) {
    MONTH_START[y * 12 + m - 1] = daysFromCivil(TABLE_FROM + y, m, 1);
    MONTH_DAYS[y * 12 + m - 1] = daysInMonth(TABLE_FROM + y, m);
  }
}

/** Days since 1970-01-01 of a calendar date, or NaN when it is not a valid date. */
export function dayFromParts(year: number, month: number, day: number): number {
  const y = year - TABLE_FROM;
  if (y >= 0 && y < TABLE_YEARS && month >= 1 && month <= 12 && (day | 0) === day) {
    const i = y * 12 + month - 1;
    return day >= 1 && day <= MONTH_DAYS[i] ? MONTH_START[i] + day - 1 : NaN;
  }
  return isValidDate(year, month, day) ? daysFromCivil(year, month, day) : NaN;
}

/**
 * Local wall-clock minutes of a date and time (seconds are read and dropped), or NaN when any
 * part is out of range. Hours 0–23, minutes and seconds 0–59.
 */
export function minutesFromParts(
  year: number,
  month: number,
  day: number,
  hour: number,
  minute: number,
  second: number,
): number {
  if (hour > 23 || minute > 59 || second > 59 || hour < 0 || minute < 0 || second < 0) return NaN;
  const d = dayFromParts(year, month, day);
  return Number.isNaN(d) ? NaN : d * MINUTES_PER_DAY + hour * 60 + minute;
}

/** True when a local time lies in the hour skipped at the start of summer time (a warning). */
export function isSkippedHour(minutes: number): boolean {
  return minutes !== MISSING && isSkippedLocalTime(minutes);
}

/** Row rule: a discharge strictly before the admission is an error (equal times are allowed). */
export function isDischargeBeforeAdmission(admittedAt: number, dischargedAt: number): boolean {
  return dischargedAt !== MISSING && dischargedAt < admittedAt;
}

/** Row rule: a birth date after the day of admission is an error. */
export function isBirthAfterAdmission(birthDay: number, admittedAt: number): boolean {
  return birthDay > Math.floor(admittedAt / MINUTES_PER_DAY);
}

// ---------------------------------------------------------------------------------------------
// Field rules on text.

const DATE_RE = /^(\d{4})-(\d{2})-(\d{2})$/;
const DATETIME_RE = /^(\d{4})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2})(?::(\d{2}))?$/;

/** A date YYYY-MM-DD → days since 1970-01-01. */
export function parseDate(text: string): FieldResult<number> {
  const s = text.trim();
  if (s === "") return fail("empty", FIELD_EXPECTED.date);
  const m = DATE_RE.exec(s);
  if (m === null) return fail("bad_date", FIELD_EXPECTED.date);
  const d = dayFromParts(Number(m[1]), Number(m[2]), Number(m[3]));
  return Number.isNaN(d) ? fail("bad_date", FIELD_EXPECTED.date) : ok(d);
}

/** An ISO local date-time `YYYY-MM-DDTHH:MM[:SS]` (T or a space) → local wall-clock minutes. */
export function parseLocalDateTime(text: string): FieldResult<number> {
  const s = text.trim();
  if (s === "") return fail("empty", FIELD_EXPECTED.datetime);
  const m = DATETIME_RE.exec(s);
  if (m === null) return fail("bad_datetime", FIELD_EXPECTED.datetime);
  const v = minutesFromParts(
    Number(m[1]),
    Number(m[2]),
    Number(m[3]),
    Number(m[4]),
    Number(m[5]),
    m[6] === undefined ? 0 : Number(m[6]),
  );
  return Number.isNaN(v) ? fail("bad_datetime", FIELD_EXPECTED.datetime) : ok(v);
}

/** Like {@link parseLocalDateTime}; empty text → MISSING (still admitted at extraction). */
export function parseOptionalLocalDateTime(text: string): FieldResult<number> {
  return text.trim() === "" ? ok(MISSING) : parseLocalDateTime(text);
}

/** A date, or a date-time whose day is taken (deaths.csv died_at) → days since 1970-01-01. */
export function parseDateOrDateTime(text: string): FieldResult<number> {
  const s = text.trim();
  if (s.length <= 10) return parseDate(s);
  const r = parseLocalDateTime(s);
  return r.ok ? ok(Math.floor(r.value / MINUTES_PER_DAY)) : fail(r.code, FIELD_EXPECTED.date);
}

/** Sex: F or M; the Danish K (kvinde) is read as F. Case is ignored. */
export function parseSex(text: string): FieldResult<Sex> {
  const s = text.trim().toUpperCase();
  if (s === "F" || s === "K") return ok("F");
  if (s === "M") return ok("M");
  return fail(s === "" ? "empty" : "bad_sex", FIELD_EXPECTED.sex);
}

/** Admission type: acute/planned, Danish akut/planlagt accepted. Case is ignored. */
export function parseAdmissionType(text: string): FieldResult<AdmissionType> {
  const s = text.trim().toLowerCase();
  if (s === "acute" || s === "akut") return ok("acute");
  if (s === "planned" || s === "planlagt") return ok("planned");
  return fail(s === "" ? "empty" : "bad_admission_type", FIELD_EXPECTED.admission_type);
}

/** Contact type as registered: inpatient/outpatient, Danish indlagt/ambulant accepted. */
export function parseContactType(text: string): FieldResult<ContactType> {
  const s = text.trim().toLowerCase();
  if (s === "inpatient" || s === "indlagt") return ok("inpatient");
  if (s === "outpatient" || s === "ambulant") return ok("outpatient");
  return fail(s === "" ? "empty" : "bad_contact_type", FIELD_EXPECTED.contact_type);
}

const ICD_RE = /^[A-Z][0-9]{2}[0-9A-Z]{0,5}$/;
const SKS_RE = /^D[A-Z][0-9]{2}[0-9A-Z]{0,5}$/;

/**
 * Diagnosis: ICD-10 (J18.9) or SKS with its leading D (DJ189) → normalised ICD-10 without dot,
 * upper case ("J189"). A code D followed by a letter is SKS (DD509 → D509); D followed by a digit
 * is ICD-10 chapter III (D50.9 → D509). Source: SKS = ICD-10 with a leading "D"
 * (Sundhedsdatastyrelsen, SKS-browser; danish-context.md).
 */
export function parseDiagnosis(text: string): FieldResult<string> {
  const s = text.trim().toUpperCase().replace(".", "");
  if (s === "") return fail("empty", FIELD_EXPECTED.diagnosis);
  if (SKS_RE.test(s)) return ok(s.slice(1));
  if (ICD_RE.test(s)) return ok(s);
  return fail("bad_diagnosis", FIELD_EXPECTED.diagnosis);
}

/** Referral source (optional): one of REFERRAL_SOURCES, or empty → null. */
export function parseReferralSource(text: string): FieldResult<ReferralSource | null> {
  const s = text.trim().toLowerCase();
  if (s === "") return ok(null);
  return (REFERRAL_SOURCES as readonly string[]).includes(s)
    ? ok(s as ReferralSource)
    : fail("bad_referral", FIELD_EXPECTED.referral_source);
}

const NUMBER_RE = /^-?[0-9]+(?:[.,][0-9]+)?$/;

/** A number with a decimal point or a decimal comma (1234.5, 1234,5). */
export function parseNumber(text: string): FieldResult<number> {
  const s = text.trim();
  if (s === "") return fail("empty", FIELD_EXPECTED.number);
  if (!NUMBER_RE.test(s)) return fail("bad_number", FIELD_EXPECTED.number);
  return ok(Number(s.replace(",", ".")));
}

/** A number ≥ 0 (decimal point or comma). */
export function parseNonNegative(text: string): FieldResult<number> {
  const r = parseNumber(text);
  if (!r.ok) return fail(r.code, FIELD_EXPECTED.nonNegative);
  return r.value < 0 ? fail("negative_number", FIELD_EXPECTED.nonNegative) : r;
}

/** Optional number ≥ 0 (cost_dkk): empty → NaN. */
export function parseOptionalNonNegative(text: string): FieldResult<number> {
  return text.trim() === "" ? ok(NaN) : parseNonNegative(text);
}

/** A whole number ≥ 0 (counts). */
export function parseCount(text: string): FieldResult<number> {
  const s = text.trim();
  if (s === "") return fail("empty", FIELD_EXPECTED.count);
  if (/^-[0-9]+$/.test(s)) return fail("negative_number", FIELD_EXPECTED.count);
  if (!/^[0-9]{1,15}$/.test(s)) return fail("bad_integer", FIELD_EXPECTED.count);
  return ok(Number(s));
}

/** Municipality code: exactly three digits (Danish kommunekoder 101–860) → number. */
export function parseMunicipalityCode(text: string): FieldResult<number> {
  const s = text.trim();
  if (s === "") return fail("empty", FIELD_EXPECTED.municipality_code);
  return /^[0-9]{3,4}$/.test(s) && Number(s) >= 100 ? ok(Number(s)) : fail("bad_municipality_code", FIELD_EXPECTED.municipality_code);
}

/** Optional municipality code: empty → null. */
export function parseOptionalMunicipalityCode(text: string): FieldResult<number | null> {
  return text.trim() === "" ? ok(null) : parseMunicipalityCode(text);
}

/** Age in completed years 0–130, or an open top band "100+" (→ age 100, open). */
export function parseAge(text: string): FieldResult<{ age: number; open: boolean }> {
  const s = text.trim();
  if (s === "") return fail("empty", FIELD_EXPECTED.age);
  const m = /^([0-9]{1,3})(\+?)$/.exec(s);
  if (m === null || Number(m[1]) > 130) return fail("bad_age", FIELD_EXPECTED.age);
  return ok({ age: Number(m[1]), open: m[2] === "+" });
}

/** A calendar year YYYY. */
export function parseYear(text: string): FieldResult<number> {
  const s = text.trim();
  if (s === "") return fail("empty", FIELD_EXPECTED.year);
  return /^[0-9]{4}$/.test(s) ? ok(Number(s)) : fail("bad_year", FIELD_EXPECTED.year);
}

/** Sector of sector_costs.csv. */
export function parseSector(text: string): FieldResult<Sector> {
  const s = text.trim().toLowerCase();
  if (s === "") return fail("empty", FIELD_EXPECTED.sector);
  return (SECTORS as readonly string[]).includes(s) ? ok(s as Sector) : fail("bad_sector", FIELD_EXPECTED.sector);
}

/** Optional date: empty → MISSING (an open period). */
export function parseOptionalDate(text: string): FieldResult<number> {
  return text.trim() === "" ? ok(MISSING) : parseDate(text);
}

/** Municipal care status (care_status.csv): nursing_home or home_care; Danish plejehjem / hjemmepleje accepted. */
export function parseCareStatus(text: string): FieldResult<"nursing_home" | "home_care"> {
  const s = text.trim().toLowerCase();
  if (s === "nursing_home" || s === "plejehjem" || s === "plejebolig") return ok("nursing_home");
  if (s === "home_care" || s === "hjemmepleje") return ok("home_care");
  return fail(s === "" ? "empty" : "bad_care_status", FIELD_EXPECTED.care_status);
}

/** Required free text (trimmed, non-empty). */
export function parseText(text: string): FieldResult<string> {
  const s = text.trim();
  return s === "" ? fail("empty", FIELD_EXPECTED.text) : ok(s);
}

/** Optional free text: empty → null. */
export function parseOptionalText(text: string): FieldResult<string | null> {
  const s = text.trim();
  return ok(s === "" ? null : s);
}

/** True when text contains something shaped like a person (CPR) number (contract/personNumber.ts). */
export function looksLikeCpr(text: string): boolean {
  return looksLikePersonNumber(text);
}

/**
 * Pseudonymous patient id: non-empty; refused when shaped like a CPR number unless allowed
 * (data must be pseudonymised before it reaches klynge).
 */
export function parsePatientId(text: string, allowCprLikeIds = false): FieldResult<string> {
  const s = text.trim();
  if (s === "") return fail("empty", FIELD_EXPECTED.patient_id);
  if (!allowCprLikeIds && looksLikeCpr(s)) return fail("cpr_like_id", FIELD_EXPECTED.patient_id);
  return ok(s);
}

/** Numeric code helpers for columnar tables. */
export const SEX_CODE: Readonly<Record<Sex, number>> = Sex;
export const ADMISSION_TYPE_CODE: Readonly<Record<AdmissionType, number>> = AdmissionType;
export const CONTACT_TYPE_CODE: Readonly<Record<ContactType, number>> = ContactType;
export function referralCode(r: ReferralSource | null): number {
  return r === null ? -1 : REFERRAL_SOURCES.indexOf(r);
}
