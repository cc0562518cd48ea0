import { describe, expect, it } from "vitest";
import { computeIndicators } from "../../src/indicators/index.js";
import { describeIndicator, describeIndicators, indicatorDescriptor, INDICATOR_DESCRIPTORS } from "../../src/indicators/descriptor.js";
import { groupsFromPrefixes } from "../../src/stays/diagnosisGroups.js";
import type { ContactRow } from "../stays/contactsFromRows.js";
import { datasetFrom, flatPopulation } from "./datasetFromRows.js";

const FOCUS = groupsFromPrefixes({ fractures: ["S"], lower_respiratory_infections: ["J12-J18", "J20-J22"], unspecific: ["R", "Z03"] });
const PREVENTABLE = groupsFromPrefixes({ dehydration: ["E86"] });
const POP = flatPopulation([2019, 2020], [615, 727, 751], 10);
const adm = (patient: string, from: string, to: string, extra: Partial<ContactRow> = {}): ContactRow => ({ patient, admitted: from, discharged: to, ...extra });
const ROWS: ContactRow[] = [
  adm("p1", "2019-02-01T08:00", "2019-02-03T08:00", { municipality: 615, birth: "1940-01-01", cost: 20000 }),
  adm("p1", "2019-02-20T08:00", "2019-02-22T08:00", { municipality: 615, birth: "1940-01-01", diagnosis: "E869" }),
  adm("p3", "2019-07-10T08:00", "2019-07-11T08:00", { municipality: 751, birth: "2018-03-01", sex: "M", diagnosis: "S720" }),
  adm("p4", "2020-11-01T08:00", "2020-11-02T08:00", { municipality: 751, birth: "1980-01-01", diagnosis: "J181", cost: 10000 }),
  adm("p9", "2020-12-31T08:00", "2020-12-31T22:00", { municipality: 751, birth: "1980-01-01" }),
];

describe("the indicator descriptor", () => {
  const rows = computeIndicators(datasetFrom(ROWS, POP), { focusGroups: FOCUS, preventableGroups: PREVENTABLE, period: ["year", "quarter"], minCount: 0 });

  it("describes every indicator the engine writes", () => {
    expect(rows.length).toBeGreaterThan(100);
    const missing = [...new Set(rows.map((r) => r.indicator))].filter((id) => describeIndicator(id) === null);
    expect(missing).toEqual([]);
  });

  it("states the scale the rows were built with: value = numerator / denominator × multiplier (rates per person-year)", () => {
    let checked = 0;
    for (const r of rows) {
      if (r.value === null || r.numerator === null || r.denominator === null || r.denominator <= 0 || r.numerator <= 0) continue;
      expect(r.value, r.indicator).toBeCloseTo((r.numerator / r.denominator) * indicatorDescriptor(r.indicator).multiplier, 6);
      checked++;
    }
    expect(checked).toBeGreaterThan(20);
    expect(indicatorDescriptor("readmission_30d")).toMatchObject({ kind: "proportion", multiplier: 100, better: "decrease" });
    expect(indicatorDescriptor("admission_rate")).toMatchObject({ kind: "rate", multiplier: 1000, dimension: "population_health" });
    expect(indicatorDescriptor("experience_positive:relatives")).toMatchObject({ kind: "proportion", better: "increase", dimension: "experience" });
    expect(indicatorDescriptor("cost_per_citizen:hospital")).toMatchObject({ kind: "amount", multiplier: 1, dimension: "cost" });
  });

  it("has Danish and English texts for every descriptor", () => {
    for (const d of Object.values(INDICATOR_DESCRIPTORS))
      for (const field of [d.unit, d.definition, d.source, d.population]) {
        expect(field.da.length, d.id).toBeGreaterThan(0);
        expect(field.en.length, d.id).toBeGreaterThan(0);
      }
  });

  it("travels with a table: ids present, their period kinds, first and last periods and groups", () => {
    const meta = describeIndicators(rows, ["indicator", "period"]);
    expect(meta.table).toBe("klynge-indicators");
    expect(meta.undescribed).toEqual([]);
    const adm = meta.indicators.find((d) => d.id === "admission_rate")!;
    expect(adm.periodKinds).toEqual(["year", "quarter"]);
    expect([adm.firstPeriod, adm.lastPeriod]).toEqual(["2019", "2020-Q4"]);
    expect(adm.groups).toContain("65+");
    const cost = meta.indicators.find((d) => d.id === "cost_per_citizen")!;
    expect(cost.periodKinds).toEqual(["year"]);
    expect(describeIndicators([{ ...rows[0], indicator: "my_own" }]).undescribed).toEqual(["my_own"]);
  });
});
