/**
 * The indicator ids a Triple Aim target may name: those of the indicator engine (src/indicators).
 * Callers with their own indicators extend the list through the `indicators` option of
 * `parseIntervention` / `loadInterventions`.
 */
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

// Their dimension and better direction are the indicator descriptor's (src/indicators/descriptor.ts).
export const isKnownIndicator = (v: unknown): v is KnownIndicator =>
  typeof v === "string" && (KNOWN_INDICATORS as readonly string[]).includes(v);
