import { cpSync, mkdtempSync, readFileSync, writeFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { gunzipSync } from "node:zlib";
import { describe, expect, it } from "vitest";
import { loadDataset } from "../../src/io/index.js";
import { putRowsByPatient, putTiesInStayOrder } from "../../src/io/rowsByPatient.js";
import { MISSING } from "../../src/contract/time.js";
import { sortContactsOrIdentity } from "../../src/stays/sortContacts.js";
import { groupRowsByTime } from "../../src/contract/patientOrder.js";
import { computeIndicators } from "../../src/indicators/computeIndicators.js";
import type { ContactTable } from "../../src/contract/tables.js";
import { seededPermutation } from "./helpers.js";

const DEMO = join(__dirname, "..", "..", "data", "demo");
const COLUMNS = [
  "patient",
  "birthDate",
  "sex",
  "municipality",
  "hospital",
  "admittedAt",
  "dischargedAt",
  "acute",
  "inpatient",
  "diagnosis",
  "referral",
  "cost",
  "sourceLine",
] as const;

/** The table's rows in the permutation's order, each column copied into a fresh array of its type. */
function reordered(c: ContactTable, perm: readonly number[]): ContactTable {
  const out: Record<string, unknown> = { ...c, patientOrder: null };
  for (const key of COLUMNS) {
    const a = c[key] as unknown as { length: number; [i: number]: number; constructor: new (n: number) => { [i: number]: number } };
    const b = new a.constructor(c.length);
    for (let k = 0; k < perm.length; k++) b[k] = a[perm[k]];
    out[key] = b;
  }
  return out as unknown as ContactTable;
}

/** Each column's value bits at row r (a NaN's payload included). */
function rowBits(c: ContactTable, r: number): string {
  return COLUMNS.map((key) => {
    const col = c[key];
    if (col instanceof Float64Array) return new Uint32Array(col.buffer, col.byteOffset + 8 * r, 2).join(":");
    if (col instanceof Float32Array) return String(new Uint32Array(col.buffer, col.byteOffset + 4 * r, 1)[0]);
    return String(col[r]);
  }).join("|");
}

describe("the loader puts the contacts in patient order (io/rowsByPatient)", () => {
  it("moves every column of a row together, bit for bit, over several buckets of places", async () => {
    const ds = await loadDataset(DEMO, { cache: false });
    const base = ds.contacts;
    expect(base.length).toBeGreaterThan(2 * 131_072); // the move's buckets hold 2^17 places
    // a Float64 cost column with NaNs of two payloads, so the 8-byte path and the bits are checked
    const cost = Float64Array.from(base.cost);
    const bits = new Uint32Array(cost.buffer);
    for (let r = 0; r < cost.length; r += 997) {
      cost[r] = NaN;
      bits[2 * r] = r; // a payload of its own
      bits[2 * r + 1] = 0x7ff80000;
    }
    const source = { ...base, cost };
    const before = new Map<number, string>();
    for (let r = 0; r < source.length; r++) before.set(source.sourceLine[r], rowBits(source, r));

    const mixed = reordered(source, seededPermutation(source.length, 7));
    const columnsBefore = COLUMNS.map((key) => mixed[key]);
    const byPatient = groupRowsByTime(mixed.patient, mixed.admittedAt, mixed.length, mixed.patientIds.length);
    const ordered = putRowsByPatient(mixed, { start: byPatient.start, order: byPatient.order });

    // in place: the same arrays
    COLUMNS.forEach((key, i) => expect(ordered[key]).toBe(columnsBefore[i]));
    // every row as it was, found by its file line
    for (let r = 0; r < ordered.length; r++) expect(rowBits(ordered, r)).toBe(before.get(ordered.sourceLine[r]));
    // grouped by patient in index order, each patient's rows by admission time
    for (let r = 1; r < ordered.length; r++) {
      const p = ordered.patient[r - 1];
      const q = ordered.patient[r];
      expect(q >= p).toBe(true);
      if (p === q) expect(ordered.admittedAt[r] >= ordered.admittedAt[r - 1]).toBe(true);
    }
    // the order handed on lists the rows in place
    const o = ordered.patientOrder!;
    expect(o.start).toBe(byPatient.start);
    expect(Array.from(o.order).every((row, k) => row === k)).toBe(true);
    for (let p = 0; p < ordered.patientIds.length; p++) {
      for (let k = o.start[p]; k < o.start[p + 1]; k++) expect(ordered.patient[k]).toBe(p);
    }
  }, 60_000);

  it("leaves rows already in patient order where they are", async () => {
    const ds = await loadDataset(DEMO, { cache: false });
    const c = ds.contacts;
    const copy = reordered(c, Array.from({ length: c.length }, (_, i) => i));
    const byPatient = groupRowsByTime(copy.patient, copy.admittedAt, copy.length, copy.patientIds.length);
    const out = putRowsByPatient(copy, { start: byPatient.start, order: byPatient.order });
    for (const key of COLUMNS) expect(Array.from(out[key] as ArrayLike<number>)).toEqual(Array.from(c[key] as ArrayLike<number>));
  }, 60_000);

  it("a file with its lines shuffled loads to the same contacts (by line) and the same indicators", async () => {
    const dir = mkdtempSync(join(tmpdir(), "klynge-rows-"));
    try {
      cpSync(DEMO, join(dir, "grouped"), { recursive: true });
      cpSync(DEMO, join(dir, "shuffled"), { recursive: true });
      const lines = gunzipSync(readFileSync(join(DEMO, "admissions.csv.gz"))).toString("utf8").split("\n");
      const header = lines[0];
      const body = lines.slice(1).filter((l) => l.length > 0);
      const perm = seededPermutation(body.length, 11);
      rmSync(join(dir, "shuffled", "admissions.csv.gz"));
      writeFileSync(join(dir, "shuffled", "admissions.csv"), [header, ...perm.map((k) => body[k])].join("\n") + "\n");
      // care status for every seventh patient id (joined to patients by id, as deaths are)
      const ids = [...new Set(body.map((l) => l.slice(0, l.indexOf(","))))].filter((_, k) => k % 7 === 0);
      const care = ["patient_id,status,from,to", ...ids.map((id, k) => `${id},${k % 2 === 0 ? "nursing_home" : "home_care"},2018-0${1 + (k % 9)}-01,${k % 3 === 0 ? "" : "2021-06-30"}`)].join("\n") + "\n";
      for (const d of ["grouped", "shuffled"]) writeFileSync(join(dir, d, "care_status.csv"), care);
      // shuffled line 2 + k holds grouped line 2 + perm[k]
      const groupedLine = (shuffledLine: number) => 2 + perm[shuffledLine - 2];

      const g = await loadDataset(join(dir, "grouped"), { cache: false });
      const s = await loadDataset(join(dir, "shuffled"), { cache: false });
      expect(s.contacts.length).toBe(g.contacts.length);
      expect(s.report.tables.map((t) => [t.rowsRead, t.rowsAccepted, t.rowsRejected])).toEqual(g.report.tables.map((t) => [t.rowsRead, t.rowsAccepted, t.rowsRejected]));
      // each row's values, by patient id and text, equal the grouped file's row of the same line
      const text = (ds: typeof g, r: number) => {
        const c = ds.contacts;
        return [c.patientIds[c.patient[r]], c.birthDate[r], c.sex[r], c.municipality[r], c.hospitals[c.hospital[r]], c.admittedAt[r], c.dischargedAt[r], c.acute[r], c.inpatient[r], c.diagnoses[c.diagnosis[r]], c.referral[r], c.cost[r]].join("|");
      };
      const rowOfLine = new Map<number, number>();
      for (let r = 0; r < g.contacts.length; r++) rowOfLine.set(g.contacts.sourceLine[r], r);
      for (let r = 0; r < s.contacts.length; r++) expect(text(s, r)).toBe(text(g, rowOfLine.get(groupedLine(s.contacts.sourceLine[r]))!));
      // patient order: a patient's rows side by side, by admission time, then discharge (the stays'
      // order, which they find without an order array: the loader drops its own)
      expect(s.contacts.patientOrder).toBeNull();
      expect(sortContactsOrIdentity(s.contacts).order).toBeNull();
      const c = s.contacts;
      const seen = new Uint8Array(c.patientIds.length);
      for (let r = 0; r < c.length; r++) {
        if (r > 0 && c.patient[r] === c.patient[r - 1]) {
          expect(c.admittedAt[r] >= c.admittedAt[r - 1]).toBe(true);
          continue;
        }
        expect(seen[c.patient[r]]).toBe(0);
        seen[c.patient[r]] = 1;
      }
      // patients numbered by the municipality of their first contact (io/patientsByMunicipality):
      // in the shuffled file each municipality's patients come in one run
      const firstMuni: number[] = [];
      for (let r = 0; r < c.length; r++) if (r === 0 || c.patient[r] !== c.patient[r - 1]) firstMuni.push(c.municipality[r]);
      const runs = firstMuni.filter((m, k) => k === 0 || m !== firstMuni[k - 1]).length;
      expect(runs).toBe(new Set(firstMuni).size);
      // deaths joined by patient id alike
      const diedById = (ds: typeof g) => {
        const out = new Map<string, number>();
        const died = ds.deaths!.diedOnByPatient;
        for (let p = 0; p < died.length; p++) if (died[p] !== MISSING) out.set(ds.contacts.patientIds[p], died[p]);
        return out;
      };
      expect(diedById(s).size).toBeGreaterThan(0);
      expect(diedById(s)).toEqual(diedById(g));
      const careById = (ds: typeof g) => {
        const cs = ds.careStatus!;
        return Array.from(cs.patient, (p, k) => `${ds.contacts.patientIds[p]}|${cs.status[k]}|${cs.from[k]}|${cs.to[k]}`).sort();
      };
      expect(careById(s).length).toBe(ids.length);
      expect(careById(s)).toEqual(careById(g));
      const rows = computeIndicators(s, {});
      expect(rows.some((r) => r.indicator.startsWith("who_care") && (r.numerator ?? 0) > 0)).toBe(true);
      expect(rows).toEqual(computeIndicators(g, {}));
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 180_000);

  it("puts rows with the same admission time in the stays' order (discharge, open last) and drops the order only when every patient has rows", () => {
    // rows already grouped by patient and by admission time (as putRowsByPatient leaves them):
    // patient 0 has three rows admitted at 100 (discharged 300, open, 200), patient 1 one row
    const table = (patientIds: string[]): ContactTable => ({
      length: 4,
      patient: Int32Array.from([0, 0, 0, 1]),
      patientIds,
      birthDate: Int16Array.from([1, 1, 1, 2]),
      sex: Uint8Array.from([1, 1, 1, 2]),
      municipality: Int16Array.from([101, 101, 101, 751]),
      hospital: Int16Array.from([0, 1, 2, 0]),
      hospitals: ["a", "b", "c"],
      admittedAt: Int32Array.from([100, 100, 100, 100]),
      dischargedAt: Int32Array.from([300, MISSING, 200, 150]),
      acute: Uint8Array.from([1, 0, 1, 0]),
      inpatient: Uint8Array.from([1, 1, 0, 0]),
      diagnosis: Uint16Array.from([5, 6, 7, 8]),
      diagnoses: ["A", "B", "C", "D", "E", "F", "G", "H", "I"],
      referral: Int8Array.from([0, 1, 2, -1]),
      cost: Float64Array.from([1.5, NaN, 2.5, 3.5]),
      sourceLine: Int32Array.from([2, 3, 4, 5]),
      patientOrder: { start: Int32Array.from([0, 3, 4]), order: Int32Array.from([0, 1, 2, 3]) },
    });
    const out = putTiesInStayOrder(table(["p", "q"]));
    expect(Array.from(out.dischargedAt)).toEqual([200, 300, MISSING, 150]);
    expect(Array.from(out.sourceLine)).toEqual([4, 2, 3, 5]);
    expect(Array.from(out.hospital)).toEqual([2, 0, 1, 0]);
    expect(Array.from(out.cost)).toEqual([2.5, 1.5, NaN, 3.5]);
    expect(Array.from(out.referral)).toEqual([2, 0, 1, -1]);
    expect(out.patientOrder).toBeNull();
    expect(sortContactsOrIdentity(out).order).toBeNull();
    // a third patient id without a row (registered by a rejected row): the order is kept
    const withEmpty = table(["p", "q", "r"]);
    const kept = putTiesInStayOrder({ ...withEmpty, patientOrder: { start: Int32Array.from([0, 3, 4, 4]), order: Int32Array.from([0, 1, 2, 3]) } });
    expect(kept.patientOrder?.order).toEqual(Int32Array.from([0, 1, 2, 3]));
  });
});
