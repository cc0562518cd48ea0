/**
 * The spread matrix: adopters (clusters or municipalities) × the intervention's kernel elements
 * and the seven implementation keys, with the adoption's phase, fidelity to each kernel element
 * and the state of each key — a tidy table (one row per cell) for the chart the report draws.
 *
 * Rows: every adoption of each intervention, plus every cluster of `options.clusters` (default:
 * the intervention's target-population clusters) that has no adoption, shown as "not_adopted".
 * With `options.at`, an adoption that starts after that date counts as not adopted yet, and key
 * states are those of `implementationKeysAt(adoption, at)`. Fidelity has no date: the recorded
 * fidelity is the current one.
 */
import { implementationKeysAt } from "./implementationKeysAt.js";
import type { Adoption, Intervention } from "./interventionSchema.js";
import { IMPLEMENTATION_KEYS, IMPLEMENTATION_KEY_LABELS } from "./vocabulary.js";
import type { FidelityState, InterventionPhase, KernelDimension, KeyState } from "./vocabulary.js";

export type SpreadMatrixState = FidelityState | KeyState | "not_recorded" | "not_adopted";

export interface SpreadMatrixColumn {
  readonly intervention: string;
  readonly kind: "kernel" | "key";
  readonly id: string;
  readonly label: string;
  /** Kernel dimension; null for implementation keys. */
  readonly dimension: KernelDimension | null;
  readonly order: number;
}

export interface SpreadMatrixCell {
  readonly intervention: string;
  /** Row label: the cluster, or "cluster / municipality code". */
  readonly unit: string;
  readonly cluster: string;
  readonly municipality: number | null;
  readonly adopted: boolean;
  readonly start: string | null;
  readonly phase: InterventionPhase | null;
  readonly kind: "kernel" | "key";
  readonly column: string;
  readonly label: string;
  readonly order: number;
  readonly state: SpreadMatrixState;
  /** Date of the key assessment the state comes from (keys only). */
  readonly assessed: string | null;
  readonly note: string | null;
}

export interface SpreadMatrixOptions {
  /** Date YYYY-MM-DD at which to read the matrix; default: everything recorded. */
  readonly at?: string;
  /** Clusters to show even without an adoption; default: each intervention's target-population clusters. */
  readonly clusters?: readonly string[];
  /** Label language of the implementation keys. Default "en". */
  readonly language?: "en" | "da";
  /** Row label of an adoption (default: the cluster, "cluster / municipality code" or "cluster / hospital"). */
  readonly unitName?: (adoption: Adoption) => string;
}

export interface SpreadMatrix {
  readonly columns: readonly SpreadMatrixColumn[];
  /** Row labels in order, per intervention. */
  readonly units: readonly { readonly intervention: string; readonly unit: string; readonly adopted: boolean }[];
  readonly cells: readonly SpreadMatrixCell[];
}

/**
 * @example spreadMatrix(frail, { at: "2019-12-31" }).cells.filter((c) => c.unit === "Midt")
 */
export function spreadMatrix(input: Intervention | readonly Intervention[], options: SpreadMatrixOptions = {}): SpreadMatrix {
  const list: readonly Intervention[] = Array.isArray(input) ? input : [input as Intervention];
  const lang = options.language ?? "en";
  const columns: SpreadMatrixColumn[] = [];
  const units: { intervention: string; unit: string; adopted: boolean }[] = [];
  const cells: SpreadMatrixCell[] = [];
  for (const iv of list) {
    const cols: SpreadMatrixColumn[] = [
      ...iv.kernel.map((k, i) => ({ intervention: iv.id, kind: "kernel" as const, id: k.id, label: k.description, dimension: k.dimension, order: i })),
      ...IMPLEMENTATION_KEYS.map((k, i) => ({
        intervention: iv.id,
        kind: "key" as const,
        id: k,
        label: IMPLEMENTATION_KEY_LABELS[k][lang],
        dimension: null,
        order: iv.kernel.length + i,
      })),
    ];
    columns.push(...cols);
    const started = (a: Adoption) => options.at === undefined || a.start <= options.at;
    const adoptedClusters = new Set<string>();
    for (const a of iv.adoptions) {
      const unit = options.unitName
        ? options.unitName(a)
        : a.municipality !== undefined
          ? `${a.cluster} / ${a.municipality}`
          : a.hospital !== undefined
            ? `${a.cluster} / ${a.hospital}`
            : a.cluster;
      const adopted = started(a);
      if (adopted) adoptedClusters.add(a.cluster);
      units.push({ intervention: iv.id, unit, adopted });
      const keys = implementationKeysAt(a, options.at);
      const fidelity = new Map(a.fidelity.map((f) => [f.element, f]));
      for (const c of cols) {
        const base = {
          intervention: iv.id,
          unit,
          cluster: a.cluster,
          municipality: a.municipality ?? null,
          adopted,
          start: a.start,
          phase: adopted ? a.phase : null,
          kind: c.kind,
          column: c.id,
          label: c.label,
          order: c.order,
        };
        if (!adopted) cells.push({ ...base, state: "not_adopted", assessed: null, note: null });
        else if (c.kind === "kernel") {
          const f = fidelity.get(c.id);
          cells.push({ ...base, state: f ? f.state : "not_recorded", assessed: null, note: f?.note ?? null });
        } else {
          const k = keys[c.id as keyof typeof keys];
          cells.push({ ...base, state: k ? k.state : "not_recorded", assessed: k?.assessed ?? null, note: k?.note ?? null });
        }
      }
    }
    const others = (options.clusters ?? iv.target_population.clusters).filter(
      (c) => !adoptedClusters.has(c) && !iv.adoptions.some((a) => a.cluster === c),
    );
    // Keys chosen per adoption are read as of `at`; a key never assessed stays "not_recorded".
    for (const cluster of others) {
      units.push({ intervention: iv.id, unit: cluster, adopted: false });
      for (const c of cols)
        cells.push({
          intervention: iv.id,
          unit: cluster,
          cluster,
          municipality: null,
          adopted: false,
          start: null,
          phase: null,
          kind: c.kind,
          column: c.id,
          label: c.label,
          order: c.order,
          state: "not_adopted",
          assessed: null,
          note: null,
        });
    }
  }
  return { columns, units, cells };
}
