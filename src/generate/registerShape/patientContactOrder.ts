/**
 * Contact rows grouped by patient, each patient's rows by admitted_at. Reuses the loader's
 * `patientOrder` when it fits (checked in one read-only pass, never modified); otherwise a counting
 * sort by patient and a sort by admitted_at within each patient (O(n + patients), plus the short
 * per-patient sorts). Only index arrays are allocated; no contact column is copied.
 */

import type { ContactTable } from "../../contract/tables.js";

/** Rows of patient p are order[start[p] … start[p + 1] − 1], by admitted_at. */
export interface PatientContactOrder {
  readonly start: Int32Array;
  readonly order: Int32Array;
  readonly patients: number;
}

function fits(c: ContactTable, start: Int32Array, order: Int32Array): boolean {
  const n = c.length;
  const patients = start.length - 1;
  if (order.length !== n || patients < c.patientIds.length || start[0] !== 0 || start[patients] !== n) return false;
  const seen = new Uint8Array(n);
  for (let p = 0; p < patients; p++) {
    let prev = -Infinity;
    for (let k = start[p]; k < start[p + 1]; k++) {
      const i = order[k];
      if (i < 0 || i >= n || c.patient[i] !== p || seen[i] === 1 || c.admittedAt[i] < prev) return false;
      seen[i] = 1;
      prev = c.admittedAt[i];
    }
  }
  return true;
}

/** Group the rows of a ContactTable by patient, by admitted_at within each patient. */
export function patientContactOrder(c: ContactTable): PatientContactOrder {
  const hint = c.patientOrder;
  if (hint && fits(c, hint.start, hint.order)) return { start: hint.start, order: hint.order, patients: hint.start.length - 1 };
  const n = c.length;
  const pat = c.patient;
  let patients = c.patientIds.length;
  for (let i = 0; i < n; i++) if (pat[i] >= patients) patients = pat[i] + 1;
  const start = new Int32Array(patients + 1);
  for (let i = 0; i < n; i++) start[pat[i] + 1]++;
  for (let p = 0; p < patients; p++) start[p + 1] += start[p];
  const cursor = start.slice(0, patients);
  const order = new Int32Array(n);
  for (let i = 0; i < n; i++) order[cursor[pat[i]]++] = i;
  const adm = c.admittedAt;
  for (let p = 0; p < patients; p++) {
    const lo = start[p];
    const hi = start[p + 1];
    if (hi - lo < 2) continue;
    if (hi - lo > 48) {
      const seg = Array.from(order.subarray(lo, hi));
      seg.sort((a, b) => adm[a] - adm[b] || a - b);
      order.set(seg, lo);
      continue;
    }
    for (let k = lo + 1; k < hi; k++) {
      const v = order[k];
      let j = k - 1;
      while (j >= lo && (adm[order[j]] > adm[v] || (adm[order[j]] === adm[v] && order[j] > v))) {
        order[j + 1] = order[j];
        j--;
      }
      order[j + 1] = v;
    }
  }
  return { start, order, patients };
}
