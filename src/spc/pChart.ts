/**
 * P chart (proportions) with per-point limits from the denominators, phases, a frozen baseline per
 * phase, excluded points and gaps.
 *
 * Per phase, from its baseline points: p̄ = Σy/Σn; σᵢ = √(p̄(1 − p̄)/nᵢ); limits p̄ ± 2σᵢ and
 * p̄ ± 3σᵢ cut to [0, 1]. The limits vary with the denominator, and that is correct (a note says
 * so). Set `laney: true` for Laney's p′ (or call pPrimeChart). The XmR rules apply to the
 * proportions, each point judged against its own limits: outside limits, trend of 7, 2 of 3 beyond
 * 2σ, shift of 7 (./spcRules.ts). Each point needs `numerator` and `denominator`.
 *
 * Sources: Montgomery, Introduction to Statistical Quality Control, ch. 7 (p chart, variable n);
 * qicharts2 `qic.p`.
 *
 * @throws SpcError on invalid input (e.g. a numerator above its denominator)
 * @example pChart([{ period: "1", numerator: 12, denominator: 50 }, { period: "2", numerator: 15, denominator: 50 }])
 */
import type { SpcResult } from "./types.js";
import type { SpcInputPoint } from "./spcInput.js";
import { attributeChart, type AttributeChartOptions } from "./attributeChart.js";

/**
 * p chart (proportions, varying denominators): centre line and 3σ limits per point, with the Anhøj run rules and the control rules.
 * @example pChart([{ period: "2024-01", value: null, numerator: 12, denominator: 50 }, { period: "2024-02", value: null, numerator: 15, denominator: 48 }])
 */
export function pChart(points: readonly SpcInputPoint[], options: AttributeChartOptions = {}): SpcResult {
  return attributeChart("pChart", "p", points, options, false);
}
