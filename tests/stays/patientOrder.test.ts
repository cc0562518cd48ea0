import { describe, expect, it } from "vitest";
import { loadDataset } from "../../src/io/index.js";
import { computeStays } from "../../src/stays/index.js";
import { sortContactsOrIdentity } from "../../src/stays/sortContacts.js";
import { firstContactPatientReferral, staySource } from "../../src/stays/buildStays.js";
import type { ContactTable } from "../../src/contract/tables.js";

// The loader hands the stays layer its grouping by patient (ContactTable.patientOrder), except for
// large tables whose rows already are in patient and time order (then the stays layer finds that
// in one pass). A given order is checked and reused. Every way must give exactly the stays of a
// fresh sort.

/** Rows grouped by patient, each patient's rows by admitted_at (ties in row order), as the loader makes it. */
function groupByPatient(c: ContactTable): { start: Int32Array; order: Int32Array } {
  const nP = c.patientIds.length;
  const start = new Int32Array(nP + 1);
  for (let i = 0; i < c.length; i++) start[c.patient[i] + 1]++;
  for (let p = 0; p < nP; p++) start[p + 1] += start[p];
  const pos = start.slice(0, nP);
  const order = new Int32Array(c.length);
  for (let i = 0; i < c.length; i++) order[pos[c.patient[i]]++] = i;
  for (let p = 0; p < nP; p++) order.subarray(start[p], start[p + 1]).sort((x, y) => c.admittedAt[x] - c.admittedAt[y] || x - y);
  return { start, order };
}

/** The same contacts with their rows in another order (a seeded shuffle). */
function shuffled(c: ContactTable): ContactTable {
  const perm = Array.from({ length: c.length }, (_, i) => i);
  let seed = 12345;
  for (let i = perm.length - 1; i > 0; i--) {
    seed = (seed * 1_103_515_245 + 12_345) % 2_147_483_648;
    const j = seed % (i + 1);
    [perm[i], perm[j]] = [perm[j], perm[i]];
  }
  const take = <T extends { length: number; [i: number]: number }>(a: T, make: (n: number) => T): T => {
    const b = make(a.length);
    for (let k = 0; k < perm.length; k++) b[k] = a[perm[k]];
    return b;
  };
  return {
    ...c,
    patientOrder: null,
    patient: take(c.patient, (n) => new Int32Array(n)),
    birthDate: take(c.birthDate, (n) => new Int32Array(n)),
    sex: take(c.sex, (n) => new Uint8Array(n)),
    municipality: take(c.municipality, (n) => new Int16Array(n)),
    hospital: take(c.hospital, (n) => new Int32Array(n)),
    admittedAt: take(c.admittedAt, (n) => new Int32Array(n)),
    dischargedAt: take(c.dischargedAt, (n) => new Int32Array(n)),
    acute: take(c.acute, (n) => new Uint8Array(n)),
    inpatient: take(c.inpatient, (n) => new Uint8Array(n)),
    diagnosis: take(c.diagnosis, (n) => new Int32Array(n)),
    referral: take(c.referral, (n) => new Int8Array(n)),
    cost: take(c.cost, (n) => new Float64Array(n)),
    sourceLine: take(c.sourceLine, (n) => new Int32Array(n)),
  };
}

function expectSameStays(a: ReturnType<typeof computeStays>, b: ReturnType<typeof computeStays>, sameRows: boolean): void {
  expect(a.report).toEqual(b.report);
  expect(a.stays.length).toBe(b.stays.length);
  const keys = sameRows ? (["start", "end", "patient", "firstContact", "age", "municipality"] as const) : (["start", "end", "patient", "age", "municipality"] as const);
  for (const key of keys) {
    const x = (a.stays as unknown as Record<string, ArrayLike<number>>)[key];
    const y = (b.stays as unknown as Record<string, ArrayLike<number>>)[key];
    expect(x).toBeDefined();
    expect(Array.from(x)).toEqual(Array.from(y));
  }
  expect(Array.from(a.admissions.readmitted)).toEqual(Array.from(b.admissions.readmitted));
}

describe("reusing the loader's patient order", () => {
  it("the loader hands on its rows in the stays' order, which the stays find without an order array (demo data)", async () => {
    const ds = await loadDataset("data/demo");
    // the loader moves the rows into patient order and the ties into the stays' order
    // (io/rowsByPatient), then drops its order array
    expect(ds.contacts.patientOrder).toBeNull();
    expect(sortContactsOrIdentity(ds.contacts).order).toBeNull();
  });

  it("gives the same stays and admissions with a given order, in-order rows, and a fresh sort (demo data)", async () => {
    const ds = await loadDataset("data/demo");
    const contacts = { ...ds.contacts, patientOrder: groupByPatient(ds.contacts) };
    const reused = computeStays({ ...ds, contacts });
    const plain = computeStays({ ...ds, contacts: { ...ds.contacts, patientOrder: null } });
    expectSameStays(reused, plain, true);
    // Rows in another order: the counting sort; the stays are the same (their first contacts are
    // other row numbers).
    const mixed = shuffled(ds.contacts);
    expectSameStays(computeStays({ ...ds, contacts: mixed }), plain, false);
    expectSameStays(computeStays({ ...ds, contacts: { ...mixed, patientOrder: groupByPatient(mixed) } }), plain, false);
  });

  it("the first contact's diagnosis (staySource): the contacts' value, and a stay column gathered once on shuffled rows", async () => {
    const ds = await loadDataset("data/demo");
    for (const contacts of [{ ...ds.contacts, patientOrder: null }, shuffled(ds.contacts)]) {
      const { stays } = computeStays({ ...ds, contacts });
      const src = staySource(stays, "diagnosis");
      for (let s = 0; s < stays.length; s++) expect(src.values[src.index === null ? s : src.index[s]]).toBe(contacts.diagnosis[stays.firstContact[s]]);
    }
    // shuffled rows: a stay column (no index), built once
    const { stays } = computeStays({ ...ds, contacts: shuffled(ds.contacts) });
    const a = staySource(stays, "diagnosis");
    expect(a.index).toBeNull();
    expect(staySource(stays, "diagnosis").values).toBe(a.values);
  });

  it("the first contact's patient and referral per listed stay: read through firstContact, or in row order on shuffled rows", async () => {
    const ds = await loadDataset("data/demo");
    for (const contacts of [{ ...ds.contacts, patientOrder: null }, shuffled(ds.contacts)]) {
      const { stays, admissions } = computeStays({ ...ds, contacts });
      const got = firstContactPatientReferral(stays, contacts, admissions.stay);
      expect(got.patient.length).toBe(admissions.length);
      for (let j = 0; j < admissions.length; j++) {
        const first = stays.firstContact[admissions.stay[j]];
        expect(got.patient[j]).toBe(contacts.patient[first]);
        expect(got.referral[j]).toBe(contacts.referral[first]);
      }
      expect(new Set(got.referral).size).toBeGreaterThan(2); // the demo's referral sources vary
    }
  });

  it("falls back to its own sort when the order does not fit the table", async () => {
    const ds = await loadDataset("data/demo");
    const order = groupByPatient(ds.contacts);
    const broken = { start: order.start, order: order.order.slice().reverse() };
    const a = computeStays({ ...ds, contacts: { ...ds.contacts, patientOrder: broken } });
    const b = computeStays({ ...ds, contacts: { ...ds.contacts, patientOrder: null } });
    expect(a.report).toEqual(b.report);
  });
});
