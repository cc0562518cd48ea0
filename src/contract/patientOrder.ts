/**
 * The one patient-order primitive on the contact table: row indexes grouped by a dense key (the
 * patient, or any other dense index such as a cost-file row) by a stable counting sort
 * (O(n + groups), two index arrays, no object per row), then each group put in time order.
 * The loader (duplicates, overlaps), the stays scan and the register-shaped generator all order
 * contacts through it, so "patient p's rows" means the same everywhere.
 */

import type { ContactTable } from "./tables.js";
import { MISSING } from "./time.js";

/** Row indexes grouped by key: group g's rows are order[start[g] … start[g + 1] − 1]. */
export interface PatientOrder {
  readonly start: Int32Array;
  readonly order: Int32Array;
}

/** Above this many rows a group is sorted with Array.prototype.sort, below by insertion. */
const INSERTION_MAX = 48;
/** A missing discharge sorts after every time. */
const BIG = 2147483647;

/**
 * start[g] = number of rows with a key below g (start[groups] = rows with a key ≥ 0). Rows with a
 * negative key are left out.
 */
export function groupStarts(key: Int32Array, length: number, groups: number): Int32Array {
  const start = new Int32Array(groups + 1);
  for (let i = 0; i < length; i++) {
    const k = key[i];
    if (k >= 0) start[k + 1]++;
  }
  for (let g = 0; g < groups; g++) start[g + 1] += start[g];
  return start;
}

/**
 * Stable counting sort of the rows 0 … length − 1 by `key` (dense, 0 … groups − 1; a negative
 * key leaves the row out): within a group the rows keep their row order.
 */
export function groupRows(key: Int32Array, length: number, groups: number): PatientOrder {
  const start = groupStarts(key, length, groups);
  const cursor = start.slice(0, groups);
  const order = new Int32Array(start[groups]);
  for (let i = 0; i < length; i++) {
    const k = key[i];
    if (k >= 0) order[cursor[k]++] = i;
  }
  return { start, order };
}

/**
 * groupRows, then each group's rows by admitted_at (ties in row order), as sortWithinGroups(o,
 * admittedAt, null) — with `admitted`, admitted_at in that order. The counting sort writes each
 * row's admitted_at beside its place in `order`, so the sort and any scan after it read the times
 * in sequence rather than through the order: on rows out of order each such read was a cache
 * miss (the loader's duplicate check on the shuffled national bench file: 1.1 s in
 * sortWithinGroups).
 */
export function groupRowsByTime(key: Int32Array, admittedAt: Int32Array, length: number, groups: number): PatientOrder & { readonly admitted: Int32Array } {
  const start = groupStarts(key, length, groups);
  const cursor = start.slice(0, groups);
  const order = new Int32Array(start[groups]);
  const admitted = new Int32Array(start[groups]);
  for (let i = 0; i < length; i++) {
    const k = key[i];
    if (k < 0) continue;
    const at = cursor[k]++;
    order[at] = i;
    admitted[at] = admittedAt[i];
  }
  sortGroupsByTime(start, order, admitted);
  return { start, order, admitted };
}

/**
 * Each group's rows of `order` (in place) by (admitted, row), `admitted` holding each place's
 * admitted_at and moved with it. Groups already in order are only read.
 */
function sortGroupsByTime(start: Int32Array, order: Int32Array, admitted: Int32Array): void {
  const groups = start.length - 1;
  for (let g = 0; g < groups; g++) {
    const lo = start[g];
    const hi = start[g + 1];
    let sorted = true;
    for (let k = lo + 1; k < hi && sorted; k++) sorted = admitted[k] > admitted[k - 1] || (admitted[k] === admitted[k - 1] && order[k] > order[k - 1]);
    if (sorted) continue;
    if (hi - lo > INSERTION_MAX) {
      const places = Array.from({ length: hi - lo }, (_, x) => lo + x);
      places.sort((a, b) => admitted[a] - admitted[b] || order[a] - order[b]);
      const o = places.map((k) => order[k]);
      const t = places.map((k) => admitted[k]);
      order.set(o, lo);
      admitted.set(t, lo);
      continue;
    }
    for (let k = lo + 1; k < hi; k++) {
      const v = order[k];
      const av = admitted[k];
      let j = k - 1;
      while (j >= lo && (admitted[j] > av || (admitted[j] === av && order[j] > v))) {
        order[j + 1] = order[j];
        admitted[j + 1] = admitted[j];
        j--;
      }
      order[j + 1] = v;
      admitted[j + 1] = av;
    }
  }
}

/** Number of patient groups a contact table needs: its patient ids, or more if a row names a higher index. */
export function patientCount(c: Pick<ContactTable, "length" | "patient" | "patientIds">): number {
  let patients = c.patientIds.length;
  const pat = c.patient;
  for (let i = 0; i < c.length; i++) if (pat[i] >= patients) patients = pat[i] + 1;
  return patients;
}

/**
 * Contact rows grouped by patient and, within a patient, by admitted_at, then (when
 * `dischargedAt` is given) discharged_at with a missing discharge last, then row.
 */
export function orderByPatient(
  c: Pick<ContactTable, "length" | "patient" | "patientIds" | "admittedAt">,
  dischargedAt: Int32Array | null = null,
): PatientOrder & { readonly patients: number } {
  const patients = patientCount(c);
  const o = groupRows(c.patient, c.length, patients);
  sortWithinGroups(o, c.admittedAt, dischargedAt);
  return { start: o.start, order: o.order, patients };
}

/**
 * Put each group's rows (in place) in order of admittedAt, then — when `dischargedAt` is given —
 * discharge (MISSING last), then row index. A total order, so the result does not depend on the
 * method; groups already in order are only read.
 */
export function sortWithinGroups(o: PatientOrder, admittedAt: Int32Array, dischargedAt: Int32Array | null): void {
  const { start, order } = o;
  if (dischargedAt === null) {
    // the times beside the order (read through it once), then sorted with it
    sortGroupsByTime(start, order, Int32Array.from(order, (i) => admittedAt[i]));
    return;
  }
  const groups = start.length - 1;
  const adm = admittedAt;
  const dis = dischargedAt;
  for (let g = 0; g < groups; g++) {
    const lo = start[g];
    const hi = start[g + 1];
    if (hi - lo < 2) continue;
    if (inStayOrder(order, lo, hi, adm, dis)) continue;
    if (hi - lo > INSERTION_MAX) {
      const seg = Array.from(order.subarray(lo, hi));
      seg.sort((a, b) => adm[a] - adm[b] || end(dis, a) - end(dis, b) || a - b);
      order.set(seg, lo);
      continue;
    }
    for (let k = lo + 1; k < hi; k++) {
      const v = order[k];
      const av = adm[v];
      const dv = end(dis, v);
      let j = k - 1;
      while (j >= lo) {
        const r = order[j];
        const ar = adm[r];
        if (ar < av) break;
        if (ar === av) {
          const dr = end(dis, r);
          if (dr < dv || (dr === dv && r < v)) break;
        }
        order[j + 1] = r;
        j--;
      }
      order[j + 1] = v;
    }
  }
}

function end(dis: Int32Array, r: number): number {
  const d = dis[r];
  return d === MISSING ? BIG : d;
}

function inStayOrder(order: Int32Array, lo: number, hi: number, adm: Int32Array, dis: Int32Array): boolean {
  for (let k = lo + 1; k < hi; k++) {
    const a = order[k - 1];
    const b = order[k];
    if (adm[b] < adm[a]) return false;
    if (adm[b] === adm[a]) {
      const da = end(dis, a);
      const db = end(dis, b);
      if (db < da || (db === da && b < a)) return false;
    }
  }
  return true;
}

/** What `checkPatientOrder` found. */
export const ORDER_DOES_NOT_FIT = 0;
export const ORDER_FITS = 1;
export const ORDER_FITS_WITH_TIES = 2;

/**
 * Does `hint` group the table's rows by patient with admitted_at non-decreasing within each
 * patient? Read-only, O(n). Returns ORDER_DOES_NOT_FIT, ORDER_FITS, or ORDER_FITS_WITH_TIES (some
 * patient has two rows with the same admitted_at, whose order the caller may want to refine).
 *
 * On rows out of order every row is at a random place of the order, so the check writes at random
 * and reads in sequence (the processor does not wait for a write; it does for a read): each
 * listed row's position and patient are written at its row index, then compared row by row with
 * the table, and admitted_at is written into sorted order and read along each patient. Checked by
 * reading through the order, it took 0.84 s on the shuffled national bench file (16.6 M rows),
 * this way 0.35 s.
 */
export function checkPatientOrder(c: Pick<ContactTable, "length" | "patient" | "patientIds" | "admittedAt">, hint: PatientOrder): number {
  const n = c.length;
  const { start, order } = hint;
  const patients = start.length - 1;
  if (order.length !== n || patients < c.patientIds.length || start[0] !== 0 || start[patients] !== n) return ORDER_DOES_NOT_FIT;
  const position = new Int32Array(n).fill(-1);
  const listedAs = new Int32Array(n);
  for (let p = 0; p < patients; p++) {
    const lo = start[p];
    const hi = start[p + 1];
    if (hi < lo || hi > n) return ORDER_DOES_NOT_FIT;
    for (let k = lo; k < hi; k++) {
      const i = order[k];
      if (i < 0 || i >= n) return ORDER_DOES_NOT_FIT;
      position[i] = k;
      listedAs[i] = p;
    }
  }
  // order has n entries, so a row listed twice leaves another one unlisted (position −1)
  const pat = c.patient;
  for (let i = 0; i < n; i++) if (position[i] < 0 || listedAs[i] !== pat[i]) return ORDER_DOES_NOT_FIT;
  const sorted = listedAs; // no longer needed: admitted_at in sorted order
  const adm = c.admittedAt;
  for (let i = 0; i < n; i++) sorted[position[i]] = adm[i];
  let ties = false;
  for (let p = 0; p < patients; p++) {
    for (let k = start[p] + 1; k < start[p + 1]; k++) {
      if (sorted[k] < sorted[k - 1]) return ORDER_DOES_NOT_FIT;
      if (sorted[k] === sorted[k - 1]) ties = true;
    }
  }
  return ties ? ORDER_FITS_WITH_TIES : ORDER_FITS;
}
