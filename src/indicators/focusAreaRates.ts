import { appendRows } from "./appendRows.js";
import { indicatorDescriptor } from "./descriptor.js";
import { groupIndexByDiagnosis } from "../stays/diagnosisGroups.js";
import { parseAgeGroup, type AgeGroup } from "./ageGroup.js";
import { admissionMembership, type AdmissionPredicate } from "./admissionMembership.js";
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
  const periodOk = ratePeriodOk(ctx);
  const rows: IndicatorRow[] = [];
  // The areas present in the groups, then the 0-2-year-olds: which admissions each counts (one
  // pass reading each admission's diagnosis once; the area's acute admissions of its population).
  const areas: { readonly area: string; readonly population: AgeGroup }[] = [];
  const predicates: AdmissionPredicate[] = [];
  for (const g of groups) {
    const population = parseAgeGroup(g.age_group ?? "65+");
    if (!ctx.groups.some((x) => x.group.label === population.label)) continue;
    const inGroup = groupIndexByDiagnosis(ctx.dataset.contacts.diagnoses, [g]);
    areas.push({ area: g.group, population });
    predicates.push((acute, age, diagnosis) => acute === 1 && age >= population.lo && age <= population.hi && inGroup[diagnosis] === 0);
  }
  const young = predicates.length;
  predicates.push((_acute, age) => age <= 2);
  const member = admissionMembership(ctx, predicates);
  areas.forEach(({ area, population }, p) => {
    const numerator = admissionCube(ctx, { keep: (j) => member.has(p, j), on: "start" });
    appendRows(rows, buildIndicatorRows(ctx, {
        indicator: `focus_${area}`,
        kind: "rate",
        numerator,
        multiplier: indicatorDescriptor(`focus_${area}`).multiplier,
        groups: [population.label],
        periodOk,
      }),
    );
    releaseCubes(ctx, numerator);
  });
  // 30-day readmissions per focus area: of the area's index admissions (readmission30d's rule)
  const a = ctx.computed.admissions;
  const windowDays = Math.ceil(ctx.options.stays?.windowDays ?? 30);
  const readmissionOk = readmissionPeriodOk(ctx, windowDays);
  const readmissions = (area: string, population: string, p: number) => {
    const numerator = admissionCube(ctx, { keep: (j) => a.readmitted[j] === 1 && member.has(p, j), on: "end" });
    const denominator = admissionCube(ctx, { keep: (j) => a.index[j] === 1 && member.has(p, j), on: "end" });
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
  areas.forEach(({ area, population }, p) => readmissions(area, population.label, p));
  if (ctx.groups.some((x) => x.group.label === "0-2")) readmissions(AREA_0_2, "0-2", young);

  const youngCube = admissionCube(ctx, { keep: (j) => member.has(young, j), on: "start" });
  appendRows(rows, buildIndicatorRows(ctx, {
      indicator: "focus_admissions_0_2",
      kind: "rate",
      numerator: youngCube,
      multiplier: indicatorDescriptor("focus_admissions_0_2").multiplier,
      groups: ["0-2"],
      periodOk,
    }),
  );
  releaseCubes(ctx, youngCube);
  return rows;
}
