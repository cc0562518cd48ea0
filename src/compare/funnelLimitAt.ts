import { chiSquareQuantile } from "../stats/chiSquareQuantile.js";
import { normalQuantile } from "../stats/normalQuantile.js";
import { regularizedGamma } from "../stats/regularizedGamma.js";
import type { FunnelDataType } from "./funnelTypes.js";

/** How unadjusted Poisson limits (rates, ratios) are drawn. */
export type FunnelPoissonLimits = "expected" | "observed";

/** Everything needed to evaluate one funnel limit; validated by the public functions. */
export interface FunnelLimitSpec {
  readonly type: FunnelDataType;
  /** Proportion in [0, 1], rate per unit of denominator (before the multiplier), or ratio target. */
  readonly target: number;
  readonly multiplier: number;
  /** Between-unit variance on the transformed scale; null = unadjusted limits. */
  readonly tau2: number | null;
  readonly poissonLimits: FunnelPoissonLimits;
}

/**
 * Lower and upper funnel limit at one denominator and one two-sided level (on the plotted scale,
 * i.e. × multiplier). Methods:
 * - proportion, unadjusted: PHE/Fingertips Wilson-score based limits — the proportions p whose
 *   Wilson interval at denominator n just reaches the target (PHEindicatormethods
 *   `calculate_funnel_limits`, `sigma_adjustment`), cut to [0, 1];
 * - rate/ratio, unadjusted, "expected": exact Poisson limits of E divided by E, E = target × n for
 *   rates, E = the expected count for ratios (methods.md; FunnelPlotR `build_limits_lookup`):
 *   lower χ²(α/2; 2E)/2/E, upper χ²(1 − α/2; 2E + 2)/2/E;
 * - rate/ratio, unadjusted, "observed": PHE/Fingertips — the continuous observed count O whose exact
 *   interval just reaches E, plotted as O/E (PHEindicatormethods `poisson_funnel`);
 * - adjusted (tau2 given), Spiegelhalter (2005): proportions sin²(asin √t ± z √(1/(4n) + τ²));
 *   rates and ratios t · exp(± z √(1/E + τ²)) (FunnelPlotR `calculate_limits`, SHMI form).
 */
export function funnelLimitAt(
  spec: FunnelLimitSpec,
  denominator: number,
  level: number,
): { readonly lower: number; readonly upper: number } {
  const alpha = 1 - level;
  const z = normalQuantile(1 - alpha / 2);
  const m = spec.multiplier;
  const t = spec.target;
  if (denominator <= 0) return { lower: 0, upper: spec.type === "proportion" ? m : Infinity };
  if (spec.type === "proportion") {
    if (spec.tau2 !== null) {
      const centre = Math.asin(Math.sqrt(t));
      const sd = Math.sqrt(1 / (4 * denominator) + spec.tau2);
      const lo = centre - z * sd;
      const hi = centre + z * sd;
      return {
        lower: m * (lo <= 0 ? 0 : Math.sin(lo) ** 2),
        upper: m * (hi >= Math.PI / 2 ? 1 : Math.sin(hi) ** 2),
      };
    }
    return { lower: m * wilsonFunnel(t, denominator, z, -1), upper: m * wilsonFunnel(t, denominator, z, 1) };
  }
  const expected = spec.type === "rate" ? t * denominator : denominator;
  const scale = t * m; // limits are target × (count / E) × multiplier
  if (spec.tau2 !== null) {
    const sd = Math.sqrt(1 / expected + spec.tau2);
    return { lower: scale * Math.exp(-z * sd), upper: scale * Math.exp(z * sd) };
  }
  if (expected <= 0) {
    // Target 0: the only sensible lower limit is 0; the upper limit comes from 0 expected events.
    const upperCount = chiSquareQuantile(1 - alpha / 2, 2) / 2;
    const per = spec.type === "rate" ? m / denominator : m;
    return { lower: 0, upper: upperCount * per };
  }
  if (spec.poissonLimits === "observed") {
    return {
      lower: (scale * observedForUpperLimit(expected, alpha / 2)) / expected,
      upper: (scale * observedForLowerLimit(expected, alpha / 2)) / expected,
    };
  }
  const lowerCount = chiSquareQuantile(alpha / 2, 2 * expected) / 2;
  const upperCount = chiSquareQuantile(1 - alpha / 2, 2 * expected + 2) / 2;
  return { lower: (scale * lowerCount) / expected, upper: (scale * upperCount) / expected };
}

/** PHE/Fingertips proportion limit (side −1 lower, +1 upper), as a proportion in [0, 1]. */
function wilsonFunnel(a: number, n: number, z: number, side: -1 | 1): number {
  const q = z * z;
  const last = 1 / q + 1 / n;
  const first = a * (n / q + 1);
  const c = a * (n * (a * (n / q + 2) - 1) + q * (a - 1));
  const disc = Math.max(0, first * first - last * c);
  const count = (first + side * Math.sqrt(disc)) / last;
  return Math.min(1, Math.max(0, count / n));
}

/** Continuous O whose exact upper limit χ²(1 − p; 2O + 2)/2 equals E (0 when none is >= 0). */
function observedForUpperLimit(e: number, p: number): number {
  // P(Gamma(O + 1) <= E) = 1 − p, decreasing in O.
  const f = (o: number): number => regularizedGamma(o + 1, e).q - p; // = p − (1 − P): sign flips at the root
  if (f(0) >= 0) return 0;
  return bisect(f, 0, e + 10 * Math.sqrt(e) + 20);
}

/** Continuous O whose exact lower limit χ²(p; 2O)/2 equals E. */
function observedForLowerLimit(e: number, p: number): number {
  // P(Gamma(O) <= E) = p, decreasing in O; f increasing.
  const f = (o: number): number => p - regularizedGamma(o, e).p;
  return bisect(f, 1e-12, e + 10 * Math.sqrt(e) + 20);
}

/** Root of an increasing function on [lo, hi] by bisection to 1e-14 relative. */
function bisect(f: (x: number) => number, lo: number, hi: number): number {
  let a = lo;
  let b = hi;
  while (f(b) < 0) b *= 2;
  for (let i = 0; i < 200 && b - a > 1e-14 * b; i++) {
    const mid = (a + b) / 2;
    if (f(mid) < 0) a = mid;
    else b = mid;
  }
  return (a + b) / 2;
}
