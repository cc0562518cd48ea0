/**
 * The `statbank-folk1a` preset: Statistics Denmark's FOLK1A population table, as the StatBank API
 * delivers it as CSV (`;`, UTF-8 with a BOM, header `OMRÅDE;KØN;ALDER;CIVILSTAND;TID;INDHOLD`,
 * values as codes or as Danish/English texts), read into klynge's PopulationTable.
 *
 * Method (docs/registers.md, "statbank-folk1a"; ../shared/reference/registers.md, "Statistics
 * Denmark (StatBank) population, FOLK1A"):
 * - total rows are dropped: OMRÅDE 000 (whole country) and 081–085 (regions), KØN TOT, ALDER
 *   IALT; otherwise every total would be counted twice;
 * - TID quarter 1 (`2024K1`, `2024Q1`) is the population on 1 January of its year; other quarters
 *   are dropped;
 * - CIVILSTAND: per (year, municipality, sex, age) the single statuses U, G, E, F are summed when
 *   the file has them, else the total is used — never both;
 * - municipalities outside the geography are dropped (one warning listing them);
 * - INDHOLD `..` (not available) in a row that would be imported is an error, the row rejected;
 * - the remaining rows are summed per (year, municipality, sex, age), sorted by those, and
 *   checked for missing age bands as population.csv is.
 * Dropped rows are counted as excluded: rows read = accepted + rejected + duplicates + excluded.
 */

import { Sex } from "../../contract/codes.js";
import type { CodeCount } from "../../contract/dataset.js";
import { parseCount } from "../../contract/fields.js";
import type { GeographyRow, PopulationTable } from "../../contract/tables.js";
import type { ProblemLog } from "../problemLog.js";
import { recordOfLine } from "../rowSink.js";
import { readTable } from "../tableReader.js";
import type { Counts, Header, ReadResult, RowSink, TableSpec } from "../tableReader.js";
import { warnMissingAgeBands } from "../missingAgeBands.js";
import { isBad, readAge, readArea, readMarital, readQuarter, readSex } from "./folk1aValues.js";
import type { AgeValue, Area, BadValue, MaritalIndex } from "./folk1aValues.js";

/** What the FOLK1A reader checks municipalities against. */
export interface Folk1aContext {
  /** Municipality codes to keep (default: those of `geography`, else all). */
  readonly municipalities?: ReadonlySet<number>;
  /** The geography: its codes, and its names for OMRÅDE given as names (valuePresentation=Value). */
  readonly geography?: readonly GeographyRow[];
}

/** The FOLK1A columns as normalised by the table reader (trimmed, lower case). */
export const FOLK1A_COLUMNS = ["område", "køn", "alder", "civilstand", "tid", "indhold"] as const;
const FOLK1A_REQUIRED = ["område", "køn", "alder", "tid", "indhold"] as const;
/** The columns as StatBank spells them, for messages. */
const REGISTER_NAME: Readonly<Record<string, string>> = {
  område: "OMRÅDE",
  køn: "KØN",
  alder: "ALDER",
  civilstand: "CIVILSTAND",
  tid: "TID",
  indhold: "INDHOLD",
};

const FORMAT_NAME = "a StatBank FOLK1A";
const NOT_AVAILABLE = "..";
const OUTSIDE_LIST_MAX = 20;
const NAME_WITHOUT_GEOGRAPHY = "a 3-digit municipality code (names are matched to a geography, and none is given)";

/** Notes of the load report (text catalogue of this preset). */
const NOTES = {
  quarters: (n: number) =>
    `TID: quarter 1 is the population on 1 January of its year; ${n} row(s) of other quarters were dropped`,
  maritalSummed: (n: number) =>
    `CIVILSTAND: the single statuses (U, G, E, F) were summed; ${n} CIVILSTAND total row(s) were dropped`,
  maritalTotal: "CIVILSTAND: the file has only CIVILSTAND totals; they were used",
  maritalMixed: (n: number) =>
    `CIVILSTAND: the total was used for ${n} (year, municipality, sex, age) without single statuses`,
  maritalAbsent: "CIVILSTAND: the column is absent; each row is taken as all marital statuses together",
  maritalMismatch: (n: number) =>
    `CIVILSTAND: for ${n} (year, municipality, sex, age) the total differs from the sum of U, G, E, F (the sum is used)`,
  names: "OMRÅDE: municipality names were matched to the geography's municipality_name (case-insensitive)",
} as const;

/** A value met: its parse (once per distinct text) and how many rows had it. */
interface Seen<T> {
  /** The value as found, trimmed. */
  readonly text: string;
  readonly v: T;
  count: number;
}

/** Distinct values of one column, parsed once each, in order of first meeting. */
class ValueCache<T> {
  readonly seen = new Map<string, Seen<T>>();
  constructor(private readonly parse: (text: string) => T) {}
  get(raw: string): Seen<T> {
    let s = this.seen.get(raw);
    if (s === undefined) {
      const text = raw.trim();
      s = { text, v: this.parse(text), count: 0 };
      this.seen.set(raw, s);
    }
    s.count++;
    return s;
  }
}

/** OMRÅDE resolved against the geography. */
type AreaSeen =
  | { readonly kind: "country" }
  | { readonly kind: "region" }
  | { readonly kind: "in"; readonly code: number; readonly byName: boolean }
  | { readonly kind: "outside"; readonly label: string }
  | BadValue;

/** One (year, municipality, sex, age) being summed. */
interface Acc {
  readonly year: number;
  readonly municipality: number;
  readonly sex: number;
  readonly age: number;
  readonly open: number;
  parts: number;
  partsRows: number;
  total: number;
  totalRows: number;
  /** Line and count of each CIVILSTAND (0 = total, 1–4 = U, G, E, F) met, line 0 = not met. */
  readonly lineOf: [number, number, number, number, number];
  readonly countOf: [number, number, number, number, number];
}

/** A small-integer key of (year, municipality, sex, age): years 1900–2099 (readQuarter), below 2^31 / 8. */
const popKey = (year: number, municipality: number, sex: number, age: number, open: boolean): number =>
  (((year - 1900) * 1000 + municipality) * 3 + sex) * 300 + age + (open ? 131 : 0);

const NOT_FOLK1A = "not a FOLK1A value";
const COLUMN_ORDER = ["OMRÅDE", "KØN", "ALDER", "CIVILSTAND", "TID"];

/**
 * Read a StatBank FOLK1A CSV into a PopulationTable (rules in the file header above and in
 * docs/registers.md). A file without the columns OMRÅDE, KØN, ALDER, TID and INDHOLD gets one
 * `wrong_format` error and nothing is imported. `codes` lists every value met of KØN,
 * CIVILSTAND and TID, the dropped OMRÅDE and ALDER totals, and the municipalities and single
 * ages grouped; `notes` say how the file was read.
 */
export async function readFolk1a(
  path: string,
  file: string,
  context: Folk1aContext,
  log: ProblemLog,
): Promise<{ read: ReadResult; table: PopulationTable; codes: CodeCount[]; notes: string[] }> {
  const spec: TableSpec = { file, columns: FOLK1A_COLUMNS, required: [] };
  const keep: ReadonlySet<number> | undefined =
    context.municipalities ?? (context.geography === undefined ? undefined : new Set(context.geography.map((g) => g.municipality_code)));
  const byName = new Map<string, number>();
  for (const g of context.geography ?? []) {
    const n = g.municipality_name.trim().toLowerCase();
    if (!byName.has(n)) byName.set(n, g.municipality_code);
  }
  const resolveArea = (text: string): AreaSeen => {
    const a: Area | BadValue = readArea(text);
    if (isBad(a) || a.kind === "country" || a.kind === "region") return a;
    let code: number;
    let named = false;
    if (a.kind === "name") {
      const c = byName.get(a.name.toLowerCase());
      if (c === undefined) return context.geography === undefined ? { bad: true, expected: NAME_WITHOUT_GEOGRAPHY } : { kind: "outside", label: text };
      code = c;
      named = true;
    } else code = a.code;
    if (keep !== undefined && !keep.has(code)) return { kind: "outside", label: named ? text : String(code).padStart(3, "0") };
    return { kind: "in", code, byName: named };
  };

  const areas = new ValueCache(resolveArea);
  const sexes = new ValueCache(readSex);
  const ages = new ValueCache(readAge);
  const maritals = new ValueCache(readMarital);
  const times = new ValueCache(readQuarter);
  const accs = new Map<number, Acc>();
  let wrongShape = false;
  let hasMarital = false;

  /** One data row's fields; its outcome, "pending" when it is summed (settled below). */
  const readRow = (
    fArea: string,
    fSex: string,
    fAge: string,
    fMarital: string | null,
    fTime: string,
    fCount: string,
    line: number,
  ): "rejected" | "excluded" | "duplicate" | "pending" => {
    const area = areas.get(fArea);
    const sex = sexes.get(fSex);
    const age = ages.get(fAge);
    const marital = fMarital === null ? null : maritals.get(fMarital);
    const time = times.get(fTime);
    const a = area.v;
    const s = sex.v;
    const g = age.v;
    const m: MaritalIndex | BadValue = marital === null ? 0 : marital.v;
    const t = time.v;

    // Values that cannot be read: one error each, the row rejected.
    if (isBad(a) || isBad(s) || isBad(g) || isBad(m) || isBad(t)) {
      const report = (column: string, seen: Seen<unknown> | null): void => {
        if (seen !== null && isBad(seen.v)) log.add("bad_register_value", file, line, { column, found: seen.text, expected: seen.v.expected });
      };
      report("OMRÅDE", area);
      report("KØN", sex);
      report("ALDER", age);
      report("CIVILSTAND", marital);
      report("TID", time);
      return "rejected";
    }
    // Totals, other quarters and municipalities outside the geography: dropped.
    if (a.kind !== "in" || s === "total" || g.kind === "total" || t.quarter !== 1) return "excluded";

    // INDHOLD.
    const rawCount = fCount.trim();
    if (rawCount === NOT_AVAILABLE) {
      log.add("not_available", file, line, { column: "INDHOLD", found: rawCount, expected: "a count of citizens" });
      return "rejected";
    }
    const count = parseCount(rawCount);
    if (!count.ok) {
      log.add(count.code, file, line, { column: "INDHOLD", found: rawCount, expected: count.expected });
      return "rejected";
    }

    // The same cell of the table twice.
    const sexCode = s === "M" ? Sex.M : Sex.F;
    const key = popKey(t.year, a.code, sexCode, g.age, g.open);
    let acc = accs.get(key);
    if (acc === undefined) {
      acc = {
        year: t.year,
        municipality: a.code,
        sex: sexCode,
        age: g.age,
        open: g.open ? 1 : 0,
        parts: 0,
        partsRows: 0,
        total: 0,
        totalRows: 0,
        lineOf: [0, 0, 0, 0, 0],
        countOf: [0, 0, 0, 0, 0],
      };
      accs.set(key, acc);
    }
    const firstLine = acc.lineOf[m];
    if (firstLine !== 0) {
      if (acc.countOf[m] === count.value) {
        log.add("duplicate_row", file, line, { lineRef: firstLine, expected: "a unique row", found: `line ${firstLine}` });
        return "duplicate";
      }
      log.add("duplicate_key", file, line, {
        column: "INDHOLD",
        lineRef: firstLine,
        found: `OMRÅDE ${area.text}, KØN ${sex.text}, ALDER ${age.text}${marital === null ? "" : `, CIVILSTAND ${marital.text}`}, TID ${time.text}`,
        expected: "one row per OMRÅDE, KØN, ALDER, CIVILSTAND and TID",
      });
      return "rejected";
    }
    acc.lineOf[m] = line;
    acc.countOf[m] = count.value;
    if (m === 0) {
      acc.total += count.value;
      acc.totalRows++;
    } else {
      acc.parts += count.value;
      acc.partsRows++;
    }
    return "pending";
  };

  const makeSink = (header: Header): RowSink => {
    const missing = FOLK1A_REQUIRED.filter((c) => !header.index.has(c));
    if (missing.length > 0) {
      wrongShape = true;
      log.add("wrong_format", file, null, {
        expected: FORMAT_NAME,
        list: FOLK1A_REQUIRED.map((c) => REGISTER_NAME[c]).join(", "),
        found: header.names.join(", "),
        column: REGISTER_NAME[missing[0]],
      });
      return {
        line(_text: string, _lineNo: number, counts: Counts): void {
          counts.rowsRead++;
          counts.rejected++;
        },
      };
    }
    hasMarital = header.index.has("civilstand");
    const at = (c: string): number => header.index.get(c) ?? -1;
    const [iArea, iSex, iAge, iMarital, iTime, iCount] = FOLK1A_COLUMNS.map(at);
    const nFields = header.names.length;
    const delim = header.delimiter;
    return {
      line(text: string, lineNo: number, counts: Counts): void {
        counts.rowsRead++;
        const plain = text.indexOf('"') < 0 ? text.split(delim) : null;
        let f: readonly string[];
        if (plain !== null && plain.length === nFields) f = plain;
        else {
          // Quotes or a wrong field count: the shared row path splits and reports.
          const rec = recordOfLine(text, lineNo, header, spec, log);
          if (rec === null) {
            counts.rejected++;
            return;
          }
          f = header.names.map((name) => rec[name] ?? "");
        }
        tally(readRow(f[iArea], f[iSex], f[iAge], iMarital < 0 ? null : f[iMarital], f[iTime], f[iCount], lineNo), counts);
      },
    };
  };

  const readResult = await readTable(path, spec, log, makeSink);
  const counts = readResult.counts;

  // CIVILSTAND settled per (year, municipality, sex, age): the single statuses, else the total.
  const keys = [...accs.keys()].sort((x, y) => x - y);
  const n = keys.length;
  const table: PopulationTable = {
    length: n,
    year: new Int16Array(n),
    municipality: new Int16Array(n),
    sex: new Uint8Array(n),
    age: new Int16Array(n),
    ageOpen: new Uint8Array(n),
    count: new Float64Array(n),
  };
  let totalDropped = 0;
  let totalUsedKeys = 0;
  let partsKeys = 0;
  let mismatch = 0;
  keys.forEach((k, i) => {
    const a = accs.get(k) as Acc;
    table.year[i] = a.year;
    table.municipality[i] = a.municipality;
    table.sex[i] = a.sex;
    table.age[i] = a.age;
    table.ageOpen[i] = a.open;
    if (a.partsRows > 0) {
      partsKeys++;
      table.count[i] = a.parts;
      counts.accepted += a.partsRows;
      counts.excluded += a.totalRows;
      totalDropped += a.totalRows;
      if (a.totalRows > 0 && a.total !== a.parts) mismatch++;
    } else {
      totalUsedKeys++;
      table.count[i] = a.total;
      counts.accepted += a.totalRows;
    }
  });

  if (wrongShape) {
    return { read: { header: null, counts, present: readResult.present }, table, codes: [], notes: [] };
  }

  // The code table, and the warnings and notes that follow from the values met.
  const codes: CodeCount[] = [];
  const code = (column: string, value: string, count: number, mappedTo: string | null, note?: string): void => {
    codes.push(note === undefined ? { column, value, count, mappedTo } : { column, value, count, mappedTo, note });
  };
  const outside = new Map<string, number>();
  const inside = new Set<number>();
  let outsideRows = 0;
  let insideRows = 0;
  let namesUsed = false;
  for (const s of areas.seen.values()) {
    const a = s.v;
    if (isBad(a)) code("OMRÅDE", s.text, s.count, null, NOT_FOLK1A);
    else if (a.kind === "country") code("OMRÅDE", s.text, s.count, "drop", "whole country");
    else if (a.kind === "region") code("OMRÅDE", s.text, s.count, "drop", "region");
    else if (a.kind === "outside") {
      outsideRows += s.count;
      outside.set(a.label, (outside.get(a.label) ?? 0) + s.count);
    } else {
      insideRows += s.count;
      inside.add(a.code);
      if (a.byName) namesUsed = true;
    }
  }
  if (insideRows > 0) code("OMRÅDE", `municipalities (${inside.size})`, insideRows, "municipality_code");
  if (outsideRows > 0) {
    code("OMRÅDE", `outside the geography (${outside.size})`, outsideRows, "drop", "municipalities not in the geography");
    const labels = [...outside.keys()].sort();
    const shown = labels.slice(0, OUTSIDE_LIST_MAX).join(", ");
    log.add("outside_geography", file, null, {
      n: outsideRows,
      list: labels.length > OUTSIDE_LIST_MAX ? `${shown}, … (${labels.length} in all)` : shown,
    });
  }
  for (const s of sexes.seen.values()) {
    if (isBad(s.v)) code("KØN", s.text, s.count, null, NOT_FOLK1A);
    else code("KØN", s.text, s.count, s.v === "total" ? "drop" : s.v);
  }
  let single: { min: Seen<AgeValueSingle>; max: Seen<AgeValueSingle>; count: number } | null = null;
  for (const s of ages.seen.values()) {
    const g = s.v;
    if (isBad(g)) code("ALDER", s.text, s.count, null, NOT_FOLK1A);
    else if (g.kind === "total") code("ALDER", s.text, s.count, "drop");
    else if (g.open) code("ALDER", s.text, s.count, `${g.age}+`);
    else {
      const me = s as Seen<AgeValueSingle>;
      if (single === null) single = { min: me, max: me, count: 0 };
      single.count += s.count;
      if (g.age < single.min.v.age) single.min = me;
      if (g.age > single.max.v.age) single.max = me;
    }
  }
  if (single !== null) {
    code("ALDER", single.min === single.max ? single.min.text : `${single.min.text} … ${single.max.text}`, single.count, "age");
  }
  for (const s of maritals.seen.values()) {
    const m = s.v;
    if (isBad(m)) code("CIVILSTAND", s.text, s.count, null, NOT_FOLK1A);
    else if (m !== 0) code("CIVILSTAND", s.text, s.count, "sum");
    else if (partsKeys === 0) code("CIVILSTAND", s.text, s.count, "keep");
    else if (totalUsedKeys === 0) code("CIVILSTAND", s.text, s.count, "drop", "the single statuses are summed");
    else code("CIVILSTAND", s.text, s.count, "keep", "used only where the file has no single statuses");
  }
  let otherQuarterRows = 0;
  for (const s of times.seen.values()) {
    const t = s.v;
    if (isBad(t)) code("TID", s.text, s.count, null, NOT_FOLK1A);
    else if (t.quarter === 1) code("TID", s.text, s.count, String(t.year));
    else {
      otherQuarterRows += s.count;
      code("TID", s.text, s.count, "drop", "only quarter 1 (1 January) is used");
    }
  }

  warnMissingAgeBands(table, file, log);

  const notes: string[] = [NOTES.quarters(otherQuarterRows)];
  if (!hasMarital) notes.push(NOTES.maritalAbsent);
  else if (partsKeys > 0) {
    notes.push(NOTES.maritalSummed(totalDropped));
    if (totalUsedKeys > 0) notes.push(NOTES.maritalMixed(totalUsedKeys));
    if (mismatch > 0) notes.push(NOTES.maritalMismatch(mismatch));
  } else if (totalUsedKeys > 0) notes.push(NOTES.maritalTotal);
  if (namesUsed) notes.push(NOTES.names);

  return { read: readResult, table, codes: mergeCodes(codes), notes };
}

type AgeValueSingle = Extract<AgeValue, { kind: "age" }>;

function tally(outcome: "rejected" | "excluded" | "duplicate" | "pending", counts: Counts): void {
  if (outcome === "rejected") counts.rejected++;
  else if (outcome === "excluded") counts.excluded++;
  else if (outcome === "duplicate") counts.duplicates++;
  // "pending": accepted or excluded once CIVILSTAND is settled.
}

/** One entry per (column, value) — texts differing only in surrounding spaces are one value — in column order. */
function mergeCodes(list: readonly CodeCount[]): CodeCount[] {
  const byKey = new Map<string, CodeCount>();
  for (const c of list) {
    const k = `${c.column}\u0000${c.value}`;
    const prev = byKey.get(k);
    byKey.set(k, prev === undefined ? c : { ...prev, count: prev.count + c.count });
  }
  return [...byKey.values()]
    .map((c, i) => ({ c, i }))
    .sort((a, b) => COLUMN_ORDER.indexOf(a.c.column) - COLUMN_ORDER.indexOf(b.c.column) || a.i - b.i)
    .map((x) => x.c);
}
