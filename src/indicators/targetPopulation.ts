/**
 * A target population by diagnosis (IndicatorOptions.diagnosisGroups; issue 17): which stays it
 * keeps (the stay's primary diagnosis, its first contact's, in one of the groups) and the suffix its
 * indicator ids get (`admission_rate@medical`).
 */
import { groupIndexByDiagnosis } from "../stays/diagnosisGroups.js";
import type { IndicatorContext } from "./indicatorContext.js";

export interface TargetPopulationFilter {
  /** "" without a target population, else "@<group>[+<group>…]". */
  readonly suffix: string;
  /** True when stay s belongs to the target population (always true without one). */
  readonly keeps: (s: number) => boolean;
}

export function targetPopulationOf(ctx: IndicatorContext): TargetPopulationFilter {
  const groups = ctx.options.diagnosisGroups;
  if (groups === undefined || groups.length === 0) return { suffix: "", keeps: () => true };
  const inGroup = groupIndexByDiagnosis(ctx.dataset.contacts.diagnoses, groups);
  const diagnosis = ctx.dataset.contacts.diagnosis;
  const first = ctx.computed.stays.firstContact;
  return { suffix: `@${groups.map((g) => g.group).join("+")}`, keeps: (s) => inGroup[diagnosis[first[s]]] >= 0 };
}
