/**
 * Contacts → stays (the hot path; typed arrays, no object per contact).
 *
 * Method (Sundhedsdatastyrelsen's national definition, danish-context.md): contacts of one
 * patient that overlap or lie at most 4 hours apart (next admitted_at ≤ previous discharged_at +
 * 4 h, elapsed time, daylight-saving aware) form one stay; "previous discharged_at" is the latest
 * discharge so far in the stay, so overlapping contacts are merged. A stay starts at its first
 * admitted_at and ends at its latest discharged_at; it is acute when its first contact is acute
 * and takes municipality, sex and age (completed years at the start) from its first contact.
 * A contact without discharge (still admitted at extraction) makes its stay censored: it absorbs
 * every later contact of the patient and is kept and counted, never dropped. Exact duplicate
 * contacts are counted once and reported.
 *
 * Cost: one counting sort by patient, a short sort per patient, two linear scans.
 */
import type { ContactTable } from "../contract/tables.js";
import { MISSING, dayOfMinutes } from "../contract/time.js";
import { ageCalculator } from "./ageOnDay.js";
import { elapsedAtLeast, elapsedAtMost } from "./elapsed.js";
import { sameContact, sortContacts } from "./sortContacts.js";
import { checkNonNegative, type StayOptions } from "./stayOptions.js";
import type { StaysReport, StayTable } from "./stayTable.js";

export interface StaysResult {
  readonly stays: StayTable;
  readonly report: StaysReport;
}

const DUP = 0;
const CONTINUE = 1;
const NEW = 2;

/**
 * Merge the contacts of a ContactTable into stays.
 * @example buildStays(dataset.contacts).report.stays
 */
export function buildStays(contacts: ContactTable, options: StayOptions = {}): StaysResult {
  const gap = checkNonNegative("maxGapMinutes", options.maxGapMinutes ?? 240);
  const minAdmission = checkNonNegative("admissionMinMinutes", options.admissionMinMinutes ?? 720);
  const n = contacts.length;
  const { order, offsets, patients } = sortContacts(contacts);
  const adm = contacts.admittedAt;
  const dis = contacts.dischargedAt;

  // Pass 1: classify each sorted position as duplicate, continuation, or start of a new stay.
  const kind = new Uint8Array(n);
  let duplicates = 0;
  let nStays = 0;
  let censoredContacts = 0;
  let latest = MISSING;
  for (let p = 0; p < patients; p++) {
    const lo = offsets[p];
    const hi = offsets[p + 1];
    let open = false;
    let end = 0;
    let endOpen = false;
    for (let k = lo; k < hi; k++) {
      const i = order[k];
      // Exact duplicates share admitted_at and discharged_at, so they sit in one run.
      let dup = false;
      for (let j = k - 1; j >= lo && adm[order[j]] === adm[i] && dis[order[j]] === dis[i]; j--) {
        if (kind[j] !== DUP && sameContact(contacts, order[j], i)) {
          dup = true;
          break;
        }
      }
      if (dup) {
        kind[k] = DUP;
        duplicates++;
        continue;
      }
      const a = adm[i];
      const d = dis[i];
      if (a > latest) latest = a;
      if (d === MISSING) censoredContacts++;
      if (open && (endOpen || elapsedAtMost(end, a, gap))) {
        kind[k] = CONTINUE;
      } else {
        kind[k] = NEW;
        nStays++;
        open = true;
        endOpen = false;
        end = a;
      }
      if (d === MISSING) endOpen = true;
      else if (d > end) end = d;
    }
  }
  const dataEnd = options.dataEnd ?? latest;

  // Pass 2: fill the stay columns.
  let minDay = Infinity;
  let maxDay = -Infinity;
  for (let i = 0; i < n; i++) {
    const b = contacts.birthDate[i];
    if (b < minDay) minDay = b;
  }
  if (latest !== MISSING) maxDay = dayOfMinutes(latest);
  const ageOn = ageCalculator(Number.isFinite(minDay) ? minDay : 0, Number.isFinite(maxDay) ? maxDay : 0);
  const patient = new Int32Array(nStays);
  const firstContact = new Int32Array(nStays);
  const contactCount = new Int32Array(nStays);
  const start = new Int32Array(nStays);
  const endCol = new Int32Array(nStays);
  const acute = new Uint8Array(nStays);
  const anyInpatient = new Uint8Array(nStays);
  const censored = new Uint8Array(nStays);
  const municipality = new Int16Array(nStays);
  const sex = new Uint8Array(nStays);
  const age = new Int16Array(nStays);
  const diagnosis = new Int32Array(nStays);
  const admH = new Uint8Array(nStays);
  // "as-registered" admission = any inpatient contact: the same column, not a copy.
  const admR = anyInpatient;
  let s = -1;
  let censoredStays = 0;
  let nH = 0;
  let nR = 0;
  const finish = (t: number): void => {
    if (censored[t]) {
      endCol[t] = MISSING;
      censoredStays++;
      admH[t] = dataEnd !== MISSING && elapsedAtLeast(start[t], dataEnd, minAdmission) ? 1 : 0;
    } else {
      admH[t] = elapsedAtLeast(start[t], endCol[t], minAdmission) ? 1 : 0;
    }
    nH += admH[t];
    nR += admR[t];
  };
  for (let k = 0; k < n; k++) {
    const kd = kind[k];
    if (kd === DUP) continue;
    const i = order[k];
    if (kd === NEW) {
      if (s >= 0) finish(s);
      s++;
      patient[s] = contacts.patient[i];
      firstContact[s] = i;
      start[s] = adm[i];
      endCol[s] = adm[i];
      acute[s] = contacts.acute[i];
      municipality[s] = contacts.municipality[i];
      sex[s] = contacts.sex[i];
      diagnosis[s] = contacts.diagnosis[i];
      age[s] = ageOn(contacts.birthDate[i], dayOfMinutes(adm[i]));
    }
    contactCount[s]++;
    if (contacts.inpatient[i]) anyInpatient[s] = 1;
    const d = dis[i];
    if (d === MISSING) censored[s] = 1;
    else if (d > endCol[s]) endCol[s] = d;
  }
  if (s >= 0) finish(s);

  const stays: StayTable = {
    length: nStays,
    patient,
    firstContact,
    contactCount,
    start,
    end: endCol,
    acute,
    anyInpatient,
    censored,
    municipality,
    sex,
    age,
    diagnosis,
    admissionHarmonised: admH,
    admissionAsRegistered: admR,
  };
  let withContacts = 0;
  for (let p = 0; p < patients; p++) if (offsets[p + 1] > offsets[p]) withContacts++;
  const report: StaysReport = {
    contactsIn: n,
    duplicates,
    contactsUsed: n - duplicates,
    censoredContacts,
    censoredStays,
    stays: nStays,
    patients: withContacts,
    admissionsHarmonised: nH,
    admissionsAsRegistered: nR,
    latestAdmittedAt: latest,
  };
  return { stays, report };
}
