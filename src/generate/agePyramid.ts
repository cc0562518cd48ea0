/**
 * A plausible Danish age pyramid by sex and single year of age (0–100, 100 = 100+).
 *
 * Assumption (stated in data/demo/README.md): five-year band shares approximating Denmark
 * around 2013 (Statistics Denmark's published pyramid shape: baby-boom bulges at 40–49 and
 * 65–69, ≈ 18 % aged 65+), interpolated linearly between band midpoints to single years.
 * Share of women rises from 48.7 % at birth to ≈ 62 % at 85+. A "city" profile (Aarhus) has
 * 55 % more 20–34-year-olds and 25 % fewer 65+; a "rural" profile 20 % fewer 20–34 and 15 %
 * more 65+. These are assumptions for synthetic data, not official figures.
 */

/** Band shares in percent for 0–4, 5–9, …, 95–99, then 100+. */
const BAND_SHARES = [
  5.6, 5.9, 6.1, 6.5, 6.5, 5.9, 5.8, 6.6, 7.4, 7.3, 6.7, 6.2, 6.3, 6.2, 4.4, 3.1, 2.2, 1.4, 0.6, 0.15, 0.01,
];

export const MAX_AGE = 100;

function femaleShare(age: number): number {
  if (age < 60) return 0.487 + (0.497 - 0.487) * (age / 60);
  if (age < 85) return 0.497 + (0.62 - 0.497) * ((age - 60) / 25);
  return 0.62 + Math.min(0.12, (age - 85) * 0.01);
}

function profileFactor(profile: "city" | "town" | "rural", age: number): number {
  if (profile === "city") return age >= 20 && age < 35 ? 1.55 : age >= 65 ? 0.75 : 1;
  if (profile === "rural") return age >= 20 && age < 35 ? 0.8 : age >= 65 ? 1.15 : 1;
  return 1;
}

const cache = new Map<string, Float64Array>();

/**
 * Shares (summing to 1) of citizens by sex and age: index (sex − 1) × 101 + age, sex 1 = F,
 * 2 = M, age 100 = 100+.
 */
export function agePyramid(profile: "city" | "town" | "rural"): Float64Array {
  const hit = cache.get(profile);
  if (hit) return hit;
  const single = new Float64Array(MAX_AGE + 1);
  for (let age = 0; age < MAX_AGE; age++) {
    const x = (age + 0.5) / 5 - 0.5; // position in band-midpoint units
    const i = Math.max(0, Math.min(BAND_SHARES.length - 2, Math.floor(x)));
    const t = Math.max(0, Math.min(1, x - i));
    const j = Math.min(i + 1, 19);
    single[age] = ((1 - t) * BAND_SHARES[i] + t * BAND_SHARES[j]) / 5;
  }
  single[MAX_AGE] = BAND_SHARES[20];
  const out = new Float64Array(2 * (MAX_AGE + 1));
  let total = 0;
  for (let age = 0; age <= MAX_AGE; age++) {
    const n = single[age] * profileFactor(profile, age);
    const f = femaleShare(age);
    out[age] = n * f;
    out[MAX_AGE + 1 + age] = n * (1 - f);
    total += n;
  }
  for (let i = 0; i < out.length; i++) out[i] /= total;
  cache.set(profile, out);
  return out;
}
