/**
 * Overlapping contacts of one patient: a contact admitted before an earlier contact of the same
 * patient is discharged (or while it is still open). They are kept — transfers between wards
 * and hospitals overlap, and stays/ merges contacts that overlap or lie ≤ 4 h apart into one
 * stay (Sundhedsdatastyrelsen's stay definition, danish-context.md) — and reported as warnings.
 *
 * Method: the rows grouped by patient, each patient's rows by admission time (ties in file
 * order; contract/patientOrder), then one pass keeping the latest discharge so far. O(n) plus
 * the per-patient sorts.
 */

import type { ContactTable } from "../contract/tables.js";
import { MISSING } from "../contract/time.js";
import { orderByPatient, type PatientOrder } from "../contract/patientOrder.js";
import type { ProblemLog } from "./problemLog.js";

/**
 * Log an `overlapping_contacts` warning for every contact that overlaps an earlier one; returns
 * their number. `sorted`: the rows already grouped by patient and ordered (ContactBuilder.byPatient).
 */
export function reportOverlaps(table: ContactTable, file: string, log: ProblemLog, sorted: PatientOrder | null = null): number {
  const { start, order } = sorted ?? orderByPatient(table);
  // The times in that order, written through the inverse of the order (random writes, reads in
  // sequence) rather than read through it: on rows out of order each read was a cache miss
  // (0.7 s on the shuffled national bench file).
  const n = order.length;
  const position = new Int32Array(table.length).fill(-1); // −1: a row the order leaves out
  for (let k = 0; k < n; k++) position[order[k]] = k;
  const adm = new Int32Array(n);
  const dis = new Int32Array(n);
  const { admittedAt, dischargedAt } = table;
  for (let i = 0; i < table.length; i++) {
    const k = position[i];
    if (k < 0) continue;
    adm[k] = admittedAt[i];
    dis[k] = dischargedAt[i];
  }
  const nP = start.length - 1;
  let found = 0;
  for (let p = 0; p < nP; p++) {
    const a = start[p];
    const b = start[p + 1];
    if (b - a < 2) continue;
    let maxEnd = -Infinity;
    let maxRow = -1;
    for (let k = a; k < b; k++) {
      const r = order[k];
      if (adm[k] < maxEnd) {
        found++;
        log.add("overlapping_contacts", file, table.sourceLine[r], {
          lineRef: table.sourceLine[maxRow],
          expected: "contacts of one patient that do not overlap",
          found: `line ${table.sourceLine[maxRow]}`,
        });
      }
      const end = dis[k] === MISSING ? Infinity : dis[k];
      if (end > maxEnd) {
        maxEnd = end;
        maxRow = r;
      }
    }
  }
  return found;
}
