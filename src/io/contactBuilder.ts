/**
 * Builds the columnar ContactTable row by row: growing typed arrays, dictionary-encoded text,
 * and exact-duplicate detection by a hash of the row's canonical values (open addressing over an
 * Int32Array; equal hashes are confirmed column by column). Used by both the byte-level fast path
 * and the zod row path, so both produce the same table.
 */

import type { ContactTable } from "../contract/tables.js";
import { StringDictionary } from "./dictionary.js";

const f64 = new Float64Array(1);
const i32 = new Int32Array(f64.buffer);

function fmix(h: number): number {
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  return h ^ (h >>> 16);
}
function mix(h: number, v: number): number {
  return Math.imul(h ^ v, 0x9e3779b1) + 0x7f4a7c15;
}

/** Hash of a row's canonical values (codes packed: sex, acute, inpatient, referral). */
function hashValues(
  patient: number,
  birthDate: number,
  codes: number,
  municipality: number,
  hospital: number,
  admittedAt: number,
  dischargedAt: number,
  diagnosis: number,
  cost: number,
): number {
  let h = mix(0x2545f491, patient);
  h = mix(h, birthDate);
  h = mix(h, codes);
  h = mix(h, municipality);
  h = mix(h, hospital);
  h = mix(h, admittedAt);
  h = mix(h, dischargedAt);
  h = mix(h, diagnosis);
  f64[0] = cost;
  h = mix(h, i32[0]);
  h = mix(h, i32[1]);
  return fmix(h);
}

export class ContactBuilder {
  length = 0;
  private cap: number;
  patient: Int32Array;
  birthDate: Int32Array;
  sex: Uint8Array;
  municipality: Int16Array;
  hospital: Int32Array;
  admittedAt: Int32Array;
  dischargedAt: Int32Array;
  acute: Uint8Array;
  inpatient: Uint8Array;
  diagnosis: Int32Array;
  referral: Int8Array;
  cost: Float64Array;
  sourceLine: Int32Array;
  readonly patients = new StringDictionary();
  readonly hospitals = new StringDictionary();
  readonly diagnoses = new StringDictionary();
  private slots: Int32Array;
  private mask: number;

  constructor(capacity = 1 << 14) {
    this.cap = Math.max(16, Math.ceil(capacity));
    const c = this.cap;
    this.patient = new Int32Array(c);
    this.birthDate = new Int32Array(c);
    this.sex = new Uint8Array(c);
    this.municipality = new Int16Array(c);
    this.hospital = new Int32Array(c);
    this.admittedAt = new Int32Array(c);
    this.dischargedAt = new Int32Array(c);
    this.acute = new Uint8Array(c);
    this.inpatient = new Uint8Array(c);
    this.diagnosis = new Int32Array(c);
    this.referral = new Int8Array(c);
    this.cost = new Float64Array(c);
    this.sourceLine = new Int32Array(c);
    let s = 1024;
    while (s < c * 2) s *= 2;
    this.slots = new Int32Array(s);
    this.mask = s - 1;
  }

  /** Make room for at least `n` rows in all (e.g. estimated from the file size). */
  reserve(n: number): void {
    if (n > this.cap) this.grow(Math.ceil(n));
    let size = this.slots.length;
    while (size < n * 2) size *= 2;
    if (size > this.slots.length) this.rehash(size);
  }

  private grow(target = Math.ceil(this.cap * 1.5) + 16): void {
    const c = target;
    const g = <T extends Int32Array | Uint8Array | Int16Array | Int8Array | Float64Array>(a: T, make: (n: number) => T): T => {
      const b = make(c);
      b.set(a as never);
      return b;
    };
    this.patient = g(this.patient, (n) => new Int32Array(n));
    this.birthDate = g(this.birthDate, (n) => new Int32Array(n));
    this.sex = g(this.sex, (n) => new Uint8Array(n));
    this.municipality = g(this.municipality, (n) => new Int16Array(n));
    this.hospital = g(this.hospital, (n) => new Int32Array(n));
    this.admittedAt = g(this.admittedAt, (n) => new Int32Array(n));
    this.dischargedAt = g(this.dischargedAt, (n) => new Int32Array(n));
    this.acute = g(this.acute, (n) => new Uint8Array(n));
    this.inpatient = g(this.inpatient, (n) => new Uint8Array(n));
    this.diagnosis = g(this.diagnosis, (n) => new Int32Array(n));
    this.referral = g(this.referral, (n) => new Int8Array(n));
    this.cost = g(this.cost, (n) => new Float64Array(n));
    this.sourceLine = g(this.sourceLine, (n) => new Int32Array(n));
    this.cap = c;
  }

  private hashRow(i: number): number {
    return hashValues(
      this.patient[i],
      this.birthDate[i],
      this.sex[i] | (this.acute[i] << 8) | (this.inpatient[i] << 9) | ((this.referral[i] + 1) << 10),
      this.municipality[i],
      this.hospital[i],
      this.admittedAt[i],
      this.dischargedAt[i],
      this.diagnosis[i],
      this.cost[i],
    );
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

  /**
   * Append a validated row (text already dictionary-encoded). Returns 0 when added, or the
   * source line of the earlier row it exactly duplicates (then it is not added).
   */
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
  ): number {
    if (this.length === this.cap) this.grow();
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
    const slots = this.slots;
    const h = hashValues(
      patient,
      birthDate,
      sex | (acute << 8) | (inpatient << 9) | ((referral + 1) << 10),
      municipality,
      hospital,
      admittedAt,
      dischargedAt,
      diagnosis,
      this.cost[n], // as stored (NaN canonical)
    );
    let k = h & this.mask;
    for (;;) {
      const s = slots[k];
      if (s === 0) break;
      if (this.equalRows(s - 1, n)) return this.sourceLine[s - 1];
      k = (k + 1) & this.mask;
    }
    slots[k] = n + 1;
    this.length = n + 1;
    if (this.length * 2 > slots.length) this.rehash();
    return 0;
  }

  private rehash(size = this.slots.length * 2): void {
    const slots = new Int32Array(size);
    const mask = slots.length - 1;
    for (let i = 0; i < this.length; i++) {
      let k = this.hashRow(i) & mask;
      while (slots[k] !== 0) k = (k + 1) & mask;
      slots[k] = i + 1;
    }
    this.slots = slots;
    this.mask = mask;
  }

  /** The finished table (arrays trimmed to length; the duplicate index is released). */
  finish(): ContactTable {
    const n = this.length;
    const tight = n >= this.cap * 0.9;
    const cut = <T extends Int32Array | Uint8Array | Int16Array | Int8Array | Float64Array>(a: T): T =>
      (tight ? a.subarray(0, n) : a.slice(0, n)) as T;
    this.slots = new Int32Array(0);
    return {
      length: n,
      patient: cut(this.patient),
      patientIds: this.patients.list,
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
