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
  /** Two-sided p-value of log(rateRatio) = 0 (normal reference). */
  readonly pValue: number;
}

/** An estimate on its own scale (e.g. counts averted) with its interval. */
export interface IntervalEstimate {
  readonly value: number;
  readonly lower: number;
  readonly upper: number;
  readonly level: number;
}
