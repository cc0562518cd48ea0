import type { RateRatioEstimate } from "./effectTypes.js";
import { normalCdf, zForLevel } from "../stats/index.js";

/** Rate ratio exp(b) with the Wald interval exp(b ± z·se) and a two-sided normal p-value. */
export function rateRatioFromLog(logEstimate: number, standardError: number, level: number): RateRatioEstimate {
  const z = zForLevel(level);
  const zStat = logEstimate / standardError;
  return {
    rateRatio: Math.exp(logEstimate),
    lower: Math.exp(logEstimate - z * standardError),
    upper: Math.exp(logEstimate + z * standardError),
    level,
    logEstimate,
    standardError,
    pValue: Number.isFinite(zStat) ? 2 * normalCdf(-Math.abs(zStat)) : NaN,
  };
}
