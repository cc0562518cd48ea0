import { describe, expect, it } from "vitest";
import { funnelOverdispersion, funnelPlotData } from "../../src/compare/index.js";
import { expectRel } from "./funnelHelpers.js";
import { noteText } from "../../src/text/catalogue.js";
import type { Note } from "../../src/contract/note.js";

/** Notes in English words. */
const en = (ns: readonly Note[] | undefined): string[] => (ns ?? []).map((n) => noteText(n, "en"));


// Input of FunnelPlotR's own tests (tests/testthat/test-funnel_plot.R): O and E of six units.
const O = [100, 150, 180, 80, 120, 225];
const E = [108, 112, 165, 95, 100, 220];

describe("funnelOverdispersion (Spiegelhalter, FunnelPlotR method) — checked by hand", () => {
  it("ratio, SHMI z-scores with truncation (n = 6 keeps every unit)", () => {
    const res = funnelOverdispersion(
      O.map((o, i) => ({ numerator: o, denominator: E[i] })),
      { type: "ratio", target: 1 },
    );
    expect(res.trimMethod).toBe("truncate");
    // Hand computation: z = √E·ln(O/E); rank groups floor(r·10/7) = 1,2,4,5,7,8 all inside (0, 9).
    const z = O.map((o, i) => Math.sqrt(E[i]) * Math.log(o / E[i]));
    z.forEach((v, i) => expectRel(res.z[i] as number, v, 1e-12));
    expect(res.used).toEqual([true, true, true, true, true, true]);
    const phi = z.reduce((a, v) => a + v * v, 0) / 6;
    const sw = E.reduce((a, e) => a + e, 0);
    const sw2 = E.reduce((a, e) => a + e * e, 0);
    const tau2 = (6 * phi - 5) / (sw - sw2 / sw);
    expectRel(res.phi, phi, 1e-12);
    expectRel(res.tau2, tau2, 1e-12);
    expect(res.phi).toBeGreaterThan(1);
  });

  it("truncation drops the outer rank groups with more units", () => {
    const units = Array.from({ length: 20 }, (_, i) => ({ numerator: 50 + 3 * i, denominator: 80 }));
    const res = funnelOverdispersion(units, { type: "ratio", target: 1 });
    // rank r kept when floor(r·10/21) is 1..8: r = 3..18 → 16 units.
    expect(res.n).toBe(16);
    expect(res.used.slice(0, 2)).toEqual([false, false]);
    expect(res.used.slice(18)).toEqual([false, false]);
  });

  it("proportion: arcsine z-scores, 10 % winsorising with R type-7 quantiles", () => {
    const n = [200, 250, 300, 180, 220, 260, 240, 210, 190, 230];
    const x = [40, 80, 60, 30, 70, 50, 90, 44, 20, 46];
    const res = funnelOverdispersion(
      x.map((v, i) => ({ numerator: v, denominator: n[i] })),
      { type: "proportion", target: 0.25 },
    );
    expect(res.trimMethod).toBe("winsorise");
    const t = Math.asin(Math.sqrt(0.25));
    const z = x.map((v, i) => (Math.asin(Math.sqrt(v / n[i])) - t) * 2 * Math.sqrt(n[i]));
    const sorted = [...z].sort((a, b) => a - b);
    // type 7: h = 9·0.1 = 0.9 → lo = s[0] + 0.9(s[1] − s[0]); hi = s[8] + 0.1(s[9] − s[8])
    const lo = sorted[0] + 0.9 * (sorted[1] - sorted[0]);
    const hi = sorted[8] + 0.1 * (sorted[9] - sorted[8]);
    const w = z.map((v) => Math.min(hi, Math.max(lo, v)));
    const phi = w.reduce((a, v) => a + v * v, 0) / 10;
    const weights = n.map((v) => 4 * v);
    const sw = weights.reduce((a, v) => a + v, 0);
    const sw2 = weights.reduce((a, v) => a + v * v, 0);
    expectRel(res.phi, phi, 1e-12);
    expectRel(res.tau2, Math.max(0, (10 * phi - 9) / (sw - sw2 / sw)), 1e-12);
  });

  it("zero numerators get a 0.5 continuity correction in the log transform, and say so", () => {
    const res = funnelOverdispersion(
      [
        { numerator: 0, denominator: 10 },
        { numerator: 12, denominator: 10 },
      ],
      { type: "ratio", target: 1, trimMethod: "winsorise", trim: 0 },
    );
    expectRel(res.z[0] as number, Math.sqrt(10) * Math.log(0.05), 1e-12);
    expect(res.zeroCorrected).toEqual([true, false]);
  });
});

describe("funnelPlotData with overdispersion", () => {
  it("phi > 1: Spiegelhalter limits, φ and τ² reported, classes from the widened limits", () => {
    const units = O.map((o, i) => ({ unit: `u${i}`, numerator: o, denominator: E[i] }));
    const res = funnelPlotData(units, { type: "ratio", overdispersion: true, level: [0.95, 0.998] });
    expect(res.method).toBe("spiegelhalter");
    const z = O.map((o, i) => Math.sqrt(E[i]) * Math.log(o / E[i]));
    const phi = z.reduce((a, v) => a + v * v, 0) / 6;
    expectRel(res.phi as number, phi, 1e-12);
    const tau2 = res.tau2 as number;
    expect(tau2).toBeGreaterThan(0);
    expect(en(res.notes)[0]).toMatch(/^Method: Spiegelhalter overdispersion-adjusted limits \(truncated 10 % at each end, n = 6\); phi = /);
    // Unit u1: 150/112 — compare with exp(±z·√(1/E + τ²)) at its own E.
    const up95 = Math.exp(1.959963984540054 * Math.sqrt(1 / 112 + tau2));
    expect(res.units[1].classes[0].class).toBe(150 / 112 > up95 ? "high" : "not_significant");
    expectRel(res.units[1].z as number, z[1], 1e-12);
    // Limits are wider than the unadjusted PHE ones.
    const phe = funnelPlotData(units, { type: "ratio" });
    expect(res.limits[0].upper).toBeGreaterThan(phe.limits[0].upper);
  });

  it("phi <= 1: falls back to the unadjusted limits and says why", () => {
    const units = [
      { unit: "a", numerator: 100, denominator: 100 },
      { unit: "b", numerator: 101, denominator: 100 },
      { unit: "c", numerator: 99, denominator: 100 },
      { unit: "d", numerator: 100, denominator: 101 },
    ];
    const res = funnelPlotData(units, { type: "ratio", overdispersion: { trimMethod: "winsorise" } });
    expect(res.method).toBe("spiegelhalter-fallback");
    expect(res.tau2).toBe(0);
    expect(res.phi as number).toBeLessThanOrEqual(1);
    expect(en(res.notes)[0]).toMatch(/^Overdispersion adjustment asked for, but phi = .* ≤ 1 \(no overdispersion\): unadjusted PHE limits are used\.$/);
    const phe = funnelPlotData(units, { type: "ratio" });
    expect(res.limits).toEqual(phe.limits);
  });

  it("a single unit cannot give an overdispersion estimate: fallback with a note", () => {
    const res = funnelPlotData([{ unit: "a", numerator: 3, denominator: 10 }], { type: "proportion", overdispersion: true });
    expect(res.method).toBe("spiegelhalter-fallback");
    expect(en(res.notes)).toContain(
      "Only 1 unit with a usable z-score: overdispersion cannot be estimated, so unadjusted PHE limits are used.",
    );
  });
});
