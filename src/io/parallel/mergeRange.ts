/**
 * Merging a parsed range into the table being built, on the main thread: its rows and the lines
 * it handed back are taken in line order — each handed-back line through the row path (or
 * reported as a repeated header), each run of accepted rows between them copied column by column
 * with the thread's dictionary indexes mapped to the table's, in row order — so values are
 * registered in the order the one-thread reader registers them and the table comes out identical.
 * A thread's index is mapped once (its first use in file order registers or finds the value in the
 * table's dictionary; every entry a thread sends is used by a row of the range it comes with).
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

/** A thread's dictionary indexes → the table's (−1: not yet mapped), and its hospital and diagnosis values. */
export interface ThreadMaps {
  epoch: number;
  /** Patient ids received from the thread so far. */
  received: number;
  patients: Int32Array;
  hospitals: string[];
  hospitalMap: number[];
  diagnoses: string[];
  diagnosisMap: number[];
}

/**
 * Empty maps of a thread.
 *
 * @example
 * const maps = threadMaps();
 */
export function threadMaps(): ThreadMaps {
  return { epoch: 0, received: 0, patients: new Int32Array(1024).fill(-1), hospitals: [], hospitalMap: [], diagnoses: [], diagnosisMap: [] };
}

/** Take in the dictionary entries a range brings (starting afresh when the thread did). */
function extendMaps(maps: ThreadMaps, r: RangeRows): void {
  if (r.epoch !== maps.epoch) {
    Object.assign(maps, threadMaps(), { epoch: r.epoch });
  }
  if (r.patients.first !== maps.received) throw new Error("a thread's patient ids came out of order");
  const need = r.patients.first + r.patients.offs.length - 1;
  maps.received = need;
  if (need > maps.patients.length) {
    const grown = new Int32Array(Math.max(need, maps.patients.length * 2)).fill(-1);
    grown.set(maps.patients);
    maps.patients = grown;
  }
  for (const h of r.hospitals) {
    maps.hospitals.push(h);
    maps.hospitalMap.push(-1);
  }
  for (const d of r.diagnoses) {
    maps.diagnoses.push(d);
    maps.diagnosisMap.push(-1);
  }
}

/**
 * Append range `r`, whose first line is line `firstLine` of the file, parsed by the thread whose
 * maps are `maps`.
 *
 * @example
 * mergeRange(target, range, 2, maps); // the first range starts after the header
 */
export function mergeRange(target: MergeTarget, r: RangeRows, firstLine: number, maps: ThreadMaps): void {
  const { builder } = target.rows;
  const { counts } = target;
  const c = r.columns;
  const lines = c.sourceLine;
  const offset = firstLine - 1;
  extendMaps(maps, r);
  const patientMap = maps.patients;
  const { hospitalMap, diagnosisMap, hospitals, diagnoses } = maps;
  const { bytes, offs, first } = r.patients;
  const other = r.otherLines;
  const n = r.length;

  /** Rows [from, to) of the range: copied, then their text indexes mapped (registering new values in row order). */
  const copyRows = (from: number, to: number): void => {
    if (to <= from) return;
    const at = builder.appendRows(c, from, to, offset);
    const end = at + to - from;
    const pat = builder.patient;
    const hosp = builder.hospital;
    const diag = builder.diagnosis;
    const patients = builder.patients;
    for (let j = at; j < end; j++) {
      const lp = pat[j];
      let p = patientMap[lp];
      if (p < 0) {
        const k = lp - first;
        if (k < 0) throw new Error("a thread's patient id was sent before but not mapped");
        p = patientMap[lp] = patients.idOfBytes(bytes, offs[k], offs[k + 1]);
      }
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
