/**
 * Admissions and 30-day readmission links.
 *
 * Method (danish-context.md; issue 3): an admission is a stay of ≥ 12 h ("harmonised") or a stay
 * with an inpatient contact ("as-registered"). An index admission is an admission (acute or
 * planned) that is discharged, whose patient is alive at discharge (no death on or before the
 * discharge date) and that has at least `windowDays` of data after its discharge (discharge +
 * window ≤ data end, wall clock). A readmission is an acute admission of the same patient that
 * starts more than 0 and at most `windowDays` × 1440 wall-clock minutes after the index discharge
 * and whose primary diagnosis is not excluded. An admission can be both a readmission and an index.
 *
 * Cost: one linear scan over the admissions with a short look-ahead per index.
 */
import type { ContactTable } from "../contract/tables.js";
import { MINUTES_PER_DAY, MISSING, dayOfMinutes } from "../contract/time.js";
import { firstContactPatientReferral, staySource } from "./buildStays.js";
import { groupIndexByDiagnosis } from "./diagnosisGroups.js";
import { staysMessages } from "./messages.js";
import { resolveExclusions } from "./readmissionExclusions.js";
import { checkNonNegative, type ReadmissionOptions } from "./stayOptions.js";
import { isRegistration, type AdmissionTable, type StayTable } from "./stayTable.js";

/**
 * Select the admissions among the stays under one registration rule and link readmissions.
 * `latestAdmittedAt` (StaysReport) is the default data end.
 * @example
 * const { stays, report } = buildStays(dataset.contacts);
 * const admissions = linkReadmissions(stays, dataset.contacts, report.latestAdmittedAt, { windowDays: 30 });
 */
export function linkReadmissions(
  stays: StayTable,
  contacts: ContactTable,
  latestAdmittedAt: number,
  options: ReadmissionOptions = {},
): AdmissionTable {
  const registration = options.registration ?? "harmonised";
  if (!isRegistration(registration)) throw new RangeError(staysMessages.unknownRegistration(String(registration)));
  const window = checkNonNegative("windowDays", options.windowDays ?? 30) * MINUTES_PER_DAY;
  const dataEnd = options.dataEnd ?? latestAdmittedAt;
  const excludedByDx = groupIndexByDiagnosis(contacts.diagnoses, resolveExclusions(options.exclusions));
  const died = options.diedOnByPatient ?? null;
  const flag = registration === "harmonised" ? stays.admissionHarmonised : stays.admissionAsRegistered;

  let m = 0;
  for (let s = 0; s < stays.length; s++) m += flag[s];
  const stay = new Int32Array(m);
  for (let s = 0, j = 0; s < stays.length; s++) if (flag[s]) stay[j++] = s;
  const index = new Uint8Array(m);
  const readmitted = new Uint8Array(m);
  const readmission = new Uint8Array(m);
  // Patient and diagnosis of a stay: those of its first contact (the patient per admission, read in
  // row order when the rows are out of patient order; the diagnosis a stay column then).
  const patientOf = firstContactPatientReferral(stays, contacts, stay).patient;
  const dSrc = staySource(stays, "diagnosis");
  const diagnosisValues = dSrc.values;
  const diagnosisIndex = dSrc.index;
  // Start: the stay column, or the contacts' admitted_at through firstContact (staySource).
  const startSrc = staySource(stays, "start");
  const startValues = startSrc.values;
  const startIndex = startSrc.index;
  const end = stays.end;

  for (let j = 0; j < m; j++) {
    const s = stay[j];
    const e = end[s];
    if (e === MISSING) continue;
    if (dataEnd === MISSING || e + window > dataEnd) continue;
    if (died !== null) {
      const dd = died[patientOf[j]];
      if (dd !== undefined && dd !== MISSING && dd <= dayOfMinutes(e)) continue;
    }
    index[j] = 1;
    const p = patientOf[j];
    for (let k = j + 1; k < m; k++) {
      const t = stay[k];
      if (patientOf[k] !== p) break;
      const gap = startValues[startIndex === null ? t : startIndex[t]] - e;
      if (gap > window) break;
      if (gap <= 0) continue;
      if (!stays.acute[t] || excludedByDx[diagnosisValues[diagnosisIndex === null ? t : diagnosisIndex[t]]] >= 0) continue;
      readmitted[j] = 1;
      readmission[k] = 1;
    }
  }
  return { length: m, registration, stay, index, readmitted, readmission, dataEnd };
}
