/**
 * Reading a register's contact file (and its person table) into the contract's ContactTable,
 * following a preset (registerPreset.ts; docs/registers.md): columns found by their register
 * names, code columns mapped and counted, dates and times read from bytes, person ids
 * pseudonymised, person attributes joined, filters and unmapped values counted as excluded, then
 * exact duplicates removed and DRG course prices allocated to contacts (courseCosts.ts).
 *
 * Problems name the file, line and register column; a person id is never shown.
 */

import type { CodeCount } from "../../contract/dataset.js";
import type { ContactTable } from "../../contract/tables.js";
import { MISSING, elapsedMinutes, formatDay, formatLocalMinutes } from "../../contract/time.js";
import { dayFromParts, isSkippedHour, parseDiagnosis, parseOptionalText } from "../../contract/fields.js";
import { ContactBuilder } from "../contactBuilder.js";
import type { PatientOrder } from "../../contract/patientOrder.js";
import { ByteDictionary, CELL_INVALID, CELL_NONE, CELL_PENDING, fixedWidthList, fnvBytes as fnv, registeredIndex } from "../dictionary.js";
import type { ProblemLog } from "../problemLog.js";
import { readTable } from "../tableReader.js";
import type { Counts, Header, ReadResult, RowSink } from "../tableReader.js";
import { CodeColumn, DROP, UNMAPPED } from "./codeColumn.js";
import type { CodeMap } from "./codeColumn.js";
import { PSEUDONYM_BYTES, PseudonymBatcher } from "./pseudonymise.js";
import { CourseKeys } from "./courseKeys.js";
import {
  registerDate,
  registerDateTime,
  registerInteger,
  registerMunicipality,
  registerNumber,
  registerTime,
} from "./registerBytes.js";
import type { FileRule, RegisterPreset, Role } from "./registerPreset.js";
import { fileSpec, headerNames, locateColumns, registerSink } from "./registerScanner.js";
import type { FileColumns } from "./registerScanner.js";

/** Texts of what register columns expect (messages). */
export const REGISTER_EXPECTED = {
  date: "a date (YYYY-MM-DD, DDMONYYYY, DD.MM.YYYY or YYYYMMDD)",
  datetime: "a date-time (a date, then T, a space or :, then HH:MM[:SS])",
  time: "a time of day H:MM or HH:MM[:SS]",
  hour: "an hour 0-23",
  minute: "a minute 0-59",
  year: "a year YYYY",
  municipalityDk: "a 3-digit municipality code (or 4 digits with a leading 0)",
  municipalityNo: "a 4-digit Norwegian municipality number",
  number: "a number >= 0",
  personId: "a person id",
  diagnosis: "an ICD-10 code (J18.9) or SKS code (DJ189)",
} as const;

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

// Dictionary values of text columns.
const PENDING = CELL_PENDING;
const INVALID = CELL_INVALID;
const NONE = CELL_NONE;

/** Index of each role among a FileRule's columns (first rule with that role), −1 when none. */
function roleIndex(rule: FileRule): (role: Role) => number[] {
  return (role) => rule.columns.flatMap((c, k) => (c.role === role ? [k] : []));
}

/** Code columns of a file (by rule index), with the user's mappings. */
function codeColumns(rule: FileRule, cols: FileColumns, codeMap: CodeMap): (CodeColumn | null)[] {
  const lower = new Map<string, Readonly<Record<string, string>>>();
  for (const [k, v] of Object.entries(codeMap)) lower.set(k.toLowerCase(), v);
  return rule.columns.map((c, k) => {
    if (c.codes === undefined || cols.at[k] < 0) return null;
    const name = cols.names[k];
    const user = lower.get(name) ?? c.names.map((n) => lower.get(n)).find((m) => m !== undefined);
    return new CodeColumn(name, c.codes, user);
  });
}


function text(buf: Uint8Array, s: number, e: number): string {
  return Buffer.from(buf.buffer, buf.byteOffset + s, e - s).toString("utf8");
}

/** The person table, by raw person id: attributes per (person, year) row. */
interface Persons {
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
async function readPersons(
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
  const builder = new ContactBuilder(1 << 12);
  if (fileSize !== null) builder.reserve(fileSize / 90);
  // The worker starts only when a first batch of 65,536 new persons is full (small files hash in line).
  const useWorker = options.worker ?? true;
  const batcher = new PseudonymBatcher(options.key, useWorker);
  // Sizes from the file size (~100 bytes a row), so the tables are not rebuilt while growing.
  const rowsGuess = fileSize === null ? 0 : fileSize / 100;
  const rawIds = builder.patients;
  if (rowsGuess > 0) rawIds.reserve(rowsGuess * 0.6);
  const dDiag = new ByteDictionary();
  const dHosp = new ByteDictionary();
  const courses = options.costKey === undefined ? null : new CourseKeys(rowsGuess);
  const pendingDst: { line: number; column: string; at: number }[] = [];
  const state: ReadState = { file, preset, options, log, persons, builder, rawIds, batcher, dDiag, dHosp, courses, pendingDst, codeCols: [] };
  const read = await readTable(path, fileSpec(file, rule), log, (header) => contactRowDecoder(state, header), options.chunkSize);
  return { ...(await finishContacts(state, read)), personRead, personCodes };
}

/** What the row decoder fills and the finish step reads. */
interface ReadState {
  readonly file: string;
  readonly preset: RegisterPreset;
  readonly options: RegisterReadOptions;
  readonly log: ProblemLog;
  readonly persons: Persons | null;
  readonly builder: ContactBuilder;
  readonly rawIds: ContactBuilder["patients"];
  readonly batcher: PseudonymBatcher;
  readonly dDiag: ByteDictionary;
  readonly dHosp: ByteDictionary;
  readonly courses: CourseKeys | null;
  readonly pendingDst: { line: number; column: string; at: number }[];
  /** The code columns of the header (set by the decoder; their counts go to the report). */
  codeCols: (CodeColumn | null)[];
}

/**
 * Person join: the person-table row of the contact's person in the year of its admission, or −1
 * when the person is not in the table (or the admission is not a time).
 */
function joinPerson(persons: Persons, buf: Uint8Array, ps: number, pe: number, adm: number): number {
  const pi = pe > ps ? persons.ids.find(buf, ps, pe, fnv(buf, ps, pe)) : -1;
  return pi < 0 || adm !== adm ? -1 : personRow(persons, pi, yearOfDay(Math.floor(adm / 1440)));
}

/**
 * Row decoder: the sink for the contact file's header — code columns mapped and counted, dates
 * and times read from bytes, the person joined, the contract's row rules applied; accepted rows
 * go into the builder, problems into the log.
 */
function contactRowDecoder(state: ReadState, header: Header): RowSink {
  const { file, preset, options, log, persons, builder, rawIds, batcher, dDiag, dHosp, courses, pendingDst } = state;
  const rule = preset.contacts;
  const at = roleIndex(rule);
  const unitPrice = options.drgUnitPrice;
  let prevPat = -1;
    const { columns, missing } = locateColumns(header, rule);
    if (missing.length > 0) {
      const expected = rule.columns.filter((c) => c.required).map((c) => c.names[0]);
      for (const g of rule.oneOf ?? []) expected.push(g.join(" or "));
      log.add("wrong_format", file, 1, { expected: `${rule.title} (format ${preset.format})`, list: expected.join(", "), other: missing.join(", "), found: headerNames(header) });
      return registerSink(header, file, columns, log, () => undefined, true);
    }
    const codeCols = codeColumns(rule, columns, options.codeMap);
    state.codeCols = codeCols;
    const names = columns.names;
    const first = (role: Role): number => {
      for (const k of at(role)) if (columns.at[k] >= 0) return k;
      return -1;
    };
    const kPerson = first("person");
    const kStart = first("start");
    const kEnd = first("end");
    const kSD = first("startDate");
    const kST = first("startTime");
    const kED = first("endDate");
    const kET = first("endTime");
    const kSH = first("startHour");
    const kSM = first("startMinute");
    const kEH = first("endHour");
    const kPrio = first("priority");
    const kKind = first("kind");
    const kPType = first("patientType");
    const kSys = first("system");
    const kSex = first("sex");
    const kBirth = first("birthDate");
    const kBYear = first("birthYear");
    const kMuni = first("municipality");
    const kDiag = first("diagnosis");
    const kHosp = first("hospital");
    const kRef = first("referral");
    const kWeight = first("weight");
    let kCourse = -1;
    if (options.costKey !== undefined) {
      for (let k = 0; k < rule.columns.length; k++) if (columns.at[k] >= 0 && names[k] === options.costKey) kCourse = k;
    }
    // The code columns in the order they are checked (system, kind, priority, patient type, sex, referral).
    const codeK: number[] = [];
    const codeC: CodeColumn[] = [];
    for (const k of [kSys, kKind, kPrio, kPType, kSex, kRef]) {
      const c = k >= 0 ? codeCols[k] : null;
      if (c !== null) {
        codeK.push(k);
        codeC.push(c);
      }
    }
    const nCode = codeK.length;
    const codeV = new Int32Array(nCode);
    const codeE = new Int32Array(nCode);
    const jPrio = codeK.indexOf(kPrio);
    const jPType = kPType >= 0 ? codeK.indexOf(kPType) : -1;
    const jSex = kSex >= 0 ? codeK.indexOf(kSex) : -1;
    const jRef = kRef >= 0 ? codeK.indexOf(kRef) : -1;
    const municipalities = options.municipalities;
    // The geography's municipalities as a table (codes are below 10000): one load per row.
    const knownMuni = new Uint8Array(10000);
    if (municipalities !== undefined) for (const m of municipalities) if (m >= 0 && m < 10000) knownMuni[m] = 1;
    const country = preset.country;
    const muniExpected = country === "dk" ? REGISTER_EXPECTED.municipalityDk : REGISTER_EXPECTED.municipalityNo;
    const personFile = persons?.file ?? "";

    /** A date (+ time) pair → minutes; NaN = bad (logged); MISSING = both empty (when allowed). */
    const dateAndTime = (buf: Uint8Array, st: Int32Array, en: Int32Array, kD: number, kT: number, line: number, openAllowed: boolean): number => {
      const dEmpty = en[kD] <= st[kD];
      const tEmpty = en[kT] <= st[kT];
      if (dEmpty && tEmpty && openAllowed) return MISSING;
      if (dEmpty || tEmpty) {
        const k = dEmpty ? kD : kT;
        log.add("empty", file, line, { column: names[k], expected: dEmpty ? REGISTER_EXPECTED.date : REGISTER_EXPECTED.time });
        return NaN;
      }
      const d = registerDate(buf, st[kD], en[kD]);
      const t = registerTime(buf, st[kT], en[kT]);
      if (d !== d) log.add("bad_date", file, line, { column: names[kD], found: text(buf, st[kD], en[kD]), expected: REGISTER_EXPECTED.date });
      if (t !== t) log.add("bad_datetime", file, line, { column: names[kT], found: text(buf, st[kT], en[kT]), expected: REGISTER_EXPECTED.time });
      return d !== d || t !== t ? NaN : d * 1440 + t;
    };

    /** An hour or minute column (LPR2): empty → 0 with a warning; NaN when bad. */
    const clockPart = (buf: Uint8Array, st: Int32Array, en: Int32Array, k: number, max: number, line: number): number => {
      if (en[k] <= st[k]) {
        log.add("time_missing", file, line, { column: names[k], other: "0" });
        return 0;
      }
      const v = registerInteger(buf, st[k], en[k]);
      if (v !== v || v > max) {
        log.add("bad_integer", file, line, { column: names[k], found: text(buf, st[k], en[k]), expected: max === 23 ? REGISTER_EXPECTED.hour : REGISTER_EXPECTED.minute });
        return NaN;
      }
      return v;
    };

    return registerSink(header, file, columns, log, (buf, st, en, line, counts) => {
      counts.rowsRead++;
      // 1. Code columns: every value counted; a filter or a missing mapping excludes the row.
      let dropped = false;
      let unmappedK = -1;
      for (let j = 0; j < nCode; j++) {
        const k = codeK[j];
        const c = codeC[j];
        const e = c.entry(buf, st[k], en[k]);
        const v = c.code(e);
        codeV[j] = v;
        if (v === DROP) dropped = true;
        else if (v === UNMAPPED && unmappedK < 0 && c.rule.unmapped === "exclude") {
          unmappedK = j;
          codeE[j] = e;
        }
      }
      const acute = jPrio >= 0 ? codeV[jPrio] : UNMAPPED;
      const ptype = jPType >= 0 ? codeV[jPType] : UNMAPPED;
      let sex = jSex >= 0 ? codeV[jSex] : UNMAPPED;
      if (dropped) {
        counts.excluded++;
        return;
      }
      if (unmappedK >= 0) {
        const c = codeC[unmappedK];
        counts.excluded++;
        log.add("unmapped_code", file, line, { column: c.column, found: c.value(codeE[unmappedK]), other: c.rule.unmappedNote });
        return;
      }

      // 2. Values.
      let bad = false;
      const ps = st[kPerson];
      const pe = en[kPerson];
      if (pe <= ps) {
        log.add("empty", file, line, { column: names[kPerson], expected: REGISTER_EXPECTED.personId });
        bad = true;
      }
      // Admission.
      let adm: number;
      if (kStart >= 0) {
        adm = registerDateTime(buf, st[kStart], en[kStart]);
        if (adm !== adm) {
          log.add(en[kStart] > st[kStart] ? "bad_datetime" : "empty", file, line, { column: names[kStart], found: text(buf, st[kStart], en[kStart]), expected: REGISTER_EXPECTED.datetime });
        }
      } else if (kST >= 0) {
        adm = dateAndTime(buf, st, en, kSD, kST, line, false);
      } else {
        const d = en[kSD] > st[kSD] ? registerDate(buf, st[kSD], en[kSD]) : NaN;
        if (d !== d) log.add(en[kSD] > st[kSD] ? "bad_date" : "empty", file, line, { column: names[kSD], found: text(buf, st[kSD], en[kSD]), expected: REGISTER_EXPECTED.date });
        const h = clockPart(buf, st, en, kSH, 23, line);
        const m = clockPart(buf, st, en, kSM, 59, line);
        adm = d * 1440 + h * 60 + m;
      }
      if (adm !== adm) bad = true;
      // Discharge.
      let dis: number;
      if (kEnd >= 0) {
        if (en[kEnd] <= st[kEnd]) dis = MISSING;
        else {
          dis = registerDateTime(buf, st[kEnd], en[kEnd]);
          if (dis !== dis) log.add("bad_datetime", file, line, { column: names[kEnd], found: text(buf, st[kEnd], en[kEnd]), expected: REGISTER_EXPECTED.datetime });
        }
      } else if (kET >= 0) {
        dis = dateAndTime(buf, st, en, kED, kET, line, true);
      } else if (en[kED] <= st[kED]) {
        dis = MISSING;
      } else {
        const d = registerDate(buf, st[kED], en[kED]);
        if (d !== d) log.add("bad_date", file, line, { column: names[kED], found: text(buf, st[kED], en[kED]), expected: REGISTER_EXPECTED.date });
        const h = clockPart(buf, st, en, kEH, 23, line);
        dis = d * 1440 + h * 60;
        // LPR2: no discharge minute; one before the admission within the admission's hour → the admission.
        if (preset.dischargeHourOnly && dis === dis && adm === adm && dis < adm && adm - dis < 60) dis = adm;
      }
      if (dis !== dis) bad = true;
      // Person attributes: inline, or from the person table.
      let birth = NaN;
      let muni = NaN;
      let personSexCol: CodeColumn | null = null;
      let personSexEntry = -1;
      if (persons !== null) {
        const r = joinPerson(persons, buf, ps, pe, adm);
        if (r < 0) {
          if (pe > ps && adm === adm) {
            log.add("person_not_found", file, line, { other: personFile });
          }
          bad = true;
        } else {
          birth = persons.birth[r];
          if (preset.municipalityFrom === "person") muni = persons.muni[r];
          personSexCol = persons.sex;
          personSexEntry = persons.sexEntry[r];
          sex = (personSexCol as CodeColumn).code(personSexEntry);
        }
      }
      if (kBirth >= 0) {
        birth = registerDate(buf, st[kBirth], en[kBirth]);
        if (birth !== birth) {
          log.add(en[kBirth] > st[kBirth] ? "bad_date" : "empty", file, line, { column: names[kBirth], found: text(buf, st[kBirth], en[kBirth]), expected: REGISTER_EXPECTED.date });
          bad = true;
        }
      } else if (kBYear >= 0) {
        const y = en[kBYear] - st[kBYear] === 4 ? registerInteger(buf, st[kBYear], en[kBYear]) : NaN;
        birth = y === y ? dayFromParts(y, 1, 1) : NaN;
        if (birth !== birth) {
          log.add(en[kBYear] > st[kBYear] ? "bad_year" : "empty", file, line, { column: names[kBYear], found: text(buf, st[kBYear], en[kBYear]), expected: REGISTER_EXPECTED.year });
          bad = true;
        }
      }
      if (kMuni >= 0) {
        if (en[kMuni] <= st[kMuni]) {
          log.add("empty", file, line, { column: names[kMuni], expected: muniExpected });
          bad = true;
        } else {
          muni = registerMunicipality(buf, st[kMuni], en[kMuni], country);
          if (muni !== muni) {
            log.add("bad_municipality_code", file, line, { column: names[kMuni], found: text(buf, st[kMuni], en[kMuni]), expected: muniExpected });
            bad = true;
          } else if (municipalities !== undefined && knownMuni[muni] === 0) {
            log.add("unknown_municipality", file, line, { column: names[kMuni], found: text(buf, st[kMuni], en[kMuni]) });
            bad = true;
          }
        }
      }
      // Diagnosis (a cache of what the contract's rule made of each distinct value).
      let eDiag = -1;
      if (en[kDiag] <= st[kDiag]) {
        log.add("empty", file, line, { column: names[kDiag], expected: REGISTER_EXPECTED.diagnosis });
        bad = true;
      } else {
        const h = fnv(buf, st[kDiag], en[kDiag]);
        eDiag = dDiag.find(buf, st[kDiag], en[kDiag], h);
        if (eDiag < 0) {
          const r = parseDiagnosis(text(buf, st[kDiag], en[kDiag]));
          eDiag = dDiag.add(buf, st[kDiag], en[kDiag], h, r.ok ? PENDING : INVALID, r.ok ? r.value : undefined);
        }
        if (dDiag.val[eDiag] === INVALID) {
          log.add("bad_diagnosis", file, line, { column: names[kDiag], found: text(buf, st[kDiag], en[kDiag]), expected: REGISTER_EXPECTED.diagnosis });
          bad = true;
        }
      }
      let eHosp = -1;
      if (kHosp >= 0 && en[kHosp] > st[kHosp]) {
        const h = fnv(buf, st[kHosp], en[kHosp]);
        eHosp = dHosp.find(buf, st[kHosp], en[kHosp], h);
        if (eHosp < 0) {
          const r = parseOptionalText(text(buf, st[kHosp], en[kHosp]));
          eHosp = dHosp.add(buf, st[kHosp], en[kHosp], h, r.ok && r.value !== null ? PENDING : NONE, r.ok && r.value !== null ? r.value : undefined);
        }
      }
      let cost = NaN;
      if (kWeight >= 0 && unitPrice !== undefined && en[kWeight] > st[kWeight]) {
        const w = registerNumber(buf, st[kWeight], en[kWeight]);
        if (w !== w) {
          log.add("bad_number", file, line, { column: names[kWeight], found: text(buf, st[kWeight], en[kWeight]), expected: REGISTER_EXPECTED.number });
          bad = true;
        } else cost = w * unitPrice;
      }
      if (bad) {
        counts.rejected++;
        return;
      }
      // A person-table sex without a mapping excludes the row like an inline one.
      if (sex === DROP) {
        counts.excluded++;
        return;
      }
      if (sex === UNMAPPED && personSexCol !== null) {
        const c = personSexCol as CodeColumn;
        counts.excluded++;
        log.add("unmapped_code", file, line, { column: `${c.column} (${personFile})`, found: c.value(personSexEntry), other: c.rule.unmappedNote });
        return;
      }
      // 3. Row rules (as the contract's).
      if (dis !== MISSING && dis < adm) {
        log.add("discharge_before_admission", file, line, { column: names[kEnd >= 0 ? kEnd : kED], found: formatLocalMinutes(dis), other: formatLocalMinutes(adm) });
        counts.rejected++;
        return;
      }
      if (birth > Math.floor(adm / 1440)) {
        log.add("birth_after_admission", file, line, { column: names[kBirth >= 0 ? kBirth : kBYear >= 0 ? kBYear : kPerson], found: formatDay(birth), other: formatLocalMinutes(adm) });
        counts.rejected++;
        return;
      }
      // 4. Contact type: a mapped patient type, else by duration (LPR3: >= 12 h or still open).
      let inpatient = ptype;
      if (inpatient !== 0 && inpatient !== 1) {
        // Clock minutes differ from elapsed ones by at most an hour (DST): exact only near 12 h.
        const clock = dis - adm;
        inpatient = dis === MISSING || clock >= 781 ? 1 : clock < 659 ? 0 : elapsedMinutes(adm, dis) >= 720 ? 1 : 0;
      }
      // 5. Accept: register the person (pseudonym hashed later), text values, course.
      // Rows come grouped by person more often than not: the previous row's person first. While
      // reading, patients are keyed by the raw id (in memory only); the finished table gets the
      // pseudonyms instead.
      let pat = prevPat;
      if (pat < 0 || !rawIds.sameBytes(pat, buf, ps, pe)) {
        const h = fnv(buf, ps, pe);
        pat = rawIds.find(buf, ps, pe, h);
        if (pat < 0) {
          pat = rawIds.add(buf, ps, pe, h, "");
          batcher.add(buf, ps, pe);
        }
        prevPat = pat;
      }
      const diag = registeredIndex(dDiag, eDiag, builder.diagnoses);
      const hosp = eHosp >= 0 ? registeredIndex(dHosp, eHosp, builder.hospitals) : -1;
      if (courses !== null) {
        if (kCourse >= 0) courses.push(buf, st[kCourse], en[kCourse]);
        else courses.push(buf, 0, 0);
      }
      // referral: a mapped referral-mode value (REFERRAL_MODE), else not given
      const referral = jRef >= 0 && codeV[jRef] >= 0 ? codeV[jRef] : -1;
      builder.push(pat, birth, sex, muni, hosp, adm, dis, acute, inpatient, diag, referral, cost, line);
      counts.accepted++;
      // Summer time starts at 02:00: only times of day 02:00–02:59 need the full check.
      const ma = adm - Math.floor(adm / 1440) * 1440;
      if (ma >= 120 && ma < 180 && isSkippedHour(adm)) pendingDst.push({ line, column: names[kStart >= 0 ? kStart : kST >= 0 ? kST : kSH], at: adm });
      if (dis !== MISSING) {
        const md = dis - Math.floor(dis / 1440) * 1440;
        if (md >= 120 && md < 180 && isSkippedHour(dis)) pendingDst.push({ line, column: names[kEnd >= 0 ? kEnd : kET >= 0 ? kET : kEH], at: dis });
      }
    });
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
