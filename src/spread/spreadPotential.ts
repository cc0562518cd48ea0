/**
 * Potential for spread ("potentialet for spredning", seed 003, phase 2): one row per cluster —
 * adopting and not — with the effect on the primary target (interval and class, from
 * interventionEffect: ITS per cluster, a placebo ITS in non-adopting clusters), kernel fidelity,
 * local adaptations, implementation keys in place and the spread platform; and a plain-language
 * summary of what the evidence supports.
 *
 * Primary target: `options.target`, else the first target whose indicator is a count and has data.
 * Summary rules (each sentence only when it applies):
 * 1. effect (interval wholly on the better side of 1) in k of n adopting clusters, and among the
 *    clusters that kept every kernel element;
 * 2. for each kernel element dropped or kept only partly somewhere: the effect where that happened;
 * 3. the placebo: non-adopting clusters with a change of the same kind;
 * 4. the staggered difference-in-differences estimate over all clusters, and a caution when its
 *    pre-trend placebo interval excludes 1;
 * 5. implementation keys in place, on average, where there was an effect and elsewhere;
 * 6. push and pull of the spread platform (both must be present — seed 003);
 * 7. cautions: fewer than 5 adopting clusters (cluster-level data cannot separate the
 *    intervention from other local changes), and clusters with fewer than `minEvents` (default
 *    100) events since the start.
 */
import { indicatorRowsOf } from "./interventionIndicatorRows.js";
import type { TripleAimInput } from "./interventionIndicatorRows.js";
import { implementationKeysAt } from "./implementationKeysAt.js";
import { interventionEffect } from "./interventionEffect.js";
import type { EffectClass, InterventionEffectOptions, InterventionEffectResult, InterventionEffectRow } from "./interventionEffect.js";
import type { Intervention } from "./interventionSchema.js";
import { SPREAD_ANALYSIS_MESSAGES as M } from "./messages.js";
import { IMPLEMENTATION_KEYS } from "./vocabulary.js";
import type { ImplementationKey, InterventionPhase } from "./vocabulary.js";

export interface SpreadPotentialOptions extends InterventionEffectOptions {
  /** Id of the primary target (default: the first target with count data). */
  readonly target?: string;
  /** Events since the start below which a cluster's numbers count as small (default 100). */
  readonly minEvents?: number;
}

export interface SpreadPotentialRow {
  readonly intervention: string;
  readonly cluster: string;
  readonly adopted: boolean;
  readonly start: string | null;
  readonly phase: InterventionPhase | null;
  readonly target: string | null;
  readonly rateRatio: number | null;
  readonly lower: number | null;
  readonly upper: number | null;
  readonly effect: EffectClass;
  readonly events: number | null;
  readonly fidelityKept: number;
  readonly fidelityPartly: number;
  readonly fidelityNotKept: number;
  readonly fidelityNotRecorded: number;
  /** Every kernel element recorded as kept. */
  readonly fullFidelity: boolean;
  /** Kernel elements not kept or kept only partly. */
  readonly weakenedElements: readonly string[];
  /** "dimension: what" of each local adaptation. */
  readonly adaptations: readonly string[];
  readonly keysInPlace: readonly ImplementationKey[];
  readonly keysEmerging: readonly ImplementationKey[];
}

export interface SpreadPotentialResult {
  readonly intervention: string;
  readonly target: string | null;
  readonly rows: readonly SpreadPotentialRow[];
  /** The staggered DiD row of the primary target, or null. */
  readonly did: InterventionEffectRow | null;
  readonly push: number;
  readonly pull: number;
  readonly summary: readonly string[];
  readonly effects: InterventionEffectResult;
}

const mean = (xs: readonly number[]): number => xs.reduce((a, b) => a + b, 0) / xs.length;

/**
 * @example spreadPotential(frail, indicatorRows).summary.join(" ")
 */
export function spreadPotential(
  intervention: Intervention,
  input: TripleAimInput,
  options: SpreadPotentialOptions = {},
): SpreadPotentialResult {
  const effects = interventionEffect(intervention, indicatorRowsOf(intervention, input, options.targets), options);
  const withRows = new Set(effects.rows.map((r) => r.target));
  const target = options.target ?? intervention.targets.find((t) => withRows.has(t.id))?.id ?? null;
  const mine = effects.rows.filter((r) => r.target === target);
  const did = mine.find((r) => r.method === "staggered_did") ?? null;
  const kernelIds = intervention.kernel.map((k) => k.id);

  const rows: SpreadPotentialRow[] = [];
  const seen = new Set<string>();
  for (const a of intervention.adoptions) {
    if (a.municipality !== undefined || seen.has(a.cluster)) continue;
    seen.add(a.cluster);
    const e = mine.find((r) => r.unit === a.cluster && r.role === "adopting");
    const fid = new Map(a.fidelity.map((f) => [f.element, f.state]));
    const count = (s: string) => kernelIds.filter((k) => fid.get(k) === s).length;
    const keys = implementationKeysAt(a, options.at);
    rows.push({
      intervention: intervention.id,
      cluster: a.cluster,
      adopted: true,
      start: a.start,
      phase: a.phase,
      target,
      rateRatio: e?.rateRatio ?? null,
      lower: e?.lower ?? null,
      upper: e?.upper ?? null,
      effect: e?.effect ?? "not_estimable",
      events: e?.events ?? null,
      fidelityKept: count("kept"),
      fidelityPartly: count("partly"),
      fidelityNotKept: count("not_kept"),
      fidelityNotRecorded: kernelIds.filter((k) => !fid.has(k)).length,
      fullFidelity: kernelIds.every((k) => fid.get(k) === "kept"),
      weakenedElements: kernelIds.filter((k) => fid.get(k) === "partly" || fid.get(k) === "not_kept"),
      adaptations: a.adaptations.map((ad) => `${ad.dimension}: ${ad.what}`),
      keysInPlace: IMPLEMENTATION_KEYS.filter((k) => keys[k]?.state === "in_place"),
      keysEmerging: IMPLEMENTATION_KEYS.filter((k) => keys[k]?.state === "emerging"),
    });
  }
  for (const e of mine.filter((r) => r.role === "comparison")) {
    rows.push({
      intervention: intervention.id,
      cluster: e.unit,
      adopted: false,
      start: null,
      phase: null,
      target,
      rateRatio: e.rateRatio,
      lower: e.lower,
      upper: e.upper,
      effect: e.effect,
      events: e.events,
      fidelityKept: 0,
      fidelityPartly: 0,
      fidelityNotKept: 0,
      fidelityNotRecorded: kernelIds.length,
      fullFidelity: false,
      weakenedElements: [],
      adaptations: [],
      keysInPlace: [],
      keysEmerging: [],
    });
  }

  const push = intervention.spread_platform?.push.length ?? 0;
  const pull = intervention.spread_platform?.pull.length ?? 0;
  const summary: string[] = [];
  if (target === null) summary.push(M.potential_no_target());
  else {
    const adopting = rows.filter((r) => r.adopted);
    const hasEffect = (r: SpreadPotentialRow) => r.effect === "improvement";
    const full = adopting.filter((r) => r.fullFidelity);
    summary.push(M.potential_effect(adopting.filter(hasEffect).map((r) => r.cluster), adopting.length, full.filter(hasEffect).length, full.length));
    for (const k of kernelIds) {
      const weak = adopting.filter((r) => r.weakenedElements.includes(k));
      if (weak.length > 0) summary.push(M.potential_dropped(k, weak.map((r) => r.cluster), weak.filter(hasEffect).length));
    }
    const comparison = rows.filter((r) => !r.adopted);
    if (comparison.length > 0) summary.push(M.potential_comparison(comparison.filter(hasEffect).length, comparison.length));
    if (did && did.rateRatio !== null && did.lower !== null && did.upper !== null) {
      summary.push(M.potential_did(did.rateRatio, did.lower, did.upper));
      const pre = did.preTrend;
      if (pre && (pre.lower > 1 || pre.upper < 1)) summary.push(M.potential_pre_trend(pre.rateRatio, pre.lower, pre.upper));
    }
    const withE = adopting.filter(hasEffect);
    const without = adopting.filter((r) => !hasEffect(r));
    if (withE.length > 0 && without.length > 0)
      summary.push(M.potential_keys(mean(withE.map((r) => r.keysInPlace.length)), mean(without.map((r) => r.keysInPlace.length))));
    if (adopting.length < 5) summary.push(M.potential_few_clusters(adopting.length));
    const minEvents = options.minEvents ?? 100;
    const small = adopting.filter((r) => r.events !== null && r.events < minEvents).map((r) => r.cluster);
    if (small.length > 0) summary.push(M.potential_small_numbers(small, minEvents));
  }
  summary.push(M.potential_push_pull(push, pull));
  return { intervention: intervention.id, target, rows, did, push, pull, summary, effects };
}
