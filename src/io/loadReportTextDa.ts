/**
 * The printed load report's own lines in Danish (formatLoadReport with lang "da"; the English texts
 * are REPORT_TEXT in messages.ts). The problem lines themselves stay in the io catalogue's English.
 */

import { maskPersonNumbers, safeValue } from "../contract/personNumber.js";
import { REPORT_TEXT } from "./messages.js";

/** As in messages.ts: quoted values and header names are cut and made safe to show. */
const MAX_QUOTED = 60;
const MAX_HEADER = 200;

const antal = (n: number, one: string, many: string): string => `${n} ${n === 1 ? one : many}`;

export const REPORT_TEXT_DA = {
  title: (dir: string) => `klynges indlæsningsrapport for ${dir}`,
  tableLine: (file: string, read: number, accepted: number, rejected: number, duplicates: number, warnings: number) =>
    `  ${file}: ${antal(read, "række", "rækker")} læst, ${accepted} godkendt, ${rejected} afvist, ${antal(duplicates, "dublet", "dubletter")}, ${antal(warnings, "advarsel", "advarsler")}`,
  absent: (file: string) => `  ${file}: findes ikke`,
  format: (format: string, excluded: number) => `    læst som ${format}; ${antal(excluded, "række", "rækker")} udeladt (et dokumenteret filter eller en værdi uden afbildning)`,
  note: (note: string) => `    note: ${maskPersonNumbers(note)}`,
  cannotAnswer: (question: string, reason: string) =>
    `    kan ikke besvares med dette udtræk: ${({ referral_source: "hvorfra borgerne henvises", registration_practice: "registreringspraksis (indlagt eller ambulant som registreret)", hospital: "opgørelser efter registrerende sygehus" } as Record<string, string>)[question] ?? question} — ${({ no_referral_column: "filen har intet felt for henvisning", referral_codes_not_mapped: "henvisningsmådens koder har ingen dokumenteret betydning; angiv den med --map", inpatient_derived: "indlagt/ambulant afledes af varigheden (mindst 12 timer)", no_hospital_column: "ingen kontakt angiver sin sygehusenhed" } as Record<string, string>)[reason] ?? reason}`,
  codesHeader: "    værdier fundet (kolonne værdi: rækker -> afbildet til):",
  codeLine: (column: string, value: string, rows: number, mappedTo: string | null, note: string | undefined) =>
    `      ${column} ${value === "" ? "(tom)" : safeValue(value, MAX_QUOTED)}: ${rows} -> ${mappedTo ?? "IKKE AFBILDET"}${note === undefined ? "" : ` (${note})`}`,
  extraColumns: (cols: string) => `    ekstra kolonner bevaret og ignoreret: ${safeValue(cols, MAX_HEADER)}`,
  blankLines: (n: number) => `    ${antal(n, "tom linje", "tomme linjer")} sprunget over`,
  source: (src: string) => `    læst fra ${src}`,
  problemsHeader: (errors: number, warnings: number) => `Problemer: ${antal(errors, "fejl", "fejl")}, ${antal(warnings, "advarsel", "advarsler")}`,
  moreOfCode: (code: string, n: number) => `  … og ${n} flere ${code} (listen er afkortet; alle er talt med)`,
  verdictOk: "Resultat: OK (ingen rækker afvist)",
  verdictFail: (rejected: number, errors: number) => `Resultat: FEJL (${antal(rejected, "række", "rækker")} afvist, ${antal(errors, "fejl", "fejl")})`,
  error: "fejl",
  warning: "advarsel",
} satisfies Omit<Record<keyof typeof REPORT_TEXT, unknown>, "datasetError" | "noDir" | "unknownFormat"> & { error: string; warning: string };
