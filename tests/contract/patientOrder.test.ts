import { describe, expect, it } from "vitest";
import {
  checkPatientOrder,
  groupRows,
  groupRowsByTime,
  orderByPatient,
  ORDER_DOES_NOT_FIT,
  ORDER_FITS,
  ORDER_FITS_WITH_TIES,
  sortWithinGroups,
} from "../../src/contract/patientOrder.js";
import { MISSING } from "../../src/contract/time.js";

// The one patient-order primitive, checked against a plain comparison sort of (key, time…, row)
// on seeded random tables: small groups (insertion sort), long groups (> 48 rows: comparison
// sort), ties in admission and in discharge, missing discharges and left-out rows.

function lcg(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (Math.imul(s, 1_664_525) + 1_013_904_223) >>> 0;
    return s / 4_294_967_296;
  };
}

function table(seed: number, n: number, patients: number) {
  const r = lcg(seed);
  const patient = new Int32Array(n);
  const admittedAt = new Int32Array(n);
  const dischargedAt = new Int32Array(n);
  for (let i = 0; i < n; i++) {
    // One patient with a long history so that a group exceeds the insertion-sort size.
    patient[i] = r() < 0.3 ? 0 : Math.floor(r() * patients);
    admittedAt[i] = Math.floor(r() * 20); // few distinct times: many ties
    dischargedAt[i] = r() < 0.2 ? MISSING : admittedAt[i] + Math.floor(r() * 3);
  }
  const patientIds = Array.from({ length: patients }, (_, p) => `p${p}`);
  return { length: n, patient, admittedAt, dischargedAt, patientIds };
}

function naive(key: Int32Array, n: number, groups: number, cmp: (a: number, b: number) => number): { start: number[]; order: number[] } {
  const rows = Array.from({ length: n }, (_, i) => i).filter((i) => key[i] >= 0);
  rows.sort((a, b) => key[a] - key[b] || cmp(a, b) || a - b);
  const start = [0];
  for (let g = 0; g < groups; g++) start.push(start[g] + rows.filter((i) => key[i] === g).length);
  return { start, order: rows };
}

describe("contract/patientOrder", () => {
  it("groupRows is a stable counting sort and leaves out negative keys", () => {
    const key = Int32Array.from([2, 0, -1, 2, 1, 0, -1, 2]);
    const o = groupRows(key, key.length, 3);
    expect(Array.from(o.start)).toEqual([0, 2, 3, 6]);
    expect(Array.from(o.order)).toEqual([1, 5, 4, 0, 3, 7]);
  });

  for (const seed of [1, 2, 3]) {
    it(`orders by (patient, admitted_at, row) and by (patient, admitted_at, discharged_at missing last, row) — seed ${seed}`, () => {
      const c = table(seed, 400, 40);
      const byAdm = orderByPatient(c);
      const want = naive(c.patient, c.length, 40, (a, b) => c.admittedAt[a] - c.admittedAt[b]);
      expect(byAdm.patients).toBe(40);
      expect(Array.from(byAdm.start)).toEqual(want.start);
      expect(Array.from(byAdm.order)).toEqual(want.order);
      expect(byAdm.start[1] - byAdm.start[0]).toBeGreaterThan(48);

      const end = (i: number): number => (c.dischargedAt[i] === MISSING ? Infinity : c.dischargedAt[i]);
      const byStay = orderByPatient(c, c.dischargedAt);
      const want2 = naive(c.patient, c.length, 40, (a, b) => c.admittedAt[a] - c.admittedAt[b] || (end(a) === end(b) ? 0 : end(a) < end(b) ? -1 : 1));
      expect(Array.from(byStay.order)).toEqual(want2.order);
    });
  }

  for (const seed of [4, 5]) {
    it(`groupRowsByTime orders by (patient, admitted_at, row), with the times in that order — seed ${seed}`, () => {
      const c = table(seed, 500, 40);
      const key = Int32Array.from(c.patient, (p, i) => (i % 17 === 0 ? -1 : p)); // some rows left out
      const o = groupRowsByTime(key, c.admittedAt, c.length, 40);
      const want = naive(key, c.length, 40, (a, b) => c.admittedAt[a] - c.admittedAt[b]);
      expect(Array.from(o.start)).toEqual(want.start);
      expect(Array.from(o.order)).toEqual(want.order);
      expect(Array.from(o.admitted)).toEqual(want.order.map((i) => c.admittedAt[i]));
      expect(o.start[1] - o.start[0]).toBeGreaterThan(48);
      const old = groupRows(key, c.length, 40);
      sortWithinGroups(old, c.admittedAt, null);
      expect(Array.from(o.order)).toEqual(Array.from(old.order));
    });
  }

  it("sortWithinGroups refines an admission order to the stay order in place", () => {
    const c = table(7, 300, 30);
    const o = orderByPatient(c);
    sortWithinGroups(o, c.admittedAt, c.dischargedAt);
    expect(Array.from(o.order)).toEqual(Array.from(orderByPatient(c, c.dischargedAt).order));
  });

  it("checkPatientOrder accepts a fitting order, reports ties and rejects a wrong one", () => {
    const c = table(11, 200, 20);
    const o = orderByPatient(c);
    expect(checkPatientOrder(c, o)).toBe(ORDER_FITS_WITH_TIES);

    // Swap two rows of one patient that have different admission times: no longer in time order.
    const order = Int32Array.from(o.order);
    let k = o.start[0];
    while (c.admittedAt[order[k]] === c.admittedAt[order[k + 1]]) k++;
    [order[k], order[k + 1]] = [order[k + 1], order[k]];
    expect(checkPatientOrder(c, { start: o.start, order })).toBe(ORDER_DOES_NOT_FIT);

    // A row listed under the wrong patient.
    const moved = Int32Array.from(o.order);
    moved[o.start[1]] = o.order[o.start[2]];
    expect(checkPatientOrder(c, { start: o.start, order: moved })).toBe(ORDER_DOES_NOT_FIT);

    // A row listed twice within its own patient (so another row of that patient is not listed).
    const twice = Int32Array.from(o.order);
    const p = Array.from({ length: o.start.length - 1 }, (_, q) => q).find((q) => o.start[q + 1] - o.start[q] >= 2) as number;
    twice[o.start[p] + 1] = twice[o.start[p]];
    expect(checkPatientOrder(c, { start: o.start, order: twice })).toBe(ORDER_DOES_NOT_FIT);
    // A row index outside the table, and patient ranges that run backwards.
    const outside = Int32Array.from(o.order);
    outside[0] = c.length;
    expect(checkPatientOrder(c, { start: o.start, order: outside })).toBe(ORDER_DOES_NOT_FIT);
    const backwards = Int32Array.from(o.start);
    [backwards[1], backwards[2]] = [backwards[2], backwards[1]];
    if (backwards[1] !== backwards[2]) expect(checkPatientOrder(c, { start: backwards, order: o.order })).toBe(ORDER_DOES_NOT_FIT);

    // No ties: distinct admission times.
    const d = { ...c, admittedAt: Int32Array.from({ length: c.length }, (_, i) => i) };
    expect(checkPatientOrder(d, orderByPatient(d))).toBe(ORDER_FITS);
  });
});
