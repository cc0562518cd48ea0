/**
 * The loader's patient numbering: patients numbered by the municipality of their first contact
 * (in admission-time order), ties in order of first appearance in the file — applied with the move
 * that puts the rows in patient order (io/rowsByPatient.ts), after the duplicate check, so that the
 * rows of one municipality's patients lie together (docs/cache.md, "The patients by municipality").
 *
 * Why: every indicator counts into cells by municipality (× year × age class × sex × category).
 * Numbered by first appearance in a file sorted by date or by hospital (the bench's shuffled copy),
 * consecutive patients live in random municipalities and every count lands in a random cell of
 * tables up to 26 MB (weekday × hour); numbered by municipality, the cells in use stay in the
 * processor's cache.
 *
 * Nothing a later stage reports depends on the numbering: the patient index is internal (never in
 * an output), every message names a contact by its file line, and the patient ids, the look-up
 * from id to index, and every table joined to patients afterwards (deaths, care status) follow it.
 */

import type { ContactTable } from "../contract/tables.js";
import type { PatientOrder } from "../contract/patientOrder.js";
import { ByteKeyedDictionary, lazyStringList } from "./dictionary.js";
import { putRowsByPatient, type Renumbering } from "./rowsByPatient.js";

/** Look-up from patient id to patient index (the loader's dictionary, or a register's). */
export interface PatientIndex {
  get(id: string): number | undefined;
}

/**
 * The new numbering (`newIndex[p]`: patient p's new index; `start[q]`: where the rows of new
 * patient q begin) for a grouping of every row by patient; null when the patients already come in
 * runs by municipality (at most twice as many runs as municipalities). A patient without rows
 * sorts first, in order of first appearance.
 */
export function municipalityNumbering(table: ContactTable, byPatient: PatientOrder): Renumbering | null {
  const { start, order } = byPatient;
  const nP = start.length - 1;
  const muni = table.municipality;
  // key: the municipality code of the patient's first row; −32769 for none (below every Int16 code)
  const NONE = -32769;
  const key = new Int32Array(nP);
  let lo = 32767;
  let hi = -32768;
  let runs = 0;
  let prev = NONE;
  for (let p = 0; p < nP; p++) {
    const k = start[p + 1] === start[p] ? NONE : muni[order[start[p]]];
    key[p] = k;
    if (k === NONE) continue;
    if (k < lo) lo = k;
    if (k > hi) hi = k;
    if (k !== prev) runs++;
    prev = k;
  }
  if (hi < lo) return null;
  // Stable counting sort of the patients by slot (0: no rows; code c: c − lo + 1).
  const count = new Int32Array(hi - lo + 3);
  for (let p = 0; p < nP; p++) {
    key[p] = key[p] === NONE ? 0 : key[p] - lo + 1;
    count[key[p] + 1]++;
  }
  // Patients already in runs by municipality (as the generator writes them, grouped: as many runs
  // as municipalities) are as local as the new numbering would make them: keep theirs and spare the
  // move (1–1.5 s on the grouped national bench file). At most twice as many runs as municipalities
  // counts as grouped.
  let municipalities = 0;
  for (let k = 2; k < count.length; k++) if (count[k] > 0) municipalities++;
  if (runs <= 2 * municipalities) return null;
  for (let k = 0; k + 1 < count.length; k++) count[k + 1] += count[k];
  const newIndex = new Int32Array(nP);
  const newStart = new Int32Array(nP + 1);
  for (let p = 0; p < nP; p++) {
    const q = count[key[p]]++;
    newIndex[p] = q;
    newStart[q + 1] = start[p + 1] - start[p];
  }
  for (let q = 0; q < nP; q++) newStart[q + 1] += newStart[q];
  return { newIndex, start: newStart };
}

/**
 * The patient ids and the id look-up in a new numbering. The loader's own dictionary is renumbered
 * in place (its byte look-ups, e.g. of deaths.csv, then give new indexes directly); any other
 * look-up (a register import's) is wrapped.
 */
function renumberedIds(ids: readonly string[], patientIndex: PatientIndex, newIndex: Int32Array): { readonly patientIds: readonly string[]; readonly patientIndex: PatientIndex } {
  if (patientIndex instanceof ByteKeyedDictionary && patientIndex.size === newIndex.length) {
    patientIndex.renumber(newIndex);
    return { patientIds: patientIndex.frozenList(), patientIndex };
  }
  const n = newIndex.length;
  const oldOf = new Int32Array(n);
  for (let p = 0; p < n; p++) oldOf[newIndex[p]] = p;
  const wrapped: PatientIndex = {
    get: (id: string) => {
      const p = patientIndex.get(id);
      return p === undefined ? undefined : newIndex[p];
    },
  };
  return { patientIds: lazyStringList(() => n, (q) => ids[oldOf[q]] as string), patientIndex: wrapped };
}

/**
 * The contacts after the duplicate check, with `byPatient` the grouping of its rows (patient p's
 * rows by admission time): patients numbered by municipality and the rows moved into that patient
 * order (io/rowsByPatient.ts `putRowsByPatient`); the id look-up in the same numbering.
 */
export function putPatientsByMunicipality(table: ContactTable, patientIndex: PatientIndex, byPatient: PatientOrder): { readonly table: ContactTable; readonly patientIndex: PatientIndex } {
  const everyRow = byPatient.order.length === table.length && byPatient.start.length - 1 === table.patientIds.length;
  const numbering = everyRow ? municipalityNumbering(table, byPatient) : null;
  if (numbering === null) return { table: putRowsByPatient(table, byPatient), patientIndex };
  const ids = renumberedIds(table.patientIds, patientIndex, numbering.newIndex);
  return { table: putRowsByPatient({ ...table, patientIds: ids.patientIds }, byPatient, numbering), patientIndex: ids.patientIndex };
}
