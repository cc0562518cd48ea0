/**
 * The SPC layer's messages: errors thrown at the boundary (English, for developers), and the
 * notes attached to every chart as codes with values (SpcNote) — their Danish and English wording
 * is in the one text catalogue (src/text/noteTexts.ts).
 */
import { note, type Note } from "../contract/note.js";

/** Codes of the SPC notes. */
export type SpcNoteCode =
  | "spc.note.insertedGaps"
  | "spc.note.missingPeriods"
  | "spc.note.zeroDenominator"
  | "spc.note.excluded"
  | "spc.note.frozenBaseline"
  | "spc.note.fewBaseline"
  | "spc.note.noBaseline"
  | "spc.note.phaseRule"
  | "spc.note.fewUseful"
  | "spc.note.runsSignal"
  | "spc.note.screened"
  | "spc.note.varyingLimits"
  | "spc.note.laneyRecommended"
  | "spc.note.laneyApplied"
  | "spc.note.conflict";

/** A note of an SPC result: a code plus values. */
export type SpcNote = Note<SpcNoteCode>;
const list = (xs: readonly string[]): string => xs.map((x) => JSON.stringify(x)).join(", ");

export const spcMessages = {
  // Errors (thrown as SpcError with the key as code).
  invalidInput: (fn: string, detail: string) => `${fn}: invalid input — ${detail}`,
  duplicatePeriods: (fn: string, periods: readonly string[]) =>
    `${fn}: period(s) appear more than once: ${list(periods)}. Give one row per period, in time order.`,
  phaseStartNotFound: (fn: string, start: string) =>
    `${fn}: phase start ${JSON.stringify(start)} is not a period of the series. A phase starts at the first period of a real event (e.g. an intervention start); use completePeriods() first if the period is missing.`,
  phasesOutOfOrder: (fn: string, starts: readonly string[]) =>
    `${fn}: phase starts must follow the order of the series and be distinct; received ${list(starts)}.`,
  excludeNotFound: (fn: string, periods: readonly string[]) =>
    `${fn}: excluded period(s) not in the series: ${list(periods)}.`,
  numeratorAboveDenominator: (fn: string, period: string, y: number, n: number) =>
    `${fn}: period ${JSON.stringify(period)} has numerator ${y} above denominator ${n}; a proportion cannot exceed 1.`,
  unknownPeriodFormat: (fn: string, kind: string, period: string, expected: string) =>
    `${fn}: period ${JSON.stringify(period)} is not a ${kind} label; expected ${expected}.`,
  periodsNotAscending: (fn: string, a: string, b: string) =>
    `${fn}: periods must be in time order; ${JSON.stringify(b)} follows ${JSON.stringify(a)}.`,

  // Warnings and notes (attached to results, not thrown): codes with values; the wording is in
  // the one text catalogue (src/text/noteTexts.ts), rendered with noteText(note, lang).
  insertedGaps: (periods: readonly string[]) => note("spc.note.insertedGaps", { count: periods.length, periods }),
  missingPeriods: (periods: readonly string[]) => note("spc.note.missingPeriods", { count: periods.length, periods }),
  zeroDenominator: (periods: readonly string[]) => note("spc.note.zeroDenominator", { periods }),
  excludedPoints: (periods: readonly string[]) => note("spc.note.excluded", { periods }),
  frozenBaseline: (phase: string, k: number, used: number) => note("spc.note.frozenBaseline", { phase, k, used }),
  fewBaselinePoints: (phase: string, n: number, min: number) => note("spc.note.fewBaseline", { phase, n, min }),
  noBaseline: (phase: string) => note("spc.note.noBaseline", { phase }),
  phaseRule: () => note("spc.note.phaseRule"),
  fewUsefulRunPoints: (phase: string, n: number) => note("spc.note.fewUseful", { phase, n }),
  runsSignal: (phase: string, longest: number, longestMax: number, crossings: number, crossingsMin: number) =>
    note("spc.note.runsSignal", { phase, longest, longestMax, crossings, crossingsMin }),
  screenedMovingRanges: (phase: string, removed: number, threshold: number) => note("spc.note.screened", { phase, removed, threshold }),
  varyingLimits: () => note("spc.note.varyingLimits"),
  laneyRecommended: (phase: string, sigmaZ: number, meanDenominator: number) =>
    note("spc.note.laneyRecommended", { phase, sigmaZ, n: Math.round(meanDenominator), too: sigmaZ > 1 ? "spc.note.tight" : "spc.note.wide" }),
  laneyApplied: (phase: string, sigmaZ: number) => note("spc.note.laneyApplied", { phase, sigmaZ }),
  signalConflict: (periods: readonly string[]) => note("spc.note.conflict", { periods }),

  /** Default label of the points before the first given phase start. */
  firstPhaseLabel: "Før",
} as const;
