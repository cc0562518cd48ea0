/**
 * Which admissions each of several populations counts, found in one pass over the admissions.
 * A population is a predicate on the stay's acute flag, age and diagnosis (the code index of its
 * first contact). Reading the diagnosis is a look-up at a random place of the contact table (the
 * admissions are in patient order, the contacts in file order), so tables that count several
 * populations (focus areas, question tables) read it once per admission here instead of once per
 * admission and population.
 */
import { staySource } from "../stays/buildStays.js";
import type { IndicatorContext } from "./indicatorContext.js";

/** A population: does it count an admission of this acute flag (0/1), age and diagnosis? */
export type AdmissionPredicate = (acute: number, age: number, diagnosis: number) => boolean;

/** Per admission row, one bit per population: population p is bit p % 8 of `bits[p >> 3]`. */
export interface AdmissionMembership {
  readonly bits: readonly Uint8Array[];
  /** Does population p count admission row j? */
  readonly has: (p: number, j: number) => boolean;
}

/**
 * Evaluate every predicate on every admission row (or only the rows `rowOk` lets through).
 * @example admissionMembership(ctx, [(acute) => acute === 1, (_a, age) => age <= 2]).has(1, 0)
 */
export function admissionMembership(ctx: IndicatorContext, predicates: readonly AdmissionPredicate[], rowOk?: (j: number) => boolean): AdmissionMembership {
  const { stays, admissions } = ctx.computed;
  // the first contact's diagnosis: through firstContact, or a stay column when the rows are out of order
  const { values: diagnosis, index } = staySource(stays, "diagnosis");
  const n = admissions.length;
  const bits = Array.from({ length: Math.ceil(predicates.length / 8) }, () => new Uint8Array(n));
  for (let j = 0; j < n; j++) {
    if (rowOk !== undefined && !rowOk(j)) continue;
    const s = admissions.stay[j];
    const acute = stays.acute[s];
    const age = stays.age[s];
    const d = diagnosis[index === null ? s : index[s]];
    for (let p = 0; p < predicates.length; p++) if (predicates[p](acute, age, d)) bits[p >> 3][j] |= 1 << (p & 7);
  }
  return { bits, has: (p, j) => (bits[p >> 3][j] & (1 << (p & 7))) !== 0 };
}
