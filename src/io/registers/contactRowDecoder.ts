/**
 * The row decoder of a register's contact file: for each row, the code columns mapped and
 * counted (codes), admission and discharge read from bytes (contactTimes.ts), the person's
 * attributes joined or read inline, the text values (diagnosis, hospital) looked up, the
 * contract's row rules applied; an accepted row goes into the ContactBuilder, problems into the
 * log. One small method per step; `row` runs them in order, so the problems of a row are logged
 * in column order as before.
 */

import { MISSING, elapsedMinutes, formatDay, formatLocalMinutes } from "../../contract/time.js";
import { dayFromParts, isSkippedHour, parseDiagnosis, parseOptionalText } from "../../contract/fields.js";
import type { ContactBuilder } from "../contactBuilder.js";
import { ByteDictionary, CELL_INVALID, CELL_NONE, CELL_PENDING, fnvBytes as fnv, registeredIndex } from "../dictionary.js";
import type { ProblemLog } from "../problemLog.js";
import type { Counts, Header, RowSink } from "../tableReader.js";
import { CodeColumn, DROP, UNMAPPED } from "./codeColumn.js";
import type { CourseKeys } from "./courseKeys.js";
import { readAdmission, readDischarge } from "./contactTimes.js";
import type { CellLog } from "./contactTimes.js";
import type { PseudonymBatcher } from "./pseudonymise.js";
import type { RegisterReadOptions } from "./readRegisterContacts.js";
import { REGISTER_EXPECTED, cellText as text, registerDate, registerInteger, registerMunicipality, registerNumber } from "./registerBytes.js";
import { codeColumns, resolveContactColumns } from "./registerColumns.js";
import type { ContactColumns } from "./registerColumns.js";
import { joinPerson } from "./registerPersons.js";
import type { Persons } from "./registerPersons.js";
import type { RegisterPreset } from "./registerPreset.js";
import { headerNames, locateColumns, registerSink } from "./registerScanner.js";

/** What the row decoder fills and the finish step reads. */
export interface ReadState {
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
 * The sink for the contact file's header: a whole-file rejection when required columns are
 * missing, else a {@link ContactRowDecoder} for its columns.
 */
export function contactRowDecoder(state: ReadState, header: Header): RowSink {
  const { file, preset, options, log } = state;
  const rule = preset.contacts;
  const { columns, missing } = locateColumns(header, rule);
  if (missing.length > 0) {
    const expected = rule.columns.filter((c) => c.required).map((c) => c.names[0]);
    for (const g of rule.oneOf ?? []) expected.push(g.join(" or "));
    log.add("wrong_format", file, 1, { expected: `${rule.title} (format ${preset.format})`, list: expected.join(", "), other: missing.join(", "), found: headerNames(header) });
    return registerSink(header, file, columns, log, () => undefined, true);
  }
  const codeCols = codeColumns(rule, columns, options.codeMap);
  state.codeCols = codeCols;
  const decoder = new ContactRowDecoder(state, resolveContactColumns(rule, columns, codeCols, options.costKey));
  return registerSink(header, file, columns, log, (buf, st, en, line, counts) => decoder.row(buf, st, en, line, counts));
}

/** Decodes the rows of one contact file (one header); the fields below hold the current row. */
export class ContactRowDecoder implements CellLog {
  readonly log: ProblemLog;
  readonly file: string;
  readonly names: readonly string[];
  private readonly s: ReadState;
  private readonly c: ContactColumns;
  private readonly codeV: Int32Array;
  private readonly codeE: Int32Array;
  /** The geography's municipalities as a table (codes are below 10000): one load per row. */
  private readonly knownMuni: Uint8Array | null;
  private readonly muniExpected: string;
  private readonly personFile: string;
  private prevPat = -1;
  // The current row.
  private sex = UNMAPPED;
  private birth = NaN;
  private muni = NaN;
  private personSexCol: CodeColumn | null = null;
  private personSexEntry = -1;
  private eDiag = -1;
  private eHosp = -1;
  private cost = NaN;

  constructor(state: ReadState, columns: ContactColumns) {
    this.s = state;
    this.c = columns;
    this.log = state.log;
    this.file = state.file;
    this.names = columns.names;
    this.codeV = new Int32Array(columns.codeK.length);
    this.codeE = new Int32Array(columns.codeK.length);
    const municipalities = state.options.municipalities;
    this.knownMuni = municipalities === undefined ? null : new Uint8Array(10000);
    if (municipalities !== undefined) for (const m of municipalities) if (m >= 0 && m < 10000) (this.knownMuni as Uint8Array)[m] = 1;
    this.muniExpected = state.preset.country === "dk" ? REGISTER_EXPECTED.municipalityDk : REGISTER_EXPECTED.municipalityNo;
    this.personFile = state.persons?.file ?? "";
  }

  /** One row: codes, values, row rules, contact type, accept. */
  row(buf: Uint8Array, st: Int32Array, en: Int32Array, line: number, counts: Counts): void {
    counts.rowsRead++;
    if (!this.mapCodes(buf, st, en, line, counts)) return;
    const c = this.c;
    const ps = st[c.kPerson];
    const pe = en[c.kPerson];
    let bad = false;
    if (pe <= ps) {
      this.log.add("empty", this.file, line, { column: this.names[c.kPerson], expected: REGISTER_EXPECTED.personId });
      bad = true;
    }
    const adm = readAdmission(this, c, buf, st, en, line);
    if (adm !== adm) bad = true;
    const dis = readDischarge(this, c, buf, st, en, line, adm, this.s.preset.dischargeHourOnly === true);
    if (dis !== dis) bad = true;
    if (!this.personAttributes(buf, st, en, line, ps, pe, adm)) bad = true;
    if (!this.diagnosis(buf, st, en, line)) bad = true;
    this.hospital(buf, st, en);
    if (!this.weightCost(buf, st, en, line)) bad = true;
    if (bad) {
      counts.rejected++;
      return;
    }
    if (!this.personSexMapped(line, counts)) return;
    if (!this.rowRules(line, adm, dis, counts)) return;
    this.accept(buf, st, en, line, ps, pe, adm, dis);
    counts.accepted++;
  }

  /**
   * Code columns: every value counted; a filter or a missing mapping excludes the row (false).
   * Sets the inline sex; priority, patient type and referral stay in codeV.
   */
  private mapCodes(buf: Uint8Array, st: Int32Array, en: Int32Array, line: number, counts: Counts): boolean {
    const { codeK, codeC, jSex } = this.c;
    const codeV = this.codeV;
    let dropped = false;
    let unmappedK = -1;
    for (let j = 0; j < codeK.length; j++) {
      const k = codeK[j];
      const col = codeC[j];
      const e = col.entry(buf, st[k], en[k]);
      const v = col.code(e);
      codeV[j] = v;
      if (v === DROP) dropped = true;
      else if (v === UNMAPPED && unmappedK < 0 && col.rule.unmapped === "exclude") {
        unmappedK = j;
        this.codeE[j] = e;
      }
    }
    this.sex = jSex >= 0 ? codeV[jSex] : UNMAPPED;
    if (dropped) {
      counts.excluded++;
      return false;
    }
    if (unmappedK >= 0) {
      const col = codeC[unmappedK];
      counts.excluded++;
      this.log.add("unmapped_code", this.file, line, { column: col.column, found: col.value(this.codeE[unmappedK]), other: col.rule.unmappedNote });
      return false;
    }
    return true;
  }

  /** Birth, municipality and sex: from the person table (person join), then inline columns. */
  private personAttributes(buf: Uint8Array, st: Int32Array, en: Int32Array, line: number, ps: number, pe: number, adm: number): boolean {
    let ok = true;
    this.birth = NaN;
    this.muni = NaN;
    this.personSexCol = null;
    this.personSexEntry = -1;
    const persons = this.s.persons;
    if (persons !== null) {
      const r = joinPerson(persons, buf, ps, pe, adm);
      if (r < 0) {
        if (pe > ps && adm === adm) this.log.add("person_not_found", this.file, line, { other: this.personFile });
        ok = false;
      } else {
        this.birth = persons.birth[r];
        if (this.s.preset.municipalityFrom === "person") this.muni = persons.muni[r];
        this.personSexCol = persons.sex;
        this.personSexEntry = persons.sexEntry[r];
        this.sex = (persons.sex as CodeColumn).code(this.personSexEntry);
      }
    }
    if (!this.inlineBirth(buf, st, en, line)) ok = false;
    if (!this.inlineMunicipality(buf, st, en, line)) ok = false;
    return ok;
  }

  /** A birth date or birth year column, when the file has one. */
  private inlineBirth(buf: Uint8Array, st: Int32Array, en: Int32Array, line: number): boolean {
    const { kBirth, kBYear } = this.c;
    if (kBirth >= 0) {
      this.birth = registerDate(buf, st[kBirth], en[kBirth]);
      if (this.birth !== this.birth) {
        this.log.add(en[kBirth] > st[kBirth] ? "bad_date" : "empty", this.file, line, { column: this.names[kBirth], found: text(buf, st[kBirth], en[kBirth]), expected: REGISTER_EXPECTED.date });
        return false;
      }
    } else if (kBYear >= 0) {
      const y = en[kBYear] - st[kBYear] === 4 ? registerInteger(buf, st[kBYear], en[kBYear]) : NaN;
      this.birth = y === y ? dayFromParts(y, 1, 1) : NaN;
      if (this.birth !== this.birth) {
        this.log.add(en[kBYear] > st[kBYear] ? "bad_year" : "empty", this.file, line, { column: this.names[kBYear], found: text(buf, st[kBYear], en[kBYear]), expected: REGISTER_EXPECTED.year });
        return false;
      }
    }
    return true;
  }

  /** A municipality column, when the file has one: a code of the geography. */
  private inlineMunicipality(buf: Uint8Array, st: Int32Array, en: Int32Array, line: number): boolean {
    const k = this.c.kMuni;
    if (k < 0) return true;
    if (en[k] <= st[k]) {
      this.log.add("empty", this.file, line, { column: this.names[k], expected: this.muniExpected });
      return false;
    }
    this.muni = registerMunicipality(buf, st[k], en[k], this.s.preset.country);
    if (this.muni !== this.muni) {
      this.log.add("bad_municipality_code", this.file, line, { column: this.names[k], found: text(buf, st[k], en[k]), expected: this.muniExpected });
      return false;
    }
    if (this.knownMuni !== null && this.knownMuni[this.muni] === 0) {
      this.log.add("unknown_municipality", this.file, line, { column: this.names[k], found: text(buf, st[k], en[k]) });
      return false;
    }
    return true;
  }

  /** The diagnosis (a cache of what the contract's rule made of each distinct value). */
  private diagnosis(buf: Uint8Array, st: Int32Array, en: Int32Array, line: number): boolean {
    const k = this.c.kDiag;
    this.eDiag = -1;
    if (en[k] <= st[k]) {
      this.log.add("empty", this.file, line, { column: this.names[k], expected: REGISTER_EXPECTED.diagnosis });
      return false;
    }
    const dDiag = this.s.dDiag;
    const h = fnv(buf, st[k], en[k]);
    let e = dDiag.find(buf, st[k], en[k], h);
    if (e < 0) {
      const r = parseDiagnosis(text(buf, st[k], en[k]));
      e = dDiag.add(buf, st[k], en[k], h, r.ok ? CELL_PENDING : CELL_INVALID, r.ok ? r.value : undefined);
    }
    this.eDiag = e;
    if (dDiag.val[e] === CELL_INVALID) {
      this.log.add("bad_diagnosis", this.file, line, { column: this.names[k], found: text(buf, st[k], en[k]), expected: REGISTER_EXPECTED.diagnosis });
      return false;
    }
    return true;
  }

  /** The hospital (optional text; never a problem). */
  private hospital(buf: Uint8Array, st: Int32Array, en: Int32Array): void {
    const k = this.c.kHosp;
    this.eHosp = -1;
    if (k < 0 || en[k] <= st[k]) return;
    const dHosp = this.s.dHosp;
    const h = fnv(buf, st[k], en[k]);
    let e = dHosp.find(buf, st[k], en[k], h);
    if (e < 0) {
      const r = parseOptionalText(text(buf, st[k], en[k]));
      e = dHosp.add(buf, st[k], en[k], h, r.ok && r.value !== null ? CELL_PENDING : CELL_NONE, r.ok && r.value !== null ? r.value : undefined);
    }
    this.eHosp = e;
  }

  /** NPR: cost = DRG weight × unit price (NaN when there is no weight or price). */
  private weightCost(buf: Uint8Array, st: Int32Array, en: Int32Array, line: number): boolean {
    const k = this.c.kWeight;
    const unitPrice = this.s.options.drgUnitPrice;
    this.cost = NaN;
    if (k < 0 || unitPrice === undefined || en[k] <= st[k]) return true;
    const w = registerNumber(buf, st[k], en[k]);
    if (w !== w) {
      this.log.add("bad_number", this.file, line, { column: this.names[k], found: text(buf, st[k], en[k]), expected: REGISTER_EXPECTED.number });
      return false;
    }
    this.cost = w * unitPrice;
    return true;
  }

  /** A person-table sex without a mapping excludes the row like an inline one (false). */
  private personSexMapped(line: number, counts: Counts): boolean {
    if (this.sex === DROP) {
      counts.excluded++;
      return false;
    }
    if (this.sex === UNMAPPED && this.personSexCol !== null) {
      const col = this.personSexCol;
      counts.excluded++;
      this.log.add("unmapped_code", this.file, line, { column: `${col.column} (${this.personFile})`, found: col.value(this.personSexEntry), other: col.rule.unmappedNote });
      return false;
    }
    return true;
  }

  /** The contract's row rules: discharge not before admission, birth not after it (false = rejected). */
  private rowRules(line: number, adm: number, dis: number, counts: Counts): boolean {
    const c = this.c;
    if (dis !== MISSING && dis < adm) {
      this.log.add("discharge_before_admission", this.file, line, { column: this.names[c.kEnd >= 0 ? c.kEnd : c.kED], found: formatLocalMinutes(dis), other: formatLocalMinutes(adm) });
      counts.rejected++;
      return false;
    }
    if (this.birth > Math.floor(adm / 1440)) {
      this.log.add("birth_after_admission", this.file, line, { column: this.names[c.kBirth >= 0 ? c.kBirth : c.kBYear >= 0 ? c.kBYear : c.kPerson], found: formatDay(this.birth), other: formatLocalMinutes(adm) });
      counts.rejected++;
      return false;
    }
    return true;
  }

  /**
   * Accept: register the person (pseudonym hashed later), the text values and the course, push
   * the contact into the builder, and note times in the skipped summer-time hour.
   */
  private accept(buf: Uint8Array, st: Int32Array, en: Int32Array, line: number, ps: number, pe: number, adm: number, dis: number): void {
    const { builder, courses } = this.s;
    const c = this.c;
    const pat = this.patient(buf, ps, pe);
    const diag = registeredIndex(this.s.dDiag, this.eDiag, builder.diagnoses);
    const hosp = this.eHosp >= 0 ? registeredIndex(this.s.dHosp, this.eHosp, builder.hospitals) : -1;
    if (courses !== null) {
      if (c.kCourse >= 0) courses.push(buf, st[c.kCourse], en[c.kCourse]);
      else courses.push(buf, 0, 0);
    }
    const codeV = this.codeV;
    const acute = c.jPrio >= 0 ? codeV[c.jPrio] : UNMAPPED;
    const inpatient = contactType(c.jPType >= 0 ? codeV[c.jPType] : UNMAPPED, adm, dis);
    // referral: a mapped referral-mode value (REFERRAL_MODE), else not given
    const referral = c.jRef >= 0 && codeV[c.jRef] >= 0 ? codeV[c.jRef] : -1;
    builder.push(pat, this.birth, this.sex, this.muni, hosp, adm, dis, acute, inpatient, diag, referral, this.cost, line);
    this.noteSkippedHours(line, adm, dis);
  }

  /**
   * The patient index of the row's person, keyed by the raw id while reading (in memory only; the
   * finished table gets the pseudonyms). Rows come grouped by person more often than not: the
   * previous row's person is tried first.
   */
  private patient(buf: Uint8Array, ps: number, pe: number): number {
    const rawIds = this.s.rawIds;
    let pat = this.prevPat;
    if (pat < 0 || !rawIds.sameBytes(pat, buf, ps, pe)) {
      const h = fnv(buf, ps, pe);
      pat = rawIds.find(buf, ps, pe, h);
      if (pat < 0) {
        pat = rawIds.add(buf, ps, pe, h, "");
        this.s.batcher.add(buf, ps, pe);
      }
      this.prevPat = pat;
    }
    return pat;
  }

  /** Summer time starts at 02:00: only times of day 02:00–02:59 need the full check. */
  private noteSkippedHours(line: number, adm: number, dis: number): void {
    const c = this.c;
    const ma = adm - Math.floor(adm / 1440) * 1440;
    if (ma >= 120 && ma < 180 && isSkippedHour(adm)) this.s.pendingDst.push({ line, column: this.names[c.kStart >= 0 ? c.kStart : c.kST >= 0 ? c.kST : c.kSH], at: adm });
    if (dis !== MISSING) {
      const md = dis - Math.floor(dis / 1440) * 1440;
      if (md >= 120 && md < 180 && isSkippedHour(dis)) this.s.pendingDst.push({ line, column: this.names[c.kEnd >= 0 ? c.kEnd : c.kET >= 0 ? c.kET : c.kEH], at: dis });
    }
  }
}

/**
 * Contact type: a mapped patient type (0 outpatient, 1 inpatient), else by duration (LPR3: ≥ 12
 * h or still open). Clock minutes differ from elapsed ones by at most an hour (DST): exact only
 * near 12 h.
 */
function contactType(patientType: number, adm: number, dis: number): number {
  if (patientType === 0 || patientType === 1) return patientType;
  const clock = dis - adm;
  return dis === MISSING || clock >= 781 ? 1 : clock < 659 ? 0 : elapsedMinutes(adm, dis) >= 720 ? 1 : 0;
}
