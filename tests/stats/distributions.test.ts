import { describe, expect, it } from "vitest";
import { StatsError } from "../../src/stats/index.js";
import { chiSquareQuantile } from "../../src/stats/chiSquareQuantile.js";
import { logGamma } from "../../src/stats/logGamma.js";
import { normalCdf } from "../../src/stats/normalCdf.js";
import { normalQuantile } from "../../src/stats/normalQuantile.js";
import { regularizedGamma } from "../../src/stats/regularizedGamma.js";
import { zForLevel } from "../../src/stats/zForLevel.js";
import { expectRel } from "./helpers.js";

describe("normalQuantile (AS 241)", () => {
  it.each([
    [0.975, 1.959963984540054], // R: qnorm(0.975)
    [0.999, 3.090232306167813], // R: qnorm(0.999)
    [0.995, 2.575829303548901], // R: qnorm(0.995)
    [0.3, -0.5244005127080407], // R: qnorm(0.3)
    [1e-10, -6.361340902404056], // R: qnorm(1e-10)
  ])("qnorm(%d) to 1e-12", (p, q) => expectRel(normalQuantile(p), q, 1e-12));

  it("inverts normalCdf across the range", () => {
    for (const p of [1e-300, 1e-15, 1e-6, 0.01, 0.2, 0.5, 0.77, 0.99, 1 - 1e-9]) {
      expectRel(normalCdf(normalQuantile(p)), p, 1e-9);
    }
  });
  it("handles 0, 1 and rejects outside [0, 1]", () => {
    expect(normalQuantile(0)).toBe(-Infinity);
    expect(normalQuantile(1)).toBe(Infinity);
    expect(() => normalQuantile(1.5)).toThrow("normalQuantile: p must be a probability in [0, 1]; received 1.5.");
  });
});

describe("zForLevel", () => {
  it("matches methods.md", () => {
    expectRel(zForLevel(0.95), 1.959964, 1e-6); // methods.md: 95 %
    expectRel(zForLevel(0.998), 3.090232, 1e-6); // methods.md: 99.8 %
  });
  it("rejects percentages: one unit only", () => {
    expect(() => zForLevel(95)).toThrow(StatsError);
    expect(() => zForLevel(95)).toThrow(
      "zForLevel: level must be a fraction strictly between 0 and 1 (0.95 for 95 %, 0.998 for 99.8 %); received 95. Percentages such as 95 are not accepted.",
    );
    expect(() => zForLevel(1.5)).toThrow("received 1.5");
    expect(() => zForLevel(1)).toThrow(StatsError);
    expect(() => zForLevel(0)).toThrow(StatsError);
  });
});

describe("chiSquareQuantile", () => {
  it.each([
    [0.975, 1, 5.023886187314888], // R: qchisq(0.975, 1)
    [0.95, 10, 18.30703805327515], // R: qchisq(0.95, 10)
    [0.05, 1, 0.003932140000019522], // R: qchisq(0.05, 1)
    [0.025, 10, 3.246972780236841], // R: qchisq(0.025, 10) = 2 × poisson.test(5) lower 1.623486
    [0.975, 12, 23.33666415864534], // R: qchisq(0.975, 12) = 2 × poisson.test(5) upper 11.668332
  ])("qchisq(%d, %d) to 1e-10", (p, df, q) => expectRel(chiSquareQuantile(p, df), q, 1e-10));

  it("inverts the regularised gamma for non-integer and large df", () => {
    for (const df of [0.3, 2, 7.5, 40, 41.2, 2000, 200000]) {
      for (const p of [0.001, 0.025, 0.5, 0.975, 0.999]) {
        const x = chiSquareQuantile(p, df);
        const g = regularizedGamma(df / 2, x / 2);
        // For very large df, P itself is only good to ~1e-9 (ln-prefix of size df); x is still far better.
        const tol = df > 1000 ? 1e-8 : 1e-10;
        if (p < 0.5) expectRel(g.p, p, tol);
        else expectRel(g.q, 1 - p, tol);
      }
    }
  });
  it("rejects bad input", () => {
    expect(() => chiSquareQuantile(0.5, 0)).toThrow("chiSquareQuantile: degrees of freedom must be a finite number > 0; received 0.");
    expect(() => chiSquareQuantile(-0.1, 3)).toThrow("chiSquareQuantile: p must be a probability in [0, 1]; received -0.1.");
    expect(chiSquareQuantile(0, 3)).toBe(0);
  });
});

describe("logGamma and normalCdf", () => {
  it("agree with closed forms", () => {
    expectRel(logGamma(0.5), 0.5 * Math.log(Math.PI), 1e-14); // Γ(1/2) = √π
    expectRel(logGamma(10), Math.log(362880), 1e-14); // Γ(10) = 9!
    expectRel(normalCdf(-1.959963984540054), 0.025, 1e-12); // R: pnorm(qnorm(0.025))
    expectRel(normalCdf(-8), 6.22096057427178e-16, 1e-9); // R: pnorm(-8)
  });
});
