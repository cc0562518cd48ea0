/**
 * A note as the layers return it: a code plus the values it reports, never a sentence. The
 * wording lives in one Danish/English catalogue (src/text), rendered with `noteText(note, lang)`,
 * so no layer parses a sentence back and a changed wording cannot make a note disappear.
 *
 * @example
 *   const n: Note = { code: "spc.note.zeroDenominator", values: { periods: ["2020-04"] } };
 *   noteText(n, "da"); // "Nævner 0 i 2020-04: ingen rate kan beregnes, så perioderne vises som huller."
 */

/** Languages of user-visible text: Danish (the default) and English. */
export type Lang = "da" | "en";

/** A value carried by a note: a number (formatted in the reader's language), text, or a list of texts. */
export type NoteValue = string | number | readonly string[];

export interface Note<C extends string = string> {
  readonly code: C;
  readonly values: Readonly<Record<string, NoteValue>>;
}

/** A note of a code with its values. */
export function note<C extends string>(code: C, values: Readonly<Record<string, NoteValue>> = {}): Note<C> {
  return { code, values };
}
