/**
 * The validated, columnar tables that the loader returns and every later stage reads.
 * Columns are typed arrays (one entry per row); text columns are dictionary-encoded
 * (an Int32Array of indexes into a string list). Times are local wall-clock minutes and dates
 * are days since 1970-01-01 (see time.ts); MISSING marks an absent value in Int32 columns.
 */

import type { Sector } from "./codes.js";
import type { PatientOrder } from "./patientOrder.js";

/** admissions.csv: one row per hospital contact, after validation and exact-duplicate removal. */
export interface ContactTable {
  readonly length: number;
  /** Dense patient index into `patientIds` (0 … patientIds.length − 1). */
  readonly patient: Int32Array;
  /** Pseudonymous ids by patient index. Never written to any output. */
  readonly patientIds: readonly string[];
  /**
   * Birth date, days since 1970-01-01: an Int16Array when every date is from 1880-04-14 to
   * 2059-09-18 (2 bytes a row), else an Int32Array.
   */
  readonly birthDate: Int16Array | Int32Array;
  /** 1 = F, 2 = M (codes.ts Sex). */
  readonly sex: Uint8Array;
  /** Municipality code of residence, e.g. 751. */
  readonly municipality: Int16Array;
  /**
   * Index into `hospitals`, −1 when not given. An Int16Array when there are at most 32,768
   * hospitals (the loader's choice; 2 bytes a row instead of 4), else an Int32Array.
   */
  readonly hospital: Int16Array | Int32Array;
  readonly hospitals: readonly string[];
  /** Local wall-clock minutes since 1970-01-01T00:00. */
  readonly admittedAt: Int32Array;
  /** Local wall-clock minutes, or MISSING when still admitted at extraction. */
  readonly dischargedAt: Int32Array;
  /** 1 = acute, 0 = planned. */
  readonly acute: Uint8Array;
  /** 1 = inpatient, 0 = outpatient (as registered). */
  readonly inpatient: Uint8Array;
  /** Index into `diagnoses`: a Uint16Array when there are at most 65,536 diagnoses, else an Int32Array. */
  readonly diagnosis: Uint16Array | Int32Array;
  /** Normalised ICD-10 codes: upper case, no dot, no leading SKS "D" (DJ189 and J18.9 → "J189"). */
  readonly diagnoses: readonly string[];
  /** Index into REFERRAL_SOURCES, −1 when not given. */
  readonly referral: Int8Array;
  /**
   * DRG value in DKK, NaN when not given. A Float32Array when every value is exactly a 32-bit
   * float (whole kroner below 16,777,216 are), so it reads back as the very number in the file;
   * else a Float64Array.
   */
  readonly cost: Float32Array | Float64Array;
  /** 1-based line number in the source file (header = line 1), for messages. */
  readonly sourceLine: Int32Array;
  /**
   * Optional: a grouping of rows by patient (patient p's rows are order[start[p] … start[p + 1] − 1],
   * each by admitted_at). The stays layer checks it and reuses it instead of sorting again; it falls
   * back to its own sort when it does not fit. `loadDataset` hands the rows on already in the stays'
   * order (io/rowsByPatient.ts) and so leaves it out, unless a patient id has no rows.
   */
  readonly patientOrder?: PatientOrder | null;
}

/** population.csv: citizens on 1 January. */
export interface PopulationTable {
  readonly length: number;
  readonly year: Int16Array;
  readonly municipality: Int16Array;
  /** 1 = F, 2 = M. */
  readonly sex: Uint8Array;
  /** Completed years; for an open top band ("100+") the band's lower bound. */
  readonly age: Int16Array;
  /** 1 when the row is an open top band such as "100+". */
  readonly ageOpen: Uint8Array;
  readonly count: Float64Array;
}

export interface GeographyRow {
  readonly municipality_code: number;
  readonly municipality_name: string;
  readonly cluster: string;
  readonly hospital_unit: string;
}

/** deaths.csv, joined to patients: died day by patient index (MISSING when not dead). */
export interface DeathTable {
  /** Date of death (days since 1970-01-01) by patient index of the ContactTable, or MISSING. */
  readonly diedOnByPatient: Int32Array;
  /** Deaths of patients with no contact in admissions.csv (kept as a count only). */
  readonly unmatched: number;
}

export interface SectorCostRow {
  readonly year: number;
  readonly municipality_code: number;
  readonly sector: Sector;
  readonly age_group: string | null;
  readonly cost_dkk: number;
}

export interface ExperienceRow {
  readonly period: string;
  readonly cluster: string | null;
  readonly municipality_code: number | null;
  readonly measure: string;
  readonly positive: number;
  readonly total: number;
}

/** adverse_events.csv (optional): reported adverse events (UTH) by cluster and year. */
export interface AdverseEventRow {
  readonly year: number;
  /** The cluster: given, or the geography's cluster of the hospital_unit. */
  readonly cluster: string;
  /** The hospital unit when the row names one. */
  readonly hospital_unit: string | null;
  readonly events: number;
}

/** care_status.csv (optional), joined to patients: periods of municipal care by patient index. */
export interface CareStatusTable {
  /** Periods in rows: patient index, status (1 = nursing home, 2 = home care), first and last day (MISSING: open). */
  readonly patient: Int32Array;
  readonly status: Uint8Array;
  readonly from: Int32Array;
  readonly to: Int32Array;
  /** Rows of patients with no contact (kept as a count only). */
  readonly unmatched: number;
}
