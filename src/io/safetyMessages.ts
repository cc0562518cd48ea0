/**
 * The message catalogue of klynge's safety checks (SECURITY.md): output folders it refuses to
 * replace, files it refuses to read, keys it refuses, mapping files it refuses. Danish (default)
 * and English; each message has a stable code, and layers throw a SafetyError with the code and
 * its values, never a sentence.
 */

export type SafetyLang = "da" | "en";

/** Values a safety message may show. Paths are the user's own arguments; nothing from a file's content. */
export interface SafetyValues {
  readonly path?: string;
  readonly other?: string;
  readonly n?: number;
  readonly m?: number;
  readonly list?: string;
}

type Texts = Record<SafetyCode, (v: SafetyValues) => string>;

const DA = {
  out_is_input: (v) => `${v.path}: klynge skriver ikke her — mappen er eller indeholder inddata (${v.other}); vælg en anden --out`,
  out_protected: (v) => `${v.path}: klynge erstatter aldrig denne mappe (${v.other}); vælg en ny mappe til --out`,
  out_not_klynge: (v) =>
    `${v.path} findes og er ikke skrevet af klynge (ingen ${v.other}); klynge sletter ikke filer, det ikke selv har skrevet. Vælg en ny eller tom mappe, eller brug --force for at erstatte den`,
  out_foreign_files: (v) =>
    `${v.path} indeholder filer, klynge ikke har skrevet (${v.list}); de slettes ikke. Flyt dem, eller brug --force for at erstatte mappen`,
  out_symlink: (v) => `${v.path} er et symbolsk link; klynge skriver ikke gennem links. Angiv den egentlige mappe`,
  out_file_exists: (v) => `${v.path} findes allerede og er ikke skrevet af klynge; brug --force for at overskrive den`,
  not_regular: (v) => `${v.path} er ${fileKind("da", v.other)}; klynge læser kun almindelige filer (ikke symbolske links, enheder eller FIFO'er) i et datasæt eller udtræk`,
  line_too_long: (v) => `${v.path}: linje ${v.n} er længere end ${v.m} bytes (grænsen for én linje); filen læses ikke videre`,
  too_much_data: (v) =>
    `${v.path}: den udpakkede fil er over ${v.m} MiB og mere end ${v.n} gange den pakkede (en zip-bombe?); filen læses ikke videre`,
  key_missing: (v) => `--key-file ${v.path}: findes ikke. Lav en nøgle med: klynge key ${v.path}`,
  key_short: (v) => `nøglen (${v.path}) er ${v.n} bytes; der kræves mindst ${v.m}. Lav en ny med: klynge key FIL`,
  key_weak: (v) => `nøglen (${v.path}) er for svag: ${weakness("da", v.other)}. Lav en tilfældig med: klynge key FIL`,
  key_bad_text: (v) => `nøglen (${v.path}) er erklæret som ${v.other}, men er ikke gyldig ${v.other}`,
  key_exists: (v) => `${v.path} findes allerede; klynge key overskriver aldrig en fil`,
  key_written: (v) => `ny nøgle (${v.n} tilfældige bytes) skrevet til ${v.path}, kun læsbar for dig. Opbevar den adskilt fra data og resultater; brug den med --key-file ${v.path}`,
  map_forbidden_key: (v) => `${v.path}: nøglen "${v.other}" er ikke tilladt i en kodeoversættelse`,
  import_not_written: (v) => `intet skrevet til ${v.path}: importen mislykkedes (se fejlene ovenfor); det, der lå der, er uændret`,
  yaml_limit: (v) => `${v.path}: YAML-filen har for mange aliaser (en "alias-bombe"); den læses ikke`,
} satisfies Record<string, (v: SafetyValues) => string>;

export type SafetyCode = keyof typeof DA;

const EN: Texts = {
  out_is_input: (v) => `${v.path}: klynge does not write here — the folder is or contains input (${v.other}); choose another --out`,
  out_protected: (v) => `${v.path}: klynge never replaces this folder (${v.other}); choose a new folder for --out`,
  out_not_klynge: (v) =>
    `${v.path} exists and was not written by klynge (no ${v.other}); klynge does not delete files it did not write. Choose a new or empty folder, or use --force to replace it`,
  out_foreign_files: (v) =>
    `${v.path} holds files klynge did not write (${v.list}); they are not deleted. Move them, or use --force to replace the folder`,
  out_symlink: (v) => `${v.path} is a symbolic link; klynge does not write through links. Give the real folder`,
  out_file_exists: (v) => `${v.path} exists and was not written by klynge; use --force to overwrite it`,
  not_regular: (v) => `${v.path} is ${fileKind("en", v.other)}; klynge reads only regular files (no symbolic links, devices or FIFOs) in a dataset or extract`,
  line_too_long: (v) => `${v.path}: line ${v.n} is longer than ${v.m} bytes (the limit for one line); the file is not read further`,
  too_much_data: (v) =>
    `${v.path}: the decompressed file is over ${v.m} MiB and more than ${v.n} times the compressed one (a zip bomb?); the file is not read further`,
  key_missing: (v) => `--key-file ${v.path}: not found. Make a key with: klynge key ${v.path}`,
  key_short: (v) => `the key (${v.path}) is ${v.n} bytes; at least ${v.m} are needed. Make a new one with: klynge key FILE`,
  key_weak: (v) => `the key (${v.path}) is too weak: ${weakness("en", v.other)}. Make a random one with: klynge key FILE`,
  key_bad_text: (v) => `the key (${v.path}) is declared as ${v.other} but is not valid ${v.other}`,
  key_exists: (v) => `${v.path} exists; klynge key never overwrites a file`,
  key_written: (v) => `new key (${v.n} random bytes) written to ${v.path}, readable by you only. Keep it apart from data and outputs; use it with --key-file ${v.path}`,
  map_forbidden_key: (v) => `${v.path}: the key "${v.other}" is not allowed in a code mapping`,
  import_not_written: (v) => `nothing written to ${v.path}: the import failed (see the errors above); what was there is unchanged`,
  yaml_limit: (v) => `${v.path}: the YAML file has too many aliases (an "alias bomb"); it is not read`,
};

/** Reasons a key is weak (the `other` value of key_weak), by language. */
export const KEY_WEAKNESS: Record<SafetyLang, Record<"run" | "one_class" | "few_values" | "too_large", string>> = {
  da: {
    run: "den samme byte fire gange i træk",
    one_class: "kun én slags tegn (fx kun små bogstaver eller kun cifre)",
    few_values: "for få forskellige bytes",
    too_large: "filen er over 4096 bytes (er det den rigtige fil?)",
  },
  en: {
    run: "the same byte four times in a row",
    one_class: "one kind of character only (e.g. only lower-case letters or only digits)",
    few_values: "too few different bytes",
    too_large: "the file is over 4096 bytes (is it the right file?)",
  },
};

/** Kinds of file that are not read (the `other` value of not_regular), by language. */
export const FILE_KINDS: Record<SafetyLang, Record<"symlink" | "device" | "fifo" | "socket" | "directory" | "other", string>> = {
  da: { symlink: "et symbolsk link", device: "en enhed", fifo: "en FIFO (navngivet rør)", socket: "en socket", directory: "en mappe", other: "ikke en almindelig fil" },
  en: { symlink: "a symbolic link", device: "a device", fifo: "a FIFO (named pipe)", socket: "a socket", directory: "a folder", other: "not a regular file" },
};
function fileKind(lang: SafetyLang, code: string | undefined): string {
  return Object.hasOwn(FILE_KINDS[lang], code ?? "") ? FILE_KINDS[lang][code as keyof (typeof FILE_KINDS)["da"]] : FILE_KINDS[lang].other;
}

type Weakness = keyof (typeof KEY_WEAKNESS)["da"];
function weakness(lang: SafetyLang, code: string | undefined): string {
  return Object.hasOwn(KEY_WEAKNESS[lang], code ?? "") ? KEY_WEAKNESS[lang][code as Weakness] : String(code);
}

const CATALOGUE: Record<SafetyLang, Texts> = { da: DA, en: EN };

/** The text of a safety message. */
export function safetyText(lang: SafetyLang, code: SafetyCode, values: SafetyValues = {}): string {
  return CATALOGUE[lang][code](values);
}

/** A refused operation: a code and its values (the text comes from the catalogue). */
export class SafetyError extends Error {
  constructor(
    readonly code: SafetyCode,
    readonly values: SafetyValues,
  ) {
    super(safetyText("en", code, values));
    this.name = "SafetyError";
  }
  /** The message in a language. */
  text(lang: SafetyLang): string {
    return safetyText(lang, this.code, this.values);
  }
}

export function isSafetyError(err: unknown): err is SafetyError {
  return err instanceof SafetyError;
}

/**
 * The language of CLI messages that have no --lang option: KLYNGE_LANG ("da" or "en"), else English
 * when the locale (LC_ALL, LC_MESSAGES, LANG) is English ("en_…"), else Danish.
 */
export function cliLang(env: NodeJS.ProcessEnv = process.env): SafetyLang {
  const own = env.KLYNGE_LANG?.toLowerCase();
  if (own === "da" || own === "en") return own;
  const locale = env.LC_ALL || env.LC_MESSAGES || env.LANG || "";
  return /^en([_.-]|$)/i.test(locale) ? "en" : "da";
}
