import { admissionCube, readmissionPeriodOk, releaseCubes } from "./eventCubes.js";
import { indicatorDescriptor } from "./descriptor.js";
import { buildIndicatorRows } from "./buildIndicatorRows.js";
import { contextOf, type IndicatorInput } from "./contextOf.js";
import type { IndicatorOptions } from "./indicatorOptions.js";
import type { IndicatorRow } from "./table.js";

/**
 * `readmission_30d`: percentage of index admissions (discharged in the period, alive at
 * discharge, ≥ 30 days of data after) followed by an acute readmission within 30 days whose
 * diagnosis is not excluded (stays/linkReadmissions). Numerator and denominator are counts of
 * index admissions, attributed to the index admission's municipality, age group and discharge
 * period. Interval: Wilson score (methods.md). Only periods whose every discharge has the full
 * window inside the data are published.
 * @example readmission30d(dataset, { groups: ["0-2"], registration: "as-registered" })
 */
export function readmission30d(input: IndicatorInput, options: IndicatorOptions = {}): IndicatorRow[] {
  const ctx = contextOf(input, options);
  const a = ctx.computed.admissions;
  const windowDays = ctx.resolved.windowDays;
  const numerator = admissionCube(ctx, { keep: (j) => a.readmitted[j] === 1, on: "end" });
  const denominator = admissionCube(ctx, { keep: (j) => a.index[j] === 1, on: "end" });
  const rows = buildIndicatorRows(ctx, {
    indicator: "readmission_30d",
    kind: "proportion",
    numerator,
    denominator,
    multiplier: indicatorDescriptor("readmission_30d").multiplier,
    periodOk: readmissionPeriodOk(ctx, windowDays),
  });
  releaseCubes(ctx, numerator, denominator);
  return rows;
}
