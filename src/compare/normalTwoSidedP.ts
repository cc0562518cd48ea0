import { normalCdf } from "../stats/normalCdf.js";

/** Two-sided p-value of a standard normal statistic: 2·Φ(−|z|). */
export function normalTwoSidedP(z: number): number {
  return Number.isFinite(z) ? 2 * normalCdf(-Math.abs(z)) : NaN;
}
