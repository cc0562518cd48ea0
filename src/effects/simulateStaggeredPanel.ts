import { periodIndex, periodLabel } from "./periods.js";
import { Random } from "../stats/random.js";
import type { DidPanelRow } from "./staggeredDid.js";

export interface SimulatePanelOptions {
  readonly seed: number;
  /** First month, "YYYY-MM" (default "2017-01"). */
  readonly firstPeriod?: string;
  /** Number of months (default 48). */
  readonly periods?: number;
  /** Start month offsets (from the first month) per unit; null = never treated.
   * Default: [18, 18, 27, 27, 36, 36, null, null]. */
  readonly starts?: readonly (number | null)[];
  /** True rate ratio after the start (default 0.75). */
  readonly effect?: number;
  /** Expected events per unit-month before any effect (default 40). */
  readonly meanEvents?: number;
  /** Amplitude of the seasonal cycle on the log scale (default 0.15). */
  readonly seasonalAmplitude?: number;
  /** Common log-linear trend per month (default −0.002). */
  readonly trend?: number;
  /** SD of unit-specific log baselines (default 0.3) and of common month shocks (default 0.05). */
  readonly unitSd?: number;
  readonly shockSd?: number;
  /** SD of independent log-normal noise per unit-month (extra-Poisson variation; default 0). */
  readonly extraSd?: number;
  /** Stationary SD of an AR(1) (ρ = 0.9) log-scale drift per unit: serially correlated months (default 0). */
  readonly serialSd?: number;
}

/**
 * A small seeded simulator of a staggered-adoption panel with a known effect, for validating the
 * effect estimators: log μ(u, t) = log E + α_u + trend·t + A·cos(2π·month/12) + shock_t
 * + log(effect)·[t ≥ start_u] (+ optional N(0, extraSd²) noise per cell and an AR(1) drift per
 * unit), events ~ Poisson(μ). Person-time E is 1,000 per unit-month.
 * @example
 * staggeredDid(simulateStaggeredPanel({ seed: 1 })).overall.rateRatio // close to 0.75
 */
export function simulateStaggeredPanel(options: SimulatePanelOptions): DidPanelRow[] {
  const rng = new Random(options.seed);
  const first = periodIndex("simulateStaggeredPanel", options.firstPeriod ?? "2017-01").index;
  const nT = options.periods ?? 48;
  const starts = options.starts ?? [18, 18, 27, 27, 36, 36, null, null];
  const effect = options.effect ?? 0.75;
  const mean = options.meanEvents ?? 40;
  const amp = options.seasonalAmplitude ?? 0.15;
  const trend = options.trend ?? -0.002;
  const unitSd = options.unitSd ?? 0.3;
  const shockSd = options.shockSd ?? 0.05;
  const extraSd = options.extraSd ?? 0;
  const serialSd = options.serialSd ?? 0;
  const rho = 0.9;
  const exposure = 1000;
  const alpha = starts.map(() => Math.log(mean / exposure) + unitSd * rng.normal());
  const shocks = Array.from({ length: nT }, () => shockSd * rng.normal());
  const rows: DidPanelRow[] = [];
  starts.forEach((s, u) => {
    let drift = serialSd > 0 ? serialSd * rng.normal() : 0;
    for (let t = 0; t < nT; t++) {
      if (serialSd > 0 && t > 0) drift = rho * drift + serialSd * Math.sqrt(1 - rho * rho) * rng.normal();
      const month = (first + t) % 12;
      const treated = s !== null && t >= s;
      const mu = exposure * Math.exp(alpha[u] + trend * t + amp * Math.cos((2 * Math.PI * month) / 12) + shocks[t] + (treated ? Math.log(effect) : 0) + (extraSd > 0 ? extraSd * rng.normal() : 0) + drift);
      rows.push({
        unit: `unit${String(u + 1).padStart(2, "0")}`,
        period: periodLabel(first + t, "month"),
        events: rng.poisson(mu),
        exposure,
        treatedFrom: s === null ? null : periodLabel(first + s, "month"),
      });
    }
  });
  return rows;
}
