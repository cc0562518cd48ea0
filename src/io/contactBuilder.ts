/**
 * Builds the columnar ContactTable row by row: growing typed arrays and dictionary-encoded text.
 * Exact duplicates are found once all rows are in (`removeDuplicates`): the rows grouped by
 * patient (contract/patientOrder), each patient's rows ordered by admission time (ties in file order), and rows
 * with equal patient and admission time compared column by column — no per-row hashing and no
 * hash table the size of the file. Used by both the byte-level fast path and the zod row path,
 * so both produce the same table.
 */

import type { ContactTable } from "../contract/tables.js";
import { groupRowsByTime, type PatientOrder } from "../contract/patientOrder.js";
import { ByteKeyedDictionary, StringDictionary } from "./dictionary.js";

/**
 * Patient ids to make room for per contact row when a load sizes its patient dictionary from the
 * file size (about three contacts per patient; the dictionary grows beyond that).
 */
export const PATIENTS_PER_ROW = 0.3;

/** The birth dates (days since 1970-01-01) an Int16Array column holds: 1880-04-14 to 2059-09-18. */
const BIRTH_INT16_MIN = -32768;
const BIRTH_INT16_MAX = 32767;
/** The largest hospital index an Int16Array column holds (−1 marks "not given"). */
const HOSPITAL_INT16_MAX = 32767;
/** The largest diagnosis index a Uint16Array column holds. */
const DIAGNOSIS_UINT16_MAX = 65535;

/** Any column type a ContactBuilder holds. */
type Column = Int32Array | Int16Array | Uint16Array | Uint8Array | Int8Array | Float32Array | Float64Array;

/** The typed columns of a ContactBuilder (text columns as dictionary indexes). */
export interface ContactColumns {
  readonly patient: Int32Array;
  /** Int16Array while every date is from 1880-04-14 to 2059-09-18. */
  readonly birthDate: Int16Array | Int32Array;
  readonly sex: Uint8Array;
  readonly municipality: Int16Array;
  /** Int16Array until an index passes 32,767 (contract/tables.ts). */
  readonly hospital: Int16Array | Int32Array;
  readonly admittedAt: Int32Array;
  readonly dischargedAt: Int32Array;
  readonly acute: Uint8Array;
  readonly inpatient: Uint8Array;
  /** Uint16Array until an index passes 65,535. */
  readonly diagnosis: Uint16Array | Int32Array;
  readonly referral: Int8Array;
  /** Float32Array while every value is exactly a 32-bit float (NaN included), else Float64Array. */
  readonly cost: Float32Array | Float64Array;
  readonly sourceLine: Int32Array;
}

export class ContactBuilder implements ContactColumns {
  length = 0;
  private cap: number;
  patient: Int32Array;
  birthDate: Int16Array | Int32Array;
  sex: Uint8Array;
  municipality: Int16Array;
  hospital: Int16Array | Int32Array;
  admittedAt: Int32Array;
  dischargedAt: Int32Array;
  acute: Uint8Array;
  inpatient: Uint8Array;
  diagnosis: Uint16Array | Int32Array;
  referral: Int8Array;
  cost: Float32Array | Float64Array;
  sourceLine: Int32Array;
  readonly patients: ByteKeyedDictionary;
  readonly hospitals = new StringDictionary();
  readonly diagnoses = new StringDictionary();
  /**
   * Rows by patient, each patient's rows by admission time (ties in row order), as
   * `removeDuplicates` left them when it removed nothing (null otherwise): reused by the
   * overlap check instead of sorting again.
   */
  byPatient: PatientOrder | null = null;

  /**
   * `patientRuns`: patient ids kept as a list of runs (ByteKeyedDictionary `lookup: false`), as a
   * parser thread does. `float64Cost`: the cost column is a Float64Array from the start (a
   * register load whose course prices are shared out later, as fractions, into that column).
   */
  constructor(capacity = 1 << 14, patientRuns = false, float64Cost = false) {
    this.patients = new ByteKeyedDictionary({ lookup: !patientRuns });
    this.cap = Math.max(16, Math.ceil(capacity));
    const c = this.cap;
    this.patient = new Int32Array(c);
    this.birthDate = new Int16Array(c);
    this.sex = new Uint8Array(c);
    this.municipality = new Int16Array(c);
    this.hospital = new Int16Array(c);
    this.admittedAt = new Int32Array(c);
    this.dischargedAt = new Int32Array(c);
    this.acute = new Uint8Array(c);
    this.inpatient = new Uint8Array(c);
    this.diagnosis = new Uint16Array(c);
    this.referral = new Int8Array(c);
    this.cost = float64Cost ? new Float64Array(c) : new Float32Array(c);
    this.sourceLine = new Int32Array(c);
  }

  /** Make room for at least `n` rows in all (e.g. estimated from the file size). */
  reserve(n: number): void {
    if (n > this.cap) this.grow(Math.ceil(n));
  }

  private grow(target = Math.ceil(this.cap * 1.5) + 16): void {
    const c = target;
    const g = <T extends Column>(a: T, make: (n: number) => T): T => {
      const b = make(c);
      b.set(a as never);
      return b;
    };
    const same = <T extends Column>(a: T): T => g(a, (n) => new (a.constructor as new (n: number) => T)(n));
    this.patient = g(this.patient, (n) => new Int32Array(n));
    this.birthDate = same(this.birthDate);
    this.sex = g(this.sex, (n) => new Uint8Array(n));
    this.municipality = g(this.municipality, (n) => new Int16Array(n));
    this.hospital = same(this.hospital);
    this.admittedAt = g(this.admittedAt, (n) => new Int32Array(n));
    this.dischargedAt = g(this.dischargedAt, (n) => new Int32Array(n));
    this.acute = g(this.acute, (n) => new Uint8Array(n));
    this.inpatient = g(this.inpatient, (n) => new Uint8Array(n));
    this.diagnosis = same(this.diagnosis);
    this.referral = g(this.referral, (n) => new Int8Array(n));
    this.cost = same(this.cost);
    this.sourceLine = g(this.sourceLine, (n) => new Int32Array(n));
    this.cap = c;
  }

  /** The birth date column as an Int32Array (a date outside 1880-04-14 … 2059-09-18 is coming). */
  private widenBirth(): void {
    this.birthDate = Int32Array.from(this.birthDate);
  }

  /** The hospital column as an Int32Array (a hospital index above 32,767 is coming). */
  private widenHospital(): void {
    this.hospital = Int32Array.from(this.hospital);
  }

  /** The diagnosis column as an Int32Array (a diagnosis index above 65,535 is coming). */
  private widenDiagnosis(): void {
    this.diagnosis = Int32Array.from(this.diagnosis);
  }

  /** The cost column as a Float64Array (a value that is not exactly a 32-bit float is coming). */
  private widenCost(): void {
    this.cost = Float64Array.from(this.cost);
  }

  /**
   * Make the text columns wide enough for indexes below `hospitals` and `diagnoses` (dictionary
   * sizes), before indexes are written into them directly (a parser thread's rows merged).
   */
  reserveIndexes(hospitals: number, diagnoses: number): void {
    if (hospitals - 1 > HOSPITAL_INT16_MAX && this.hospital instanceof Int16Array) this.widenHospital();
    if (diagnoses - 1 > DIAGNOSIS_UINT16_MAX && this.diagnosis instanceof Uint16Array) this.widenDiagnosis();
  }

  private equalRows(a: number, b: number): boolean {
    const ca = this.cost[a];
    const cb = this.cost[b];
    return (
      this.patient[a] === this.patient[b] &&
      this.admittedAt[a] === this.admittedAt[b] &&
      this.dischargedAt[a] === this.dischargedAt[b] &&
      this.birthDate[a] === this.birthDate[b] &&
      this.sex[a] === this.sex[b] &&
      this.municipality[a] === this.municipality[b] &&
      this.hospital[a] === this.hospital[b] &&
      this.acute[a] === this.acute[b] &&
      this.inpatient[a] === this.inpatient[b] &&
      this.diagnosis[a] === this.diagnosis[b] &&
      this.referral[a] === this.referral[b] &&
      (ca === cb || (ca !== ca && cb !== cb))
    );
  }

  /** Append a validated row (text already dictionary-encoded). */
  push(
    patient: number,
    birthDate: number,
    sex: number,
    municipality: number,
    hospital: number,
    admittedAt: number,
    dischargedAt: number,
    acute: number,
    inpatient: number,
    diagnosis: number,
    referral: number,
    cost: number,
    line: number,
  ): void {
    if (this.length === this.cap) this.grow();
    // the value tests first: the type tests run only for a value a narrow column cannot hold
    if ((birthDate > BIRTH_INT16_MAX || birthDate < BIRTH_INT16_MIN) && this.birthDate instanceof Int16Array) this.widenBirth();
    if (hospital > HOSPITAL_INT16_MAX && this.hospital instanceof Int16Array) this.widenHospital();
    if (diagnosis > DIAGNOSIS_UINT16_MAX && this.diagnosis instanceof Uint16Array) this.widenDiagnosis();
    if (Math.fround(cost) !== cost && cost === cost && this.cost instanceof Float32Array) this.widenCost();
    const n = this.length;
    this.patient[n] = patient;
    this.birthDate[n] = birthDate;
    this.sex[n] = sex;
    this.municipality[n] = municipality;
    this.hospital[n] = hospital;
    this.admittedAt[n] = admittedAt;
    this.dischargedAt[n] = dischargedAt;
    this.acute[n] = acute;
    this.inpatient[n] = inpatient;
    this.diagnosis[n] = diagnosis;
    this.referral[n] = referral;
    this.cost[n] = cost;
    this.sourceLine[n] = line;
    this.length = n + 1;
  }

  /**
   * Append rows [from, to) of another set of columns (e.g. a parser thread's), copied as they are
   * — the caller maps their dictionary indexes — with source lines shifted by `lineOffset`.
   * Returns the index of the first row appended.
   */
  appendRows(src: ContactColumns, from: number, to: number, lineOffset: number): number {
    const at = this.length;
    const n = to - from;
    if (at + n > this.cap) this.grow(Math.max(at + n, Math.ceil(this.cap * 1.5) + 16));
    // A wider column in the source may hold values the narrow one cannot.
    if (src.birthDate instanceof Int32Array && this.birthDate instanceof Int16Array) this.widenBirth();
    if (src.hospital instanceof Int32Array && this.hospital instanceof Int16Array) this.widenHospital();
    if (src.diagnosis instanceof Int32Array && this.diagnosis instanceof Uint16Array) this.widenDiagnosis();
    if (src.cost instanceof Float64Array && this.cost instanceof Float32Array) this.widenCost();
    this.patient.set(src.patient.subarray(from, to), at);
    this.birthDate.set(src.birthDate.subarray(from, to), at);
    this.sex.set(src.sex.subarray(from, to), at);
    this.municipality.set(src.municipality.subarray(from, to), at);
    this.hospital.set(src.hospital.subarray(from, to), at);
    this.admittedAt.set(src.admittedAt.subarray(from, to), at);
    this.dischargedAt.set(src.dischargedAt.subarray(from, to), at);
    this.acute.set(src.acute.subarray(from, to), at);
    this.inpatient.set(src.inpatient.subarray(from, to), at);
    this.diagnosis.set(src.diagnosis.subarray(from, to), at);
    this.referral.set(src.referral.subarray(from, to), at);
    this.cost.set(src.cost.subarray(from, to), at);
    const lines = this.sourceLine;
    const srcLines = src.sourceLine;
    for (let i = 0; i < n; i++) lines[at + i] = srcLines[from + i] + lineOffset;
    this.length = at + n;
    return at;
  }

  /**
   * Remove every row that exactly duplicates an earlier row (all columns equal; the earlier row
   * stays). Returns the removed rows' source lines and those of the rows they repeat, in line
   * order. Method: counting sort by patient, each patient's rows by admission time (ties in row
   * order), then the rows of a run with equal admission time compared column by column.
   */
  removeDuplicates(): { lines: number[]; refs: number[] } {
    const n = this.length;
    const nP = this.patients.size;
    const pat = this.patient;
    const adm = this.admittedAt;
    // Rows of a patient by admission time, ties in row order; `admitted` their times in that order.
    const { start, order, admitted } = groupRowsByTime(pat, adm, n, nP);
    const byPatient: PatientOrder = { start, order };
    const pairs: number[] = [];
    let isDup: Uint8Array | null = null;
    for (let p = 0; p < nP; p++) {
      const a = start[p];
      const b = start[p + 1];
      if (b - a < 2) continue;
      for (let i = a; i < b; ) {
        let j = i + 1;
        while (j < b && admitted[j] === admitted[i]) j++;
        for (let x = i + 1; x < j; x++) {
          const r = order[x];
          for (let y = i; y < x; y++) {
            const q = order[y];
            if ((isDup === null || isDup[q] === 0) && this.equalRows(q, r)) {
              if (isDup === null) isDup = new Uint8Array(n);
              isDup[r] = 1;
              pairs.push(this.sourceLine[r], this.sourceLine[q]);
              break;
            }
          }
        }
        i = j;
      }
    }
    const lines: number[] = [];
    const refs: number[] = [];
    if (isDup === null) {
      this.byPatient = byPatient;
      return { lines, refs };
    }
    const idx = Array.from({ length: pairs.length / 2 }, (_, k) => k).sort((x, y) => pairs[2 * x] - pairs[2 * y]);
    for (const k of idx) {
      lines.push(pairs[2 * k]);
      refs.push(pairs[2 * k + 1]);
    }
    const keep = isDup;
    const compact = <T extends Column>(arr: T): void => {
      let w = 0;
      for (let r = 0; r < n; r++) if (keep[r] === 0) arr[w++] = arr[r];
    };
    compact(this.patient);
    compact(this.birthDate);
    compact(this.sex);
    compact(this.municipality);
    compact(this.hospital);
    compact(this.admittedAt);
    compact(this.dischargedAt);
    compact(this.acute);
    compact(this.inpatient);
    compact(this.diagnosis);
    compact(this.referral);
    compact(this.cost);
    compact(this.sourceLine);
    this.length = n - lines.length;
    return { lines, refs };
  }

  /** The finished table (arrays trimmed to length). */
  finish(): ContactTable {
    const n = this.length;
    const tight = n >= this.cap * 0.8; // else copy, to free the unused tail
    const cut = <T extends Column>(a: T): T =>
      (tight ? a.subarray(0, n) : a.slice(0, n)) as T;
    return {
      length: n,
      patient: cut(this.patient),
      patientIds: this.patients.frozenList(),
      birthDate: cut(this.birthDate),
      sex: cut(this.sex),
      municipality: cut(this.municipality),
      hospital: cut(this.hospital),
      hospitals: this.hospitals.list,
      admittedAt: cut(this.admittedAt),
      dischargedAt: cut(this.dischargedAt),
      acute: cut(this.acute),
      inpatient: cut(this.inpatient),
      diagnosis: cut(this.diagnosis),
      diagnoses: this.diagnoses.list,
      referral: cut(this.referral),
      cost: cut(this.cost),
      sourceLine: cut(this.sourceLine),
    };
  }
}
