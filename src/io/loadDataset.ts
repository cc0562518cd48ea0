/**
 * loadDataset(dir, options): read and validate every table of a dataset folder in one pass and
 * return the typed columnar tables with a full load report (issue 2, "Loading and bad input").
 *
 * Pipeline: geography (option → dir/geography.csv → shipped Region Midtjylland map) → admissions
 * (byte-level columnar fast path, row path for anything unusual; exact duplicates counted once;
 * overlaps warned) → population (duplicated keys, missing age bands) → optional deaths,
 * sector_costs, experience. Every line is counted: rowsRead = accepted + rejected + duplicates.
 * Default: bad rows are skipped and reported; `strict` throws a DatasetError listing all problems.
 */

import { existsSync, statSync } from "node:fs";
import { basename, join, resolve } from "node:path";
import { looksLikePersonNumber } from "../contract/personNumber.js";
import type { CacheNote, Dataset, LoadReport, Problem, TableReport } from "../contract/dataset.js";
import { cacheFolder } from "./cache/cacheFolder.js";
import { openSlot, readCached, writeCached } from "./cache/datasetCache.js";
import { klyngeVersion } from "./cache/klyngeVersion.js";
import type { GeographyRow, PopulationTable } from "../contract/tables.js";
import { GeographySchema } from "../contract/schemas/geographySchema.js";
import type { SchemaContext } from "../contract/schemas/cell.js";
import { readAdmissions, admissionsSpec } from "./admissionsReader.js";
import { ContactBuilder } from "./contactBuilder.js";
import { DatasetError } from "./datasetError.js";
import { MESSAGES, REPORT_TEXT, type MessageCode } from "./messages.js";
import { reportOverlaps } from "./overlaps.js";
import { putTiesInStayOrder } from "./rowsByPatient.js";
import { putPatientsByMunicipality, type PatientIndex } from "./patientsByMunicipality.js";
import { orderByPatient } from "../contract/patientOrder.js";
import { defaultGeographyPath } from "./packageRoot.js";
import { workerCount } from "./parallel/workerCount.js";
import { ProblemLog, type TextEncodingOption } from "./problemLog.js";
import {
  deathsSpec,
  experienceSpec,
  adverseEventsSpec,
  readAdverseEvents,
  careStatusSpec,
  readCareStatus,
  geographySpec,
  populationSpec,
  readDeaths,
  readExperience,
  readGeography,
  readPopulation,
  readSectorCosts,
  sectorCostsSpec,
} from "./smallTables.js";
import { tableReport } from "./tableReader.js";
import { logIssues } from "./zodIssues.js";
import type { CodeMap } from "./registers/codeColumn.js";
import { findRegisterFile, isRegisterFormat, loadRegisterContacts } from "./registers/loadRegisterContacts.js";
import { readFolk1aTable } from "./registers/importFolk1a.js";
import type { RegisterFormat } from "./registers/registerPreset.js";

export interface LoadOptions {
  /** Throw a DatasetError listing all problems when any error is found (default false). */
  readonly strict?: boolean;
  /**
   * The geography: a CSV path, or rows (as in geography.csv, codes as numbers or text). Default:
   * the dataset's geography.csv, else the shipped data/geography/midtjylland.csv.
   */
  readonly geography?: string | readonly GeographyRow[];
  /** Accept patient ids shaped like CPR numbers (default false: such rows are refused). */
  readonly allowCprLikeIds?: boolean;
  /** Keep at most this many problems of each code per file in the list (counts are never capped). Default 100. */
  readonly maxProblemsPerCode?: number;
  /** Called for every warning as it is found. */
  readonly onWarning?: (problem: Problem) => void;
  /** Use the fast paths (default true): admissions byte-level, population and deaths without zod; false = zod row path for every row. */
  readonly fastPath?: boolean;
  /** Bytes read per chunk of admissions (default 8 MiB; with `workers`, the size of a thread's byte range); for tuning and tests. */
  readonly chunkSize?: number;
  /**
   * Threads parsing a plain admissions.csv (docs/cache.md, "Parser threads"): default the
   * environment variable KLYNGE_WORKERS, else 2 for a file of AUTO_PARALLEL_BYTES (512 MiB) or more
   * on a machine with two cores or more, else 1 — no threads, the file is read on the calling
   * thread. With 2 or more, byte ranges of the file are parsed in worker threads and merged in
   * file order; the table, the counts and every problem are the same as with 1. A `.gz` file is
   * read on one thread, and any failure of a thread falls back to one thread. With threads,
   * `onWarning` hears the warnings of admissions.csv once the file has been read.
   */
  readonly workers?: number;
  /**
   * Read a register extract instead of the contract's admissions.csv (docs/registers.md):
   * "lpr3-a", "lpr3-f", "lpr2" or "npr". Default "contract".
   */
  readonly format?: RegisterFormat | "contract";
  /** Register formats: the pseudonymisation key (default: the environment variable KLYNGE_PSEUDONYM_KEY). */
  readonly pseudonymKey?: string | Uint8Array;
  /** Register formats: mappings of code values, column → value → target (e.g. { kont_type: { ALCA10: "keep" } }). */
  readonly codeMap?: CodeMap;
  /** Register formats: the price column of the cost file. */
  readonly costColumn?: string;
  /** NPR: price per DRG weight unit (cost = korrvekt × this). */
  readonly drgUnitPrice?: number;
  /**
   * How the CSV files are decoded (default "auto": UTF-8, and a file that is not valid UTF-8 is
   * read as Windows-1252 from its first such piece, with a warning naming the line).
   */
  readonly encoding?: TextEncodingOption;
  /** Register formats: hash person ids in a worker thread (default: for large files). */
  readonly pseudonymWorker?: boolean;
  /**
   * Use the dataset cache (docs/cache.md; default true, unless the environment variable
   * KLYNGE_CACHE is "off"): a dataset loaded before with the same options, whose input files are
   * byte for byte the same, is read from the cache; otherwise it is read from the files and
   * written to the cache. Not used for register formats, nor with `onWarning` (warnings are
   * reported as they are found only when the files are read). `report.cache` says what happened.
   */
  readonly cache?: boolean;
  /** The cache folder (default: KLYNGE_CACHE_DIR, else $XDG_CACHE_HOME/klynge or ~/.cache/klynge). */
  readonly cacheDir?: string;
}

/** The file of a table in a folder: name.csv or name.csv.gz, or null. */
export function findTableFile(dir: string, name: string): string | null {
  for (const f of [`${name}.csv`, `${name}.csv.gz`]) {
    const p = join(dir, f);
    if (existsSync(p)) return p;
  }
  return null;
}

const FILE_ORDER = ["admissions", "lpr_a_kontakt", "kontakter", "t_adm", "lpr_adm", "npr", "personer", "drg", "population", "folk1a", "geography", "deaths", "sector_costs", "experience", "care_status", "adverse_events"];

function fileRank(file: string): number {
  const i = FILE_ORDER.indexOf(file.replace(/\.csv(\.gz)?$/, ""));
  return i < 0 ? FILE_ORDER.length : i;
}

/**
 * Load and validate the dataset in `dir`.
 *
 * @throws DatasetError when `dir` is not a folder, or in strict mode when any error is found.
 * @example
 * const ds = await loadDataset("data/demo");
 * console.log(formatLoadReport(ds.report));
 */
export async function loadDataset(dir: string, options: LoadOptions = {}): Promise<Dataset> {
  const root = resolve(dir);
  workerCount(options.workers);
  if (!existsSync(root) || !statSync(root).isDirectory()) {
    throw new DatasetError(REPORT_TEXT.noDir(dir), []);
  }
  const ds = await loadThroughCache(dir, root, options);
  const report = ds.report;
  if (options.strict === true && !report.ok) {
    const firstError = report.problems.find((p) => p.severity === "error");
    const errors = Object.entries(report.problemCounts).reduce((n, [code, k]) => (MESSAGES[code as MessageCode]?.severity === "error" ? n + k : n), 0);
    throw new DatasetError(REPORT_TEXT.datasetError(errors, firstError?.message ?? ""), report.problems, report);
  }
  return ds;
}

/** Whether the cache is used for this load, and if not why ("off" note). */
function cacheWanted(options: LoadOptions): CacheNote | null {
  if (options.cache === false) return { status: "off", reason: "option" };
  if (options.cache === undefined && process.env.KLYNGE_CACHE === "off") return { status: "off", reason: "environment" };
  if ((options.format ?? "contract") !== "contract") return { status: "off", reason: "register_format" };
  if (options.onWarning !== undefined) return { status: "off", reason: "on_warning" };
  return null;
}

/** The load options that change what is loaded, as the cache key's JSON; and the files outside the folder read. */
function cacheOptions(root: string, options: LoadOptions): { json: string; extra: string[] } {
  const extra: string[] = [];
  let geography: unknown = null;
  if (typeof options.geography === "string") {
    geography = resolve(options.geography);
    extra.push(resolve(options.geography));
  } else if (options.geography !== undefined) geography = options.geography;
  else if (findTableFile(root, "geography") === null) {
    const shipped = defaultGeographyPath();
    if (shipped !== null) extra.push(shipped);
  }
  const json = JSON.stringify({
    allowCprLikeIds: options.allowCprLikeIds ?? false,
    maxProblemsPerCode: options.maxProblemsPerCode ?? 100,
    fastPath: options.fastPath ?? true,
    chunkSize: options.chunkSize ?? null,
    encoding: options.encoding ?? "auto",
    geography,
  });
  return { json, extra };
}

async function loadThroughCache(dir: string, root: string, options: LoadOptions): Promise<Dataset> {
  const off = cacheWanted(options);
  if (off !== null) {
    const ds = await loadFromFiles(dir, root, options);
    return { ...ds, report: { ...ds.report, cache: off } };
  }
  const { json, extra } = cacheOptions(root, options);
  const slot = openSlot(cacheFolder(options.cacheDir), root, klyngeVersion(), json, extra);
  if (!("entry" in slot)) {
    const ds = await loadFromFiles(dir, root, options);
    return { ...ds, report: { ...ds.report, cache: slot } };
  }
  const cached = await readCached(slot, dir);
  if (cached !== null) return cached;
  const ds = await loadFromFiles(dir, root, options);
  const note = await writeCached(slot, ds);
  return { ...ds, report: { ...ds.report, cache: note } };
}

/** Read and validate the files of the dataset (no cache). */
async function loadFromFiles(dir: string, root: string, options: LoadOptions): Promise<Dataset> {
  const log = new ProblemLog(options.maxProblemsPerCode ?? 100, options.onWarning, options.encoding ?? "auto");
  const tables: TableReport[] = [];
  // A table both plain and gzipped (e.g. a stale admissions.csv beside a new admissions.csv.gz): refused, never one picked silently.
  for (const name of ["admissions", "population", "geography", "deaths", "sector_costs", "experience", "care_status", "adverse_events"]) {
    if (existsSync(join(root, `${name}.csv`)) && existsSync(join(root, `${name}.csv.gz`))) {
      log.add("ambiguous_file", `${name}.csv`, null, { found: `${name}.csv, ${name}.csv.gz`, expected: "one of them" });
    }
  }
  const allowCprLikeIds = options.allowCprLikeIds ?? false;

  // Geography.
  let geography: GeographyRow[] = [];
  let geographyReport: TableReport;
  if (options.geography !== undefined && typeof options.geography !== "string") {
    const file = "geography (option)";
    options.geography.forEach((row, i) => {
      const rec = Object.fromEntries(
        ["municipality_code", "municipality_name", "cluster", "hospital_unit"].map((k) => {
          const v = (row as unknown as Record<string, unknown>)[k];
          return [k, typeof v === "number" ? String(v).padStart(3, "0") : typeof v === "string" ? v : ""];
        }),
      );
      const r = GeographySchema.safeParse(rec);
      if (r.success) geography.push(r.data);
      else logIssues(r.error.issues, file, i + 1, log);
    });
    const n = options.geography.length;
    geographyReport = {
      file,
      present: true,
      rowsRead: n,
      rowsAccepted: geography.length,
      rowsRejected: n - geography.length,
      duplicates: 0,
      warnings: 0,
      source: "option",
    };
  } else {
    const own = findTableFile(root, "geography");
    const path = typeof options.geography === "string" ? resolve(options.geography) : (own ?? defaultGeographyPath());
    if (path === null) {
      log.add("no_geography", "geography.csv", null, { found: "the shipped geography was not found", expected: "a geography" });
      geographyReport = tableReport(geographySpec("geography.csv"), null, log);
    } else {
      const file = basename(path);
      const g = await readGeography(path, file, log);
      geography = g.rows;
      const source = own !== null && path === own ? undefined : path;
      geographyReport = tableReport(geographySpec(file), g.read, log, source);
    }
  }
  let municipalities: ReadonlySet<number> | undefined;
  let clusters: ReadonlySet<string> | undefined;
  if (geography.length > 0) {
    municipalities = new Set(geography.map((g) => g.municipality_code));
    clusters = new Set(geography.map((g) => g.cluster));
  } else if (!log.counts["no_geography"]) {
    log.add("no_geography", geographyReport.file, null, { found: "no valid rows", expected: "a geography" });
  }
  const context: SchemaContext = {
    allowCprLikeIds,
    ...(municipalities === undefined ? {} : { municipalities }),
    ...(clusters === undefined ? {} : { clusters }),
  };

  // Admissions: the contract's admissions.csv, or a register's contact file.
  const format = options.format ?? "contract";
  const admPath = format === "contract" ? findTableFile(root, "admissions") : null;
  let contacts = new ContactBuilder(16).finish();
  let patientIndex: PatientIndex = new Map<string, number>();
  if (format !== "contract") {
    if (!isRegisterFormat(format)) throw new DatasetError(REPORT_TEXT.unknownFormat(format), []);
    const r = await loadRegisterContacts(root, dir, { ...options, format }, municipalities, log);
    contacts = r.contacts;
    patientIndex = r.patientIndex;
    ({ table: contacts, patientIndex } = putPatientsByMunicipality(contacts, patientIndex, r.byPatient ?? orderByPatient(contacts)));
    reportOverlaps(contacts, r.contactsFile, log, contacts.patientOrder);
    contacts = putTiesInStayOrder(contacts);
    tables.push(...r.tables);
  } else if (admPath === null) {
    log.add("missing_file", "admissions.csv", null, { found: dir, expected: "admissions.csv or admissions.csv.gz" });
    tables.push(tableReport(admissionsSpec("admissions.csv"), null, log));
  } else {
    const file = basename(admPath);
    const a = await readAdmissions(admPath, file, { municipalities, allowCprLikeIds, fastPath: options.fastPath ?? true, workers: workerCount(options.workers), ...(options.chunkSize === undefined ? {} : { chunkSize: options.chunkSize }) }, log);
    contacts = a.table;
    patientIndex = a.patientIndex;
    // Patients numbered by municipality, rows in patient order (the overlap check reads them in
    // place), then ties in the stays' order, so that the stays layer need not sort again.
    ({ table: contacts, patientIndex } = putPatientsByMunicipality(contacts, patientIndex, a.byPatient ?? orderByPatient(contacts)));
    reportOverlaps(contacts, file, log, contacts.patientOrder);
    contacts = putTiesInStayOrder(contacts);
    tables.push(tableReport(admissionsSpec(file), a.read, log));
  }

  // Population.
  const popPath = findTableFile(root, "population");
  const folkPath = popPath === null ? findRegisterFile(root, ["folk1a"]) : null;
  let population: PopulationTable = (await emptyPopulation()).table;
  if (folkPath !== null) {
    // No population.csv: Statistics Denmark's FOLK1A as the StatBank API delivers it.
    const [path, file] = folkPath;
    const f = await readFolk1aTable(path, file, { ...(municipalities === undefined ? {} : { municipalities }), geography }, log);
    population = f.table;
    tables.push(f.report);
  } else if (popPath === null) {
    log.add("missing_file", "population.csv", null, { found: dir, expected: "population.csv, population.csv.gz or a StatBank folk1a.csv" });
    tables.push(tableReport(populationSpec("population.csv"), null, log));
  } else {
    const file = basename(popPath);
    const p = await readPopulation(popPath, file, context, log, options.fastPath ?? true);
    population = p.table;
    tables.push(tableReport(populationSpec(file), p.read, log));
  }
  tables.push(geographyReport);

  // Optional tables.
  let deaths: Dataset["deaths"] = null;
  const deathsPath = findTableFile(root, "deaths");
  if (deathsPath !== null) {
    const file = basename(deathsPath);
    // Register formats: deaths.csv holds the register's person ids, joined before pseudonymisation.
    const deathContext = format === "contract" ? context : { ...context, allowCprLikeIds: true };
    const d = await readDeaths(deathsPath, file, contacts, patientIndex, deathContext, log, options.fastPath ?? true);
    deaths = d.table;
    tables.push(tableReport(deathsSpec(file), d.read, log));
  } else tables.push(tableReport(deathsSpec("deaths.csv"), null, log));

  let sectorCosts: Dataset["sectorCosts"] = null;
  const scPath = findTableFile(root, "sector_costs");
  if (scPath !== null) {
    const file = basename(scPath);
    const s = await readSectorCosts(scPath, file, context, log);
    sectorCosts = s.rows;
    tables.push(tableReport(sectorCostsSpec(file), s.read, log));
  } else tables.push(tableReport(sectorCostsSpec("sector_costs.csv"), null, log));

  let experience: Dataset["experience"] = null;
  const exPath = findTableFile(root, "experience");
  if (exPath !== null) {
    const file = basename(exPath);
    const e = await readExperience(exPath, file, context, log);
    experience = e.rows;
    tables.push(tableReport(experienceSpec(file), e.read, log));
  } else tables.push(tableReport(experienceSpec("experience.csv"), null, log));

  // care_status.csv (optional, issue 17): nursing home / home care periods, joined like deaths.csv.
  let careStatus: Dataset["careStatus"] = null;
  const csPath = findTableFile(root, "care_status");
  if (csPath !== null) {
    const file = basename(csPath);
    const careContext = format === "contract" ? context : { ...context, allowCprLikeIds: true };
    const c = await readCareStatus(csPath, file, patientIndex, careContext, log);
    careStatus = c.table;
    tables.push(tableReport(careStatusSpec(file), c.read, log));
  } else tables.push(tableReport(careStatusSpec("care_status.csv"), null, log));

  // adverse_events.csv (optional, issue 17): UTH counts by hospital unit or cluster and year.
  let adverseEvents: Dataset["adverseEvents"] = null;
  const aePath = findTableFile(root, "adverse_events");
  if (aePath !== null) {
    const file = basename(aePath);
    const a = await readAdverseEvents(aePath, file, context, new Map(geography.map((g) => [g.hospital_unit, g.cluster] as const)), log);
    adverseEvents = a.rows;
    tables.push(tableReport(adverseEventsSpec(file), a.read, log));
  } else tables.push(tableReport(adverseEventsSpec("adverse_events.csv"), null, log));

  // Free text shaped like a person number (a hospital or area name): usable, so kept, but a warning —
  // it is masked in every output (contract/personNumber.ts).
  const shaped = (file: string, column: string, values: Iterable<string | null>): void => {
    let n = 0;
    for (const v of values) if (v !== null && looksLikePersonNumber(v)) n++;
    if (n === 0) return;
    log.add("cpr_like_text", file, null, { column, n });
    const i = tables.findIndex((t) => t.file === file);
    if (i >= 0) tables[i] = { ...tables[i], warnings: tables[i].warnings + 1 };
  };
  const contactsFile = tables.find((t) => t.present && /^(admissions|lpr_a_kontakt|kontakter|t_adm|lpr_adm|npr)\.csv/.test(t.file))?.file;
  if (contactsFile !== undefined) shaped(contactsFile, "hospital", contacts.hospitals);
  for (const column of ["municipality_name", "cluster", "hospital_unit"] as const) shaped(geographyReport.file, column, geography.map((g) => g[column]));
  const experienceFile = tables.find((t) => t.present && t.file.startsWith("experience."))?.file;
  if (experience !== null && experienceFile !== undefined) shaped(experienceFile, "measure", experience.map((e) => e.measure));

  // Report: problems in file order, then line order (whole-file problems first).
  const problems = log.problems
    .map((p, i) => ({ p, i }))
    .sort((a, b) => fileRank(a.p.file) - fileRank(b.p.file) || (a.p.line ?? 0) - (b.p.line ?? 0) || a.i - b.i)
    .map((x) => x.p);
  const report: LoadReport = {
    dir,
    // Warnings found after a table's report was made (overlaps, unallocated costs) are counted too.
    tables: tables.map((t) => (t.present ? { ...t, warnings: log.warningsOf(t.file) } : t)),
    problems,
    problemCounts: { ...log.counts },
    ok: log.errorCount === 0,
  };
  return { dir, contacts, population, geography, deaths, sectorCosts, experience, adverseEvents, careStatus, report };
}

async function emptyPopulation() {
  return {
    table: {
      length: 0,
      year: new Int16Array(0),
      municipality: new Int16Array(0),
      sex: new Uint8Array(0),
      age: new Int16Array(0),
      ageOpen: new Uint8Array(0),
      count: new Float64Array(0),
    },
  };
}
