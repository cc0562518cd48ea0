/**
 * The programme level: local initiatives under one common frame (seed 001: "Klyngerne får til
 * opgave at videreudvikle eksisterende initiativer eller udvikle og afprøve nye løsninger. Dette
 * foregår i en fælles ramme …"; the project group must "skabe overblik over igangsatte
 * initiativer" and learn "hvilke indsatser, der har bedst effekt").
 *
 * One row per initiative × adopter (cluster, municipality or hospital): start, phase, the
 * initiative's primary target (its first target with data), the effect on it with its interval
 * (the adopter's ITS row of interventionEffect for a cluster, of pilotEffect for a municipality or
 * hospital — the estimators' own intervals), the Triple Aim status of that target, and the cost per
 * avoided event when the adoption records its cost. Initiatives not yet started at `options.at`
 * are listed with phase and start only.
 * The findings always carry the caveat that the clusters' data cannot separate one initiative's
 * effect from other local changes (several initiatives run in the same cluster at the same time).
 */
import type { Dataset } from "../contract/dataset.js";
import type { GeographyRow } from "../contract/tables.js";
import type { IndicatorRow } from "../indicators/index.js";
import { costPerAvoided } from "./costPerAvoided.js";
import type { CostPerAvoided } from "./costPerAvoided.js";
import { interventionEffect } from "./interventionEffect.js";
import type { EffectClass, InterventionEffectOptions, InterventionEffectRow } from "./interventionEffect.js";
import { interventionIndicatorRows } from "./interventionIndicatorRows.js";
import type { Intervention } from "./interventionSchema.js";
import { pilotEffect } from "./pilotEffect.js";
import type { SpreadFinding } from "./spreadFindings.js";
import { tripleAimStatus } from "./tripleAimStatus.js";
import type { TripleAimStatusCode, TripleAimStatusRow } from "./tripleAimStatus.js";
import type { InterventionPhase, TripleAimTargetDimension } from "./vocabulary.js";

export interface ProgrammeOverviewOptions extends InterventionEffectOptions {
  /** Geography (needed for pilots when the input is an indicator table). */
  readonly geography?: readonly GeographyRow[];
  /**
   * Input of the pilots' analysis when it differs from `input` (e.g. the dataset, so that
   * municipality-level counts are not suppressed before they are summed); default `input`.
   */
  readonly pilotInput?: Dataset | readonly IndicatorRow[];
}

export interface ProgrammeOverviewRow {
  readonly programme: string;
  readonly initiative: string;
  readonly initiativeName: string;
  readonly adopterKind: "cluster" | "municipality" | "hospital";
  /** Cluster name, municipality code as text, or hospital unit. */
  readonly adopter: string;
  readonly cluster: string;
  readonly start: string;
  readonly started: boolean;
  readonly phase: InterventionPhase;
  readonly target: string | null;
  readonly indicator: string | null;
  readonly group: string | null;
  readonly dimension: TripleAimTargetDimension | null;
  readonly rateRatio: number | null;
  readonly lower: number | null;
  readonly upper: number | null;
  readonly effect: EffectClass;
  readonly status: TripleAimStatusCode | null;
  readonly change: number | null;
  readonly cost: CostPerAvoided | null;
  readonly illustrative: boolean;
}

export interface ProgrammeOverview {
  readonly programme: string;
  readonly rows: readonly ProgrammeOverviewRow[];
  readonly findings: readonly SpreadFinding[];
}

/**
 * @param initiatives every intervention of the folder (those with `programme: <id>` are used)
 * @example programmeOverview(frame, set.interventions, dataset).rows
 */
export function programmeOverview(
  programme: Intervention,
  initiatives: readonly Intervention[],
  input: Dataset | readonly IndicatorRow[],
  options: ProgrammeOverviewOptions = {},
): ProgrammeOverview {
  const mine = initiatives.filter((iv) => iv.programme === programme.id && iv.kind === "intervention");
  const isTable = Array.isArray(input);
  const geography = options.geography ?? (isTable ? undefined : (input as Dataset).geography);
  const rows: ProgrammeOverviewRow[] = [];
  const clusters = new Set<string>(geography?.map((g) => g.cluster) ?? []);
  for (const iv of mine) {
    const hasPilot = iv.adoptions.some((a) => a.municipality !== undefined || a.hospital !== undefined);
    const hasCluster = iv.adoptions.some((a) => a.municipality === undefined && a.hospital === undefined);
    const clusterRows = isTable ? (input as readonly IndicatorRow[]) : hasCluster ? interventionIndicatorRows(iv, input as Dataset) : [];
    const effect = hasCluster ? interventionEffect(iv, clusterRows, options) : null;
    const status = hasCluster ? tripleAimStatus(iv, clusterRows, options.at !== undefined ? { at: options.at } : {}) : null;
    const pilots = hasPilot && geography !== undefined ? pilotEffect(iv, options.pilotInput ?? input, { ...options, geography }) : [];
    const withRows = new Set([...(effect?.rows ?? []), ...pilots.flatMap((p) => p.effect.rows)].map((r) => r.target));
    const target = iv.targets.find((t) => withRows.has(t.id)) ?? iv.targets[0] ?? null;
    iv.adoptions.forEach((a, i) => {
      if (a.municipality === undefined && a.hospital === undefined) clusters.add(a.cluster);
      const pilot = pilots.find((p) => p.pilot.adoption === i);
      const unit = pilot ? pilot.pilot.unit : a.cluster;
      const effectRows = pilot ? pilot.effect.rows : (effect?.rows ?? []);
      const statusRows = pilot ? pilot.status.rows : (status?.rows ?? []);
      const e: InterventionEffectRow | undefined = effectRows.find((r) => r.target === target?.id && r.unit === unit && r.role === "adopting" && r.method === "its");
      const s: TripleAimStatusRow | undefined = statusRows.find((r) => r.target === target?.id && r.unit === unit && r.role === "adopting");
      const started = options.at === undefined || a.start <= options.at;
      rows.push({
        programme: programme.id,
        initiative: iv.id,
        initiativeName: iv.name,
        adopterKind: a.municipality !== undefined ? "municipality" : a.hospital !== undefined ? "hospital" : "cluster",
        adopter: unit,
        cluster: a.cluster,
        start: a.start,
        started,
        phase: a.phase,
        target: target?.id ?? null,
        indicator: target?.indicator ?? null,
        group: target?.group ?? null,
        dimension: target?.dimension ?? null,
        rateRatio: started ? (e?.rateRatio ?? null) : null,
        lower: started ? (e?.lower ?? null) : null,
        upper: started ? (e?.upper ?? null) : null,
        effect: started ? (e?.effect ?? "not_estimable") : "not_estimable",
        status: started ? (s?.status ?? null) : null,
        change: started ? (s?.change ?? null) : null,
        cost: started && e !== undefined && a.cost !== undefined ? costPerAvoided(e, a.cost) : null,
        illustrative: a.illustrative === true,
      });
    });
  }
  return { programme: programme.id, rows, findings: [{ code: "programme_caveat", clusters: Math.max(clusters.size, 1) }] };
}
