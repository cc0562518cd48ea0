/** Shapes of the overview (the steering paper's first page): one row per measure × unit. */
import type { IndicatorRow } from "../indicators/index.js";
import type { ImprovementDirection, SpcChartType } from "../spc/index.js";
import type { AssuranceSignal } from "../spc/assuranceSignal.js";
import type { VariationSignal } from "../spc/variationSignal.js";
import type { InterventionPhase } from "../spread/index.js";
import type { MeasureKind } from "./measureInfo.js";

/** Where a unit lies in the funnel plot of its level in the latest period (Spiegelhalter limits, overdispersion-adjusted where present). */
export const FunnelPosition = {
  above_998: "above_998",
  above_95: "above_95",
  within: "within",
  below_95: "below_95",
  below_998: "below_998",
} as const;
export type FunnelPosition = keyof typeof FunnelPosition;

/** Why a row has no variation signal. */
export type VariationGap = "too_few_points" | "no_series";

/** An intervention the unit takes part in, with the phase of its adoption there. */
export interface OverviewIntervention {
  readonly id: string;
  readonly name: string;
  readonly phase: InterventionPhase;
  /** Adoption start (YYYY-MM-DD). */
  readonly start: string;
}

/** Where a target comes from: an intervention's Triple Aim target, or the user. */
export type TargetSource = { readonly kind: "intervention"; readonly intervention: string; readonly target: string } | { readonly kind: "user" };

export interface OverviewRow {
  readonly indicator: string;
  readonly group: string;
  readonly level: IndicatorRow["level"];
  /** Region name, cluster name or municipality code (as the indicator table). */
  readonly unit: string;
  readonly kind: MeasureKind;
  /** value = numerator / denominator × multiplier. */
  readonly multiplier: number;
  readonly improvement: ImprovementDirection;
  /** Latest period of the measure at this level (year; half-year for half-yearly measures). */
  readonly period: string | null;
  readonly value: number | null;
  readonly lower: number | null;
  readonly upper: number | null;
  /** True when the latest value is suppressed (value, interval and change are then null). */
  readonly suppressed: boolean;
  readonly baselinePeriod: string | null;
  readonly baselineValue: number | null;
  /** value − baselineValue, on the measure's scale. */
  readonly change: number | null;
  /** value / baselineValue − 1. */
  readonly relativeChange: number | null;
  /** Making Data Count variation signal of the SPC chart's latest point; null with `variationGap` when there is no chart. */
  readonly variation: VariationSignal | null;
  readonly variationGap: VariationGap | null;
  /** Period of the point read (the latest with a value). */
  readonly variationPeriod: string | null;
  /** Value of the point read (on the measure's scale). */
  readonly variationValue: number | null;
  readonly variationRules: readonly string[];
  readonly spcChart: SpcChartType | null;
  /** Points with a value in the SPC series. */
  readonly spcPoints: number;
  /** Target on the measure's scale, and where it comes from. */
  readonly target: number | null;
  readonly targetSource: TargetSource | null;
  /** Making Data Count assurance: the target against the latest process limits (null without a target). */
  readonly assurance: AssuranceSignal | null;
  /** Process limits of the latest point (what the assurance compared the target with). */
  readonly processLower: number | null;
  readonly processUpper: number | null;
  /** Position in the funnel of the units of this level in `funnelPeriod` (null for the region, amounts, a suppressed unit). */
  readonly funnel: FunnelPosition | null;
  readonly funnelPeriod: string | null;
  /** Interventions with a target on this measure that the unit has adopted, with the adoption's phase. */
  readonly interventions: readonly OverviewIntervention[];
}

export interface OverviewResult {
  readonly rows: readonly OverviewRow[];
  /** Measures asked for that the indicator table does not have. */
  readonly missing: readonly { readonly indicator: string; readonly group: string }[];
}
