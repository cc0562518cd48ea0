/** Shared shapes of funnel plots: the limits curve, the units and how each is classed. */
import type { FunnelNote } from "./funnelMessages.js";

export type FunnelDataType = "proportion" | "rate" | "ratio";

/** "phe": unadjusted limits (PHE/Fingertips); "spiegelhalter": overdispersion-adjusted;
 * "spiegelhalter-fallback": adjustment asked for, but phi <= 1, so unadjusted limits are used. */
export type FunnelMethod = "phe" | "spiegelhalter" | "spiegelhalter-fallback";

export type FunnelClass = "high" | "low" | "not_significant";

/** One point of a limit curve at one level. */
export interface FunnelLimitPoint {
  /** Denominator (proportions, rates) or expected count (ratios). */
  readonly denominator: number;
  /** Confidence level as a fraction, e.g. 0.95 or 0.998. */
  readonly level: number;
  readonly lower: number;
  readonly upper: number;
}

export interface FunnelUnit {
  readonly unit: string;
  readonly numerator: number;
  readonly denominator: number;
  /** Value on the plotted scale (proportion, rate × multiplier, or ratio). */
  readonly value: number;
  /** Overdispersion z-score (transformed scale), when computed. */
  readonly z: number | null;
  /** Class at each level, in the order of `levels`. */
  readonly classes: readonly { readonly level: number; readonly class: FunnelClass }[];
  /** Notes on this unit as codes plus values (text: `noteText(note, lang)`); empty when none. */
  readonly notes: readonly FunnelNote[];
}

export interface FunnelResult {
  readonly type: FunnelDataType;
  readonly method: FunnelMethod;
  readonly target: number;
  readonly multiplier: number;
  readonly levels: readonly number[];
  readonly phi: number | null;
  readonly tau2: number | null;
  readonly units: readonly FunnelUnit[];
  readonly limits: readonly FunnelLimitPoint[];
  /** Method and class-rule notes as codes plus values (text: `noteText(note, lang)`). */
  readonly notes: readonly FunnelNote[];
}
