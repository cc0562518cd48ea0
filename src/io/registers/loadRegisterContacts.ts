/**
 * The register step of loadDataset (docs/registers.md): find a preset's files in the folder
 * (names matched case-insensitively, .csv or .csv.gz), check the pseudonymisation key and the
 * user's code mappings, read the contacts (and person table), allocate course costs, and build
 * the table reports with the code tables and notes.
 */

import { readdirSync, statSync } from "node:fs";
import { join } from "node:path";
import { gunzipSync } from "node:zlib";
import { openSync, readSync, closeSync } from "node:fs";
import type { CannotAnswer, CodeCount, TableReport } from "../../contract/dataset.js";
import type { ContactTable } from "../../contract/tables.js";
import { ContactBuilder } from "../contactBuilder.js";
import type { PatientOrder } from "../../contract/patientOrder.js";
import { splitCsvLine, sniffDelimiter } from "../csvLine.js";
import { DatasetError } from "../datasetError.js";
import type { ProblemLog } from "../problemLog.js";
import { tableReport } from "../tableReader.js";
import { checkCodeMap } from "./codeColumn.js";
import type { CodeMap } from "./codeColumn.js";
import { PRICE_COLUMNS, allocateCourseCosts, costColumns } from "./courseCosts.js";
import { LPR2_PRESET } from "./lpr2Preset.js";
import { LPR3_A_PRESET } from "./lpr3aPreset.js";
import { LPR3_F_PRESET } from "./lpr3fPreset.js";
import { NPR_PRESET } from "./nprPreset.js";
import { MIN_KEY_BYTES } from "./pseudonymise.js";
import { checkKeyStrength, decodeKey } from "./pseudonymKey.js";
import { readRegisterContacts } from "./readRegisterContacts.js";
import type { CodeRule, RegisterFormat, RegisterPreset } from "./registerPreset.js";
import { REGISTER_FORMATS } from "./registerPreset.js";
import { fileSpec } from "./registerScanner.js";

/** The preset of each register format. */
export const REGISTER_PRESETS: Readonly<Record<RegisterFormat, RegisterPreset>> = {
  "lpr3-a": LPR3_A_PRESET,
  "lpr3-f": LPR3_F_PRESET,
  lpr2: LPR2_PRESET,
  npr: NPR_PRESET,
};

/** Names of a cost file (without extension). */
export const COST_FILE_NAMES = ["drg", "lpr_a_drg", "drg_forloeb", "t_drg", "lpr_drg"] as const;

/** Environment variable holding the pseudonymisation key. */
export const KEY_ENV = "KLYNGE_PSEUDONYM_KEY";

export interface RegisterLoadOptions {
  readonly format: RegisterFormat;
  /** The pseudonymisation key (default: the environment variable KLYNGE_PSEUDONYM_KEY). */
  readonly pseudonymKey?: string | Uint8Array;
  /** The user's mappings of code values: column → value → target. */
  readonly codeMap?: CodeMap;
  /** Price column of the cost file (default: the first of PRICE_COLUMNS present). */
  readonly costColumn?: string;
  /** NPR: price per DRG weight unit; cost = korrvekt × this. */
  readonly drgUnitPrice?: number;
  /** Hash person ids in a worker thread (default: for large files). */
  readonly pseudonymWorker?: boolean;
  readonly chunkSize?: number;
}

/** True for a contact-level register format. */
export function isRegisterFormat(format: string): format is RegisterFormat {
  return (REGISTER_FORMATS as readonly string[]).includes(format);
}

/**
 * The key as bytes, from the option or the environment (text read as pseudonymKey.ts decodeKey
 * reads a key file); a DatasetError when missing, a SafetyError when short or obviously weak.
 */
export function resolvePseudonymKey(key: string | Uint8Array | undefined, format: string): Uint8Array {
  const k = key ?? process.env[KEY_ENV];
  if (k === undefined || k.length === 0) {
    throw new DatasetError(
      `format ${format} needs a pseudonymisation key: --key-file FILE, the environment variable ${KEY_ENV}, or the pseudonymKey option (at least ${MIN_KEY_BYTES} random bytes; make one with: klynge key FILE; klynge never writes it elsewhere)`,
      [],
    );
  }
  const source = key === undefined ? KEY_ENV : "pseudonymKey";
  const bytes = typeof k === "string" ? decodeKey(Buffer.from(k, "utf8"), source) : k;
  checkKeyStrength(bytes, source);
  return bytes;
}

/** A file of a folder by accepted names (case-insensitive), .csv or .csv.gz: [path, file name] or null. */
export function findRegisterFile(dir: string, names: readonly string[]): [string, string] | null {
  let entries: string[];
  try {
    entries = readdirSync(dir);
  } catch {
    return null;
  }
  for (const n of names) {
    for (const ext of [".csv", ".csv.gz"]) {
      const hit = entries.find((e) => e.toLowerCase() === n + ext);
      if (hit !== undefined && statSync(join(dir, hit)).isFile()) return [join(dir, hit), hit];
    }
  }
  return null;
}

/** The header line of a CSV file (plain or gzip), split into names. */
export function readHeaderNames(path: string): string[] {
  const fd = openSync(path, "r");
  try {
    const buf = Buffer.alloc(1 << 16);
    const n = readSync(fd, buf, 0, buf.length, 0);
    let text: string;
    if (path.endsWith(".gz")) {
      let raw: Buffer;
      try {
        raw = gunzipSync(buf.subarray(0, n), { finishFlush: 2 });
      } catch {
        raw = Buffer.alloc(0);
      }
      text = raw.toString("utf8");
    } else text = buf.subarray(0, n).toString("utf8");
    if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
    const first = text.split(/\r?\n/)[0] ?? "";
    return (splitCsvLine(first, sniffDelimiter(first)) ?? []).map((s) => s.trim().toLowerCase());
  } finally {
    closeSync(fd);
  }
}

export interface LoadedRegisterContacts {
  readonly contacts: ContactTable;
  readonly patientIndex: { get(id: string): number | undefined };
  readonly byPatient: PatientOrder | null;
  /** Reports of the contact file, the person table and the cost file (those present). */
  readonly tables: TableReport[];
  readonly contactsFile: string;
}

/** Read the contacts of a register folder following its preset. */
export async function loadRegisterContacts(
  root: string,
  dir: string,
  options: RegisterLoadOptions,
  municipalities: ReadonlySet<number> | undefined,
  log: ProblemLog,
): Promise<LoadedRegisterContacts> {
  const preset = REGISTER_PRESETS[options.format];
  const key = resolvePseudonymKey(options.pseudonymKey, options.format);
  const rules = new Map<string, CodeRule>();
  for (const f of [preset.contacts, preset.persons]) {
    for (const c of f?.columns ?? []) if (c.codes !== undefined) for (const n of c.names) rules.set(n, c.codes);
  }
  const mapProblems = checkCodeMap(options.codeMap ?? {}, rules);
  if (mapProblems.length > 0) throw new DatasetError(`code mapping: ${mapProblems.join("; ")}`, []);

  const tables: TableReport[] = [];
  // The preset's contact file; failing that, another register's contact file (read, it gets
  // the one wrong-shape message that names the format expected and the columns found).
  let contactsFile = findRegisterFile(root, preset.contacts.names);
  const ownFile = contactsFile !== null;
  if (contactsFile === null) {
    for (const other of Object.values(REGISTER_PRESETS)) {
      if (other !== preset) contactsFile ??= findRegisterFile(root, other.contacts.names);
    }
  }
  if (contactsFile === null) {
    const expected = preset.contacts.names.map((n) => `${n}.csv`).join(" or ");
    log.add("missing_file", `${preset.contacts.names[0]}.csv`, null, { found: dir, expected });
    tables.push(tableReport(fileSpec(`${preset.contacts.names[0]}.csv`, preset.contacts), null, log));
    return { contacts: new ContactBuilder(16).finish(), patientIndex: new Map<string, number>(), byPatient: null, tables, contactsFile: `${preset.contacts.names[0]}.csv` };
  }
  let personsFile: [string, string] | null = null;
  if (preset.persons !== undefined) {
    personsFile = findRegisterFile(root, preset.persons.names);
    if (personsFile === null) {
      log.add("missing_file", `${preset.persons.names[0]}.csv`, null, { found: dir, expected: preset.persons.names.map((n) => `${n}.csv`).join(" or ") });
    }
  }
  // The cost file decides which key column of the contacts to keep.
  const costFile = preset.costKeys.length > 0 && ownFile ? findRegisterFile(root, COST_FILE_NAMES) : null;
  let cost: { key: string; price: string } | null = null;
  if (costFile !== null) {
    const names = readHeaderNames(costFile[0]);
    const c = costColumns(names, preset.costKeys, options.costColumn);
    if (c.key === null || c.price === null) {
      log.add("wrong_format", costFile[1], 1, {
        expected: `a DRG cost file for ${preset.format}`,
        list: `a key (${preset.costKeys.join(" or ")}) and a price (${options.costColumn ?? PRICE_COLUMNS.join(", ")})`,
        found: names.join(", "),
      });
    } else cost = { key: c.key, price: c.price };
  }

  const [path, file] = contactsFile;
  const size = path.endsWith(".gz") ? null : statSync(path).size;
  const r = await readRegisterContacts(
    path,
    file,
    preset,
    personsFile === null ? null : { path: personsFile[0], file: personsFile[1] },
    {
      municipalities,
      codeMap: options.codeMap ?? {},
      key,
      ...(options.drgUnitPrice === undefined ? {} : { drgUnitPrice: options.drgUnitPrice }),
      ...(cost === null ? {} : { costKey: cost.key }),
      ...(options.pseudonymWorker === undefined ? {} : { worker: options.pseudonymWorker }),
      ...(options.chunkSize === undefined ? {} : { chunkSize: options.chunkSize }),
    },
    log,
    size,
  );
  const notes = [...preset.notes];
  if (preset.format === "npr") {
    notes.push(options.drgUnitPrice === undefined ? "no --drg-unit-price: cost_dkk is not given (korrvekt is a DRG weight, not kroner)" : `cost = korrvekt x ${options.drgUnitPrice}`);
  }
  const codes: CodeCount[] = [...r.codes];
  const withRegister = (t: TableReport, extra: Partial<TableReport>): TableReport => ({ ...t, format: preset.format, ...extra });
  let costReport: TableReport | null = null;
  if (costFile !== null && cost !== null && r.courses !== null) {
    const c = await allocateCourseCosts(costFile[0], costFile[1], cost.key, cost.price, r.table, r.courses, log);
    notes.push(
      `costs: ${c.allocatedCourses} course prices (${c.allocatedDkk.toFixed(2)} DKK) from ${costFile[1]} (key ${cost.key}, price ${cost.price}) shared among their contacts by duration` +
        (c.unallocatedCourses > 0 ? `; ${c.unallocatedCourses} (${c.unallocatedDkk.toFixed(2)} DKK) match no imported contact` : ""),
    );
    costReport = tableReport({ file: costFile[1], columns: [cost.key, cost.price], required: [cost.key, cost.price] }, c.read, log);
  } else if (costFile === null && preset.costKeys.length > 0) {
    notes.push(`no cost file (${COST_FILE_NAMES.map((n) => `${n}.csv`).join(", ")}): cost_dkk is not given`);
  }
  tables.push(withRegister(tableReport(fileSpec(file, preset.contacts), r.read, log), { codes, notes, cannotAnswer: cannotAnswerOfImport(preset, r.codes, r.table.hospitals.length) }));
  if (preset.persons !== undefined && personsFile !== null && r.personRead !== null) {
    tables.push({ ...tableReport(fileSpec(personsFile[1], preset.persons), r.personRead, log), codes: r.personCodes });
  }
  if (costReport !== null) tables.push(costReport);
  return { contacts: r.table, patientIndex: r.patientIndex, byPatient: r.byPatient, tables, contactsFile: file };
}

/**
 * The data group's questions an import cannot answer (issue 17): "from where" without a referral
 * field, or with one whose values all lack a mapping; registration practice when inpatient /
 * outpatient is derived from the duration (no patient-type value mapped); anything by hospital
 * when no contact names its hospital unit.
 */
export function cannotAnswerOfImport(preset: RegisterPreset, codes: readonly CodeCount[], hospitals: number): CannotAnswer[] {
  const out: CannotAnswer[] = [];
  const columnsOf = (role: string) => new Set(preset.contacts.columns.filter((c) => c.role === role).flatMap((c) => c.names));
  const referralColumns = columnsOf("referral");
  const referral = codes.filter((c) => referralColumns.has(c.column.toLowerCase()));
  if (referral.length === 0) out.push({ question: "referral_source", reason: "no_referral_column" });
  else if (!referral.some((c) => c.mappedTo !== null && c.mappedTo !== "drop")) out.push({ question: "referral_source", reason: "referral_codes_not_mapped" });
  if (preset.contactTypeByDuration) {
    const typeColumns = columnsOf("patientType");
    if (!codes.some((c) => typeColumns.has(c.column.toLowerCase()) && c.mappedTo !== null && c.mappedTo !== "drop")) out.push({ question: "registration_practice", reason: "inpatient_derived" });
  }
  if (hospitals === 0) out.push({ question: "hospital", reason: "no_hospital_column" });
  return out;
}
