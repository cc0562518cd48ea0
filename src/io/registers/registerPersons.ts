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
import { REGISTER_EXPECTED, cellText as text, registerDate, registerInteger, registerMunicipality } from "./registerBytes.js";
import { codeColumns, roleIndex } from "./registerColumns.js";
import type { RegisterReadOptions } from "./readRegisterContacts.js";
import type { FileRule } from "./registerPreset.js";
import { fileSpec, headerNames, locateColumns, registerSink } from "./registerScanner.js";

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
  let head: Int32Array = new Int32Array(1024).fill(-1);
  let rows = 0;
  let next: Int32Array = new Int32Array(1024);
  let year: Int32Array = new Int32Array(1024);
  let sexEntry: Int32Array = new Int32Array(1024);
  let birth: Int32Array = new Int32Array(1024);
  let muni: Int32Array = new Int32Array(1024);
  let line0: Int32Array = new Int32Array(1024);
  let sexCol: CodeColumn | null = null;
  const at = roleIndex(rule);
  const [kId] = at("person");
  const [kSex] = at("sex");
  const [kBirth] = at("birthDate");
  const [kMuni] = at("municipality");
  const [kYear] = at("year");

  const grow = (a: Int32Array, n: number, fill = 0): Int32Array => {
    const b = new Int32Array(n).fill(fill);
    b.set(a);
    return b;
  };

  const makeSink = (header: Header): RowSink => {
    const { columns, missing } = locateColumns(header, rule);
    if (missing.length > 0) {
      log.add("wrong_format", file, 1, { expected: rule.title, list: rule.columns.filter((c) => c.required).map((c) => c.names[0]).join(", "), other: missing.join(", "), found: headerNames(header) });
      return registerSink(header, file, columns, log, () => undefined, true);
    }
    const codes = codeColumns(rule, columns, options.codeMap);
    sexCol = codes[kSex];
    const names = columns.names;
    const hasMuni = columns.at[kMuni] >= 0;
    const hasYear = kYear !== undefined && columns.at[kYear] >= 0;
    return registerSink(header, file, columns, log, (buf, st, en, line, counts) => {
      counts.rowsRead++;
      const sexE = (sexCol as CodeColumn).entry(buf, st[kSex], en[kSex]);
      let bad = false;
      if (en[kId] <= st[kId]) {
        log.add("empty", file, line, { column: names[kId], expected: REGISTER_EXPECTED.personId });
        bad = true;
      }
      const b = registerDate(buf, st[kBirth], en[kBirth]);
      if (b !== b) {
        log.add(en[kBirth] > st[kBirth] ? "bad_date" : "empty", file, line, { column: names[kBirth], found: text(buf, st[kBirth], en[kBirth]), expected: REGISTER_EXPECTED.date });
        bad = true;
      }
      let m = -1;
      if (hasMuni && en[kMuni] > st[kMuni]) {
        m = registerMunicipality(buf, st[kMuni], en[kMuni], country);
        if (m !== m) {
          log.add("bad_municipality_code", file, line, { column: names[kMuni], found: text(buf, st[kMuni], en[kMuni]), expected: country === "dk" ? REGISTER_EXPECTED.municipalityDk : REGISTER_EXPECTED.municipalityNo });
          bad = true;
        } else if (options.municipalities !== undefined && !options.municipalities.has(m)) {
          log.add("unknown_municipality", file, line, { column: names[kMuni], found: text(buf, st[kMuni], en[kMuni]) });
          bad = true;
        }
      } else if (rule.columns[kMuni]?.required === true) {
        log.add("empty", file, line, { column: names[kMuni], expected: REGISTER_EXPECTED.municipalityDk });
        bad = true;
      }
      let y = -1;
      if (hasYear) {
        y = registerInteger(buf, st[kYear], en[kYear]);
        if (y !== y || y < 1800 || y > 2299) {
          log.add("bad_year", file, line, { column: names[kYear], found: text(buf, st[kYear], en[kYear]), expected: REGISTER_EXPECTED.year });
          bad = true;
        }
      }
      if (bad) {
        counts.rejected++;
        return;
      }
      const h = fnv(buf, st[kId], en[kId]);
      let p = ids.find(buf, st[kId], en[kId], h);
      if (p < 0) {
        p = ids.add(buf, st[kId], en[kId], h, 0);
        if (p >= head.length) head = grow(head, head.length * 2, -1);
      }
      // Same person (and year) again: an exact repeat is a duplicate; different values: the first is used.
      for (let r = head[p]; r >= 0; r = next[r]) {
        if (year[r] !== y) continue;
        if (sexEntry[r] === sexE && birth[r] === b && muni[r] === m) {
          counts.duplicates++;
          log.add("duplicate_row", file, line, { lineRef: line0[r], expected: "a unique row", found: `line ${line0[r]}` });
        } else {
          counts.excluded++;
          log.add("duplicate_person", file, line, { found: hasYear ? `year ${y}` : "value not shown", lineRef: line0[r] });
        }
        return;
      }
      if (rows >= next.length) {
        const n = next.length * 2;
        next = grow(next, n);
        year = grow(year, n);
        sexEntry = grow(sexEntry, n);
        birth = grow(birth, n);
        muni = grow(muni, n);
        line0 = grow(line0, n);
      }
      next[rows] = head[p];
      head[p] = rows;
      year[rows] = y;
      sexEntry[rows] = sexE;
      birth[rows] = b;
      muni[rows] = m;
      line0[rows] = line;
      rows++;
      counts.accepted++;
    });
  };
  const read = await readTable(path, fileSpec(file, rule), log, makeSink, options.chunkSize);
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
