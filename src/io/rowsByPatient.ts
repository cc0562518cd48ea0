/**
 * The loader's steps after the duplicate check that put the contact table's rows in the order the
 * stays read them (docs/cache.md, "The contacts in patient order"):
 * - `putRowsByPatient`: grouped by patient (in patient-index order: by the municipality of the
 *   first contact, io/patientsByMunicipality.ts, or else in order of first appearance in the file),
 *   each patient's rows by admitted_at, ties in file order — the order the duplicate check found
 *   (contract/patientOrder) — by moving every column once, in place;
 * - then, after the overlap check (which reads ties in file order), `putTiesInStayOrder`: rows of a
 *   patient with the same admitted_at by discharge, as the stays order them, and the order array
 *   dropped, as the stays find such rows in order in one read.
 *
 * Why: on a file whose rows are not grouped by patient (an extract sorted by date or by hospital,
 * or the bench's shuffled copy) every stage that walks the contacts patient by patient read each
 * column through the order, one cache miss a row and column: on the shuffled national bench file
 * (16.6 M contacts) the stays and links took 4.3 s against 2.8 s on the same rows grouped by patient.
 *
 * Nothing a later stage reports depends on the row order: every message names a contact by its
 * `sourceLine`, which moves with the row; a patient's rows keep the stays' order; the patient
 * ids and their look-up follow a new numbering (io/patientsByMunicipality.ts).
 *
 * Method: each row's new place is known from the order; a column moved by `column'[place[i]] =
 * column[i]` writes at random over the whole column, one page-table miss a row (about 0.22 s a
 * 4-byte column on 16.6 M rows here). So each column is moved in two passes that each stay within
 * a small window (a radix scatter on the high bits of the place): first into one of n / 131,072
 * bucket streams of a scratch buffer, in bucket order, then from each bucket into its 131,072 final
 * places (512 KB of a 4-byte column) — about 0.1 s a 4-byte column. The two position arrays are
 * made once for all thirteen columns; the columns are moved in place, so they stay the arrays they
 * were.
 */

import type { ContactTable } from "../contract/tables.js";
import { sortWithinGroups, type PatientOrder } from "../contract/patientOrder.js";

type AnyColumn = ContactTable[
  | "patient"
  | "birthDate"
  | "sex"
  | "municipality"
  | "hospital"
  | "admittedAt"
  | "dischargedAt"
  | "acute"
  | "inpatient"
  | "diagnosis"
  | "referral"
  | "cost"
  | "sourceLine"];

/** Every per-row column of the contact table (all move together). */
function contactColumns(t: ContactTable): AnyColumn[] {
  return [t.patient, t.birthDate, t.sex, t.municipality, t.hospital, t.admittedAt, t.dischargedAt, t.acute, t.inpatient, t.diagnosis, t.referral, t.cost, t.sourceLine];
}

/** A new patient numbering: patient p becomes newIndex[p], whose rows begin at start[newIndex[p]]. */
export interface Renumbering {
  readonly newIndex: Int32Array;
  readonly start: Int32Array;
}

/**
 * The table with its rows in the order `byPatient` lists them (the loader's grouping: rows of a
 * patient by admitted_at, ties by row) and a `patientOrder` that lists them in place: `byPatient`'s
 * order is overwritten with the identity. The columns are reordered in place. With `renumbered`
 * (io/patientsByMunicipality.ts) the patients come in their new order instead and the patient
 * column is rewritten in the new numbering (every row must then be in the grouping).
 */
export function putRowsByPatient(table: ContactTable, byPatient: PatientOrder, renumbered: Renumbering | null = null): ContactTable {
  const n = table.length;
  const { order } = byPatient;
  if (order.length !== n) {
    if (renumbered !== null) throw new RangeError("putRowsByPatient: a new numbering needs every row in the grouping");
    return { ...table, patientOrder: byPatient };
  }
  const start = renumbered === null ? byPatient.start : renumbered.start;
  let identity = renumbered === null;
  for (let k = 0; k < n && identity; k++) if (order[k] !== k) identity = false;
  if (!identity) {
    const { into, from } = twoPassPlaces(order, renumbered === null ? null : { oldStart: byPatient.start, ...renumbered });
    const widest = table.cost.BYTES_PER_ELEMENT >= 8 ? 8 : 4;
    const scratch = new ArrayBuffer(n * widest);
    for (const column of contactColumns(table)) {
      if (renumbered !== null && column === table.patient) continue;
      moveColumn(column, into, from, scratch);
    }
    if (renumbered !== null) {
      // the patient column in the new numbering: patient q's rows are start[q] … start[q + 1] − 1
      const patient = table.patient;
      for (let q = 0; q + 1 < start.length; q++) patient.fill(q, start[q], start[q + 1]);
    }
    for (let k = 0; k < n; k++) order[k] = k;
  }
  return { ...table, patientOrder: { start, order } };
}

/**
 * After `putRowsByPatient` and the overlap check (which reads ties in file order): the rows of a
 * patient with the same admitted_at put in the stays' order — discharged_at, a missing discharge
 * last, then row (contract/patientOrder's sortWithinGroups) — by moving only those rows, in place.
 * The rows are then in the order the stays sort contacts into, which the stays find in one read
 * without an order array (stays/sortContacts `rowsInOrder`), so the table drops its
 * `patientOrder` (16.6 M rows: 66 MB) — unless a patient index has no row (its id registered by a
 * row that was then rejected), where that check does not hold and the order is kept.
 */
export function putTiesInStayOrder(table: ContactTable): ContactTable {
  const hint = table.patientOrder;
  if (!hint) return table;
  const { start, order } = hint;
  const n = table.length;
  if (order.length !== n) return table;
  sortWithinGroups(hint, table.admittedAt, table.dischargedAt);
  const moved: number[] = [];
  for (let k = 0; k < n; k++) if (order[k] !== k) moved.push(k);
  if (moved.length > 0) {
    const from = Int32Array.from(moved, (k) => order[k]);
    for (const column of contactColumns(table)) moveFew(column, moved, from);
    for (const k of moved) order[k] = k;
  }
  const patients = start.length - 1;
  let everyPatientHasRows = patients === table.patientIds.length;
  for (let p = 0; p < patients && everyPatientHasRows; p++) if (start[p + 1] === start[p]) everyPatientHasRows = false;
  return { ...table, patientOrder: everyPatientHasRows ? null : hint };
}

/** column[to[i]] ← column[from[i]] (the old values) for the few rows that move; bit for bit. */
function moveFew(column: AnyColumn, to: readonly number[], from: Int32Array): void {
  const n = column.length;
  const { buffer, byteOffset } = column;
  const view =
    column.BYTES_PER_ELEMENT === 1
      ? new Uint8Array(buffer, byteOffset, n)
      : column.BYTES_PER_ELEMENT === 2
        ? new Uint16Array(buffer, byteOffset, n)
        : column.BYTES_PER_ELEMENT === 4
          ? new Uint32Array(buffer, byteOffset, n)
          : new Uint32Array(buffer, byteOffset, 2 * n);
  const width = column.BYTES_PER_ELEMENT === 8 ? 2 : 1;
  const old = new Uint32Array(from.length * width);
  for (let i = 0; i < from.length; i++) for (let w = 0; w < width; w++) old[i * width + w] = view[from[i] * width + w];
  for (let i = 0; i < to.length; i++) for (let w = 0; w < width; w++) view[to[i] * width + w] = old[i * width + w];
}

/** Rows per bucket of final places: 2^17 (the fastest of 2^12 … 2^17 on 16.6 M rows here). */
const SHIFT = 17;

/**
 * The two passes' positions for the move that puts row order[k] at k (with `renumbered`: the row of
 * old patient p at place k − oldStart[p] + start[newIndex[p]]): pass 1 writes row i's value to
 * scratch[into[i]] (bucket streams, in bucket order, rows in row order within a bucket); pass 2
 * writes scratch[j] to its final place from[j].
 */
function twoPassPlaces(order: Int32Array, renumbered: (Renumbering & { readonly oldStart: Int32Array }) | null): { into: Int32Array; from: Int32Array } {
  const n = order.length;
  const into = new Int32Array(n);
  // each row's final place, first held in `into`
  if (renumbered === null) for (let k = 0; k < n; k++) into[order[k]] = k;
  else {
    const { oldStart, newIndex, start } = renumbered;
    for (let p = 0; p < newIndex.length; p++) {
      const shift = start[newIndex[p]] - oldStart[p];
      const e = oldStart[p + 1];
      for (let k = oldStart[p]; k < e; k++) into[order[k]] = k + shift;
    }
  }
  const buckets = (n >>> SHIFT) + 1;
  const cursor = new Int32Array(buckets + 1);
  for (let i = 0; i < n; i++) cursor[(into[i] >>> SHIFT) + 1]++;
  for (let b = 0; b < buckets; b++) cursor[b + 1] += cursor[b];
  const from = new Int32Array(n);
  for (let i = 0; i < n; i++) {
    const place = into[i];
    const at = cursor[place >>> SHIFT]++;
    into[i] = at;
    from[at] = place;
  }
  return { into, from };
}

/** column[place of row i] ← column[i] for every row, through `scratch`; bit for bit (NaN payloads too). */
function moveColumn(column: AnyColumn, into: Int32Array, from: Int32Array, scratch: ArrayBuffer): void {
  const n = into.length;
  const { buffer, byteOffset } = column;
  switch (column.BYTES_PER_ELEMENT) {
    case 1:
      move1(new Uint8Array(buffer, byteOffset, n), new Uint8Array(scratch, 0, n), into, from);
      return;
    case 2:
      move2(new Uint16Array(buffer, byteOffset, n), new Uint16Array(scratch, 0, n), into, from);
      return;
    case 4:
      move4(new Uint32Array(buffer, byteOffset, n), new Uint32Array(scratch, 0, n), into, from);
      return;
    default:
      // two 32-bit halves: a Float64Array copy could quieten a signalling NaN
      move8(new Uint32Array(buffer, byteOffset, 2 * n), new Uint32Array(scratch, 0, 2 * n), into, from);
  }
}

// One function per element width, so each loop stays monomorphic.
function move1(a: Uint8Array, s: Uint8Array, into: Int32Array, from: Int32Array): void {
  const n = into.length;
  for (let i = 0; i < n; i++) s[into[i]] = a[i];
  for (let j = 0; j < n; j++) a[from[j]] = s[j];
}
function move2(a: Uint16Array, s: Uint16Array, into: Int32Array, from: Int32Array): void {
  const n = into.length;
  for (let i = 0; i < n; i++) s[into[i]] = a[i];
  for (let j = 0; j < n; j++) a[from[j]] = s[j];
}
function move4(a: Uint32Array, s: Uint32Array, into: Int32Array, from: Int32Array): void {
  const n = into.length;
  for (let i = 0; i < n; i++) s[into[i]] = a[i];
  for (let j = 0; j < n; j++) a[from[j]] = s[j];
}
function move8(a: Uint32Array, s: Uint32Array, into: Int32Array, from: Int32Array): void {
  const n = into.length;
  for (let i = 0; i < n; i++) {
    const to = 2 * into[i];
    s[to] = a[2 * i];
    s[to + 1] = a[2 * i + 1];
  }
  for (let j = 0; j < n; j++) {
    const to = 2 * from[j];
    a[to] = s[2 * j];
    a[to + 1] = s[2 * j + 1];
  }
}
