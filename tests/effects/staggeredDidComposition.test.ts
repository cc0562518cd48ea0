import { describe, expect, it } from "vitest";
import { staggeredDid, type DidPanelRow } from "../../src/effects/staggeredDid.js";
import { ownBaseExpected } from "../../src/effects/ownBaseExpected.js";

/**
 * A noise-free panel with NO effect and rates constant within each cluster: clusters differ in
 * level (3 to 14 events per 1,000 person-months) and in population, which grows or shrinks at
 * different rates (−0.5 % to +0.75 % a month), and they adopt at staggered times (two clusters in
 * the first cohort).
 * Every cluster's rate is the same before and after its start, so every effect is exactly 1.
 */
const units: readonly { unit: string; start: number | null; rate: number; population: number; growth: number }[] = [
  { unit: "A", start: 18, rate: 0.014, population: 60000, growth: -0.005 },
  { unit: "B", start: 18, rate: 0.004, population: 30000, growth: 0.005 },
  { unit: "C", start: 27, rate: 0.009, population: 40000, growth: 0.0025 },
  { unit: "D", start: 36, rate: 0.003, population: 120000, growth: 0 },
  { unit: "E", start: null, rate: 0.012, population: 30000, growth: 0.0075 },
  { unit: "F", start: null, rate: 0.004, population: 70000, growth: -0.005 },
];
const nT = 48;

function panel(): DidPanelRow[] {
  const rows: DidPanelRow[] = [];
  for (const u of units) {
    for (let t = 0; t < nT; t++) {
      const exposure = u.population * Math.exp(u.growth * t);
      rows.push({ unit: u.unit, period: t, events: u.rate * exposure, exposure, treatedFrom: u.start });
    }
  }
  return rows;
}

/**
 * The former estimator, written out independently: counts and person-time pooled over the units of
 * each group, CF = Y_g(base)·(E_g(t)/E_g(base))·R_C(t)/R_C(base), overall = log(Σ Y / Σ CF) over
 * the post-start cells, with not-yet-treated and never-treated controls.
 */
function pooledOverall(rows: readonly DidPanelRow[], k: number): number {
  const at = new Map(rows.map((r) => [`${r.unit}|${String(r.period)}`, r]));
  const sum = (us: readonly string[], ts: readonly number[]) => {
    let y = 0;
    let e = 0;
    for (const u of us) for (const t of ts) {
      const r = at.get(`${u}|${t}`);
      if (r === undefined) throw new Error("missing cell");
      y += r.events;
      e += r.exposure;
    }
    return { y, e };
  };
  let observed = 0;
  let counterfactual = 0;
  const starts = [...new Set(units.map((u) => u.start).filter((s): s is number => s !== null))];
  for (const g of starts) {
    const cohort = units.filter((u) => u.start === g).map((u) => u.unit);
    const base = Array.from({ length: k }, (_, j) => g - k + j);
    for (let t = g; t < nT; t++) {
      const controls = units.filter((u) => u.start === null || u.start > Math.max(t, g - 1)).map((u) => u.unit);
      const gt = sum(cohort, [t]);
      const gb = sum(cohort, base);
      const ct = sum(controls, [t]);
      const cb = sum(controls, base);
      observed += gt.y;
      counterfactual += gb.y * (gt.e / gb.e) * (ct.y / ct.e) / (cb.y / cb.e);
    }
  }
  return Math.log(observed / counterfactual);
}

describe("staggeredDid — composition of the comparison group (Kitagawa 1955)", () => {
  it("constant rates, staggered starts, no effect: the estimate is 1; pooling the controls would show a spurious effect", () => {
    const rows = panel();
    const res = staggeredDid(rows, { variance: "poisson" });
    expect(res.baseWindow).toBe(12);
    expect(Math.abs(res.overall.logEstimate)).toBeLessThan(1e-12);
    expect(res.overall.rateRatio).toBeCloseTo(1, 12);
    // Every group-time effect, before and after the start, and every event-study row is exactly 1.
    for (const c of res.groupTime) expect(Math.abs(c.logEstimate)).toBeLessThan(1e-12);
    for (const r of res.eventStudy) expect(Math.abs(r.logEstimate)).toBeLessThan(1e-12);
    expect(Math.abs(res.preTrend?.logEstimate ?? NaN)).toBeLessThan(1e-12);
    // The former pooled estimator on the same rows shows a spurious reduction (measured: log −0.088,
    // a rate ratio of 0.92), from the changing mix of clusters and person-time alone: the
    // high-rate control E grows while the low-rate control F shrinks, so the pooled control rate
    // rises, and in the first cohort the high-rate A shrinks while the low-rate B grows.
    const pooled = pooledOverall(rows, 12);
    expect(pooled).toBeLessThan(-0.05);
    // Whole counts and the default (drift) variance: still centred on 1, and its interval covers 1.
    const drift = staggeredDid(rows.map((r) => ({ ...r, events: Math.round(r.events) })));
    expect(Math.abs(drift.overall.logEstimate)).toBeLessThan(0.01);
    expect(drift.overall.lower).toBeLessThan(1);
    expect(drift.overall.upper).toBeGreaterThan(1);
  });

  it("equal person-time in every period: the standardised and the pooled estimator agree", () => {
    // With each unit's person-time constant the composition cannot change between base and t.
    const rows = panel().map((r) => {
      const u = units.find((v) => v.unit === r.unit);
      const exposure = u?.population ?? NaN;
      return { ...r, exposure, events: r.events * (1 + 0.1 * Math.sin(Number(r.period))) };
    });
    const res = staggeredDid(rows, { variance: "poisson" });
    expect(res.overall.logEstimate).toBeCloseTo(pooledOverall(rows, 12), 12);
  });

  it("the Poisson standard error is the delta method of the standardised estimator (checked by finite differences)", () => {
    // Uneven counts so the gradient is not trivially symmetric.
    const rows = panel().map((r, i) => ({ ...r, events: Math.round(r.events * (1 + 0.2 * Math.sin(1.7 * i))) }));
    const est = (rs: DidPanelRow[]) => staggeredDid(rs, { variance: "poisson", baseWindow: 3 }).overall.logEstimate;
    const res = staggeredDid(rows, { variance: "poisson", baseWindow: 3 });
    let v = 0;
    rows.forEach((r, i) => {
      const h = 1e-4 * Math.max(1, r.events);
      const up = rows.map((s, j) => (j === i ? { ...s, events: s.events + h } : s));
      const down = rows.map((s, j) => (j === i ? { ...s, events: s.events - h } : s));
      const g = (est(up) - est(down)) / (2 * h);
      v += g * g * r.events;
    });
    expect(res.overall.standardError).toBeCloseTo(Math.sqrt(v), 6);
  });
});

describe("ownBaseExpected", () => {
  it("expected count = person-time at t × the unit's own base rate, summed over units; gradient of its log", () => {
    // Two units, three periods: base = periods 0 and 1, t = 2.
    const events = Float64Array.from([40, 60, 66, 10, 30, 12]);
    const exposure = Float64Array.from([1000, 1000, 1200, 500, 500, 400]);
    const r = ownBaseExpected([0, 1], 2, [0, 1], events, exposure, 3, 0);
    const x0 = 1200 / 2000;
    const x1 = 400 / 1000;
    expect(r.observed).toBe(78);
    expect(r.expected).toBeCloseTo(x0 * 100 + x1 * 40, 12);
    expect(r.nowKeys).toEqual([2, 5]);
    expect(r.baseGradient).toEqual([
      { key: 0, coef: x0 / r.expected },
      { key: 1, coef: x0 / r.expected },
      { key: 3, coef: x1 / r.expected },
      { key: 4, coef: x1 / r.expected },
    ]);
    expect(r.zeroBase).toBe(false);
    events[3] = 0;
    events[4] = 0;
    expect(ownBaseExpected([0, 1], 2, [0, 1], events, exposure, 3, 0)).toMatchObject({ zeroBase: true, baseGradient: [] });
  });
});
