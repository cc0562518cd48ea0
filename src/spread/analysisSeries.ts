/**
 * Series for the Triple Aim analysis, taken from the tidy indicator table (IndicatorRow):
 * one indicator × population group × cluster, sex "all", in time order, at the finest period
 * kind the table has for it (month, else quarter, else year). Internal to the spread layer.
 *
 * Indicator ids: a target's indicator matches rows with exactly that id (or its engine alias,
 * SPREAD_INDICATOR_ALIASES); when there are none,
 * rows named `<id>:<part>` (e.g. experience_positive:<measure>) are pooled by summing their
 * numerators and denominators.
 */
import type { IndicatorRow } from "../indicators/index.js";
import { describeIndicator, ownIndicatorDescriptor } from "../indicators/descriptor.js";
import { SPREAD_INDICATOR_ALIASES } from "./interventionIndicatorRows.js";
import { periodEndDate, periodKindOf, periodOf, periodOrdinal, periodStartDate, type PeriodKind } from "../contract/period.js";

export type SeriesKind = "proportion" | "rate" | "amount";
export type SeriesPeriodKind = PeriodKind;

export interface SeriesPoint {
  readonly period: string;
  /** Ordinal of the period within its kind (months: y·12 + m − 1; quarters: y·4 + q − 1; years: y). */
  readonly ordinal: number;
  readonly start: string;
  readonly end: string;
  readonly numerator: number | null;
  readonly denominator: number | null;
  readonly value: number | null;
}

export interface IndicatorSeriesSet {
  readonly indicator: string;
  readonly group: string;
  readonly periodKind: SeriesPeriodKind;
  readonly kind: SeriesKind;
  /** value = numerator / denominator × multiplier (100 for percentages, 1000 for rates per 1,000). */
  readonly multiplier: number;
  /** Series by cluster. */
  readonly byUnit: ReadonlyMap<string, readonly SeriesPoint[]>;
}

const KIND_ORDER: readonly SeriesPeriodKind[] = ["month", "quarter", "half", "year"];

/** The cluster-level series of one indicator and group, or null when the table has none. */
export function indicatorSeries(rows: readonly IndicatorRow[], indicator: string, group: string): IndicatorSeriesSet | null {
  const ids = [indicator, SPREAD_INDICATOR_ALIASES[indicator]].filter((x): x is string => x !== undefined);
  const ok = (r: IndicatorRow) => r.level === "cluster" && r.sex === "all" && r.group === group;
  let mine: IndicatorRow[] = [];
  for (const id of ids) if (mine.length === 0) mine = rows.filter((r) => ok(r) && r.indicator === id);
  for (const id of ids) if (mine.length === 0) mine = rows.filter((r) => ok(r) && r.indicator.startsWith(`${id}:`));
  if (mine.length === 0) return null;
  const kinds = new Set(mine.map((r) => periodKindOf(r.period)));
  const periodKind = KIND_ORDER.find((k) => kinds.has(k));
  if (periodKind === undefined) return null;
  mine = mine.filter((r) => periodKindOf(r.period) === periodKind);

  // Scale and kind: from the indicator's descriptor (a user's own indicator: ownIndicatorDescriptor).
  const described = describeIndicator(mine[0].indicator) ?? ownIndicatorDescriptor(mine);
  const multiplier = described.multiplier;
  const kind: SeriesKind = described.kind === "ratio" ? "rate" : described.kind;

  const cells = new Map<string, Map<string, { num: number | null; den: number | null; value: number | null; parts: number }>>();
  for (const r of mine) {
    let unit = cells.get(r.unit);
    if (!unit) cells.set(r.unit, (unit = new Map()));
    const c = unit.get(r.period);
    if (!c) unit.set(r.period, { num: r.numerator, den: r.denominator, value: r.value, parts: 1 });
    else {
      c.num = c.num === null || r.numerator === null ? null : c.num + r.numerator;
      c.den = c.den === null || r.denominator === null ? null : c.den + r.denominator;
      c.parts += 1;
    }
  }
  const byUnit = new Map<string, SeriesPoint[]>();
  for (const [unit, periods] of cells) {
    const pts = [...periods.entries()]
      .map(([period, c]) => {
        const p = periodOf(period);
        const value = c.parts === 1 ? c.value : c.num !== null && c.den !== null && c.den > 0 ? (c.num / c.den) * multiplier : null;
        return {
          period,
          ordinal: periodOrdinal(p),
          start: periodStartDate(p),
          end: periodEndDate(p),
          numerator: c.num,
          denominator: c.den,
          value,
        };
      })
      .sort((a, b) => a.ordinal - b.ordinal);
    byUnit.set(unit, pts);
  }
  return { indicator, group, periodKind, kind, multiplier, byUnit };
}

/** Sums of numerator and denominator over points (points with a null count are left out). */
export function sumPoints(points: readonly SeriesPoint[]): { numerator: number; denominator: number; periods: number } {
  let numerator = 0;
  let denominator = 0;
  let periods = 0;
  for (const p of points) {
    if (p.numerator === null || p.denominator === null) continue;
    numerator += p.numerator;
    denominator += p.denominator;
    periods += 1;
  }
  return { numerator, denominator, periods };
}
