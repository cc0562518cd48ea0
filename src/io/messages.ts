/**
 * The problem codes of the io layer (the vega-lite `log/message.ts` pattern): a Problem is a code
 * plus values, worded in Danish and English in the text catalogue (src/text/loadProblemTexts.ts).
 * A Problem's message is the English `file:line: text`, or `file: text` for a whole-file problem.
 * Tests check these texts word for word.
 */

import { maskPersonNumbers } from "../contract/personNumber.js";
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

/** The printed load report's own lines are in the catalogue (text/loadReportTexts.ts). */
export { REPORT_TEXT } from "../text/loadReportTexts.js";
