import { describe, expect, it } from "vitest";
import { uChart, uPrimeChart } from "../../src/spc/index.js";
import { DYED_CLOTH_N, DYED_CLOTH_X } from "./fixtures.js";

const cloth = DYED_CLOTH_X.map((x, i) => ({ period: `roll ${i + 1}`, numerator: x, denominator: DYED_CLOTH_N[i] }));
const ubar = 153 / 107.5; // Montgomery (dyed cloth): ū = Σx/Σn = 153/107.5 = 1.4233, printed 1.42

describe("uChart: Montgomery's dyed-cloth example (varying inspection units)", () => {
  const r = uChart(cloth);
  it("centre ū = 1.42", () => {
    expect(r.points[0].centre).toBeCloseTo(ubar, 12);
    expect(r.points[0].centre as number).toBeCloseTo(1.42, 2); // Montgomery 1991 pp. 183–184: ū = 1.42
  });
  it("per-roll limits ū ± 3√(ū/nᵢ)", () => {
    // Montgomery's table (computed from ū = 1.42): n = 10 → LCL 0.29, UCL 2.55; n = 8 → 0.16, 2.68;
    // n = 13 → 0.43, 2.41; n = 12.5 → 0.42, 2.43. Exact: 1.4233 ± 3·√(1.4233/nᵢ).
    const expected: [number, number, number][] = [
      [0, 0.29, 2.55],
      [1, 0.16, 2.68],
      [2, 0.43, 2.41],
      [9, 0.42, 2.43],
    ];
    for (const [i, lcl, ucl] of expected) {
      const p = r.points[i];
      const s = Math.sqrt(ubar / DYED_CLOTH_N[i]);
      expect(p.upper3).toBeCloseTo(ubar + 3 * s, 12);
      expect(p.lower3).toBeCloseTo(ubar - 3 * s, 12);
      expect(Math.abs((p.upper3 as number) - ucl)).toBeLessThan(0.011); // textbook, 2 decimals from ū = 1.42
      expect(Math.abs((p.lower3 as number) - lcl)).toBeLessThan(0.011);
    }
  });
  it("the process is in control (Montgomery): no point flagged", () => {
    expect(r.points.every((p) => p.rules.length === 0)).toBe(true);
  });
  it("says the limits vary with the exposure", () => {
    expect(r.notes.some((n) => n.code === "spc.note.varyingLimits")).toBe(true);
  });
  it("scales values, centre and limits by the multiplier", () => {
    const m = uChart(cloth, { multiplier: 1000 });
    expect(m.points[0].value).toBeCloseTo(1400, 9); // 14/10 · 1000
    expect(m.points[0].centre).toBeCloseTo(ubar * 1000, 9);
    expect(m.points[1].upper3).toBeCloseTo((ubar + 3 * Math.sqrt(ubar / 8)) * 1000, 9);
  });
  it("keeps the lower limit at or above 0", () => {
    const small = uChart([
      { period: "a", numerator: 1, denominator: 1 },
      { period: "b", numerator: 0, denominator: 1 },
    ]);
    // ū = 0.5, σ = √0.5 = 0.7071; 0.5 − 3σ < 0 ⇒ 0
    expect(small.points[0].lower3).toBe(0);
    expect(small.points[0].lower2).toBe(0);
  });
});

describe("uPrimeChart (Laney u′), hand-computed", () => {
  // Exposure 1000 each, counts 100, 140, 90, 130 ⇒ ū = 460/4000 = 0.115; σ = √(0.115/1000) = 0.0107238.
  // z = (0.100 − 0.115)/σ = −1.39873, (0.14−0.115)/σ = 2.33126, (0.09−0.115)/σ = −2.33126, (0.13−0.115)/σ = 1.39873
  // MR: 3.72999, 4.66252, 3.72999 ⇒ mean 4.04083; σ_z = 4.04083/1.128 = 3.58229
  // UCL′ = 0.115 + 3·0.0107238·3.58229 = 0.115 + 0.115247 = 0.230247; LCL′ = max(0, −0.000247) = 0.
  const pts = [100, 140, 90, 130].map((y, i) => ({ period: String(i), numerator: y, denominator: 1000 }));
  it("multiplies the limits by sigma_z and cuts the lower at 0", () => {
    const r = uPrimeChart(pts);
    expect(r.chart).toBe("uprime");
    expect(r.phases[0].sigmaZ as number).toBeCloseTo(3.58229, 4);
    expect(r.points[0].upper3 as number).toBeCloseTo(0.230247, 5);
    expect(r.points[0].lower3).toBe(0);
  });
});
