/**
 * Contact order for the stays scan: by patient (counting sort, O(n + patients)), then by
 * admitted_at, discharged_at (missing last) and row (insertion sort within each patient, whose
 * contacts are few; a comparison sort for long histories).
 */
import type { ContactTable } from "../contract/tables.js";
import { MISSING } from "../contract/time.js";

export interface ContactOrder {
  /** Contact rows in (patient, admitted_at, discharged_at, row) order. */
  readonly order: Int32Array;
  /** offsets[p] … offsets[p + 1] − 1 are the positions in `order` of patient p. */
  readonly offsets: Int32Array;
  readonly patients: number;
}

const BIG = 2147483647;

/**
 * A ContactTable may carry the loader's grouping of rows by patient (optional field
 * `patientOrder`, set by loadDataset: patient p's rows are order[start[p] … start[p + 1] − 1],
 * each patient's rows by admitted_at). It is reused here instead of sorting again. (The loader
 * leaves it out of large tables whose rows already are in that order: then no sort is needed.)
 */
export interface PatientOrderHint {
  readonly start: Int32Array;
  readonly order: Int32Array;
}

/**
 * Sort contacts by patient then time without creating an object per contact. `scratch`: an
 * all-zero Uint8Array of at least c.length entries that may be used (and is left all zero), to
 * save an allocation.
 */
export function sortContacts(c: ContactTable, scratch?: Uint8Array): ContactOrder {
  const o = sortContactsOrIdentity(c, scratch);
  if (o.order !== null) return o as ContactOrder;
  const order = new Int32Array(c.length);
  for (let i = 0; i < order.length; i++) order[i] = i;
  return { order, offsets: o.offsets, patients: o.patients };
}

/** As sortContacts, with `order` null when it is the identity (rows already in order): no array is made. */
export function sortContactsOrIdentity(c: ContactTable, scratch?: Uint8Array): Omit<ContactOrder, "order"> & { readonly order: Int32Array | null } {
  const hint = c.patientOrder;
  if (hint) {
    const reused = reuseOrder(c, hint, scratch !== undefined && scratch.length >= c.length ? scratch : new Uint8Array(c.length));
    if (reused !== null) return reused;
  }
  const inOrder = rowsInOrder(c);
  if (inOrder !== null) return inOrder;
  const n = c.length;
  const pat = c.patient;
  let patients = c.patientIds.length;
  for (let i = 0; i < n; i++) if (pat[i] >= patients) patients = pat[i] + 1;
  const offsets = new Int32Array(patients + 1);
  for (let i = 0; i < n; i++) offsets[pat[i] + 1]++;
  for (let p = 0; p < patients; p++) offsets[p + 1] += offsets[p];
  const cursor = offsets.slice(0, patients);
  const order = new Int32Array(n);
  for (let i = 0; i < n; i++) order[cursor[pat[i]]++] = i;

  const adm = c.admittedAt;
  const dis = c.dischargedAt;
  const less = (a: number, b: number): boolean => {
    const x = adm[a];
    const y = adm[b];
    if (x !== y) return x < y;
    const dx = dis[a] === MISSING ? BIG : dis[a];
    const dy = dis[b] === MISSING ? BIG : dis[b];
    if (dx !== dy) return dx < dy;
    return a < b;
  };
  for (let p = 0; p < patients; p++) {
    const lo = offsets[p];
    const hi = offsets[p + 1];
    const len = hi - lo;
    if (len < 2) continue;
    if (len > 48) {
      const seg = Array.from(order.subarray(lo, hi));
      seg.sort((a, b) => (less(a, b) ? -1 : less(b, a) ? 1 : 0));
      order.set(seg, lo);
      continue;
    }
    for (let k = lo + 1; k < hi; k++) {
      const v = order[k];
      let j = k - 1;
      while (j >= lo && less(v, order[j])) {
        order[j + 1] = order[j];
        j--;
      }
      order[j + 1] = v;
    }
  }
  return { order, offsets, patients };
}

/**
 * When the rows already are in (patient, admitted_at, discharged_at, row) order with the patients
 * numbered in order of first appearance — a file grouped by patient and sorted by time, as the
 * loader's dictionary numbers patients — the order is the identity: found in one pass, no sort.
 * Returns null otherwise.
 */
function rowsInOrder(c: ContactTable): { readonly order: null; readonly offsets: Int32Array; readonly patients: number } | null {
  const n = c.length;
  const pat = c.patient;
  const adm = c.admittedAt;
  const dis = c.dischargedAt;
  const patients = c.patientIds.length;
  if (n === 0 || pat[0] !== 0 || pat[n - 1] !== patients - 1) return null;
  for (let i = 1; i < n; i++) {
    const p = pat[i];
    const q = pat[i - 1];
    if (p === q) {
      const a = adm[i];
      const b = adm[i - 1];
      if (a < b) return null;
      if (a === b) {
        const x = dis[i] === MISSING ? BIG : dis[i];
        const y = dis[i - 1] === MISSING ? BIG : dis[i - 1];
        if (x < y) return null;
      }
    } else if (p !== q + 1) return null;
  }
  const offsets = new Int32Array(patients + 1);
  for (let i = 0; i < n; i++) offsets[pat[i] + 1]++;
  for (let p = 0; p < patients; p++) offsets[p + 1] += offsets[p];
  return { order: null, offsets, patients };
}

/**
 * Check that `hint` groups the rows by patient with admitted_at non-decreasing (O(n), no
 * allocation), then order ties in admitted_at by discharged_at (missing last) and row in place —
 * a refinement that keeps the hint valid. Returns null (and leaves the hint untouched) when the
 * hint does not fit the table, so the caller sorts afresh.
 */
function reuseOrder(c: ContactTable, hint: PatientOrderHint, seen: Uint8Array): ContactOrder | null {
  try {
    return checkedOrder(c, hint, seen);
  } finally {
    seen.fill(0, 0, c.length);
  }
}

function checkedOrder(c: ContactTable, hint: PatientOrderHint, seen: Uint8Array): ContactOrder | null {
  const n = c.length;
  const { start, order } = hint;
  const patients = start.length - 1;
  if (order.length !== n || patients < c.patientIds.length || start[0] !== 0 || start[patients] !== n) return null;
  const pat = c.patient;
  const adm = c.admittedAt;
  const dis = c.dischargedAt;
  let ties = false;
  for (let p = 0; p < patients; p++) {
    const lo = start[p];
    const hi = start[p + 1];
    if (hi < lo) return null;
    let prev = -BIG - 1;
    for (let k = lo; k < hi; k++) {
      const i = order[k];
      if (i < 0 || i >= n || pat[i] !== p || seen[i] === 1) return null;
      seen[i] = 1;
      const a = adm[i];
      if (a < prev) return null;
      if (a === prev) ties = true;
      prev = a;
    }
  }
  if (ties) {
    // Runs of equal admitted_at: order by discharged_at (missing last), then row.
    const key = (r: number): number => (dis[r] === MISSING ? BIG : dis[r]);
    for (let p = 0; p < patients; p++) {
      const lo = start[p];
      const hi = start[p + 1];
      for (let k = lo + 1; k < hi; k++) {
        const v = order[k];
        const av = adm[v];
        const dv = key(v);
        let j = k - 1;
        while (j >= lo && adm[order[j]] === av && (key(order[j]) > dv || (key(order[j]) === dv && order[j] > v))) {
          order[j + 1] = order[j];
          j--;
        }
        order[j + 1] = v;
      }
    }
  }
  return { order, offsets: start, patients };
}

/** True when two contact rows are exact duplicates (every field but the source line). */
export function sameContact(c: ContactTable, a: number, b: number): boolean {
  return (
    c.patient[a] === c.patient[b] &&
    c.admittedAt[a] === c.admittedAt[b] &&
    c.dischargedAt[a] === c.dischargedAt[b] &&
    c.acute[a] === c.acute[b] &&
    c.inpatient[a] === c.inpatient[b] &&
    c.diagnosis[a] === c.diagnosis[b] &&
    c.hospital[a] === c.hospital[b] &&
    c.municipality[a] === c.municipality[b] &&
    c.referral[a] === c.referral[b] &&
    c.birthDate[a] === c.birthDate[b] &&
    c.sex[a] === c.sex[b] &&
    (c.cost[a] === c.cost[b] || (Number.isNaN(c.cost[a]) && Number.isNaN(c.cost[b])))
  );
}
