/**
 * `overviewTable(indicators, options)`: the steering paper's overview — one row per measure
 * (indicator × population group) × unit (the region and its clusters; municipalities on request)
 * with the latest value and its interval, the change from the baseline, the Making Data Count
 * variation signal of the latest point, the assurance signal against a target, the position in the
 * latest funnel plot and the interventions (with their phase) the unit takes part in.
 *
 * Method, per measure × unit:
 * - value: the unit's row of the latest period of the measure at its level (years; half-years for
 *   half-yearly measures; readmissions end a year early when the last year lacks follow-up);
 * - change: value − the value of the baseline period (option `baseline`, default the first period);
 * - variation: {@link variationSignal} of {@link unitSpcChart} (the chart the report's SPC section
 *   draws: months where the table has them, phases at intervention starts in the unit);
 * - assurance: {@link assuranceSignal} of the target against that chart's latest process limits.
 *   Targets: those the user states (`targets`), else the Triple Aim targets of the interventions the
 *   unit has adopted (target value as the intervention's Triple Aim status computes it:
 *   target_value, or the unit's baseline × (1 + relative_change));
 * - funnel: the unit's class at 95 % and 99.8 % in the funnel plot of its level's units in the
 *   latest period (funnelPlotData, Spiegelhalter overdispersion as the report's funnel plots);
 * - interventions: adoptions in the unit of interventions with a target on the measure.
 *
 * Suppression: a suppressed row counts as missing everywhere — its value, numerator and
 * denominator are never read (the value is shown as suppressed, the SPC series has a gap, the
 * funnel leaves the unit out, a baseline sum skips it). Every signal therefore comes from
 * published cells only, and reveals nothing that the published tables do not.
 *
 * @example overviewTable(computeIndicators(dataset, { period: ["year", "month"] }), { focus: "65+" }).rows
 */
import { funnelPlotData, type FunnelResult } from "../compare/index.js";
import { comparePeriods, periodKindOf, periodOf, type PeriodKind } from "../contract/period.js";
import type { IndicatorRow } from "../indicators/index.js";
import { assuranceSignal, latestLimits } from "../spc/assuranceSignal.js";
import { variationSignal } from "../spc/variationSignal.js";
import { tripleAimStatus, type Intervention } from "../spread/index.js";
import { focusMeasures, type FocusArea, type OverviewMeasure } from "./focusAreas.js";
import { measureInfo, type MeasureInfo } from "./measureInfo.js";
import type { FunnelPosition, OverviewIntervention, OverviewResult, OverviewRow, TargetSource } from "./overviewTypes.js";
import { interventionPhases, unitSpcChart } from "./unitSpcChart.js";

/** A target the user states for a measure (on the measure's scale), for all units or the ones named. */
export interface OverviewTarget {
  readonly indicator: string;
  readonly group: string;
  readonly value: number;
  readonly units?: readonly string[];
}

export interface OverviewOptions {
  /** Measures (default: those of `focus`). */
  readonly measures?: readonly OverviewMeasure[];
  /** Focus area whose measures to show (default "all"). */
  readonly focus?: FocusArea;
  /** Levels (default region and cluster; add "municipality" for municipalities). */
  readonly levels?: readonly IndicatorRow["level"][];
  /** Baseline period (a period label of the value periods, e.g. "2016"); default the first. */
  readonly baseline?: string;
  /** Interventions: phases in the SPC series, targets and the intervention column. */
  readonly interventions?: readonly Intervention[];
  /** Targets the user states; they win over an intervention's target of the same measure and unit. */
  readonly targets?: readonly OverviewTarget[];
  /** Label of the SPC points before the first intervention start (default "Før"). */
  readonly firstPhaseLabel?: string;
}

/** Period kinds from the finest (the SPC series) to the coarsest (the value column). */
const KIND_ORDER: readonly PeriodKind[] = ["month", "quarter", "half", "year"];

const LEVEL_ORDER: Record<IndicatorRow["level"], number> = { region: 0, cluster: 1, municipality: 2 };

/** A suppressed row as published: its counts, value and interval blank (never read). */
function published(r: IndicatorRow): IndicatorRow {
  return r.suppressed ? { ...r, numerator: null, denominator: null, value: null, lower: null, upper: null } : r;
}

function funnelPosition(result: FunnelResult | null, unit: string): FunnelPosition | null {
  const u = result?.units.find((x) => x.unit === unit);
  if (!u) return null;
  const at = (level: number) => u.classes.find((c) => Math.abs(c.level - level) < 1e-9)?.class ?? "not_significant";
  const c998 = at(0.998);
  const c95 = at(0.95);
  if (c998 === "high") return "above_998";
  if (c998 === "low") return "below_998";
  if (c95 === "high") return "above_95";
  if (c95 === "low") return "below_95";
  return "within";
}

function levelFunnel(rows: readonly IndicatorRow[], info: MeasureInfo): FunnelResult | null {
  if (info.kind === "amount") return null;
  const usable = rows.filter((r) => !r.suppressed && r.numerator !== null && r.denominator !== null && r.denominator > 0);
  if (usable.length < 2) return null;
  try {
    return funnelPlotData(
      usable.map((r) => ({ unit: r.unit, numerator: info.kind === "proportion" ? Math.min(r.numerator as number, r.denominator as number) : (r.numerator as number), denominator: r.denominator as number })),
      { type: info.kind, multiplier: info.multiplier, overdispersion: true },
    );
  } catch {
    return null;
  }
}

function sameMeasure(targetIndicator: string, indicator: string): boolean {
  return targetIndicator === indicator;
}

/** Intervention targets by unit for one measure: target value and source (adopting clusters only). */
function interventionTargets(interventions: readonly Intervention[], m: OverviewMeasure, clusterRows: readonly IndicatorRow[]): Map<string, { value: number; source: TargetSource }> {
  const out = new Map<string, { value: number; source: TargetSource }>();
  for (const iv of interventions) {
    const targets = iv.targets.filter((t) => sameMeasure(t.indicator, m.indicator) && t.group === m.group);
    if (targets.length === 0 || !iv.adoptions.some((a) => a.municipality === undefined && a.hospital === undefined)) continue;
    let status;
    try {
      status = tripleAimStatus({ ...iv, targets }, clusterRows);
    } catch {
      continue;
    }
    for (const r of status.rows)
      if (r.role === "adopting" && r.targetValue !== null && !out.has(r.unit)) out.set(r.unit, { value: r.targetValue, source: { kind: "intervention", intervention: iv.id, target: r.target } });
  }
  return out;
}

function unitInterventions(interventions: readonly Intervention[], m: OverviewMeasure, level: IndicatorRow["level"], unit: string): OverviewIntervention[] {
  const out: OverviewIntervention[] = [];
  if (level === "region") return out;
  for (const iv of interventions) {
    if (!iv.targets.some((t) => sameMeasure(t.indicator, m.indicator) && t.group === m.group)) continue;
    for (const a of iv.adoptions) {
      const mine = level === "cluster" ? a.cluster === unit && a.municipality === undefined && a.hospital === undefined : a.municipality !== undefined && String(a.municipality) === unit;
      if (mine) out.push({ id: iv.id, name: iv.name, phase: a.phase, start: a.start });
    }
  }
  return out.sort((a, b) => a.start.localeCompare(b.start));
}

/**
 * The overview table (see the module comment).
 * @example overviewTable(computeIndicators(dataset, { period: ["year", "month"] }), { focus: "65+", interventions }).rows
 * @throws RangeError for an unknown level
 */
export function overviewTable(indicators: readonly IndicatorRow[], options: OverviewOptions = {}): OverviewResult {
  const measures = options.measures ?? focusMeasures(options.focus ?? "all");
  const levels = options.levels ?? ["region", "cluster"];
  for (const l of levels) if (!(l in LEVEL_ORDER)) throw new RangeError(`overviewTable: levels may only contain "region", "cluster" and "municipality"; got ${JSON.stringify(l)}`);
  const interventions = options.interventions ?? [];
  const rows: OverviewRow[] = [];
  const missing: { indicator: string; group: string }[] = [];
  for (const m of measures) {
    const mine = indicators.filter((r) => r.indicator === m.indicator && r.group === m.group && r.sex === "all").map(published);
    if (mine.length === 0) {
      missing.push({ indicator: m.indicator, group: m.group });
      continue;
    }
    const info = measureInfo(m.indicator, mine);
    const kinds = new Set(mine.map((r) => periodKindOf(r.period)));
    const spcKind = KIND_ORDER.find((k) => kinds.has(k));
    const valueKind = [...KIND_ORDER].reverse().find((k) => k !== "month" && kinds.has(k)) ?? spcKind;
    if (!spcKind || !valueKind) {
      missing.push({ indicator: m.indicator, group: m.group });
      continue;
    }
    const valueRows = mine.filter((r) => periodKindOf(r.period) === valueKind);
    const spcRows = mine.filter((r) => periodKindOf(r.period) === spcKind);
    const periods = [...new Set(valueRows.map((r) => r.period))].sort((a, b) => comparePeriods(periodOf(a), periodOf(b)));
    const baselinePeriod = options.baseline !== undefined && periods.includes(options.baseline) ? options.baseline : (periods[0] ?? null);
    const targets = interventionTargets(interventions, m, mine.filter((r) => r.level === "cluster"));
    for (const level of [...levels].sort((a, b) => LEVEL_ORDER[a] - LEVEL_ORDER[b])) {
      const atLevel = valueRows.filter((r) => r.level === level);
      if (atLevel.length === 0) continue;
      const latest = atLevel.reduce((p, r) => (comparePeriods(periodOf(r.period), periodOf(p)) > 0 ? r.period : p), atLevel[0].period);
      const latestRows = atLevel.filter((r) => r.period === latest);
      const funnel = level === "region" ? null : levelFunnel(latestRows, info);
      const units = [...new Set(atLevel.map((r) => r.unit))].sort((a, b) => a.localeCompare(b, "da"));
      for (const unit of units) {
        const now = latestRows.find((r) => r.unit === unit);
        const base = baselinePeriod === null ? undefined : atLevel.find((r) => r.unit === unit && r.period === baselinePeriod);
        const value = now && !now.suppressed ? now.value : null;
        const baselineValue = base && !base.suppressed ? base.value : null;
        const series = spcRows.filter((r) => r.level === level && r.unit === unit);
        const first = series.reduce((p, r) => (comparePeriods(periodOf(r.period), periodOf(p)) < 0 ? r.period : p), series[0]?.period ?? "");
        const last = series.reduce((p, r) => (comparePeriods(periodOf(r.period), periodOf(p)) > 0 ? r.period : p), series[0]?.period ?? "");
        const spc = series.length === 0 ? null : unitSpcChart(series, info, { phases: interventionPhases(interventions, level, unit, first, last), ...(options.firstPhaseLabel ? { firstPhaseLabel: options.firstPhaseLabel } : {}) });
        const reading = spc === null ? null : variationSignal(spc.result);
        const user = (options.targets ?? []).find((t) => t.indicator === m.indicator && t.group === m.group && (t.units === undefined || t.units.includes(unit)));
        const fromIntervention = level === "cluster" ? targets.get(unit) : undefined;
        const target = user ? { value: user.value, source: { kind: "user" } as const } : fromIntervention;
        const limits = spc === null ? null : latestLimits(spc.result);
        rows.push({
          indicator: m.indicator,
          group: m.group,
          level,
          unit,
          kind: info.kind,
          multiplier: info.multiplier,
          improvement: info.improvement,
          period: latest,
          value,
          lower: value === null ? null : (now?.lower ?? null),
          upper: value === null ? null : (now?.upper ?? null),
          suppressed: now?.suppressed ?? false,
          baselinePeriod,
          baselineValue,
          change: value !== null && baselineValue !== null ? value - baselineValue : null,
          relativeChange: value !== null && baselineValue !== null && baselineValue !== 0 ? value / baselineValue - 1 : null,
          variation: reading?.signal ?? null,
          variationGap: series.length === 0 ? "no_series" : spc === null ? "too_few_points" : null,
          variationPeriod: reading?.period ?? null,
          variationValue: reading?.period ? (spc?.result.points.find((p) => p.period === reading.period)?.value ?? null) : null,
          variationRules: reading?.rules ?? [],
          spcChart: spc?.result.chart ?? null,
          spcPoints: series.filter((r) => !r.suppressed && r.value !== null).length,
          target: target?.value ?? null,
          targetSource: target?.source ?? null,
          assurance: target === undefined ? null : spc === null ? "not_assessable" : assuranceSignal(spc.result, target.value, info.improvement),
          processLower: limits?.lower3 ?? null,
          processUpper: limits?.upper3 ?? null,
          funnel: now && !now.suppressed ? funnelPosition(funnel, unit) : null,
          funnelPeriod: funnel === null ? null : latest,
          interventions: unitInterventions(interventions, m, level, unit),
        });
      }
    }
  }
  return { rows, missing };
}
