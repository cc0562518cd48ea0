import { appendRows } from "./appendRows.js";
import { indicatorDescriptor } from "./descriptor.js";
import { groupIndexByDiagnosis } from "../stays/diagnosisGroups.js";
import { parseAgeGroup } from "./ageGroup.js";
import { admissionCube, ratePeriodOk, readmissionPeriodOk, releaseCubes } from "./eventCubes.js";
import { AREA_0_2, areaReadmissionIndicator } from "./questionFamilies.js";
import { buildIndicatorRows } from "./buildIndicatorRows.js";
import { contextOf, type IndicatorInput } from "./contextOf.js";
import { defaultFocusGroups } from "./diagnosisGroupFiles.js";
import type { IndicatorOptions } from "./indicatorOptions.js";
import type { IndicatorRow } from "./table.js";

/**
 * The focus areas of seed 002 (Midtklyngen 2018): `focus_<group>` for each diagnosis group of
 * data/diagnosis-groups/focus-areas.csv (fractures, lower respiratory infections, unspecific
 * diagnoses — acute admissions of the group's population, default 65+, per 1,000 citizens of it)
 * and `focus_admissions_0_2` (all admissions, acute and planned, of 0–2-year-olds per 1,000
 * citizens 0–2). Interval: exact Poisson / Byars (methods.md). And each area's 30-day
 * readmissions, `focus_readmission_30d_<area>` (`_0_2` for the children): the share of the area's
 * index admissions followed by an acute readmission within 30 days (any diagnosis that is not
 * excluded, readmission30d.ts's rule), Wilson interval.
 */
export function focusAreaRates(input: IndicatorInput, options: IndicatorOptions = {}): IndicatorRow[] {
  const ctx = contextOf(input, options);
  const groups = ctx.options.focusGroups ?? defaultFocusGroups();
  const { acute, firstContact, age } = ctx.computed.stays;
  const diagnosis = ctx.dataset.contacts.diagnosis; // a stay's diagnosis is its first contact's
  const periodOk = ratePeriodOk(ctx);
  const rows: IndicatorRow[] = [];
  for (const g of groups) {
    const inGroup = groupIndexByDiagnosis(ctx.dataset.contacts.diagnoses, [g]);
    const population = parseAgeGroup(g.age_group ?? "65+");
    if (!ctx.groups.some((x) => x.group.label === population.label)) continue;
    const numerator = admissionCube(ctx, {
      keep: (_j, s) => acute[s] === 1 && age[s] >= population.lo && age[s] <= population.hi && inGroup[diagnosis[firstContact[s]]] === 0,
      on: "start",
    });
    appendRows(rows, buildIndicatorRows(ctx, {
        indicator: `focus_${g.group}`,
        kind: "rate",
        numerator,
        multiplier: indicatorDescriptor(`focus_${g.group}`).multiplier,
        groups: [population.label],
        periodOk,
      }),
    );
    releaseCubes(ctx, numerator);
  }
  // 30-day readmissions per focus area: of the area's index admissions (readmission30d's rule)
  const a = ctx.computed.admissions;
  const windowDays = Math.ceil(ctx.options.stays?.windowDays ?? 30);
  const readmissionOk = readmissionPeriodOk(ctx, windowDays);
  const readmissions = (area: string, population: string, inArea: (s: number) => boolean) => {
    const numerator = admissionCube(ctx, { keep: (j, s) => a.readmitted[j] === 1 && inArea(s), on: "end" });
    const denominator = admissionCube(ctx, { keep: (j, s) => a.index[j] === 1 && inArea(s), on: "end" });
    appendRows(rows, buildIndicatorRows(ctx, {
        indicator: areaReadmissionIndicator(area),
        kind: "proportion",
        numerator,
        denominator,
        multiplier: indicatorDescriptor(areaReadmissionIndicator(area)).multiplier,
        groups: [population],
        periodOk: readmissionOk,
      }),
    );
    releaseCubes(ctx, numerator, denominator);
  };
  for (const g of groups) {
    const inGroup = groupIndexByDiagnosis(ctx.dataset.contacts.diagnoses, [g]);
    const population = parseAgeGroup(g.age_group ?? "65+");
    if (!ctx.groups.some((x) => x.group.label === population.label)) continue;
    readmissions(g.group, population.label, (s) => acute[s] === 1 && age[s] >= population.lo && age[s] <= population.hi && inGroup[diagnosis[firstContact[s]]] === 0);
  }
  if (ctx.groups.some((x) => x.group.label === "0-2")) readmissions(AREA_0_2, "0-2", (s) => age[s] <= 2);

  const young = admissionCube(ctx, { keep: (_j, s) => age[s] <= 2, on: "start" });
  appendRows(rows, buildIndicatorRows(ctx, {
      indicator: "focus_admissions_0_2",
      kind: "rate",
      numerator: young,
      multiplier: indicatorDescriptor("focus_admissions_0_2").multiplier,
      groups: ["0-2"],
      periodOk,
    }),
  );
  releaseCubes(ctx, young);
  return rows;
}
