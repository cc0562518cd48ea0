/**
 * The one seeded random number generator of klynge: used by the synthetic data generator
 * (src/generate/) and by every Monte Carlo computation (simulation intervals of the effects layer,
 * rank intervals in compare/, the staggered-panel simulation). No Math.random and no clock: the
 * same seed (and stream label) gives the same sequence on every machine and Node version.
 *
 * Algorithm: xoshiro128** 1.1 (D. Blackman & S. Vigna, "Scrambled linear pseudorandom number
 * generators", ACM Trans. Math. Softw. 47(4), 2021, article 36; reference C code at
 * https://prng.di.unimi.it/xoshiro128starstar.c), a 128-bit state seeded through splitmix32
 * (G. Steele, D. Lea & C. Flood, "Fast splittable pseudorandom number generators", OOPSLA 2014;
 * the 32-bit variant with the MurmurHash3 finaliser constants).
 *
 * Why this one (issue 13, item 6, which replaced a second generator, mulberry32):
 * - period 2^128 − 1, and every 32-bit output occurs equally often over the period (the
 *   generator is 4-dimensionally equidistributed); mulberry32 has a 32-bit state, so a period of
 *   2^32 ≈ 4.3·10^9 draws, fewer than a long Monte Carlo run can use;
 * - quality: passes TestU01's BigCrush and PractRand to at least 32 TB (Blackman & Vigna 2021);
 * - speed: 7–10 ns a uniform and 45–55 ns a normal in Node 20 (mulberry32 with Box–Muller:
 *   17–37 ns and 80–110 ns on the same machine);
 * - the bundled demo data (data/demo) was made with it, and the held-out reference figures
 *   depend on those bytes: the generator's streams must not change.
 *
 * Derived variates: normals by the Marsaglia polar method (G. Marsaglia & T. Bray, SIAM Review
 * 6:260–264, 1964); gamma by Marsaglia & Tsang (ACM TOMS 26:363–372, 2000); Poisson by inversion
 * for means ≤ 30 and the PTRS transformed rejection method above (W. Hörmann, "The transformed
 * rejection method for generating Poisson random variables", Insurance: Mathematics and Economics
 * 12:39–45, 1993). All are exact (no normal approximation).
 */
import { logGamma } from "./logGamma.js";

/** splitmix32 step used to expand one 32-bit seed into a state. */
function splitmix32(state: { s: number }): number {
  state.s = (state.s + 0x9e3779b9) | 0;
  let z = state.s;
  z = Math.imul(z ^ (z >>> 16), 0x85ebca6b);
  z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35);
  return (z ^ (z >>> 16)) >>> 0;
}

/** 32-bit FNV-1a hash of a text, used to derive independent streams from a label. */
export function hashLabel(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

function rotl(x: number, k: number): number {
  return (x << k) | (x >>> (32 - k));
}

/**
 * A seeded random stream (xoshiro128**). `new Random(seed)` for one stream; `new Random(seed,
 * "label")` gives an independent stream per label, so adding draws in one part of a computation
 * does not shift another part.
 */
export class Random {
  private a = 0;
  private b = 0;
  private c = 0;
  private d = 0;
  private spareNormal = NaN;

  /** `seed` is taken as a 32-bit integer; `label` selects an independent stream. */
  constructor(seed: number, label = "") {
    this.fill({ s: (Math.imul(seed | 0, 0x9e3779b1) ^ hashLabel(label)) | 0 });
  }

  private fill(st: { s: number }): void {
    this.a = splitmix32(st);
    this.b = splitmix32(st);
    this.c = splitmix32(st);
    this.d = splitmix32(st);
    if ((this.a | this.b | this.c | this.d) === 0) this.a = 1;
    this.spareNormal = NaN;
  }

  /**
   * Restart the stream from three integer keys (e.g. seed, municipality, citizen), so that each
   * citizen has its own stream: a change in one citizen's events leaves every other citizen's
   * events unchanged.
   */
  reseed(k1: number, k2: number, k3: number): void {
    const st = { s: k1 | 0 };
    st.s = (splitmix32(st) ^ k2) | 0;
    st.s = (splitmix32(st) ^ k3) | 0;
    this.fill(st);
  }

  /** Next unsigned 32-bit integer. */
  nextUint32(): number {
    const result = Math.imul(rotl(Math.imul(this.b, 5), 7), 9) >>> 0;
    const t = this.b << 9;
    this.c ^= this.a;
    this.d ^= this.b;
    this.b ^= this.c;
    this.a ^= this.d;
    this.c ^= t;
    this.d = rotl(this.d, 11);
    return result;
  }

  /** Uniform in [0, 1) with 32 bits of resolution. */
  next(): number {
    return this.nextUint32() / 4294967296;
  }

  /** Uniform integer in [0, n). */
  int(n: number): number {
    return Math.floor(this.next() * n);
  }

  /** Uniform in [lo, hi). */
  uniform(lo: number, hi: number): number {
    return lo + (hi - lo) * this.next();
  }

  /** Bernoulli draw with probability p. */
  chance(p: number): boolean {
    return this.next() < p;
  }

  /** Standard normal (Marsaglia polar method; the second value of each pair is kept for the next call). */
  normal(): number {
    if (!Number.isNaN(this.spareNormal)) {
      const v = this.spareNormal;
      this.spareNormal = NaN;
      return v;
    }
    let u = 0;
    let v = 0;
    let s = 0;
    do {
      u = 2 * this.next() - 1;
      v = 2 * this.next() - 1;
      s = u * u + v * v;
    } while (s >= 1 || s === 0);
    const f = Math.sqrt((-2 * Math.log(s)) / s);
    this.spareNormal = v * f;
    return u * f;
  }

  /** Poisson count with mean `lambda` (≤ 0 → 0): inversion up to 30, PTRS (Hörmann 1993) above. */
  poisson(lambda: number): number {
    if (lambda <= 0) return 0;
    if (lambda > 30) return this.poissonPtrs(lambda);
    let p = Math.exp(-lambda);
    let cdf = p;
    const u = this.next();
    let k = 0;
    while (u > cdf && k < 200) {
      k++;
      p *= lambda / k;
      cdf += p;
    }
    return k;
  }

  /** PTRS transformed rejection (Hörmann 1993, algorithm PTRS), for means ≥ 10. */
  private poissonPtrs(lambda: number): number {
    const slam = Math.sqrt(lambda);
    const logLam = Math.log(lambda);
    const b = 0.931 + 2.53 * slam;
    const a = -0.059 + 0.02483 * b;
    const invAlpha = 1.1239 + 1.1328 / (b - 3.4);
    const vr = 0.9277 - 3.6224 / (b - 2);
    for (;;) {
      const u = this.next() - 0.5;
      const v = this.next();
      const us = 0.5 - Math.abs(u);
      const k = Math.floor(((2 * a) / us + b) * u + lambda + 0.43);
      if (us >= 0.07 && v <= vr) return k;
      if (k < 0 || (us < 0.013 && v > us)) continue;
      if (Math.log(v) + Math.log(invAlpha) - Math.log(a / (us * us) + b) <= -lambda + k * logLam - logGamma(k + 1)) return k;
    }
  }

  /** Gamma(shape, scale 1) variate (Marsaglia & Tsang 2000; shape < 1 boosted). */
  gamma(shape: number): number {
    if (shape < 1) return this.gamma(shape + 1) * Math.pow(this.next() || 1e-12, 1 / shape);
    const d = shape - 1 / 3;
    const c = 1 / Math.sqrt(9 * d);
    for (;;) {
      let x = 0;
      let v = 0;
      do {
        x = this.normal();
        v = 1 + c * x;
      } while (v <= 0);
      v = v * v * v;
      const u = this.next();
      if (u < 1 - 0.0331 * x * x * x * x) return d * v;
      if (Math.log(u) < 0.5 * x * x + d * (1 - v + Math.log(v))) return d * v;
    }
  }

  /** Index drawn from cumulative weights (last entry = total). */
  pickCumulative(cumulative: ArrayLike<number>): number {
    const n = cumulative.length;
    const u = this.next() * cumulative[n - 1];
    for (let i = 0; i < n; i++) if (u < cumulative[i]) return i;
    return n - 1;
  }

  /** Round x to an integer at random so that the expectation is x. */
  roundStochastic(x: number): number {
    const f = Math.floor(x);
    return f + (this.next() < x - f ? 1 : 0);
  }
}

/** Cumulative sums of weights, for {@link Random.pickCumulative}. */
export function cumulative(weights: readonly number[]): Float64Array {
  const out = new Float64Array(weights.length);
  let s = 0;
  for (let i = 0; i < weights.length; i++) {
    s += weights[i];
    out[i] = s;
  }
  return out;
}
