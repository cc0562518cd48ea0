/**
 * The publishable lattice of a request: what klynge computes and suppresses so that a cell's fate
 * does not depend on the call (issue 12). Suppression is decided from coarse to fine
 * (disclosureModel.ts), so it is enough to add everything coarser than what is asked for:
 * levels up to the region (municipality → cluster → region), periods up to the year (month →
 * quarter → year), the standard groups (all, 0-2, 65+), and the admission counts that the question
 * tables' totals are. Both sexes and their total are always computed, whatever sexes a call asks
 * for: they are decided as one class (disclosureModel.ts), so that a count by sex can be protected
 * by hiding a count of both sexes, and a call for both sexes together must then know the counts
 * by sex to publish what a call by sex publishes. The requested slice is cut out afterwards
 * (sliceOf), with no rows the call did not ask for.
 */
import { STANDARD_GROUPS } from "./disclosureModel.js";
import type { ResolvedOptions, SexFilter } from "./indicatorOptions.js";
import { periodKindOf } from "../contract/period.js";
import type { IndicatorRow, Level, IndicatorPeriodKind } from "./table.js";

export interface Lattice {
  readonly resolved: ResolvedOptions;
  readonly families: ReadonlySet<string>;
}

/** The request widened to its publishable lattice. */
export function publishableLattice(resolved: ResolvedOptions, families: ReadonlySet<string>): Lattice {
  const has = (l: Level) => resolved.levels.includes(l);
  const levels: Level[] = ["region"];
  if (has("cluster") || has("municipality")) levels.push("cluster");
  if (has("municipality")) levels.push("municipality");
  const hasP = (p: IndicatorPeriodKind) => resolved.periods.includes(p);
  const periods: IndicatorPeriodKind[] = ["year"];
  if (hasP("quarter") || hasP("month")) periods.push("quarter");
  if (hasP("month")) periods.push("month");
  const sexes: SexFilter[] = ["all", "F", "M"];
  const groups = [...resolved.groups, ...STANDARD_GROUPS.filter((g) => !resolved.groups.includes(g))];
  const wanted = new Set(families);
  if (wanted.has("questions")) wanted.add("admission_rate");
  return { resolved: { ...resolved, levels, periods, sexes, groups }, families: wanted };
}

/** The family (INDICATOR_FAMILIES) of an indicator id. */
export function familyOf(indicator: string): string {
  if (indicator === "admission_rate" || indicator === "readmission_30d" || indicator === "preventable_admission_rate") return indicator;
  // a target population's (admission_rate@medical): the family of the unrestricted indicator
  if (indicator.startsWith("admission_rate@")) return "admission_rate";
  if (indicator.startsWith("readmission_30d@")) return "readmission_30d";
  if (indicator.startsWith("focus_")) return "focus";
  if (indicator.startsWith("cost_per_citizen")) return "cost_per_citizen";
  if (indicator.startsWith("experience_positive")) return "experience_positive";
  return "questions";
}

/** Families published by year only (their rows appear whatever periods were asked for). */
const YEARLY = new Set(["cost_per_citizen", "experience_positive", "questions"]);

/**
 * Whether a family is published by year (or half-year) only, whatever periods a call asks for.
 * @example publishedByYearOnly("questions") // true
 */
export function publishedByYearOnly(family: string): boolean {
  return YEARLY.has(family);
}

/**
 * The requested slice of a lattice's rows: requested levels, periods, groups, sexes and families
 * only (question tables at `questionLevels`, default region and cluster, within the levels).
 */
export function sliceOf(rows: IndicatorRow[], requested: ResolvedOptions, families: ReadonlySet<string>, questionLevels?: readonly Level[]): IndicatorRow[] {
  const qLevels = questionLevels ?? ["region", "cluster"];
  const familyMemo = new Map<string, string>();
  let w = 0;
  for (let i = 0; i < rows.length; i++) {
    const r = rows[i];
    let f = familyMemo.get(r.indicator);
    if (f === undefined) familyMemo.set(r.indicator, (f = familyOf(r.indicator)));
    if (!families.has(f)) continue;
    if (!requested.levels.includes(r.level) || !requested.sexes.includes(r.sex) || !requested.groups.includes(r.group)) continue;
    if (f === "questions" && !qLevels.includes(r.level)) continue;
    if (!publishedByYearOnly(f) && !requested.periods.includes(periodKindOf(r.period) as IndicatorPeriodKind)) continue;
    rows[w++] = r;
  }
  rows.length = w;
  return rows;
}
