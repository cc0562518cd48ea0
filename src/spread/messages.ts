/**
 * The message catalogue of the spread layer's file validation: the problems found in an
 * intervention file, in one place (the vega-lite `log/message.ts` pattern). Each entry gives the
 * sentence after "file:line: path: "; `formatSpreadProblem` builds the full line. These are
 * English messages for whoever writes the intervention files (a programming-style error report,
 * like a compiler's). The results of the analysis (tripleAimStatus reasons, interventionEffect
 * notes, findings) are codes plus values worded in Danish and English in src/text (noteTexts.ts)
 * and spreadFindings.ts, never built here.
 */

const list = (xs: readonly (string | number)[]): string =>
  xs.length === 0 ? "(none)" : xs.map((x) => `"${x}"`).join(", ");

export const SPREAD_MESSAGES = {
  // --- reading the file
  parse_error: (detail: string) => `cannot be read as YAML or JSON: ${detail}`,
  not_an_object: (found: string) => `must be a mapping of fields (one intervention), found ${found}`,
  // --- structure (from the schema)
  missing_field: () => "is required",
  wrong_type: (expected: string, found: string) => `must be ${expected}, found ${found}`,
  unknown_field: (key: string, suggestion: string | null) =>
    suggestion === null ? `unknown field "${key}"` : `unknown field "${key}"; did you mean "${suggestion}"?`,
  invalid_choice: (values: readonly string[], found: string) => `must be one of ${list(values)}, found ${found}`,
  invalid_date: (found: string) => `must be a date written YYYY-MM-DD, found ${found}`,
  invalid_id: (found: string) =>
    `must be an id of lower-case letters, digits, "-" and "_" (starting with a letter or digit), found ${found}`,
  invalid_period: (found: string) => `must be a period such as "2019", "2019-Q1" or "2019-01", found ${found}`,
  invalid_age_group: (found: string) => `must be a population group such as "all", "65+" or "0-2", found ${found}`,
  empty: () => "must not be empty",
  too_small: (minimum: string, found: string) => `must be at least ${minimum}, found ${found}`,
  too_large: (maximum: string, found: string) => `must be at most ${maximum}, found ${found}`,
  invalid_value: (found: string) => `is not valid: ${found}`,
  // --- references and uniqueness
  duplicate_id: (id: string, first: string) => `duplicate id "${id}"; it is first used at ${first}`,
  duplicate_intervention: (id: string, firstFile: string) =>
    `duplicate intervention id "${id}"; it is also used in ${firstFile}`,
  duplicate_adoption: (who: string, first: string) => `${who} adopts the intervention twice; see also ${first}`,
  duplicate_fidelity: (element: string, first: string) =>
    `fidelity to kernel element "${element}" is recorded twice; see also ${first}`,
  duplicate_recommendation_status: (year: number, id: string, first: string) =>
    `status of recommendation "${id}" for ${year} is recorded twice; see also ${first}`,
  unknown_kernel_element: (id: string, known: readonly string[]) =>
    `unknown kernel element "${id}"; the kernel has ${list(known)}`,
  unknown_variation: (id: string, known: readonly string[]) =>
    `unknown local variation "${id}"; the room for local variation has ${list(known)}`,
  unknown_recommendation: (id: string, known: readonly string[]) =>
    `unknown recommendation "${id}"; the intervention's recommendations are ${list(known)}`,
  unknown_indicator: (id: string, known: readonly string[]) =>
    `unknown indicator "${id}"; known indicators are ${list(known)} (add your own with the indicators option)`,
  unknown_cluster: (name: string, known: readonly string[]) =>
    `unknown cluster "${name}"; the geography has ${list(known)}`,
  unknown_municipality: (code: number) => `unknown municipality ${code}; it is not in the geography`,
  municipality_not_in_cluster: (code: number, cluster: string, actual: string) =>
    `municipality ${code} belongs to cluster "${actual}", not "${cluster}"`,
  unknown_hospital: (name: string, known: readonly string[]) =>
    `unknown hospital unit "${name}"; the geography has ${list(known)}`,
  hospital_not_in_cluster: (name: string, cluster: string) => `hospital unit "${name}" serves no municipality of cluster "${cluster}"`,
  municipality_and_hospital: () => "an adoption is by a cluster, one municipality or one hospital: give municipality or hospital, not both",
  kernel_missing: () => "an intervention needs at least one kernel element (what gives the effect, seed 003); a common frame for local initiatives is written with kind: programme",
  programme_kernel: () => "a programme is a common frame for local initiatives and has no kernel of its own (seed 001); give each local initiative its own file with its kernel",
  programme_adoptions: () => "a programme is adopted through its local initiatives: give each initiative its own file with programme: <this id> and its adoptions",
  programme_in_programme: () => "a programme cannot belong to another programme",
  unknown_programme: (id: string, known: readonly string[]) => `unknown programme "${id}"; the folder's programmes are ${list(known)}`,
  not_a_programme: (id: string) => `"${id}" is an intervention, not a programme (kind: programme)`,
  dimension_missing: (indicator: string) =>
    `give the Triple Aim dimension of indicator "${indicator}" (population_health, experience or cost); klynge knows a default only for its own indicators`,
  // --- dates and targets
  pdsa_end_before_start: (end: string, start: string) => `the cycle ends (${end}) before it starts (${start})`,
  baseline_order: (start: string, end: string) => `the baseline starts (${start}) after it ends (${end})`,
  deadline_before_baseline: (deadline: string, end: string) =>
    `the deadline ${deadline} is not after the end of the baseline period ${end}`,
  target_missing: () => "give target_value or relative_change",
  target_both: () => "give target_value or relative_change, not both",
  change_against_direction: (change: number, direction: string) =>
    `relative_change ${change} contradicts direction "${direction}"`,
  key_assessments_out_of_order: (date: string, previous: string) =>
    `the assessment of ${date} is not after the previous one (${previous}); list assessments in date order, one per date`,
  status_before_adoption: (year: number, start: string) =>
    `status for ${year} is dated before the adoption started (${start})`,
  // --- warnings
  fidelity_not_recorded: (elements: readonly string[]) =>
    `fidelity is not recorded for kernel element${elements.length === 1 ? "" : "s"} ${list(elements)}`,
  push_pull_missing: (missing: string) =>
    `the spread platform has no ${missing} incentive; both push and pull must be present for a solution to spread (seed 003)`,
  file_name_mismatch: (id: string, name: string) =>
    `the file is named "${name}" but the intervention id is "${id}"; name it "${id}.yaml" to keep one stable file per intervention`,
  folder_not_found: (dir: string) => `the interventions folder ${dir} does not exist`,
  // --- the error
  error_summary: (errors: number, files: number) =>
    `${errors} problem${errors === 1 ? "" : "s"} in ${files} intervention file${files === 1 ? "" : "s"}:`,
} as const;

export type SpreadMessageCode = keyof typeof SPREAD_MESSAGES;

/** Describes a found value for a message: text is quoted, a list is "a list", a missing value "nothing". */
export function describeFound(v: unknown): string {
  if (v === undefined) return "nothing";
  if (v === null) return "null";
  if (typeof v === "string") return JSON.stringify(v);
  if (typeof v === "number" || typeof v === "boolean") return String(v);
  if (Array.isArray(v)) return "a list";
  return "a mapping";
}

/** How a zod type name reads in a message. */
export const EXPECTED_TYPE_TEXT: Readonly<Record<string, string>> = {
  string: "text",
  number: "a number",
  int: "a whole number",
  boolean: "true or false",
  object: "a mapping of fields",
  array: "a list",
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
