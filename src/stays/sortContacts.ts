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

/** Sort contacts by patient then time without creating an object per contact. */
export function sortContacts(c: ContactTable): ContactOrder {
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
