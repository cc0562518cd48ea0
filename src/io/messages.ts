/**
 * The problem codes of the io layer (the vega-lite `log/message.ts` pattern): a Problem is a code
 * plus values, worded in Danish and English in the text catalogue (src/text/loadProblemTexts.ts).
 * A Problem's message is the English `file:line: text`, or `file: text` for a whole-file problem.
 * Tests check these texts word for word.
 */

import { maskPersonNumbers, safeValue } from "../contract/personNumber.js";
import type { Lang } from "../contract/note.js";
import { loadProblemText } from "../text/catalogue.js";

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
}

const MAX_QUOTED = 60;
/** Longest list of header names shown ("the file has: …"). */
const MAX_HEADER = 200;

/**
 * Every problem code of the io layer with its severity. The wording of each code, in Danish and
 * English, is in the text catalogue (src/text/loadProblemTexts.ts, rendered by loadProblemText).
 */
export const MESSAGES = {
  empty: { severity: "error" },
  bad_date: { severity: "error" },
  bad_datetime: { severity: "error" },
  bad_sex: { severity: "error" },
  bad_admission_type: { severity: "error" },
  bad_contact_type: { severity: "error" },
  bad_diagnosis: { severity: "error" },
  bad_referral: { severity: "error" },
  bad_number: { severity: "error" },
  bad_integer: { severity: "error" },
  bad_municipality_code: { severity: "error" },
  bad_age: { severity: "error" },
  bad_year: { severity: "error" },
  bad_sector: { severity: "error" },
  bad_care_status: { severity: "error" },
  negative_number: { severity: "error" },
  cpr_like_id: { severity: "error" },
  cpr_like_text: { severity: "warning" },
  unknown_municipality: { severity: "error" },
  unknown_cluster: { severity: "error" },
  discharge_before_admission: { severity: "error" },
  birth_after_admission: { severity: "error" },
  positive_above_total: { severity: "error" },
  no_area: { severity: "error" },
  unknown_hospital_unit: { severity: "error" },
  no_unit: { severity: "error" },
  end_before_start: { severity: "error" },
  field_count: { severity: "error" },
  unclosed_quote: { severity: "error" },
  duplicate_row: { severity: "warning" },
  duplicate_key: { severity: "error" },
  overlapping_contacts: { severity: "warning" },
  skipped_dst_hour: { severity: "warning" },
  missing_columns: { severity: "error" },
  wrong_delimiter: { severity: "error" },
  ambiguous_file: { severity: "error" },
  missing_file: { severity: "error" },
  empty_file: { severity: "error" },
  not_regular_file: { severity: "error" },
  line_too_long: { severity: "error" },
  too_much_data: { severity: "error" },
  unreadable: { severity: "error" },
  not_utf8: { severity: "warning" },
  decoded_windows_1252: { severity: "warning" },
  header_repeated: { severity: "warning" },
  missing_age_bands: { severity: "warning" },
  wrong_format: { severity: "error" },
  unmapped_code: { severity: "warning" },
  person_not_found: { severity: "error" },
  duplicate_person: { severity: "warning" },
  time_missing: { severity: "warning" },
  cost_unallocated: { severity: "warning" },
  outside_geography: { severity: "warning" },
  bad_register_value: { severity: "error" },
  not_available: { severity: "error" },
  no_geography: { severity: "error" },
} as const satisfies Record<string, Entry>;

export type MessageCode = keyof typeof MESSAGES;

/** The severity of a message code. */
export function severityOf(code: MessageCode): Severity {
  return MESSAGES[code].severity;
}

/** The full message text: `file:line: text` or `file: text` (English, Problem.message; Danish with lang "da"). */
export function formatMessage(code: MessageCode, file: string, line: number | null, params: MessageParams, lang: Lang = "en"): string {
  const where = line === null ? file : `${file}:${line}`;
  // Masked as a whole too: no value shaped like a person number leaves through any message.
  return maskPersonNumbers(`${where}: ${loadProblemText(code, { ...params }, lang)}`);
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
