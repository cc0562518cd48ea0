import { admissionCube, readmissionPeriodOk, releaseCubes } from "./eventCubes.js";
import { indicatorDescriptor } from "./descriptor.js";
import { buildIndicatorRows } from "./buildIndicatorRows.js";
import { contextOf, type IndicatorInput } from "./contextOf.js";
import type { IndicatorOptions } from "./indicatorOptions.js";
import { targetPopulationOf } from "./targetPopulation.js";
import type { IndicatorRow } from "./table.js";

/**
 * `readmission_30d`: percentage of index admissions (discharged in the period, alive at
 * discharge, ≥ 30 days of data after) followed by an acute readmission within 30 days whose
 * diagnosis is not excluded (stays/linkReadmissions). Numerator and denominator are counts of
 * index admissions, attributed to the index admission's municipality, age group and discharge
 * period. Interval: Wilson score (methods.md). Only periods whose every discharge has the full
 * window inside the data are published. With `diagnosisGroups` (a target population), only index
 * admissions whose primary diagnosis is in the groups: `readmission_30d@<groups>`.
 * @example readmission30d(dataset, { groups: ["0-2"], registration: "as-registered" })
 */
export function readmission30d(input: IndicatorInput, options: IndicatorOptions = {}): IndicatorRow[] {
  const ctx = contextOf(input, options);
  const a = ctx.computed.admissions;
  const windowDays = ctx.resolved.windowDays;
  const target = targetPopulationOf(ctx);
  const numerator = admissionCube(ctx, { keep: (j, s) => a.readmitted[j] === 1 && target.keeps(s), on: "end" });
  const denominator = admissionCube(ctx, { keep: (j, s) => a.index[j] === 1 && target.keeps(s), on: "end" });
  const rows = buildIndicatorRows(ctx, {
    indicator: `readmission_30d${target.suffix}`,
    kind: "proportion",
    numerator,
    denominator,
    multiplier: indicatorDescriptor("readmission_30d").multiplier,
    periodOk: readmissionPeriodOk(ctx, windowDays),
  });
  releaseCubes(ctx, numerator, denominator);
  return rows;
}
