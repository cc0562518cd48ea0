/**
 * Contact order for the stays scan: by patient, then by admitted_at, discharged_at (missing
 * last) and row — the loader's order when the table carries one that fits, the identity when the
 * rows already are in that order, else contract/patientOrder's counting sort.
 */
import type { ContactTable } from "../contract/tables.js";
import { MISSING } from "../contract/time.js";
import {
  checkPatientOrder,
  groupStarts,
  orderByPatient,
  ORDER_DOES_NOT_FIT,
  ORDER_FITS_WITH_TIES,
  sortWithinGroups,
} from "../contract/patientOrder.js";

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
  const o = sortContactsOrIdentity(c);
  if (o.order !== null) return o as ContactOrder;
  const order = new Int32Array(c.length);
  for (let i = 0; i < order.length; i++) order[i] = i;
  return { order, offsets: o.offsets, patients: o.patients };
}

/** As sortContacts, with `order` null when it is the identity (rows already in order): no array is made. */
export function sortContactsOrIdentity(c: ContactTable): Omit<ContactOrder, "order"> & { readonly order: Int32Array | null } {
  const hint = c.patientOrder;
  if (hint) {
    const fit = checkPatientOrder(c, hint);
    if (fit !== ORDER_DOES_NOT_FIT) {
      // Ties in admitted_at: order them by discharged_at (missing last), then row, in place — a
      // refinement that keeps the hint valid.
      if (fit === ORDER_FITS_WITH_TIES) sortWithinGroups(hint, c.admittedAt, c.dischargedAt);
      return { order: hint.order, offsets: hint.start, patients: hint.start.length - 1 };
    }
  }
  const inOrder = rowsInOrder(c);
  if (inOrder !== null) return inOrder;
  const { start, order, patients } = orderByPatient(c, c.dischargedAt);
  return { order, offsets: start, patients };
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
  return { order: null, offsets: groupStarts(pat, n, patients), patients };
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
