/**
 * Computes everything the report shows, once: the indicator table (years and months; region,
 * clusters and municipalities; all sexes together; suppressed at `minCount`), the 0–2-year-olds'
 * admission rate under the "as-registered" rule (for the registration-practice chart, seed 002),
 * and the data group's question tables for the latest year (computed by the indicator engine, with
 * the same suppression as every other table). Stays are computed once and shared.
 */
import { minCountOf } from "../indicators/indicatorOptions.js";
import type { Dataset } from "../contract/dataset.js";
import { computeIndicators, INDICATOR_FAMILIES, prepareIndicators } from "../indicators/index.js";
import { publishedByYearOnly } from "../indicators/publishableLattice.js";
import { registrationByHospital, type PracticeChange } from "../indicators/registrationByHospital.js";
import type { Intervention } from "../spread/index.js";
import { reportQuestionTables } from "./reportQuestionTables.js";
import { periodKindOf, periodOf } from "../contract/period.js";
import type { ReportLang } from "../text/catalogue.js";
import type { ReportData } from "./reportSections.js";

export interface PrepareReportOptions {
  /** Suppression threshold (default 5; 0 disables). */
  readonly minCount?: number;
  readonly interventions?: readonly Intervention[];
  /** Pooling (IndicatorOptions.pool): municipality code → the code it is published with. */
  readonly pool?: Readonly<Record<string, string>>;
  /** Dated changes of registration practice by hospital (phases in the 0–2 section), e.g. HE Midt's. */
  readonly practiceChanges?: readonly PracticeChange[];
  /** Language of the labels inside the question tables (referral sources). */
  readonly lang?: ReportLang;
  /** Called before each computation step: "indicators", "registration", "questions". */
  readonly onStep?: (step: "indicators" | "registration" | "questions") => void;
}

/**
 * @example const data = prepareReportData(await loadDataset("data/demo"), { minCount: 5 });
 */
export function prepareReportData(dataset: Dataset, options: PrepareReportOptions = {}): ReportData {
  const minCount = minCountOf(options.minCount);
  options.onStep?.("indicators");
  const ctx = prepareIndicators(dataset, { period: ["year", "month"], sexes: ["all"], groups: ["all", "0-2", "65+"], minCount, ...(options.pool ? { pool: options.pool } : {}) });
  // Yearly tables at every level; monthly ones (trends, SPC, effects) for the region and the
  // clusters only, which is all the report shows by month: a monthly lattice without
  // municipalities is far cheaper to decide, and suppression gives every cell the same fate
  // whichever call publishes it (publishableLattice.ts), so the two calls publish what one would.
  const yearly = computeIndicators({ ...ctx, resolved: { ...ctx.resolved, periods: ["year"] } });
  // (families published by year or half-year only — cost, experience, questions — come with the
  // yearly call and are not computed again)
  const monthly = computeIndicators(
    { ...ctx, resolved: { ...ctx.resolved, periods: ["month"], levels: ctx.resolved.levels.filter((l) => l !== "municipality") } },
    { indicators: INDICATOR_FAMILIES.filter((f) => !publishedByYearOnly(f)) },
  );
  const indicators = [...yearly, ...monthly];
  options.onStep?.("registration");
  const registered = computeIndicators(dataset, {
    registration: "as-registered",
    indicators: ["admission_rate"],
    groups: ["0-2"],
    levels: ["cluster"],
    sexes: ["all"],
    period: "year",
    minCount,
    ...(options.pool ? { pool: options.pool } : {}),
  });
  const years = indicators.filter((r) => r.indicator === "admission_rate" && periodKindOf(r.period) === "year").map((r) => periodOf(r.period).year);
  if (years.length === 0) throw new Error("the dataset has no admissions in any year covered by its population table");
  const firstYear = Math.min(...years);
  const lastYear = Math.max(...years);
  options.onStep?.("questions");
  // the question tables of the indicator engine (the same suppression as every table), by sex for the age pyramid
  const questionRows = computeIndicators(
    { ...ctx, resolved: { ...ctx.resolved, levels: ["region"], periods: ["year"], sexes: ["all", "F", "M"], groups: ["65+", "0-2"] } },
    { indicators: ["questions"] },
  );
  const questions = reportQuestionTables(questionRows, { year: lastYear, group: "65+", lang: options.lang ?? "da" });
  // registration practice of the 0–2-year-olds by the registering hospital (seed 002)
  const practice = registrationByHospital(ctx, { group: "0-2", ...(options.practiceChanges ? { changes: options.practiceChanges } : {}) });
  return { dataset, indicators, registered, questions, questionRows, practice, interventions: options.interventions ?? [], firstYear, lastYear };
}
