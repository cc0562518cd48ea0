import { describe, expect, it } from "vitest";
import { clusterProfile } from "../../src/compare/clusterProfile.js";
import type { IndicatorRow } from "../../src/indicators/table.js";
import { noteText } from "../../src/text/catalogue.js";
import type { Note } from "../../src/contract/note.js";

/** Notes in English words. */
const en = (ns: readonly Note[] | undefined): string[] => (ns ?? []).map((n) => noteText(n, "en"));


function row(p: Partial<IndicatorRow> & Pick<IndicatorRow, "indicator" | "unit" | "value">): IndicatorRow {
  return {
    level: "cluster",
    period: "2022",
    group: "65+",
    sex: "all",
    numerator: 10,
    denominator: 100,
    lower: p.value === null ? null : (p.value as number) - 1,
    upper: p.value === null ? null : (p.value as number) + 1,
    method: "byars",
    suppressed: false,
    ...p,
  };
}

const rows: IndicatorRow[] = [
  row({ indicator: "admission_rate", level: "region", unit: "Region", value: 100 }),
  row({ indicator: "admission_rate", unit: "Vest", value: 95 }), // interval 94–96 < 100: lower → better
  row({ indicator: "admission_rate", unit: "Midt", value: 100.5 }), // includes 100: similar
  row({ indicator: "admission_rate", unit: "Midt", value: 90, period: "2021" }), // older period, not shown
  row({ indicator: "experience_positive", level: "region", unit: "Region", value: 0.8, lower: 0.79, upper: 0.81 }),
  row({ indicator: "experience_positive", unit: "Vest", value: 0.7, lower: 0.65, upper: 0.75 }), // lower, higher is better → worse
  row({ indicator: "experience_positive", unit: "Midt", value: null, suppressed: true, numerator: null, denominator: null }),
  row({ indicator: "mystery_index", level: "region", unit: "Region", value: 5 }),
  row({ indicator: "mystery_index", unit: "Vest", value: 9 }),
];

describe("clusterProfile — every indicator side by side with its direction", () => {
  it("builds the tidy table with reference, comparison and assessment", () => {
    const res = clusterProfile(rows);
    expect(res.units).toEqual(["Midt", "Vest"]);
    expect(res.indicators).toEqual([
      { indicator: "admission_rate", direction: "lower", period: "2022" },
      { indicator: "experience_positive", direction: "higher", period: "2022" },
      { indicator: "mystery_index", direction: "none", period: "2022" },
    ]);
    const get = (ind: string, unit: string) => res.rows.find((r) => r.indicator === ind && r.unit === unit);
    expect(get("admission_rate", "Vest")).toMatchObject({ versusReference: "lower", assessment: "better", referenceValue: 100, reference: "Region" });
    expect(get("admission_rate", "Midt")).toMatchObject({ versusReference: "similar", assessment: "similar", value: 100.5 });
    expect(get("experience_positive", "Vest")).toMatchObject({ versusReference: "lower", assessment: "worse" });
    expect(get("experience_positive", "Midt")).toMatchObject({ versusReference: "not_assessed", assessment: "not_assessed", suppressed: true });
    expect(get("mystery_index", "Vest")).toMatchObject({ versusReference: "higher", assessment: "no_direction" });
    expect(en(res.notes)).toContain("No direction of improvement is known for mystery_index; give it in options.directions.");
    expect(res.rows).toHaveLength(5);
  });

  it("directions can be given; a period can be chosen; missing references are said", () => {
    const res = clusterProfile(rows, { period: "2021", directions: { mystery_index: "higher" } });
    expect(res.rows).toHaveLength(1);
    expect(res.rows[0]).toMatchObject({ unit: "Midt", value: 90, reference: null, versusReference: "not_assessed" });
    expect(en(res.notes)).toContain("No reference row for admission_rate, 2021, group 65+, sex all: compared with nothing.");
    expect(() => clusterProfile(rows, { groups: ["0-2"] })).toThrow("clusterProfile: no indicator rows at the chosen level, period, group and sex");
  });
});
