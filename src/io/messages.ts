/**
 * The message catalogue of the io layer: every text the loader shows, each under a stable code
 * (the vega-lite `log/message.ts` pattern). A Problem's message is `file:line: text`, or
 * `file: text` for a whole-file problem. Tests check these texts word for word.
 */

import { maskPersonNumbers, safeValue } from "../contract/personNumber.js";
import { FILE_KINDS } from "./safetyMessages.js";

export type Severity = "error" | "warning";

/** Values a message may quote. `found` and `other` are shown quoted and shortened. */
export interface MessageParams {
  readonly column?: string;
  readonly found?: string;
  readonly expected?: string;
  readonly other?: string;
  readonly n?: number;
  readonly m?: number;
  readonly list?: string;
  readonly lineRef?: number;
}

interface Entry {
  readonly severity: Severity;
  readonly text: (p: MessageParams) => string;
}

const MAX_QUOTED = 60;
/** Longest list of header names shown ("the file has: …"). */
const MAX_HEADER = 200;

/**
 * Quote a value for a message: person-number shapes masked first, control characters shown as
 * "?", long text cut with "…" (contract/personNumber.ts safeValue).
 */
export function quote(value: string | undefined): string {
  return `"${safeValue(value ?? "", MAX_QUOTED)}"`;
}

/** A file's header names as shown in a message: masked, stripped of control characters, cut. */
const header = (found: string | undefined): string => safeValue(found ?? "", MAX_HEADER);

const notA = (p: MessageParams): string => `${p.column} ${quote(p.found)} is not ${p.expected}`;

/** Every message, by code. */
export const MESSAGES = {
  // Cells (codes of contract/fields.ts).
  empty: { severity: "error", text: (p) => `${p.column} is empty; expected ${p.expected}` },
  bad_date: { severity: "error", text: notA },
  bad_datetime: { severity: "error", text: notA },
  bad_sex: { severity: "error", text: notA },
  bad_admission_type: { severity: "error", text: notA },
  bad_contact_type: { severity: "error", text: notA },
  bad_diagnosis: { severity: "error", text: notA },
  bad_referral: { severity: "error", text: notA },
  bad_number: { severity: "error", text: notA },
  bad_integer: { severity: "error", text: notA },
  bad_municipality_code: { severity: "error", text: notA },
  bad_age: { severity: "error", text: notA },
  bad_year: { severity: "error", text: notA },
  bad_sector: { severity: "error", text: notA },
  bad_care_status: { severity: "error", text: notA },
  negative_number: { severity: "error", text: (p) => `${p.column} ${quote(p.found)} is negative; expected ${p.expected}` },
  cpr_like_id: {
    severity: "error",
    text: (p) =>
      `${p.column} is shaped like a CPR number (value not shown); data must be pseudonymised (--allow-cpr-like-ids on the command line, option allowCprLikeIds in the library, overrides)`,
  },
  cpr_like_text: {
    severity: "warning",
    text: (p) => `${p.n} value(s) of ${p.column} are shaped like a CPR number (not shown); kept, and masked in every output`,
  },
  // Row rules (contract/schemas/cell.ts RowRuleCode).
  unknown_municipality: { severity: "error", text: (p) => `${p.column} ${quote(p.found)} is not in the geography` },
  unknown_cluster: { severity: "error", text: (p) => `cluster ${quote(p.found)} is not in the geography` },
  discharge_before_admission: {
    severity: "error",
    text: (p) => `discharged_at ${quote(p.found)} is before admitted_at ${quote(p.other)}`,
  },
  birth_after_admission: { severity: "error", text: (p) => `birth_date ${quote(p.found)} is after admitted_at ${quote(p.other)}` },
  positive_above_total: { severity: "error", text: (p) => `positive ${p.found} is greater than total ${p.other}` },
  no_area: { severity: "error", text: () => "neither cluster nor municipality_code is given" },
  unknown_hospital_unit: { severity: "error", text: (p) => `hospital_unit ${quote(p.found)} is not a hospital_unit of the geography` },
  no_unit: { severity: "error", text: () => "neither hospital_unit nor cluster is given" },
  end_before_start: { severity: "error", text: (p) => `to ${quote(p.found)} is before from ${quote(p.other)}` },
  // Rows.
  field_count: { severity: "error", text: (p) => `the row has ${p.n} fields, the header has ${p.m}` },
  unclosed_quote: { severity: "error", text: () => "a quoted field is not closed on its line" },
  duplicate_row: { severity: "warning", text: (p) => `exact duplicate of line ${p.lineRef} (counted once)` },
  duplicate_key: {
    severity: "error",
    text: (p) => `duplicate ${p.found}, first on line ${p.lineRef}, with a different ${p.column}`,
  },
  overlapping_contacts: {
    severity: "warning",
    text: (p) => `contact overlaps the same patient's contact on line ${p.lineRef} (kept: transfers are merged into stays later)`,
  },
  skipped_dst_hour: {
    severity: "warning",
    text: (p) => `${p.column} ${quote(p.found)} falls in the hour skipped when summer time starts (read as winter time)`,
  },
  // Files.
  missing_columns: {
    severity: "error",
    text: (p) => `missing required column(s) ${p.list}; the header has: ${header(p.found)}`,
  },
  wrong_delimiter: {
    severity: "error",
    text: (p) => `columns are separated by ${p.found}; expected "," or ";"`,
  },
  ambiguous_file: {
    severity: "error",
    text: (p) => `the folder holds both ${p.found}; one is stale — remove it (klynge does not pick one)`,
  },
  missing_file: { severity: "error", text: (p) => `required file not found in ${p.found}` },
  empty_file: { severity: "error", text: () => "the file is empty (no header line)" },
  not_regular_file: {
    severity: "error",
    text: (p) => `the file is ${FILE_KINDS.en[(p.found ?? "other") as keyof (typeof FILE_KINDS)["en"]] ?? FILE_KINDS.en.other}; klynge reads only regular files (no symbolic links, devices or FIFOs) in a dataset or extract`,
  },
  line_too_long: { severity: "error", text: (p) => `the line is longer than ${p.n} bytes (the limit for one line); the file is not read further` },
  too_much_data: {
    severity: "error",
    text: (p) =>
      `the decompressed data is over ${p.n} MiB and more than ${p.m} times the compressed file (a decompression bomb?); the file is not read after line ${p.lineRef}`,
  },
  unreadable: { severity: "error", text: (p) => `the file could not be read (${p.found}); rows after line ${p.n} were not read` },
  not_utf8: {
    severity: "warning",
    text: () =>
      "the file is not valid UTF-8 from this line on and was read as UTF-8 as asked (encoding utf-8); letters such as æ, ø, å show as \"�\" (--encoding windows-1252 reads a Windows-1252 export)",
  },
  decoded_windows_1252: {
    severity: "warning",
    text: () =>
      "the file is not valid UTF-8 from this line on: read as Windows-1252 (what Danish Excel and many SAS and BI exports write); --encoding utf-8 or windows-1252 forces one",
  },
  header_repeated: {
    severity: "warning",
    text: () => "the header is repeated on this line (files joined together?); the line is skipped",
  },
  missing_age_bands: {
    severity: "warning",
    text: (p) => `${p.found}: age(s) ${p.list} missing (expected every age from 0 to ${p.other})`,
  },
  // Register presets (docs/registers.md).
  wrong_format: {
    severity: "error",
    text: (p) =>
      `this is not ${p.expected} file: expected the columns ${p.list}${p.other === undefined ? "" : ` (missing: ${p.other})`}; the file has: ${header(p.found)}`,
  },
  unmapped_code: {
    severity: "warning",
    text: (p) =>
      `${p.column} ${quote(p.found)} has no mapping (${p.other}); the row is not imported (--map ${p.column}.${safeValue(p.found ?? "", MAX_QUOTED)}=… maps it)`,
  },
  person_not_found: { severity: "error", text: (p) => `the person of this contact is not in ${p.other}` },
  duplicate_person: {
    severity: "warning",
    text: (p) => `the person (${p.found}) is listed again with different values, first on line ${p.lineRef}; the first is used`,
  },
  time_missing: { severity: "warning", text: (p) => `${p.column} is empty; read as ${p.other}` },
  cost_unallocated: {
    severity: "warning",
    text: (p) => `${p.n} course price(s) totalling ${p.found} DKK match no imported contact and are not allocated`,
  },
  outside_geography: {
    severity: "warning",
    text: (p) => `${p.n} row(s) of municipalities outside the geography were dropped (${p.list})`,
  },
  bad_register_value: { severity: "error", text: notA },
  not_available: { severity: "error", text: (p) => `${p.column} is ${quote(p.found)} (not available); expected ${p.expected}` },
  no_geography: {
    severity: "error",
    text: (p) => `no usable geography (${p.found}); municipalities cannot be checked`,
  },
} as const satisfies Record<string, Entry>;

export type MessageCode = keyof typeof MESSAGES;

/** The severity of a message code. */
export function severityOf(code: MessageCode): Severity {
  return MESSAGES[code].severity;
}

/** The full message text: `file:line: text` or `file: text`. */
export function formatMessage(code: MessageCode, file: string, line: number | null, params: MessageParams): string {
  const where = line === null ? file : `${file}:${line}`;
  // Masked as a whole too: no value shaped like a person number leaves through any message.
  return maskPersonNumbers(`${where}: ${MESSAGES[code].text(params)}`);
}

/** "1 row" / "2 rows": a count with its noun in the right number. */
export function count(n: number, one: string, many: string): string {
  return `${n} ${n === 1 ? one : many}`;
}

/** Texts of the printed load report (formatLoadReport). */
export const REPORT_TEXT = {
  title: (dir: string) => `klynge load report for ${dir}`,
  tableLine: (file: string, read: number, accepted: number, rejected: number, duplicates: number, warnings: number) =>
    `  ${file}: ${count(read, "row", "rows")} read, ${accepted} accepted, ${rejected} rejected, ${count(duplicates, "duplicate", "duplicates")}, ${count(warnings, "warning", "warnings")}`,
  absent: (file: string) => `  ${file}: not present`,
  format: (format: string, excluded: number) => `    read as ${format}; ${count(excluded, "row", "rows")} excluded (a documented filter or a value without mapping)`,
  note: (note: string) => `    note: ${maskPersonNumbers(note)}`,
  cannotAnswer: (question: string, reason: string) =>
    `    cannot be answered with this extract: ${({ referral_source: "where citizens are referred from", registration_practice: "registration practice (inpatient or outpatient as registered)", hospital: "anything by registering hospital" } as Record<string, string>)[question] ?? question} — ${({ no_referral_column: "the file has no referral field", referral_codes_not_mapped: "the referral-mode codes have no documented meaning; map them with --map", inpatient_derived: "inpatient/outpatient is derived from the duration (>= 12 h)", no_hospital_column: "no contact names its hospital unit" } as Record<string, string>)[reason] ?? reason}`,
  codesHeader: "    values met (column value: rows -> mapped to):",
  codeLine: (column: string, value: string, rows: number, mappedTo: string | null, note: string | undefined) =>
    `      ${column} ${value === "" ? "(empty)" : safeValue(value, MAX_QUOTED)}: ${rows} -> ${mappedTo ?? "NOT MAPPED"}${note === undefined ? "" : ` (${note})`}`,
  extraColumns: (cols: string) => `    extra columns kept and ignored: ${safeValue(cols, MAX_HEADER)}`,
  blankLines: (n: number) => `    ${count(n, "empty line", "empty lines")} skipped`,
  source: (src: string) => `    read from ${src}`,
  problemsHeader: (errors: number, warnings: number) => `Problems: ${count(errors, "error", "errors")}, ${count(warnings, "warning", "warnings")}`,
  moreOfCode: (code: string, n: number) => `  … and ${n} more ${code} (list capped; all are counted)`,
  verdictOk: "Result: OK (no rows rejected)",
  verdictFail: (rejected: number, errors: number) => `Result: FAILED (${count(rejected, "row", "rows")} rejected, ${count(errors, "error", "errors")})`,
  datasetError: (n: number, first: string) => `the dataset has ${count(n, "error", "errors")}; first: ${first}`,
  noDir: (dir: string) => `dataset folder not found: ${dir}`,
  unknownFormat: (f: string) => `unknown format "${f}"; expected contract, lpr3-a, lpr3-f, lpr2 or npr`,
} as const;
