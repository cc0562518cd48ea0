/**
 * The problems found in an intervention file, as codes (the vega-lite `log/message.ts` pattern).
 * A problem carries its code and values (SpreadProblem); its sentence — what follows
 * "file:line: path: " — is worded in Danish and English in the one text catalogue
 * (src/text/spreadProblemTexts.ts) and rendered at the edge (`spreadProblemLine`,
 * `InterventionValidationError.text(lang)`). The results of the analysis (tripleAimStatus reasons,
 * interventionEffect notes, findings) are codes plus values too (src/text/noteTexts.ts,
 * spreadFindings.ts).
 */

/** The codes of the problems of an intervention file (wording: src/text/spreadProblemTexts.ts). */
export type SpreadMessageCode =
  | "parse_error"
  | "not_an_object"
  | "missing_field"
  | "wrong_type"
  | "unknown_field"
  | "invalid_choice"
  | "invalid_date"
  | "invalid_id"
  | "invalid_period"
  | "invalid_age_group"
  | "empty"
  | "too_small"
  | "too_large"
  | "invalid_value"
  | "duplicate_id"
  | "duplicate_intervention"
  | "duplicate_adoption"
  | "duplicate_fidelity"
  | "duplicate_recommendation_status"
  | "unknown_kernel_element"
  | "unknown_variation"
  | "unknown_recommendation"
  | "unknown_indicator"
  | "unknown_cluster"
  | "unknown_municipality"
  | "municipality_not_in_cluster"
  | "unknown_hospital"
  | "hospital_not_in_cluster"
  | "municipality_and_hospital"
  | "kernel_missing"
  | "programme_kernel"
  | "programme_adoptions"
  | "programme_in_programme"
  | "unknown_programme"
  | "not_a_programme"
  | "dimension_missing"
  | "pdsa_end_before_start"
  | "baseline_order"
  | "deadline_before_baseline"
  | "target_missing"
  | "target_both"
  | "change_against_direction"
  | "key_assessments_out_of_order"
  | "status_before_adoption"
  | "fidelity_not_recorded"
  | "push_pull_missing"
  | "file_name_mismatch";

/** A list of names or ids for a problem's text: each quoted, joined; an empty list the catalogue's "(ingen)". */
export function quotedList(xs: readonly (string | number)[]): string {
  return xs.length === 0 ? "spread.problem.none" : xs.map((x) => `"${x}"`).join(", ");
}

/**
 * Describes a found value for a problem's text: text is quoted, a number or boolean as written, a
 * missing value, a list or a mapping by a word of the catalogue ("spread.found.list").
 */
export function describeFound(v: unknown): string {
  if (v === undefined) return "spread.found.nothing";
  if (v === null) return "spread.found.null";
  if (typeof v === "string") return JSON.stringify(v);
  if (typeof v === "number" || typeof v === "boolean") return String(v);
  if (Array.isArray(v)) return "spread.found.list";
  return "spread.found.mapping";
}

/** How a zod type name reads in a problem's text: a word of the catalogue. */
export const EXPECTED_TYPE_TEXT: Readonly<Record<string, string>> = {
  string: "spread.type.string",
  number: "spread.type.number",
  int: "spread.type.int",
  boolean: "spread.type.boolean",
  object: "spread.type.object",
  array: "spread.type.array",
};

/** Path as text: `adoptions[0].fidelity[1].element`. */
export function formatSpreadPath(path: readonly (string | number)[]): string {
  let out = "";
  for (const p of path) out += typeof p === "number" ? `[${p}]` : out === "" ? p : `.${p}`;
  return out;
}

/** The full message line: `file:line: path: text` (line and path left out when unknown or empty). */
export function formatSpreadProblem(file: string, line: number | null, path: readonly (string | number)[], text: string): string {
  const where = line === null ? file : `${file}:${line}`;
  const p = formatSpreadPath(path);
  return p === "" ? `${where}: ${text}` : `${where}: ${p}: ${text}`;
}
