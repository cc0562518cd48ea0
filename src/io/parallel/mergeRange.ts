/**
 * Merging a parsed range into the table being built, on the main thread: its rows and the lines
 * it handed back are taken in line order — each handed-back line through the row path (or
 * reported as a repeated header), each accepted row appended with its range-local dictionary
 * indexes mapped to the table's — so values are registered in the order the one-thread reader
 * registers them and the table comes out identical.
 */

import type { AdmissionsRows } from "../admissionsReader.js";
import type { ProblemLog } from "../problemLog.js";
import type { Counts } from "../tableReader.js";
import type { RangeRows } from "./parseRange.js";

/** What the merge of one file's ranges needs. */
export interface MergeTarget {
  readonly rows: AdmissionsRows;
  /** The row path for this file's header. */
  readonly rowPath: (text: string, lineNo: number, counts: Counts) => void;
  readonly headerText: string;
  readonly file: string;
  readonly counts: Counts;
  readonly log: ProblemLog;
}

/**
 * Append range `r`, whose first line is line `firstLine` of the file.
 *
 * @example
 * mergeRange(target, range, 2); // the first range starts after the header
 */
export function mergeRange(target: MergeTarget, r: RangeRows, firstLine: number): void {
  const { builder } = target.rows;
  const { counts } = target;
  const c = r.columns;
  const offset = firstLine - 1;
  const patientMap = new Int32Array(r.patients.offs.length - 1).fill(-1);
  const hospitalMap = new Int32Array(r.hospitals.length).fill(-1);
  const diagnosisMap = new Int32Array(r.diagnoses.length).fill(-1);
  const { bytes, offs } = r.patients;
  const other = r.otherLines;
  let k = 0;
  const handBack = (): void => {
    const line = offset + other[k];
    const text = r.otherTexts[k++];
    if (text === target.headerText) target.log.add("header_repeated", target.file, line, {});
    else {
      counts.rowPath++;
      target.rowPath(text, line, counts);
    }
  };
  for (let i = 0; i < r.length; i++) {
    const line = c.sourceLine[i];
    while (k < other.length && other[k] < line) handBack();
    const lp = c.patient[i];
    let p = patientMap[lp];
    if (p < 0) p = patientMap[lp] = builder.patients.idOfBytes(bytes, offs[lp], offs[lp + 1]);
    const lh = c.hospital[i];
    let h = -1;
    if (lh >= 0) {
      h = hospitalMap[lh];
      if (h < 0) h = hospitalMap[lh] = builder.hospitals.id(r.hospitals[lh]);
    }
    const ld = c.diagnosis[i];
    let d = diagnosisMap[ld];
    if (d < 0) d = diagnosisMap[ld] = builder.diagnoses.id(r.diagnoses[ld]);
    builder.push(p, c.birthDate[i], c.sex[i], c.municipality[i], h, c.admittedAt[i], c.dischargedAt[i], c.acute[i], c.inpatient[i], d, c.referral[i], c.cost[i], offset + line);
  }
  while (k < other.length) handBack();
  counts.rowsRead += r.length;
  counts.accepted += r.length;
  counts.blankLines += r.blankLines;
}
