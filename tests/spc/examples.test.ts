// Runs the @example of each public SPC helper, so the documented results cannot drift from the code.
import { describe, expect, expectTypeOf, it } from "vitest";
import { SpcRule, xmrChart, type SpcResult, type SpcPoint } from "../../src/spc/index.js";
import { anhoejLimits } from "../../src/spc/anhoejLimits.js";
import { averageMovingRange } from "../../src/spc/movingRanges.js";
import { binomialQuantile } from "../../src/spc/binomialQuantile.js";
import { classifySignal } from "../../src/spc/classifySignal.js";
import { controlRuleHits } from "../../src/spc/controlRules.js";
import { runsAnalysis } from "../../src/spc/runsAnalysis.js";
import { SPC_RULE_PRIORITY } from "../../src/spc/spcRules.js";

describe("documented examples", () => {
  it("binomialQuantile(0.05, 9, 0.5) => 2", () => expect(binomialQuantile(0.05, 9, 0.5)).toBe(2));
  it("anhoejLimits(24) => { longestRunMax: 8, crossingsMin: 8 }", () =>
    expect(anhoejLimits(24)).toEqual({ longestRunMax: 8, crossingsMin: 8 }));
  it("averageMovingRange([1, 3, null, 4, 8]) => mean 3 (ranges 2 and 4; none across the gap)", () => {
    const r = averageMovingRange([1, 3, null, 4, 8]);
    expect(r).toEqual({ ranges: [null, 2, null, null, 4], mean: 3, unscreenedMean: 3, removed: 0 });
  });
  it("controlRuleHits on 1..7 => every point a rising trend", () => {
    const hits = controlRuleHits(
      [1, 2, 3, 4, 5, 6, 7].map((v) => ({ value: v, centre: 4, lower3: -10, upper3: 20, lower2: -6, upper2: 14 })),
    );
    expect(hits).toEqual(Array.from({ length: 7 }, () => [{ rule: "trend", direction: 1 }]));
  });
  it("classifySignal: a falling trend is an improvement when decrease is better", () => {
    expect(classifySignal([{ rule: SpcRule.trend, direction: -1 }], "decrease")).toEqual({ signal: "improvement", conflict: false });
    expect(classifySignal([], "decrease")).toEqual({ signal: null, conflict: false });
  });
  it("runsAnalysis([1, 1, -1, 1]) => 4 useful, longest run 2, 2 crossings", () => {
    expect(runsAnalysis([1, 1, -1, 1])).toMatchObject({ useful: 4, longestRun: 2, crossings: 2, runLength: [2, 2, 1, 1] });
  });
  it("rule priority order is Making Data Count's", () => {
    expect(SPC_RULE_PRIORITY.slice(0, 4)).toEqual(["outside-limits", "trend", "two-of-three", "shift"]);
  });
  it("xmrChart returns the shared SpcResult shape", () => {
    const r = xmrChart([{ period: "2024-01", value: 5 }, { period: "2024-02", value: 7 }], { improvement: "decrease" });
    expectTypeOf(r).toEqualTypeOf<SpcResult>();
    expectTypeOf(r.points[0]).toEqualTypeOf<SpcPoint>();
    expect(r).toMatchObject({ chart: "xmr", improvement: "decrease", missingPeriods: [] });
    expect(r.points[0]).toMatchObject({ centre: 6, upper3: 6 + (3 * 2) / 1.128, phase: "Før", baseline: true });
  });
});
