import { describe, expect, it } from "vitest";
import { funnelLimits } from "../../src/compare/index.js";
import { poissonCountLimits } from "../../src/stats/poissonCountLimits.js";
import { expectRel, readFixture } from "./funnelHelpers.js";

describe("funnelLimits — ratios (exact Poisson limits of E / E)", () => {
  it("E = 20 at 95 % matches methods.md", () => {
    const [p95] = funnelLimits({ type: "ratio", target: 1, denominators: [20], level: 0.95 });
    expectRel(p95.lower, 0.610826); // methods.md: E = 20 → 95 % [0.6108260, 1.544419]
    expectRel(p95.upper, 1.544419); // methods.md
  });
  it("at 99.8 % equals the exact Poisson interval of 20 events / 20, and scales with target and multiplier", () => {
    const [, p998] = funnelLimits({ type: "ratio", target: 1, denominators: [20] });
    expect(p998.level).toBe(0.998);
    const exact = poissonCountLimits(20, 0.998, "exact-poisson"); // chi-square limits, tested against R in tests/stats
    expectRel(p998.lower, exact.lower / 20, 1e-12);
    expectRel(p998.upper, exact.upper / 20, 1e-12);
    const [scaled] = funnelLimits({ type: "ratio", target: 1.2, multiplier: 100, denominators: [20], level: 0.95 });
    expectRel(scaled.lower, 120 * 0.6108259792701973, 1e-12);
  });
  it("PHE 'observed' parametrisation reproduces PHEindicatormethods testdata_funnel_ratio_outputs.csv", () => {
    for (const row of readFixture("phe_funnel_ratio_outputs.csv")) {
      const o = row.observed as number;
      // PHE finds its expected counts by bisection to ~1e-7 on a transformed scale: about 1e-5 relative
      // for the smallest counts, far better from 5 events up.
      const tol = o < 5 ? 1e-4 : 1e-6;
      const at = (e: number, level: number) =>
        funnelLimits({ type: "ratio", target: 1, multiplier: 100, denominators: [e], level, poissonLimits: "observed" })[0];
      expectRel(at(row.lower_2s_exp_events as number, 0.95).lower, row.lower_2s_isr as number, tol, `O=${o} lower 95`);
      expectRel(at(row.upper_2s_exp_events as number, 0.95).upper, row.upper_2s_isr as number, tol, `O=${o} upper 95`);
      expectRel(at(row.lower_3s_exp_events as number, 0.998).lower, row.lower_3s_isr as number, tol, `O=${o} lower 99.8`);
      expectRel(at(row.upper_3s_exp_events as number, 0.998).upper, row.upper_3s_isr as number, tol, `O=${o} upper 99.8`);
    }
  });
});

describe("funnelLimits — proportions (PHE/Fingertips, Wilson-based)", () => {
  it("reproduces all 100 rows of PHEindicatormethods testdata_funnel_prop_outputs.csv at both levels", () => {
    const rows = readFixture("phe_funnel_prop_outputs.csv");
    const target = 0.80642448; // baseline of the fixture (its inputs' Σx/Σn = 0.8064244786)
    const points = funnelLimits({
      type: "proportion",
      target: 0.8064244786,
      multiplier: 100,
      denominators: rows.map((r) => r.Population as number),
      level: [0.95, 0.998],
    });
    expect(points).toHaveLength(200);
    rows.forEach((r, i) => {
      const p95 = points[2 * i];
      const p998 = points[2 * i + 1];
      expect(p95.denominator).toBe(r.Population);
      expectRel(target * 100, r.Baseline as number, 1e-9);
      expectRel(p95.lower, r.Lower2s0025limit as number, 1e-6, `n=${r.Population} lower 95`); // PHEindicatormethods
      expectRel(p95.upper, r.Upper2s0025limit as number, 1e-6, `n=${r.Population} upper 95`);
      expectRel(p998.lower, r.Lower3s0001limit as number, 1e-6, `n=${r.Population} lower 99.8`);
      expectRel(p998.upper, r.Upper3s0001limit as number, 1e-6, `n=${r.Population} upper 99.8`);
    });
  });
});

describe("funnelLimits — rates and options", () => {
  it("PHE 'observed' rate limits reproduce PHEindicatormethods testdata_funnel_rate_outputs.csv", () => {
    // Rows of the fixture: events, lower_2s_limit, upper_2s_limit, lower_3s_limit, upper_3s_limit (per 100,000),
    // baseline 116.1720835 per 100,000. PHE plots the limit for a count of events at the population
    // n = events / limit; there the limit must come back.
    const av = 116.1720835 / 1e5;
    const rows = [
      [1, 20.85059119, 4588.535848, 12.58170943, 116108.569],
      [5, 49.78092521, 357.7858395, 35.30048174, 785.6132963],
      [10, 63.17010446, 242.2579623, 48.13632908, 392.4043292],
      [20, 75.22057153, 190.1885237, 61.07587907, 259.3644657],
      [104, 95.87787415, 142.1808715, 86.58805154, 160.4288333],
      [337, 104.4080273, 129.6459617, 98.44751602, 138.2866346],
      [1360, 110.158048, 122.6021934, 106.9073359, 126.5084525],
    ];
    for (const [events, l2, u2, l3, u3] of rows) {
      const tol = events < 5 ? 1e-4 : 1e-6; // PHE's bisection is coarse for the smallest counts
      const at = (limit: number, level: number) =>
        funnelLimits({ type: "rate", target: av, multiplier: 1e5, denominators: [(events * 1e5) / limit], level, poissonLimits: "observed" })[0];
      expectRel(at(l2, 0.95).lower, l2, tol, `events ${events} lower 95`);
      expectRel(at(u2, 0.95).upper, u2, tol, `events ${events} upper 95`);
      expectRel(at(l3, 0.998).lower, l3, tol, `events ${events} lower 99.8`);
      expectRel(at(u3, 0.998).upper, u3, tol, `events ${events} upper 99.8`);
    }
  });
  it("rate limits equal target × ratio limits at E = target × n", () => {
    const target = 0.004;
    const [r] = funnelLimits({ type: "rate", target, multiplier: 1000, denominators: [5000], level: 0.998 });
    const [q] = funnelLimits({ type: "ratio", target: 1, denominators: [20], level: 0.998 });
    expectRel(r.lower, 4 * q.lower, 1e-12);
    expectRel(r.upper, 4 * q.upper, 1e-12);
  });
  it("any levels in one call, in the order given, over a log-spaced range", () => {
    const pts = funnelLimits({ type: "proportion", target: 0.3, from: 10, to: 10000, points: 4, level: [0.9, 0.95, 0.998] });
    expect(pts.map((p) => p.level)).toEqual([0.9, 0.95, 0.998, 0.9, 0.95, 0.998, 0.9, 0.95, 0.998, 0.9, 0.95, 0.998]);
    expect(pts.filter((p) => p.level === 0.9).map((p) => Math.round(p.denominator))).toEqual([10, 100, 1000, 10000]);
    // Wider at higher level, narrower with larger denominators.
    expect(pts[2].upper).toBeGreaterThan(pts[1].upper);
    expect(pts[10].upper - pts[10].lower).toBeLessThan(pts[1].upper - pts[1].lower);
  });
  it("Spiegelhalter limits widen with tau2 (FunnelPlotR SHMI form)", () => {
    const [a] = funnelLimits({ type: "ratio", target: 1, denominators: [50], level: 0.95, tau2: 0.02 });
    expectRel(a.lower, Math.exp(-1.959963984540054 * Math.sqrt(1 / 50 + 0.02)), 1e-12);
    expectRel(a.upper, Math.exp(1.959963984540054 * Math.sqrt(1 / 50 + 0.02)), 1e-12);
    const [p] = funnelLimits({ type: "proportion", target: 0.25, denominators: [400], level: 0.95, tau2: 0.001 });
    const sd = Math.sqrt(1 / 1600 + 0.001);
    expectRel(p.upper, Math.sin(Math.asin(0.5) + 1.959963984540054 * sd) ** 2, 1e-12);
  });
  it("rejects percentages as levels and a missing range", () => {
    expect(() => funnelLimits({ type: "ratio", target: 1, denominators: [5], level: 95 })).toThrow(
      "funnelLimits: level must be a fraction strictly between 0 and 1",
    );
    expect(() => funnelLimits({ type: "ratio", target: 1 })).toThrow(
      "funnelLimits: give either denominators or a range (from, to) with 0 < from <= to.",
    );
    expect(() => funnelLimits({ type: "proportion", target: 1.5, denominators: [5] })).toThrow(
      "funnelLimits: a proportion target must lie in [0, 1]; received 1.5.",
    );
  });
});
