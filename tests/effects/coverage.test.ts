/**
 * Fast CI version of `npm run bench:effects`: a few scenarios of the independent simulator
 * (bench/effects/driftPanel.ts) over 60 seeds each. With 60 seeds the Monte Carlo standard error of
 * a 95 % coverage is 2.8 points, so the band is wide (85–100 %); it still catches a regression to
 * intervals that ignore drift, which covered 78–90 % in these scenarios, and (phased-in scenario) a
 * regression of the ITS to the step model without phase-in, whose bias was 0.057 on the log scale.
 */
import { describe, expect, it } from "vitest";
import { driftScenarios, simulateDriftPanel } from "../../bench/effects/driftPanel.js";
import { staggeredDid } from "../../src/effects/staggeredDid.js";
import { runScenario } from "../../bench/effects/runScenario.js";

const index = (name: string) => driftScenarios().findIndex((s) => s.name === name);

describe("effect intervals stay calibrated under cluster drift (60 seeds each)", () => {
  it.each(["AR(1), 1000/month, null", "random walk, 1000/month, effect", "no drift, 15/month, effect", "phased-in, random walk, 100/month, effect"])("%s", (name) => {
    const r = runScenario(index(name), 60);
    expect(r.did.failed).toBe(0);
    expect(r.its.failed).toBe(0);
    expect(r.did.coverage).toBeGreaterThanOrEqual(0.85);
    expect(r.its.coverage).toBeGreaterThanOrEqual(0.85);
    expect(Math.abs(r.did.bias)).toBeLessThan(0.03);
    // The ITS with the default phase-in reads a ramp without bias (the step model alone: 0.057).
    expect(Math.abs(r.its.bias)).toBeLessThan(0.03);
    if (r.nullEffect) expect(r.did.rejection).toBeLessThanOrEqual(0.15);
  });
});

describe("the test would catch a regression to intervals that ignore drift", () => {
  it("random walk, 1000/month: the no-drift dispersion variance covers clearly less than the default", () => {
    const scenario = driftScenarios()[index("random walk, 1000/month, effect")];
    let drift = 0;
    let dispersion = 0;
    for (let seed = 1; seed <= 60; seed++) {
      const p = simulateDriftPanel(scenario, seed);
      const a = staggeredDid(p.rows).overall;
      const b = staggeredDid(p.rows, { variance: "dispersion" }).overall;
      if (a.lower <= p.didTruth && p.didTruth <= a.upper) drift++;
      if (b.lower <= p.didTruth && p.didTruth <= b.upper) dispersion++;
    }
    expect(dispersion / 60).toBeLessThan(0.85); // measured 0.75 over these seeds
    expect(drift / 60).toBeGreaterThanOrEqual(0.85);
  });
});
