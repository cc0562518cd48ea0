/**
 * The indicator rows the Triple Aim analysis of an intervention needs, computed from a dataset by
 * the indicator engine (computeIndicators): cluster level, monthly (cost per citizen and
 * experience come in the periods they have), the targets' population groups, sex "all", no
 * suppression (the analysis reports rates, intervals and model estimates per cluster; suppress
 * small counts before publishing its tables).
 *
 * The target population's `diagnosis_groups` (e.g. `medical`, data/diagnosis-groups/) restrict
 * admission_rate and readmission_30d to stays with a primary diagnosis in the groups (names not
 * found in the shipped group files are ignored; none found: the whole age group).
 *
 * Target indicator ids are the engine's own ids (KNOWN_INDICATORS); SPREAD_INDICATOR_ALIASES
 * still reads the older, longer focus-area ids of earlier intervention files.
 */
import type { Dataset } from "../contract/dataset.js";
import { computeIndicators } from "../indicators/index.js";
import { resolveDiagnosisGroups } from "../indicators/diagnosisGroupFiles.js";
import type { IndicatorRow } from "../indicators/index.js";
import type { Intervention } from "./interventionSchema.js";

/** Spread-model indicator id → the indicator engine's id, where they differ. */
export const SPREAD_INDICATOR_ALIASES: Readonly<Record<string, string>> = {
  focus_fractures_65: "focus_fractures",
  focus_lower_respiratory_65: "focus_lower_respiratory_infections",
  focus_unspecific_65: "focus_unspecific",
  admissions_0_2: "focus_admissions_0_2",
};

/** Indicator family of computeIndicators for an indicator id, or null when it is not the engine's. */
function familyOf(indicator: string): string | null {
  const id = SPREAD_INDICATOR_ALIASES[indicator] ?? indicator;
  if (id.startsWith("focus_")) return "focus";
  if (id.startsWith("experience_positive")) return "experience_positive";
  if (id.startsWith("cost_per_citizen")) return "cost_per_citizen";
  return ["admission_rate", "readmission_30d", "preventable_admission_rate"].includes(id) ? id : null;
}

/** Input of the analysis functions: a dataset, or an indicator table already computed. */
export type TripleAimInput = Dataset | readonly IndicatorRow[];

/**
 * @param options.targets only the indicators of these target ids (default every target)
 * @param options.levels geographic levels (default cluster; pilots need municipality)
 * @example interventionIndicatorRows(frail, await loadDataset("data/demo"))
 */
export function interventionIndicatorRows(
  intervention: Intervention,
  dataset: Dataset,
  options: { readonly targets?: readonly string[]; readonly levels?: readonly ("region" | "cluster" | "municipality")[] } = {},
): IndicatorRow[] {
  const targets = intervention.targets.filter((t) => options.targets === undefined || options.targets.includes(t.id));
  const families = [...new Set(targets.map((t) => familyOf(t.indicator)).filter((f): f is string => f !== null))];
  if (families.length === 0) return [];
  const groups = [...new Set(["all", ...targets.map((t) => t.group)])];
  // the target population's diagnosis groups restrict admission_rate and readmission_30d (issue 17)
  const target = resolveDiagnosisGroups(intervention.target_population.diagnosis_groups);
  const rows = computeIndicators(dataset, {
    levels: options.levels ?? ["cluster"],
    period: "month",
    groups,
    sexes: ["all"],
    minCount: 0,
    indicators: families,
    ...(target.groups.length > 0 ? { diagnosisGroups: target.groups } : {}),
  });
  if (target.groups.length === 0) return rows;
  // This unsuppressed analysis table is the intervention's own: its targets name the plain ids.
  const suffix = `@${target.groups.map((g) => g.group).join("+")}`;
  return rows.map((r) => (r.indicator.endsWith(suffix) ? { ...r, indicator: r.indicator.slice(0, -suffix.length) } : r));
}

/** The indicator table of an analysis input. */
export function indicatorRowsOf(
  intervention: Intervention,
  input: TripleAimInput,
  targets?: readonly string[],
): readonly IndicatorRow[] {
  return Array.isArray(input)
    ? (input as readonly IndicatorRow[])
    : interventionIndicatorRows(intervention, input as Dataset, targets ? { targets } : {});
}
