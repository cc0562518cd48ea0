/**
 * The state of each of the seven implementation keys (seed 003) of one adoption on a date: for
 * each key, its latest assessment on or before the date (a key left out of a later assessment
 * keeps its earlier state). Null for a key never assessed by then.
 */
import type { Adoption } from "./interventionSchema.js";
import { IMPLEMENTATION_KEYS } from "./vocabulary.js";
import type { ImplementationKey, KeyState } from "./vocabulary.js";

export interface ImplementationKeyState {
  readonly state: KeyState;
  /** Date of the assessment the state comes from. */
  readonly assessed: string;
  readonly note: string | null;
}

/**
 * @param at date YYYY-MM-DD; default: after the last assessment.
 * @example implementationKeysAt(adoption, "2020-01-01").leadership?.state
 */
export function implementationKeysAt(
  adoption: Adoption,
  at?: string,
): Readonly<Record<ImplementationKey, ImplementationKeyState | null>> {
  const out = Object.fromEntries(IMPLEMENTATION_KEYS.map((k) => [k, null])) as Record<ImplementationKey, ImplementationKeyState | null>;
  const rounds = [...adoption.key_assessments].sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
  for (const r of rounds) {
    if (at !== undefined && r.date > at) break;
    for (const k of IMPLEMENTATION_KEYS) {
      const e = r.keys[k];
      if (e) out[k] = { state: e.state, assessed: r.date, note: e.note ?? null };
    }
  }
  return out;
}
