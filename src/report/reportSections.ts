/**
 * The report's content as data: sections by Triple Aim dimension and focus area, each chart with
 * its key table and the data behind it. Pure: takes the computed indicator tables (see
 * prepareReportData) and returns sections; the HTML and the files are written by buildReport.
 * Notebooks can call it to reuse single sections or charts.
 *
 * Each section is a recipe in src/report/sections/ (which rows → which chart and table); this file
 * lists them in the steering paper's order and puts the first page before them.
 */
import { minCountOf } from "../indicators/indicatorOptions.js";
import { FOCUS_AREAS, type FocusArea } from "../overview/focusAreas.js";
import { text, type ReportLang } from "../text/catalogue.js";
import { overviewSection } from "./overviewSection.js";
import type { ReportSection } from "./reportTypes.js";
import { ABOUT } from "./sections/about.js";
import { COMPARISON } from "./sections/comparison.js";
import { sectionCtx, unitLabel, type ReportData } from "./sections/context.js";
import { COST } from "./sections/cost.js";
import { EXPERIENCE } from "./sections/experience.js";
import { FOCUS_AREA_SECTIONS } from "./sections/focusAreas.js";
import { INTERVENTIONS } from "./sections/interventions.js";
import { POPULATION_HEALTH } from "./sections/populationHealth.js";
import { runRecipes, type SectionPart } from "./sections/recipe.js";

export type { ReportData } from "./sections/context.js";
export { slug } from "./sections/context.js";

export interface ReportSectionOptions {
  readonly lang?: ReportLang;
  /** Suppression threshold used for the indicators (for the notes); default 5. */
  readonly minCount?: number;
  /** Collects a warning for each chart or section left out because it could not be built. */
  readonly warn?: (message: string) => void;
  /** Called as each part is built (for progress output). */
  readonly onSection?: (id: string) => void;
  /**
   * The steering group's agenda (`klynge report --focus 65+`): the first page's measures and the
   * sections shown (default "all": every section). The definitions, suppression and load sections
   * are always shown.
   */
  readonly focus?: FocusArea;
  /** List the municipalities in the first page's overview table too (default false). */
  readonly municipalities?: boolean;
}

/**
 * The steering paper's table of contents: population health (admissions, 30-day readmissions,
 * preventable admissions 65+) → focus areas (0–2 with the registration-practice difference; 65+
 * fractures, lower respiratory infections, unspecific diagnoses; who/from where/when; one section
 * per focus area) → experience → cost per citizen → comparison across units (funnel plots,
 * caterpillar, SPC with phases at intervention starts) → each intervention's spread analysis →
 * definitions, suppression note, load report.
 */
const REPORT_PARTS: readonly SectionPart[] = [...POPULATION_HEALTH, ...FOCUS_AREA_SECTIONS, EXPERIENCE, COST, ...COMPARISON, INTERVENTIONS, ...ABOUT];

/**
 * The report's sections from the computed data.
 * @example const sections = reportSections(await prepareReportData(dataset), { lang: "da" });
 */
export function reportSections(input: ReportData, options: ReportSectionOptions = {}): ReportSection[] {
  const lang = options.lang ?? "da";
  // Interventions are named in Danish (the seeds are Danish); an English report reads the English
  // name and description where the file gives them beside the Danish ones.
  const data: ReportData =
    lang === "en" ? { ...input, interventions: input.interventions.map((iv) => ({ ...iv, name: iv.name_en ?? iv.name, description: iv.description_en ?? iv.description })) } : input;
  const ctx = sectionCtx(data, lang, minCountOf(options.minCount), options.warn ?? (() => undefined));
  const focus: FocusArea = options.focus ?? "all";
  if (!Object.hasOwn(FOCUS_AREAS, focus)) throw new RangeError(ctx.t("err.badFocus", { found: JSON.stringify(focus), allowed: Object.keys(FOCUS_AREAS).join(", ") }));
  const step = (id: string) => options.onSection?.(id);
  const sections = runRecipes(ctx, REPORT_PARTS, focus, step);
  // The first page last (it links to the charts above and reuses their effect estimates), shown first.
  step("sec-overview");
  const overview = overviewSection(data, {
    lang,
    minCount: ctx.minCount,
    focus,
    municipalities: options.municipalities === true,
    effects: ctx.effects,
    charts: ctx.charts,
    unitName: (level, unit) => (level === "region" ? text(lang, "ov.region") : level === "municipality" ? unitLabel(ctx, { level, unit }) : unit),
    firstPhaseLabel: ctx.t("t.phaseBefore"),
    period: ctx.period,
  });
  return [overview, ...sections];
}
