/**
 * The SPC chart of one unit's series of one measure — the one chart both the report's SPC section
 * and the overview's variation and assurance signals read, so the two can never disagree.
 *
 * - Series: the unit's rows of one period kind in time order; months (and quarters, years) are
 *   completed with gaps (completePeriods); a suppressed row is a gap (numerator, denominator and
 *   value null): a hidden value never feeds a limit or a rule.
 * - Chart: proportions a p chart, rates a u chart, amounts an XmR chart; Laney's p′/u′ when the
 *   mean denominator of the points with a value is at least LANEY_LARGE_DENOMINATOR (1,000), as the
 *   Triple Aim status does (large denominators make plain p/u limits too narrow — Laney 2002).
 * - Phases: each intervention start in the unit (a cluster's own adoptions, or a municipality's
 *   pilot) that falls inside the series starts a phase with its own limits (rebasing tied to real
 *   events, never automatic).
 * - At least `minUseful` points with a value (default 12, as the report's SPC charts) or null.
 */
import type { Note } from "../contract/note.js";
import { comparePeriods, makePeriod, nextPeriod, periodKindOf, periodLabel, periodOf } from "../contract/period.js";
import type { IndicatorRow } from "../indicators/index.js";
import { LANEY_LARGE_DENOMINATOR } from "../spc/attributeChart.js";
import { completePeriods, pChart, pPrimeChart, uChart, uPrimeChart, xmrChart, type SpcPhaseStart, type SpcResult } from "../spc/index.js";
import type { Intervention } from "../spread/index.js";
import type { MeasureInfo } from "./measureInfo.js";

/** Fewest points with a value for a chart (Anhøj's rules and Making Data Count want at least 12). */
export const SPC_MIN_USEFUL = 12;

export interface UnitSpcOptions {
  /** Phase starts (see interventionPhases). */
  readonly phases?: readonly SpcPhaseStart[];
  /** Label of the points before the first start (default "Før"). */
  readonly firstPhaseLabel?: string;
  readonly minUseful?: number;
}

export interface UnitSpcChart {
  readonly result: SpcResult;
  /** Missing periods inserted as gaps (notes of completePeriods, as codes: the caller words them). */
  readonly warnings: readonly Note[];
}

/** First month label on or after an ISO date ("2019-01-15" → "2019-02"). */
export function monthOnOrAfter(date: string): string {
  const [y, m, d] = date.split("-").map(Number);
  const month = makePeriod("month", y, m);
  return periodLabel(d === 1 ? month : nextPeriod(month));
}

/**
 * Phase starts at the interventions' starts in one unit, for a monthly series from `first` to
 * `last`: a cluster's own adoptions (not its municipalities' or hospitals' pilots) or one
 * municipality's pilot. Starts outside (first, last] are left out; one phase per month.
 */
export function interventionPhases(interventions: readonly Intervention[], level: IndicatorRow["level"], unit: string, first: string, last: string): SpcPhaseStart[] {
  const phases: SpcPhaseStart[] = [];
  if (level === "region" || periodKindOf(first) !== "month") return phases;
  for (const iv of interventions)
    for (const a of iv.adoptions) {
      const mine = level === "cluster" ? a.cluster === unit && a.municipality === undefined && a.hospital === undefined : a.municipality !== undefined && String(a.municipality) === unit;
      if (!mine) continue;
      const start = monthOnOrAfter(a.start);
      if (start <= first || start > last || phases.some((p) => p.start === start)) continue;
      phases.push({ start, label: iv.name });
    }
  return phases.sort((a, b) => a.start.localeCompare(b.start));
}

/**
 * The chart of one unit's series (rows of one indicator, group, unit and period kind), or null when
 * it has fewer than `minUseful` points with a value.
 * @example unitSpcChart(monthRowsOfMidt, { kind: "proportion", multiplier: 100, improvement: "decrease" })
 */
export function unitSpcChart(rows: readonly IndicatorRow[], info: MeasureInfo, options: UnitSpcOptions = {}): UnitSpcChart | null {
  const sorted = [...rows].sort((a, b) => comparePeriods(periodOf(a.period), periodOf(b.period)));
  const useful = sorted.filter((r) => !r.suppressed && r.value !== null);
  if (useful.length < (options.minUseful ?? SPC_MIN_USEFUL)) return null;
  const amount = info.kind === "amount";
  const points = sorted.map((r) =>
    amount
      ? { period: r.period, value: r.suppressed ? null : r.value }
      : {
          period: r.period,
          numerator: r.suppressed || r.numerator === null || r.denominator === null ? null : info.kind === "proportion" ? Math.min(r.numerator, r.denominator) : r.numerator,
          denominator: r.suppressed ? null : r.denominator,
        },
  );
  const kind = periodKindOf(sorted[0].period);
  const completed = kind === null ? { points, warnings: [] as Note[] } : completePeriods(points, kind);
  const common = {
    improvement: info.improvement,
    ...(options.phases && options.phases.length > 0 ? { phases: [...options.phases] } : {}),
    ...(options.firstPhaseLabel ? { firstPhaseLabel: options.firstPhaseLabel } : {}),
  };
  if (amount) return { result: xmrChart(completed.points, common), warnings: completed.warnings };
  const dens = completed.points.filter((p) => p.numerator !== null && p.numerator !== undefined && p.denominator !== null && p.denominator !== undefined && p.denominator > 0).map((p) => p.denominator as number);
  const laney = dens.length > 0 && dens.reduce((a, b) => a + b, 0) / dens.length >= LANEY_LARGE_DENOMINATOR;
  const opts = { ...common, multiplier: info.multiplier };
  const chart = info.kind === "proportion" ? (laney ? pPrimeChart : pChart) : laney ? uPrimeChart : uChart;
  return { result: chart(completed.points, opts), warnings: completed.warnings };
}
