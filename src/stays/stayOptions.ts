/** Options of the stays layer, with the Danish national defaults (danish-context.md). */
import type { DiagnosisGroup } from "./diagnosisGroups.js";
import { staysMessages } from "./messages.js";
import type { Registration } from "./stayTable.js";

export interface StayOptions {
  /** Contacts at most this many elapsed minutes apart form one stay (default 240 = 4 h). */
  readonly maxGapMinutes?: number;
  /** A stay of at least this many elapsed minutes is an admission under "harmonised" (default 720 = 12 h). */
  readonly admissionMinMinutes?: number;
  /** Data end (wall-clock minutes); default: the latest admitted_at in the data. */
  readonly dataEnd?: number;
}

export interface ReadmissionOptions {
  /** Registration rule for admissions (default "harmonised"). */
  readonly registration?: Registration;
  /** Readmission window in days on the local wall clock (default 30). */
  readonly windowDays?: number;
  /** Data end (wall-clock minutes); default: the latest admitted_at in the data. */
  readonly dataEnd?: number;
  /**
   * Diagnoses excluded from counting as readmissions: groups, or plain prefix lists
   * (`["C", "D00-D09", "O", "S", "T"]`). Default: data/diagnosis-groups/readmission-exclusions.csv.
   */
  readonly exclusions?: readonly DiagnosisGroup[] | readonly string[];
  /** Date of death by patient (DeathTable.diedOnByPatient); null when no deaths are given. */
  readonly diedOnByPatient?: Int32Array | null;
}

export function checkNonNegative(name: string, value: number): number {
  if (!Number.isFinite(value) || value < 0) throw new RangeError(staysMessages.negativeOption(name, value));
  return value;
}
