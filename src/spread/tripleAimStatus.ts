/**
 * Triple Aim status of an intervention's targets ("fase 2: Triple Aim analyse", seed 003): for
 * each target and each cluster — the adopting clusters and, as comparison, every other cluster
 * in the indicator table — the baseline, the current value with its interval, the SPC signal
 * since the start, and a status with a plain-language reason.
 *
 * Input: a dataset (the indicator engine computes what the targets need, interventionIndicatorRows)
 * or the tidy indicator table (IndicatorRow, cluster level, sex "all"), at the finest period kind
 * it has for the target's indicator (see analysisSeries.ts). The analysis is at cluster level:
 * an adoption by a single municipality is not analysed here (spreadMatrix shows it).
 *
 * Method, per target × cluster:
 * - baseline: Σ numerator / Σ denominator over the target's baseline periods;
 * - reference start: the cluster's adoption start; for a comparison cluster the earliest start
 *   of any adopting cluster (or the period after the baseline when nobody has adopted);
 * - current window: the last `window` months (default 12; 4 quarters; 1 year) of data up to
 *   `options.at` (4 quarters, 2 half-years, 1 year), from the reference start on; value Σ numerator / Σ denominator with a Wilson
 *   interval (proportions) or an exact/Byars Poisson interval (rates) — methods.md; amounts
 *   (cost per citizen) have no interval;
 * - target value: the given target_value, or baseline × (1 + relative_change);
 * - SPC: a p, u (Laney p′/u′ when the mean baseline denominator ≥ 1,000) or XmR chart of the
 *   series from the baseline start, limits frozen on the baseline periods, improvement in the
 *   target's direction; the signal is the first kind among points from the reference start
 *   (improvement before concern).
 * Status (in this order):
 * - not_yet_measurable — no baseline data, no data since the start, fewer than `minPeriods`
 *   periods since the start (default 6 months, 2 quarters, 1 half-year, 1 year), or fewer than `minEvents`
 *   (default 10) events in the current window;
 * - met — the current value reaches the target AND the change is beyond chance: the interval lies
 *   wholly on the better side of the baseline (for amounts without an interval: an SPC
 *   improvement signal);
 * - on_track — not met, the deadline has not passed (at the end of the current window), and the
 *   value improved beyond chance, or improved with an SPC improvement signal;
 * - not_met — otherwise (the reason says whether the deadline passed, nothing changed beyond
 *   chance, or the value got worse).
 */
import { rateWithInterval, wilsonInterval } from "../stats/index.js";
import { pChart, pPrimeChart, uChart, uPrimeChart, xmrChart } from "../spc/index.js";
import { LANEY_LARGE_DENOMINATOR } from "../spc/attributeChart.js";
import type { SpcChartType, SpcResult } from "../spc/index.js";
import { indicatorRowsOf } from "./interventionIndicatorRows.js";
import type { TripleAimInput } from "./interventionIndicatorRows.js";
import { indicatorSeries, sumPoints } from "./analysisSeries.js";
import type { IndicatorSeriesSet, SeriesPeriodKind, SeriesPoint } from "./analysisSeries.js";
import type { Intervention, TripleAimTarget } from "./interventionSchema.js";
import { note, type Note } from "../contract/note.js";
import type { StatusFinding } from "./spreadFindings.js";
import { periodEndDate, periodOf, periodStartDate } from "../contract/period.js";
import type { TargetDirection, TripleAimTargetDimension } from "./vocabulary.js";

export const TripleAimStatusCode = {
  met: "met",
  on_track: "on_track",
  not_met: "not_met",
  not_yet_measurable: "not_yet_measurable",
} as const;
export type TripleAimStatusCode = keyof typeof TripleAimStatusCode;

export interface TripleAimStatusOptions {
  /** Read the data up to this date (YYYY-MM-DD); default: all of it. */
  readonly at?: string;
  /** Confidence level of the intervals as a fraction (default 0.95). */
  readonly level?: number;
  /** Length of the current window in months (default 12); quarters and years are rounded up. */
  readonly windowMonths?: number;
  /** Minimum periods since the start (default 6 months; 2 quarters; 1 year). */
  readonly minPeriods?: number;
  /** Minimum events in the current window (default 10). */
  readonly minEvents?: number;
  /** Comparison clusters (default: every cluster of the table that has not adopted). */
  readonly comparison?: readonly string[];
}

export interface TripleAimStatusRow {
  readonly intervention: string;
  readonly target: string;
  readonly indicator: string;
  readonly dimension: TripleAimTargetDimension;
  readonly group: string;
  readonly direction: TargetDirection;
  readonly deadline: string;
  readonly unit: string;
  readonly role: "adopting" | "comparison";
  /** The cluster's adoption start; for comparison clusters the reference start used. */
  readonly start: string | null;
  readonly periodKind: SeriesPeriodKind | null;
  readonly baselineFrom: string;
  readonly baselineTo: string;
  readonly baselineNumerator: number | null;
  readonly baselineDenominator: number | null;
  readonly baselineValue: number | null;
  readonly targetValue: number | null;
  readonly currentFrom: string | null;
  readonly currentTo: string | null;
  readonly currentNumerator: number | null;
  readonly currentDenominator: number | null;
  readonly currentValue: number | null;
  readonly currentLower: number | null;
  readonly currentUpper: number | null;
  /** currentValue / baselineValue − 1. */
  readonly change: number | null;
  readonly spcChart: SpcChartType | null;
  readonly spcSignal: "improvement" | "concern" | "none" | null;
  readonly spcRules: readonly string[];
  readonly status: TripleAimStatusCode;
  /** Why this status, as a code with values (words in Danish or English: `noteText(reason, lang)`). */
  readonly reason: TripleAimStatusReason;
}

/** Codes of the reasons of a Triple Aim status row (wording: src/text/noteTexts.ts). */
export type TripleAimStatusReasonCode =
  | "spread.status.noIndicator"
  | "spread.status.noBaseline"
  | "spread.status.noCurrent"
  | "spread.status.tooFewPeriods"
  | "spread.status.tooFewEvents"
  | "spread.status.met"
  | "spread.status.onTrackInterval"
  | "spread.status.onTrackSignal"
  | "spread.status.notMetDeadline"
  | "spread.status.notMetNoChange"
  | "spread.status.notMetWorse"
  | "spread.status.targetReachedNotClear";
export type TripleAimStatusReason = Note<TripleAimStatusReasonCode>;

export interface TripleAimStatusResult {
  readonly intervention: string;
  readonly rows: readonly TripleAimStatusRow[];
  /** The same per target as codes and values (text in Danish or English: spreadFindingText; `target` is the target id). */
  readonly findings: readonly StatusFinding[];
}

const PERIODS_PER_YEAR: Record<SeriesPeriodKind, number> = { month: 12, quarter: 4, half: 2, year: 1 };
const DEFAULT_MIN_PERIODS: Record<SeriesPeriodKind, number> = { month: 6, quarter: 2, half: 1, year: 1 };

/**
 * @example tripleAimStatus(frail, indicatorRows).findings.map((f) => spreadFindingText(f, "da"))
 */
export function tripleAimStatus(
  intervention: Intervention,
  input: TripleAimInput,
  options: TripleAimStatusOptions = {},
): TripleAimStatusResult {
  const indicators = indicatorRowsOf(intervention, input);
  const rows: TripleAimStatusRow[] = [];
  const findings: StatusFinding[] = [];
  for (const target of intervention.targets) {
    const set = indicatorSeries(indicators, target.indicator, target.group);
    const targetRows = statusRowsOfTarget(intervention, target, set, options);
    rows.push(...targetRows);
    findings.push(targetFinding(target, targetRows));
  }
  return { intervention: intervention.id, rows, findings };
}

function statusRowsOfTarget(
  iv: Intervention,
  t: TripleAimTarget,
  set: IndicatorSeriesSet | null,
  options: TripleAimStatusOptions,
): TripleAimStatusRow[] {
  const adopting = new Map<string, string>();
  for (const a of iv.adoptions) if (a.municipality === undefined && !adopting.has(a.cluster)) adopting.set(a.cluster, a.start);
  const firstStart = [...adopting.values()].sort()[0] ?? nextDay(periodEndDate(periodOf(t.baseline.end)));
  const units: { unit: string; role: "adopting" | "comparison"; start: string }[] = [...adopting].map(([unit, start]) => ({ unit, role: "adopting", start }));
  const comparison = options.comparison ?? (set ? [...set.byUnit.keys()].filter((u) => !adopting.has(u)).sort() : []);
  for (const unit of comparison) if (!adopting.has(unit)) units.push({ unit, role: "comparison", start: firstStart });
  return units.map((u) => statusRow(iv, t, set, u.unit, u.role, u.start, options));
}

function statusRow(
  iv: Intervention,
  t: TripleAimTarget,
  set: IndicatorSeriesSet | null,
  unit: string,
  role: "adopting" | "comparison",
  start: string,
  options: TripleAimStatusOptions,
): TripleAimStatusRow {
  const baselineFrom = periodStartDate(periodOf(t.baseline.start));
  const baselineTo = periodEndDate(periodOf(t.baseline.end));
  const empty = {
    intervention: iv.id,
    target: t.id,
    indicator: t.indicator,
    dimension: t.dimension,
    group: t.group,
    direction: t.direction,
    deadline: t.deadline,
    unit,
    role,
    start,
    periodKind: set?.periodKind ?? null,
    baselineFrom,
    baselineTo,
    baselineNumerator: null,
    baselineDenominator: null,
    baselineValue: null,
    targetValue: t.target_value ?? null,
    currentFrom: null,
    currentTo: null,
    currentNumerator: null,
    currentDenominator: null,
    currentValue: null,
    currentLower: null,
    currentUpper: null,
    change: null,
    spcChart: null,
    spcSignal: null,
    spcRules: [],
    status: "not_yet_measurable" as const,
  };
  if (set === null) return { ...empty, reason: note("spread.status.noIndicator", { indicator: t.indicator, group: t.group }) };
  const all = (set.byUnit.get(unit) ?? []).filter((p) => options.at === undefined || p.end <= options.at);
  const basePts = all.filter((p) => p.start >= baselineFrom && p.end <= baselineTo);
  const base = sumPoints(basePts);
  if (base.periods === 0 || base.denominator <= 0) return { ...empty, reason: note("spread.status.noBaseline", { from: t.baseline.start, to: t.baseline.end }) };
  const baselineValue = (base.numerator / base.denominator) * set.multiplier;
  const targetValue = t.target_value ?? baselineValue * (1 + (t.relative_change ?? 0));
  const withBase = { ...empty, baselineNumerator: base.numerator, baselineDenominator: base.denominator, baselineValue, targetValue };

  const since = all.filter((p) => p.start >= start && p.numerator !== null && p.denominator !== null);
  if (since.length === 0) return { ...withBase, reason: note("spread.status.noCurrent") };
  const perYear = PERIODS_PER_YEAR[set.periodKind];
  const window = Math.max(1, Math.ceil(((options.windowMonths ?? 12) * perYear) / 12));
  const cur = since.slice(-window);
  const c = sumPoints(cur);
  const currentValue = c.denominator > 0 ? (c.numerator / c.denominator) * set.multiplier : null;
  const interval = currentInterval(set, c.numerator, c.denominator, options.level ?? 0.95);
  const change = currentValue === null || baselineValue === 0 ? null : currentValue / baselineValue - 1;
  const spc = spcSignal(set, all, basePts.length, baselineFrom, start, t.direction);
  const withCurrent = {
    ...withBase,
    currentFrom: cur[0].period,
    currentTo: cur[cur.length - 1].period,
    currentNumerator: c.numerator,
    currentDenominator: c.denominator,
    currentValue,
    currentLower: interval.lower,
    currentUpper: interval.upper,
    change,
    spcChart: spc.chart,
    spcSignal: spc.signal,
    spcRules: spc.rules,
  };
  const minPeriods = options.minPeriods ?? DEFAULT_MIN_PERIODS[set.periodKind];
  if (since.length < minPeriods) return { ...withCurrent, reason: note("spread.status.tooFewPeriods", { n: since.length, min: minPeriods }) };
  const minEvents = options.minEvents ?? 10;
  if (set.kind !== "amount" && c.numerator < minEvents) return { ...withCurrent, reason: note("spread.status.tooFewEvents", { n: c.numerator, min: minEvents }) };
  if (currentValue === null || change === null) return { ...withCurrent, reason: note("spread.status.noCurrent") };

  const better = (a: number, b: number) => (t.direction === "decrease" ? a < b : a > b);
  const reaches = !better(targetValue, currentValue); // current at or beyond the target
  const improved = better(currentValue, baselineValue);
  const beyondChance =
    interval.lower !== null && interval.upper !== null
      ? t.direction === "decrease"
        ? interval.upper < baselineValue
        : interval.lower > baselineValue
      : spc.signal === "improvement";
  const asOf = options.at ?? cur[cur.length - 1].end;
  const beforeDeadline = asOf < t.deadline;
  if (reaches && beyondChance) return { ...withCurrent, status: "met", reason: note("spread.status.met", { change }) };
  if (beforeDeadline && improved && beyondChance) return { ...withCurrent, status: "on_track", reason: note("spread.status.onTrackInterval", { change }) };
  if (beforeDeadline && improved && spc.signal === "improvement") return { ...withCurrent, status: "on_track", reason: note("spread.status.onTrackSignal", { change }) };
  const reason: TripleAimStatusReason = !beforeDeadline
    ? note("spread.status.notMetDeadline", { change, deadline: t.deadline })
    : better(baselineValue, currentValue)
      ? note("spread.status.notMetWorse", { change })
      : reaches
        ? note("spread.status.targetReachedNotClear", { change })
        : note("spread.status.notMetNoChange", { change });
  return { ...withCurrent, status: "not_met", reason };
}

function currentInterval(set: IndicatorSeriesSet, x: number, n: number, level: number): { lower: number | null; upper: number | null } {
  if (n <= 0 || set.kind === "amount") return { lower: null, upper: null };
  if (set.kind === "proportion") {
    const e = wilsonInterval(Math.min(x, n), n, { level });
    return { lower: e.lower === null ? null : e.lower * set.multiplier, upper: e.upper === null ? null : e.upper * set.multiplier };
  }
  const e = rateWithInterval(x, n, { level, multiplier: set.multiplier });
  return { lower: e.lower, upper: e.upper };
}

function spcSignal(
  set: IndicatorSeriesSet,
  points: readonly SeriesPoint[],
  baselinePoints: number,
  from: string,
  start: string,
  direction: TargetDirection,
): { chart: SpcChartType | null; signal: "improvement" | "concern" | "none" | null; rules: string[] } {
  const pts = points.filter((p) => p.start >= from);
  if (pts.length < 2 || baselinePoints < 1) return { chart: null, signal: null, rules: [] };
  let result: SpcResult;
  try {
    const common = { improvement: direction, freeze: baselinePoints };
    if (set.kind === "amount") {
      result = xmrChart(pts.map((p) => ({ period: p.period, value: p.value })), common);
    } else {
      const input = pts.map((p) => ({
        period: p.period,
        numerator: p.numerator,
        denominator: p.denominator,
        value: p.numerator !== null && p.denominator !== null && p.denominator > 0 ? p.numerator / p.denominator : null,
      }));
      const base = pts.slice(0, baselinePoints).filter((p) => p.denominator !== null);
      const meanDen = base.reduce((a, p) => a + (p.denominator as number), 0) / Math.max(1, base.length);
      const laney = meanDen >= LANEY_LARGE_DENOMINATOR;
      const opts = { ...common, multiplier: set.multiplier };
      result =
        set.kind === "proportion"
          ? (laney ? pPrimeChart : pChart)(input.map((p) => ({ ...p, numerator: p.numerator === null || p.denominator === null ? p.numerator : Math.min(p.numerator, p.denominator) })), opts)
          : (laney ? uPrimeChart : uChart)(input, opts);
    }
  } catch {
    return { chart: null, signal: null, rules: [] };
  }
  const after = result.points.filter((p, i) => pts[i] !== undefined && pts[i].start >= start);
  const rules = [...new Set(after.flatMap((p) => p.rules))];
  const signal = after.some((p) => p.signal === "improvement") ? "improvement" : after.some((p) => p.signal === "concern") ? "concern" : "none";
  return { chart: result.chart, signal, rules };
}

function nextDay(date: string): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + 1);
  return d.toISOString().slice(0, 10);
}

function targetFinding(t: TripleAimTarget, rows: readonly TripleAimStatusRow[]): StatusFinding {
  if (rows.every((r) => r.reason.code === "spread.status.noIndicator")) return { code: "status_no_data", target: t.id, indicator: t.indicator, group: t.group };
  const adopting = rows.filter((r) => r.role === "adopting");
  const by = (s: TripleAimStatusCode) => adopting.filter((r) => r.status === s).map((r) => r.unit);
  const comparison = rows.filter((r) => r.role === "comparison");
  return {
    code: "status_target",
    target: t.id,
    indicator: t.indicator,
    group: t.group,
    relative: t.relative_change ?? null,
    value: t.target_value ?? null,
    deadline: t.deadline,
    met: by("met"),
    onTrack: by("on_track"),
    notMet: by("not_met"),
    unmeasurable: by("not_yet_measurable"),
    adopting: adopting.length,
    comparisonReached: comparison.filter((r) => r.status === "met" || r.status === "on_track").map((r) => r.unit),
    comparison: comparison.length,
  };
}
