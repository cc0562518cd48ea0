/**
 * The indicator ids a Triple Aim target may name: those of the indicator engine (src/indicators).
 * Callers with their own indicators extend the list through the `indicators` option of
 * `parseIntervention` / `loadInterventions`.
 */
import type { TargetDirection, TripleAimTargetDimension } from "./vocabulary.js";

export const KNOWN_INDICATORS = [
  "admission_rate",
  "readmission_30d",
  "preventable_admission_rate",
  "focus_fractures",
  "focus_lower_respiratory_infections",
  "focus_unspecific",
  "focus_admissions_0_2",
  "cost_per_citizen",
  "experience_positive",
] as const;
export type KnownIndicator = (typeof KNOWN_INDICATORS)[number];

/** The Triple Aim dimension each known indicator measures and the direction that is better. */
export const KNOWN_INDICATOR_INFO: Readonly<
  Record<KnownIndicator, { readonly dimension: TripleAimTargetDimension; readonly improvement: TargetDirection }>
> = {
  admission_rate: { dimension: "population_health", improvement: "decrease" },
  readmission_30d: { dimension: "population_health", improvement: "decrease" },
  preventable_admission_rate: { dimension: "population_health", improvement: "decrease" },
  focus_fractures: { dimension: "population_health", improvement: "decrease" },
  focus_lower_respiratory_infections: { dimension: "population_health", improvement: "decrease" },
  focus_unspecific: { dimension: "population_health", improvement: "decrease" },
  focus_admissions_0_2: { dimension: "population_health", improvement: "decrease" },
  cost_per_citizen: { dimension: "cost", improvement: "decrease" },
  experience_positive: { dimension: "experience", improvement: "increase" },
};

export const isKnownIndicator = (v: unknown): v is KnownIndicator =>
  typeof v === "string" && (KNOWN_INDICATORS as readonly string[]).includes(v);
