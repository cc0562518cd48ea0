import { appendRows } from "./appendRows.js";
import type { Dataset } from "../contract/dataset.js";
import { admissionRate } from "./admissionRate.js";
import { costPerCitizen } from "./costPerCitizen.js";
import { experiencePositive } from "./experiencePositive.js";
import { focusAreaRates } from "./focusAreaRates.js";
import { prepareIndicators, type IndicatorContext } from "./indicatorContext.js";
import type { IndicatorOptions } from "./indicatorOptions.js";
import { publishableLattice, sliceOf } from "./publishableLattice.js";
import { preventableAdmissionRate } from "./preventableAdmissionRate.js";
import { readmission30d } from "./readmission30d.js";
import { questionTables } from "./questionTables.js";
import { markUnanswerable } from "./markUnanswerable.js";
import { suppressRows } from "./suppressTable.js";
import { warmLpWorkers } from "./lpWorker.js";
import { keptAnswerCount, withKeptAnswers } from "./keptSolverAnswers.js";
import { collectGarbage } from "./collectGarbage.js";
import type { IndicatorRow } from "./table.js";

/**
 * A context of its own with at least this many stays is collected before the suppression
 * (collectGarbage.ts). On ten national years (16 M stays): 0.1 GB less peak memory, for about
 * 0.13 s of collection and 0.5 s more suppression (V8 grows its heap again; docs/cache.md). A
 * region-year (about 0.3 M stays) is left to V8, whose next collection is cheap there.
 */
const COLLECT_FROM_STAYS = 1_000_000;

/** The indicator families computeIndicators knows, in output order. */
export const INDICATOR_FAMILIES = [
  "admission_rate",
  "readmission_30d",
  "preventable_admission_rate",
  "focus",
  "cost_per_citizen",
  "experience_positive",
  "questions",
] as const;
export type IndicatorFamily = (typeof INDICATOR_FAMILIES)[number];

/**
 * Every Triple Aim indicator of a dataset as one tidy table (issue 3): admission_rate,
 * readmission_30d, preventable_admission_rate, the focus areas, cost_per_citizen and
 * experience_positive, and the data group's question tables (questionTables), by the requested
 * levels, periods, groups and sexes, with standardised columns when asked, and suppressed (primary
 * and secondary) at `minCount` (default 5; 0 disables).
 *
 * Suppression is decided on the publishable lattice (publishableLattice.ts: every coarser level,
 * period and sex of the request, and the standard groups) and then the requested slice is
 * returned, so a published cell is the same whichever call publishes it: two calls give the same
 * values as one combined call. Stays and readmission links are computed once and shared. Pass a
 * context from `prepareIndicators` to reuse it across calls.
 * @example computeIndicators(dataset, { period: "quarter", groups: ["0-2", "65+"], minCount: 5 })
 */
export function computeIndicators(input: Dataset | IndicatorContext, options: IndicatorOptions = {}): IndicatorRow[] {
  if ("computed" in input) refuseIgnoredOptions(input, options);
  // Counted in a frame of its own, so that a context made there (its stays, links and cubes: about
  // 0.4 GB on ten national years) is garbage before the suppression, the call's largest allocation.
  const { rows, dataset, units, resolved, requested, lattice, ownStays } = countLattice(input, options);
  // that context's typed arrays are freed now rather than when V8 next collects, mid-suppression
  if (lattice !== null && ownStays >= COLLECT_FROM_STAYS) collectGarbage();
  const adverseGiven = { adverseEvents: dataset.adverseEvents !== null && dataset.adverseEvents !== undefined, careStatus: dataset.careStatus !== null && dataset.careStatus !== undefined };
  if (lattice === null) return markUnanswerable(rows, dataset.report, adverseGiven);
  const clusterOf = new Map(units.flatMap((u) => (u.level === "municipality" && u.cluster !== undefined ? [[u.name, u.cluster] as const] : [])));
  // the rows are this call's own; the solver's answers kept with a cached dataset are used and added to
  withKeptAnswers(dataset, () => suppressRows(rows, { minCount: resolved.minCount, clusterOf }, true));
  // what the extract cannot answer says so (after suppression: it only blanks rows)
  return markUnanswerable(sliceOf(rows, resolved, requested, resolved.questionLevels), dataset.report, adverseGiven);
}

/**
 * The rows of the requested families on the request's publishable lattice (on the request alone
 * when nothing is suppressed), and what the caller needs after them.
 */
function countLattice(input: Dataset | IndicatorContext, options: IndicatorOptions) {
  const own = !("computed" in input);
  const base = own ? prepareIndicators(input, options) : input;
  const { dataset, units, resolved } = base;
  const requested = new Set<string>(options.indicators ?? base.options.indicators ?? INDICATOR_FAMILIES);
  const lattice = resolved.minCount === 0 ? null : publishableLattice(resolved, requested);
  // HiGHS loads in its threads while the counts are computed, unless answers kept with the dataset
  // will likely spare the solver (it then starts at its first program, if any)
  if (lattice !== null && keptAnswerCount(dataset) === 0) warmLpWorkers();
  const ctx: IndicatorContext = lattice === null ? base : { ...base, resolved: lattice.resolved };
  const wanted = lattice === null ? requested : lattice.families;
  const rows: IndicatorRow[] = [];
  if (wanted.has("admission_rate")) appendRows(rows, admissionRate(ctx));
  if (wanted.has("readmission_30d")) appendRows(rows, readmission30d(ctx));
  if (wanted.has("preventable_admission_rate")) appendRows(rows, preventableAdmissionRate(ctx));
  if (wanted.has("focus")) appendRows(rows, focusAreaRates(ctx));
  if (wanted.has("cost_per_citizen")) appendRows(rows, costPerCitizen(ctx));
  if (wanted.has("experience_positive")) appendRows(rows, experiencePositive(ctx.dataset, { ...ctx.options, levels: ctx.resolved.levels }));
  if (wanted.has("questions")) appendRows(rows, questionTables(ctx));
  return { rows, dataset, units, resolved, requested, lattice, ownStays: own ? base.computed.stays.length : 0 };
}

/**
 * A prepared context fixes every option but `indicators`; an option given again with another value
 * would be ignored without a word (a `minCount: 0` would still suppress), so it is refused instead.
 * A programming error, so the message is English, like the layer's other argument errors.
 */
function refuseIgnoredOptions(ctx: IndicatorContext, options: IndicatorOptions): void {
  const own = ctx.options as Readonly<Record<string, unknown>>;
  const differing = Object.entries(options).filter(([key, value]) => key !== "indicators" && value !== undefined && JSON.stringify(value) !== JSON.stringify(own[key]));
  if (differing.length > 0)
    throw new Error(
      `computeIndicators: ${differing.map(([k]) => k).join(", ")} given with a prepared context, which already fixes them; pass them to prepareIndicators(dataset, options) instead (only "indicators" may be chosen per call)`,
    );
}
