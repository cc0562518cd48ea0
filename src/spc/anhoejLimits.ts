/**
 * Anhøj rules' critical values for a run chart with n useful observations (points not on the
 * median), as in qicharts2:
 * - longest run: a signal when the longest run is longer than round(log2(n)) + 3 (Schilling 2012);
 * - crossings: a signal when the number of crossings is below qbinom(0.05, n − 1, 0.5) (Chen 2010).
 *
 * Source: Anhøj J, Olesen AV (2014) Run charts revisited, PLoS ONE 9(11): e113825; qicharts2
 * `runs.analysis`. Defined for every n ≥ 1 (the rules are meant for n ≥ 10).
 *
 * @example anhoejLimits(24) // => { longestRunMax: 8, crossingsMin: 8 }
 */
import { binomialQuantile } from "./binomialQuantile.js";

export interface AnhoejLimits {
  /** A run longer than this is a signal. */
  readonly longestRunMax: number;
  /** Fewer crossings than this is a signal. */
  readonly crossingsMin: number;
}

export function anhoejLimits(n: number): AnhoejLimits {
  return {
    longestRunMax: Math.round(Math.log2(n)) + 3,
    crossingsMin: binomialQuantile(0.05, Math.max(n - 1, 0), 0.5),
  };
}
