/**
 * The SPC layer's notes (codes with values, src/spc/messages.ts) in the chart's language, from the
 * one text catalogue. Notes that repeat what the chart already states (missing periods, the
 * per-phase rule, varying limits) are left out of the footnote.
 */
import type { SpcNote, SpcNoteCode } from "../spc/messages.js";
import { noteText } from "../text/catalogue.js";
import type { ChartLang } from "./locale.js";

/** Notes the SPC chart states itself (gaps drawn, phases drawn, limits drawn). */
const STATED_BY_THE_CHART: ReadonlySet<SpcNoteCode> = new Set(["spc.note.missingPeriods", "spc.note.phaseRule", "spc.note.varyingLimits"]);

/**
 * The notes of an SpcResult for a chart footnote in `lang`.
 * @example spcChartNotes([spcMessages.zeroDenominator(["2020-04"])], "da")
 * // ["Nævner 0 i 2020-04: ingen rate kan beregnes, så perioderne vises som huller."]
 */
export function spcChartNotes(notes: readonly SpcNote[], lang: ChartLang): string[] {
  return notes.filter((n) => !STATED_BY_THE_CHART.has(n.code)).map((n) => noteText(n, lang));
}
