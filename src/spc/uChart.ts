/**
 * U chart (rates: events per unit of exposure) with per-point limits from the denominators
 * (exposure), phases, a frozen baseline per phase, excluded points and gaps.
 *
 * Per phase, from its baseline points: ū = Σy/Σn; σᵢ = √(ū/nᵢ); limits ū ± 2σᵢ and ū ± 3σᵢ, the
 * lower not below 0. `multiplier` scales values, centre and limits (e.g. 1000 for "per 1,000
 * person-years"). Set `laney: true` for Laney's u′ (or call uPrimeChart). The XmR rules apply to
 * the rates, each point judged against its own limits (./spcRules.ts).
 *
 * Sources: Montgomery, Introduction to Statistical Quality Control, ch. 7 (u chart, variable
 * sample size); qicharts2 `qic.u`.
 *
 * @throws SpcError on invalid input
 * @example uChart([{ period: "2024-01", numerator: 14, denominator: 10 }], { multiplier: 1000 })
 */
import type { SpcResult } from "./types.js";
import type { SpcInputPoint } from "./spcInput.js";
import { attributeChart, type AttributeChartOptions } from "./attributeChart.js";

/**
 * u chart (rates per unit of exposure, varying denominators): centre line and 3σ limits per point, with the run and control rules.
 * @example uChart([{ period: "2024-01", value: null, numerator: 30, denominator: 1200 }, { period: "2024-02", value: null, numerator: 41, denominator: 1185 }])
 */
export function uChart(points: readonly SpcInputPoint[], options: AttributeChartOptions = {}): SpcResult {
  return attributeChart("uChart", "u", points, options, false);
}
