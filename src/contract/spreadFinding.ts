/**
 * The findings of the spread analysis (spread potential, pilots, programmes, Triple Aim status) as
 * codes with values. The spread layer makes them; their wording in Danish and English is in the one
 * text catalogue (src/text/spreadFindingTexts.ts), so no layer parses a sentence back.
 */

export type SpreadFinding =
  | { readonly code: "no_target" }
  | { readonly code: "effect"; readonly withEffect: readonly string[]; readonly adopting: number; readonly fullWithEffect: number; readonly full: number }
  | { readonly code: "dropped"; readonly element: string; readonly units: readonly string[]; readonly withEffect: number }
  | { readonly code: "comparison"; readonly changed: number; readonly n: number }
  /** Non-adopting clusters whose placebo interval excludes 1 (interventionEffect warning "placebo_change"). */
  | { readonly code: "placebo_change"; readonly units: readonly string[] }
  | { readonly code: "did"; readonly rateRatio: number; readonly lower: number; readonly upper: number }
  | { readonly code: "pre_trend"; readonly rateRatio: number; readonly lower: number; readonly upper: number }
  | { readonly code: "keys"; readonly withEffect: number; readonly without: number }
  | { readonly code: "few_clusters"; readonly n: number }
  | { readonly code: "small_numbers"; readonly units: readonly string[]; readonly min: number }
  | { readonly code: "push_pull"; readonly push: number; readonly pull: number; readonly withoutPull: readonly string[] }
  | { readonly code: "pilot_scope" }
  | {
      readonly code: "status_target";
      /** The target's id; shown as its measure and group when `indicator` and `group` are given. */
      readonly target: string;
      readonly indicator?: string;
      readonly group?: string;
      readonly relative: number | null;
      readonly value: number | null;
      readonly deadline: string;
      readonly met: readonly string[];
      readonly onTrack: readonly string[];
      readonly notMet: readonly string[];
      readonly unmeasurable: readonly string[];
      readonly adopting: number;
      readonly comparisonReached: readonly string[];
      readonly comparison: number;
    }
  | { readonly code: "status_no_data"; readonly target: string; readonly indicator?: string; readonly group?: string }
  | { readonly code: "programme_caveat"; readonly clusters: number };

export type SpreadFindingCode = SpreadFinding["code"];
/** The findings of tripleAimStatus: one per target. */
export type StatusFinding = Extract<SpreadFinding, { readonly code: "status_target" | "status_no_data" }>;
