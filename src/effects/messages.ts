/**
 * The message catalogue of the effects layer (regression, interrupted time series, staggered
 * difference-in-differences). Every user-facing text of the layer is built here, so that
 * wording is kept in one place and tests can check it word for word.
 */

import { GlmMessage } from "../stats/glm/glmMessages.js";

export const EffectsMessage = {
  ...GlmMessage,
  nonPositiveExposure: (fn: string, index: number, value: number) =>
    `${fn}: exposure[${index}] is ${value}; person-time must be > 0 (drop the row or fix the population)`,
  badLevel: (fn: string, level: unknown) =>
    `${fn}: level is ${String(level)}; give the confidence level as a fraction strictly between 0 and 1 (e.g. 0.95)`,
  badPeriod: (fn: string, period: unknown) =>
    `${fn}: period ${JSON.stringify(period)} is neither a month "YYYY-MM" nor an integer month index`,
  mixedPeriods: (fn: string) => `${fn}: periods mix "YYYY-MM" strings and integer indices; use one form`,
  duplicatePeriod: (fn: string, period: string, unit?: string) =>
    `${fn}: period ${period}${unit === undefined ? "" : ` of unit "${unit}"`} occurs more than once`,
  startOutside: (fn: string, start: string) =>
    `${fn}: the intervention start ${start} leaves no observed period before it or none from it onwards`,
  badPhaseIn: (phaseIn: unknown, post: number) =>
    `interruptedTimeSeries: phaseIn is ${String(phaseIn)}; give a whole number of periods >= 0 that leaves at least 2 of the ${post} period(s) from the start after it`,
  tooFewPre: (n: number, p: number) =>
    `interruptedTimeSeries: ${n} observations for ${p} coefficients; use fewer seasonal terms or a longer series`,
  badHarmonics: (k: unknown, max = 5) =>
    `interruptedTimeSeries: seasonality harmonics is ${String(k)}; give an integer from 1 to ${max} (or "months" for season dummies)`,
  noSeasonsInYearlyData: () => `interruptedTimeSeries: yearly data have no seasons; use seasonality "none"`,
  tooFewPrePeriods: (pre: number, min: number, seasonal: boolean) =>
    `interruptedTimeSeries: ${pre} period(s) before the start; at least ${min} are needed to estimate the trend${seasonal ? " and a whole year of seasons" : ""} the effect is measured against, so no estimate is given`,
  tooFewPreEvents: (events: number, min: number) =>
    `interruptedTimeSeries: only ${events} event(s) before the start; at least ${min} are needed for a baseline, so no estimate is given`,
  gapNote: (count: number, list: string) =>
    `${count} missing period(s) in the series (${list}); they are left out of the fit, never read as 0`,
  seasonalityNumericNote: () =>
    `periods are integer indices: the month of year for seasonality is taken as index mod 12 (index 0 = January)`,
  underdispersionNote: (phi: number) =>
    `dispersion phi = ${phi.toFixed(3)} <= 1: Poisson standard errors are used (no deflation)`,
  overdispersionNote: (phi: number) =>
    `dispersion phi = ${phi.toFixed(3)} > 1: standard errors are multiplied by sqrt(phi) (quasi-Poisson)`,
  blockDispersionNote: (block: number, phi: number) =>
    `dispersion of ${block}-period sums phi = ${phi.toFixed(3)} exceeds the per-period one: successive periods of a unit are correlated (e.g. the same frail patients), so standard errors are multiplied by sqrt(${phi.toFixed(3)})`,
  badPeriodsPerYear: (fn: string, value: unknown) =>
    `${fn}: periodsPerYear is ${String(value)}; give the number of periods in a year (12 months, 4 quarters, 1 year)`,
  tooFewUntreatedForDrift: (pairs: number, min: number) =>
    `staggeredDid: the untreated periods give only ${pairs} period-to-period change(s) of a cluster's rate; at least ${min} are needed to estimate how much the clusters drift over time. ` +
    `Give more periods before the first start, or choose variance: "dispersion" (which assumes the clusters do not drift)`,
  driftNote: (nugget: number, stationary: number, rho: number, walk: number) =>
    `cluster drift variogram (log scale): nugget ${nugget.toPrecision(3)}, AR(1) variance ${stationary.toPrecision(3)} with rho ${rho.toFixed(2)}, random-walk variance ${(2 * walk).toPrecision(3)} per period; added to the Poisson variance`,
  noSensitivity: () =>
    `no pre-period estimate before the base window, so the parallel-trends breakdown value (Rambachan & Roth 2023) cannot be computed`,
  noTreatedUnits: () => `staggeredDid: no unit has a treatedFrom period, so there is no effect to estimate`,
  noControls: (g: string, t: string) =>
    `ATT(${g}, ${t}) not identified: no never-treated or not-yet-treated unit at that period`,
  zeroCell: (g: string, t: string) =>
    `ATT(${g}, ${t}) not estimable: a cohort or control cell has 0 events, so its log rate is undefined`,
  noBase: (g: string) => `cohort ${g}: no observed base period before the start, so it is left out`,
  smallBase: (g: string, events: number) =>
    `cohort ${g}: its base has only ${events} events, so every ATT(${g}, t) leans on one small count; ` +
    `a longer base (baseWindow: 12 for monthly data) gives less biased, tighter estimates`,
  noPostCells: () => `staggeredDid: no post-start group-time effect could be estimated`,
  treatedFromInconsistent: (unit: string) =>
    `staggeredDid: unit "${unit}" has more than one treatedFrom value; give one start per unit`,
  nonPositiveAmount: (index: number, value: number) =>
    `amountDid: amount[${index}] is ${value}; amounts must be finite and > 0 (the model is on their log)`,
  amountNoBase: (unit: string) => `amountDid: unit "${unit}" has no observed period before its start, so it is left out`,
  amountNoControlCells: (n: number) =>
    `amountDid: ${n} post-start period(s) of adopting units had no never-treated or not-yet-treated control observed at the base and that period, so they are left out`,
  amountNoCells: () => `amountDid: no adopting unit has a base period and a post period with a control; no effect can be estimated`,
  amountTooFewControls: (n: number, min: number) =>
    `amountDid: only ${n} control unit(s) (never-treated or not yet treated); at least ${min} are needed for an estimate`,
  amountTooFewDf: (cells: number, df: number, min: number) =>
    `amountDid: ${cells} untreated unit-periods leave ${df} residual degrees of freedom for the noise of the controls' period-to-period changes; at least ${min} are needed (too few controls or pre-periods)`,
  amountIntervalNote: (cells: number, df: number) =>
    `interval: t-interval (df ${df}) from the residual variance of log amount in a unit + period model of the ${cells} untreated unit-periods (never-treated units, adopters before their start) — the placebo variability of the controls' period-to-period changes; with this few clusters it assumes independent, equal-variance noise and is approximate`,
  twfeLabel: () =>
    `two-way fixed-effects Poisson estimate, shown only as a contrast: it is biased under staggered adoption ` +
    `when effects vary over time, because already-treated units serve as controls`,
} as const;

/** A structured error of the effects layer: a code, the message, and the offending details. */
export class EffectsError extends Error {
  readonly code: string;
  readonly details: Readonly<Record<string, unknown>>;
  constructor(code: string, message: string, details: Record<string, unknown> = {}) {
    super(message);
    this.name = "EffectsError";
    this.code = code;
    this.details = details;
  }
}
