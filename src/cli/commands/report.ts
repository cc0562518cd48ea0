/** `klynge report [DIR] --out OUT`: the steering-paper pack (klynge's main job). */

import { mkdirSync } from "node:fs";
import { join, relative } from "node:path";
import { loadDataset, formatLoadReport, type TextEncodingOption } from "../../io/index.js";
import { TEXT_ENCODINGS } from "../../io/problemLog.js";
import { computeIndicators, DEFAULT_MIN_COUNT, type IndicatorRow } from "../../indicators/index.js";
import type { Dataset } from "../../contract/dataset.js";
import { buildReport, demoDataDir, ReportError } from "../../report/index.js";
import { oneOf, parseCommandArgs, parseInteger, parsePool, parsePracticeChanges, parseWorkers, requireOutFolder, UsageError } from "../args.js";
import { cliText, type CliLang } from "../cliMessages.js";
import { datasetGate, EXIT } from "../datasetGate.js";
import { cacheLine } from "../cacheLine.js";
import { checkReplaceable } from "../../report/atomicOutput.js";
import { cliLang, isSafetyError } from "../../io/safetyMessages.js";
import { FOCUS_AREA_IDS, type FocusArea } from "../../overview/focusAreas.js";

export const reportHelp = `klynge report [DIR] [--out OUT] [--lang da|en] [--focus AREA] [--municipalities] [--min-count N] [--pool M=H,…]
                [--formats svg,png,pdf] [--dpi N] [--force] [--practice-change "HOSPITAL=YYYY-MM-DD",…] [--allow-rejected]
                [--encoding auto|utf-8|windows-1252] [--no-cache] [--workers N]
  Builds the steering-paper pack from the dataset in DIR (default: the bundled demo region):
  OUT/report.html (self-contained), OUT/charts/*.svg|png|pdf and OUT/tables/*.csv (the data behind
  every chart). Counts below --min-count (default 5) are suppressed; --pool 741=751 publishes a
  small municipality together with a neighbour of its cluster instead ("Aarhus og Samsø"), so a
  large one is not hidden to protect it. --practice-change "HE Midt=2019-03-01" marks a dated change
  of registration practice at a registering hospital: its 0–2 registration rows say before/change/after. The output is written
  atomically: a failed run leaves the previous report as it was. Default OUT: out/report (out/ is
  made when missing); the folder holding an OUT you give must exist. A missing population.csv or an admissions.csv without rows is an
  error (exit 1); rejected rows stop the run (exit 3) unless --allow-rejected is given.
  OUT is replaced only when it is new, empty, or a klynge report holding only klynge's files;
  --force replaces another folder (never the dataset, a folder holding it, or the current folder).
  --lang sets the language of the report and of what the command prints. The first page holds the key
  messages and an overview with Making Data Count signals; --focus AREA makes the paper for one
  steering group's agenda (${FOCUS_AREA_IDS.join(", ")}: the first page's measures and the sections
  shown; default all); --municipalities lists the municipalities in the overview table too.
  The loaded dataset is kept in the cache (klynge help cache); --no-cache reads the files only.
  --workers N parses admissions.csv on N threads when it is read (default KLYNGE_WORKERS, else 2 for a
  file of 512 MiB or more on two cores, else 1).`;

export const runHelp = `klynge run [DIR] [--out OUT] [--lang da|en] [--allow-rejected] [--encoding auto|utf-8|windows-1252] [--force] [--no-cache] [--workers N]
  The main job: validates the dataset in DIR (default: the bundled demo), prints the load report,
  and builds the steering-paper report in OUT (default out/report; replaced as klynge report does).`;

interface ReportArgs {
  readonly dir: string;
  readonly out: string;
  readonly lang: "da" | "en";
  readonly minCount: number;
  readonly pool: Readonly<Record<string, string>> | undefined;
  readonly practiceChanges: readonly { hospital: string; from: string }[] | undefined;
  readonly formats: ("svg" | "png" | "pdf")[];
  readonly dpi: number;
  readonly allowRejected: boolean;
  readonly encoding: TextEncodingOption;
  readonly force: boolean;
  /** Use the dataset cache (false with --no-cache). */
  readonly cache: boolean;
  /** Threads that parse admissions.csv when it is read (--workers; undefined: the default). */
  readonly workers: number | undefined;
  readonly focus: FocusArea;
  readonly municipalities: boolean;
}

function parseReportArgs(argv: readonly string[]): ReportArgs {
  const { values, positionals } = parseCommandArgs(
    argv,
    {
      out: { type: "string" },
      lang: { type: "string" },
      "min-count": { type: "string" },
      pool: { type: "string" },
      "practice-change": { type: "string" },
      formats: { type: "string" },
      dpi: { type: "string" },
      "allow-rejected": { type: "boolean" },
      encoding: { type: "string" },
      force: { type: "boolean" },
      "no-cache": { type: "boolean" },
      focus: { type: "string" },
      municipalities: { type: "boolean" },
      workers: { type: "string" },
    },
    true,
  );
  if (positionals.length > 1) throw new UsageError("extraArgument", { found: positionals[1] });
  const dir = positionals[0] ?? demoDataDir();
  if (!dir) throw new UsageError("noDemo");
  const formats = (values.formats ?? "svg,png,pdf").split(",").map((f) => oneOf("formats", f.trim(), ["svg", "png", "pdf"] as const, "svg"));
  // An --out you give must be in a folder that exists; the default out/report is klynge's own.
  if (values.out !== undefined) requireOutFolder(values.out);
  else mkdirSync("out", { recursive: true });
  return {
    dir,
    out: values.out ?? join("out", "report"),
    lang: oneOf("lang", values.lang, ["da", "en"] as const, cliLang()),
    minCount: parseInteger("min-count", values["min-count"], DEFAULT_MIN_COUNT),
    pool: parsePool(values.pool),
    practiceChanges: parsePracticeChanges(values["practice-change"]),
    formats,
    dpi: parseInteger("dpi", values.dpi, 300),
    allowRejected: values["allow-rejected"] === true,
    encoding: oneOf("encoding", values.encoding, TEXT_ENCODINGS, "auto"),
    force: values.force === true,
    cache: values["no-cache"] !== true,
    workers: parseWorkers(values.workers),
    focus: oneOf("focus", values.focus, FOCUS_AREA_IDS, "all"),
    municipalities: values.municipalities === true,
  };
}

/** Load DIR and apply the dataset gate; the dataset, or the exit code after printing why. */
async function loadChecked(a: ReportArgs, command: string, show?: (d: Dataset) => void): Promise<Dataset | number> {
  const dataset = await loadDataset(a.dir, { encoding: a.encoding, ...(a.workers === undefined ? {} : { workers: a.workers }), ...(a.cache ? {} : { cache: false }) });
  show?.(dataset);
  const cached = cacheLine(dataset, a.lang);
  if (cached !== null) console.error(`klynge ${command}: ${cached}`);
  const gate = datasetGate(dataset, a.dir, a.lang, a.allowRejected);
  for (const line of gate.lines) console.error(`klynge ${command}: ${line}`);
  return gate.exit ?? dataset;
}

async function writeReport(a: ReportArgs, dataset: Dataset): Promise<number> {
  const started = Date.now();
  try {
    const result = await buildReport(a.dir, {
      outDir: a.out,
      lang: a.lang,
      minCount: a.minCount,
      ...(a.pool ? { pool: a.pool } : {}),
      ...(a.practiceChanges ? { practiceChanges: a.practiceChanges } : {}),
      formats: a.formats,
      dpi: a.dpi,
      dataset,
      force: a.force,
      focus: a.focus,
      municipalities: a.municipalities,
      onProgress: (step, i, n) => process.stderr.write(`${cliText(a.lang, "progress", { i, n, step })}\n`),
    });
    for (const w of result.warnings) console.log(cliText(a.lang, "reportWarning", { message: w }));
    const where = relative(process.cwd(), result.outDir) || ".";
    console.log(cliText(a.lang, "reportWritten", { seconds: decimal(((Date.now() - started) / 1000).toFixed(1), a.lang), file: join(where, "report.html") }));
    console.log(cliText(a.lang, "reportFiles", { charts: result.charts.length, chartDir: join(where, "charts"), tables: result.tables.length, tableDir: join(where, "tables") }));
    return EXIT.ok;
  } catch (err) {
    if (isSafetyError(err)) {
      console.error(`klynge report: ${err.text(a.lang)}`);
      return EXIT.error;
    }
    if (err instanceof ReportError) {
      console.error(`klynge report: ${err.message}`);
      return EXIT.error;
    }
    throw err;
  }
}

export async function reportCommand(argv: readonly string[]): Promise<number> {
  const a = parseReportArgs(argv);
  const dataset = await loadChecked(a, "report");
  return typeof dataset === "number" ? dataset : writeReport(a, dataset);
}

export async function runCommand(argv: readonly string[]): Promise<number> {
  const a = parseReportArgs(argv);
  // Refuse an OUT that may not be replaced before the (long) validation, not after it.
  try {
    checkReplaceable(a.out, { kind: "report", force: a.force, inputs: [a.dir] });
  } catch (err) {
    if (!isSafetyError(err)) throw err;
    console.error(`klynge run: ${err.text(a.lang)}`);
    return EXIT.error;
  }
  console.log(cliText(a.lang, "validating", { dir: relative(process.cwd(), a.dir) || a.dir }));
  const dataset = await loadChecked(a, "run", (d) => console.log(formatLoadReport(d.report, a.lang)));
  if (typeof dataset === "number") return dataset;
  console.log("");
  console.log(keyFigures(dataset, a.lang));
  console.log("");
  console.log(cliText(a.lang, "building"));
  return writeReport(a, dataset);
}

/** A first summary: the latest complete year's key figures by cluster and for the region. */
function keyFigures(dataset: Dataset, lang: CliLang): string {
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
    { title: cliText(lang, "kfAdmissions"), rows: pick("admission_rate", "all"), digits: 1 },
    { title: cliText(lang, "kfReadmitted"), rows: pick("readmission_30d", "65+"), digits: 1 },
    { title: cliText(lang, "kfPreventable"), rows: pick("preventable_admission_rate", "65+"), digits: 1 },
  ].map((c) => ({ ...c, period: latest(c.rows) }));
  const units = [...new Set(rows.filter((r) => r.level === "cluster").map((r) => r.unit))].sort();
  const number = (text: string): string => (lang === "da" ? text.replace(".", ",") : text);
  const cell = (c: (typeof columns)[number], unit: string): string => {
    const r = c.rows.find((x) => x.unit === unit && x.period === c.period);
    const text = r === undefined ? "" : r.suppressed || r.value === null ? cliText(lang, "kfSuppressed") : number(r.value.toFixed(c.digits));
    return text.padStart(c.title.length + 2);
  };
  const regionUnit = rows.find((r) => r.level === "region")?.unit ?? "region";
  const head = `${"".padEnd(12)}${columns.map((c) => `${c.title} (${c.period ?? "–"})`.padStart(c.title.length + 9)).join("")}`;
  const lines = [...units, regionUnit].map((u) => `${u.padEnd(12)}${columns.map((c) => cell(c, u).padStart(c.title.length + 9)).join("")}`);
  return [cliText(lang, "kfTitle"), head, ...lines].join("\n");
}

/** A number written with one decimal ("17.2") in the reader's language: a decimal comma in Danish. */
function decimal(fixed: string, lang: CliLang): string {
  return lang === "da" ? fixed.replace(".", ",") : fixed;
}
