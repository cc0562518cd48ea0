/**
 * The one catalogue of user-visible text of klynge, Danish (default) and English: chart labels
 * (chartTexts.ts), the report (reportTexts.ts), the first page's key messages and overview
 * (overviewTexts.ts) and the notes the layers return as codes (noteTexts.ts). Every language has the same keys (checked by the types); templates use
 * `{name}` placeholders. Values are shown safely: person-number shapes masked, control
 * characters replaced, long values cut — a value may come from a data file.
 *
 * @example
 *   text("da", "foot.period", { period: "2019–2023" })                 // "Periode: 2019–2023."
 *   noteText({ code: "spc.note.excluded", values: { periods: ["2020-04"] } }, "en")
 */
import { maskPersonNumbers, safeValue } from "../contract/personNumber.js";
import type { Lang, Note, NoteValue } from "../contract/note.js";
import { CHART_DA, CHART_EN, type ChartLabelKey } from "./chartTexts.js";
import { daysFromCivil } from "../contract/time.js";
import { formatDate, formatNumber, formatPeriodWords } from "./format.js";
import { NOTE_DA, NOTE_EN, type NoteTextKey } from "./noteTexts.js";
import { OVERVIEW_DA, OVERVIEW_EN, type OverviewTextKey } from "./overviewTexts.js";
import { REPORT_DA, REPORT_EN, type ReportTextKey } from "./reportTexts.js";
import { SPREAD_PROBLEM_DA, SPREAD_PROBLEM_EN, type SpreadProblemTextKey } from "./spreadProblemTexts.js";
import { LOAD_PROBLEM_DA, LOAD_PROBLEM_EN, type LoadProblemTextKey } from "./loadProblemTexts.js";

export type { ChartLabelKey, NoteTextKey, OverviewTextKey, ReportTextKey };
export type TextKey = ChartLabelKey | ReportTextKey | NoteTextKey | OverviewTextKey | SpreadProblemTextKey | LoadProblemTextKey;
export type ReportLang = Lang;

// A key defined twice would silently take one of the wordings: the types forbid it.
type Overlap<A, B> = Extract<keyof A, keyof B>;
const noOverlap: [
  Overlap<typeof CHART_DA, typeof REPORT_DA>,
  Overlap<typeof CHART_DA, typeof NOTE_DA>,
  Overlap<typeof REPORT_DA, typeof NOTE_DA>,
  Overlap<typeof OVERVIEW_DA, typeof CHART_DA & typeof REPORT_DA & typeof NOTE_DA>,
  Overlap<typeof SPREAD_PROBLEM_DA, typeof CHART_DA & typeof REPORT_DA & typeof NOTE_DA & typeof OVERVIEW_DA>,
  Overlap<typeof LOAD_PROBLEM_DA, typeof CHART_DA & typeof REPORT_DA & typeof NOTE_DA & typeof OVERVIEW_DA & typeof SPREAD_PROBLEM_DA>,
] extends [never, never, never, never, never, never]
  ? true
  : never = true;
void noOverlap;

const CATALOGUE: Readonly<Record<Lang, Readonly<Record<TextKey, string>>>> = {
  da: { ...CHART_DA, ...REPORT_DA, ...NOTE_DA, ...OVERVIEW_DA, ...SPREAD_PROBLEM_DA, ...LOAD_PROBLEM_DA },
  en: { ...CHART_EN, ...REPORT_EN, ...NOTE_EN, ...OVERVIEW_EN, ...SPREAD_PROBLEM_EN, ...LOAD_PROBLEM_EN },
};

/** Longest value filled into a text (an error message quoted in a warning is cut). */
const MAX_PARAM = 600;

/** A value as filled into a text: person-number shapes masked, control characters but line breaks shown as "?", cut. */
function shownParam(value: string): string {
  let s = maskPersonNumbers(value).replace(/[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/g, "?");
  if (s.length > MAX_PARAM) s = `${s.slice(0, MAX_PARAM)}…`;
  return s;
}

/**
 * The text of a key in a language, with `{name}` placeholders filled from `values`. A placeholder
 * `{name|one|other}` is a plural choice: "one" when the value is 1, else "other" (the number itself
 * is written by a separate `{name}`), e.g. "{n} {n|periode|perioder}".
 */
export function text(lang: Lang, key: TextKey, values: Readonly<Record<string, string | number>> = {}): string {
  const template = CATALOGUE[lang][key];
  return template.replace(/\{(\w+)(?:\|([^|{}]*)\|([^|{}]*))?\}/g, (m, name: string, one?: string, other?: string) => {
    if (!Object.hasOwn(values, name)) return m;
    if (one !== undefined) return String(values[name]) === "1" ? one : (other ?? "");
    return shownParam(String(values[name]));
  });
}

/** True when `key` is a key of the catalogue (for keys built at run time, e.g. "m." + indicator). */
export function isTextKey(key: string): key is TextKey {
  return Object.hasOwn(CATALOGUE.da, key);
}

/**
 * A chart label in the given language.
 * @example chartLabel("da", "funnel.limit", { level: "95 %" }) // "95 %-grænse"
 */
export function chartLabel(lang: Lang, key: ChartLabelKey, values: Readonly<Record<string, string | number>> = {}): string {
  return text(lang, key, values);
}

/** True when `key` is a chart label (used for rule ids coming from other layers). */
export function isChartLabelKey(key: string): key is ChartLabelKey {
  return Object.hasOwn(CHART_DA, key);
}

/** A report text in the given language. */
export function reportText(lang: Lang, key: ReportTextKey, params: Readonly<Record<string, string | number>> = {}): string {
  return text(lang, key, params);
}

/** True when `key` is a report text. */
export function isReportTextKey(key: string): key is ReportTextKey {
  return Object.hasOwn(REPORT_DA, key);
}

/** Decimals shown for a note value by name (others: none for whole numbers, else 2). */
const NOTE_DIGITS: Readonly<Record<string, number>> = { threshold: 2, sigmaZ: 2, rateRatio: 2, lower: 2, upper: 2, phi: 3, rho: 2, trim: 1 };
/** Note values shown with 3 significant digits (small variances). */
const NOTE_SIGNIFICANT: ReadonlySet<string> = new Set(["nugget", "stationary", "walk", "tau2"]);
/** Note values that are relative changes (fractions), shown as signed percentages: "−10 %". */
const NOTE_PERCENT: ReadonlySet<string> = new Set(["change"]);
/** Note values that are dates written YYYY-MM-DD, shown in words: "31. december 2021". */
const NOTE_DATES: ReadonlySet<string> = new Set(["deadline", "date", "start"]);
/** Note values that are period labels, shown in words: "2. halvår 2020", "juni 2023". */
const NOTE_PERIODS: ReadonlySet<string> = new Set(["first"]);

function noteValue(name: string, value: NoteValue, lang: Lang): string {
  if (typeof value === "number") {
    if (!Number.isFinite(value)) return value > 0 ? "∞" : value < 0 ? "−∞" : "–";
    if (NOTE_PERCENT.has(name)) return `${value > 0 ? "+" : ""}${formatNumber(value * 100, lang, 1)} %`;
    if (NOTE_SIGNIFICANT.has(name)) return formatNumber(Number(value.toPrecision(3)), lang, 12);
    return formatNumber(value, lang, NOTE_DIGITS[name] ?? (Number.isInteger(value) ? 0 : 2));
  }
  if (typeof value === "string") {
    const date = NOTE_DATES.has(name) ? /^(\d{4})-(\d{2})-(\d{2})$/.exec(value) : null;
    if (date !== null) return formatDate(daysFromCivil(Number(date[1]), Number(date[2]), Number(date[3])), lang);
    if (NOTE_PERIODS.has(name)) return formatPeriodWords(value, lang);
    return isTextKey(value) ? text(lang, value) : value;
  }
  return value.join(", ");
}

/** True when a note's code has a text in the catalogue. */
export function isNoteCode(code: string): code is NoteTextKey {
  return Object.hasOwn(NOTE_DA, code);
}

/**
 * A note in words: its code's template with its values (numbers in the reader's language, lists
 * joined, values that are catalogue keys — e.g. "spc.note.tight" — translated). Every `notes`
 * (and `reason`) of a result of klynge is such a note: show it with this function, in Danish
 * (the default) or English.
 * @example
 *   const status = tripleAimStatus(frail, indicatorRows);
 *   status.rows.map((r) => noteText(r.reason));       // "Målet er nået (−25 % mod basis), og …"
 *   funnelPlotData(units).notes.map((n) => noteText(n, "en"));
 * @throws Error for a code the catalogue does not have (a programming error, found by the tests)
 */
export function noteText(n: Note, lang: Lang = "da"): string {
  if (!isNoteCode(n.code)) throw new Error(`noteText: no text for note code ${JSON.stringify(n.code)}`);
  const values: Record<string, string> = {};
  for (const [name, v] of Object.entries(n.values)) values[name] = noteValue(name, v, lang);
  return text(lang, n.code, values);
}

/** The catalogue key of a problem in an intervention file: its code, with a variant for a few codes. */
function spreadProblemKey(code: string, values: Readonly<Record<string, NoteValue>>): string {
  if (code === "unknown_field") return values.suggestion === undefined ? "spread.problem.unknown_field" : "spread.problem.unknown_field_suggestion";
  if (code === "duplicate_adoption")
    return values.municipality !== undefined ? "spread.problem.duplicate_adoption_municipality" : values.hospital !== undefined ? "spread.problem.duplicate_adoption_hospital" : "spread.problem.duplicate_adoption_cluster";
  if (code === "push_pull_missing") return `spread.problem.push_pull_missing_${String(values.missing)}`;
  return `spread.problem.${code}`;
}

/** Values of a problem that are words of the catalogue (a kind of value found, a type expected). */
const SPREAD_WORD = /^spread\.(found|type)\.[a-z]+$|^spread\.problem\.none$/;

/**
 * The sentence of a problem found in an intervention file (the part after "file:line: path: "), in
 * Danish (the default) or English: the problem's code and values (SpreadProblem) through the
 * catalogue. Counts are numbers; every other value is text shown as given (masked when shaped like
 * a person number), except the catalogue's own words for a kind of value ("spread.found.list").
 * @throws Error for a code the catalogue does not have (a programming error, found by the tests)
 */
export function spreadProblemText(code: string, values: Readonly<Record<string, NoteValue>>, lang: Lang = "da"): string {
  const key = spreadProblemKey(code, values);
  if (!isTextKey(key)) throw new Error(`spreadProblemText: no text for problem code ${JSON.stringify(code)}`);
  const shown: Record<string, string | number> = {};
  for (const [name, v] of Object.entries(values)) {
    if (typeof v === "number") shown[name] = v;
    else if (typeof v === "string") shown[name] = SPREAD_WORD.test(v) && isTextKey(v) ? text(lang, v) : v;
    else shown[name] = v.join(", ");
  }
  return text(lang, key, shown);
}

/** The English expected-value phrases the io layer passes, to their catalogue keys (loadProblemText). */
const LOAD_EXPECTED_KEY: ReadonlyMap<string, LoadProblemTextKey> = new Map(
  (Object.keys(LOAD_PROBLEM_EN) as LoadProblemTextKey[]).filter((k) => /^load\.(expected|found)\./.test(k) && !k.startsWith("load.expected.one_of")).map((k) => [LOAD_PROBLEM_EN[k], k]),
);

/** An English phrase of the io layer (an expected value, a found value in words) in a language; other text as given. */
function loadPhrase(value: string, lang: Lang): string {
  if (lang === "en") return value;
  const key = LOAD_EXPECTED_KEY.get(value);
  if (key !== undefined) return text(lang, key);
  const oneOf = /^one of (.+?)( or empty)?$/.exec(value);
  if (oneOf !== null) return text(lang, oneOf[2] === undefined ? "load.expected.one_of" : "load.expected.one_of_or_empty", { list: oneOf[1] });
  // Keys and groups the io layer describes in words ("key year 2019, …", "year 2019, …").
  return value
    .replace(/ \(value not shown\)$/, ` (${text(lang, "load.found.value_not_shown")})`)
    .replace(/^value not shown$/, text(lang, "load.found.value_not_shown"))
    .replace(/^key /, "nøglen ")
    .replace(/^year (\d{4})\b/, "år $1")
    .replace(/\((\d+) in all\)$/, "($1 i alt)");
}

/** Longest value quoted in a load problem, and longest header line shown (as the io layer always cut them). */
const LOAD_MAX_QUOTED = 60;
const LOAD_MAX_HEADER = 200;

/** A count in a load problem: Danish thousands point and decimal comma; English as the io layer always wrote it. */
function loadCount(v: NoteValue | undefined, lang: Lang): string | number | undefined {
  if (v === undefined || typeof v !== "number") return v === undefined ? undefined : String(v);
  return lang === "da" ? formatNumber(v, "da", 2) : v;
}

/**
 * The sentence of a problem found while loading (the part after "file:line: "), in Danish (the
 * default) or English: a Problem's `code` and `values` through the catalogue. The value found is
 * quoted and cut, a header line cut, every value masked when shaped like a person number; in
 * Danish counts get the Danish number format and the io layer's English phrases for an expected
 * value its Danish wording. The English is `Problem.message` after "file:line: ", word for word.
 * @example loadProblemText("bad_date", { column: "birth_date", found: "2020-13-45", expected: "a date YYYY-MM-DD" })
 *   // 'birth_date: forventede en dato skrevet ÅÅÅÅ-MM-DD, fandt "2020-13-45"'
 * @throws Error for a code the catalogue does not have (a programming error, found by the tests)
 */
export function loadProblemText(code: string, values: Readonly<Record<string, NoteValue | undefined>>, lang: Lang = "da"): string {
  const key = code === "wrong_format" && values.other !== undefined ? "load.problem.wrong_format_missing" : `load.problem.${code}`;
  if (!isTextKey(key)) throw new Error(`loadProblemText: no text for load problem code ${JSON.stringify(code)}`);
  const str = (v: NoteValue | undefined): string => (v === undefined ? "" : typeof v === "string" ? v : typeof v === "number" ? String(v) : v.join(", "));
  const found = str(values.found);
  const shown: Record<string, string | number> = {};
  for (const name of ["column", "list", "other"] as const) if (values[name] !== undefined) shown[name] = str(values[name]);
  if (values.expected !== undefined) {
    const e = str(values.expected);
    shown.expected = code === "wrong_format" && lang === "da" ? e.replace(/^an? /, "") : loadPhrase(e, lang);
  }
  shown.found = code === "cost_unallocated" && lang === "da" && Number.isFinite(Number(found)) ? danishAmount(Number(found)) : loadPhrase(found, lang);
  shown.quoted = `"${safeValue(found, LOAD_MAX_QUOTED)}"`;
  shown.otherQuoted = `"${safeValue(str(values.other), LOAD_MAX_QUOTED)}"`;
  shown.header = safeValue(found, LOAD_MAX_HEADER);
  shown.mapValue = safeValue(found, LOAD_MAX_QUOTED);
  const kind = `load.file_kind.${found}`;
  shown.kind = text(lang, isTextKey(kind) && kind.startsWith("load.file_kind.") ? kind : "load.file_kind.other");
  if (values.lineRef !== undefined) shown.lineRef = str(values.lineRef);
  // `n` of "unreadable" is a line number, written as in "file:line".
  for (const name of ["n", "m"] as const) {
    const c = code === "unreadable" ? (values[name] === undefined ? undefined : str(values[name])) : loadCount(values[name], lang);
    if (c !== undefined) shown[name] = c;
  }
  return text(lang, key, shown);
}

/** An amount in kroner with two decimals, Danish: "1.234,50". */
function danishAmount(v: number): string {
  const s = formatNumber(v, "da", 2);
  const i = s.indexOf(",");
  return i < 0 ? `${s},00` : s.padEnd(i + 3, "0");
}
