/** Shared shapes of the SPC layer: every chart returns a per-point table and a summary. */
import type { SpcNote } from "./messages.js";

export const SpcChartType = { run: "run", xmr: "xmr", p: "p", u: "u", pprime: "pprime", uprime: "uprime" } as const;
export type SpcChartType = keyof typeof SpcChartType;

/** Which direction is better for the measure. */
export type ImprovementDirection = "increase" | "decrease" | "neutral";

/** How a flagged point reads, given the improvement direction (Making Data Count colours: blue / orange). */
export type SignalKind = "improvement" | "concern" | "neutral";

export interface SpcPoint {
  /** Period label as given, e.g. "2019-03". */
  readonly period: string;
  /** 0-based position in the full series, gaps included. */
  readonly index: number;
  /** The plotted value; null for a missing period (a gap, never a zero). */
  readonly value: number | null;
  readonly numerator: number | null;
  readonly denominator: number | null;
  readonly centre: number | null;
  readonly lower3: number | null;
  readonly upper3: number | null;
  readonly lower2: number | null;
  readonly upper2: number | null;
  /** Phase label (e.g. "Før", or an intervention start). */
  readonly phase: string;
  /** True when the point was among the points that set its phase's centre and limits. */
  readonly baseline: boolean;
  /** True when the user excluded the point from the limit calculation (it is still plotted). */
  readonly excluded: boolean;
  /** Rule ids that flagged this point, in priority order (empty when none). */
  readonly rules: readonly string[];
  /** Null when no rule flagged the point. */
  readonly signal: SignalKind | null;
  /** True when the point's rules point in opposite directions (the highest-priority rule decides `signal`). */
  readonly signalConflict?: boolean;
  /** XmR: moving range to the previous point (null when not formed: first point, gap, excluded, or outside the baseline). */
  readonly movingRange?: number | null;
}

export interface SpcPhaseSummary {
  readonly phase: string;
  readonly firstPeriod: string;
  readonly lastPeriod: string;
  /** Periods in the phase, gaps included. */
  readonly points: number;
  /** Run chart: points not on the median and not excluded (Anhøj n); control charts: non-gap points. */
  readonly usefulPoints: number;
  /** Points that set the phase's centre and limits (in the freeze window, not excluded, not gaps). */
  readonly baselinePoints: number;
  readonly centre: number | null;
  /** Run-chart facts for the phase (Anhøj): longest run and crossings, with thresholds. */
  readonly longestRun?: number;
  readonly longestRunMax?: number;
  readonly crossings?: number;
  readonly crossingsMin?: number;
  readonly signals: number;
  /** True when the Anhøj rules signal non-random variation in the phase (run chart). */
  readonly runsSignal?: boolean;
  /** XmR: σ̂ used for the limits; p/u: null (it varies per point). */
  readonly sigma?: number | null;
  /** XmR (and Laney): mean moving range used for the limits, after screening. */
  readonly meanMovingRange?: number | null;
  /** Number of moving ranges removed by the screening. */
  readonly screenedMovingRanges?: number;
  /** p/u charts: Laney's σ_z of the phase (reported for plain charts too, to judge overdispersion). */
  readonly sigmaZ?: number | null;
}

export interface SpcResult {
  readonly chart: SpcChartType;
  readonly improvement: ImprovementDirection;
  readonly points: readonly SpcPoint[];
  readonly phases: readonly SpcPhaseSummary[];
  /** Periods with no value (gaps), reported. */
  readonly missingPeriods: readonly string[];
  /** Notes as codes with values (e.g. Laney adjustment with its sigma_z); words via `noteText` (src/text). */
  readonly notes: readonly SpcNote[];
}
