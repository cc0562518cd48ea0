/** `klynge import --format F IN --out DIR`: a register extract → a contract dataset folder (docs/registers.md). */

import { cpSync, existsSync, mkdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { basename, dirname, join } from "node:path";
import { parseArgs } from "node:util";
import { formatLoadReport, loadDataset, loadGeography, writeDataset, writePopulation } from "../../io/index.js";
import { IMPORT_FORMATS, folk1aUrl, importFolk1a } from "../../io/registers/index.js";
import type { CodeMap, RegisterFormat } from "../../io/registers/index.js";
import { UsageError, oneOf, parseNumber, parseYears } from "../args.js";

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
  --print-url              statbank-folk1a: print the StatBank API address to download FOLK1A and stop
  --years YYYY-YYYY        with --print-url: first quarters of these years only
  --lang da|en             with --print-url: the API's language (default da)
  Exits 1 when any row is rejected.`;

/** Parse --map values "column.value=target" into a CodeMap. */
export function parseCodeMaps(items: readonly string[], file: string | undefined): CodeMap {
  const out: Record<string, Record<string, string>> = {};
  if (file !== undefined) {
    let parsed: unknown;
    try {
      parsed = JSON.parse(readFileSync(file, "utf8"));
    } catch (e) {
      throw new UsageError(`--map-file ${file}: not readable JSON (${(e as Error).message})`);
    }
    if (typeof parsed !== "object" || parsed === null) throw new UsageError(`--map-file ${file}: expected {"column": {"value": "target"}}`);
    for (const [col, values] of Object.entries(parsed as Record<string, unknown>)) {
      if (typeof values !== "object" || values === null) throw new UsageError(`--map-file ${file}: "${col}" must map values to targets`);
      for (const [v, t] of Object.entries(values as Record<string, unknown>)) {
        if (typeof t !== "string") throw new UsageError(`--map-file ${file}: ${col}.${v} must be a text target`);
        (out[col.toLowerCase()] ??= {})[v] = t;
      }
    }
  }
  for (const item of items) {
    const m = /^([^.=]+)\.([^=]*)=(.+)$/.exec(item.trim());
    if (m === null) throw new UsageError(`--map expects COLUMN.VALUE=TARGET, found "${item}"`);
    (out[m[1].toLowerCase()] ??= {})[m[2]] = m[3];
  }
  return out;
}

function readKey(file: string | undefined): string | undefined {
  if (file === undefined) return undefined;
  if (!existsSync(file)) throw new UsageError(`--key-file ${file}: not found`);
  return readFileSync(file, "utf8").trim();
}

export async function importCommand(argv: readonly string[]): Promise<number> {
  const { values, positionals } = parseArgs({
    args: [...argv],
    options: {
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
      years: { type: "string" },
      lang: { type: "string" },
    },
    allowPositionals: true,
  });
  if (values.format === undefined) throw new UsageError(`--format is required: one of ${IMPORT_FORMATS.join(", ")}`);
  const format = oneOf("format", values.format, IMPORT_FORMATS, "lpr3-a");
  if (values["print-url"] === true) {
    if (format !== "statbank-folk1a") throw new UsageError("--print-url is for --format statbank-folk1a");
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
  if (!input) throw new UsageError("import needs the register folder (or FOLK1A file): klynge import --format F IN --out DIR");
  if (values.out === undefined) throw new UsageError("import needs --out DIR");
  const out = values.out;
  if (!existsSync(input)) throw new UsageError(`not found: ${input}`);

  if (format === "statbank-folk1a") {
    const r = await importFolk1a(input, values.geography);
    mkdirSync(out, { recursive: true });
    await writePopulation(r.table, join(out, "population.csv"));
    writeFileSync(join(out, "import-report.txt"), r.text);
    console.log(r.text);
    console.log(`wrote ${join(out, "population.csv")} (${r.table.length} rows) and import-report.txt`);
    return r.ok ? 0 : 1;
  }

  if (!statSync(input).isDirectory()) throw new UsageError(`${format}: IN must be the folder holding ${basename(input)}, not the file (klynge import --format ${format} ${dirname(input)} --out DIR)`);
  const drgUnitPrice = values["drg-unit-price"] === undefined ? undefined : parseNumber("drg-unit-price", values["drg-unit-price"], 0);
  const key = readKey(values["key-file"]);
  const ds = await loadDataset(input, {
    format: format as RegisterFormat,
    codeMap: parseCodeMaps(values.map ?? [], values["map-file"]),
    ...(key === undefined ? {} : { pseudonymKey: key }),
    ...(values["cost-column"] === undefined ? {} : { costColumn: values["cost-column"] }),
    ...(drgUnitPrice === undefined ? {} : { drgUnitPrice }),
    ...(values.geography === undefined ? {} : { geography: values.geography }),
  });
  const files = await writeDataset(ds, out, { gzip: values.gzip === true });
  if (existsSync(join(input, "interventions"))) {
    cpSync(join(input, "interventions"), join(out, "interventions"), { recursive: true });
    files.push("interventions/");
  }
  const text = formatLoadReport(ds.report);
  writeFileSync(join(out, "import-report.txt"), text);
  console.log(text);
  console.log(`wrote ${files.join(", ")} and import-report.txt to ${out}`);
  return ds.report.ok ? 0 : 1;
}
