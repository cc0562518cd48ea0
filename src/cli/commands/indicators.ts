/** `klynge indicators DIR --out FILE`: the tidy indicator table as CSV, JSON or Arrow. */

import { parseArgs } from "node:util";
import { computeIndicators, type Level, type PeriodKind } from "../../indicators/index.js";
import { writeTable, tableFormatOf } from "../../interop/index.js";
import { isOwnTable } from "../../interop/isOwnTable.js";
import { SafetyError } from "../../io/safetyMessages.js";
import { existsSync } from "node:fs";
import { loadDataset } from "../../io/index.js";
import { oneOf, parseInteger, UsageError } from "../args.js";

export const indicatorsHelp = `klynge indicators DIR --out FILE.csv|.json|.arrow [--level region|cluster|municipality[,…]]
                   [--period year|quarter|month] [--group 0-2,65+,all,…] [--min-count N]
                   [--registration harmonised|as-registered] [--excel] [--standardise] [--force]
  Computes every Triple Aim indicator as one tidy table (indicator, level, unit, period, group, sex,
  numerator, denominator, value, lower, upper, method, suppressed) and writes it. Counts below
  --min-count (default 5; 0 disables) are suppressed, with secondary suppression. --excel writes
  the Danish Excel CSV variant (semicolon, decimal comma, BOM). An existing FILE is replaced only
  when it is an indicator table klynge wrote; --force replaces another file.`;

const LEVELS = ["region", "cluster", "municipality"] as const;

export async function indicatorsCommand(argv: readonly string[]): Promise<number> {
  const { values, positionals } = parseArgs({
    args: [...argv],
    options: {
      out: { type: "string" },
      level: { type: "string" },
      period: { type: "string" },
      group: { type: "string" },
      "min-count": { type: "string" },
      registration: { type: "string" },
      excel: { type: "boolean" },
      standardise: { type: "boolean" },
      force: { type: "boolean" },
    },
    allowPositionals: true,
  });
  const dir = positionals[0];
  if (!dir) throw new UsageError("indicators needs a dataset folder: klynge indicators DIR --out FILE");
  if (!values.out) throw new UsageError("indicators needs --out FILE (.csv, .json or .arrow)");
  try {
    tableFormatOf(values.out);
  } catch (e) {
    throw new UsageError((e as Error).message);
  }
  const levels: Level[] = values.level
    ? values.level.split(",").map((l) => oneOf("level", l.trim(), LEVELS, "cluster"))
    : [...LEVELS];
  const period: PeriodKind = oneOf("period", values.period, ["year", "quarter", "month"] as const, "year");
  const groups = values.group ? values.group.split(",").map((g) => g.trim()).filter(Boolean) : ["all", "0-2", "65+"];
  const minCount = parseInteger("min-count", values["min-count"], 5);
  const registration = oneOf("registration", values.registration, ["harmonised", "as-registered"] as const, "harmonised");

  // An existing FILE is replaced only when it is an indicator table klynge wrote (or with --force).
  if (existsSync(values.out) && values.force !== true && !isOwnTable(values.out, ["indicator", "level", "unit"])) {
    throw new SafetyError("out_file_exists", { path: values.out });
  }
  const dataset = await loadDataset(dir);
  const { tables } = dataset.report;
  const rejected = tables.reduce((s, t) => s + t.rowsRejected, 0);
  if (rejected > 0) console.error(`note: ${rejected} rows were rejected while loading (run klynge validate ${dir} for the list)`);
  const rows = computeIndicators(dataset, {
    levels,
    period,
    groups,
    minCount,
    registration,
    ...(values.standardise ? { standardise: { direct: "esp2013" as const, indirect: true } } : {}),
  });
  writeTable(rows, values.out, { csvVariant: values.excel ? "excel-da" : "standard" });
  const suppressed = rows.filter((r) => r.suppressed).length;
  console.log(`wrote ${rows.length} indicator rows to ${values.out} (${suppressed} suppressed below ${minCount})`);
  return 0;
}
