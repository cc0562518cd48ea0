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
 * 3. the placebo: non-adopting clusters with a change of the same kind, and a caution naming every
 *    non-adopting cluster whose placebo interval excludes 1 in either direction (a warning about
 *    the design; with 95 % intervals it also happens by chance in about 1 in 20 placebos);
 * 4. the staggered difference-in-differences estimate over all clusters, and a caution when its
 *    pre-trend placebo interval excludes 1;
 * 5. of the implementation keys each cluster chose, the share in place, on average, where there
 *    was an effect and elsewhere (never a count out of seven: the keys are a selection, seed 003);
 * 6. push of the spread platform and pull of each receiver (both must be present — seed 003);
 * 7. cautions: fewer than 5 adopting clusters (cluster-level data cannot separate the
 *    intervention from other local changes), and clusters with fewer than `minEvents` (default
 *    100) events since the start.
 */
import { indicatorRowsOf } from "./interventionIndicatorRows.js";
import type { TripleAimInput } from "./interventionIndicatorRows.js";
import { implementationKeysAt } from "./implementationKeysAt.js";
import { interventionEffect } from "./interventionEffect.js";
import type { EffectClass, InterventionEffectOptions, InterventionEffectResult, InterventionEffectRow } from "./interventionEffect.js";
import type { Incentive, Intervention, LocalAdaptation, ProtectedByReceiver } from "./interventionSchema.js";
import type { SpreadFinding } from "./spreadFindings.js";
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
  /** The local adaptations as recorded, and what the receiver protected (seed 003, fig. 1). */
  readonly adaptationDetails: readonly LocalAdaptation[];
  readonly protected: ProtectedByReceiver | null;
  /** The receiver's pull (seed 003). */
  readonly pull: readonly Incentive[];
  /** Keys the adoption chose (assessed with any state but not_chosen), and of those the ones in place / emerging. */
  readonly keysChosen: readonly ImplementationKey[];
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
  /** Pull incentives: the spread platform's plus every receiver's. */
  readonly pull: number;
  /** The findings as codes and values (text: spreadFindingText). */
  readonly findings: readonly SpreadFinding[];
  readonly effects: InterventionEffectResult;
}

const mean = (xs: readonly number[]): number => xs.reduce((a, b) => a + b, 0) / xs.length;

/**
 * @example spreadPotential(frail, indicatorRows).findings.map((f) => spreadFindingText(f, "da")).join(". ")
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
    if (a.municipality !== undefined || a.hospital !== undefined || seen.has(a.cluster)) continue;
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
      adaptationDetails: a.adaptations,
      protected: a.protected ?? null,
      pull: a.pull,
      keysChosen: IMPLEMENTATION_KEYS.filter((k) => keys[k] !== null && keys[k]?.state !== "not_chosen"),
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
      adaptationDetails: [],
      protected: null,
      pull: [],
      keysChosen: [],
      keysInPlace: [],
      keysEmerging: [],
    });
  }

  const push = intervention.spread_platform?.push.length ?? 0;
  const pull = (intervention.spread_platform?.pull.length ?? 0) + intervention.adoptions.reduce((n, a) => n + a.pull.length, 0);
  const label = new Map(intervention.kernel.map((k) => [k.id, k.description]));
  const findings: SpreadFinding[] = [];
  const adopting = rows.filter((r) => r.adopted);
  if (target === null) findings.push({ code: "no_target" });
  else {
    const hasEffect = (r: SpreadPotentialRow) => r.effect === "improvement";
    const full = adopting.filter((r) => r.fullFidelity);
    findings.push({ code: "effect", withEffect: adopting.filter(hasEffect).map((r) => r.cluster), adopting: adopting.length, fullWithEffect: full.filter(hasEffect).length, full: full.length });
    for (const k of kernelIds) {
      const weak = adopting.filter((r) => r.weakenedElements.includes(k));
      if (weak.length > 0) findings.push({ code: "dropped", element: label.get(k) ?? k, units: weak.map((r) => r.cluster), withEffect: weak.filter(hasEffect).length });
    }
    const comparison = rows.filter((r) => !r.adopted);
    if (comparison.length > 0) findings.push({ code: "comparison", changed: comparison.filter(hasEffect).length, n: comparison.length });
    const placeboChange = mine.filter((r) => r.role === "comparison" && r.warning === "placebo_change").map((r) => r.unit);
    if (placeboChange.length > 0) findings.push({ code: "placebo_change", units: placeboChange });
    if (did && did.rateRatio !== null && did.lower !== null && did.upper !== null) {
      findings.push({ code: "did", rateRatio: did.rateRatio, lower: did.lower, upper: did.upper });
      const pre = did.preTrend;
      if (pre && (pre.lower > 1 || pre.upper < 1)) findings.push({ code: "pre_trend", rateRatio: pre.rateRatio, lower: pre.lower, upper: pre.upper });
    }
    const share = (r: SpreadPotentialRow) => (r.keysChosen.length === 0 ? null : r.keysInPlace.length / r.keysChosen.length);
    const shares = (xs: readonly SpreadPotentialRow[]) => xs.map(share).filter((x): x is number => x !== null);
    const withE = shares(adopting.filter(hasEffect));
    const without = shares(adopting.filter((r) => !hasEffect(r)));
    if (withE.length > 0 && without.length > 0) findings.push({ code: "keys", withEffect: mean(withE), without: mean(without) });
    if (adopting.length < 5) findings.push({ code: "few_clusters", n: adopting.length });
    const minEvents = options.minEvents ?? 100;
    const small = adopting.filter((r) => r.events !== null && r.events < minEvents).map((r) => r.cluster);
    if (small.length > 0) findings.push({ code: "small_numbers", units: small, min: minEvents });
  }
  findings.push({ code: "push_pull", push, pull, withoutPull: adopting.filter((r) => r.pull.length === 0).map((r) => r.cluster) });
  return { intervention: intervention.id, target, rows, did, push, pull, findings, effects };
}
