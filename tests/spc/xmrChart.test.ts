import { describe, expect, it } from "vitest";
import { xmrChart, SpcError } from "../../src/spc/index.js";
import { AE_ATTENDANCES, AE_MONTHS } from "./fixtures.js";

const series = (ys: readonly (number | null)[], labels?: readonly string[]) =>
  ys.map((v, i) => ({ period: labels ? labels[i] : `t${String(i + 1).padStart(2, "0")}`, value: v }));
const rel = (a: number | null, b: number) => Math.abs((a as number) - b) / Math.abs(b);

describe("xmrChart against NHSRplotthedots (ae_attendances, all England)", () => {
  it("reproduces mean and process limits with Making Data Count constants", () => {
    const r = xmrChart(series(AE_ATTENDANCES, AE_MONTHS), { constants: "mdc", improvement: "increase" });
    for (const p of r.points) {
      expect(rel(p.centre, 2000538.9444444445)).toBeLessThan(1e-12); // NHSRplotthedots snapshot: mean
      expect(rel(p.lower3, 1731844.3644444444)).toBeLessThan(1e-12); // NHSRplotthedots snapshot: lpl
      expect(rel(p.upper3, 2269233.5244444446)).toBeLessThan(1e-12); // NHSRplotthedots snapshot: upl
    }
    // NHSRplotthedots snapshot: point_type "common_cause" for all 36 points
    expect(r.points.every((p) => p.rules.length === 0 && p.signal === null)).toBe(true);
    // lpl = mean − 2.66 · amr ⇒ amr = (2000538.9444 − 1731844.3644) / 2.66 = 101013.0
    expect(r.phases[0].meanMovingRange).toBeCloseTo(101013, 6);
    expect(r.phases[0].screenedMovingRanges).toBe(0);
  });

  it("reproduces the rebased chart (new phase at the 13th month, 2017-04)", () => {
    const r = xmrChart(series(AE_ATTENDANCES, AE_MONTHS), {
      constants: "mdc",
      improvement: "increase",
      phases: [{ start: "2017-04", label: "Rebased" }],
    });
    const [a, b] = [r.points[0], r.points[20]];
    expect(a.phase).toBe("Før");
    expect(b.phase).toBe("Rebased");
    expect(rel(a.centre, 1946858.4166666667)).toBeLessThan(1e-12); // NHSRplotthedots rebase snapshot: mean, months 1–12
    expect(rel(a.lower3, 1639947.374848485)).toBeLessThan(1e-12); // … lpl
    expect(rel(a.upper3, 2253769.4584848485)).toBeLessThan(1e-12); // … upl
    expect(rel(b.centre, 2027379.2083333333)).toBeLessThan(1e-12); // … mean, months 13–36
    expect(rel(b.lower3, 1772921.0639855072)).toBeLessThan(1e-12); // … lpl
    expect(rel(b.upper3, 2281837.3526811595)).toBeLessThan(1e-12); // … upl
    expect(r.points.filter((p) => p.signal !== null)).toHaveLength(0); // snapshot: all common_cause
  });

  it("uses sigma = mean MR / 1.128 by default (qicharts2, Montgomery eq. 6.33)", () => {
    const r = xmrChart(series(AE_ATTENDANCES));
    const amr = (2000538.9444444445 - 1731844.3644444444) / 2.66; // from the NHSRplotthedots snapshot
    const s = amr / 1.128;
    expect(rel(r.points[0].upper3, 2000538.9444444445 + 3 * s)).toBeLessThan(1e-9);
    expect(rel(r.points[0].lower2, 2000538.9444444445 - 2 * s)).toBeLessThan(1e-9);
    expect(rel(r.phases[0].sigma ?? null, s)).toBeLessThan(1e-9);
  });
});

describe("moving-range screening", () => {
  // Values 10 12 11 13 12 100 12 11: moving ranges 2 1 2 1 88 88 1, mean 183/7 = 26.142857;
  // 3.267 × 26.142857 = 85.40871 ⇒ both 88s are screened out; mean of 2 1 2 1 1 = 7/5 = 1.4.
  // Centre = (10+12+11+13+12+100+12+11)/8 = 181/8 = 22.625.
  const ys = [10, 12, 11, 13, 12, 100, 12, 11];
  it("leaves out moving ranges >= 3.267 x mean MR (default on, as NHSRplotthedots)", () => {
    const r = xmrChart(series(ys), { improvement: "decrease" });
    expect(r.phases[0].meanMovingRange).toBeCloseTo(1.4, 12);
    expect(r.phases[0].screenedMovingRanges).toBe(2);
    expect(r.points[0].upper3).toBeCloseTo(22.625 + (3 * 1.4) / 1.128, 12);
    expect(r.points[5].rules).toEqual(["outside-limits"]);
    expect(r.points[5].signal).toBe("concern"); // high is worse when improvement = decrease
    const screened = r.notes.find((n) => n.code === "spc.note.screened");
    expect(screened?.values).toMatchObject({ phase: "Før", removed: 2 });
    expect(screened?.values.threshold as number).toBeCloseTo(85.4087, 4);
  });
  it("keeps them when screening is off", () => {
    const r = xmrChart(series(ys), { screenMovingRanges: false });
    expect(r.phases[0].meanMovingRange).toBeCloseTo(183 / 7, 12);
    expect(r.points[0].upper3).toBeCloseTo(22.625 + (3 * (183 / 7)) / 1.128, 12);
  });
});

describe("special-cause rules (definitions of NHSRplotthedots ptd_calculate_point_type)", () => {
  it("trend: 7 rising points flag all 7 (ptd_seven_point_trend(1:7) flags the 7th; part_of flags all)", () => {
    // Baseline (frozen) 0 8 0 8 0 8: mean 4, MR 8, σ = 8/1.128 = 7.09; then 1..7 inside the limits.
    const r = xmrChart(series([0, 8, 0, 8, 0, 8, 1, 2, 3, 4, 5, 6, 7]), {
      improvement: "increase",
      freeze: 6,
    });
    const trend = r.points.filter((p) => p.rules.includes("trend")).map((p) => p.period);
    expect(trend).toEqual(["t07", "t08", "t09", "t10", "t11", "t12", "t13"]);
    expect(r.points[12].signal).toBe("improvement"); // rising trend, increase is better
  });
  it("trend: an equal neighbour breaks it (ptd_seven_point_trend(c(1:3, 3:6)) = no trend)", () => {
    const r = xmrChart(series([0, 8, 0, 8, 0, 8, 1, 2, 3, 3, 4, 5, 6]), { freeze: 6 });
    expect(r.points.some((p) => p.rules.includes("trend"))).toBe(false);
  });
  it("trend: a falling trend above the mean is read by its direction, not its side (NHSRplotthedots issue #167)", () => {
    // Baseline mean 4, MR 8 ⇒ σ = 8/1.128 = 7.09, UCL = 25.28. Falling 11..5 stays above the mean,
    // so they are also a shift: the last baseline 8 and 11..5 are 8 points in a row above 4.
    const r = xmrChart(series([0, 8, 0, 8, 0, 8, 11, 10, 9, 8, 7, 6, 5]), { freeze: 6, improvement: "increase" });
    const p = r.points[8];
    expect(p.rules).toEqual(["trend", "shift"]);
    expect(p.signal).toBe("concern"); // falling = worse when increase is better, though above the mean
    expect(p.signalConflict).toBe(true); // shift (above the mean) points the other way
  });
  it("shift: 6 on one side is not a shift, 8 is (ptd_seven_point_one_side_mean)", () => {
    const base = [8, 0, 8, 0, 8, 0]; // mean 4, ends below the mean
    const six = xmrChart(series([...base, 5, 6, 5, 6, 5, 6, 3]), { freeze: 6 });
    expect(six.points.some((p) => p.rules.includes("shift"))).toBe(false);
    const eight = xmrChart(series([...base, 5, 6, 5, 6, 5, 6, 5, 6, 3]), { freeze: 6, improvement: "decrease" });
    expect(eight.points.filter((p) => p.rules.includes("shift")).map((p) => p.period)).toEqual([
      "t07", "t08", "t09", "t10", "t11", "t12", "t13", "t14",
    ]);
    expect(eight.points[7].signal).toBe("concern");
    // exactly 7 in a row is a shift (NHSRplotthedots: ptd_seven_point_one_side_mean(c(rep(1, 7), -1)) flags the 7th)
    const seven = xmrChart(series([...base, 5, 6, 5, 6, 5, 6, 5, 3]), { freeze: 6 });
    expect(seven.points.filter((p) => p.rules.includes("shift")).map((p) => p.period)).toEqual([
      "t07", "t08", "t09", "t10", "t11", "t12", "t13",
    ]);
  });
  it("two of three beyond 2 sigma on one side flags the two; opposite sides do not (NHSRplotthedots issue #143)", () => {
    // Baseline 0/8: mean 4, sigma = 8/1.128 = 7.0922, 2σ band up to 18.18, 3σ limit 25.28.
    const same = xmrChart(series([0, 8, 0, 8, 0, 8, 20, 5, 21]), { freeze: 6 });
    expect(same.points.map((p) => p.rules.join("|"))).toEqual(["", "", "", "", "", "", "two-of-three", "", "two-of-three"]);
    const opposite = xmrChart(series([0, 8, 0, 8, 0, 8, 20, -12, 21]), { freeze: 6 });
    // 20 and −12 are beyond 2σ on opposite sides; the window 20, −12, 21 is not all on one side.
    expect(opposite.points.some((p) => p.rules.includes("two-of-three"))).toBe(false);
  });
  it("lists every rule that flagged a point, in priority order", () => {
    // 7 rising points ending above the UCL (25.28): the last is outside-limits and trend.
    const r = xmrChart(series([0, 8, 0, 8, 0, 8, 9, 10, 11, 12, 13, 14, 30]), { freeze: 6, improvement: "increase" });
    expect(r.points[12].rules).toEqual(["outside-limits", "trend", "shift"]);
    expect(r.points[12].signal).toBe("improvement");
  });
  it("neutral improvement gives neutral signals", () => {
    const r = xmrChart(series([0, 8, 0, 8, 0, 8, 40]), { freeze: 6 });
    expect(r.improvement).toBe("neutral");
    expect(r.points[6].signal).toBe("neutral");
  });
});

describe("xmrChart input validation", () => {
  it("rejects duplicate periods with the catalogue text", () => {
    expect(() => xmrChart([{ period: "a", value: 1 }, { period: "a", value: 2 }])).toThrow(
      'xmrChart: period(s) appear more than once: "a". Give one row per period, in time order.',
    );
  });
  it("rejects non-numbers at the boundary", () => {
    const bad = [{ period: "a", value: "1" as unknown as number }];
    expect(() => xmrChart(bad)).toThrow(SpcError);
  });
});
