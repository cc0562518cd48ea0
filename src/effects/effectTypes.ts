/** Shared result shapes of the effects layer. */

/** An effect on the rate-ratio scale with its interval (and the log-scale estimate it came from). */
export interface RateRatioEstimate {
  readonly rateRatio: number;
  readonly lower: number;
  readonly upper: number;
  /** Confidence level as a fraction, e.g. 0.95. */
  readonly level: number;
  /** log(rateRatio) and its standard error. */
  readonly logEstimate: number;
  readonly standardError: number;
  /** Two-sided p-value of log(rateRatio) = 0 (normal reference, or Student's t with `df`). */
  readonly pValue: number;
  /** Degrees of freedom of the t reference (absent: normal), e.g. Satterthwaite's for an estimated drift variance. */
  readonly df?: number;
}

/** An estimate on its own scale (e.g. counts averted) with its interval. */
export interface IntervalEstimate {
  readonly value: number;
  readonly lower: number;
  readonly upper: number;
  readonly level: number;
}

/**
 * What an interval assumes, as a code and the values its text needs (the text itself is in the
 * report and CLI catalogues, Danish and English):
 * - "did_drift": Poisson counts plus cluster-level drift whose variogram is estimated from the
 *   untreated periods, independent between clusters; parallel trends apart from that drift;
 * - "did_dispersion": Poisson × dispersion, no persistent drift; "did_poisson": Poisson only;
 * - "its_drift": Poisson counts plus drift/autocorrelation estimated from the cluster's own
 *   residuals; the pre-period trend and seasons would have continued;
 * - "its_independent": the GLM's (quasi-)Poisson standard errors, independent periods.
 */
export interface IntervalAssumption {
  readonly code: "did_drift" | "did_dispersion" | "did_poisson" | "its_drift" | "its_independent";
  readonly values: Readonly<Record<string, number | string>>;
}
