/**
 * `buildReport(dataDir, options)`: the steering-paper pack — klynge's main job.
 *
 * Pipeline: loadDataset → prepareReportData (indicators, registration practice, the data group's
 * question tables) → interventions (DIR/interventions, or the bundled examples for the bundled
 * demo) → reportSections → render every chart (SVG always; PNG at 300 dpi and A4 page width;
 * PDF for the main charts) → tables/<id>.csv (the data behind every chart, suppressed) →
 * report.html (self-contained). Everything is written into a staging folder that replaces OUT only
 * when the whole job has succeeded (withAtomicDirectory): an interrupted or failed run leaves the
 * previous report intact, and the error names the step that failed.
 */
import { minCountOf } from "../indicators/indicatorOptions.js";
import { existsSync, statSync, writeFileSync, mkdirSync } from "node:fs";
import { basename, join, resolve } from "node:path";
import { renderPdf, renderPng, renderSvg, type Chart } from "../charts/index.js";
import type { Dataset } from "../contract/dataset.js";
import { writeTable } from "../interop/index.js";
import { loadDataset } from "../io/index.js";
import { packageRoot } from "../contract/packageRoot.js";
import { InterventionValidationError, loadInterventions, type Intervention } from "../spread/index.js";
import { maskPersonNumbers } from "../contract/personNumber.js";
import { isSafetyError } from "../io/safetyMessages.js";
import { withAtomicDirectory } from "./atomicOutput.js";
import { maskStrings } from "./maskStrings.js";
import type { PracticeChange } from "../indicators/registrationByHospital.js";
import { prepareReportData } from "./prepareReportData.js";
import { reportHtml, trimSvgNumbers } from "./reportHtml.js";
import { reportText, type ReportLang, type ReportTextKey } from "../text/catalogue.js";
import { reportSections } from "./reportSections.js";
import type { ReportChartItem, ReportMessagesItem, ReportProgress, ReportTableItem } from "./reportTypes.js";
import { FOCUS_AREA_IDS, isFocusArea, type FocusArea } from "../overview/focusAreas.js";

export type ReportFormat = "svg" | "png" | "pdf";

export interface BuildReportOptions {
  /** Output folder (default "report"). Replaced atomically. */
  readonly outDir?: string;
  /** "da" (default) or "en". */
  readonly lang?: ReportLang;
  /** Suppression threshold: counts below it are suppressed (default 5; 0 disables, with a warning in the report). */
  readonly minCount?: number;
  /**
   * Files per chart (default ["svg", "png", "pdf"]). SVG is always written (the HTML inlines it).
   * PDF is written for the main charts only unless `pdfAll` is set.
   */
  readonly formats?: readonly ReportFormat[];
  /** Write a PDF of every chart, not only the main ones (default false). */
  readonly pdfAll?: boolean;
  /** PNG resolution (default 300 dpi) at A4 page width (170 mm). */
  readonly dpi?: number;
  /**
   * Intervention descriptions: a folder, or false for none. Default: DIR/interventions when it
   * exists; for the bundled demo dataset, the bundled data/interventions.
   */
  readonly interventions?: string | false;
  /** Pooling: municipality code → the code it is published with (e.g. { "741": "751" }: Samsø with Aarhus). */
  readonly pool?: Readonly<Record<string, string>>;
  /**
   * Dated changes of registration practice at a registering hospital (issue 17, seed 002: "HE Midt
   * ønsker at lægge sig op ad Aarhus"): the 0–2 registration table marks each year before, of and
   * after the change. Example: [{ hospital: "HE Midt", from: "2019-03-01" }].
   */
  readonly practiceChanges?: readonly PracticeChange[];
  /** Progress: a message for step i of n. */
  readonly onProgress?: ReportProgress;
  /**
   * Replace an existing OUT that klynge did not write (default false: such a folder is refused, and
   * a klynge report holding files klynge did not write too). A folder that is or contains the
   * dataset or the interventions is never replaced.
   */
  readonly force?: boolean;
  /** The dataset of `dataDir`, already loaded (e.g. by `klynge run`, which validates first); loaded here when absent. */
  readonly dataset?: Dataset;
  /**
   * The steering group's agenda: "all" (default), "65+", "0-2", "admissions", "readmissions",
   * "preventable", "experience" or "cost" — the first page's measures and the sections shown.
   */
  readonly focus?: FocusArea;
  /** List the municipalities in the first page's overview table too (default false: region and clusters). */
  readonly municipalities?: boolean;
}

export interface BuildReportResult {
  /** Absolute path of the report folder. */
  readonly outDir: string;
  /** Chart files written, relative to outDir (e.g. "charts/funnel-readmission-65.svg"). */
  readonly charts: string[];
  /** Table files written, relative to outDir (e.g. "tables/funnel-readmission-65.csv"). */
  readonly tables: string[];
  /** Warnings (also shown in the report). */
  readonly warnings: string[];
}

/** Thrown when the report could not be made; the previous report is intact. */
export class ReportError extends Error {
  readonly step: string;
  constructor(message: string, step: string, cause: unknown) {
    super(message, { cause });
    this.name = "ReportError";
    this.step = step;
  }
}

/**
 * The bundled demo dataset folder (data/demo of the package), or null.
 * @example const dataset = await loadDataset(demoDataDir() ?? "data/demo")
 */
export function demoDataDir(): string | null {
  const root = packageRoot();
  return root === null ? null : join(root, "data", "demo");
}

function interventionFolder(dataDir: string, option: string | false | undefined): string | null {
  if (option === false) return null;
  if (typeof option === "string") return option;
  const own = join(dataDir, "interventions");
  if (existsSync(own)) return own;
  const root = packageRoot();
  const demo = demoDataDir();
  if (root !== null && demo !== null && resolve(demo) === resolve(dataDir)) {
    const bundled = join(root, "data", "interventions");
    if (existsSync(bundled)) return bundled;
  }
  return null;
}

function validate(options: BuildReportOptions, lang: ReportLang): void {
  if (options.lang !== undefined && options.lang !== "da" && options.lang !== "en") throw new RangeError(reportText("da", "err.badLang", { found: JSON.stringify(options.lang) }));
  const bad = (options.formats ?? []).filter((f) => f !== "svg" && f !== "png" && f !== "pdf");
  if (bad.length > 0) throw new RangeError(reportText(lang, "err.badFormats", { found: JSON.stringify(bad) }));
  if (options.focus !== undefined && !isFocusArea(options.focus)) throw new RangeError(reportText(lang, "err.badFocus", { found: JSON.stringify(options.focus), allowed: FOCUS_AREA_IDS.join(", ") }));
  const m = options.minCount;
  if (m !== undefined && (!Number.isInteger(m) || m < 0)) throw new RangeError(reportText(lang, "err.badMinCount", { found: String(m) }));
}

/**
 * Builds the steering-paper pack from a dataset folder.
 * @throws ReportError naming the failed step (the previous OUT is left unchanged); RangeError for bad options;
 *   SafetyError when OUT may not be replaced (see atomicOutput.ts; nothing is written)
 * @example
 * const { outDir, charts } = await buildReport("data/demo", { outDir: "report", onProgress: (s, i, n) => console.log(`[${i}/${n}] ${s}`) });
 */
export async function buildReport(dataDir: string, options: BuildReportOptions = {}): Promise<BuildReportResult> {
  const lang: ReportLang = options.lang ?? "da";
  validate(options, lang);
  const t = (key: ReportTextKey, params?: Readonly<Record<string, string | number>>) => reportText(lang, key, params);
  const outDir = resolve(options.outDir ?? "report");
  const minCount = minCountOf(options.minCount);
  const formats = new Set<ReportFormat>(options.formats ?? ["svg", "png", "pdf"]);
  formats.add("svg");
  const dpi = options.dpi ?? 300;
  // Progress in nine fixed phases, so the counter never jumps: [1/9] … [9/9]. The spread phase
  // repeats its number per intervention, the chart phase per chart with its own (k/K) counter.
  const PHASES = ["step.load", "step.interventions", "step.indicators", "step.registration", "step.questions", "step.spread", "step.chart", "step.tables", "step.html"] as const;
  const n = PHASES.length;
  let step = t("step.load");
  const progress = (key: ReportTextKey, params?: Readonly<Record<string, string | number>>) => {
    step = t(key, params);
    const phase = key === "step.spreadNone" ? "step.spread" : key;
    const i = PHASES.indexOf(phase as (typeof PHASES)[number]) + 1;
    options.onProgress?.(step, i, n);
  };
  const existedBefore = existsSync(outDir);

  const job = async (staging: string): Promise<BuildReportResult> => {
    progress("step.load");
    if (!existsSync(dataDir) || !statSync(dataDir).isDirectory()) throw new Error(t("err.notFolder", { dir: dataDir }));
    const dataset: Dataset = options.dataset ?? (await loadDataset(dataDir));
    const warnings: string[] = [];
    const errors = Object.entries(dataset.report.problemCounts)
      .filter(([code]) => dataset.report.problems.find((p) => p.code === code)?.severity !== "warning")
      .reduce((s, [, k]) => s + k, 0);
    if (errors > 0) warnings.push(t("warn.loadErrors", { n: errors }));

    progress("step.interventions");
    let interventions: readonly Intervention[] = [];
    const folder = interventionFolder(dataDir, options.interventions);
    if (folder !== null) {
      try {
        interventions = loadInterventions(folder).interventions;
      } catch (err) {
        warnings.push(t("warn.interventions", { message: err instanceof InterventionValidationError ? err.text(lang) : err instanceof Error ? err.message : String(err) }));
      }
    }

    const data = prepareReportData(dataset, {
      minCount,
      ...(options.pool ? { pool: options.pool } : {}),
      ...(options.practiceChanges ? { practiceChanges: options.practiceChanges } : {}),
      interventions,
      lang,
      onStep: (s) => progress(s === "indicators" ? "step.indicators" : s === "registration" ? "step.registration" : "step.questions"),
    });
    const sections = reportSections(data, {
      lang,
      minCount,
      ...(options.focus !== undefined ? { focus: options.focus } : {}),
      municipalities: options.municipalities === true,
      // one line per distinct warning (the same placebo comparison cluster in two interventions is said once)
      warn: (w) => {
        if (!warnings.includes(w)) warnings.push(w);
      },
      onSection: (id) => {
        if (id.startsWith("sec-intervention-")) progress("step.spread", { id: id.slice("sec-intervention-".length) });
        else if (id === "sec-interventions") progress("step.spreadNone");
      },
    });

    const chartItems = sections.flatMap((s) => s.items.filter((x): x is ReportChartItem => x.kind === "chart"));
    const tableItems = sections.flatMap((s) => s.items.filter((x): x is ReportTableItem => x.kind === "table"));
    const messageItems = sections.flatMap((s) => s.items.filter((x): x is ReportMessagesItem => x.kind === "messages"));

    mkdirSync(join(staging, "charts"), { recursive: true });
    mkdirSync(join(staging, "tables"), { recursive: true });
    const svgs = new Map<string, string>();
    const files = new Map<string, string[]>();
    const charts: string[] = [];
    for (const [k, item] of chartItems.entries()) {
      progress("step.chart", { id: item.id, k: k + 1, of: chartItems.length });
      const chart: Chart<unknown> = maskStrings(item.chart);
      const svg = trimSvgNumbers(await renderSvg(chart));
      svgs.set(item.id, svg);
      const written: string[] = [`charts/${item.id}.svg`];
      writeFileSync(join(staging, "charts", `${item.id}.svg`), svg);
      if (formats.has("png")) {
        writeFileSync(join(staging, "charts", `${item.id}.png`), await renderPng(chart, { dpi, preset: "page" }));
        written.push(`charts/${item.id}.png`);
      }
      if (formats.has("pdf") && (item.main || options.pdfAll === true)) {
        writeFileSync(join(staging, "charts", `${item.id}.pdf`), await renderPdf(chart, { preset: "page" }));
        written.push(`charts/${item.id}.pdf`);
      }
      charts.push(...written);
      files.set(item.id, written);
    }

    progress("step.tables");
    const tables: string[] = [];
    for (const item of [...messageItems, ...chartItems, ...tableItems]) {
      const rel = `tables/${item.id}.csv`;
      writeTable(maskStrings(item.csv), join(staging, rel));
      tables.push(rel);
    }

    progress("step.html");
    const html = reportHtml(
      {
        lang,
        title: t("doc.title"),
        subtitle: t("doc.subtitle"),
        period: `${data.firstYear}–${data.lastYear}`,
        dataset: basename(resolve(dataDir)),
        sections,
        warnings,
      },
      svgs,
      files,
    );
    writeFileSync(join(staging, "report.html"), maskPersonNumbers(html));
    return { outDir, charts, tables, warnings };
  };

  let result: BuildReportResult;
  try {
    const folder = interventionFolder(dataDir, options.interventions);
    const inputs = [dataDir, ...(folder === null ? [] : [folder])];
    result = await withAtomicDirectory(outDir, job, { kind: "report", force: options.force === true, inputs });
  } catch (err) {
    if (isSafetyError(err)) throw err;
    const message = err instanceof Error ? err.message : String(err);
    throw new ReportError(t(existedBefore ? "err.failed" : "err.failedNew", { step, message, out: outDir }), step, err);
  }
  options.onProgress?.(t("step.done", { dir: outDir }), n, n);
  return result;
}
