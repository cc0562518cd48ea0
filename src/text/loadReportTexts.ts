/**
 * The printed load report's own lines (formatLoadReport) in English and Danish — part of the one
 * text catalogue; the problem lines are in loadProblemTexts.ts. Danish counts are written with the
 * catalogue's number format ("306.198 rækker"); English counts as they always were.
 */

import { maskPersonNumbers, safeValue } from "../contract/personNumber.js";
import { formatNumber } from "./format.js";

/** Quoted values and header names are cut and made safe to show. */
const MAX_QUOTED = 60;
const MAX_HEADER = 200;

/** "1 row" / "2 rows": a count with its noun in the right number. */
function count(n: number, one: string, many: string): string {
  return `${n} ${n === 1 ? one : many}`;
}

const antal = (n: number, one: string, many: string): string => `${formatNumber(n, "da", 0)} ${n === 1 ? one : many}`;
const tal = (n: number): string => formatNumber(n, "da", 0);

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
  badWorkers: (found: string, max: number) => `workers (or KLYNGE_WORKERS) must be a whole number from 1 to ${max}; found "${found}"`,
} as const;

/** The same lines in Danish (formatLoadReport with lang "da"). */
export const REPORT_TEXT_DA = {
  title: (dir: string) => `klynges indlæsningsrapport for ${dir}`,
  tableLine: (file: string, read: number, accepted: number, rejected: number, duplicates: number, warnings: number) =>
    `  ${file}: ${antal(read, "række", "rækker")} læst, ${tal(accepted)} godkendt, ${tal(rejected)} afvist, ${antal(duplicates, "dublet", "dubletter")}, ${antal(warnings, "advarsel", "advarsler")}`,
  absent: (file: string) => `  ${file}: findes ikke`,
  format: (format: string, excluded: number) => `    læst som ${format}; ${antal(excluded, "række", "rækker")} udeladt (et dokumenteret filter eller en værdi uden afbildning)`,
  note: (note: string) => `    note: ${maskPersonNumbers(note)}`,
  cannotAnswer: (question: string, reason: string) =>
    `    kan ikke besvares med dette udtræk: ${({ referral_source: "hvorfra borgerne henvises", registration_practice: "registreringspraksis (indlagt eller ambulant som registreret)", hospital: "opgørelser efter registrerende sygehus" } as Record<string, string>)[question] ?? question} — ${({ no_referral_column: "filen har intet felt for henvisning", referral_codes_not_mapped: "henvisningsmådens koder har ingen dokumenteret betydning; angiv den med --map", inpatient_derived: "indlagt/ambulant afledes af varigheden (mindst 12 timer)", no_hospital_column: "ingen kontakt angiver sin sygehusenhed" } as Record<string, string>)[reason] ?? reason}`,
  codesHeader: "    værdier fundet (kolonne værdi: rækker -> afbildet til):",
  codeLine: (column: string, value: string, rows: number, mappedTo: string | null, note: string | undefined) =>
    `      ${column} ${value === "" ? "(tom)" : safeValue(value, MAX_QUOTED)}: ${tal(rows)} -> ${mappedTo ?? "IKKE AFBILDET"}${note === undefined ? "" : ` (${note})`}`,
  extraColumns: (cols: string) => `    ekstra kolonner bevaret og ignoreret: ${safeValue(cols, MAX_HEADER)}`,
  blankLines: (n: number) => `    ${antal(n, "tom linje", "tomme linjer")} sprunget over`,
  source: (src: string) => `    læst fra ${src}`,
  problemsHeader: (errors: number, warnings: number) => `Problemer: ${antal(errors, "fejl", "fejl")}, ${antal(warnings, "advarsel", "advarsler")}`,
  moreOfCode: (code: string, n: number) => `  … og ${tal(n)} flere ${code} (listen er afkortet; alle er talt med)`,
  verdictOk: "Resultat: OK (ingen rækker afvist)",
  verdictFail: (rejected: number, errors: number) => `Resultat: FEJL (${antal(rejected, "række", "rækker")} afvist, ${antal(errors, "fejl", "fejl")})`,
  error: "fejl",
  warning: "advarsel",
} satisfies Omit<Record<keyof typeof REPORT_TEXT, unknown>, "datasetError" | "noDir" | "unknownFormat" | "badWorkers"> & { error: string; warning: string };
