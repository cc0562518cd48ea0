/** admissions.csv: one row per hospital contact (issue 2, data contract). */

import { z } from "zod";
import {
  FIELD_EXPECTED,
  isBirthAfterAdmission,
  isDischargeBeforeAdmission,
  parseAdmissionType,
  parseContactType,
  parseDate,
  parseDiagnosis,
  parseLocalDateTime,
  parseMunicipalityCode,
  parseOptionalLocalDateTime,
  parseOptionalNonNegative,
  parseOptionalText,
  parsePatientId,
  parseReferralSource,
  parseSex,
} from "../fields.js";
import { formatDay, formatLocalMinutes } from "../time.js";
import { cell, municipalityText, optionalCell, rowIssue } from "./cell.js";
import type { SchemaContext } from "./cell.js";

/** Column names of admissions.csv, in contract order. */
export const ADMISSIONS_COLUMNS = [
  "patient_id",
  "birth_date",
  "sex",
  "municipality_code",
  "hospital",
  "admitted_at",
  "discharged_at",
  "admission_type",
  "contact_type",
  "primary_diagnosis",
  "referral_source",
  "cost_dkk",
] as const;
/** Columns that must be present in the header. */
export const ADMISSIONS_REQUIRED = [
  "patient_id",
  "birth_date",
  "sex",
  "municipality_code",
  "admitted_at",
  "discharged_at",
  "admission_type",
  "contact_type",
  "primary_diagnosis",
] as const;

const DATETIME_PATTERN = "^\\s*\\d{4}-\\d{2}-\\d{2}[T ]\\d{2}:\\d{2}(:\\d{2})?\\s*$";

/**
 * The zod schema of one admissions.csv row (cells as text → typed values), with the row rules:
 * municipality in the geography (when the context gives one), discharge not before admission,
 * birth not after admission. Cross-field rules run only when every cell is valid.
 */
export function makeAdmissionsSchema(context: SchemaContext = {}) {
  const allowCpr = context.allowCprLikeIds ?? false;
  return z
    .object({
      patient_id: cell((s) => parsePatientId(s, allowCpr), {
        description: `Pseudonymous patient id: ${FIELD_EXPECTED.patient_id}.`,
        examples: ["p7f3a0c21"],
      }),
      birth_date: cell(parseDate, { description: FIELD_EXPECTED.date, pattern: "^\\s*\\d{4}-\\d{2}-\\d{2}\\s*$" }),
      sex: cell(parseSex, { description: `Sex: ${FIELD_EXPECTED.sex} (K = F).`, pattern: "^\\s*[FfMmKk]\\s*$" }),
      municipality_code: cell(parseMunicipalityCode, {
        description: `Residence: ${FIELD_EXPECTED.municipality_code}.`,
        pattern: "^\\s*\\d{3,4}\\s*$",
      }),
      hospital: optionalCell(parseOptionalText, { description: "Hospital (optional free text)." }),
      admitted_at: cell(parseLocalDateTime, {
        description: `Europe/Copenhagen ${FIELD_EXPECTED.datetime}.`,
        pattern: DATETIME_PATTERN,
      }),
      discharged_at: cell(parseOptionalLocalDateTime, {
        description: `Europe/Copenhagen ${FIELD_EXPECTED.datetime}; empty = still admitted at extraction.`,
        pattern: `^\\s*$|${DATETIME_PATTERN}`,
      }),
      admission_type: cell(parseAdmissionType, { description: FIELD_EXPECTED.admission_type }),
      contact_type: cell(parseContactType, { description: `As registered: ${FIELD_EXPECTED.contact_type}.` }),
      primary_diagnosis: cell(parseDiagnosis, { description: FIELD_EXPECTED.diagnosis, examples: ["J18.9", "DJ189"] }),
      referral_source: optionalCell(parseReferralSource, { description: `Optional: ${FIELD_EXPECTED.referral_source}.` }),
      cost_dkk: optionalCell(parseOptionalNonNegative, { description: `Optional DRG value in DKK: ${FIELD_EXPECTED.nonNegative}.` }),
    })
    .transform((r, ctx) => {
      if (context.municipalities !== undefined && !context.municipalities.has(r.municipality_code)) {
        rowIssue(ctx, "municipality_code", "unknown_municipality", "a municipality of the geography", municipalityText(r.municipality_code));
      }
      if (isDischargeBeforeAdmission(r.admitted_at, r.discharged_at)) {
        const found = formatLocalMinutes(r.discharged_at);
        rowIssue(ctx, "discharged_at", "discharge_before_admission", "not before admitted_at", found, formatLocalMinutes(r.admitted_at));
      }
      if (isBirthAfterAdmission(r.birth_date, r.admitted_at)) {
        const found = formatDay(r.birth_date);
        rowIssue(ctx, "birth_date", "birth_after_admission", "not after admitted_at", found, formatLocalMinutes(r.admitted_at));
      }
      return r;
    });
}

/** The admissions.csv row schema with default context (no geography check; CPR-shaped ids refused). */
export const AdmissionsSchema = makeAdmissionsSchema();
/** A validated admissions row: dates as days, times as local minutes (MISSING = still admitted), cost NaN = not given. */
export type AdmissionsRecord = z.infer<typeof AdmissionsSchema>;
/** An admissions row as text, as in the CSV. */
export type AdmissionsInput = z.input<typeof AdmissionsSchema>;
