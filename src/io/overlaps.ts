/**
 * Overlapping contacts of one patient: a contact admitted before an earlier contact of the same
 * patient is discharged (or while it is still open). They are kept — transfers between wards
 * and hospitals overlap, and stays/ merges contacts that overlap or lie ≤ 4 h apart into one
 * stay (Sundhedsdatastyrelsen's stay definition, danish-context.md) — and reported as warnings.
 *
 * Method: counting sort of rows by patient (dense index), each patient's rows sorted by admission
 * time (ties in file order), then one pass keeping the latest discharge so far. O(n) plus the
 * per-patient sorts.
 */

import type { ContactTable } from "../contract/tables.js";
import { MISSING } from "../contract/time.js";
import { sortByAdmission } from "./contactBuilder.js";
import type { PatientOrder } from "./contactBuilder.js";
import type { ProblemLog } from "./problemLog.js";

/**
 * Log an `overlapping_contacts` warning for every contact that overlaps an earlier one; returns
 * their number. `sorted`: the rows already grouped by patient and ordered (ContactBuilder.byPatient).
 */
export function reportOverlaps(table: ContactTable, file: string, log: ProblemLog, sorted: PatientOrder | null = null): number {
  const n = table.length;
  const nP = table.patientIds.length;
  const adm = table.admittedAt;
  const dis = table.dischargedAt;
  let start: Int32Array;
  let order: Int32Array;
  if (sorted !== null) {
    ({ start, order } = sorted);
  } else {
    start = new Int32Array(nP + 1);
    for (let i = 0; i < n; i++) start[table.patient[i] + 1]++;
    for (let p = 0; p < nP; p++) start[p + 1] += start[p];
    const pos = start.slice(0, nP);
    order = new Int32Array(n);
    for (let i = 0; i < n; i++) order[pos[table.patient[i]]++] = i;
  }
  let found = 0;
  for (let p = 0; p < nP; p++) {
    const a = start[p];
    const b = start[p + 1];
    if (b - a < 2) continue;
    const group = order.subarray(a, b);
    if (sorted === null) sortByAdmission(group, adm);
    let maxEnd = -Infinity;
    let maxRow = -1;
    for (let i = 0; i < group.length; i++) {
      const r = group[i];
      if (adm[r] < maxEnd) {
        found++;
        log.add("overlapping_contacts", file, table.sourceLine[r], {
          lineRef: table.sourceLine[maxRow],
          expected: "contacts of one patient that do not overlap",
          found: `line ${table.sourceLine[maxRow]}`,
        });
      }
      const end = dis[r] === MISSING ? Infinity : dis[r];
      if (end > maxEnd) {
        maxEnd = end;
        maxRow = r;
      }
    }
  }
  return found;
}
