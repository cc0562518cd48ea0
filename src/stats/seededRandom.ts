/**
 * Seeded pseudo-random numbers for the effects layer (simulation intervals, rank intervals,
 * panel simulation): mulberry32 (Tommy Ettinger, public domain) for uniforms, Box–Muller for
 * normals, and Poisson variates by inversion (small means) or the PTRS transformed rejection
 * method (Hörmann 1993, "The transformed rejection method for generating Poisson random
 * variables", Insurance: Mathematics and Economics 12:39–45) for means ≥ 10.
 * Same seed → same sequence on every platform.
 */
export interface SeededRandom {
  /** Uniform on [0, 1). */
  uniform(): number;
  /** Standard normal. */
  normal(): number;
  /** Poisson variate with mean `mean` (≥ 0). */
  poisson(mean: number): number;
}

function logFactorial(k: number): number {
  let s = 0;
  for (let i = 2; i <= k; i++) s += Math.log(i);
  return s;
}

/** A seeded generator; `seed` is any finite number (taken as an unsigned 32-bit integer). */
export function seededRandom(seed: number): SeededRandom {
  let a = (Math.floor(seed) >>> 0) ^ 0x9e3779b9;
  const uniform = (): number => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  let spare: number | null = null;
  const normal = (): number => {
    if (spare !== null) {
      const s = spare;
      spare = null;
      return s;
    }
    let u = 0;
    while (u === 0) u = uniform();
    const v = uniform();
    const r = Math.sqrt(-2 * Math.log(u));
    spare = r * Math.sin(2 * Math.PI * v);
    return r * Math.cos(2 * Math.PI * v);
  };
  const poisson = (mean: number): number => {
    if (!(mean > 0)) return 0;
    if (mean < 10) {
      let k = 0;
      let p = Math.exp(-mean);
      let c = p;
      const u = uniform();
      while (u > c && k < 1000) {
        k++;
        p *= mean / k;
        c += p;
      }
      return k;
    }
    // PTRS (Hörmann 1993).
    const slam = Math.sqrt(mean);
    const logLam = Math.log(mean);
    const b = 0.931 + 2.53 * slam;
    const aa = -0.059 + 0.02483 * b;
    const invAlpha = 1.1239 + 1.1328 / (b - 3.4);
    const vr = 0.9277 - 3.6224 / (b - 2);
    for (;;) {
      const u = uniform() - 0.5;
      const v = uniform();
      const us = 0.5 - Math.abs(u);
      const k = Math.floor(((2 * aa) / us + b) * u + mean + 0.43);
      if (us >= 0.07 && v <= vr) return k;
      if (k < 0 || (us < 0.013 && v > us)) continue;
      if (Math.log(v) + Math.log(invAlpha) - Math.log(aa / (us * us) + b) <= -mean + k * logLam - logFactorial(k)) return k;
    }
  };
  return { uniform, normal, poisson };
}
