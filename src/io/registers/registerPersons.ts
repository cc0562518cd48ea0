/**
 * The person join of register contacts: the person table (personer.csv) read into arrays keyed
 * by the raw person id (in memory only), and each contact's person row in the year of its
 * admission.
 */

import type { CodeCount } from "../../contract/dataset.js";
import { dayFromParts } from "../../contract/fields.js";
import { ByteDictionary, fnvBytes as fnv } from "../dictionary.js";
import type { ProblemLog } from "../problemLog.js";
import { readTable } from "../tableReader.js";
import type { Header, ReadResult, RowSink } from "../tableReader.js";
import type { CodeColumn } from "./codeColumn.js";
import { codeColumns, roleIndex } from "./registerColumns.js";
import type { RegisterReadOptions } from "./readRegisterContacts.js";
import type { FileRule } from "./registerPreset.js";
import { fileSpec, headerNames, locateColumns, registerSink } from "./registerScanner.js";
import { PersonStore } from "./personStore.js";
import { personRowDecoder } from "./personRowDecoder.js";

/** The person table, by raw person id: attributes per (person, year) row. */
export interface Persons {
  readonly ids: ByteDictionary;
  readonly head: Int32Array;
  readonly next: Int32Array;
  readonly year: Int32Array;
  readonly sexEntry: Int32Array;
  readonly sex: CodeColumn | null;
  readonly birth: Int32Array;
  readonly muni: Int32Array;
  readonly file: string;
}

/** Read the person table of a preset (personer.csv). */
export async function readPersons(
  path: string,
  file: string,
  rule: FileRule,
  options: RegisterReadOptions,
  country: "dk" | "no",
  log: ProblemLog,
): Promise<{ read: ReadResult; persons: Persons; codes: CodeCount[] }> {
  const ids = new ByteDictionary();
  const store = new PersonStore();
  let sexCol: CodeColumn | null = null;
  const at = roleIndex(rule);
  const [kId] = at("person");
  const [kSex] = at("sex");
  const makeSink = (header: Header): RowSink => {
    const { columns, missing } = locateColumns(header, rule);
    if (missing.length > 0) {
      log.add("wrong_format", file, 1, { expected: rule.title, list: rule.columns.filter((c) => c.required).map((c) => c.names[0]).join(", "), other: missing.join(", "), found: headerNames(header) });
      return registerSink(header, file, columns, log, () => undefined, true);
    }
    const codes = codeColumns(rule, columns, options.codeMap);
    const sex = (sexCol = codes[kSex] as CodeColumn);
    const decode = personRowDecoder(rule, columns, file, options, country, log);
    return registerSink(header, file, columns, log, (buf, st, en, line, counts) => {
      counts.rowsRead++;
      const sexE = sex.entry(buf, st[kSex], en[kSex]);
      const row = decode(buf, st, en, line);
      if (row === null) {
        counts.rejected++;
        return;
      }
      const h = fnv(buf, st[kId], en[kId]);
      let p = ids.find(buf, st[kId], en[kId], h);
      if (p < 0) p = ids.add(buf, st[kId], en[kId], h, 0);
      // Same person (and year) again: an exact repeat is a duplicate; different values: the first is used.
      const added = store.add(p, row.year, sexE, row.birth, row.muni, line);
      if (added.kind === "added") counts.accepted++;
      else if (added.kind === "duplicate") {
        counts.duplicates++;
        log.add("duplicate_row", file, line, { lineRef: added.lineRef, expected: "a unique row", found: `line ${added.lineRef}` });
      } else {
        counts.excluded++;
        log.add("duplicate_person", file, line, { found: row.hasYear ? `year ${row.year}` : "value not shown", lineRef: added.lineRef });
      }
    });
  };
  const read = await readTable(path, fileSpec(file, rule), log, makeSink, options.chunkSize);
  const { head, next, year, sexEntry, birth, muni } = store;
  const persons: Persons = { ids, head, next, year, sexEntry, sex: sexCol, birth, muni, file };
  return { read, persons, codes: sexCol === null ? [] : (sexCol as CodeColumn).report() };
}

/** The person row of a contact's year: the latest year not after it, else the earliest; −1 when none. */
function personRow(persons: Persons, p: number, contactYear: number): number {
  let best = -1;
  let earliest = -1;
  for (let r = persons.head[p]; r >= 0; r = persons.next[r]) {
    const y = persons.year[r];
    if (y <= contactYear && (best < 0 || y > persons.year[best])) best = r;
    if (earliest < 0 || y < persons.year[earliest]) earliest = r;
  }
  return best >= 0 ? best : earliest;
}

/** Calendar year of a day (days since 1970-01-01), fast for the years of register data. */
function yearOfDay(day: number): number {
  let y = Math.floor(day / 365.2425) + 1970;
  if (dayFromParts(y, 1, 1) > day) y--;
  else if (dayFromParts(y + 1, 1, 1) <= day) y++;
  return y;
}

/**
 * Person join: the person-table row of the contact's person in the year of its admission, or −1
 * when the person is not in the table (or the admission is not a time).
 */
export function joinPerson(persons: Persons, buf: Uint8Array, ps: number, pe: number, adm: number): number {
  const pi = pe > ps ? persons.ids.find(buf, ps, pe, fnv(buf, ps, pe)) : -1;
  return pi < 0 || adm !== adm ? -1 : personRow(persons, pi, yearOfDay(Math.floor(adm / 1440)));
}
