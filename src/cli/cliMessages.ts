/**
 * The CLI's own texts in Danish and English, each under a stable key: usage errors (exit 2),
 * dataset gates (exit 1 and 3) and the lines the commands print. One catalogue; the commands pass
 * keys and values, never sentences. Tests check these texts word for word.
 */

export type CliLang = "da" | "en";

export type CliParams = Readonly<Record<string, string | number>>;

type Text = (p: CliParams) => string;

const s = (p: CliParams, k: string): string => String(p[k] ?? "");
const n = (p: CliParams, k: string): number => Number(p[k] ?? 0);
/** "1 row" / "2 rows" in the language of the entry. */
const plural = (count: number, one: string, many: string): string => `${count} ${count === 1 ? one : many}`;
const suggestion = (p: CliParams, lead: string): string => (p.suggestion ? `; ${lead} ${s(p, "suggestion")}?` : "");

const da = {
  // Usage errors (exit 2).
  unknownCommand: (p) => `ukendt kommando "${s(p, "found")}"${suggestion(p, "mente du")} (klynge help viser kommandoerne)`,
  helpUnknown: (p) => `der er ingen kommando "${s(p, "found")}"${suggestion(p, "mente du")} (klynge help viser kommandoerne)`,
  unknownOption: (p) => `ukendt tilvalg ${s(p, "found")}${suggestion(p, "mente du")}`,
  missingValue: (p) => `tilvalget ${s(p, "option")} skal have en værdi`,
  noValueAllowed: (p) => `tilvalget ${s(p, "option")} tager ingen værdi`,
  extraArgument: (p) => `uventet argument "${s(p, "found")}"`,
  yearsFormat: (p) => `--years skal være ÅÅÅÅ eller ÅÅÅÅ-ÅÅÅÅ, fandt "${s(p, "found")}"`,
  yearsOrder: (p) => `--years ${s(p, "found")}: det første år skal komme først (${s(p, "to")}-${s(p, "from")})`,
  wholeNumber: (p) => `--${s(p, "option")} skal være et helt tal, fandt "${s(p, "found")}"`,
  workers: (p) => `--workers skal være et helt tal fra 1 til ${s(p, "max")}, fandt "${s(p, "found")}"`,
  number: (p) => `--${s(p, "option")} skal være et tal, fandt "${s(p, "found")}"`,
  oneOf: (p) => `--${s(p, "option")} skal være en af ${s(p, "allowed")}, fandt "${s(p, "found")}"${suggestion(p, "mente du")}`,
  pool: (p) => `--pool "${s(p, "found")}" er ikke MEDLEM=VÆRT-kommunekoder (fx --pool 741=751)`,
  practiceChange: (p) => `--practice-change "${s(p, "found")}" er ikke SYGEHUS=ÅÅÅÅ-MM-DD (fx --practice-change "HE Midt=2019-03-01")`,
  auditDir: (p) => `audit-disclosure: mappen ${s(p, "found")} findes ikke (klynge audit-disclosure MAPPE)`,
  group: (p) => `--group "${s(p, "found")}" er ikke en aldersgruppe: brug "all", "A-B" (fx "0-17", første alder først) eller "A+" (fx "65+")`,
  needsDir: (p) => `${s(p, "command")} skal have en datamappe: ${s(p, "usage")}`,
  cacheAction: (p) => `cache skal have clear eller where, fandt "${s(p, "found")}": klynge cache clear|where`,
  needsFile: (p) => `${s(p, "command")} skal have ét filnavn: ${s(p, "usage")}`,
  needsOut: (p) => `${s(p, "command")} skal have --out ${s(p, "what")}`,
  outFormat: (p) => `--out ${s(p, "found")}: filtypen kan ikke bestemmes; brug .csv, .json eller .arrow`,
  outFolderMissing: (p) => `--out ${s(p, "found")}: mappen ${s(p, "folder")} findes ikke; opret den først (klynge opretter ikke mapper, du ikke har bedt om)`,
  excelNeedsCsv: (p) => `--excel skriver en CSV-fil; --out ${s(p, "found")} er ikke .csv`,
  formatRequired: (p) => `--format skal angives: en af ${s(p, "allowed")}`,
  printUrlFormat: () => "--print-url hører til --format statbank-folk1a",
  importNeedsIn: () => "import skal have registermappen (eller FOLK1A-filen): klynge import --format F IN --out DIR",
  notFound: (p) => `findes ikke: ${s(p, "found")}`,
  importFolder: (p) => `${s(p, "format")}: IN skal være mappen med ${s(p, "file")}, ikke selve filen (klynge import --format ${s(p, "format")} ${s(p, "folder")} --out DIR)`,
  keyFileMissing: (p) => `--key-file ${s(p, "found")}: filen findes ikke (npx klynge key ${s(p, "found")} laver en ny nøgle)`,
  mapFileUnreadable: (p) => `--map-file ${s(p, "found")}: ikke læsbar JSON (${s(p, "reason")})`,
  mapFileShape: (p) => `--map-file ${s(p, "found")}: forventede {"kolonne": {"værdi": "mål"}}`,
  mapFileColumn: (p) => `--map-file ${s(p, "found")}: "${s(p, "column")}" skal afbilde værdier på mål`,
  mapFileTarget: (p) => `--map-file ${s(p, "found")}: ${s(p, "column")}.${s(p, "value")} skal have et mål i tekst`,
  mapSyntax: (p) => `--map skal være KOLONNE.VÆRDI=MÅL, fandt "${s(p, "found")}"`,
  noDemo: () => "ingen datamappe angivet, og den medfølgende demo blev ikke fundet",
  usageHint: (p) => `(klynge help ${s(p, "command")} viser tilvalgene)`,
  // Dataset gates (exit 1 and 3).
  missingFile: (p) => `${s(p, "file")} mangler i ${s(p, "dir")} (påkrævet: ${s(p, "expected")})`,
  statbankFile: () => "folk1a.csv fra Statistikbanken",
  fileError: (p) => `${s(p, "message")}`,
  noAdmissions: (p) => `${s(p, "file")} har ingen rækker (kun overskriftslinjen); der er intet at beregne`,
  noAcceptedAdmissions: (p) => `${s(p, "file")} har ingen godkendte rækker; der er intet at beregne`,
  rejected: (p) =>
    `${s(p, "list")} blev afvist ved indlæsningen; intet er skrevet (klynge validate ${s(p, "dir")} viser hvorfor; --allow-rejected bruger de godkendte rækker)`,
  rejectedAllowed: (p) => `bemærk: ${s(p, "list")} blev afvist og er ikke med (--allow-rejected)`,
  rejectedOfFile: (p) => `${plural(n(p, "n"), "række", "rækker")} i ${s(p, "file")}`,
  unexpected: (p) => `uventet fejl: ${s(p, "message")} (KLYNGE_DEBUG=1 viser detaljerne)`,
  // What the commands print.
  wroteIndicators: (p) =>
    `skrev ${plural(n(p, "rows"), "indikatorrække", "indikatorrækker")} til ${s(p, "file")} (${n(p, "suppressed")} undertrykt under ${n(p, "min")})`,
  reportWritten: (p) => `rapporten er skrevet på ${s(p, "seconds")} s: ${s(p, "file")}`,
  reportFiles: (p) => `  ${plural(n(p, "charts"), "figurfil", "figurfiler")} i ${s(p, "chartDir")}, ${plural(n(p, "tables"), "tabel", "tabeller")} i ${s(p, "tableDir")}`,
  reportWarning: (p) => `advarsel: ${s(p, "message")}`,
  validating: (p) => `klynge: validerer ${s(p, "dir")}`,
  building: () => "klynge: bygger styregruppe-rapporten",
  progress: (p) => `  [${n(p, "i")}/${n(p, "n")}] ${s(p, "step")}`,
  ivCount: (p) => `${plural(n(p, "n"), "indsats", "indsatser")} i ${s(p, "dir")}`,
  ivAdoption: (p) => `${s(p, "cluster")} fra ${s(p, "start")}`,
  ivLine: (p) => `  ${s(p, "id")}: ${s(p, "name")} — fase ${s(p, "phase")}; ${plural(n(p, "kernel"), "kerneelement", "kerneelementer")}; indført i: ${s(p, "adopters") || "ingen"}`,
  ivErrors: (p) => plural(n(p, "n"), "fejl", "fejl"),
  ivProblem: (p) => `  ${s(p, "severity") === "warning" ? "advarsel" : "fejl"} ${s(p, "line")}`,
  kfTitle: () => "Nøgletal (seneste hele år; intervaller og alle andre indikatorer står i rapporten)",
  kfAdmissions: () => "indlæggelser/1.000",
  kfReadmitted: () => "genindlagt 65+ %",
  kfPreventable: () => "forebyggelige 65+/1.000",
  kfSuppressed: () => "undertrykt",
  // The dataset cache (docs/cache.md).
  cacheRead: (p) => `datasættet er læst fra cachen (skrevet ${s(p, "when")}; inputfilerne er byte for byte de samme): ${s(p, "file")}`,
  cacheReadUnchanged: (p) => `datasættet er læst fra cachen (skrevet ${s(p, "when")}; inputfilerne er ikke ændret, siden deres indhold blev hashet): ${s(p, "file")}`,
  cacheWritten: (p) => `datasættet er læst fra filerne og skrevet til cachen: ${s(p, "file")}`,
  cacheReplaced: (p) => `inputfilerne er ændret siden sidst: datasættet er læst fra filerne, og cachen er skrevet på ny: ${s(p, "file")}`,
  cacheUnavailable: (p) => `cachen blev ikke brugt (${s(p, "reason")}); datasættet er læst fra filerne`,
  cacheCleared: (p) => `fjernede ${plural(n(p, "n"), "cachefil", "cachefiler")} (${s(p, "mb")} MB) fra ${s(p, "folder")}`,
  cacheForeign: (p) => `${plural(n(p, "n"), "fil", "filer")} i ${s(p, "folder")} er ikke skrevet af klynge og er ladt i fred`,
  cacheNoFolder: (p) => `der er ingen cachemappe ${s(p, "folder")}`,
  cacheNotOwn: (p) => `${s(p, "folder")} er ikke en cachemappe, klynge har lavet (intet er fjernet)`,
  cacheWhere: (p) => `cachemappe: ${s(p, "folder")}`,
} satisfies Record<string, Text>;

export type CliTextKey = keyof typeof da;

const en: Record<CliTextKey, Text> = {
  unknownCommand: (p) => `unknown command "${s(p, "found")}"${suggestion(p, "did you mean")} (klynge help lists the commands)`,
  helpUnknown: (p) => `there is no command "${s(p, "found")}"${suggestion(p, "did you mean")} (klynge help lists the commands)`,
  unknownOption: (p) => `unknown option ${s(p, "found")}${suggestion(p, "did you mean")}`,
  missingValue: (p) => `option ${s(p, "option")} needs a value`,
  noValueAllowed: (p) => `option ${s(p, "option")} takes no value`,
  extraArgument: (p) => `unexpected argument "${s(p, "found")}"`,
  yearsFormat: (p) => `--years expects YYYY or YYYY-YYYY, found "${s(p, "found")}"`,
  yearsOrder: (p) => `--years ${s(p, "found")}: the first year must come first (${s(p, "to")}-${s(p, "from")})`,
  wholeNumber: (p) => `--${s(p, "option")} expects a whole number, found "${s(p, "found")}"`,
  workers: (p) => `--workers expects a whole number from 1 to ${s(p, "max")}, found "${s(p, "found")}"`,
  number: (p) => `--${s(p, "option")} expects a number, found "${s(p, "found")}"`,
  oneOf: (p) => `--${s(p, "option")} expects one of ${s(p, "allowed")}, found "${s(p, "found")}"${suggestion(p, "did you mean")}`,
  pool: (p) => `--pool "${s(p, "found")}" is not MEMBER=HOST municipality codes (e.g. --pool 741=751)`,
  practiceChange: (p) => `--practice-change "${s(p, "found")}" is not HOSPITAL=YYYY-MM-DD (e.g. --practice-change "HE Midt=2019-03-01")`,
  auditDir: (p) => `audit-disclosure: the folder ${s(p, "found")} does not exist (klynge audit-disclosure DIR)`,
  group: (p) => `--group "${s(p, "found")}" is not an age group: use "all", "A-B" (e.g. "0-17", lower age first) or "A+" (e.g. "65+")`,
  needsDir: (p) => `${s(p, "command")} needs a dataset folder: ${s(p, "usage")}`,
  cacheAction: (p) => `cache needs clear or where, found "${s(p, "found")}": klynge cache clear|where`,
  needsFile: (p) => `${s(p, "command")} needs one file name: ${s(p, "usage")}`,
  needsOut: (p) => `${s(p, "command")} needs --out ${s(p, "what")}`,
  outFormat: (p) => `--out ${s(p, "found")}: cannot tell the table format; use .csv, .json or .arrow`,
  outFolderMissing: (p) => `--out ${s(p, "found")}: the folder ${s(p, "folder")} does not exist; create it first (klynge does not create folders you did not ask for)`,
  excelNeedsCsv: (p) => `--excel writes a CSV file; --out ${s(p, "found")} is not .csv`,
  formatRequired: (p) => `--format is required: one of ${s(p, "allowed")}`,
  printUrlFormat: () => "--print-url is for --format statbank-folk1a",
  importNeedsIn: () => "import needs the register folder (or FOLK1A file): klynge import --format F IN --out DIR",
  notFound: (p) => `not found: ${s(p, "found")}`,
  importFolder: (p) => `${s(p, "format")}: IN must be the folder holding ${s(p, "file")}, not the file (klynge import --format ${s(p, "format")} ${s(p, "folder")} --out DIR)`,
  keyFileMissing: (p) => `--key-file ${s(p, "found")}: not found (npx klynge key ${s(p, "found")} makes a new key)`,
  mapFileUnreadable: (p) => `--map-file ${s(p, "found")}: not readable JSON (${s(p, "reason")})`,
  mapFileShape: (p) => `--map-file ${s(p, "found")}: expected {"column": {"value": "target"}}`,
  mapFileColumn: (p) => `--map-file ${s(p, "found")}: "${s(p, "column")}" must map values to targets`,
  mapFileTarget: (p) => `--map-file ${s(p, "found")}: ${s(p, "column")}.${s(p, "value")} must be a text target`,
  mapSyntax: (p) => `--map expects COLUMN.VALUE=TARGET, found "${s(p, "found")}"`,
  noDemo: () => "no dataset folder given and the bundled demo was not found",
  usageHint: (p) => `(klynge help ${s(p, "command")} lists the options)`,
  missingFile: (p) => `${s(p, "file")} is missing in ${s(p, "dir")} (required: ${s(p, "expected")})`,
  statbankFile: () => "folk1a.csv from StatBank",
  fileError: (p) => `${s(p, "message")}`,
  noAdmissions: (p) => `${s(p, "file")} has no rows (only the header line); there is nothing to compute`,
  noAcceptedAdmissions: (p) => `${s(p, "file")} has no accepted rows; there is nothing to compute`,
  rejected: (p) =>
    `${s(p, "list")} rejected while loading; nothing was written (klynge validate ${s(p, "dir")} shows why; --allow-rejected uses the accepted rows)`,
  rejectedAllowed: (p) => `note: ${s(p, "list")} rejected and left out (--allow-rejected)`,
  rejectedOfFile: (p) => `${plural(n(p, "n"), "row", "rows")} of ${s(p, "file")}`,
  unexpected: (p) => `unexpected error: ${s(p, "message")} (KLYNGE_DEBUG=1 shows the details)`,
  wroteIndicators: (p) => `wrote ${plural(n(p, "rows"), "indicator row", "indicator rows")} to ${s(p, "file")} (${n(p, "suppressed")} suppressed below ${n(p, "min")})`,
  reportWritten: (p) => `report written in ${s(p, "seconds")} s: ${s(p, "file")}`,
  reportFiles: (p) => `  ${plural(n(p, "charts"), "chart file", "chart files")} in ${s(p, "chartDir")}, ${plural(n(p, "tables"), "table", "tables")} in ${s(p, "tableDir")}`,
  reportWarning: (p) => `warning: ${s(p, "message")}`,
  validating: (p) => `klynge: validating ${s(p, "dir")}`,
  building: () => "klynge: building the steering-paper report",
  progress: (p) => `  [${n(p, "i")}/${n(p, "n")}] ${s(p, "step")}`,
  ivCount: (p) => `${plural(n(p, "n"), "intervention", "interventions")} in ${s(p, "dir")}`,
  ivAdoption: (p) => `${s(p, "cluster")} from ${s(p, "start")}`,
  ivLine: (p) => `  ${s(p, "id")}: ${s(p, "name")} — phase ${s(p, "phase")}; ${plural(n(p, "kernel"), "kernel element", "kernel elements")}; adoptions: ${s(p, "adopters") || "none"}`,
  ivErrors: (p) => plural(n(p, "n"), "error", "errors"),
  ivProblem: (p) => `  ${s(p, "severity") === "warning" ? "warning" : "error"} ${s(p, "line")}`,
  kfTitle: () => "Key figures (latest complete year; intervals and all other indicators are in the report)",
  kfAdmissions: () => "admissions/1,000",
  kfReadmitted: () => "readmitted 65+ %",
  kfPreventable: () => "preventable 65+/1,000",
  kfSuppressed: () => "suppressed",
  cacheRead: (p) => `dataset read from the cache (written ${s(p, "when")}; the input files are byte for byte the same): ${s(p, "file")}`,
  cacheReadUnchanged: (p) => `dataset read from the cache (written ${s(p, "when")}; the input files have not been changed since their content was hashed): ${s(p, "file")}`,
  cacheWritten: (p) => `dataset read from the files and written to the cache: ${s(p, "file")}`,
  cacheReplaced: (p) => `input files changed since the last run: dataset read from the files and the cache written anew: ${s(p, "file")}`,
  cacheUnavailable: (p) => `the cache was not used (${s(p, "reason")}); dataset read from the files`,
  cacheCleared: (p) => `removed ${plural(n(p, "n"), "cache file", "cache files")} (${s(p, "mb")} MB) from ${s(p, "folder")}`,
  cacheForeign: (p) => `${plural(n(p, "n"), "file", "files")} in ${s(p, "folder")} not written by klynge, left alone`,
  cacheNoFolder: (p) => `there is no cache folder ${s(p, "folder")}`,
  cacheNotOwn: (p) => `${s(p, "folder")} is not a cache folder klynge made (nothing removed)`,
  cacheWhere: (p) => `cache folder: ${s(p, "folder")}`,
};

/** Usage errors that are about the options, so the line ends with where to read them. */
export const OPTION_ERRORS: ReadonlySet<CliTextKey> = new Set<CliTextKey>(["unknownOption", "missingValue", "noValueAllowed", "extraArgument", "needsDir", "needsFile", "needsOut", "formatRequired"]);

const CATALOGUE: Record<CliLang, Record<CliTextKey, Text>> = { da, en };

/** The text of `key` in `lang`. */
export function cliText(lang: CliLang, key: CliTextKey, params: CliParams = {}): string {
  return CATALOGUE[lang][key](params);
}

/** "a, b and c" / "a, b og c" (or "a, b or c" / "a, b eller c"). */
export function cliList(lang: CliLang, items: readonly string[], conjunction: "and" | "or" = "and"): string {
  if (items.length <= 1) return items.join("");
  const word = { da: { and: "og", or: "eller" }, en: { and: "and", or: "or" } }[lang][conjunction];
  return `${items.slice(0, -1).join(", ")} ${word} ${items.at(-1)}`;
}
