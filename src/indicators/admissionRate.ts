import { admissionCube, ratePeriodOk, releaseCubes } from "./eventCubes.js";
import { indicatorDescriptor } from "./descriptor.js";
import { buildIndicatorRows } from "./buildIndicatorRows.js";
import { contextOf, type IndicatorInput } from "./contextOf.js";
import type { IndicatorOptions } from "./indicatorOptions.js";
import { targetPopulationOf } from "./targetPopulation.js";
import type { IndicatorRow } from "./table.js";

/**
 * `admission_rate`: acute admissions starting in the period per 1,000 citizens of the group
 * (population on 1 January; sub-year periods use person-time pro rata, so the rate is per 1,000
 * person-years). Interval: exact Poisson below 10 events, Byars from 10 (methods.md,
 * PHEindicatormethods). Admissions follow the chosen registration rule (default: stays ≥ 12 h,
 * the national definition of Sundhedsdatastyrelsen). With `diagnosisGroups` (a target population),
 * only stays whose primary diagnosis is in the groups: `admission_rate@<groups>`.
 * @example admissionRate(dataset, { groups: ["65+"], levels: ["cluster"] })
 */
export function admissionRate(input: IndicatorInput, options: IndicatorOptions = {}): IndicatorRow[] {
  const ctx = contextOf(input, options);
  const acute = ctx.computed.stays.acute;
  const target = targetPopulationOf(ctx);
  const numerator = admissionCube(ctx, { keep: (_j, s) => acute[s] === 1 && target.keeps(s), on: "start" });
  const rows = buildIndicatorRows(ctx, {
    indicator: `admission_rate${target.suffix}`,
    kind: "rate",
    numerator,
    multiplier: indicatorDescriptor("admission_rate").multiplier,
    periodOk: ratePeriodOk(ctx),
  });
  releaseCubes(ctx, numerator);
  return rows;
}
