import { describe, expect, it } from "vitest";
import { poissonGlm } from "../../src/stats/glm/poissonGlm.js";
import { StatsError } from "../../src/stats/statsError.js";
import { noteText } from "../../src/text/catalogue.js";

/** Dummy-coded design with an intercept: factor levels → indicator columns (first level = reference). */
function dummies(levels: readonly string[][]): number[][] {
  const n = levels[0].length;
  return Array.from({ length: n }, (_, i) => {
    const row = [1];
    for (const f of levels) {
      const uniq = [...new Set(f)];
      for (const l of uniq.slice(1)) row.push(f[i] === l ? 1 : 0);
    }
    return row;
  });
}

describe("poissonGlm — Dobson (1990) randomized controlled trial (R ?glm, glm.D93)", () => {
  const counts = [18, 17, 15, 20, 10, 20, 25, 13, 12];
  const outcome = ["1", "2", "3", "1", "2", "3", "1", "2", "3"]; // gl(3, 1, 9)
  const treatment = ["1", "1", "1", "2", "2", "2", "3", "3", "3"]; // gl(3, 3)
  const x = dummies([outcome, treatment]);
  const names = ["(Intercept)", "outcome2", "outcome3", "treatment2", "treatment3"];

  it("agrees with R's summary(glm.D93)", () => {
    const fit = poissonGlm({ y: counts, x, names });
    // R summary(glm.D93): estimates 3.045e+00, -4.543e-01, -2.930e-01, ~0, ~0
    expect(fit.coefficients[0]).toBeCloseTo(3.045, 3);
    expect(fit.coefficients[1]).toBeCloseTo(-0.4543, 4);
    expect(fit.coefficients[2]).toBeCloseTo(-0.293, 4);
    expect(Math.abs(fit.coefficients[3])).toBeLessThan(1e-10);
    expect(Math.abs(fit.coefficients[4])).toBeLessThan(1e-10);
    // R summary(glm.D93): Std. Error 1.709e-01, 2.022e-01, 1.927e-01, 2.000e-01, 2.000e-01
    expect(fit.standardErrors[0]).toBeCloseTo(0.1709, 4);
    expect(fit.standardErrors[1]).toBeCloseTo(0.2022, 4);
    expect(fit.standardErrors[2]).toBeCloseTo(0.1927, 4);
    expect(fit.standardErrors[3]).toBeCloseTo(0.2, 4);
    // R: Residual deviance 5.1291 on 4 df; Null deviance 10.5814 on 8 df; AIC 56.761
    expect(fit.deviance).toBeCloseTo(5.1291, 4);
    expect(fit.dfResidual).toBe(4);
    expect(fit.nullDeviance).toBeCloseTo(10.5814, 4);
    expect(fit.aic).toBeCloseTo(56.761, 3);
    expect(fit.converged).toBe(true);
    // The first row has all dummies 0, so its fitted value is exp(intercept)
    expect(fit.coefficients[0]).toBeCloseTo(Math.log(fit.fitted[0]), 12);
  });

  it("quasi-Poisson: dispersion 1.2933 and scaled standard errors (R: family = quasipoisson())", () => {
    const fit = poissonGlm({ y: counts, x, names }, { family: "quasipoisson", dispersionFloor: false });
    // R: (Dispersion parameter for quasipoisson family taken to be 1.2933)
    expect(fit.dispersion).toBeCloseTo(1.2933, 4);
    // R: Std. Error outcome3 2.192e-01, treatment2 2.274e-01
    expect(fit.standardErrors[2]).toBeCloseTo(0.2192, 4);
    expect(fit.standardErrors[3]).toBeCloseTo(0.2274, 4);
    expect(fit.pearsonChi2 / fit.dfResidual).toBeCloseTo(fit.dispersion, 12);
  });
});

describe("poissonGlm — with offset: lung cancer in four Danish cities (ISwR eba1977)", () => {
  // eba1977 (Andersen 1977; Dalgaard, Introductory Statistics with R, ch. 15): city, age, pop, cases
  const cities = ["Fredericia", "Horsens", "Kolding", "Vejle"];
  const ages = ["40-54", "55-59", "60-64", "65-69", "70-74", "75+"];
  const pop = [3059, 2879, 3142, 2520, 800, 1083, 1050, 878, 710, 923, 895, 839, 581, 834, 702, 631, 509, 634, 535, 539, 605, 782, 659, 619];
  const cases = [11, 13, 4, 5, 11, 6, 8, 7, 11, 15, 7, 10, 10, 10, 11, 14, 11, 12, 9, 8, 10, 2, 12, 7];
  const city = pop.map((_, i) => cities[i % 4]);
  const age = pop.map((_, i) => ages[Math.floor(i / 4)]);
  const x = dummies([city, age]);

  it("agrees with R: glm(cases ~ city + age + offset(log(pop)), family = poisson)", () => {
    const fit = poissonGlm({ y: cases, x, offset: pop.map(Math.log) });
    // R summary: Estimate / Std. Error
    const expected: [number, number][] = [
      [-5.6321, 0.2003], // (Intercept)
      [-0.3301, 0.1815], // cityHorsens
      [-0.3715, 0.1878], // cityKolding
      [-0.2723, 0.1879], // cityVejle
      [1.101, 0.2483], // age55-59
      [1.5186, 0.2316], // age60-64
      [1.7677, 0.2294], // age65-69
      [1.8569, 0.2353], // age70-74
      [1.4197, 0.2503], // age75+
    ];
    expected.forEach(([b, se], j) => {
      expect(fit.coefficients[j]).toBeCloseTo(b, 4);
      expect(fit.standardErrors[j]).toBeCloseTo(se, 4);
    });
    // R: Residual deviance 23.447 on 15 df; Null deviance 129.908 on 23 df; AIC 137.84
    expect(fit.deviance).toBeCloseTo(23.447, 3);
    expect(fit.nullDeviance).toBeCloseTo(129.908, 3);
    expect(fit.aic).toBeCloseTo(137.84, 2);
    // R fitted(): first value 10.954812 (Fredericia 40-54)
    expect(fit.fitted[0]).toBeCloseTo(10.954812, 5);
  });
});

describe("poissonGlm — errors and edge cases", () => {
  it("detects rank deficiency and names the aliased column", () => {
    const x = [
      [1, 0, 1],
      [1, 1, 0],
      [1, 0, 1],
      [1, 1, 0],
    ];
    expect(() => poissonGlm({ y: [1, 2, 3, 4], x, names: ["(Intercept)", "a", "b"] })).toThrow(
      'poissonGlm: the design matrix is rank deficient — column(s) "b" are linear combinations of earlier columns (aliased). Remove them or merge the categories.',
    );
    try {
      poissonGlm({ y: [1, 2, 3, 4], x, names: ["(Intercept)", "a", "b"] });
    } catch (e) {
      expect(e).toBeInstanceOf(StatsError);
      expect((e as StatsError).code).toBe("rank_deficient");
    }
  });

  it("rejects negative counts, NaN and mismatched lengths with clear messages", () => {
    expect(() => poissonGlm({ y: [1, -1], x: [[1], [1]] })).toThrow("poissonGlm: count y[1] is -1; Poisson counts must be >= 0");
    expect(() => poissonGlm({ y: [1, NaN], x: [[1], [1]] })).toThrow("poissonGlm: y[1] is NaN; expected a finite number");
    expect(() => poissonGlm({ y: [1, 2], x: [[1]] })).toThrow("poissonGlm: x has 1 values, expected 2 (one per observation)");
    expect(() => poissonGlm({ y: [], x: [] })).toThrow("poissonGlm requires at least one observation");
  });

  it("handles zero counts (fitted rates approach 0 without failing) and reports convergence", () => {
    // A group with all zeros drives its coefficient towards −∞; R reports a very negative estimate.
    const fit = poissonGlm({ y: [0, 0, 5, 7], x: [[1, 1], [1, 1], [1, 0], [1, 0]] });
    expect(fit.coefficients[0]).toBeCloseTo(Math.log(6), 6);
    expect(fit.coefficients[1]).toBeLessThan(-15);
    expect(Number.isFinite(fit.deviance)).toBe(true);
  });

  it("reports non-convergence instead of hiding it", () => {
    const fit = poissonGlm({ y: [0, 0, 5, 7], x: [[1, 1], [1, 1], [1, 0], [1, 0]] }, { maxIterations: 2 });
    expect(fit.converged).toBe(false);
    expect(fit.notes).toEqual([{ code: "stats.note.glmNotConverged", values: { iterations: 2 } }]);
    expect(noteText(fit.notes[0], "da")).toBe(
      "Modellen (Poisson-regression) konvergerede ikke på 2 iterationer; estimaterne kan være upålidelige (rater nær 0 eller separation).",
    );
    expect(noteText(fit.notes[0], "en")).toBe(
      "The model (Poisson regression) did not converge in 2 iterations; the estimates may be unreliable (fitted rates near 0 or separation).",
    );
  });

  it("intercept-only model equals the pooled rate (closed form)", () => {
    const y = [3, 9, 4];
    const t = [100, 250, 80];
    const fit = poissonGlm({ y, x: [[1], [1], [1]], offset: t.map(Math.log) });
    expect(fit.coefficients[0]).toBeCloseTo(Math.log(16 / 430), 10);
    // Var(log rate) = 1/Σy for the pooled Poisson rate
    expect(fit.standardErrors[0]).toBeCloseTo(Math.sqrt(1 / 16), 8);
    expect(fit.deviance).toBeCloseTo(fit.nullDeviance, 10);
  });
});
