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
 * Cost: one counting sort by patient, a short sort per patient, two linear scans over the sorted
 * positions (with the columns they read gathered into that order first) and one over the stays.
 */
import type { ContactTable } from "../contract/tables.js";
import { MISSING, dayOfMinutes } from "../contract/time.js";
import { ageCalculator } from "./ageOnDay.js";
import { elapsedAtLeast, elapsedAtMost } from "./elapsed.js";
import { sameContact, sortContactsOrIdentity } from "./sortContacts.js";
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
  // order null: the rows already are in order (position k is row k).
  const { order, offsets, patients } = sortContactsOrIdentity(contacts);
  // Pass 1 classifies each sorted position.
  const kind = new Uint8Array(n);
  const adm = contacts.admittedAt;
  const { firstContact, contactCount, start, endCol, anyInpatient, nStays, duplicates, censoredContacts, latest } = scanContacts(contacts, order, offsets, patients, kind, gap);
  const dataEnd = options.dataEnd ?? latest;

  // Pass 3: the first contact's columns; then age and admission. Rows in order: read through
  // firstContact (increasing). Else written to the stays in row order (firstContactColumns).
  const first = order === null ? null : firstContactColumns(contacts, firstContact);
  const acute = first !== null ? first.acute : gather(contacts.acute, firstContact);
  const municipality = first !== null ? first.municipality : null;
  const sex = first !== null ? first.sex : gather(contacts.sex, firstContact);
  const birth = contacts.birthDate;
  let minDay = Infinity;
  let maxDay = -Infinity;
  for (let i = 0; i < n; i++) {
    const b = birth[i];
    if (b < minDay) minDay = b;
  }
  if (latest !== MISSING) maxDay = dayOfMinutes(latest);
  const ageOn = ageCalculator(Number.isFinite(minDay) ? minDay : 0, Number.isFinite(maxDay) ? maxDay : 0);
  // rows out of order: the first contacts' births too (in order, read in the loop)
  const birthS = first !== null ? first.birth : null;
  const wideAge = new Int16Array(nStays);
  const admH = new Uint8Array(nStays);
  // "as-registered" admission = any inpatient contact: the same column, not a copy.
  const admR = anyInpatient;
  let bornAfterStart = false;
  let censoredStays = 0;
  let nH = 0;
  let nR = 0;
  for (let t = 0; t < nStays; t++) {
    const i = firstContact[t];
    const a = start !== null ? start[t] : adm[i];
    const b = birthS !== null ? birthS[t] : birth[i];
    const day = dayOfMinutes(a);
    if (b > day) bornAfterStart = true;
    wideAge[t] = ageOn(b, day);
    if (endCol[t] === MISSING) {
      censoredStays++;
      admH[t] = dataEnd !== MISSING && elapsedAtLeast(a, dataEnd, minAdmission) ? 1 : 0;
    } else {
      admH[t] = elapsedAtLeast(a, endCol[t], minAdmission) ? 1 : 0;
    }
    nH += admH[t];
    nR += admR[t];
  }
  // Narrow columns where the values allow (memory at national scale): counts, ages (none
  // negative and none above 255 when the span from the earliest birth to the latest admission is
  // under 255 years) and diagnosis indexes.
  const ageFitsByte = !bornAfterStart && (nStays === 0 || maxDay - minDay < 255 * 365);
  const age = ageFitsByte ? Uint8Array.from(wideAge) : wideAge;

  const stays = new Stays(
    {
      length: nStays,
      diagnosis: first !== null ? first.diagnosis : null,
      firstContact,
      contactCount,
      start,
      end: endCol,
      acute,
      anyInpatient,
      municipality,
      sex,
      age,
      admissionHarmonised: admH,
      admissionAsRegistered: admR,
    },
    contacts,
  );
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

/**
 * The StayTable with its columns that follow from others — `patient` and `diagnosis` (of the first
 * contact) and `censored` (end is MISSING) — as getters that build the column on first read
 * (then kept). A class, so that the getters are shared code on the prototype (no closure per table).
 */
class Stays implements StayTable {
  readonly length: number;
  readonly firstContact: Int32Array;
  readonly contactCount: Int32Array | Uint16Array | Uint8Array;
  readonly end: Int32Array;
  readonly acute: Uint8Array;
  readonly anyInpatient: Uint8Array;
  readonly sex: Uint8Array;
  readonly age: Int16Array | Uint8Array;
  readonly admissionHarmonised: Uint8Array;
  readonly admissionAsRegistered: Uint8Array;
  readonly #contacts: ContactTable;
  #patient: Int32Array | null = null;
  #diagnosis: Int32Array | Uint16Array | null = null;
  #censored: Uint8Array | null = null;
  /** Null when read from the contacts through firstContact (rows in order). */
  #start: Int32Array | null;
  #municipality: Int16Array | null;

  constructor(
    base: Omit<StayTable, "patient" | "diagnosis" | "censored" | "start" | "municipality"> & {
      readonly start: Int32Array | null;
      readonly municipality: Int16Array | null;
      readonly diagnosis: Int32Array | Uint16Array | null;
    },
    contacts: ContactTable,
  ) {
    this.length = base.length;
    this.firstContact = base.firstContact;
    this.contactCount = base.contactCount;
    this.#start = base.start;
    this.end = base.end;
    this.acute = base.acute;
    this.anyInpatient = base.anyInpatient;
    this.#municipality = base.municipality;
    this.#diagnosis = base.diagnosis;
    this.sex = base.sex;
    this.age = base.age;
    this.admissionHarmonised = base.admissionHarmonised;
    this.admissionAsRegistered = base.admissionAsRegistered;
    this.#contacts = contacts;
  }

  /** Where a column is read: `values[index[s]]`, or `values[s]` when index is null. */
  sourceOf(name: "start" | "municipality" | "diagnosis"): StaySource {
    if (name === "diagnosis") {
      // rows out of order (the stays have their own start column): the first contacts' diagnoses
      // are at random places of the contact table, and several tables read them, so they are
      // gathered once into a stay column; rows in order: read in sequence through firstContact
      if (this.#diagnosis !== null || this.#start !== null) return { values: this.diagnosis, index: null };
      return { values: this.#contacts.diagnosis, index: this.firstContact };
    }
    const own = name === "start" ? this.#start : this.#municipality;
    if (own !== null) return { values: own, index: null };
    return { values: name === "start" ? this.#contacts.admittedAt : this.#contacts.municipality, index: this.firstContact };
  }

  get start(): Int32Array {
    if (this.#start === null) {
      const a = new Int32Array(this.length);
      const from = this.#contacts.admittedAt;
      for (let s = 0; s < a.length; s++) a[s] = from[this.firstContact[s]];
      this.#start = a;
    }
    return this.#start;
  }

  get municipality(): Int16Array {
    if (this.#municipality === null) {
      const a = new Int16Array(this.length);
      const from = this.#contacts.municipality;
      for (let s = 0; s < a.length; s++) a[s] = from[this.firstContact[s]];
      this.#municipality = a;
    }
    return this.#municipality;
  }

  get patient(): Int32Array {
    if (this.#patient === null) {
      const a = new Int32Array(this.length);
      const from = this.#contacts.patient;
      for (let s = 0; s < a.length; s++) a[s] = from[this.firstContact[s]];
      this.#patient = a;
    }
    return this.#patient;
  }

  get diagnosis(): Int32Array | Uint16Array {
    if (this.#diagnosis === null) {
      const a = this.#contacts.diagnoses.length <= 65536 ? new Uint16Array(this.length) : new Int32Array(this.length);
      const from = this.#contacts.diagnosis;
      for (let s = 0; s < a.length; s++) a[s] = from[this.firstContact[s]];
      this.#diagnosis = a;
    }
    return this.#diagnosis;
  }

  get censored(): Uint8Array {
    if (this.#censored === null) {
      const a = new Uint8Array(this.length);
      for (let s = 0; s < a.length; s++) a[s] = this.end[s] === MISSING ? 1 : 0;
      this.#censored = a;
    }
    return this.#censored;
  }
}

/**
 * Passes 1 and 2 of buildStays over the sorted positions (`kind` filled in): duplicates,
 * continuations and new stays, then each stay's first contact, start (null when the rows are in
 * order), end, contact count and "any inpatient contact". A function of its own, so that the
 * gathered columns are garbage once it returns.
 */
function scanContacts(contacts: ContactTable, order: Int32Array | null, offsets: Int32Array, patients: number, kind: Uint8Array, gap: number) {
  const n = contacts.length;
  const adm = contacts.admittedAt;
  const dis = contacts.dischargedAt;
  // Rows out of order (a file not grouped by patient): admitted_at and discharged_at are first put
  // into sorted order, so the scans below read them in sequence. Read inside the scans, each was
  // a cache miss of its own (issue 16: on the shuffled national bench file, 5.2 s for this
  // function against 1.3 s on the file grouped by patient). They are scattered through the
  // inverse of the sort (timesInOrder), which reads in sequence and writes at random: the processor
  // does not wait for a write, and it does for a read (a gather through the sort itself).
  const sorted = order === null ? null : timesInOrder(contacts, inversePermutation(order));
  const admS = sorted === null ? adm : sorted.admitted;
  const disS = sorted === null ? dis : sorted.discharged;
  const rowAt = (k: number): number => (order === null ? k : order[k]);

  // Pass 1: classify each sorted position as duplicate, continuation, or start of a new stay.
  let duplicates = 0;
  let inStay = 0;
  let maxInStay = n > 0 ? 1 : 0;
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
      const a = admS[k];
      const d = disS[k];
      // Exact duplicates share admitted_at and discharged_at, so they sit in one run.
      let dup = false;
      for (let j = k - 1; j >= lo; j--) {
        if (admS[j] !== a || disS[j] !== d) break;
        if (kind[j] !== DUP && sameContact(contacts, rowAt(j), rowAt(k))) {
          dup = true;
          break;
        }
      }
      if (dup) {
        kind[k] = DUP;
        duplicates++;
        continue;
      }
      if (a > latest) latest = a;
      if (d === MISSING) censoredContacts++;
      if (open && (endOpen || elapsedAtMost(end, a, gap))) {
        kind[k] = CONTINUE;
        if (++inStay > maxInStay) maxInStay = inStay;
      } else {
        kind[k] = NEW;
        nStays++;
        open = true;
        endOpen = false;
        end = a;
        inStay = 1;
      }
      if (d === MISSING) endOpen = true;
      else if (d > end) end = d;
    }
  }

  // Pass 2: each stay's first contact, start, end, contact count and "any inpatient contact".
  const firstContact = new Int32Array(nStays);
  const contactCount = maxInStay <= 255 ? new Uint8Array(nStays) : maxInStay <= 65535 ? new Uint16Array(nStays) : new Int32Array(nStays);
  // Rows already in order (no sort was needed): the stays' first contacts are in increasing row
  // order, so start and municipality are read from the contacts through firstContact (a
  // sequential read) instead of being copied — two columns less at national scale.
  const viaFirst = order === null;
  const start = viaFirst ? null : new Int32Array(nStays);
  const endCol = new Int32Array(nStays);
  const anyInpatient = new Uint8Array(nStays);
  const inpatientS = sorted === null ? contacts.inpatient : sorted.inpatient;
  let s = -1;
  for (let k = 0; k < n; k++) {
    const kd = kind[k];
    if (kd === DUP) continue;
    if (kd === NEW) {
      s++;
      firstContact[s] = rowAt(k);
      if (start !== null) start[s] = admS[k];
      endCol[s] = admS[k];
    }
    contactCount[s]++;
    if (inpatientS[k]) anyInpatient[s] = 1;
    // A contact without discharge makes the stay censored: its end stays MISSING.
    const d = disS[k];
    const e = endCol[s];
    if (d === MISSING) endCol[s] = MISSING;
    else if (e !== MISSING && d > e) endCol[s] = d;
  }

  return { firstContact, contactCount, start, endCol, anyInpatient, nStays, duplicates, censoredContacts, latest };
}

/**
 * Rows out of order: the first contact's acute flag, municipality, sex, birth date and diagnosis
 * of every stay. Each stay's number is written at its first contact's row (random writes), then
 * the contact columns are read in row order and each first contact's values written to its stay
 * (random writes again): no read at a random place, which on rows out of order is a cache miss the
 * processor waits for (a write it does not wait for). The diagnoses are taken here too, as every
 * indicator set reads them (a gather through firstContact later took 0.7 s on the shuffled national
 * bench file). One loop with a variable per column, so that every array access sees one array type.
 */
function firstContactColumns(contacts: ContactTable, firstContact: Int32Array) {
  const n = contacts.length;
  const m = firstContact.length;
  const stayOfRow = new Int32Array(n).fill(-1);
  for (let s = 0; s < m; s++) stayOfRow[firstContact[s]] = s;
  const { acute, municipality, sex, birthDate, diagnosis } = contacts;
  const acuteF = new Uint8Array(m);
  const municipalityF = new Int16Array(m);
  const sexF = new Uint8Array(m);
  const birthF = new Int32Array(m);
  for (let i = 0; i < n; i++) {
    const s = stayOfRow[i];
    if (s < 0) continue;
    acuteF[s] = acute[i];
    municipalityF[s] = municipality[i];
    sexF[s] = sex[i];
    birthF[s] = birthDate[i];
  }
  const diagnosisF = contacts.diagnoses.length <= 65536 ? new Uint16Array(m) : new Int32Array(m);
  for (let i = 0; i < n; i++) {
    const s = stayOfRow[i];
    if (s >= 0) diagnosisF[s] = diagnosis[i];
  }
  return { acute: acuteF, municipality: municipalityF, sex: sexF, birth: birthF, diagnosis: diagnosisF };
}

/** The inverse of a permutation: `inverse[order[k]] = k`. */
function inversePermutation(order: Int32Array): Int32Array {
  const inverse = new Int32Array(order.length);
  for (let k = 0; k < order.length; k++) inverse[order[k]] = k;
  return inverse;
}

/**
 * admitted_at, discharged_at and the inpatient flag in sorted order — what gathers through the
 * order would give — written through the inverse permutation: `out[inverse[j]] = column[j]`.
 * (A microbenchmark of four 16.6 M-row columns in random order: 0.27–0.33 s scattered against
 * 1.33–1.40 s gathered.)
 */
function timesInOrder(contacts: ContactTable, inverse: Int32Array) {
  const n = inverse.length;
  const { admittedAt, dischargedAt, inpatient } = contacts;
  const admitted = new Int32Array(n);
  const discharged = new Int32Array(n);
  const inpatientS = new Uint8Array(n);
  for (let j = 0; j < n; j++) {
    const k = inverse[j];
    admitted[k] = admittedAt[j];
    discharged[k] = dischargedAt[j];
    inpatientS[k] = inpatient[j];
  }
  return { admitted, discharged, inpatient: inpatientS };
}

/** `values` read at `index`, into a new array of the same type (a gather: reads in flight together). */
function gather<T extends Int32Array | Int16Array | Uint8Array>(values: T, index: Int32Array): T {
  const out = new (values.constructor as new (n: number) => T)(index.length);
  for (let k = 0; k < index.length; k++) out[k] = values[index[k]];
  return out;
}

/** Where a stay column is read from: `values[index[s]]`, or `values[s]` when index is null. */
export interface StaySource {
  readonly values: Int32Array | Int16Array | Uint16Array;
  readonly index: Int32Array | null;
}

/**
 * Where to read the stays' start, municipality or diagnosis (of the first contact) in a hot loop:
 * the stay column, or (when the StayTable reads it from the contacts) the contact column through
 * firstContact — without building the column. `values[index === null ? s : index[s]]` is the
 * value of stay s.
 */
export function staySource(stays: StayTable, name: "start" | "municipality" | "diagnosis"): StaySource {
  if (stays instanceof Stays) return stays.sourceOf(name);
  return { values: stays[name], index: null };
}

/**
 * The patient and referral source of the first contact of each listed stay (`stay[j]`). When the
 * stays read their start from the contacts (rows in patient order), the first contacts lie in row
 * order and are read through firstContact. Otherwise they lie at random places of the contact
 * table: each listed stay's index is written at its first contact's row and the two columns are
 * read in row order (writes at random, which the processor does not wait for, instead of reads).
 */
export function firstContactPatientReferral(stays: StayTable, contacts: ContactTable, stay: Int32Array): { readonly patient: Int32Array; readonly referral: Int8Array } {
  const m = stay.length;
  const patient = new Int32Array(m);
  const referral = new Int8Array(m);
  const first = stays.firstContact;
  if (staySource(stays, "start").index !== null) {
    for (let j = 0; j < m; j++) {
      const i = first[stay[j]];
      patient[j] = contacts.patient[i];
      referral[j] = contacts.referral[i];
    }
    return { patient, referral };
  }
  const n = contacts.length;
  const listedAt = new Int32Array(n).fill(-1);
  for (let j = 0; j < m; j++) listedAt[first[stay[j]]] = j;
  const pat = contacts.patient;
  const ref = contacts.referral;
  for (let i = 0; i < n; i++) {
    const j = listedAt[i];
    if (j < 0) continue;
    patient[j] = pat[i];
    referral[j] = ref[i];
  }
  return { patient, referral };
}
