/**
 * Laney's u′ chart: a u chart whose limits are multiplied by σ_z, the between-period variation of
 * the standardised rates, for large exposures where the plain u-chart limits are far too tight.
 *
 * Per phase, from its baseline points: ū = Σy/Σn, σᵢ = √(ū/nᵢ), zᵢ = (uᵢ − ū)/σᵢ,
 * σ_z = mean moving range of z / 1.128 (every moving range, as Laney 2002 and qicharts2
 * `qic.up`; never across gaps; `screenMovingRanges: true` screens at 3.267 × the mean);
 * limits ū ± 2σᵢσ_z and ū ± 3σᵢσ_z, lower not below 0. Same rules as uChart.
 * Equivalent to uChart(points, { ...options, laney: true }).
 *
 * Sources: Laney DB (2002) Improved control charts for attributes, Quality Engineering 14(4):
 * 531–537; qicharts2 `qic.up`.
 *
 * @example uPrimeChart(regionalMonths, { multiplier: 1000 })
 */
import type { SpcResult } from "./types.js";
import type { SpcInputPoint } from "./spcInput.js";
import { attributeChart, type AttributeChartOptions } from "./attributeChart.js";

/**
 * Laney u′ chart: a u chart whose limits also carry the between-period variation, for large denominators.
 * @example uPrimeChart(rows.map((r) => ({ period: r.period, value: null, numerator: r.numerator, denominator: r.denominator })))
 */
export function uPrimeChart(points: readonly SpcInputPoint[], options: AttributeChartOptions = {}): SpcResult {
  return attributeChart("uPrimeChart", "u", points, options, true);
}
