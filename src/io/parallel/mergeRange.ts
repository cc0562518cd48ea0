/**
 * Merging a parsed range into the table being built, on the main thread: its rows and the lines
 * it handed back are taken in line order — each handed-back line through the row path (or
 * reported as a repeated header), each run of accepted rows between them copied column by column
 * with its range-local dictionary indexes mapped to the table's, in row order — so values are
 * registered in the order the one-thread reader registers them and the table comes out identical.
 */

import type { AdmissionsRows } from "../admissionsReader.js";
import type { ProblemLog } from "../problemLog.js";
import type { Counts } from "../tableReader.js";
import type { RangeRows } from "./parseRange.js";

/**
 * Rows whose patient-dictionary slots are read ahead of their look-ups. On a file not grouped by
 * patient nearly every look-up misses the cache; read one after another, each waits for its own.
 */
const WARM_BATCH = 32;
/** Where the slot words read ahead go (kept, so that the reads are not optimised away). */
let warmSink = 0;

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
  const lines = c.sourceLine;
  const offset = firstLine - 1;
  const patientMap = new Int32Array(r.patients.offs.length - 1).fill(-1);
  const hospitalMap = new Int32Array(r.hospitals.length).fill(-1);
  const diagnosisMap = new Int32Array(r.diagnoses.length).fill(-1);
  const { bytes, offs, hashes } = r.patients;
  const { hospitals, diagnoses } = r;
  const other = r.otherLines;
  const n = r.length;

  /** Rows [from, to) of the range: copied, then their text indexes mapped (registering new values in row order). */
  const copyRows = (from: number, to: number): void => {
    if (to <= from) return;
    // the range's local indexes are copied first, then mapped: the columns must hold both
    builder.reserveIndexes(builder.hospitals.list.length + hospitals.length, builder.diagnoses.list.length + diagnoses.length);
    const at = builder.appendRows(c, from, to, offset);
    const end = at + to - from;
    const pat = builder.patient;
    const hosp = builder.hospital;
    const diag = builder.diagnosis;
    const patients = builder.patients;
    let sink = 0;
    for (let j = at; j < end; j++) {
      // the dictionary slots of the next WARM_BATCH rows' ids read first, their misses together
      if ((j - at) % WARM_BATCH === 0) {
        const stop = Math.min(end, j + WARM_BATCH);
        for (let x = j; x < stop; x++) {
          const l = pat[x];
          if (patientMap[l] < 0) sink ^= patients.warm(hashes[l]);
        }
      }
      const lp = pat[j];
      let p = patientMap[lp];
      if (p < 0) p = patientMap[lp] = patients.idOfHashedBytes(bytes, offs[lp], offs[lp + 1], hashes[lp]);
      pat[j] = p;
      const lh = hosp[j];
      if (lh >= 0) {
        let h = hospitalMap[lh];
        if (h < 0) h = hospitalMap[lh] = builder.hospitals.id(hospitals[lh]);
        hosp[j] = h;
      }
      const ld = diag[j];
      let d = diagnosisMap[ld];
      if (d < 0) d = diagnosisMap[ld] = builder.diagnoses.id(diagnoses[ld]);
      diag[j] = d;
    }
    warmSink ^= sink;
  };

  let i = 0;
  for (let k = 0; k < other.length; k++) {
    const at = other[k];
    let j = i;
    while (j < n && lines[j] < at) j++;
    copyRows(i, j);
    i = j;
    const line = offset + at;
    const text = r.otherTexts[k];
    if (text === target.headerText) target.log.add("header_repeated", target.file, line, {});
    else {
      counts.rowPath++;
      target.rowPath(text, line, counts);
    }
  }
  copyRows(i, n);
  counts.rowsRead += n;
  counts.accepted += n;
  counts.blankLines += r.blankLines;
}
