/**
 * Effect of an intervention on the indicators of its Triple Aim targets, from the tidy
 * indicator table: for each target whose indicator is a count (proportions and rates),
 * - an interrupted time series per adopting cluster (segmented quasi-Poisson regression with
 *   log denominator as offset, src/effects interruptedTimeSeries — Bernal, Cummins & Gasparrini
 *   2017), from the cluster's first treated period; a step (level-change) model unless
 *   `slopeChange` is set; seasonality by default (2 Fourier harmonics for monthly data, quarter
 *   dummies for quarterly data), standard errors with a drift/autocorrelation variance component;
 * - the same model in each non-adopting cluster at the earliest adoption start, as a placebo
 *   (`placebo: true`; an "effect" there is a change that is not due to the intervention, and an
 *   interval that excludes 1 sets `warning: "placebo_change"` — the design is then in doubt);
 * - the staggered difference-in-differences estimate over all clusters (src/effects staggeredDid
 *   — Callaway & Sant'Anna 2021) with a base window of one year of periods (12 months, 4
 *   quarters, 2 half-years, 1 year), its pre-trend placebo and parallel-trends breakdown value.
 * Every row says what its interval assumes (`assumption`, a code and values for the catalogues).
 * For a target whose indicator is an amount (cost per citizen): one staggered DiD row on the log
 * amount per citizen (src/effects amountDid — Callaway & Sant'Anna 2021 group-time effects with
 * not-yet-treated controls, population-weighted; t-interval from the untreated clusters'
 * period-to-period noise), method "staggered_did", `outcome: "amount"`, rateRatio = the ratio of
 * amounts; no per-cluster ITS rows (the per-cluster ratios are in `models[target].amount.byUnit`).
 * The first treated period is the first period that starts on or after the adoption date (with
 * yearly or quarterly data a mid-period start counts from the next whole period; a note says so).
 * Data are used from the start of the target's baseline period up to `options.at`.
 * A model that cannot be fitted gives a row with null estimates and the reason in `note`.
 */
import { note, type Note } from "../contract/note.js";
import { amountDid, interruptedTimeSeries, staggeredDid } from "../effects/index.js";
import type { AmountDidResult, DidPanelRow, ItsObservation, ItsResult, StaggeredDidResult } from "../effects/index.js";
import type { AmountDidRow } from "../effects/amountDid.js";
import type { IntervalAssumption } from "../effects/effectTypes.js";
import type { ItsSeasonality } from "../effects/interruptedTimeSeries.js";
import { indicatorRowsOf } from "./interventionIndicatorRows.js";
import type { TripleAimInput } from "./interventionIndicatorRows.js";
import { indicatorSeries } from "./analysisSeries.js";
import type { IndicatorSeriesSet, SeriesPoint } from "./analysisSeries.js";
import type { Intervention, TripleAimTarget } from "./interventionSchema.js";
import { effectsErrorNote } from "../effects/messages.js";
import { periodOf, periodStartDate } from "../contract/period.js";
import type { TargetDirection, TripleAimTargetDimension } from "./vocabulary.js";

export interface InterventionEffectOptions {
  /** Use data up to this date (YYYY-MM-DD); default all. */
  readonly at?: string;
  /** Confidence level (default 0.95). */
  readonly level?: number;
  /** Seasonal terms of the ITS models (default: 2 Fourier harmonics for monthly data, quarter dummies for quarterly, 1 half-year dummy for half-yearly, none for yearly data). */
  readonly seasonality?: ItsSeasonality;
  /** Base window of the DiD in periods (default one year of periods, as staggeredDid). */
  readonly baseWindow?: number;
  /**
   * Include the ITS slope-change term (default false: a step model, the effect is a change of
   * level from the start — the impact model to pre-specify for a service change expected to act
   * at once, Bernal et al. 2017; true adds a change of trend, which widens the overall interval).
   */
  readonly slopeChange?: boolean;
  /**
   * Periods after the start during which the effect may still be building up, fitted exactly in the
   * ITS (interruptedTimeSeries `phaseIn`; default 0, a step from the start). Pre-specify it when the
   * effect is expected to build up, e.g. one year of periods (docs/effects.md).
   */
  readonly phaseIn?: number;
  /** Draws of the ITS simulation interval (default 4000, as interruptedTimeSeries). */
  readonly simulations?: number;
  /** Only these targets (ids); default every target with count data. */
  readonly targets?: readonly string[];
}

const PERIODS_PER_YEAR = { month: 12, quarter: 4, half: 2, year: 1 } as const;

export type EffectClass = "improvement" | "no_clear_effect" | "worse" | "not_estimable";

export interface InterventionEffectRow {
  readonly intervention: string;
  readonly target: string;
  readonly indicator: string;
  readonly group: string;
  readonly dimension: TripleAimTargetDimension;
  readonly direction: TargetDirection;
  /** Cluster, or "all clusters" for the DiD row. */
  readonly unit: string;
  readonly role: "adopting" | "comparison" | "all";
  readonly method: "its" | "staggered_did";
  /** "amount" for the DiD of an amount per citizen (rateRatio is then a ratio of amounts); absent for counts. */
  readonly outcome?: "count" | "amount";
  /** First treated period (adopting), placebo start (comparison), or null (DiD). */
  readonly start: string | null;
  /** Overall effect as a rate ratio with its interval (ITS: Σ fitted / Σ counterfactual; DiD: overall ATT). */
  readonly rateRatio: number | null;
  readonly lower: number | null;
  readonly upper: number | null;
  readonly level: number;
  /** True for a non-adopting cluster's ITS: a placebo check of the design, not an effect. */
  readonly placebo: boolean;
  /** "placebo_change": a placebo whose interval excludes 1 (a change without the intervention). */
  readonly warning: "placebo_change" | null;
  /** What the interval assumes (null when not estimated). */
  readonly assumption: IntervalAssumption | null;
  /** DiD: parallel-trends breakdown value M̄ (Rambachan & Roth 2023, relative magnitudes); null otherwise. */
  readonly breakdown: number | null;
  /** ITS: Ljung–Box p-value of the residual autocorrelation; null otherwise. */
  readonly ljungBoxP: number | null;
  /** ITS: immediate level change at the start; null for DiD. */
  readonly levelChange: number | null;
  readonly levelChangePValue: number | null;
  /** DiD: placebo estimate before the starts; null for ITS or when none. */
  readonly preTrend: { readonly rateRatio: number; readonly lower: number; readonly upper: number } | null;
  readonly prePeriods: number | null;
  readonly postPeriods: number | null;
  /** Events observed from the start (ITS) or in the panel (DiD). */
  readonly events: number | null;
  readonly effect: EffectClass;
  /** Notes of the model as codes with values (why no estimate, dispersion, gaps…); words via `noteText`. */
  readonly notes: readonly Note[];
}

export interface InterventionEffectResult {
  readonly intervention: string;
  readonly rows: readonly InterventionEffectRow[];
  /** The full model results by target id, for charts (ITS by cluster, DiD). */
  readonly models: Readonly<
    Record<
      string,
      {
        readonly its: Readonly<Record<string, ItsResult>>;
        readonly did: StaggeredDidResult | null;
        /** Amount targets: the log-amount DiD (with per-cluster ratios in byUnit). */
        readonly amount?: AmountDidResult | null;
      }
    >
  >;
  /** Notes as codes with values (target: the target id); words via `noteText` (src/text). */
  readonly notes: readonly SpreadEffectNote[];
}

/** Codes of the notes of interventionEffect. */
export type SpreadEffectNoteCode = "spread.note.noIndicator" | "spread.note.yearlyStart" | "spread.note.effectAmount" | "spread.note.effectAmountPartial";
export type SpreadEffectNote = Note<SpreadEffectNoteCode>;

/** How an interval reads in the target's direction: beyond 1 on the better side = improvement. */
export function classifyEffect(lower: number | null, upper: number | null, direction: TargetDirection): EffectClass {
  if (lower === null || upper === null) return "not_estimable";
  const good = direction === "decrease" ? upper < 1 : lower > 1;
  const bad = direction === "decrease" ? lower > 1 : upper < 1;
  return good ? "improvement" : bad ? "worse" : "no_clear_effect";
}

/**
 * @example interventionEffect(frail, indicatorRows).rows.filter((r) => r.method === "staggered_did")
 */
export function interventionEffect(
  intervention: Intervention,
  input: TripleAimInput,
  options: InterventionEffectOptions = {},
): InterventionEffectResult {
  const indicators = indicatorRowsOf(intervention, input, options.targets);
  const rows: InterventionEffectRow[] = [];
  const notes: SpreadEffectNote[] = [];
  const models: Record<string, { its: Record<string, ItsResult>; did: StaggeredDidResult | null; amount?: AmountDidResult | null }> = {};
  const level = options.level ?? 0.95;
  for (const t of intervention.targets) {
    if (options.targets && !options.targets.includes(t.id)) continue;
    const set = indicatorSeries(indicators, t.indicator, t.group);
    if (set === null) {
      notes.push(note("spread.note.noIndicator", { target: t.id, indicator: t.indicator, group: t.group }));
      continue;
    }
    if (set.kind === "amount") {
      const out = amountEffectOfTarget(intervention, t, set, options, level, notes);
      rows.push(...out.rows);
      models[t.id] = { its: {}, did: null, amount: out.result };
      continue;
    }
    const out = effectsOfTarget(intervention, t, set, options, level, notes);
    rows.push(...out.rows);
    models[t.id] = out.models;
  }
  return { intervention: intervention.id, rows, models, notes };
}

function usable(points: readonly SeriesPoint[], from: string, at: string | undefined): SeriesPoint[] {
  return points.filter(
    (p) => p.start >= from && (at === undefined || p.end <= at) && p.numerator !== null && p.denominator !== null && p.denominator > 0,
  );
}

function effectsOfTarget(
  iv: Intervention,
  t: TripleAimTarget,
  set: IndicatorSeriesSet,
  options: InterventionEffectOptions,
  level: number,
  notes: SpreadEffectNote[],
): { rows: InterventionEffectRow[]; models: { its: Record<string, ItsResult>; did: StaggeredDidResult | null } } {
  const from = periodStartDate(periodOf(t.baseline.start));
  const monthly = set.periodKind === "month";
  const label = (p: SeriesPoint): string | number => (monthly ? p.period : p.ordinal);
  const periodsPerYear = PERIODS_PER_YEAR[set.periodKind];
  const starts = new Map<string, string>();
  for (const a of iv.adoptions) if (a.municipality === undefined && !starts.has(a.cluster)) starts.set(a.cluster, a.start);
  const firstStart = [...starts.values()].sort()[0] ?? null;
  const base = {
    intervention: iv.id,
    target: t.id,
    indicator: t.indicator,
    group: t.group,
    dimension: t.dimension,
    direction: t.direction,
    level,
  };
  const noExtras = { placebo: false, warning: null, assumption: null, breakdown: null, ljungBoxP: null } as const;
  const rows: InterventionEffectRow[] = [];
  const its: Record<string, ItsResult> = {};
  const firstTreated = (pts: readonly SeriesPoint[], start: string): SeriesPoint | undefined => pts.find((p) => p.start >= start);

  const runIts = (unit: string, role: "adopting" | "comparison", start: string) => {
    const pts = usable(set.byUnit.get(unit) ?? [], from, options.at);
    const first = firstTreated(pts, start);
    const empty = { ...base, ...noExtras, placebo: role === "comparison", unit, role, method: "its" as const, levelChange: null, levelChangePValue: null, preTrend: null };
    if (first === undefined) {
      rows.push({ ...empty, start: null, rateRatio: null, lower: null, upper: null, prePeriods: null, postPeriods: null, events: null, effect: "not_estimable", notes: [note("spread.status.noCurrent")] });
      return;
    }
    if (!monthly && first.start > start && role === "adopting") notes.push(note("spread.note.yearlyStart", { target: t.id, unit, start, first: first.period }));
    const series: ItsObservation[] = pts.map((p) => ({ period: label(p), events: p.numerator as number, exposure: p.denominator as number }));
    try {
      const r = interruptedTimeSeries(series, {
        start: label(first),
        periodsPerYear,
        ...(options.seasonality !== undefined ? { seasonality: options.seasonality } : {}),
        level,
        slopeChange: options.slopeChange ?? false,
        phaseIn: options.phaseIn ?? 0,
        ...(options.simulations ? { simulations: options.simulations } : {}),
      });
      its[unit] = r;
      rows.push({
        ...empty,
        start: first.period,
        rateRatio: r.overall.rateRatio,
        lower: r.overall.lower,
        upper: r.overall.upper,
        levelChange: r.levelChange.rateRatio,
        levelChangePValue: r.levelChange.pValue,
        prePeriods: r.prePeriods,
        postPeriods: r.postPeriods,
        events: r.overall.observedEvents,
        effect: classifyEffect(r.overall.lower, r.overall.upper, t.direction),
        warning: role === "comparison" && (r.overall.upper < 1 || r.overall.lower > 1) ? "placebo_change" : null,
        assumption: r.assumption,
        ljungBoxP: r.autocorrelation.ljungBox.pValue,
        notes: r.notes,
      });
    } catch (e) {
      rows.push({ ...empty, start: first.period, rateRatio: null, lower: null, upper: null, prePeriods: null, postPeriods: null, events: null, effect: "not_estimable", notes: [effectsErrorNote(e)] });
    }
  };
  for (const [unit, start] of starts) runIts(unit, "adopting", start);
  if (firstStart !== null) for (const unit of [...set.byUnit.keys()].filter((u) => !starts.has(u)).sort()) runIts(unit, "comparison", firstStart);

  // Staggered DiD over every cluster of the table.
  let did: StaggeredDidResult | null = null;
  const panel: DidPanelRow[] = [];
  for (const [unit, points] of set.byUnit) {
    const pts = usable(points, from, options.at);
    const start = starts.get(unit);
    const first = start === undefined ? undefined : firstTreated(pts, start);
    for (const p of pts)
      panel.push({ unit, period: label(p), events: p.numerator as number, exposure: p.denominator as number, treatedFrom: first === undefined ? null : label(first) });
  }
  const didBase = { ...base, ...noExtras, unit: "all clusters", role: "all" as const, method: "staggered_did" as const, start: null, levelChange: null, levelChangePValue: null, prePeriods: null, postPeriods: null };
  if (starts.size > 0) {
    try {
      did = staggeredDid(panel, { level, periodsPerYear, ...(options.baseWindow !== undefined ? { baseWindow: options.baseWindow } : {}) });
      const o = did.overall;
      rows.push({
        ...didBase,
        rateRatio: o.rateRatio,
        lower: o.lower,
        upper: o.upper,
        preTrend: did.preTrend ? { rateRatio: did.preTrend.rateRatio, lower: did.preTrend.lower, upper: did.preTrend.upper } : null,
        events: panel.reduce((a, r) => a + r.events, 0),
        effect: classifyEffect(o.lower, o.upper, t.direction),
        assumption: did.assumption,
        breakdown: did.sensitivity === null ? null : did.sensitivity.breakdown,
        notes: did.notes,
      });
    } catch (e) {
      rows.push({ ...didBase, rateRatio: null, lower: null, upper: null, preTrend: null, events: null, effect: "not_estimable", notes: [effectsErrorNote(e)] });
    }
  }
  return { rows, models: { its, did } };
}

/** The log-amount staggered DiD of an amount target (cost per citizen) as one "all clusters" row. */
function amountEffectOfTarget(
  iv: Intervention,
  t: TripleAimTarget,
  set: IndicatorSeriesSet,
  options: InterventionEffectOptions,
  level: number,
  notes: SpreadEffectNote[],
): { rows: InterventionEffectRow[]; result: AmountDidResult | null } {
  const from = periodStartDate(periodOf(t.baseline.start));
  const starts = new Map<string, string>();
  for (const a of iv.adoptions) if (a.municipality === undefined && !starts.has(a.cluster)) starts.set(a.cluster, a.start);
  const row = {
    intervention: iv.id,
    target: t.id,
    indicator: t.indicator,
    group: t.group,
    dimension: t.dimension,
    direction: t.direction,
    level,
    unit: "all clusters",
    role: "all" as const,
    method: "staggered_did" as const,
    outcome: "amount" as const,
    placebo: false,
    warning: null,
    assumption: null,
    breakdown: null,
    ljungBoxP: null,
    start: null,
    levelChange: null,
    levelChangePValue: null,
    preTrend: null,
  };
  if (starts.size === 0) return { rows: [], result: null };
  notes.push(note("spread.note.effectAmount", { target: t.id, indicator: t.indicator }));
  const panel: AmountDidRow[] = [];
  const amountOf = (p: SeriesPoint): number | null =>
    p.value !== null ? p.value : p.numerator !== null && p.denominator !== null && p.denominator > 0 ? (p.numerator / p.denominator) * set.multiplier : null;
  for (const [unit, points] of set.byUnit) {
    const start = starts.get(unit);
    const pts = points.filter((p) => p.start >= from && (options.at === undefined || p.end <= options.at) && (amountOf(p) ?? 0) > 0);
    const partial = start === undefined ? [] : pts.filter((p) => p.start < start && p.end >= start);
    if (partial.length > 0) notes.push(note("spread.note.effectAmountPartial", { target: t.id, unit, periods: partial.map((p) => p.period) }));
    const first = start === undefined ? undefined : pts.find((p) => p.start >= start);
    for (const p of pts) {
      if (partial.includes(p)) continue;
      panel.push({
        unit,
        period: p.ordinal,
        amount: amountOf(p) as number,
        weight: p.denominator !== null && p.denominator > 0 ? p.denominator : 1,
        treatedFrom: start === undefined ? null : first === undefined ? Number.MAX_SAFE_INTEGER : first.ordinal,
      });
    }
  }
  try {
    const r = amountDid(panel, { level });
    return {
      rows: [
        {
          ...row,
          rateRatio: r.ratio,
          lower: r.lower,
          upper: r.upper,
          prePeriods: null,
          postPeriods: r.cells.length > 0 ? new Set(r.cells.map((c) => c.period)).size : null,
          events: null,
          effect: classifyEffect(r.lower, r.upper, t.direction),
          notes: r.notes,
        },
      ],
      result: r,
    };
  } catch (e) {
    return {
      rows: [{ ...row, rateRatio: null, lower: null, upper: null, prePeriods: null, postPeriods: null, events: null, effect: "not_estimable", notes: [effectsErrorNote(e)] }],
      result: null,
    };
  }
}

