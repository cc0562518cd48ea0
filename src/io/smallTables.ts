/**
 * Readers of the small tables (population, geography, deaths, sector_costs, experience): each
 * line through its zod schema (rowSink.ts), then the table's own checks — duplicated keys,
 * missing age bands — and its typed result.
 */

import type { z } from "zod";
import type { AdverseEventRow, CareStatusTable, ContactTable, DeathTable, ExperienceRow, GeographyRow, PopulationTable, SectorCostRow } from "../contract/tables.js";
import { SEX_CODE, parseAge, parseCount, parseDateOrDateTime, parseMunicipalityCode, parsePatientId, parseSex, parseYear } from "../contract/fields.js";
import { MISSING } from "../contract/time.js";
import { DEATHS_COLUMNS, DEATHS_REQUIRED, makeDeathsSchema } from "../contract/schemas/deathsSchema.js";
import type { DeathsRecord } from "../contract/schemas/deathsSchema.js";
import { EXPERIENCE_COLUMNS, EXPERIENCE_REQUIRED, makeExperienceSchema } from "../contract/schemas/experienceSchema.js";
import { ADVERSE_EVENTS_COLUMNS, ADVERSE_EVENTS_REQUIRED, makeAdverseEventsSchema } from "../contract/schemas/adverseEventsSchema.js";
import { CARE_STATUS_COLUMNS, CARE_STATUS_REQUIRED, makeCareStatusSchema } from "../contract/schemas/careStatusSchema.js";
import { GEOGRAPHY_COLUMNS, GEOGRAPHY_REQUIRED, makeGeographySchema } from "../contract/schemas/geographySchema.js";
import { POPULATION_COLUMNS, POPULATION_REQUIRED, makePopulationSchema } from "../contract/schemas/populationSchema.js";
import type { PopulationRecord } from "../contract/schemas/populationSchema.js";
import { SECTOR_COSTS_COLUMNS, SECTOR_COSTS_REQUIRED, makeSectorCostsSchema } from "../contract/schemas/sectorCostsSchema.js";
import type { SchemaContext } from "../contract/schemas/cell.js";
import { deathsPiece, type DeathLine } from "./deathsFastRow.js";
import { ByteKeyedDictionary } from "./dictionary.js";
import { warnMissingAgeBands } from "./missingAgeBands.js";
import type { ProblemLog } from "./problemLog.js";
import { zodRowSink } from "./rowSink.js";
import type { FastRecord } from "./rowSink.js";
import { readTable } from "./tableReader.js";
import type { ReadResult, RowOutcome, TableSpec } from "./tableReader.js";

/** Read a CSV file with a zod row schema; valid records go to onRecord. */
export async function readWithSchema<S extends z.ZodType>(
  path: string,
  spec: TableSpec,
  schema: S,
  log: ProblemLog,
  onRecord: (record: z.output<S>, line: number) => RowOutcome,
  fast?: FastRecord<z.output<S>>,
): Promise<ReadResult> {
  return readTable(path, spec, log, (header) => zodRowSink(spec, header, schema, log, onRecord, fast));
}

/** population.csv without zod: the schema's field rules and row rule, called directly. */
function populationFast(context: SchemaContext): FastRecord<PopulationRecord> {
  const munis = context.municipalities;
  return (f, col) => {
    const year = parseYear(f[col.year as number]);
    if (!year.ok) return null;
    const muni = parseMunicipalityCode(f[col.municipality_code as number]);
    if (!muni.ok || (munis !== undefined && !munis.has(muni.value))) return null;
    const sex = parseSex(f[col.sex as number]);
    if (!sex.ok) return null;
    const age = parseAge(f[col.age as number]);
    if (!age.ok) return null;
    const count = parseCount(f[col.count as number]);
    if (!count.ok) return null;
    return { year: year.value, municipality_code: muni.value, sex: sex.value, age: age.value, count: count.value };
  };
}

/** deaths.csv without zod: the schema's field rules, called directly. */
function deathsFast(context: SchemaContext): FastRecord<DeathsRecord> {
  const allowCpr = context.allowCprLikeIds ?? false;
  return (f, col) => {
    const id = parsePatientId(f[col.patient_id as number], allowCpr);
    if (!id.ok) return null;
    const died = parseDateOrDateTime(f[col.died_at as number]);
    if (!died.ok) return null;
    return { patient_id: id.value, died_at: died.value };
  };
}


// ---- population -------------------------------------------------------------------------------

export function populationSpec(file: string): TableSpec {
  return { file, columns: POPULATION_COLUMNS, required: POPULATION_REQUIRED };
}

/** Read population.csv: duplicated keys (error; identical rows are duplicates) and missing age bands (warning). */
export async function readPopulation(
  path: string,
  file: string,
  context: SchemaContext,
  log: ProblemLog,
  fastPath = true,
): Promise<{ read: ReadResult; table: PopulationTable }> {
  const year: number[] = [];
  const muni: number[] = [];
  const sex: number[] = [];
  const age: number[] = [];
  const open: number[] = [];
  const count: number[] = [];
  // Key → index of its accepted row (its line in `lines`); no object per row.
  const keys = new Map<number, number>();
  const lines: number[] = [];
  const read = await readWithSchema(path, populationSpec(file), makePopulationSchema(context), log, (r, line) => {
    const s = SEX_CODE[r.sex];
    const key = ((r.year * 10000 + r.municipality_code) * 3 + s) * 300 + r.age.age + (r.age.open ? 131 : 0);
    const firstRow = keys.get(key);
    if (firstRow !== undefined) {
      const first = { line: lines[firstRow], count: count[firstRow] };
      if (first.count === r.count) {
        log.add("duplicate_row", file, line, { lineRef: first.line, expected: "a unique row", found: `line ${first.line}` });
        return "duplicate";
      }
      log.add("duplicate_key", file, line, {
        column: "count",
        lineRef: first.line,
        found: `key year ${r.year}, municipality_code ${r.municipality_code}, sex ${r.sex}, age ${r.age.age}${r.age.open ? "+" : ""}`,
        expected: "one row per year, municipality_code, sex and age",
      });
      return "rejected";
    }
    keys.set(key, year.length);
    lines.push(line);
    year.push(r.year);
    muni.push(r.municipality_code);
    sex.push(s);
    age.push(r.age.age);
    open.push(r.age.open ? 1 : 0);
    count.push(r.count);
    return "accepted";
  }, fastPath ? populationFast(context) : undefined);
  const table: PopulationTable = {
    length: year.length,
    year: Int16Array.from(year),
    municipality: Int16Array.from(muni),
    sex: Uint8Array.from(sex),
    age: Int16Array.from(age),
    ageOpen: Uint8Array.from(open),
    count: Float64Array.from(count),
  };
  warnMissingAgeBands(table, file, log);
  return { read, table };
}

// ---- geography --------------------------------------------------------------------------------

export function geographySpec(file: string): TableSpec {
  return { file, columns: GEOGRAPHY_COLUMNS, required: GEOGRAPHY_REQUIRED };
}

/** Read a geography file; a municipality listed twice is a duplicate (same row) or an error. */
export async function readGeography(path: string, file: string, log: ProblemLog): Promise<{ read: ReadResult; rows: GeographyRow[] }> {
  const rows: GeographyRow[] = [];
  const seen = new Map<number, { line: number; row: GeographyRow }>();
  const read = await readWithSchema(path, geographySpec(file), makeGeographySchema(), log, (r, line) => {
    const first = seen.get(r.municipality_code);
    if (first !== undefined) {
      const same =
        first.row.municipality_name === r.municipality_name && first.row.cluster === r.cluster && first.row.hospital_unit === r.hospital_unit;
      if (same) {
        log.add("duplicate_row", file, line, { lineRef: first.line, expected: "a unique row", found: `line ${first.line}` });
        return "duplicate";
      }
      log.add("duplicate_key", file, line, {
        column: "cluster",
        lineRef: first.line,
        found: `municipality_code ${String(r.municipality_code).padStart(3, "0")}`,
        expected: "one row per municipality",
      });
      return "rejected";
    }
    const row: GeographyRow = { ...r };
    seen.set(r.municipality_code, { line, row });
    rows.push(row);
    return "accepted";
  });
  return { read, rows };
}

// ---- deaths -----------------------------------------------------------------------------------

export function deathsSpec(file: string): TableSpec {
  return { file, columns: DEATHS_COLUMNS, required: DEATHS_REQUIRED };
}

/** Read deaths.csv and join it to the contacts' patient index. */
export async function readDeaths(
  path: string,
  file: string,
  contacts: ContactTable,
  patientIndex: { get(id: string): number | undefined },
  context: SchemaContext,
  log: ProblemLog,
  fastPath = true,
): Promise<{ read: ReadResult; table: DeathTable }> {
  const died = new Int32Array(contacts.patientIds.length).fill(MISSING);
  const unmatchedSeen = new Map<string, { line: number; day: number }>();
  const lineOf = new Int32Array(contacts.patientIds.length);
  let unmatched = 0;
  const onRecord = (r: DeathsRecord, line: number): RowOutcome => {
    const p = patientIndex.get(r.patient_id);
    const prev = p === undefined ? unmatchedSeen.get(r.patient_id) : died[p] === MISSING ? undefined : { line: lineOf[p], day: died[p] };
    if (prev !== undefined) {
      if (prev.day === r.died_at) {
        log.add("duplicate_row", file, line, { lineRef: prev.line, expected: "a unique row", found: `line ${prev.line}` });
        return "duplicate";
      }
      log.add("duplicate_key", file, line, {
        column: "died_at",
        lineRef: prev.line,
        found: "patient_id (value not shown)",
        expected: "one death per patient",
      });
      return "rejected";
    }
    if (p === undefined) {
      unmatched++;
      unmatchedSeen.set(r.patient_id, { line, day: r.died_at });
    } else {
      died[p] = r.died_at;
      lineOf[p] = line;
    }
    return "accepted";
  };
  // A known patient's first death, read from the bytes (deathsFastRow.ts), is what onRecord would
  // accept; everything else goes through onRecord.
  const onLine: DeathLine = {
    known: (p, day, line) => {
      if (died[p] !== MISSING) return false;
      died[p] = day;
      lineOf[p] = line;
      return true;
    },
    record: (patientId, day, line) => onRecord({ patient_id: patientId, died_at: day }, line),
  };
  const spec = deathsSpec(file);
  const schema = makeDeathsSchema(context);
  const read = await readTable(path, spec, log, (header) => {
    const rows = zodRowSink(spec, header, schema, log, onRecord, fastPath ? deathsFast(context) : undefined);
    const piece = fastPath && patientIndex instanceof ByteKeyedDictionary ? deathsPiece(header, patientIndex, context.allowCprLikeIds ?? false, onLine, rows.line) : null;
    return piece === null ? rows : { line: rows.line, piece };
  });
  return { read, table: { diedOnByPatient: died, unmatched } };
}

// ---- sector_costs -----------------------------------------------------------------------------

export function sectorCostsSpec(file: string): TableSpec {
  return { file, columns: SECTOR_COSTS_COLUMNS, required: SECTOR_COSTS_REQUIRED };
}

/** Read sector_costs.csv; one row per year, municipality, sector and age group. */
export async function readSectorCosts(
  path: string,
  file: string,
  context: SchemaContext,
  log: ProblemLog,
): Promise<{ read: ReadResult; rows: SectorCostRow[] }> {
  const rows: SectorCostRow[] = [];
  const seen = new Map<string, { line: number; cost: number }>();
  const read = await readWithSchema(path, sectorCostsSpec(file), makeSectorCostsSchema(context), log, (r, line) => {
    const key = `${r.year}|${r.municipality_code}|${r.sector}|${r.age_group ?? ""}`;
    const first = seen.get(key);
    if (first !== undefined) {
      if (first.cost === r.cost_dkk) {
        log.add("duplicate_row", file, line, { lineRef: first.line, expected: "a unique row", found: `line ${first.line}` });
        return "duplicate";
      }
      log.add("duplicate_key", file, line, {
        column: "cost_dkk",
        lineRef: first.line,
        found: `key year ${r.year}, municipality_code ${String(r.municipality_code).padStart(3, "0")}, sector ${r.sector}, age_group ${r.age_group ?? "(none)"}`,
        expected: "one row per year, municipality_code, sector and age_group",
      });
      return "rejected";
    }
    seen.set(key, { line, cost: r.cost_dkk });
    rows.push({ ...r });
    return "accepted";
  });
  return { read, rows };
}

// ---- experience -------------------------------------------------------------------------------

export function experienceSpec(file: string): TableSpec {
  return { file, columns: EXPERIENCE_COLUMNS, required: EXPERIENCE_REQUIRED };
}

/** Read experience.csv. */
export async function readExperience(
  path: string,
  file: string,
  context: SchemaContext,
  log: ProblemLog,
): Promise<{ read: ReadResult; rows: ExperienceRow[] }> {
  const rows: ExperienceRow[] = [];
  const read = await readWithSchema(path, experienceSpec(file), makeExperienceSchema(context), log, (r) => {
    rows.push({ ...r });
    return "accepted";
  });
  return { read, rows };
}

// ---- adverse events (UTH) ---------------------------------------------------------------------

export function adverseEventsSpec(file: string): TableSpec {
  return { file, columns: ADVERSE_EVENTS_COLUMNS, required: ADVERSE_EVENTS_REQUIRED };
}

/** Read adverse_events.csv; a hospital_unit's cluster is the geography's. */
export async function readAdverseEvents(
  path: string,
  file: string,
  context: SchemaContext,
  clusterOfUnit: ReadonlyMap<string, string>,
  log: ProblemLog,
): Promise<{ read: ReadResult; rows: AdverseEventRow[] }> {
  const rows: AdverseEventRow[] = [];
  // Without a geography the hospital units are not checked (no_geography is reported): the unit is its own cluster.
  const read = await readWithSchema(path, adverseEventsSpec(file), makeAdverseEventsSchema({ ...context, hospitalUnits: new Set(clusterOfUnit.keys()) }), log, (r) => {
    const cluster = r.cluster ?? (r.hospital_unit === null ? "" : (clusterOfUnit.get(r.hospital_unit) ?? r.hospital_unit));
    rows.push({ year: r.year, cluster, hospital_unit: r.hospital_unit, events: r.events });
    return "accepted";
  });
  return { read, rows };
}

// ---- care status ------------------------------------------------------------------------------

export function careStatusSpec(file: string): TableSpec {
  return { file, columns: CARE_STATUS_COLUMNS, required: CARE_STATUS_REQUIRED };
}

/** Read care_status.csv and join it to the contacts' patient index (as deaths.csv). */
export async function readCareStatus(
  path: string,
  file: string,
  patientIndex: { get(id: string): number | undefined },
  context: SchemaContext,
  log: ProblemLog,
): Promise<{ read: ReadResult; table: CareStatusTable }> {
  const patient: number[] = [];
  const status: number[] = [];
  const from: number[] = [];
  const to: number[] = [];
  let unmatched = 0;
  const read = await readWithSchema(path, careStatusSpec(file), makeCareStatusSchema(context), log, (r) => {
    const p = patientIndex.get(r.patient_id);
    if (p === undefined) {
      unmatched++;
      return "accepted";
    }
    patient.push(p);
    status.push(r.status === "nursing_home" ? 1 : 2);
    from.push(r.from);
    to.push(r.to);
    return "accepted";
  });
  return { read, table: { patient: Int32Array.from(patient), status: Uint8Array.from(status), from: Int32Array.from(from), to: Int32Array.from(to), unmatched } };
}
