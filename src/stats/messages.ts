/**
 * The message catalogue of the stats layer. The English sentences are errors thrown at the
 * boundary for a programming mistake (bad arguments to a library function, a StatsError). What a
 * report, chart, table file or notebook reader sees is a note — a code plus values (`statsNotes`)
 * — whose Danish and English wording lives in the one text catalogue (src/text/noteTexts.ts),
 * rendered with `noteText(note, lang)`.
 */
import { note, type Note } from "../contract/note.js";

/** Codes of the notes of the stats layer (wording: src/text/noteTexts.ts). */
export type StatsNoteCode = "stats.note.zeroDenominator" | "stats.note.dsrTooFewEvents" | "stats.note.zeroExpected" | "stats.note.glmNotConverged";

/** The notes attached to estimates (not errors), each a code with its values. */
export const statsNotes = {
  zeroDenominator: (): Note<StatsNoteCode> => note("stats.note.zeroDenominator"),
  dsrTooFewEvents: (observed: number, min: number): Note<StatsNoteCode> => note("stats.note.dsrTooFewEvents", { observed, min }),
  zeroExpected: (): Note<StatsNoteCode> => note("stats.note.zeroExpected"),
  glmNotConverged: (iterations: number): Note<StatsNoteCode> => note("stats.note.glmNotConverged", { iterations }),
} as const;

export const statsMessages = {
  levelNotFraction: (fn: string, received: unknown) =>
    `${fn}: level must be a fraction strictly between 0 and 1 (0.95 for 95 %, 0.998 for 99.8 %); received ${String(received)}. Percentages such as 95 are not accepted.`,
  levelsEmpty: (fn: string) => `${fn}: level must be a number or a non-empty array of numbers.`,
  probabilityOutOfRange: (fn: string, p: unknown) =>
    `${fn}: p must be a probability in [0, 1]; received ${String(p)}.`,
  dfNotPositive: (fn: string, df: unknown) =>
    `${fn}: degrees of freedom must be a finite number > 0; received ${String(df)}.`,
  notNonNegative: (fn: string, name: string, v: unknown) =>
    `${fn}: ${name} must be a finite number >= 0; received ${String(v)}.`,
  notPositive: (fn: string, name: string, v: unknown) =>
    `${fn}: ${name} must be a finite number > 0; received ${String(v)}.`,
  numeratorAboveDenominator: (fn: string, x: number, n: number) =>
    `${fn}: x (${x}) must not exceed n (${n}).`,
  duplicateLabels: (fn: string, side: string, labels: readonly string[]) =>
    `${fn}: duplicate label(s) in ${side}: ${labels.map((l) => JSON.stringify(l)).join(", ")}. Each stratum must appear once.`,
  labelsMissing: (fn: string, missingInOther: readonly string[], otherSide: string, missingInStrata: readonly string[]) => {
    const parts: string[] = [];
    if (missingInOther.length > 0)
      parts.push(`strata label(s) not in the ${otherSide}: ${missingInOther.map((l) => JSON.stringify(l)).join(", ")}`);
    if (missingInStrata.length > 0)
      parts.push(`${otherSide} label(s) not in the strata: ${missingInStrata.map((l) => JSON.stringify(l)).join(", ")}`);
    return `${fn}: strata are joined to the ${otherSide} by label, and the labels do not match — ${parts.join("; ")}.`;
  },
  eventsWithoutPopulation: (fn: string, label: string, events: number) =>
    `${fn}: stratum ${JSON.stringify(label)} has ${events} event(s) but population 0.`,
  referenceWithoutPopulation: (fn: string, label: string) =>
    `${fn}: reference stratum ${JSON.stringify(label)} has population 0 but the strata have population there; its rate is undefined.`,
  emptyStrata: (fn: string) => `${fn}: at least one stratum is required.`,
  noPopulationForYear: (fn: string, year: number) =>
    `${fn}: the population table has no rows for ${year}; choose a year that the data covers.`,
  standardEmpty: (fn: string) => `${fn}: the standard population sums to 0.`,
} as const;
