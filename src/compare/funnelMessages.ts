/**
 * The funnel-plot part of the compare layer: the English errors thrown at the boundary on
 * programming mistakes (bad arguments), and the notes attached to results and units as codes plus
 * values (`FunnelNote`), worded in Danish and English in the one text catalogue
 * (src/text/noteTexts.ts) and rendered with `noteText(note, lang)`.
 */
import { note, type Note } from "../contract/note.js";

/** Codes of the notes of funnelPlotData. */
export type FunnelNoteCode =
  | "funnel.note.methodPhe"
  | "funnel.note.methodSpiegelhalter"
  | "funnel.note.methodFallback"
  | "funnel.note.tooFewForOverdispersion"
  | "funnel.note.singleUnit"
  | "funnel.note.zeroNumerator"
  | "funnel.note.zeroNumeratorLogZ"
  | "funnel.note.zeroDenominator"
  | "funnel.note.smallDenominator"
  | "funnel.note.dsrFewEvents"
  | "funnel.note.classProportion"
  | "funnel.note.classExpected"
  | "funnel.note.classObserved"
  | "funnel.note.classAdjusted";

/** A note of a funnel plot or one of its units: a code plus values, rendered with `noteText(note, lang)`. */
export type FunnelNote = Note<FunnelNoteCode>;

/** The funnel notes by name. */
export const funnelNotes = {
  methodPhe: () => note("funnel.note.methodPhe"),
  methodSpiegelhalter: (phi: number, tau2: number, trimMethod: "winsorise" | "truncate", trim: number, n: number) =>
    note("funnel.note.methodSpiegelhalter", { phi, tau2, trimMethod: trimMethod === "winsorise" ? "funnel.note.winsorised" : "funnel.note.truncated", trim: trim * 100, n }),
  methodFallback: (phi: number) => note("funnel.note.methodFallback", { phi }),
  tooFewForOverdispersion: (n: number) => note("funnel.note.tooFewForOverdispersion", { n }),
  singleUnit: () => note("funnel.note.singleUnit"),
  zeroNumerator: () => note("funnel.note.zeroNumerator"),
  zeroNumeratorLogZ: () => note("funnel.note.zeroNumeratorLogZ"),
  zeroDenominator: () => note("funnel.note.zeroDenominator"),
  smallDenominator: (n: number) => note("funnel.note.smallDenominator", { n }),
  dsrFewEvents: () => note("funnel.note.dsrFewEvents"),
  classRule: (rule: "proportion" | "expected" | "observed") =>
    note(rule === "proportion" ? "funnel.note.classProportion" : rule === "expected" ? "funnel.note.classExpected" : "funnel.note.classObserved"),
  classRuleAdjusted: () => note("funnel.note.classAdjusted"),
} satisfies Record<string, (...args: never[]) => FunnelNote>;

/** Error texts (English: programming mistakes, see above). */
export const funnelMessages = {
  noUnits: (fn: string) => `${fn}: at least one unit is required.`,
  badType: (fn: string, t: unknown) => `${fn}: type must be "proportion", "rate" or "ratio"; received ${JSON.stringify(t)}.`,
  badNumber: (fn: string, name: string, v: unknown) => `${fn}: ${name} must be a finite number >= 0; received ${String(v)}.`,
  badPositive: (fn: string, name: string, v: unknown) => `${fn}: ${name} must be a finite number > 0; received ${String(v)}.`,
  proportionAboveOne: (fn: string, unit: string, x: number, n: number) =>
    `${fn}: unit ${JSON.stringify(unit)} has numerator ${x} above its denominator ${n}; a proportion cannot exceed 1.`,
  targetOutOfRange: (fn: string, t: number) => `${fn}: a proportion target must lie in [0, 1]; received ${t}.`,
  duplicateUnit: (fn: string, unit: string) => `${fn}: unit ${JSON.stringify(unit)} appears more than once.`,
  badTrim: (fn: string, v: unknown) => `${fn}: trim must be a fraction in [0, 0.5); received ${String(v)}.`,
  noRange: (fn: string) => `${fn}: give either denominators or a range (from, to) with 0 < from <= to.`,
} as const;
