/** `klynge report [DIR] --out OUT`: the steering-paper pack (klynge's main job). */

import { parseArgs } from "node:util";
import { join, relative } from "node:path";
import { loadDataset, formatLoadReport } from "../../io/index.js";
import { computeIndicators, type IndicatorRow } from "../../indicators/index.js";
import type { Dataset } from "../../contract/dataset.js";
import { buildReport, demoDataDir, ReportError } from "../../report/index.js";
import { checkReplaceable } from "../../report/atomicOutput.js";
import { cliLang, isSafetyError } from "../../io/safetyMessages.js";
import { oneOf, parseInteger, UsageError } from "../args.js";

export const reportHelp = `klynge report [DIR] [--out OUT] [--lang da|en] [--min-count N] [--formats svg,png,pdf] [--dpi N] [--force]
  Builds the steering-paper pack from the dataset in DIR (default: the bundled demo region):
  OUT/report.html (self-contained), OUT/charts/*.svg|png|pdf and OUT/tables/*.csv (the data behind
  every chart). Counts below --min-count (default 5) are suppressed. The output is written
  atomically: a failed run leaves the previous report as it was. Default OUT: out/report.
  OUT is replaced only when it is new, empty, or a klynge report holding only klynge's files;
  --force replaces another folder (never the dataset, a folder holding it, or the current folder).`;

export const runHelp = `klynge run [DIR] [--out OUT] [--force]
  The main job: validates the dataset in DIR (default: the bundled demo), prints the load report,
  and builds the steering-paper report in OUT (default out/report; replaced as klynge report does).`;

interface ReportArgs {
  readonly dir: string;
  readonly out: string;
  readonly lang: "da" | "en";
  readonly minCount: number;
  readonly formats: ("svg" | "png" | "pdf")[];
  readonly dpi: number;
  readonly force: boolean;
}

function parseReportArgs(argv: readonly string[]): ReportArgs {
  const { values, positionals } = parseArgs({
    args: [...argv],
    options: {
      out: { type: "string" },
      lang: { type: "string" },
      "min-count": { type: "string" },
      formats: { type: "string" },
      dpi: { type: "string" },
      force: { type: "boolean" },
    },
    allowPositionals: true,
  });
  const dir = positionals[0] ?? demoDataDir();
  if (!dir) throw new UsageError("no dataset folder given and the bundled demo was not found");
  const formats = (values.formats ?? "svg,png,pdf").split(",").map((f) => oneOf("formats", f.trim(), ["svg", "png", "pdf"] as const, "svg"));
  return {
    dir,
    out: values.out ?? join("out", "report"),
    lang: oneOf("lang", values.lang, ["da", "en"] as const, cliLang()),
    minCount: parseInteger("min-count", values["min-count"], 5),
    formats,
    dpi: parseInteger("dpi", values.dpi, 300),
    force: values.force === true,
  };
}

async function writeReport(a: ReportArgs, dataset?: Dataset): Promise<number> {
  const started = Date.now();
  try {
    const result = await buildReport(a.dir, {
      outDir: a.out,
      lang: a.lang,
      minCount: a.minCount,
      formats: a.formats,
      dpi: a.dpi,
      force: a.force,
      ...(dataset ? { dataset } : {}),
      onProgress: (step, i, n) => process.stderr.write(`  [${i}/${n}] ${step}\n`),
    });
    for (const w of result.warnings) console.log(`warning: ${w}`);
    const where = relative(process.cwd(), result.outDir) || ".";
    console.log(`report written in ${((Date.now() - started) / 1000).toFixed(1)} s: ${join(where, "report.html")}`);
    console.log(`  ${result.charts.length} chart files in ${join(where, "charts")}, ${result.tables.length} tables in ${join(where, "tables")}`);
    return 0;
  } catch (err) {
    if (err instanceof ReportError) {
      console.error(`klynge report: ${err.message}`);
      return 1;
    }
    if (isSafetyError(err)) {
      console.error(`klynge report: ${err.text(a.lang)}`);
      return 1;
    }
    throw err;
  }
}

export async function reportCommand(argv: readonly string[]): Promise<number> {
  return writeReport(parseReportArgs(argv));
}

export async function runCommand(argv: readonly string[]): Promise<number> {
  const a = parseReportArgs(argv);
  // Refuse an OUT that may not be replaced before the (long) validation, not after it.
  try {
    checkReplaceable(a.out, { kind: "report", force: a.force, inputs: [a.dir] });
  } catch (err) {
    if (!isSafetyError(err)) throw err;
    console.error(`klynge run: ${err.text(a.lang)}`);
    return 1;
  }
  console.log(`klynge: validating ${relative(process.cwd(), a.dir) || a.dir}`);
  const dataset = await loadDataset(a.dir);
  console.log(formatLoadReport(dataset.report));
  console.log("");
  console.log(keyFigures(dataset));
  console.log("");
  console.log("klynge: building the steering-paper report");
  return writeReport(a, dataset);
}

/** A first summary: the latest complete year's key figures by cluster and for the region. */
function keyFigures(dataset: Dataset): string {
  const rows = computeIndicators(dataset, {
    levels: ["region", "cluster"],
    period: "year",
    groups: ["all", "65+"],
    sexes: ["all"],
    indicators: ["admission_rate", "readmission_30d", "preventable_admission_rate"],
  });
  const pick = (indicator: string, group: string): IndicatorRow[] => rows.filter((r) => r.indicator === indicator && r.group === group);
  const latest = (rs: readonly IndicatorRow[]): string | undefined => rs.map((r) => r.period).sort().at(-1);
  const columns = [
    { title: "admissions/1,000", rows: pick("admission_rate", "all"), digits: 1 },
    { title: "readmitted 65+ %", rows: pick("readmission_30d", "65+"), digits: 1 },
    { title: "preventable 65+/1,000", rows: pick("preventable_admission_rate", "65+"), digits: 1 },
  ].map((c) => ({ ...c, period: latest(c.rows) }));
  const units = [...new Set(rows.filter((r) => r.level === "cluster").map((r) => r.unit))].sort();
  const cell = (c: (typeof columns)[number], unit: string): string => {
    const r = c.rows.find((x) => x.unit === unit && x.period === c.period);
    const text = r === undefined ? "" : r.suppressed || r.value === null ? "suppressed" : r.value.toFixed(c.digits);
    return text.padStart(c.title.length + 2);
  };
  const regionUnit = rows.find((r) => r.level === "region")?.unit ?? "region";
  const head = `${"".padEnd(12)}${columns.map((c) => `${c.title} (${c.period ?? "–"})`.padStart(c.title.length + 9)).join("")}`;
  const lines = [...units, regionUnit].map((u) => `${u.padEnd(12)}${columns.map((c) => cell(c, u).padStart(c.title.length + 9)).join("")}`);
  return ["Key figures (latest complete year; intervals and all other indicators are in the report)", head, ...lines].join("\n");
}
