/** `klynge import --format F IN --out DIR`: a register extract → a contract dataset folder (docs/registers.md). */

import { existsSync, lstatSync, mkdirSync, readdirSync, statSync, writeFileSync } from "node:fs";
import { basename, dirname, join } from "node:path";
import { formatLoadReport, loadDataset, writeDataset } from "../../io/index.js";
import { TEXT_ENCODINGS } from "../../io/problemLog.js";
import { loadGeography } from "../../io/loadTable.js";
import { writePopulation } from "../../io/writeDataset.js";
import { IMPORT_FORMATS, folk1aUrl, importFolk1a } from "../../io/registers/index.js";
import type { CodeMap, RegisterFormat } from "../../io/registers/index.js";
import { UsageError, oneOf, parseCommandArgs, parseNumber, parseYears, requireOutFolder } from "../args.js";
import { safeValue } from "../../contract/personNumber.js";
import { fileKind, readRegularFileSync } from "../../io/regularFile.js";
import { readKeyFile } from "../../io/registers/pseudonymKey.js";
import { SafetyError, cliLang, isSafetyError, safetyText } from "../../io/safetyMessages.js";
import { checkReplaceable, withAtomicDirectory } from "../../report/atomicOutput.js";
import { guardText, registerSecret } from "../outputGuard.js";

export const importHelp = `klynge import --format lpr3-a|lpr3-f|lpr2|npr|statbank-folk1a IN --out DIR [options]
  Reads a register extract as it is delivered and writes a klynge dataset folder (the contract's
  CSV files) to DIR, with the load report in DIR/import-report.txt. See docs/registers.md.
  IN is a folder with the register's files (lpr_a_kontakt.csv, kontakter.csv + personer.csv,
  t_adm.csv + personer.csv, npr.csv; optionally drg.csv, population.csv or folk1a.csv,
  geography.csv, deaths.csv, sector_costs.csv, experience.csv, interventions/). For
  statbank-folk1a, IN is the FOLK1A CSV and DIR gets population.csv.
  Person ids are pseudonymised with your key (HMAC-SHA256); klynge never writes the key.
  --key-file FILE          the pseudonymisation key (else the environment variable KLYNGE_PSEUDONYM_KEY)
  --map COLUMN.VALUE=TO    map a code value, e.g. --map kont_type.ALCA10=keep (repeatable)
  --map-file FILE          mappings as JSON: {"kont_type": {"ALCA10": "keep"}}
  --cost-column NAME       the price column of drg.csv (default: pris, drg_pris, takst, drg_takst, v_pris, price)
  --drg-unit-price N       npr: cost = korrvekt x N
  --geography FILE         the geography (default: IN/geography.csv, else Region Midtjylland);
                           with --print-url: only its municipalities
  --gzip                   write admissions.csv.gz
  --force                  replace a DIR that klynge did not write (never IN, the key or a folder holding them)
  --print-url              statbank-folk1a: print the StatBank API address to download FOLK1A and stop
  --years YYYY-YYYY        with --print-url: first quarters of these years only
  --lang da|en             with --print-url: the API's language (default da)
  --encoding auto|utf-8|windows-1252   how the CSV files are read (default auto: UTF-8, else
                           Windows-1252 with a warning naming the file and line)
  DIR is written atomically and replaced only when it is new, empty, or an earlier klynge import
  holding only klynge's files. Contact-level files are readable by you only. When the import fails
  as a whole (wrong format, unreadable file, no contact accepted), DIR is left as it was.
  Exits 1 when any row is rejected.`;

/** Keys that would reach an object's prototype: refused in mappings (SECURITY.md). */
const FORBIDDEN_KEYS = new Set(["__proto__", "constructor", "prototype"]);

function checkKey(source: string, key: string): string {
  if (FORBIDDEN_KEYS.has(key.trim().toLowerCase())) throw new SafetyError("map_forbidden_key", { path: source, other: safeValue(key) });
  return key;
}

/**
 * Parse --map values "column.value=target" and a --map-file into a CodeMap. The result is built
 * from objects without a prototype, and the keys "__proto__", "constructor" and "prototype" are
 * refused, so a shared mapping file cannot reach any option object (e.g. the key).
 */
export function parseCodeMaps(items: readonly string[], file: string | undefined): CodeMap {
  const out: Record<string, Record<string, string>> = Object.create(null) as Record<string, Record<string, string>>;
  const put = (source: string, col: string, value: string, target: string): void => {
    const c = checkKey(source, col).toLowerCase();
    checkKey(source, value);
    checkKey(source, target);
    const values = Object.hasOwn(out, c) ? out[c] : (out[c] = Object.create(null) as Record<string, string>);
    values[value] = target;
  };
  if (file !== undefined) {
    let parsed: unknown;
    try {
      parsed = JSON.parse(readRegularFileSync(file, MAX_MAP_FILE_BYTES).toString("utf8"));
    } catch (e) {
      if (isSafetyError(e)) throw e;
      throw new UsageError("mapFileUnreadable", { found: file, reason: safeValue((e as Error).message) });
    }
    if (typeof parsed !== "object" || parsed === null || Array.isArray(parsed)) throw new UsageError("mapFileShape", { found: file });
    for (const [col, values] of Object.entries(parsed as Record<string, unknown>)) {
      checkKey(`--map-file ${file}`, col);
      if (typeof values !== "object" || values === null || Array.isArray(values)) throw new UsageError("mapFileColumn", { found: file, column: safeValue(col) });
      for (const [v, t] of Object.entries(values as Record<string, unknown>)) {
        if (typeof t !== "string") throw new UsageError("mapFileTarget", { found: file, column: safeValue(col), value: safeValue(v) });
        put(`--map-file ${file}`, col, v, t);
      }
    }
  }
  for (const item of items) {
    const m = /^([^.=]+)\.([^=]*)=(.+)$/.exec(item.trim());
    if (m === null) throw new UsageError("mapSyntax", { found: safeValue(item) });
    put("--map", m[1], m[2], m[3]);
  }
  return out;
}

/** The largest --map-file read (1 MiB). */
const MAX_MAP_FILE_BYTES = 1024 * 1024;

/** The key of --key-file (as bytes, checked), remembered so that no output shows it. */
export function readKeyOption(file: string | undefined): Uint8Array | undefined {
  const envKey = process.env.KLYNGE_PSEUDONYM_KEY;
  if (envKey !== undefined && envKey.length > 0) registerSecret(Buffer.from(envKey.trim(), "utf8"));
  if (file === undefined) return undefined;
  const key = readKeyFile(file);
  registerSecret(key);
  return key;
}

/** Whole-file problems of an import: when one of them occurs, or no contact is accepted, nothing is written. */
const FAILED_IMPORT = new Set(["wrong_format", "missing_columns", "wrong_delimiter", "missing_file", "empty_file", "unreadable", "not_regular_file", "line_too_long", "too_much_data", "no_geography"]);

/** Copies a folder of intervention files: regular files only (no links, devices or FIFOs), at most 1 MiB each. */
function copyRegularTree(from: string, to: string): void {
  const st = lstatSync(from);
  if (!st.isDirectory()) throw new SafetyError("not_regular", { path: from, other: fileKind(st) });
  mkdirSync(to, { recursive: true });
  for (const e of readdirSync(from, { withFileTypes: true })) {
    const src = join(from, e.name);
    if (e.isDirectory()) copyRegularTree(src, join(to, e.name));
    else writeFileSync(join(to, e.name), readRegularFileSync(src, 1024 * 1024), { flag: "wx" });
  }
}

export async function importCommand(argv: readonly string[]): Promise<number> {
  const { values, positionals } = parseCommandArgs(
    argv,
    {
      format: { type: "string" },
      out: { type: "string" },
      "key-file": { type: "string" },
      map: { type: "string", multiple: true },
      "map-file": { type: "string" },
      "cost-column": { type: "string" },
      "drg-unit-price": { type: "string" },
      geography: { type: "string" },
      gzip: { type: "boolean" },
      "print-url": { type: "boolean" },
      force: { type: "boolean" },
      years: { type: "string" },
      lang: { type: "string" },
      encoding: { type: "string" },
    },
    true,
  );
  if (values.format === undefined) throw new UsageError("formatRequired", { allowed: IMPORT_FORMATS.join(", ") });
  const format = oneOf("format", values.format, IMPORT_FORMATS, "lpr3-a");
  if (values["print-url"] === true) {
    if (format !== "statbank-folk1a") throw new UsageError("printUrlFormat");
    const lang = oneOf("lang", values.lang, ["da", "en"] as const, "da");
    const municipalities = values.geography === undefined ? undefined : (await loadGeography(values.geography)).map((g) => g.municipality_code);
    console.log(
      folk1aUrl({
        ...(values.years === undefined ? {} : { years: parseYears(values.years) }),
        ...(municipalities === undefined ? {} : { municipalities }),
        lang,
      }),
    );
    return 0;
  }
  const input = positionals[0];
  if (!input) throw new UsageError("importNeedsIn");
  if (values.out === undefined) throw new UsageError("needsOut", { command: "import", what: "DIR" });
  const out = values.out;
  if (!existsSync(input)) throw new UsageError("notFound", { found: input });
  requireOutFolder(out);

  const force = values.force === true;
  const inputs = [input, values["key-file"], values["map-file"], values.geography].filter((p): p is string => p !== undefined);
  const lang = cliLang();

  if (format === "statbank-folk1a") {
    checkReplaceable(out, { kind: "import", force, inputs });
    const r = await importFolk1a(input, values.geography);
    const text = guardText(r.text);
    console.log(text);
    if (r.table.length === 0) {
      console.error(safetyText(lang, "import_not_written", { path: out }));
      return 1;
    }
    await withAtomicDirectory(
      out,
      async (staging) => {
        await writePopulation(r.table, join(staging, "population.csv"));
        writeFileSync(join(staging, "import-report.txt"), text);
      },
      { kind: "import", force, inputs },
    );
    console.log(`wrote ${join(out, "population.csv")} (${r.table.length} rows) and import-report.txt`);
    return r.ok ? 0 : 1;
  }

  if (!statSync(input).isDirectory()) throw new UsageError("importFolder", { format, file: basename(input), folder: dirname(input) });
  const drgUnitPrice = values["drg-unit-price"] === undefined ? undefined : parseNumber("drg-unit-price", values["drg-unit-price"], 0);
  const key = readKeyOption(values["key-file"]);
  const codeMap = parseCodeMaps(values.map ?? [], values["map-file"]);
  // Refuse an OUT that may not be replaced before reading the extract, not after.
  checkReplaceable(out, { kind: "import", force, inputs });
  const encoding = oneOf("encoding", values.encoding, TEXT_ENCODINGS, "auto");
  const ds = await loadDataset(input, {
    format: format as RegisterFormat,
    encoding,
    codeMap,
    ...(key === undefined ? {} : { pseudonymKey: key }),
    ...(values["cost-column"] === undefined ? {} : { costColumn: values["cost-column"] }),
    ...(drgUnitPrice === undefined ? {} : { drgUnitPrice }),
    ...(values.geography === undefined ? {} : { geography: values.geography }),
  });
  const text = guardText(formatLoadReport(ds.report));
  console.log(text);
  if (ds.contacts.length === 0 || Object.keys(ds.report.problemCounts).some((c) => FAILED_IMPORT.has(c))) {
    console.error(safetyText(lang, "import_not_written", { path: out }));
    return 1;
  }
  const files = await withAtomicDirectory(
    out,
    async (staging) => {
      const written = await writeDataset(ds, staging, { gzip: values.gzip === true });
      const interventions = join(input, "interventions");
      if (existsSync(interventions) || isLink(interventions)) {
        copyRegularTree(interventions, join(staging, "interventions"));
        written.push("interventions/");
      }
      writeFileSync(join(staging, "import-report.txt"), text);
      return written;
    },
    // The folder holds pseudonymised contact-level rows: readable by the owner only.
    { kind: "import", force, inputs, mode: 0o700 },
  );
  console.log(`wrote ${files.join(", ")} and import-report.txt to ${out}`);
  return ds.report.ok ? 0 : 1;
}

function isLink(p: string): boolean {
  try {
    return lstatSync(p).isSymbolicLink();
  } catch {
    return false;
  }
}
