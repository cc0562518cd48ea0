/**
 * One row of a person table (personer.csv) decoded and checked: the person id present, the birth
 * date, the municipality (when the table has one) and the year (when the table has one row per
 * year). Every problem of the row is logged with file, line and column; the row is then refused.
 */
import type { ProblemLog } from "../problemLog.js";
import { REGISTER_EXPECTED, cellText as text, registerDate, registerInteger, registerMunicipality } from "./registerBytes.js";
import { roleIndex } from "./registerColumns.js";
import type { RegisterReadOptions } from "./readRegisterContacts.js";
import type { FileRule } from "./registerPreset.js";
import type { FileColumns } from "./registerScanner.js";

/** A decoded person row: birth day, municipality code (−1: none) and year (−1: no year column). */
export interface PersonRow {
  birth: number;
  muni: number;
  year: number;
  hasYear: boolean;
}

/** A decoder of person rows for one file's columns; it returns null for a refused row (problems logged). */
export type PersonRowDecoder = (buf: Uint8Array, st: Int32Array, en: Int32Array, line: number) => PersonRow | null;

/**
 * The decoder of one person file. The returned row object is reused from call to call.
 */
export function personRowDecoder(
  rule: FileRule,
  columns: FileColumns,
  file: string,
  options: RegisterReadOptions,
  country: "dk" | "no",
  log: ProblemLog,
): PersonRowDecoder {
  const at = roleIndex(rule);
  const [kId] = at("person");
  const [kBirth] = at("birthDate");
  const [kMuni] = at("municipality");
  const [kYear] = at("year");
  const names = columns.names;
  const hasMuni = columns.at[kMuni] >= 0;
  const hasYear = kYear !== undefined && columns.at[kYear] >= 0;
  const muniRequired = rule.columns[kMuni]?.required === true;
  const row: PersonRow = { birth: 0, muni: -1, year: -1, hasYear };
  return (buf, st, en, line) => {
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
    } else if (muniRequired) {
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
    if (bad) return null;
    row.birth = b;
    row.muni = m;
    row.year = y;
    return row;
  };
}
