/**
 * Cost per avoided event of one adoption (seed 003: "ambitionen om faglig og økonomisk
 * gennemsigtighed følges, så der foreligger et godt beslutningsgrundlag"): the intervention's own
 * cost over the analysed period after the start, divided by the events it avoided.
 *
 * Avoided events = observed × (1 / RR − 1), with RR the overall rate ratio of the adoption's
 * effect row (observed events since the start, and the counterfactual observed / RR). The interval
 * maps the rate ratio's interval through the same monotone function: avoided from
 * observed × (1/upper − 1) to observed × (1/lower − 1). Cost = one_off + per_year × years after the
 * start (post periods ÷ periods per year). Cost per avoided event = cost ÷ avoided; its interval
 * is cost ÷ avoided-upper to cost ÷ avoided-lower, and has no upper bound when the rate ratio's
 * interval reaches 1 or beyond (then the data do not exclude that nothing was avoided).
 * Only for a target whose improvement is a decrease (admissions, readmissions).
 */
import type { InterventionEffectRow } from "./interventionEffect.js";
import type { AdoptionCost } from "./interventionSchema.js";
import { PERIODS_PER_YEAR, periodKindOf } from "../contract/period.js";

export interface CostPerAvoided {
  /** Total cost in DKK over the analysed period after the start. */
  readonly cost: number;
  readonly years: number;
  readonly avoided: number;
  readonly avoidedLower: number;
  readonly avoidedUpper: number;
  /** DKK per avoided event; null when the point estimate avoids nothing. */
  readonly perAvoided: number | null;
  readonly lower: number | null;
  /** null: no upper bound (the interval of the effect includes no effect). */
  readonly upper: number | null;
  readonly illustrative: boolean;
}

/**
 * @returns null when the row has no estimate, no post periods, or the target's improvement is not a decrease
 * @example costPerAvoided(effectRow, { one_off: 0, per_year: 1_000_000 })?.perAvoided
 */
export function costPerAvoided(row: InterventionEffectRow, cost: AdoptionCost): CostPerAvoided | null {
  if (row.direction !== "decrease" || row.rateRatio === null || row.lower === null || row.upper === null) return null;
  if (row.events === null || row.postPeriods === null || row.start === null) return null;
  const kind = periodKindOf(row.start);
  if (kind === null) return null;
  const years = row.postPeriods / PERIODS_PER_YEAR[kind];
  const total = cost.one_off + cost.per_year * years;
  const avoidedOf = (rr: number) => row.events! * (1 / rr - 1);
  const avoided = avoidedOf(row.rateRatio);
  const avoidedLower = avoidedOf(row.upper);
  const avoidedUpper = avoidedOf(row.lower);
  return {
    cost: total,
    years,
    avoided,
    avoidedLower,
    avoidedUpper,
    perAvoided: avoided > 0 ? total / avoided : null,
    lower: avoidedUpper > 0 ? total / avoidedUpper : null,
    upper: avoidedLower > 0 ? total / avoidedLower : null,
    illustrative: cost.illustrative === true,
  };
}
