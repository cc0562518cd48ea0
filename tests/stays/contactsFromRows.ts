/** Test helper: a ContactTable from readable rows (defaults keep the cases short). */
import type { ContactTable } from "../../src/contract/tables.js";
import { MISSING, MINUTES_PER_DAY, daysFromCivil } from "../../src/contract/time.js";
import { REFERRAL_SOURCES, type ReferralSource } from "../../src/contract/codes.js";

export interface ContactRow {
  patient: string;
  /** YYYY-MM-DDTHH:MM local wall clock. */
  admitted: string;
  /** YYYY-MM-DDTHH:MM or null when still admitted. */
  discharged: string | null;
  birth?: string;
  sex?: "F" | "M";
  municipality?: number;
  hospital?: string;
  acute?: boolean;
  inpatient?: boolean;
  diagnosis?: string;
  referral?: ReferralSource;
  cost?: number;
}

export function day(text: string): number {
  const [y, m, d] = text.split("-").map(Number);
  return daysFromCivil(y, m, d);
}

export function wall(text: string): number {
  const [date, time] = text.split("T");
  const [h, mi] = (time ?? "00:00").split(":").map(Number);
  return day(date) * MINUTES_PER_DAY + h * 60 + mi;
}

export function contactsFromRows(rows: readonly ContactRow[]): ContactTable {
  const n = rows.length;
  const patientIds: string[] = [];
  const pIndex = new Map<string, number>();
  const hospitals: string[] = [];
  const hIndex = new Map<string, number>();
  const diagnoses: string[] = [];
  const dIndex = new Map<string, number>();
  const intern = (map: Map<string, number>, list: string[], key: string): number => {
    let i = map.get(key);
    if (i === undefined) {
      i = list.length;
      list.push(key);
      map.set(key, i);
    }
    return i;
  };
  const t = {
    length: n,
    patient: new Int32Array(n),
    patientIds,
    birthDate: new Int32Array(n),
    sex: new Uint8Array(n),
    municipality: new Int16Array(n),
    hospital: new Int32Array(n),
    hospitals,
    admittedAt: new Int32Array(n),
    dischargedAt: new Int32Array(n),
    acute: new Uint8Array(n),
    inpatient: new Uint8Array(n),
    diagnosis: new Int32Array(n),
    diagnoses,
    referral: new Int8Array(n),
    cost: new Float64Array(n),
    sourceLine: new Int32Array(n),
  };
  rows.forEach((r, i) => {
    t.patient[i] = intern(pIndex, patientIds, r.patient);
    t.birthDate[i] = day(r.birth ?? "1940-06-15");
    t.sex[i] = (r.sex ?? "F") === "F" ? 1 : 2;
    t.municipality[i] = r.municipality ?? 751;
    t.hospital[i] = r.hospital ? intern(hIndex, hospitals, r.hospital) : -1;
    t.admittedAt[i] = wall(r.admitted);
    t.dischargedAt[i] = r.discharged === null ? MISSING : wall(r.discharged);
    t.acute[i] = (r.acute ?? true) ? 1 : 0;
    t.inpatient[i] = (r.inpatient ?? true) ? 1 : 0;
    t.diagnosis[i] = intern(dIndex, diagnoses, r.diagnosis ?? "J189");
    t.referral[i] = r.referral ? REFERRAL_SOURCES.indexOf(r.referral) : -1;
    t.cost[i] = r.cost ?? Number.NaN;
    t.sourceLine[i] = i + 2;
  });
  return t;
}
