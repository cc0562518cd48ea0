/** Shared result shapes of the stats layer. */
import type { Note } from "../contract/note.js";

/** An interval at one confidence level (a fraction such as 0.95). */
export interface Interval {
  readonly level: number;
  readonly lower: number | null;
  readonly upper: number | null;
}

/**
 * A point estimate with intervals. `lower`/`upper` repeat the interval at the first level asked for;
 * `intervals` holds every level in the order asked. `value` is null (with a `note` saying why) when
 * the estimate is not computed, e.g. a DSR with fewer than 10 events. The note is a code plus
 * values ("stats.note.dsrTooFewEvents", { observed: 9, min: 10 }); show it with `noteText(note, lang)`.
 */
export interface Estimate {
  readonly value: number | null;
  readonly lower: number | null;
  readonly upper: number | null;
  readonly method: string;
  readonly note?: Note;
  readonly intervals: readonly Interval[];
}

/** Confidence level(s) as fractions in (0, 1): 0.95, 0.998, or [0.95, 0.998]. Default 0.95. */
export interface LevelOptions {
  readonly level?: number | readonly number[];
}
