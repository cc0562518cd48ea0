import { groupIndexByDiagnosis } from "../stays/diagnosisGroups.js";
import { staySource } from "../stays/buildStays.js";
import { indicatorDescriptor } from "./descriptor.js";
import { admissionCube, ratePeriodOk, releaseCubes } from "./eventCubes.js";
import { buildIndicatorRows } from "./buildIndicatorRows.js";
import { contextOf, type IndicatorInput } from "./contextOf.js";
import { defaultPreventableGroups } from "./diagnosisGroupFiles.js";
import type { IndicatorOptions } from "./indicatorOptions.js";
import type { IndicatorRow } from "./table.js";

/**
 * `preventable_admission_rate`: acute admissions of citizens 65+ whose primary diagnosis is in one
 * of the nine preventable groups (data/diagnosis-groups/preventable-admissions.csv, or
 * `options.preventableGroups`) per 1,000 citizens 65+ ("forebyggelige indlæggelser",
 * danish-context.md). Interval: exact Poisson / Byars (methods.md). Group "65+" only.
 */
export function preventableAdmissionRate(input: IndicatorInput, options: IndicatorOptions = {}): IndicatorRow[] {
  const ctx = contextOf(input, options);
  const groups = ctx.options.preventableGroups ?? defaultPreventableGroups();
  const byDx = groupIndexByDiagnosis(ctx.dataset.contacts.diagnoses, groups);
  const { acute, age } = ctx.computed.stays;
  // a stay's diagnosis is its first contact's (read through firstContact, or gathered when the rows are out of order)
  const dx = staySource(ctx.computed.stays, "diagnosis");
  const values = dx.values;
  const index = dx.index;
  const numerator = admissionCube(ctx, {
    keep: (_j, s) => acute[s] === 1 && age[s] >= 65 && byDx[values[index === null ? s : index[s]]] >= 0,
    on: "start",
  });
  const rows = buildIndicatorRows(ctx, {
    indicator: "preventable_admission_rate",
    kind: "rate",
    numerator,
    multiplier: indicatorDescriptor("preventable_admission_rate").multiplier,
    groups: ["65+"],
    periodOk: ratePeriodOk(ctx),
  });
  releaseCubes(ctx, numerator);
  return rows;
}
