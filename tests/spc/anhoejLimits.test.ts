import { describe, expect, it } from "vitest";
import { SpcError } from "../../src/spc/index.js";
import { anhoejLimits } from "../../src/spc/anhoejLimits.js";
import { binomialQuantile } from "../../src/spc/binomialQuantile.js";

describe("binomialQuantile (exact, as R qbinom)", () => {
  it("matches qbinom on small cases worked by hand", () => {
    // Bin(9, 0.5): P(X ≤ 1) = 10/512 = 0.0195, P(X ≤ 2) = 46/512 = 0.0898 ⇒ qbinom(0.05, 9, 0.5) = 2
    expect(binomialQuantile(0.05, 9, 0.5)).toBe(2);
    // Bin(9, 0.5): P(X ≤ 4) = 256/512 = 0.5 exactly ⇒ qbinom(0.5, 9, 0.5) = 4 (left-continuity fuzz)
    expect(binomialQuantile(0.5, 9, 0.5)).toBe(4);
    // Bin(1, 0.5): P(X ≤ 0) = 0.5 < 0.6 ⇒ 1
    expect(binomialQuantile(0.6, 1, 0.5)).toBe(1);
    // Bin(3, 0.2): P(X ≤ 0) = 0.512, P(X ≤ 1) = 0.896 ⇒ qbinom(0.9, 3, 0.2) = 2; qbinom(0.5, 3, 0.2) = 0
    expect(binomialQuantile(0.9, 3, 0.2)).toBe(2);
    expect(binomialQuantile(0.5, 3, 0.2)).toBe(0);
  });
  it("handles the edges", () => {
    expect(binomialQuantile(0, 10, 0.5)).toBe(0);
    expect(binomialQuantile(1, 10, 0.5)).toBe(10);
    expect(binomialQuantile(0.05, 0, 0.5)).toBe(0);
    expect(binomialQuantile(0.3, 5, 1)).toBe(5);
    // large n does not underflow: Bin(2000, 0.5), 5 % quantile = 1000 − 1.645·√500 ≈ 963.2 ⇒ 963
    expect(binomialQuantile(0.05, 2000, 0.5)).toBe(963);
  });
  it("rejects invalid arguments", () => {
    expect(() => binomialQuantile(1.5, 10, 0.5)).toThrow(SpcError);
    expect(() => binomialQuantile(0.5, 2.5, 0.5)).toThrow("binomialQuantile: invalid input — size must be an integer ≥ 0; received 2.5");
  });
});

describe("anhoejLimits: critical values for longest run and crossings", () => {
  it("matches methods.md", () => {
    const table: [number, number, number][] = [
      [10, 6, 2], // methods.md
      [12, 7, 3], // methods.md
      [20, 7, 6], // methods.md
      [24, 8, 8], // methods.md; qicharts2 vignette: "fewer than qbinom(0.05, 24 − 1, 0.5) = 8 crossings", "more than round(log2(24) + 3) = 8"
      [36, 8, 13], // methods.md
    ];
    for (const [n, l, c] of table) expect(anhoejLimits(n)).toEqual({ longestRunMax: l, crossingsMin: c });
  });
  it("matches the published table (qicharts2 vignette, Appendix 2, n = 10–100; Anhøj & Olesen 2014, PLoS ONE 9(11): e113825)", () => {
    const table: [number, number, number][] = [
      [11, 6, 2],
      [13, 7, 3],
      [14, 7, 4],
      [17, 7, 5],
      [22, 7, 7],
      [23, 8, 7],
      [30, 8, 10],
      [40, 8, 14],
      [46, 9, 17],
      [50, 9, 19],
      [60, 9, 23],
      [80, 9, 32],
      [91, 10, 37],
      [100, 10, 41],
    ];
    for (const [n, l, c] of table) expect(anhoejLimits(n), `n = ${n}`).toEqual({ longestRunMax: l, crossingsMin: c });
  });
  it("longest-run limits agree with the published run-length table for n = 10..59 (unaettie.com FAQ, 'Length of run in a run chart')", () => {
    // Table-1 there: 10–11 → 6, 12–22 → 7, 23–45 → 8, 46–59 → 9
    for (let n = 10; n <= 59; n++) {
      const expected = n <= 11 ? 6 : n <= 22 ? 7 : n <= 45 ? 8 : 9;
      expect(anhoejLimits(n).longestRunMax, `n = ${n}`).toBe(expected);
    }
  });
});
