/**
 * Audit of published tables the way statistical offices do (τ-Argus, sdcTable; Hundepool, A. et
 * al. (2012), Statistical Disclosure Control, Wiley, ch. 4): for every hidden count, the interval
 * of values consistent with everything published — the published counts, the additive relations
 * of the disclosure model (disclosureModel.ts), numerator ≤ denominator, and counts ≥ 0 — found by
 * two linear programs (minimise and maximise the count). A count is protected when that interval
 * is at least `minCount` wide; exact recovery is width 0.
 *
 * Each connected set of hidden counts is one linear system, solved by lpRanges.ts (HiGHS, the
 * npm package `highs`) — the same routine the decision uses to check itself (suppressTable.ts).
 */
import { minCountOf } from "./indicatorOptions.js";
import { disclosureModel, type ModelOptions } from "./disclosureModel.js";
import { lpRanges, type HighsLike, type LpSet } from "./lpRanges.js";
import type { IndicatorRow } from "./table.js";

export interface AuditOptions extends ModelOptions {
  /** Protection required: the interval of every hidden count at least this wide (default 5). */
  readonly minCount?: number;
  /**
   * The true table (same rows, not suppressed), when the publisher audits its own output: the
   * true values are a feasible point, used to certify wide intervals sooner. Never needed.
   */
  readonly truth?: readonly IndicatorRow[];
  /** Called per connected set of hidden counts solved (its size, programs so far). */
  readonly onProgress?: (p: { component: number; programs: number }) => void;
}

/** One hidden count and its feasible interval (no true value: safe to print). */
export interface AuditedCell {
  /** quantity|level|unit|period|group|sex */
  readonly cell: string;
  readonly lower: number;
  /** Infinity when unbounded. */
  readonly upper: number;
}

export interface AuditResult {
  readonly minCount: number;
  /** Hidden counts audited. */
  readonly hiddenCells: number;
  /** Connected sets of hidden counts, and the largest. */
  readonly components: number;
  readonly largestComponent: number;
  /** Linear programs solved. */
  readonly programs: number;
  /**
   * The hidden count with the narrowest interval: lower/upper as proved when it is narrower than
   * minCount; when every count is at least that wide, the narrowest interval the solver happened
   * to see (an inner bound, lpRanges.ts).
   */
  readonly narrowest: AuditedCell | null;
  /** Every hidden count whose interval is narrower than minCount. */
  readonly unprotected: readonly AuditedCell[];
  readonly milliseconds: number;
}

type HighsModule = typeof import("highs");
let loader: Promise<Awaited<ReturnType<HighsModule["default"]>>> | null = null;
async function highsRuntime(): Promise<Awaited<ReturnType<HighsModule["default"]>>> {
  if (loader === null) {
    loader = import("highs").then((m) => {
      const load = ((m as unknown as { default?: HighsModule["default"] }).default ?? (m as unknown as HighsModule["default"])) as HighsModule["default"];
      return load();
    });
  }
  return loader;
}

/**
 * The feasible interval of every hidden count of published tables (rows with a null numerator),
 * with the LP solver HiGHS.
 * @example const audit = await auditDisclosure(computeIndicators(dataset), { clusterOf }); audit.unprotected.length === 0
 */
export async function auditDisclosure(published: readonly IndicatorRow[], options: AuditOptions = {}): Promise<AuditResult> {
  const started = performance.now();
  const minCount = minCountOf(options.minCount);
  const model = disclosureModel(published, { ...options, checkSums: true });
  const { value, relations: rel } = model;
  const n = model.cellCount;
  let truth: Float64Array | null = null;
  if (options.truth) {
    if (options.truth.length !== published.length) throw new RangeError("auditDisclosure: truth must have the rows of the published table, in the same order");
    const t = disclosureModel(options.truth, { ...options, checkSums: false });
    truth = t.value;
  }
  // Unknowns and their constraints: relations (=) and numerator ≤ denominator (≤).
  const varOf = new Int32Array(n).fill(-1);
  const cells: number[] = [];
  for (let c = 0; c < n; c++) if (Number.isNaN(value[c])) {
    varOf[c] = cells.length;
    cells.push(c);
  }
  const V = cells.length;
  // union-find over unknowns
  const up = new Int32Array(V).map((_, i) => i);
  const find = (x: number): number => {
    while (up[x] !== x) x = up[x] = up[up[x]];
    return x;
  };
  const unite = (a: number, b: number) => {
    const x = find(a);
    const y = find(b);
    if (x !== y) up[Math.max(x, y)] = Math.min(x, y);
  };
  const constraints: Constraint[] = [];
  const addConstraint = (members: [number, number][], equal: boolean): void => {
    const vars: number[] = [];
    const coef: number[] = [];
    let rhs = 0;
    for (const [c, s] of members) {
      if (varOf[c] >= 0) {
        vars.push(varOf[c]);
        coef.push(s);
      } else rhs -= s * value[c];
    }
    if (vars.length === 0) return;
    for (let i = 1; i < vars.length; i++) unite(vars[0], vars[i]);
    constraints.push({ vars, coef, lo: equal ? rhs : -Infinity, hi: rhs });
  };
  for (let r = 0; r < rel.count; r++) {
    const members: [number, number][] = [[rel.parent[r], -1]];
    for (let x = rel.off[r]; x < rel.off[r + 1]; x++) members.push([rel.child[x], 1]);
    addConstraint(members, true);
  }
  const seenPair = new Set<string>();
  for (let i = 0; i < published.length; i++) {
    const a = model.rowNumerator[i];
    const b = model.rowDenominator[i];
    if (a < 0 || b < 0 || (varOf[a] < 0 && varOf[b] < 0)) continue;
    const key = `${a}|${b}`;
    if (seenPair.has(key)) continue;
    seenPair.add(key);
    addConstraint([[a, 1], [b, -1]], false);
  }
  // components
  const compOf = new Map<number, number[]>();
  for (let v = 0; v < V; v++) {
    const root = find(v);
    let list = compOf.get(root);
    if (!list) compOf.set(root, (list = []));
    list.push(v);
  }
  const consOf = new Map<number, Constraint[]>();
  for (const k of constraints) {
    const root = find(k.vars[0]);
    let list = consOf.get(root);
    if (!list) consOf.set(root, (list = []));
    list.push(k);
  }
  const lower = new Float64Array(V).fill(Number.NaN);
  const upper = new Float64Array(V).fill(Number.NaN);
  let programs = 0;
  let largest = 0;
  const highs = compOf.size > 0 ? await highsRuntime() : null;
  for (const [root, vars] of compOf) {
    largest = Math.max(largest, vars.length);
    const set = lpSetOf(vars, consOf.get(root) ?? [], truth ? Float64Array.from(vars, (v) => (truth as Float64Array)[cells[v]]) : undefined);
    const ranges = lpRanges(highs as HighsLike, set, minCount);
    programs += ranges.programs;
    vars.forEach((v, j) => {
      lower[v] = ranges.lower[j];
      upper[v] = ranges.upper[j];
    });
    options.onProgress?.({ component: vars.length, programs });
  }
  const unprotected: AuditedCell[] = [];
  let narrowest: AuditedCell | null = null;
  for (let v = 0; v < V; v++) {
    const lo = lower[v];
    const hi = upper[v];
    const cell: AuditedCell = { cell: model.label(cells[v]), lower: clean(lo), upper: clean(hi) };
    if (narrowest === null || hi - lo < narrowest.upper - narrowest.lower) narrowest = cell;
    if (hi - lo < minCount - 1e-6) unprotected.push(cell);
  }
  return {
    minCount,
    hiddenCells: V,
    components: compOf.size,
    largestComponent: largest,
    programs,
    narrowest,
    unprotected,
    milliseconds: performance.now() - started,
  };
}

/** Round solver noise (1e-9) away. */
function clean(x: number): number {
  if (!Number.isFinite(x)) return x;
  const r = Math.round(x);
  return Math.abs(x - r) < 1e-6 ? r : x;
}

/** One linear constraint over unknowns: lo ≤ Σ coef·x ≤ hi. */
interface Constraint {
  readonly vars: number[];
  readonly coef: number[];
  readonly lo: number;
  readonly hi: number;
}

/** The linear system of one connected set of unknowns (`vars`, global numbers) for lpRanges. */
function lpSetOf(vars: readonly number[], cons: readonly Constraint[], point: Float64Array | undefined): LpSet {
  const local = new Map(vars.map((v, j) => [v, j] as const));
  const starts: number[] = [0];
  const indices: number[] = [];
  const values: number[] = [];
  for (const k of cons) {
    k.vars.forEach((v, i) => {
      indices.push(local.get(v) as number);
      values.push(k.coef[i]);
    });
    starts.push(indices.length);
  }
  return {
    columns: vars.length,
    rowLower: Float64Array.from(cons, (k) => k.lo),
    rowUpper: Float64Array.from(cons, (k) => k.hi),
    starts: Int32Array.from(starts),
    indices: Int32Array.from(indices),
    values: Float64Array.from(values),
    point,
  };
}
