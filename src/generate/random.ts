/**
 * Seeded pseudo-random numbers for the generator: xoshiro128** (Blackman & Vigna 2018,
 * https://prng.di.unimi.it/) seeded through splitmix32. No Math.random and no clock: the same
 * seed and stream label give the same sequence on every machine.
 */

/** splitmix32 step (Steele, Lea & Flood 2014) used to expand one 32-bit seed into a state. */
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

/**
 * A seeded random stream (xoshiro128**). `new Random(seed, "label")` gives an independent
 * stream per label, so adding draws in one part of the generator does not shift another part.
 */
export class Random {
  private a: number;
  private b: number;
  private c: number;
  private d: number;
  private spareNormal = NaN;

  constructor(seed: number, label = "") {
    const st = { s: (Math.imul(seed | 0, 0x9e3779b1) ^ hashLabel(label)) | 0 };
    this.a = splitmix32(st);
    this.b = splitmix32(st);
    this.c = splitmix32(st);
    this.d = splitmix32(st);
    if ((this.a | this.b | this.c | this.d) === 0) this.a = 1;
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
    this.a = splitmix32(st);
    this.b = splitmix32(st);
    this.c = splitmix32(st);
    this.d = splitmix32(st);
    if ((this.a | this.b | this.c | this.d) === 0) this.a = 1;
    this.spareNormal = NaN;
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

  /** Standard normal (Marsaglia polar method). */
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

  /** Poisson count with mean lambda (inversion; lambda is small in the generator). */
  poisson(lambda: number): number {
    if (lambda <= 0) return 0;
    if (lambda > 30) return Math.max(0, Math.round(lambda + Math.sqrt(lambda) * this.normal()));
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

function rotl(x: number, k: number): number {
  return (x << k) | (x >>> (32 - k));
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
