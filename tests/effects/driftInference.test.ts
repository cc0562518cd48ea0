import { describe, expect, it } from "vitest";
import { contrastDriftVariance, fitDriftVariogram, variogramAt, variogramTable, type DriftVariogram } from "../../src/effects/driftVariogram.js";
import { interruptedTimeSeries } from "../../src/effects/interruptedTimeSeries.js";
import { relativeMagnitudesBreakdown } from "../../src/effects/relativeMagnitudes.js";
import { residualAutocorrelation } from "../../src/effects/residualAutocorrelation.js";
import { Random } from "../../src/stats/random.js";
import { staggeredDid, type DidPanelRow } from "../../src/effects/staggeredDid.js";
import { studentTQuantile } from "../../src/stats/studentT.js";

const walk = (omega: number): DriftVariogram => ({ nugget: 0, stationary: 0, rho: 0, walk: omega, maxLag: 0, pairs: 0, empirical: [] });

describe("drift variogram and contrast variance", () => {
  it("Var(δ(10) − δ(0)) of a random walk is 2γ(10) = 10 step variances", () => {
    // Step SD 0.02: γ(h) = h·0.0004/2, so Var = 10 · 0.0004 = 0.004.
    const v = walk(0.0004 / 2);
    expect(contrastDriftVariance([0, 10], [-1, 1], variogramTable(v, 10))).toBeCloseTo(0.004, 12);
    expect(variogramAt(v, 0)).toBe(0);
  });

  it("the variogram formula matches the simulated variance of a DiD-shaped contrast of an AR(1) + walk", () => {
    // δ = AR(1) (ρ 0.7, innovation SD 0.05) + walk (step SD 0.01); contrast: mean of periods 20–25 minus mean of 0–11.
    const rho = 0.7;
    const v: DriftVariogram = { nugget: 0, stationary: 0.05 ** 2 / (1 - rho * rho), rho, walk: 0.01 ** 2 / 2, maxLag: 0, pairs: 0, empirical: [] };
    const times = [...Array.from({ length: 12 }, (_, i) => i), ...Array.from({ length: 6 }, (_, i) => 20 + i)];
    const weights = times.map((t) => (t < 12 ? -1 / 12 : 1 / 6));
    const formula = contrastDriftVariance(times, weights, variogramTable(v, 30));
    const rng = new Random(7);
    let sum = 0;
    let sum2 = 0;
    const n = 20000;
    for (let r = 0; r < n; r++) {
      let ar = (0.05 / Math.sqrt(1 - rho * rho)) * rng.normal();
      let w = 0;
      let c = 0;
      for (let t = 0; t < 26; t++) {
        if (t > 0) {
          ar = rho * ar + 0.05 * rng.normal();
          w += 0.01 * rng.normal();
        }
        const k = times.indexOf(t);
        if (k >= 0) c += weights[k] * (ar + w);
      }
      sum += c;
      sum2 += c * c;
    }
    const simulated = sum2 / n - (sum / n) ** 2;
    expect(Math.abs(simulated / formula - 1)).toBeLessThan(0.05); // SE of a variance over 20,000 draws ≈ 1 %
  });

  it("recovers a random walk's step variance from residual series (sampling variance removed)", () => {
    // 36 series: with 6 the lag-12 estimate falls inside ±30 % for only about 2 seeds in 3 (a
    // random walk's variogram is noisy); with 36, for about 39 in 40. Leaving the sampling
    // variance in would put it near 1.4 × the truth.
    const rng = new Random(3);
    const series = Array.from({ length: 36 }, () => {
      const n = 120;
      const residual = new Float64Array(n);
      let d = 0;
      for (let t = 0; t < n; t++) {
        if (t > 0) d += 0.02 * rng.normal();
        residual[t] = d + Math.sqrt(0.001) * rng.normal(); // sampling noise of variance 0.001
      }
      return { residual, samplingVariance: new Float64Array(n).fill(0.001), shrink: new Float64Array(n).fill(1) };
    });
    const fit = fitDriftVariogram(series, 119)!;
    // γ(h) = h · 0.0004 / 2: at lag 12 it is 0.0024.
    expect(variogramAt(fit, 12)).toBeGreaterThan(0.0024 * 0.7);
    expect(variogramAt(fit, 12)).toBeLessThan(0.0024 * 1.3);
  });

  it("refuses with fewer than six period-to-period changes", () => {
    const one = { residual: Float64Array.from([0, 0.1, 0.2]), samplingVariance: new Float64Array(3), shrink: new Float64Array(3).fill(1) };
    expect(fitDriftVariogram([one], 2)).toBeNull();
  });
});

describe("relative-magnitudes breakdown value (Rambachan & Roth 2023), by hand", () => {
  it("is (|θ| − z·se) / (Δ · Σ w(e + 1)) with Δ the largest pre-period change", () => {
    // Pre-period estimates at −3, −2, −1 and the base (0) at 0: changes 0.05, 0.04, 0.01 → Δ = 0.05.
    // Post weights 0.5 at e = 0 and 1: Σ w(e + 1) = 1.5. θ = −0.3, se 0.05: margin 0.3 − 1.959964·0.05.
    const r = relativeMagnitudesBreakdown(
      [
        { eventTime: -3, estimate: 0.02 },
        { eventTime: -2, estimate: -0.03 },
        { eventTime: -1, estimate: 0.01 },
      ],
      0,
      [
        { eventTime: 0, weight: 0.5 },
        { eventTime: 1, weight: 0.5 },
      ],
      -0.3,
      0.05,
      0.95,
    )!;
    expect(r.maxPreDeparture).toBeCloseTo(0.05, 12);
    expect(r.biasFactor).toBeCloseTo(1.5, 12);
    expect(r.breakdown).toBeCloseTo((0.3 - 1.959963984540054 * 0.05) / 0.075, 9);
    expect(relativeMagnitudesBreakdown([{ eventTime: -1, estimate: 0.1 }], 0, [{ eventTime: 0, weight: 1 }], 0.05, 0.05, 0.95)?.breakdown).toBe(0);
    expect(relativeMagnitudesBreakdown([], 0, [{ eventTime: 0, weight: 1 }], 0.5, 0.05, 0.95)).toBeNull();
  });
});

describe("residual autocorrelation", () => {
  it("Durbin–Watson and Ljung–Box by their definitions", () => {
    const e = [1, -1, 1, -1, 1, -1, 1, -1];
    const r = residualAutocorrelation(e, 2);
    // Σ(eₜ − eₜ₋₁)² = 7 · 4 = 28, Σ e² = 8: d = 3.5; r₁ = −7/8, r₂ = 6/8.
    expect(r.durbinWatson).toBeCloseTo(3.5, 12);
    expect(r.lagOne).toBeCloseTo(-7 / 8, 12);
    const q = 8 * 10 * ((7 / 8) ** 2 / 7 + (6 / 8) ** 2 / 6);
    expect(r.ljungBox.q).toBeCloseTo(q, 10);
    // χ² with 2 degrees of freedom: P(X > q) = exp(−q/2).
    expect(r.ljungBox.pValue).toBeCloseTo(Math.exp(-q / 2), 12);
  });
});

describe("Student's t quantile (Newton on the incomplete beta)", () => {
  it("agrees with R's qt", () => {
    expect(studentTQuantile(0.975, 6)).toBeCloseTo(2.446912, 6); // R: qt(0.975, 6)
    expect(studentTQuantile(0.975, 12)).toBeCloseTo(2.178813, 6); // R: qt(0.975, 12)
    expect(studentTQuantile(0.975, 13)).toBeCloseTo(2.160369, 6); // R: qt(0.975, 13)
    expect(studentTQuantile(0.025, 3)).toBeCloseTo(-3.182446, 6); // R: qt(0.025, 3)
  });
});

describe("minimum data: a stated refusal, not a number", () => {
  it("staggeredDid refuses to estimate drift from too few untreated periods", () => {
    const rows: DidPanelRow[] = [];
    for (const [unit, start] of [["T", 3], ["C", null]] as const)
      for (let t = 0; t < 5; t++) rows.push({ unit, period: t, events: 50 + t, exposure: 1000, treatedFrom: start });
    expect(() => staggeredDid(rows, { baseWindow: 1 })).toThrow(
      // Periods 0–2 of both units: 4 changes (periods 3–4 of C alone say nothing about drift against the others).
      "staggeredDid: the untreated periods give only 4 period-to-period change(s) of a cluster's rate; at least 6 are needed to estimate how much the clusters drift over time. " +
        'Give more periods before the first start, or choose variance: "dispersion" (which assumes the clusters do not drift)',
    );
    expect(staggeredDid(rows, { baseWindow: 1, variance: "dispersion" }).overall.rateRatio).toBeGreaterThan(0);
  });

  it("interruptedTimeSeries needs a year of monthly periods before the start for its seasonal terms", () => {
    const series = Array.from({ length: 30 }, (_, t) => ({ period: `2020-${String((t % 12) + 1).padStart(2, "0")}`.replace("2020", String(2020 + Math.floor(t / 12))), events: 40, exposure: 1000 }));
    expect(() => interruptedTimeSeries(series, { start: "2020-07" })).toThrow(
      "interruptedTimeSeries: 6 period(s) before the start; at least 12 are needed to estimate the trend and a whole year of seasons the effect is measured against, so no estimate is given",
    );
    expect(() => interruptedTimeSeries(series.map((s) => ({ ...s, events: 0 })), { start: "2021-07" })).toThrow(
      "interruptedTimeSeries: only 0 event(s) before the start; at least 10 are needed for a baseline, so no estimate is given",
    );
    // Monthly data get seasonal terms by default (2 harmonics, as Bernal et al. 2017).
    const its = interruptedTimeSeries(series, { start: "2021-07" });
    expect(its.coefficients.map((c) => c.name)).toContain("sin2");
    expect(its.assumption.code).toBe("its_drift");
  });
});

describe("drift variogram of regression residuals (projectedVariogram)", () => {
  // One series of 84 months: log rate = trend + random walk (step SD 0.03) + Poisson noise at ~2,000
  // events; residuals of a fitted intercept + trend model.
  const fitOne = (seed: number) => {
    const rng = new Random(seed);
    const n = 84;
    let walk = 0;
    const events: number[] = [];
    for (let t = 0; t < n; t++) {
      if (t > 0) walk += 0.03 * rng.normal();
      const mu = 2000 * Math.exp(0.002 * t + walk);
      events.push(Math.max(1, Math.round(mu + Math.sqrt(mu) * rng.normal())));
    }
    const its = interruptedTimeSeries(
      events.map((y, t) => ({ period: t, events: y, exposure: 1 })),
      { start: 60, seasonality: "none", slopeChange: false, interval: "delta" },
    );
    return its.drift!;
  };

  it("recovers a random walk's step variance that the trend term partly absorbs (mean over 40 series)", () => {
    // γ(h) = h · 0.0009 / 2; at lag 24 that is 0.0108. The plain variogram of trend-model residuals
    // of a walk falls short of it at long lags; the projected fit is unbiased up to noise.
    let sum = 0;
    for (let seed = 1; seed <= 40; seed++) sum += variogramAt(fitOne(seed), 24);
    const mean = sum / 40;
    expect(mean).toBeGreaterThan(0.0108 * 0.75);
    expect(mean).toBeLessThan(0.0108 * 1.3);
    // The plain residual variogram at lag 24, averaged the same way, is clearly lower (what the
    // previous fit used).
    let plain = 0;
    for (let seed = 1; seed <= 40; seed++) plain += fitOne(seed).empirical.find((e) => e.lag === 24)!.gamma;
    // `empirical` holds the residual variogram net of its expected sampling part: the drift left in
    // the residuals after the trend and level took their share.
    expect(plain / 40).toBeLessThan(0.0108 * 0.75);
  });
});

describe("ITS phase-in", () => {
  // Noise-free expected counts: trend + an effect that ramps down to 0.8 over the first 9 months.
  const series = Array.from({ length: 84 }, (_, t) => {
    const ramp = t < 48 ? 0 : Math.log(0.8) * Math.min(1, (t - 48 + 1) / 9);
    return { period: t, events: 500 * Math.exp(0.001 * t + ramp), exposure: 1 };
  });
  const truth = (() => {
    let o = 0;
    let c = 0;
    for (let t = 48; t < 84; t++) {
      o += series[t].events;
      c += 500 * Math.exp(0.001 * t);
    }
    return o / c;
  })();

  it("a step model reads a ramp with bias; with a phase-in of the ramp's length the overall effect is exact", () => {
    const step = interruptedTimeSeries(series, { start: 48, seasonality: "none", slopeChange: false, interval: "delta", variance: "model" });
    const phased = interruptedTimeSeries(series, { start: 48, seasonality: "none", slopeChange: false, interval: "delta", variance: "model", phaseIn: 12 });
    expect(Math.abs(Math.log(step.overall.rateRatio / truth))).toBeGreaterThan(0.01);
    expect(phased.overall.rateRatio).toBeCloseTo(truth, 6);
    // The level change then describes the periods after the phase-in.
    expect(phased.levelChange.rateRatio).toBeCloseTo(0.8, 6);
    expect(phased.coefficients.map((c) => c.name)).toContain("phase12");
  });

  it("refuses a phase-in that leaves fewer than two periods after it", () => {
    expect(() => interruptedTimeSeries(series, { start: 48, seasonality: "none", phaseIn: 35 })).toThrow(
      "interruptedTimeSeries: phaseIn is 35; give a whole number of periods >= 0 that leaves at least 2 of the 36 period(s) from the start after it",
    );
  });
});
