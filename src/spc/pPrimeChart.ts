/**
 * Laney's p′ chart: a p chart whose limits are widened (or narrowed) by the between-period
 * variation, for large denominators where the plain p-chart limits are far too tight (regional
 * counts).
 *
 * Per phase, from its baseline points: p̄ = Σy/Σn, σᵢ = √(p̄(1 − p̄)/nᵢ), zᵢ = (pᵢ − p̄)/σᵢ,
 * σ_z = mean moving range of z / 1.128 (every moving range, as Laney 2002 and qicharts2
 * `qic.pp`; never formed across gaps; `screenMovingRanges: true` screens at 3.267 × their mean); limits p̄ ± 2σᵢσ_z and p̄ ± 3σᵢσ_z cut to [0, 1].
 * Same rules as pChart. Equivalent to pChart(points, { ...options, laney: true }).
 *
 * Sources: Laney DB (2002) Improved control charts for attributes, Quality Engineering 14(4):
 * 531–537; qicharts2 `qic.pp`.
 *
 * @example pPrimeChart(regionalMonths, { improvement: "decrease" })
 */
import type { SpcResult } from "./types.js";
import type { SpcInputPoint } from "./spcInput.js";
import { attributeChart, type AttributeChartOptions } from "./attributeChart.js";

/**
 * Laney p′ chart: a p chart whose limits also carry the between-period variation, for large denominators.
 * @example pPrimeChart(rows.map((r) => ({ period: r.period, value: null, numerator: r.numerator, denominator: r.denominator })))
 */
export function pPrimeChart(points: readonly SpcInputPoint[], options: AttributeChartOptions = {}): SpcResult {
  return attributeChart("pPrimeChart", "p", points, options, true);
}
