/**
 * Reading a register's contact file (and its person table) into the contract's ContactTable,
 * following a preset (registerPreset.ts; docs/registers.md), in three steps: the person table
 * (registerPersons.ts), the contact file through the row decoder (contactRowDecoder.ts: columns
 * resolved by registerColumns.ts, times read by contactTimes.ts, persons joined, filters and
 * unmapped values counted as excluded), then the finish step here: pseudonyms, exact duplicates
 * removed, the contact table. DRG course prices are allocated afterwards (courseCosts.ts).
 *
 * Problems name the file, line and register column; a person id is never shown.
 */

import type { CodeCount } from "../../contract/dataset.js";
import type { ContactTable } from "../../contract/tables.js";
import { formatLocalMinutes } from "../../contract/time.js";
import { ContactBuilder, PATIENTS_PER_ROW } from "../contactBuilder.js";
import type { PatientOrder } from "../../contract/patientOrder.js";
import { ByteDictionary, fixedWidthList } from "../dictionary.js";
import type { ProblemLog } from "../problemLog.js";
import { readTable } from "../tableReader.js";
import type { ReadResult } from "../tableReader.js";
import type { CodeMap } from "./codeColumn.js";
import { contactRowDecoder } from "./contactRowDecoder.js";
import type { ReadState } from "./contactRowDecoder.js";
import { CourseKeys } from "./courseKeys.js";
import { PSEUDONYM_BYTES, PseudonymBatcher } from "./pseudonymise.js";
import { readPersons } from "./registerPersons.js";
import type { Persons } from "./registerPersons.js";
import type { RegisterPreset } from "./registerPreset.js";
import { fileSpec } from "./registerScanner.js";

export interface RegisterReadOptions {
  readonly municipalities: ReadonlySet<number> | undefined;
  readonly codeMap: CodeMap;
  /** The pseudonymisation key. */
  readonly key: Uint8Array;
  /** NPR: price per DRG weight unit (cost = korrvekt × unit price); undefined = no cost. */
  readonly drgUnitPrice?: number;
  /** The key column of the cost file shared with the contact file, when there is a cost file. */
  readonly costKey?: string;
  /** Hash person ids in a worker thread (default: when the file is large). */
  readonly worker?: boolean;
  readonly chunkSize?: number;
}

export interface RegisterContacts {
  readonly read: ReadResult;
  readonly table: ContactTable;
  /** Raw person id → patient index (in memory only; for deaths.csv). */
  readonly patientIndex: { get(id: string): number | undefined };
  readonly byPatient: PatientOrder | null;
  readonly codes: CodeCount[];
  /** The course key of each contact, for the cost file (null when there is none). */
  readonly courses: CourseKeys | null;
  readonly personRead: ReadResult | null;
  readonly personCodes: CodeCount[];
}

/**
 * Read a register's contacts (and its person table, when the preset has one) following `preset`.
 * `personsPath` is the person table's path (required when the preset has one). Three steps: the
 * person table is read, the contact file goes through the row decoder (contactRowDecoder, which
 * joins each row's person: joinPerson), then finishContacts makes the table.
 */
export async function readRegisterContacts(
  path: string,
  file: string,
  preset: RegisterPreset,
  personsPath: { path: string; file: string } | null,
  options: RegisterReadOptions,
  log: ProblemLog,
  fileSize: number | null,
): Promise<RegisterContacts> {
  let persons: Persons | null = null;
  let personRead: ReadResult | null = null;
  let personCodes: CodeCount[] = [];
  if (preset.persons !== undefined && personsPath !== null) {
    const r = await readPersons(personsPath.path, personsPath.file, preset.persons, options, preset.country, log);
    persons = r.persons;
    personRead = r.read;
    personCodes = r.codes;
  }
  const rule = preset.contacts;
  const builder = new ContactBuilder(1 << 12, false, options.costKey !== undefined); // course prices are shared out as fractions
  if (fileSize !== null) builder.reserve(fileSize / 90);
  // The worker starts only when a first batch of 65,536 new persons is full (small files hash in line).
  const useWorker = options.worker ?? true;
  const batcher = new PseudonymBatcher(options.key, useWorker);
  // Sizes from the file size (~100 bytes a row), so the tables are not rebuilt while growing.
  const rowsGuess = fileSize === null ? 0 : fileSize / 100;
  const rawIds = builder.patients;
  if (rowsGuess > 0) rawIds.reserve(rowsGuess * PATIENTS_PER_ROW);
  const dDiag = new ByteDictionary();
  const dHosp = new ByteDictionary();
  const courses = options.costKey === undefined ? null : new CourseKeys(rowsGuess);
  const pendingDst: { line: number; column: string; at: number }[] = [];
  const state: ReadState = { file, preset, options, log, persons, builder, rawIds, batcher, dDiag, dHosp, courses, pendingDst, codeCols: [] };
  const read = await readTable(path, fileSpec(file, rule), log, (header) => contactRowDecoder(state, header), options.chunkSize);
  return { ...(await finishContacts(state, read)), personRead, personCodes };
}


/**
 * Finish: pseudonyms for the persons, exact duplicates removed (and the course keys of the rows
 * kept), daylight-saving warnings of the rows kept, the contact table.
 */
async function finishContacts(state: ReadState, read: ReadResult): Promise<Omit<RegisterContacts, "personRead" | "personCodes">> {
  const { file, log, builder, rawIds, batcher, courses, pendingDst, codeCols } = state;
  // Pseudonyms, in the order the persons were first accepted: patient index i ↔ pseudonym i.
  const pseudonyms = await batcher.finish();
  const nPatients = batcher.count;
  // Exact duplicates (as for contract files), then the course of each remaining row.
  const lines0 = courses !== null ? builder.sourceLine.slice(0, builder.length) : null;
  const dups = builder.removeDuplicates();
  const dupLines = new Set<number>();
  for (let i = 0; i < dups.lines.length; i++) {
    dupLines.add(dups.lines[i]);
    read.counts.accepted--;
    read.counts.duplicates++;
    log.add("duplicate_row", file, dups.lines[i], { lineRef: dups.refs[i], expected: "a unique row", found: `line ${dups.refs[i]}` });
  }
  if (courses !== null && lines0 !== null && dups.lines.length > 0) {
    // Rows were pushed in line order and the removed lines are sorted: one merge pass.
    const drop = new Uint8Array(lines0.length);
    let j = 0;
    for (let i = 0; i < lines0.length && j < dups.lines.length; i++) {
      if (lines0[i] === dups.lines[j]) {
        drop[i] = 1;
        j++;
      }
    }
    courses.compact(drop);
  }
  const where = "a time that exists in Europe/Copenhagen";
  for (const w of pendingDst) {
    if (dupLines.has(w.line)) continue;
    log.add("skipped_dst_hour", file, w.line, { column: w.column, found: formatLocalMinutes(w.at), expected: where });
  }
  // The table's patient ids: the pseudonyms (fixed-width ASCII, strings built when read).
  const table: ContactTable = { ...builder.finish(), patientIds: fixedWidthList(pseudonyms, PSEUDONYM_BYTES, nPatients) };
  const codes: CodeCount[] = [];
  for (const c of codeCols) if (c !== null) codes.push(...c.report());
  return {
    read,
    table,
    patientIndex: { get: (id: string): number | undefined => rawIds.get(id.trim()) },
    byPatient: builder.byPatient,
    codes,
    courses,
  };
}
