/**
 * Average moving range of a series with gaps, with optional Making Data Count screening.
 *
 * MRᵢ = |xᵢ − xᵢ₋₁| is formed only when both xᵢ and xᵢ₋₁ are usable (neither a gap nor excluded
 * nor outside the baseline): a moving range is never formed across a gap.
 * Screening (Nelson 1982; NHSRplotthedots `screen_outliers`, qicharts2 `qic.screenedmr`): moving
 * ranges ≥ 3.267 × the first mean moving range are left out and the mean is computed again, once.
 *
 * @param values the series in time order; null where the point may not be used
 * @param screen whether to screen (default true)
 * @returns the per-position moving ranges (null where none is formed), the mean used for the
 *   limits, the unscreened mean, and how many ranges the screening removed
 * @example averageMovingRange([1, 3, null, 4, 8]) // => { mean: 3, ... } (ranges 2 and 4)
 */
export interface AverageMovingRange {
  readonly ranges: readonly (number | null)[];
  /** Mean moving range used for the limits (after screening when on); null when no range formed. */
  readonly mean: number | null;
  readonly unscreenedMean: number | null;
  readonly removed: number;
}

/** Upper limit factor for moving ranges, D4 for n = 2. */
export const MR_UPPER_FACTOR = 3.267;

export function averageMovingRange(values: readonly (number | null)[], screen = true): AverageMovingRange {
  const ranges: (number | null)[] = values.map((v, i) => {
    const prev = i > 0 ? values[i - 1] : null;
    return v !== null && prev !== null ? Math.abs(v - prev) : null;
  });
  const formed = ranges.filter((r): r is number => r !== null);
  if (formed.length === 0) return { ranges, mean: null, unscreenedMean: null, removed: 0 };
  const first = formed.reduce((a, b) => a + b, 0) / formed.length;
  if (!screen) return { ranges, mean: first, unscreenedMean: first, removed: 0 };
  const kept = formed.filter((r) => r < MR_UPPER_FACTOR * first);
  const mean = kept.length > 0 ? kept.reduce((a, b) => a + b, 0) / kept.length : first;
  return { ranges, mean, unscreenedMean: first, removed: formed.length - kept.length };
}
