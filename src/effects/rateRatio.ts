import type { RateRatioEstimate } from "./effectTypes.js";
import { normalCdf } from "../stats/normalCdf.js";
import { zForLevel } from "../stats/zForLevel.js";
import { studentTCdf, studentTQuantile } from "../stats/studentT.js";

/**
 * Rate ratio exp(b) with the Wald interval exp(b ± q·se) and a two-sided p-value: q and p from the
 * normal distribution, or from Student's t when finite degrees of freedom are given (an estimated
 * variance component).
 */
export function rateRatioFromLog(logEstimate: number, standardError: number, level: number, df = Infinity): RateRatioEstimate {
  const t = Number.isFinite(df) && df > 0 && df < 1e6;
  const q = t ? studentTQuantile(0.5 + level / 2, df) : zForLevel(level);
  const zStat = logEstimate / standardError;
  return {
    rateRatio: Math.exp(logEstimate),
    lower: Math.exp(logEstimate - q * standardError),
    upper: Math.exp(logEstimate + q * standardError),
    level,
    logEstimate,
    standardError,
    pValue: Number.isFinite(zStat) ? 2 * (t ? studentTCdf(-Math.abs(zStat), df) : normalCdf(-Math.abs(zStat))) : NaN,
    ...(t ? { df } : {}),
  };
}
