/** `klynge indicators DIR --out FILE`: the tidy indicator table as CSV, JSON or Arrow. */

import { extname } from "node:path";
import { computeIndicators, indicatorColumns, type Level } from "../../indicators/index.js";
import type { IndicatorPeriodKind } from "../../indicators/table.js";
import { DEFAULT_MIN_COUNT } from "../../indicators/indicatorOptions.js";
import { describeIndicators } from "../../indicators/descriptor.js";
import { INDICATOR_BOOLEAN_WORDS, INDICATOR_COLUMN_LABELS } from "../../indicators/columnLabels.js";
import { writeTable } from "../../interop/index.js";
import { tableFormatOf } from "../../interop/writeTable.js";
import { isOwnTable } from "../../interop/isOwnTable.js";
import { SafetyError } from "../../io/safetyMessages.js";
import { existsSync } from "node:fs";
import { loadDataset } from "../../io/index.js";
import { TEXT_ENCODINGS } from "../../io/problemLog.js";
import { oneOf, parseCommandArgs, parseGroups, parseInteger, parsePool, parseWorkers, requireOutFolder, UsageError } from "../args.js";
import { cliText, type CliLang } from "../cliMessages.js";
import { datasetGate } from "../datasetGate.js";
import { cacheLine } from "../cacheLine.js";

export const indicatorsHelp = `klynge indicators DIR --out FILE.csv|.json|.arrow [--level region|cluster|municipality[,…]]
                   [--period year|quarter|month] [--group 0-2,65+,all,…] [--min-count N]
                   [--registration harmonised|as-registered] [--pool M=H,…] [--excel] [--standardise] [--force]
                   [--allow-rejected] [--encoding auto|utf-8|windows-1252] [--no-cache] [--workers N]
  Computes every Triple Aim indicator as one tidy table (indicator, level, unit, period, group, sex,
  numerator, denominator, value, lower, upper, method, suppressed) and writes it. Counts below
  --min-count (default 5; 0 disables) are suppressed, with secondary suppression decided on every
  table klynge can publish, so separate calls never reveal more than one call. --pool 741=751
  publishes a small municipality with a neighbour of its cluster as one unit ("751+741"). --excel writes
  the Danish Excel CSV variant (semicolon, decimal comma, BOM, Danish headers, 2 decimals).
  The folder of FILE must exist. A missing population.csv or an admissions.csv without rows is an
  error (exit 1); rejected rows stop the run (exit 3) unless --allow-rejected is given.
  --encoding: how the CSV files are read (default auto: UTF-8, else Windows-1252 with a warning).
  The loaded dataset is kept in the cache (klynge help cache) and read from it while the input files
  are byte for byte the same; --no-cache reads the files and leaves the cache alone. --workers N
  parses admissions.csv on N threads when it is read (default KLYNGE_WORKERS, else 2 for a file of
  512 MiB or more on two cores, else 1; same result).
  An existing FILE is replaced only when it is an indicator table klynge wrote; --force replaces
  another file.`;

const LEVELS = ["region", "cluster", "municipality"] as const;

export async function indicatorsCommand(argv: readonly string[], lang: CliLang): Promise<number> {
  const { values, positionals } = parseCommandArgs(
    argv,
    {
      out: { type: "string" },
      level: { type: "string" },
      period: { type: "string" },
      group: { type: "string" },
      "min-count": { type: "string" },
      registration: { type: "string" },
      pool: { type: "string" },
      excel: { type: "boolean" },
      standardise: { type: "boolean" },
      force: { type: "boolean" },
      "allow-rejected": { type: "boolean" },
      encoding: { type: "string" },
      "no-cache": { type: "boolean" },
      workers: { type: "string" },
    },
    true,
  );
  const dir = positionals[0];
  if (!dir) throw new UsageError("needsDir", { command: "indicators", usage: "klynge indicators DIR --out FILE" });
  if (positionals.length > 1) throw new UsageError("extraArgument", { found: positionals[1] });
  if (!values.out) throw new UsageError("needsOut", { command: "indicators", what: "FILE (.csv, .json, .arrow)" });
  try {
    tableFormatOf(values.out);
  } catch {
    throw new UsageError("outFormat", { found: values.out });
  }
  if (values.excel && extname(values.out).toLowerCase() !== ".csv") throw new UsageError("excelNeedsCsv", { found: values.out });
  requireOutFolder(values.out);
  const levels: Level[] = values.level
    ? values.level.split(",").map((l) => oneOf("level", l.trim(), LEVELS, "cluster"))
    : [...LEVELS];
  const period: IndicatorPeriodKind = oneOf("period", values.period, ["year", "quarter", "month"] as const, "year");
  const groups = values.group ? parseGroups(values.group) : ["all", "0-2", "65+"];
  const minCount = parseInteger("min-count", values["min-count"], DEFAULT_MIN_COUNT);
  const registration = oneOf("registration", values.registration, ["harmonised", "as-registered"] as const, "harmonised");
  const encoding = oneOf("encoding", values.encoding, TEXT_ENCODINGS, "auto");

  // An existing FILE is replaced only when it is an indicator table klynge wrote (or with --force).
  const own = (labels: readonly string[]) => isOwnTable(values.out as string, labels);
  const da = INDICATOR_COLUMN_LABELS.da;
  if (existsSync(values.out) && values.force !== true && !own(["indicator", "level", "unit"]) && !own([da.indicator, da.level, da.unit])) {
    throw new SafetyError("out_file_exists", { path: values.out });
  }
  const workers = parseWorkers(values.workers);
  const dataset = await loadDataset(dir, { encoding, ...(workers === undefined ? {} : { workers }), ...(values["no-cache"] === true ? { cache: false } : {}) });
  const cached = cacheLine(dataset, lang);
  if (cached !== null) console.error(`klynge indicators: ${cached}`);
  const gate = datasetGate(dataset, dir, lang, values["allow-rejected"] === true);
  for (const line of gate.lines) console.error(`klynge indicators: ${line}`);
  if (gate.exit !== null) return gate.exit;
  const rows = computeIndicators(dataset, {
    levels,
    period,
    groups,
    minCount,
    registration,
    ...(values.pool ? { pool: parsePool(values.pool) } : {}),
    ...(values.standardise ? { standardise: { direct: "esp2013" as const, indirect: true } } : {}),
  });
  const columns = indicatorColumns(values.standardise === true);
  writeTable(rows, values.out, {
    csvVariant: values.excel ? "excel-da" : "standard",
    columns,
    metadata: describeIndicators(rows, columns),
    ...(values.excel ? { csv: { decimals: 2, headers: INDICATOR_COLUMN_LABELS.da, booleans: INDICATOR_BOOLEAN_WORDS.da } } : {}),
  });
  const suppressed = rows.filter((r) => r.suppressed).length;
  console.log(cliText(lang, "wroteIndicators", { rows: rows.length, file: values.out, suppressed, min: minCount }));
  return 0;
}
