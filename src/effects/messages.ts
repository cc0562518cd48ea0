/**
 * The error catalogue of the effects layer (regression, interrupted time series, staggered
 * difference-in-differences). These English sentences are only for errors thrown on programming
 * mistakes (bad arguments to a library function) and for data too thin to fit a model (an
 * EffectsError, whose code and details a caller turns into a note). Anything a report or
 * notebook reader sees is a note — a code plus values (`EffectsNote`) — whose Danish and English
 * wording lives in the one text catalogue (src/text/noteTexts.ts), rendered with `noteText`.
 */

import { note, type Note } from "../contract/note.js";
import { GlmMessage } from "../stats/glm/glmMessages.js";

/** Codes of the notes of the effects layer (wording: src/text/noteTexts.ts). */
export type EffectsNoteCode =
  | "effects.note.gaps"
  | "effects.note.seasonIndex"
  | "effects.note.underdispersion"
  | "effects.note.overdispersion"
  | "effects.note.blockDispersion"
  | "effects.note.drift"
  | "effects.note.glmNotConverged"
  | "effects.note.noSensitivity"
  | "effects.note.noControls"
  | "effects.note.zeroCell"
  | "effects.note.noBase"
  | "effects.note.smallBase"
  | "effects.note.noTreatedUnits"
  | "effects.note.amountNoBase"
  | "effects.note.amountNoControlCells"
  | "effects.note.amountNoCells"
  | "effects.note.amountTooFewControls"
  | "effects.note.amountTooFewDf"
  | "effects.note.amountInterval"
  | "effects.note.twfe"
  | "effects.note.tooFewPre"
  | "effects.note.tooFewPreEvents"
  | "effects.note.notFitted";

/** A note of the effects layer: a code plus values, rendered with `noteText(note, lang)`. */
export type EffectsNote = Note<EffectsNoteCode>;

/** The notes of the effects layer by name, each a code with its values. */
export const EffectsNotes = {
  gaps: (periods: readonly string[]) => note("effects.note.gaps", { count: periods.length, periods: periods.length > 12 ? [...periods.slice(0, 12), "…"] : periods }),
  seasonIndex: () => note("effects.note.seasonIndex"),
  dispersion: (phi: number) => note(phi > 1 ? "effects.note.overdispersion" : "effects.note.underdispersion", { phi }),
  blockDispersion: (block: number, phi: number) => note("effects.note.blockDispersion", { block, phi }),
  drift: (nugget: number, stationary: number, rho: number, walk: number) => note("effects.note.drift", { nugget, stationary, rho, walk: 2 * walk }),
  glmNotConverged: (iterations: number) => note("effects.note.glmNotConverged", { iterations }),
  noSensitivity: () => note("effects.note.noSensitivity"),
  noControls: (cohort: string, period: string) => note("effects.note.noControls", { cohort, period }),
  zeroCell: (cohort: string, period: string) => note("effects.note.zeroCell", { cohort, period }),
  noBase: (cohort: string) => note("effects.note.noBase", { cohort }),
  smallBase: (cohort: string, events: number) => note("effects.note.smallBase", { cohort, events }),
  noTreatedUnits: () => note("effects.note.noTreatedUnits"),
  amountNoBase: (unit: string) => note("effects.note.amountNoBase", { unit }),
  amountNoControlCells: (count: number) => note("effects.note.amountNoControlCells", { count }),
  amountNoCells: () => note("effects.note.amountNoCells"),
  amountTooFewControls: (n: number, min: number) => note("effects.note.amountTooFewControls", { n, min }),
  amountTooFewDf: (cells: number, df: number, min: number) => note("effects.note.amountTooFewDf", { cells, df, min }),
  amountInterval: (cells: number, df: number) => note("effects.note.amountInterval", { cells, df }),
  twfe: () => note("effects.note.twfe"),
} satisfies Record<string, (...args: never[]) => EffectsNote>;

/** Error texts of the effects layer (English: programming mistakes and too-thin data, see above). */
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
  badPeriodsPerYear: (fn: string, value: unknown) =>
    `${fn}: periodsPerYear is ${String(value)}; give the number of periods in a year (12 months, 4 quarters, 1 year)`,
  tooFewUntreatedForDrift: (pairs: number, min: number) =>
    `staggeredDid: the untreated periods give only ${pairs} period-to-period change(s) of a cluster's rate; at least ${min} are needed to estimate how much the clusters drift over time. ` +
    `Give more periods before the first start, or choose variance: "dispersion" (which assumes the clusters do not drift)`,
  noTreatedUnits: () => `staggeredDid: no unit has a treatedFrom period, so there is no effect to estimate`,
  noPostCells: () => `staggeredDid: no post-start group-time effect could be estimated`,
  treatedFromInconsistent: (unit: string) =>
    `staggeredDid: unit "${unit}" has more than one treatedFrom value; give one start per unit`,
  nonPositiveAmount: (index: number, value: number) =>
    `amountDid: amount[${index}] is ${value}; amounts must be finite and > 0 (the model is on their log)`,
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

/**
 * The note for a model that could not be fitted: an EffectsError thrown because the data are too
 * thin gives its reason as a code with values; any other error "the model could not be fitted".
 * The error's English message is kept in the values as `detail` (for debugging; not shown).
 */
export function effectsErrorNote(e: unknown): EffectsNote {
  const detail = e instanceof Error ? e.message : String(e);
  if (e instanceof EffectsError) {
    const d = e.details;
    if (e.code === "too_few_pre" && typeof d.pre === "number" && typeof d.min === "number") return note("effects.note.tooFewPre", { pre: d.pre, min: d.min, detail });
    if (e.code === "too_few_events" && typeof d.events === "number" && typeof d.min === "number") return note("effects.note.tooFewPreEvents", { events: d.events, min: d.min, detail });
  }
  return note("effects.note.notFitted", { detail });
}
