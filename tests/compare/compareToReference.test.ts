import { describe, expect, it } from "vitest";
import { compareToReference, type CompareUnit } from "../../src/compare/compareToReference.js";
import { indirectlyStandardisedRatio } from "../../src/stats/index.js";
import { noteText } from "../../src/text/catalogue.js";
import type { Note } from "../../src/contract/note.js";

/** Notes in English words. */
const en = (ns: readonly Note[] | undefined): string[] => (ns ?? []).map((n) => noteText(n, "en"));


const region = [
  { label: "65-74", events: 300, population: 60000 },
  { label: "75-84", events: 500, population: 40000 },
  { label: "85+", events: 400, population: 16000 },
];

describe("compareToReference — standardised ratio, difference and trend", () => {
  it("ratio equals stats' indirectlyStandardisedRatio; the difference is the Poisson Wald interval", () => {
    const unit: CompareUnit = {
      unit: "Vest",
      strata: [
        { label: "65-74", events: 40, population: 10000 },
        { label: "75-84", events: 90, population: 6000 },
        { label: "85+", events: 70, population: 2500 },
      ],
    };
    const res = compareToReference([unit], { name: "Region", strata: region }, { multiplier: 1000 });
    const row = res.rows[0];
    const isr = indirectlyStandardisedRatio(unit.strata, region);
    // E = 10000·0.005 + 6000·0.0125 + 2500·0.025 = 50 + 75 + 62.5 = 187.5
    expect(row.expected).toBeCloseTo(187.5, 10);
    expect(row.ratio).toBeCloseTo(200 / 187.5, 12);
    expect(row.ratioLower).toBe(isr.lower);
    expect(row.ratioUpper).toBe(isr.upper);
    expect(row.ratioMethod).toBe("byars");
    expect(row.ratioClass).toBe("similar");
    // Crude: 200/18500 vs 1200/116000 per 1,000; Var = x/n² + X/N²
    const d = (200 / 18500 - 1200 / 116000) * 1000;
    const se = Math.sqrt(200 / 18500 ** 2 + 1200 / 116000 ** 2) * 1000;
    expect(row.difference).toBeCloseTo(d, 12);
    expect(row.differenceLower).toBeCloseTo(d - 1.959963984540054 * se, 10);
    expect(row.differenceMethod).toBe("wald-poisson");
    expect(row.referenceValue).toBeCloseTo((1200 / 116000) * 1000, 12);
    expect(en(res.notes)[0]).toMatch(/^When the reference includes the units/);
  });

  it("proportions: Newcombe hybrid score interval (contingencytables, Perondi et al. 2004: 7/34 vs 1/34)", () => {
    const res = compareToReference(
      [{ unit: "high dose", strata: [{ label: "all", events: 7, population: 34 }] }],
      { name: "standard dose", strata: [{ label: "all", events: 1, population: 34 }] },
      { kind: "proportion" },
    );
    // contingencytables tests (Fagerland, Lydersen & Laake 2017, ch. 4): estimate 0.1765 (95% CI 0.0189 to 0.3404)
    expect(res.rows[0].difference).toBeCloseTo(0.1765, 4);
    expect(res.rows[0].differenceLower).toBeCloseTo(0.0189, 4);
    expect(res.rows[0].differenceUpper).toBeCloseTo(0.3404, 4);
    expect(res.rows[0].differenceMethod).toBe("newcombe-hybrid-score");
  });

  it("compares with the rest of the reference when asked", () => {
    const unit: CompareUnit = { unit: "A", strata: [{ label: "all", events: 30, population: 1000 }] };
    const res = compareToReference([unit], { name: "R", strata: [{ label: "all", events: 50, population: 3000 }] }, {
      excludeUnitFromReference: true,
    });
    // Rest = 20/2000 → E = 1000·0.01 = 10; O/E = 3
    expect(res.rows[0].expected).toBeCloseTo(10, 12);
    expect(res.rows[0].ratio).toBeCloseTo(3, 12);
    expect(res.rows[0].ratioClass).toBe("higher");
    expect(res.notes).toEqual([]);
    expect(() =>
      compareToReference([{ unit: "B", strata: [{ label: "all", events: 60, population: 1000 }] }], { name: "R", strata: [{ label: "all", events: 50, population: 3000 }] }, {
        excludeUnitFromReference: true,
      }),
    ).toThrow('excludeUnitFromReference: the reference minus unit "B" is negative in stratum "all"; the unit is not part of this reference');
  });

  it("trend over years: recovers a known annual rate ratio from noise-free counts", () => {
    const series = [2016, 2017, 2018, 2019, 2020].map((year, i) => ({ period: String(year), events: 100 * 0.95 ** i * (1 + 0.01 * i), population: 10000 * (1 + 0.01 * i) }));
    const res = compareToReference([{ unit: "A", strata: [{ label: "all", events: 10, population: 100 }], series }], {
      name: "R",
      strata: [{ label: "all", events: 100, population: 1000 }],
    });
    const t = res.rows[0].trend;
    expect(t?.rateRatioPerStep).toBeCloseTo(0.95, 10);
    expect(t?.step).toBe("year");
    expect(t?.periods).toBe(5);
    expect(t?.first).toBe("2016");
    expect(t?.lower).toBeLessThanOrEqual(0.95);
  });

  it("trend with too few periods is explained, not invented", () => {
    const res = compareToReference(
      [{ unit: "A", strata: [{ label: "all", events: 10, population: 100 }], series: [{ period: "2019", events: 3, population: 10 }] }],
      { name: "R", strata: [{ label: "all", events: 100, population: 1000 }] },
    );
    expect(res.rows[0].trend).toBeNull();
    expect(en(res.rows[0].notes)).toContain("A: 1 period with population; a trend needs at least 3.");
  });

  it("rejects duplicates, bad levels and unknown strata", () => {
    const u: CompareUnit = { unit: "A", strata: [{ label: "all", events: 1, population: 10 }] };
    const ref = { name: "R", strata: [{ label: "all", events: 5, population: 100 }] };
    expect(() => compareToReference([u, u], ref)).toThrow('compareToReference: unit "A" occurs more than once; give each unit once');
    expect(() => compareToReference([u], ref, { level: 95 })).toThrow(
      "compareToReference: level is 95; give the confidence level as a fraction strictly between 0 and 1 (e.g. 0.95)",
    );
    expect(() => compareToReference([{ unit: "A", strata: [{ label: "x", events: 1, population: 10 }] }], ref)).toThrow();
  });
});
