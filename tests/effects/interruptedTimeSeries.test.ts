import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { poissonGlm } from "../../src/stats/glm/poissonGlm.js";
import { interruptedTimeSeries, type ItsObservation } from "../../src/effects/interruptedTimeSeries.js";
import { Random } from "../../src/stats/random.js";
import { noteText } from "../../src/text/catalogue.js";
import type { Note } from "../../src/contract/note.js";

/** Notes in English words. */
const en = (ns: readonly Note[] | undefined): string[] => (ns ?? []).map((n) => noteText(n, "en"));


const sicily = JSON.parse(readFileSync(new URL("./fixtures/sicily.json", import.meta.url), "utf8")) as {
  rows: [number, number, number, number, number, number, number][];
};
const series: ItsObservation[] = sicily.rows.map(([year, month, aces, , , , stdpop]) => ({
  period: `${year}-${String(month).padStart(2, "0")}`,
  events: aces,
  exposure: stdpop,
}));

describe("interruptedTimeSeries — Sicily smoking ban (Lopez Bernal et al. 2017 data)", () => {
  it("level-change model equals the tutorial's glm(aces ~ offset(log(stdpop)) + smokban + time + harmonic(month,2,12))", () => {
    // variance "model": the GLM's quasi-Poisson standard errors, as the tutorial (the default adds a drift component).
    const its = interruptedTimeSeries(series, { start: "2005-01", slopeChange: false, seasonality: { harmonics: 2 }, interval: "delta", variance: "model" });
    // The tutorial's design, built independently: time 1..59, harmonics of month 1..12.
    const x = sicily.rows.map(([, month, , time, smokban]) => {
      const h = [1, 2].flatMap((k) => [Math.sin((2 * Math.PI * k * month) / 12), Math.cos((2 * Math.PI * k * month) / 12)]);
      return [1, smokban, time, ...h];
    });
    const ref = poissonGlm(
      { y: sicily.rows.map((r) => r[2]), x, offset: sicily.rows.map((r) => Math.log(r[6])) },
      { family: "quasipoisson" },
    );
    expect(its.levelChange.logEstimate).toBeCloseTo(ref.coefficients[1], 10);
    expect(its.levelChange.standardError).toBeCloseTo(ref.standardErrors[1], 10);
    expect(its.baselineTrend.logEstimate).toBeCloseTo(ref.coefficients[2], 10);
    expect(its.dispersion).toBeCloseTo(ref.dispersion, 10);
    expect(its.slopeChange).toBeNull();
    // Level-only model: Σ fitted / Σ counterfactual over the post period is exactly exp(β_level).
    expect(its.overall.rateRatio).toBeCloseTo(its.levelChange.rateRatio, 12);
    expect(its.overall.lower).toBeCloseTo(its.levelChange.lower, 10);
    expect(its.prePeriods).toBe(36);
    expect(its.postPeriods).toBe(23);
    // The ban lowered the rate (tutorial: a reduction of roughly 10 %); the interval excludes 1.
    expect(its.levelChange.rateRatio).toBeLessThan(0.95);
    expect(its.levelChange.upper).toBeLessThan(1);
  });

  it("month dummies and harmonics are alternative seasonal terms; the table is complete", () => {
    const its = interruptedTimeSeries(series, { start: "2005-01", seasonality: "months" });
    expect(its.coefficients.map((c) => c.name)).toEqual([
      "(Intercept)", "time", "level", "slope",
      ...Array.from({ length: 11 }, (_, j) => `month${j + 2}`),
    ]);
    expect(its.table).toHaveLength(59);
    expect(its.table[36]).toMatchObject({ period: "2005-01", post: true, time: 36, events: 831 });
    // Before the start the counterfactual is the fitted value.
    for (const row of its.table.filter((r) => !r.post)) expect(row.counterfactual).toBeCloseTo(row.fitted, 10);
    for (const row of its.table) {
      expect(row.fittedLower).toBeLessThan(row.fitted);
      expect(row.fittedUpper).toBeGreaterThan(row.fitted);
    }
    expect(its.overall.averted.value).toBeCloseTo(its.overall.counterfactualEvents - its.overall.fittedEvents, 8);
  });
});

describe("interruptedTimeSeries — recovery and intervals", () => {
  const build = (level: number, slope: number, noise: ((mu: number) => number) | null): ItsObservation[] =>
    Array.from({ length: 48 }, (_, t) => {
      const year = 2016 + Math.floor(t / 12);
      const month = (t % 12) + 1;
      const post = t >= 24 ? 1 : 0;
      const exposure = 10000 + 50 * t;
      const mu = exposure * Math.exp(Math.log(0.01) + 0.005 * t + 0.1 * Math.cos((2 * Math.PI * (month - 1)) / 12) + post * (Math.log(level) + Math.log(slope) * (t - 24)));
      return { period: `${year}-${String(month).padStart(2, "0")}`, events: noise === null ? mu : noise(mu), exposure };
    });

  it("recovers a known level and slope change exactly from noise-free expected counts", () => {
    const its = interruptedTimeSeries(build(0.8, 0.99, null), { start: "2018-01", seasonality: { harmonics: 1 } });
    expect(its.levelChange.rateRatio).toBeCloseTo(0.8, 8);
    expect(its.slopeChange?.rateRatio).toBeCloseTo(0.99, 8);
    expect(its.baselineTrend.rateRatio).toBeCloseTo(Math.exp(0.005), 8);
    expect(its.deviance).toBeLessThan(1e-8);
  });

  it("simulation and delta intervals of the overall effect agree; simulation is reproducible by seed", () => {
    const rng = new Random(7);
    const data = build(0.8, 1, (mu) => rng.poisson(mu));
    const sim = interruptedTimeSeries(data, { start: "2018-01", simulations: 4000, seed: 3 });
    const sim2 = interruptedTimeSeries(data, { start: "2018-01", simulations: 4000, seed: 3 });
    const delta = interruptedTimeSeries(data, { start: "2018-01", interval: "delta" });
    expect(sim2.overall.lower).toBe(sim.overall.lower);
    expect(sim.overall.rateRatio).toBe(delta.overall.rateRatio);
    expect(Math.abs(Math.log(sim.overall.lower) - Math.log(delta.overall.lower))).toBeLessThan(0.02);
    expect(Math.abs(Math.log(sim.overall.upper) - Math.log(delta.overall.upper))).toBeLessThan(0.02);
    expect(sim.overall.averted.lower).toBeLessThan(sim.overall.averted.value);
    expect(sim.overall.averted.upper).toBeGreaterThan(sim.overall.averted.value);
    expect(Math.abs(sim.overall.averted.lower - delta.overall.averted.lower) / delta.overall.averted.value).toBeLessThan(0.1);
  });

  it("covers the true level change at close to the nominal rate across 200 seeds", () => {
    let covered = 0;
    let sumLog = 0;
    for (let seed = 1; seed <= 200; seed++) {
      const rng = new Random(seed);
      const its = interruptedTimeSeries(build(0.8, 1, (mu) => rng.poisson(mu)), { start: "2018-01", seasonality: { harmonics: 1 }, interval: "delta" });
      if (its.levelChange.lower <= 0.8 && 0.8 <= its.levelChange.upper) covered++;
      sumLog += its.levelChange.logEstimate;
    }
    expect(covered / 200).toBeGreaterThanOrEqual(0.88);
    expect(covered / 200).toBeLessThanOrEqual(0.99);
    expect(Math.abs(sumLog / 200 - Math.log(0.8))).toBeLessThan(0.02);
  });
});

describe("interruptedTimeSeries — gaps and errors", () => {
  it("leaves missing months out (never zeros) and says so", () => {
    const gapped = series.filter((s) => s.period !== "2003-05" && s.period !== "2005-08");
    const its = interruptedTimeSeries(gapped, { start: "2005-01" });
    expect(its.table).toHaveLength(57);
    expect(en(its.notes)).toContain("2 missing periods in the series (2003-05, 2005-08); they are left out of the fit, never read as 0.");
    expect(its.notes.map((n) => noteText(n, "da"))).toContain("2 manglende perioder i serien (2003-05, 2005-08); de er udeladt af modellen og aldrig læst som 0.");
    expect(its.table.find((r) => r.period === "2003-06")?.time).toBe(17);
  });

  it("rejects a start with no period before or after it, duplicates and bad levels", () => {
    expect(() => interruptedTimeSeries(series, { start: "2001-01" })).toThrow(
      "interruptedTimeSeries: the intervention start 2001-01 leaves no observed period before it or none from it onwards",
    );
    expect(() => interruptedTimeSeries([...series, series[0]], { start: "2005-01" })).toThrow(
      "interruptedTimeSeries: period 2002-01 occurs more than once",
    );
    expect(() => interruptedTimeSeries(series, { start: "2005-01", level: 95 })).toThrow(
      "interruptedTimeSeries: level is 95; give the confidence level as a fraction strictly between 0 and 1 (e.g. 0.95)",
    );
    expect(() => interruptedTimeSeries(series, { start: "2005-01", seasonality: { harmonics: 6 } })).toThrow(
      'interruptedTimeSeries: seasonality harmonics is 6; give an integer from 1 to 5 (or "months" for season dummies)',
    );
    expect(() => interruptedTimeSeries(series, { start: "2005-1" })).toThrow(
      'interruptedTimeSeries: period "2005-1" is neither a month "YYYY-MM" nor an integer month index',
    );
  });
});
