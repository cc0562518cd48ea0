/**
 * Error catalogue of the cluster-comparison files (compareToReference, clusterProfile,
 * rankIntervals). Its English sentences are only for errors thrown on programming mistakes (bad
 * arguments to a library function). The notes a report or notebook reader sees are codes plus
 * values (`CompareNote`), worded in Danish and English in the one text catalogue
 * (src/text/noteTexts.ts) and rendered with `noteText(note, lang)`. The funnel files keep their own
 * catalogue (funnelMessages.ts).
 */
import { note, type Note } from "../contract/note.js";

/** Codes of the notes of compareToReference, clusterProfile and rankIntervals. */
export type CompareNoteCode =
  | "compare.note.referenceIncludesUnit"
  | "compare.note.zeroPopulation"
  | "compare.note.zeroExpected"
  | "compare.note.trendTooShort"
  | "compare.note.trendFailed"
  | "compare.note.profileNoReference"
  | "compare.note.profileNoDirection"
  | "compare.note.rankSkipped"
  | "compare.note.rankNote";

/** A note of the comparison functions: a code plus values, rendered with `noteText(note, lang)`. */
export type CompareNote = Note<CompareNoteCode>;

/** The notes by name, each a code with its values. */
export const compareNotes = {
  referenceIncludesUnit: () => note("compare.note.referenceIncludesUnit"),
  zeroPopulation: (unit: string) => note("compare.note.zeroPopulation", { unit }),
  zeroExpected: (unit: string) => note("compare.note.zeroExpected", { unit }),
  trendTooShort: (unit: string, n: number) => note("compare.note.trendTooShort", { unit, n }),
  /** `detail` (the error's English message) is kept for debugging, not shown. */
  trendFailed: (unit: string, detail: string) => note("compare.note.trendFailed", { unit, detail }),
  profileNoReference: (indicator: string, period: string, group: string, sex: string) => note("compare.note.profileNoReference", { indicator, period, group, sex }),
  profileNoDirection: (indicator: string) => note("compare.note.profileNoDirection", { indicator }),
  rankSkipped: (unit: string) => note("compare.note.rankSkipped", { unit }),
  rankNote: () => note("compare.note.rankNote"),
} satisfies Record<string, (...args: never[]) => CompareNote>;

/** Error texts (English: programming mistakes, see above). */
export const compareMessages = {
  noUnits: (fn: string) => `${fn} requires at least one unit`,
  duplicateUnit: (fn: string, unit: string) => `${fn}: unit "${unit}" occurs more than once; give each unit once`,
  badLevel: (fn: string, level: unknown) =>
    `${fn}: level is ${String(level)}; give the confidence level as a fraction strictly between 0 and 1 (e.g. 0.95)`,
  badNumber: (fn: string, what: string, value: unknown) =>
    `${fn}: ${what} is ${String(value)}; expected a finite number >= 0`,
  proportionAboveOne: (fn: string, unit: string, x: number, n: number) =>
    `${fn}: unit "${unit}" has ${x} events out of ${n}; a proportion needs events <= population`,
  excludeMissingStratum: (unit: string, label: string) =>
    `excludeUnitFromReference: stratum "${label}" of unit "${unit}" is not in the reference`,
  excludeNegative: (unit: string, label: string) =>
    `excludeUnitFromReference: the reference minus unit "${unit}" is negative in stratum "${label}"; the unit is not part of this reference`,
  profileNoRows: () => `clusterProfile: no indicator rows at the chosen level, period, group and sex`,
  profileDuplicate: (indicator: string, unit: string, period: string) =>
    `clusterProfile: more than one row for ${indicator}, unit "${unit}", period ${period}; filter by group and sex first`,
  rankNeedsTwo: () => `rankIntervals requires at least two estimates with a value`,
  rankBadSimulations: (n: unknown) => `rankIntervals: simulations is ${String(n)}; expected an integer >= 100`,
  rankNoSpread: (unit: string) =>
    `rankIntervals: estimate "${unit}" has neither a standard error nor an interval around its value`,
  rankLogScaleInvalid: (unit: string) =>
    `rankIntervals: estimate "${unit}" has a value or interval <= 0, so the log scale cannot be used; use scale "linear"`,
} as const;

/** Error thrown by the cluster-comparison functions; the text comes from compareMessages. */
export class CompareError extends Error {
  override readonly name = "CompareError";
  constructor(message: string) {
    super(message);
  }
}
