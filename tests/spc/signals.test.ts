/**
 * The Making Data Count summary signals on hand-built series: the variation icon of the latest
 * point and the assurance icon of a target against the process limits.
 *
 * References (the definitions checked here):
 * - NHS England, Making Data Count: "Strengthening your decisions" (2019, NHS England and NHS
 *   Improvement) — variation icons (special cause improvement / concern, high or low, common cause)
 *   and assurance icons (consistently pass / consistently fail / hit and miss against the target);
 * - NHSRplotthedots 0.2.2 (github.com/nhs-r-community/NHSRplotthedots, commit 050b07d):
 *   R/geom_ptd_icon.R (`ptd_get_icons`: the icon of the last point; improvement is "high" when the
 *   improvement direction is increase, "low" when decrease, concern the other way round; neutral
 *   high/low by the side), R/ptd_calculate_point_type.R (`ptd_point_type`), and
 *   R/ptd_calculate_assurance_type.R (target > upper limit: fail when higher is better, pass when
 *   lower is better; target < lower limit: the reverse; otherwise inconsistent; no assurance when
 *   the direction is neutral or there is no target), with its tests'
 *   figures (limits 1–3, 5–7, 1–5 and target 4) in tests/testthat/test-ptd_calculate_assurance_type.R.
 */
import { describe, expect, it } from "vitest";
import { runChart, uChart, xmrChart, type ImprovementDirection } from "../../src/spc/index.js";
import { assuranceSignal, latestLimits } from "../../src/spc/assuranceSignal.js";
import { variationSignal } from "../../src/spc/variationSignal.js";

// 20 baseline points alternating around 10.5 (no rule fires): mean 10.5; the 19 moving ranges
// 2, 3, 2, 1, … sum to 39, mean 39/19 = 2.053, so σ̂ = 2.053/1.128 = 1.820 and the XmR limits are
// 10.5 ± 3σ̂ = [5.04, 15.96], the 2σ lines 10.5 ± 2σ̂ = [6.86, 14.14].
const BASE = Array.from({ length: 20 }, (_, i) => [10, 12, 9, 11][i % 4]);

function chart(tail: readonly (number | null)[], improvement: ImprovementDirection) {
  const values = [...BASE, ...tail];
  return xmrChart(
    values.map((value, i) => ({ period: `P${String(i + 1).padStart(2, "0")}`, value })),
    { improvement, freeze: BASE.length },
  );
}

describe("variationSignal: the icon of the latest point (Making Data Count; NHSRplotthedots ptd_get_icons)", () => {
  it("the baseline itself is common cause, and its limits are as computed by hand", () => {
    const r = chart([11], "decrease");
    const last = r.points[r.points.length - 1];
    expect(last.centre).toBeCloseTo(10.5, 9);
    expect(last.upper3).toBeCloseTo(10.5 + 3 * (39 / 19 / 1.128), 9);
    expect(last.lower3).toBeCloseTo(10.5 - 3 * (39 / 19 / 1.128), 9);
    expect(r.points.every((p) => p.signal === null)).toBe(true);
    expect(variationSignal(r)).toEqual({ signal: "common_cause", period: "P21", rules: [], direction: 0, conflict: false });
  });

  it("a point above the upper limit: improvement high when higher is better, concern high when lower is better, neutral high", () => {
    expect(variationSignal(chart([20], "increase")).signal).toBe("improvement_high");
    expect(variationSignal(chart([20], "decrease")).signal).toBe("concern_high");
    expect(variationSignal(chart([20], "neutral")).signal).toBe("neutral_high");
    expect(variationSignal(chart([20], "increase")).rules).toEqual(["outside-limits"]);
  });

  it("a point below the lower limit: improvement low when lower is better, concern low when higher is better, neutral low", () => {
    expect(variationSignal(chart([1], "decrease")).signal).toBe("improvement_low");
    expect(variationSignal(chart([1], "increase")).signal).toBe("concern_low");
    expect(variationSignal(chart([1], "neutral")).signal).toBe("neutral_low");
  });

  it("a rising trend of 7 within the limits is read by its direction (never by its side of the mean)", () => {
    // 7, 8, …, 13: six rises in a row; 7–10 lie below the mean, so the side would say "low".
    const rising = chart([7, 8, 9, 10, 11, 12, 13], "increase");
    expect(variationSignal(rising)).toMatchObject({ signal: "improvement_high", rules: ["trend"], direction: 1 });
    expect(variationSignal(chart([7, 8, 9, 10, 11, 12, 13], "decrease")).signal).toBe("concern_high");
    // A falling trend that ends above the mean: 14 … 11 is above 10.5, still "low" (falling).
    const falling = chart([14, 13.5, 13, 12.5, 12, 11.5, 11], "decrease");
    expect(variationSignal(falling)).toMatchObject({ signal: "improvement_low", rules: ["trend", "shift"], direction: -1, conflict: true });
  });

  it("two of three beyond 2σ on one side", () => {
    const r = chart([15, 11, 15], "decrease");
    expect(variationSignal(r)).toMatchObject({ signal: "concern_high", rules: ["two-of-three"], direction: 1 });
  });

  it("a shift of 7 on one side", () => {
    const r = chart([9, 8, 9, 8, 9, 8, 9], "increase");
    expect(variationSignal(r)).toMatchObject({ signal: "concern_low", rules: ["shift"], direction: -1 });
    expect(variationSignal(chart([9, 8, 9, 8, 9, 8, 9], "decrease")).signal).toBe("improvement_low");
  });

  it("trailing gaps (missing or suppressed periods) are skipped: the latest point with a value is read, and named", () => {
    const r = chart([20, null, null], "increase");
    expect(variationSignal(r)).toMatchObject({ signal: "improvement_high", period: "P21" });
    const none = xmrChart([{ period: "a", value: null }, { period: "b", value: null }], {});
    expect(variationSignal(none)).toEqual({ signal: null, period: null, rules: [], direction: 0, conflict: false });
  });

  it("agrees with the chart's own colour of every point (the same SpcResult the SPC chart draws)", () => {
    // u chart of monthly counts with a step down after 24 months: every prefix's latest point.
    const counts = [30, 34, 29, 31, 36, 28, 33, 30, 32, 35, 29, 31, 30, 33, 34, 28, 31, 32, 30, 29, 33, 31, 30, 32, 22, 20, 23, 21, 19, 22, 20];
    for (let n = 12; n <= counts.length; n++) {
      const r = uChart(counts.slice(0, n).map((c, i) => ({ period: String(i), numerator: c, denominator: 1000 })), { improvement: "decrease", freeze: 24, multiplier: 1000 });
      const last = r.points[r.points.length - 1];
      const v = variationSignal(r);
      if (last.signal === null) expect(v.signal).toBe("common_cause");
      else expect(v.signal?.startsWith(last.signal)).toBe(true);
    }
    const r = uChart(counts.map((c, i) => ({ period: String(i), numerator: c, denominator: 1000 })), { improvement: "decrease", freeze: 24, multiplier: 1000 });
    expect(variationSignal(r).signal).toBe("improvement_low");
  });

  it("Anhøj's crossings rule has no direction: neutral without a side", () => {
    // 12 points, one crossing (6 below, then 6 above): fewer than qbinom(0.05, 11, 0.5) = 3 crossings;
    // a longest run of 6 is not above round(log2(12)) + 3 = 7, so only the crossings rule fires.
    const r = runChart([1, 2, 1, 2, 1, 2, 8, 9, 8, 9, 8, 9].map((value, i) => ({ period: String(i), value })), { improvement: "decrease" });
    expect(variationSignal(r)).toMatchObject({ signal: "neutral", rules: ["runs-crossings"], direction: 0 });
  });
});

describe("assuranceSignal: target against the process limits (Making Data Count; NHSRplotthedots ptd_calculate_assurance_type)", () => {
  it("reproduces the reference package's test figures (limits 1–3, 5–7, 1–5; target 4)", () => {
    const limits = [
      { lower3: 1, upper3: 3 },
      { lower3: 5, upper3: 7 },
      { lower3: 1, upper3: 5 },
    ];
    expect(limits.map((l) => assuranceSignal(l, 4, "increase"))).toEqual(["consistent_fail", "consistent_pass", "inconsistent"]);
    expect(limits.map((l) => assuranceSignal(l, 4, "decrease"))).toEqual(["consistent_pass", "consistent_fail", "inconsistent"]);
    expect(limits.map((l) => assuranceSignal(l, 4, "neutral"))).toEqual([null, null, null]);
    expect(assuranceSignal(limits[0], null, "increase")).toBeNull();
  });

  it("reads the latest point's limits of a chart; a target on a limit is inconsistent (strict comparison, as the source)", () => {
    const r = chart([11], "decrease");
    const lim = latestLimits(r)!;
    expect(lim.period).toBe("P21");
    expect(assuranceSignal(r, 20, "decrease")).toBe("consistent_pass"); // above 15.96: every month below the target
    expect(assuranceSignal(r, 3, "decrease")).toBe("consistent_fail"); // below 5.04: no month reaches it
    expect(assuranceSignal(r, 12, "decrease")).toBe("inconsistent");
    expect(assuranceSignal(r, lim.upper3!, "decrease")).toBe("inconsistent");
    expect(assuranceSignal(r, 20, "increase")).toBe("consistent_fail");
  });

  it("uses the limits of the latest phase, not of the whole series", () => {
    const values = [...BASE, ...BASE.map((v) => v - 6)];
    const r = xmrChart(values.map((value, i) => ({ period: String(i), value })), { improvement: "decrease", phases: [{ start: "20", label: "Efter" }] });
    // The second phase has the same spread around 4.5: limits [−0.96, 9.96]. A target of 12 lies
    // inside the first phase's limits [5.04, 15.96] (inconsistent) but above the latest phase's (pass).
    expect(assuranceSignal(r, 12, "decrease")).toBe("consistent_pass");
    expect(assuranceSignal(latestLimits(r), 12, "decrease")).toBe("consistent_pass");
  });

  it("a chart without limits (a run chart) is not assessable", () => {
    const r = runChart(BASE.map((value, i) => ({ period: String(i), value })), {});
    expect(assuranceSignal(r, 10, "decrease")).toBe("not_assessable");
  });
});
