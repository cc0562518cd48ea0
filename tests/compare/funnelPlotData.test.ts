import { describe, expect, it } from "vitest";
import { funnelPlotData, type FunnelClass } from "../../src/compare/index.js";
import { funnelLimitAt } from "../../src/compare/funnelLimitAt.js";
import { expectRel, readFixture } from "./funnelHelpers.js";
import { noteText } from "../../src/text/catalogue.js";
import type { Note } from "../../src/contract/note.js";

/** Notes in English words. */
const en = (ns: readonly Note[] | undefined): string[] => (ns ?? []).map((n) => noteText(n, "en"));


/** Notes in English, joined as the old `note` text was. */
const enNotes = (ns: readonly Note[]): string => ns.map((n) => noteText(n, "en")).join(" ");

const CODES: Record<string, [FunnelClass, FunnelClass]> = {
  H3: ["high", "high"],
  H2: ["high", "not_significant"],
  L3: ["low", "low"],
  L2: ["low", "not_significant"],
  NS: ["not_significant", "not_significant"],
};

describe("funnelPlotData — PHE method", () => {
  it("classes all 303 areas of PHEindicatormethods testdata_funnel_prop_inputs.csv as the package does", () => {
    const rows = readFixture("phe_funnel_prop_inputs.csv");
    const units = rows.map((r, i) => ({ unit: `area${i + 1}`, numerator: r.numerator as number, denominator: r.denominator as number }));
    const res = funnelPlotData(units, { type: "proportion", multiplier: 100 });
    expect(res.method).toBe("phe");
    expect(res.levels).toEqual([0.95, 0.998]);
    expectRel(res.target, 80.642448, 1e-8); // PHEindicatormethods fixture baseline
    expect(res.phi).toBeNull();
    expect(res.tau2).toBeNull();
    rows.forEach((r, i) => {
      expect(res.units[i].classes.map((c) => c.class), `area ${i + 1}`).toEqual(CODES[r.significance as string]);
    });
    expect(res.limits.length).toBe(200);
    expect(en(res.notes)).toContain(
      "Method: PHE/Fingertips unadjusted limits (proportions: Wilson score; rates and ratios: exact Poisson).",
    );
  });

  it("with PHE's observed limits, classes ratios by each unit's own exact/Byars interval against the target (PHE rule)", () => {
    // First rows of PHEindicatormethods testdata_funnel_ratio_inputs.csv (obs, expected).
    const units = [
      { unit: "a", numerator: 8, denominator: 6.239860227 },
      { unit: "b", numerator: 151, denominator: 106.4429719 },
      { unit: "c", numerator: 159, denominator: 232.9329036 },
      { unit: "d", numerator: 0, denominator: 240.6273499 },
      { unit: "e", numerator: 191, denominator: 184.0963855 },
    ];
    const res = funnelPlotData(units, { type: "ratio", multiplier: 100, poissonLimits: "observed" });
    expect(res.target).toBe(100);
    const classes = res.units.map((u) => u.classes.map((c) => c.class));
    expect(classes).toEqual([
      ["not_significant", "not_significant"], // 8 vs 6.24: exact 95 % interval of 8 is [3.45, 15.8]
      ["high", "high"], // 151/106.4: Byars lower (99.8 %) 124.5 > 106.4
      ["low", "low"],
      ["low", "low"], // 0 events where 240 were expected
      ["not_significant", "not_significant"],
    ]);
    expect(res.units[3].value).toBe(0);
    expect(enNotes(res.units[3].notes)).toBe("Numerator 0: the value is 0; its upper limit comes from the exact Poisson/Wilson interval.");
    expectRel(res.units[1].value, (100 * 151) / 106.4429719, 1e-12);
  });

  it("by default classes every rate and ratio by the limits that are drawn (FunnelPlotR expected limits)", () => {
    // Ratios O/E with E = 20: the drawn 95 % limits are exact Poisson limits of E divided by E,
    // [0.6108260, 1.544419] (methods.md), i.e. counts 12.22 and 30.89. O = 12 (0.60) lies below the
    // drawn lower limit, yet PHE's own-interval test calls it not significant (Byars upper of 12 is
    // 20.9 > 20); O = 30 (1.50) lies inside the drawn limits, yet PHE calls it high (Byars lower of 30
    // is 20.2 > 20). Default classes follow the drawn curves; PHE's classes follow PHE's curves.
    const units = [
      { unit: "below", numerator: 12, denominator: 20 },
      { unit: "inside", numerator: 30, denominator: 20 },
      { unit: "above", numerator: 31, denominator: 20 },
    ];
    const res = funnelPlotData(units, { type: "ratio", level: [0.95] });
    expect(res.units.map((u) => u.classes[0].class)).toEqual(["low", "not_significant", "high"]);
    const phe = funnelPlotData(units, { type: "ratio", level: [0.95], poissonLimits: "observed" });
    expect(phe.units.map((u) => u.classes[0].class)).toEqual(["not_significant", "high", "high"]);
    // The class of every point of a crude-rate funnel agrees with where it sits against the drawn curve.
    const rates = Array.from({ length: 60 }, (_, i) => ({ unit: `u${i}`, numerator: 5 + ((i * 37) % 90), denominator: 1000 + 400 * i }));
    const fr = funnelPlotData(rates, { type: "rate", multiplier: 1000 });
    const spec = { type: "rate" as const, target: fr.target / 1000, multiplier: 1000, tau2: null, poissonLimits: "expected" as const };
    for (const u of fr.units) {
      u.classes.forEach(({ level, class: c }) => {
        const lim = funnelLimitAt(spec, u.denominator, level);
        expect(c, u.unit).toBe(u.value < lim.lower ? "low" : u.value > lim.upper ? "high" : "not_significant");
      });
    }
    expect(en(fr.notes)).toContain(
      "Classes: the value is compared with the drawn exact Poisson limits of the expected count at the unit's own denominator (FunnelPlotR).",
    );
  });

  it("uses the same multiplier in the limits and in the outlier test", () => {
    const units = [
      { unit: "a", numerator: 30, denominator: 10000 },
      { unit: "b", numerator: 80, denominator: 12000 },
      { unit: "c", numerator: 5, denominator: 9000 },
      { unit: "d", numerator: 45, denominator: 11000 },
    ];
    const one = funnelPlotData(units, { type: "rate" });
    const big = funnelPlotData(units, { type: "rate", multiplier: 100000 });
    expect(big.units.map((u) => u.classes)).toEqual(one.units.map((u) => u.classes));
    expectRel(big.target, one.target * 100000, 1e-12);
    expectRel(big.limits[7].upper, one.limits[7].upper * 100000, 1e-12);
  });

  it("explains a single unit, tiny denominators and zero numerators", () => {
    const single = funnelPlotData([{ unit: "only", numerator: 3, denominator: 40 }], { type: "proportion" });
    expect(single.units[0].classes.every((c) => c.class === "not_significant")).toBe(true);
    expect(en(single.notes)).toContain(
      "A single unit: it is compared with the target it defines itself, so it cannot be an outlier unless a target is given.",
    );
    const tiny = funnelPlotData(
      [
        { unit: "big", numerator: 500, denominator: 1000 },
        { unit: "tiny", numerator: 0, denominator: 2 },
      ],
      { type: "proportion", level: 0.95 },
    );
    expect(enNotes(tiny.units[1].notes)).toBe(
      "Numerator 0: the value is 0; its upper limit comes from the exact Poisson/Wilson interval. Small denominator (2): limits are very wide and the unit can rarely be classed as an outlier.",
    );
    expect(tiny.units[1].classes).toEqual([{ level: 0.95, class: "not_significant" }]);
  });

  it("all-zero numerators work: target 0, nothing classed as an outlier, notes say why", () => {
    const units = [
      { unit: "a", numerator: 0, denominator: 1000 },
      { unit: "b", numerator: 0, denominator: 3000 },
    ];
    for (const overdispersion of [false, true]) {
      const res = funnelPlotData(units, { type: "rate", multiplier: 1000, overdispersion });
      expect(res.target).toBe(0);
      expect(res.units.every((u) => u.classes.every((c) => c.class === "not_significant"))).toBe(true);
      expect(res.limits.every((l) => l.lower === 0 && l.upper > 0 && Number.isFinite(l.upper))).toBe(true);
      if (overdispersion) expect(res.method).toBe("spiegelhalter-fallback");
    }
  });

  it("DSR rates: PHE derives the denominator from the DSR and does not class fewer than 10 events", () => {
    const units = [
      { unit: "a", numerator: 120, denominator: 50000, value: 250 },
      { unit: "b", numerator: 300, denominator: 60000, value: 480 },
      { unit: "c", numerator: 7, denominator: 3000, value: 260 },
      { unit: "d", numerator: 0, denominator: 2000, value: null },
    ];
    const res = funnelPlotData(units, { type: "rate", rateType: "dsr", multiplier: 100000 });
    // Derived denominators 1e5·O/DSR: 48000, 62500, 2692.3; target = Σ O / Σ derived (PHE weighted average).
    expectRel(res.target, (427 / (48000 + 62500 + (7e5 / 260))) * 1e5, 1e-12);
    expect(enNotes(res.units[2].notes)).toBe("Fewer than 10 events: a directly standardised rate is not classed (PHE convention).");
    expect(res.units[3].classes.every((c) => c.class === "not_significant")).toBe(true);
    expect(res.units[1].classes[0].class).toBe("high");
    expect(res.units[0].classes[0].class).toBe("low");
  });

  it("validates input with clear messages", () => {
    expect(() => funnelPlotData([], { type: "ratio" })).toThrow("funnelPlotData: at least one unit is required.");
    expect(() =>
      funnelPlotData([{ unit: "x", numerator: 5, denominator: 4 }], { type: "proportion" }),
    ).toThrow('funnelPlotData: unit "x" has numerator 5 above its denominator 4; a proportion cannot exceed 1.');
    expect(() =>
      funnelPlotData(
        [
          { unit: "x", numerator: 1, denominator: 4 },
          { unit: "x", numerator: 1, denominator: 4 },
        ],
        { type: "proportion" },
      ),
    ).toThrow('funnelPlotData: unit "x" appears more than once.');
    expect(() => funnelPlotData([{ unit: "x", numerator: 1, denominator: 0 }], { type: "rate" })).toThrow(
      'funnelPlotData: denominator of "x" must be a finite number > 0; received 0.',
    );
  });
});
