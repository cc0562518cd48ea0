/**
 * A second, independent simulator of cluster panels for the effect-coverage benchmark
 * (`npm run bench:effects`) and its fast CI test. It is written separately from
 * src/effects/simulateStaggeredPanel.ts (which the estimators were developed on) and differs on
 * purpose: its own random-number generator (xoshiro128** with Marsaglia's polar normals, Poisson
 * variates by gamma splitting and exponential waiting times), growing
 * populations as person-time, a two-harmonic seasonal cycle with a random phase, year-specific
 * common epidemic shocks, and cluster-level drift processes — none, AR(1) and random walk —
 * with parameters drawn per cluster from the scenario's ranges.
 *
 * Truth: the estimand of both estimators is the ratio of expected events with and without the
 * intervention over the treated cells, Σ μ₁ / Σ μ₀ (for the DiD over every adopting cluster's
 * post-start months; for the ITS over the first adopter's post-start months), computed from the
 * simulated means including the drift.
 */

export type DriftKind = "none" | "ar1" | "walk";
export type EffectKind = "constant" | "heterogeneous" | "phased";

export interface DriftScenario {
  readonly name: string;
  readonly drift: DriftKind;
  /** AR(1): ρ range and innovation SD range (log scale); walk: step SD range. */
  readonly rho?: readonly [number, number];
  readonly sd?: readonly [number, number];
  /** Expected events per cluster-month before any effect (at the first month). */
  readonly eventsPerMonth: number;
  readonly effect: EffectKind;
  /** Rate ratio of the effect (constant and phased: the full effect; heterogeneous: the mean). */
  readonly rateRatio: number;
}

export interface SimulatedPanel {
  readonly rows: { unit: string; period: string; events: number; exposure: number; treatedFrom: string | null }[];
  /** Σ μ₁ / Σ μ₀ over every adopter's post-start months. */
  readonly didTruth: number;
  /** The first adopter's series, start and truth. */
  readonly itsUnit: string;
  readonly itsStart: string;
  readonly itsTruth: number;
}

/** xoshiro128** (Blackman & Vigna 2018) on four 32-bit words, seeded by splitmix32. */
export function generator(seed: number) {
  let z = seed >>> 0;
  const split = (): number => {
    z = (z + 0x9e3779b9) >>> 0;
    let x = z;
    x = Math.imul(x ^ (x >>> 16), 0x85ebca6b);
    x = Math.imul(x ^ (x >>> 13), 0xc2b2ae35);
    return (x ^ (x >>> 16)) >>> 0;
  };
  let a = split();
  let b = split();
  let c = split();
  let d = split() | 1;
  const next = (): number => {
    const r = Math.imul(rotl(Math.imul(b, 5) >>> 0, 7), 9) >>> 0;
    const t = b << 9;
    c ^= a;
    d ^= b;
    b ^= c;
    a ^= d;
    c ^= t;
    d = rotl(d >>> 0, 11);
    return r / 4294967296;
  };
  for (let i = 0; i < 20; i++) next();
  let cached: number | null = null;
  const normal = (): number => {
    if (cached !== null) {
      const v = cached;
      cached = null;
      return v;
    }
    for (;;) {
      const u = 2 * next() - 1;
      const v = 2 * next() - 1;
      const s = u * u + v * v;
      if (s > 0 && s < 1) {
        const f = Math.sqrt((-2 * Math.log(s)) / s);
        cached = v * f;
        return u * f;
      }
    }
  };
  /** Gamma(shape ≥ 1) by Marsaglia & Tsang (2000). */
  const gamma = (shape: number): number => {
    const dd = shape - 1 / 3;
    const cc = 1 / Math.sqrt(9 * dd);
    for (;;) {
      let x: number;
      let v: number;
      do {
        x = normal();
        v = 1 + cc * x;
      } while (v <= 0);
      v = v * v * v;
      const u = next();
      if (Math.log(u) < 0.5 * x * x + dd - dd * v + dd * Math.log(v)) return dd * v;
    }
  };
  /** Poisson by gamma splitting (Ahrens & Dieter 1974) down to a small mean, then exponential waiting times. */
  const poisson = (mean: number): number => {
    let k = 0;
    let m = mean;
    while (m > 20) {
      const n = Math.floor(0.875 * m);
      const g = gamma(n);
      if (g > m) {
        // The n-th arrival is after m: count the arrivals before it as Binomial(n − 1, m/g).
        return k + binomial(n - 1, m / g);
      }
      k += n;
      m -= g;
    }
    let t = 0;
    for (;;) {
      t -= Math.log(1 - next());
      if (t > m) return k;
      k++;
    }
  };
  const binomial = (n: number, p: number): number => {
    if (n < 60) {
      let x = 0;
      for (let i = 0; i < n; i++) if (next() < p) x++;
      return x;
    }
    // Split by the beta median trick (Knuth TAOCP vol. 2, §3.4.1): Beta(a, b) via gammas.
    const a = 1 + Math.floor(n / 2);
    const bb = n + 1 - a;
    const ga = gamma(a);
    const x = ga / (ga + gamma(bb));
    return x >= p ? binomial(a - 1, p / x) : a + binomial(bb - 1, (p - x) / (1 - x));
  };
  const uniform = (lo: number, hi: number): number => lo + (hi - lo) * next();
  return { next, normal, poisson, uniform };
}

function rotl(x: number, k: number): number {
  return ((x << k) | (x >>> (32 - k))) >>> 0;
}

const MONTHS = 84; // 2016-01 … 2022-12
const STARTS = [30, 36, 42, 48, 54, null, null] as const;

function label(t: number): string {
  const y = 2016 + Math.floor(t / 12);
  return `${y}-${String((t % 12) + 1).padStart(2, "0")}`;
}

/** One panel of 7 clusters (5 adopting at months 30, 36, 42, 48, 54; 2 never) for a scenario and seed. */
export function simulateDriftPanel(scenario: DriftScenario, seed: number): SimulatedPanel {
  const g = generator(seed * 7919 + 17);
  const phase = g.uniform(0, 2 * Math.PI);
  const amp1 = g.uniform(0.08, 0.2);
  const amp2 = g.uniform(0, 0.06);
  const trend = g.uniform(-0.02, 0.02) / 12; // common secular trend per month
  const yearShock = Array.from({ length: 8 }, () => 0.06 * g.normal()); // winter epidemics by season
  const rows: SimulatedPanel["rows"] = [];
  let didObs = 0;
  let didCf = 0;
  let itsObs = 0;
  let itsCf = 0;
  STARTS.forEach((start, u) => {
    const population = g.uniform(40000, 160000);
    const growth = g.uniform(-0.005, 0.025) / 12;
    const size = Math.exp(0.25 * g.normal());
    const ratePerPy = (scenario.eventsPerMonth * size * 12) / population;
    const ratio =
      scenario.effect === "heterogeneous"
        ? Math.exp(Math.log(scenario.rateRatio) + (scenario.rateRatio === 1 ? 0 : 0.1 * (2 * g.next() - 1) * 1.7))
        : scenario.rateRatio;
    const ramp = Math.floor(g.uniform(6, 13));
    const rho = scenario.rho ? g.uniform(scenario.rho[0], scenario.rho[1]) : 0;
    const sd = scenario.sd ? g.uniform(scenario.sd[0], scenario.sd[1]) : 0;
    let drift = scenario.drift === "ar1" ? (sd / Math.sqrt(1 - rho * rho)) * g.normal() : 0;
    for (let t = 0; t < MONTHS; t++) {
      if (t > 0) {
        if (scenario.drift === "ar1") drift = rho * drift + sd * g.normal();
        else if (scenario.drift === "walk") drift += sd * g.normal();
      }
      const personYears = (population * Math.exp(growth * t)) / 12;
      const month = t % 12;
      const season = amp1 * Math.cos((2 * Math.PI * month) / 12 + phase) + amp2 * Math.cos((4 * Math.PI * month) / 12 + 2 * phase);
      const winter = month <= 1 || month === 11 ? yearShock[Math.min(7, Math.floor((t + 1) / 12))] : 0;
      const mu0 = personYears * ratePerPy * Math.exp(trend * t + season + winter + drift);
      let logEffect = 0;
      if (start !== null && t >= start) {
        const full = Math.log(ratio);
        logEffect = scenario.effect === "phased" ? full * Math.min(1, (t - start + 1) / ramp) : full;
        didObs += mu0 * Math.exp(logEffect);
        didCf += mu0;
        if (u === 0) {
          itsObs += mu0 * Math.exp(logEffect);
          itsCf += mu0;
        }
      }
      rows.push({
        unit: `K${u + 1}`,
        period: label(t),
        events: g.poisson(mu0 * Math.exp(logEffect)),
        exposure: personYears,
        treatedFrom: start === null ? null : label(start),
      });
    }
  });
  return { rows, didTruth: didObs / didCf, itsUnit: "K1", itsStart: label(STARTS[0] as number), itsTruth: itsObs / itsCf };
}

/** The benchmark's scenarios (each run with an effect and with none). */
export function driftScenarios(): DriftScenario[] {
  const out: DriftScenario[] = [];
  const base: Omit<DriftScenario, "name" | "rateRatio"> = { drift: "none", eventsPerMonth: 100, effect: "constant" };
  const list: Omit<DriftScenario, "rateRatio">[] = [
    { ...base, name: "no drift, 15/month", eventsPerMonth: 15 },
    { ...base, name: "no drift, 1000/month", eventsPerMonth: 1000 },
    { ...base, name: "AR(1), 15/month", drift: "ar1", rho: [0.5, 0.8], sd: [0.03, 0.1], eventsPerMonth: 15 },
    { ...base, name: "AR(1), 100/month", drift: "ar1", rho: [0.5, 0.8], sd: [0.03, 0.1] },
    { ...base, name: "AR(1), 1000/month", drift: "ar1", rho: [0.5, 0.8], sd: [0.03, 0.1], eventsPerMonth: 1000 },
    { ...base, name: "random walk, 15/month", drift: "walk", sd: [0.005, 0.02], eventsPerMonth: 15 },
    { ...base, name: "random walk, 1000/month", drift: "walk", sd: [0.005, 0.02], eventsPerMonth: 1000 },
    { ...base, name: "heterogeneous, AR(1), 100/month", drift: "ar1", rho: [0.5, 0.8], sd: [0.03, 0.1], effect: "heterogeneous" },
    { ...base, name: "phased-in, random walk, 100/month", drift: "walk", sd: [0.005, 0.02], effect: "phased" },
  ];
  for (const s of list) {
    out.push({ ...s, name: `${s.name}, effect`, rateRatio: 0.8 });
    out.push({ ...s, name: `${s.name}, null`, rateRatio: 1 });
  }
  return out;
}

/**
 * Held-out scenarios, not used while choosing the DiD drift rule (issue 11): other counts
 * (40 and 300 events a month) and, for one random walk, a larger step (0.01–0.03 a month).
 */
export function heldOutScenarios(): DriftScenario[] {
  const base: Omit<DriftScenario, "name" | "rateRatio"> = { drift: "none", eventsPerMonth: 40, effect: "constant" };
  const list: Omit<DriftScenario, "rateRatio">[] = [
    { ...base, name: "held out: no drift, 40/month" },
    { ...base, name: "held out: AR(1), 300/month", drift: "ar1", rho: [0.5, 0.8], sd: [0.03, 0.1], eventsPerMonth: 300 },
    { ...base, name: "held out: random walk, 40/month", drift: "walk", sd: [0.005, 0.02] },
    { ...base, name: "held out: random walk (steps 0.01–0.03), 300/month", drift: "walk", sd: [0.01, 0.03], eventsPerMonth: 300 },
  ];
  return list.flatMap((s) => [{ ...s, name: `${s.name}, effect`, rateRatio: 0.8 }, { ...s, name: `${s.name}, null`, rateRatio: 1 }]);
}
