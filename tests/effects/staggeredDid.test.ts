import { describe, expect, it } from "vitest";
import { simulateStaggeredPanel } from "../../src/effects/simulateStaggeredPanel.js";
import { staggeredDid, type DidPanelRow } from "../../src/effects/staggeredDid.js";
import { noteText } from "../../src/text/catalogue.js";
import type { Note } from "../../src/contract/note.js";

/** Notes in English words. */
const en = (ns: readonly Note[] | undefined): string[] => (ns ?? []).map((n) => noteText(n, "en"));


/** A hand-built panel with noise-free counts: 2 units treated at period 3 and 5, 1 never treated. */
function handPanel(effect: number): DidPanelRow[] {
  const rows: DidPanelRow[] = [];
  const base = { A: 50, B: 80, C: 100 } as const;
  const start = { A: 3, B: 5, C: null } as const;
  const common = [1, 1.1, 0.9, 1.05, 1.2, 0.95, 1.0];
  for (const unit of ["A", "B", "C"] as const) {
    for (let t = 0; t < 7; t++) {
      const s = start[unit];
      const treated = s !== null && t >= s;
      rows.push({ unit, period: t, events: base[unit] * common[t] * (treated ? effect : 1), exposure: 1000, treatedFrom: s });
    }
  }
  return rows;
}

describe("staggeredDid — group-time effects by hand", () => {
  it("ATT(g, t) is the difference of log-rate changes, using only not-yet-treated controls", () => {
    // Seven periods: a one-period base (Callaway & Sant'Anna) and pure Poisson variance (too short to estimate drift).
    const res = staggeredDid(handPanel(0.7), { baseWindow: 1, variance: "poisson" });
    // With noise-free multiplicative data every post ATT(g, t) is log(0.7) exactly.
    for (const c of res.groupTime.filter((c) => c.eventTime >= 0)) expect(c.logEstimate).toBeCloseTo(Math.log(0.7), 12);
    for (const c of res.groupTime.filter((c) => c.eventTime < -1)) expect(c.logEstimate).toBeCloseTo(0, 12);
    expect(res.overall.rateRatio).toBeCloseTo(0.7, 12);
    // Cohort 3 at t = 3 and 4: controls are B (not yet treated) and C (never); from t = 5 only C.
    const a3 = res.groupTime.find((c) => c.cohort === "3" && c.period === "3");
    const a5 = res.groupTime.find((c) => c.cohort === "3" && c.period === "5");
    expect(a3?.controlUnits).toBe(2);
    expect(a5?.controlUnits).toBe(1);
    // Cohort 5: controls are C only (A is already treated, never a control).
    for (const c of res.groupTime.filter((c) => c.cohort === "5" && c.eventTime >= 0)) expect(c.controlUnits).toBe(1);
    expect(res.cohorts).toEqual([
      { cohort: "3", units: ["A"] },
      { cohort: "5", units: ["B"] },
    ]);
    expect(res.neverTreated).toEqual(["C"]);
    // Event study: base row at −1, pre rows before, post rows after.
    expect(res.eventStudy.find((r) => r.eventTime === -1)).toMatchObject({ kind: "base", rateRatio: 1 });
    expect(res.eventStudy.filter((r) => r.kind === "pre").every((r) => Math.abs(r.logEstimate) < 1e-12)).toBe(true);
  });

  it("the event study shows a differential pre-trend of the adopters", () => {
    // Unit A (start 3) drifts up by 5 % a period before and after its start; no true effect.
    const rows = handPanel(1).map((r) => (r.unit === "A" ? { ...r, events: r.events * 1.05 ** Number(r.period) } : r));
    const res = staggeredDid(rows, { baseWindow: 1, variance: "poisson" });
    const pre = res.groupTime.find((c) => c.cohort === "3" && c.period === "0");
    // ATT(3, 0) = log A(0)/A(2) − log C(0)/C(2) = −2·log 1.05 (B is also a control at t = 0 vs 2)
    expect(pre?.logEstimate).toBeCloseTo(-2 * Math.log(1.05), 12);
    expect(res.preTrend?.logEstimate).toBeLessThan(0);
  });

  it("one ATT(g, t) by hand from the counts, with its delta-method standard error", () => {
    const rows: DidPanelRow[] = [
      { unit: "T", period: "2020-01", events: 40, exposure: 1000, treatedFrom: "2020-02" },
      { unit: "T", period: "2020-02", events: 30, exposure: 1000, treatedFrom: "2020-02" },
      { unit: "C", period: "2020-01", events: 50, exposure: 2000 },
      { unit: "C", period: "2020-02", events: 55, exposure: 2000 },
    ];
    const res = staggeredDid(rows, { overdispersion: "none", baseWindow: 1 });
    const att = Math.log(30 / 40) - Math.log(55 / 50);
    const se = Math.sqrt(1 / 30 + 1 / 40 + 1 / 55 + 1 / 50); // Var(log Y) ≈ 1/Y for Poisson counts
    expect(res.overall.logEstimate).toBeCloseTo(att, 12);
    expect(res.overall.standardError).toBeCloseTo(se, 12);
    expect(res.overall.lower).toBeCloseTo(Math.exp(att - 1.959963984540054 * se), 10);
    expect(res.groupTime).toHaveLength(1);
    expect(res.groupTime[0]).toMatchObject({ cohort: "2020-02", period: "2020-02", eventTime: 0, treatedEvents: 30, controlEvents: 55 });
  });

  it("a pooled base window and the never-treated control option", () => {
    const panel = simulateStaggeredPanel({ seed: 11 });
    const a = staggeredDid(panel);
    const b = staggeredDid(panel, { controlGroup: "nevertreated" });
    // Monthly periods: the default base window is one year.
    expect(a.baseWindow).toBe(12);
    expect(a.eventStudy.filter((r) => r.kind === "base")).toHaveLength(12);
    expect(a.overall.standardError).toBeLessThan(staggeredDid(panel, { baseWindow: 1 }).overall.standardError);
    expect(b.groupTime.every((c) => c.controlUnits === 2)).toBe(true);
  });

  it("recovers a phased-in effect exactly where two-way fixed effects is biased (Goodman-Bacon 2021)", () => {
    // Noise-free panel: 8 units, 48 periods, starts 18/18/27/27/36/36/never/never, effect phased in over 12 periods.
    const starts = [18, 18, 27, 27, 36, 36, null, null];
    const rows: DidPanelRow[] = [];
    let observed = 0;
    let counterfactual = 0;
    starts.forEach((s, u) => {
      for (let t = 0; t < 48; t++) {
        const e = s === null ? -1 : t - s;
        const logEffect = e >= 0 ? Math.log(0.75) * Math.min(1, (e + 1) / 12) : 0;
        const mu0 = 40 * Math.exp(0.1 * u - 0.01 * t + 0.15 * Math.cos((2 * Math.PI * t) / 12));
        if (e >= 0) {
          observed += mu0 * Math.exp(logEffect);
          counterfactual += mu0;
        }
        rows.push({ unit: `u${u}`, period: t, events: mu0 * Math.exp(logEffect), exposure: 1000, treatedFrom: s });
      }
    });
    const res = staggeredDid(rows, { twfeContrast: true });
    // The overall effect is Σ observed / Σ counterfactual over the adopters' post-start months.
    const truth = Math.log(observed / counterfactual);
    expect(res.overall.logEstimate).toBeCloseTo(truth, 12);
    // Event study: the effect at e is log(0.75)·min(1, (e + 1)/12).
    for (const row of res.eventStudy.filter((r) => r.kind === "post")) {
      expect(row.logEstimate).toBeCloseTo(Math.log(0.75) * Math.min(1, (row.eventTime + 1) / 12), 12);
    }
    // TWFE uses already-treated units as controls and misses the effect by a clear margin.
    expect(Math.abs(Math.log(res.twfe?.rateRatio ?? 1) - truth)).toBeGreaterThan(0.03);
  });

  it("TWFE only as a labelled contrast", () => {
    const res = staggeredDid(simulateStaggeredPanel({ seed: 5 }), { twfeContrast: true });
    expect(en(res.twfe ? [res.twfe.label] : [])[0]).toMatch(/^Two-way fixed-effects Poisson estimate, shown only as a contrast/);
    expect(res.twfe?.rateRatio).toBeGreaterThan(0.6);
    expect(staggeredDid(simulateStaggeredPanel({ seed: 5 })).twfe).toBeNull();
  });

  it("errors: no treated unit, two starts for one unit, zero cells explained", () => {
    expect(() => staggeredDid([{ unit: "a", period: 1, events: 3, exposure: 10 }])).toThrow(
      "staggeredDid: no unit has a treatedFrom period, so there is no effect to estimate",
    );
    expect(() =>
      staggeredDid([
        { unit: "a", period: 1, events: 3, exposure: 10, treatedFrom: 2 },
        { unit: "a", period: 2, events: 3, exposure: 10, treatedFrom: 3 },
      ]),
    ).toThrow('staggeredDid: unit "a" has more than one treatedFrom value; give one start per unit');
    const rows: DidPanelRow[] = [
      { unit: "T", period: 1, events: 4, exposure: 100, treatedFrom: 2 },
      { unit: "T", period: 2, events: 0, exposure: 100, treatedFrom: 2 },
      { unit: "T", period: 3, events: 2, exposure: 100, treatedFrom: 2 },
      { unit: "C", period: 1, events: 5, exposure: 100 },
      { unit: "C", period: 2, events: 6, exposure: 100 },
      { unit: "C", period: 3, events: 4, exposure: 100 },
    ];
    const res = staggeredDid(rows, { overdispersion: "none", baseWindow: 1 });
    expect(en(res.notes)).toContain("ATT(2, 2) not estimable: a cohort or control cell has 0 events, so its log rate is undefined.");
    expect(res.groupTime.map((c) => c.period)).toEqual(["3"]);
  });
});

describe("staggeredDid — validation on simulated panels (200 seeds each)", () => {
  const run = (effect: number, extraSd = 0) => {
    let sumLog = 0;
    let covered = 0;
    let rejected = 0;
    for (let seed = 1; seed <= 200; seed++) {
      const r = staggeredDid(simulateStaggeredPanel({ seed, effect, extraSd }));
      sumLog += r.overall.logEstimate;
      if (r.overall.lower <= effect && effect <= r.overall.upper) covered++;
      if (r.overall.pValue < 0.05) rejected++;
    }
    return { meanRateRatio: Math.exp(sumLog / 200), coverage: covered / 200, rejection: rejected / 200 };
  };

  it("recovers a rate ratio of 0.75 without bias and covers it at close to 95 %", () => {
    const r = run(0.75);
    expect(Math.abs(Math.log(r.meanRateRatio / 0.75))).toBeLessThan(0.02);
    expect(r.coverage).toBeGreaterThanOrEqual(0.88);
    expect(r.coverage).toBeLessThanOrEqual(0.99);
  });

  it("with no effect, rejects at close to 5 %", () => {
    const r = run(1);
    expect(Math.abs(Math.log(r.meanRateRatio))).toBeLessThan(0.02);
    expect(r.rejection).toBeLessThanOrEqual(0.1);
    expect(r.coverage).toBeGreaterThanOrEqual(0.88);
  });

  it("variance \"dispersion\": widens its intervals for serially correlated months through the block dispersion", () => {
    // A slowly drifting unit level (AR(1), ρ = 0.9, SD 0.05) makes successive months correlated.
    const coverage = (dispersionBlock: number) => {
      let covered = 0;
      let blockOverMonth = 0;
      for (let seed = 1; seed <= 200; seed++) {
        const r = staggeredDid(simulateStaggeredPanel({ seed, serialSd: 0.05 }), { baseWindow: 12, dispersionBlock, variance: "dispersion" });
        if (r.overall.lower <= 0.75 && 0.75 <= r.overall.upper) covered++;
        if ((r.blockDispersion ?? 0) > r.dispersion) blockOverMonth++;
      }
      return { coverage: covered / 200, blockOverMonth: blockOverMonth / 200 };
    };
    const withBlock = coverage(12);
    const without = coverage(1);
    expect(withBlock.coverage).toBeGreaterThanOrEqual(0.9);
    expect(withBlock.coverage).toBeGreaterThan(without.coverage);
    expect(withBlock.blockOverMonth).toBeGreaterThan(0.7);
    expect(without.blockOverMonth).toBe(0);
  });

  it("keeps its coverage with extra-Poisson variation, through the estimated dispersion", () => {
    // Log-normal noise with SD 0.15 on ~40 expected events per cell: φ ≈ 1 + 40·0.15² ≈ 1.9.
    const r = run(0.75, 0.15);
    expect(Math.abs(Math.log(r.meanRateRatio / 0.75))).toBeLessThan(0.03);
    expect(r.coverage).toBeGreaterThanOrEqual(0.88);
    // Measured 0.995 with the larger-of-two drift rule (0.99 before it and the Satterthwaite df of
    // issue 11; the rule now takes both fits with their signed intercepts, see docs/effects.md): with
    // pure month-to-month extra-Poisson noise the drift fit sometimes reads noise as a slow drift, so
    // the interval is conservative here (docs/effects.md, "When not to trust the interval").
    expect(r.coverage).toBeLessThanOrEqual(0.995);
  });
});
