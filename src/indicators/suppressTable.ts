/**
 * Statistical disclosure control for the tidy indicator table.
 *
 * Primary suppression: a count below `minCount` (default 5, the usual Danish threshold for small
 * counts) is hidden — a row's numerator, or its denominator when that is a count (proportions and
 * question tables); a rate whose population is below `minCount` is hidden too. Amounts (DKK, e.g.
 * cost_per_citizen) are tested on their population only.
 *
 * Secondary (complementary) suppression works on the counts and relations of the disclosure
 * model (disclosureModel.ts): class by class from coarse to fine (HiTaS-like: de Wolf, P.-P.
 * (2002), HiTaS: a heuristic approach to cell suppression in hierarchical tables, LNCS 2316), a
 * relation that would let a hidden count be recomputed gets more hidden members of the class
 * being decided — until every relation with a hidden member has at least two, and the hidden
 * children of a published total add up to at least `minCount` (so each hidden count can move by
 * the threshold within that relation). The complement is the smallest count of the relation (the
 * least informative: never a large unit when a smaller one protects as well; ties by table
 * order). A class takes its relations in table order, but municipalities → region last: with
 * clusters → region that relation is implied by the cluster relations, and taken first it hides the
 * smallest municipality anywhere in the region, which that municipality's cluster then has to
 * protect again. Earlier (coarser) classes are never changed, so the same cell gets the same fate
 * whatever finer tables a call asks for. Each class checks itself with the LP routine the audit
 * uses (lpRanges.ts: the feasible interval of every hidden count over the relations the class
 * sees, Hundepool et al. 2012, ch. 4), and `auditDisclosure` checks the result on everything
 * published.
 *
 * A row is blank when one of its counts is hidden; its note says why: a small count, or hidden to
 * protect a small number (without saying which).
 */
import { minCountOf } from "./indicatorOptions.js";
import { disclosureModel, type CompactRelations, type DisclosureModel, type ModelOptions } from "./disclosureModel.js";
import { lpRangesSync } from "./lpWorker.js";
import type { LpSet } from "./lpRanges.js";
import { indicatorMessages } from "./messages.js";
import type { IndicatorRow } from "./table.js";

export interface SuppressOptions extends ModelOptions {
  /** Threshold; counts below it are suppressed (default 5; 0 disables). */
  readonly minCount?: number;
  /** Largest connected set of hidden counts solved exactly while deciding (default 200). */
  readonly auditLimit?: number;
  /**
   * Check each decided class with the LP solver, as the audit does (default true): a hidden count
   * that the relations the class sees bound narrower than the threshold — also through a
   * combination of relations that checking them one at a time misses — gets one more complement.
   * Off, only exact recovery (Gaussian elimination) and bounds carried relation by relation are
   * checked: faster, and auditDisclosure may then find narrow intervals on monthly tables.
   */
  readonly exactCheck?: boolean;
}

/** Why a cell is hidden: 0 published, 1 a small count (primary), 2 protecting one (secondary). */
export type CellState = 0 | 1 | 2;

/** Suppression decided on a model: the state of every cell and every row. */
export interface Suppression {
  readonly model: DisclosureModel;
  readonly cellState: Uint8Array;
  readonly rowState: Uint8Array;
  /**
   * Relations and hidden counts that could not be protected by a cell of the class being decided
   * (left as they are: hiding a cell of a class decided before would make its fate depend on the
   * call). The LP audit shows whether any is narrow.
   */
  readonly unresolved: number;
}

/** Row notes: codes with values, the text from the message catalogue. */
export const SUPPRESSION_NOTE = {
  primary: (minCount: number) => indicatorMessages.suppressedSmall(minCount),
  secondary: () => indicatorMessages.suppressedComplement(),
};

/**
 * Decide primary and secondary suppression on a table (see the module comment).
 * @example decideSuppression(rows, { minCount: 5, clusterOf: { "751": "Aarhus" } }).rowState
 */
export function decideSuppression(rows: readonly IndicatorRow[], options: SuppressOptions = {}): Suppression {
  const minCount = minCountOf(options.minCount);
  if (!Number.isInteger(minCount) || minCount < 0) throw new RangeError(indicatorMessages.badMinCount(minCount));
  const model = disclosureModel(rows, options);
  const { value, relations: rel, cellClass, firstRow } = model;
  const state = new Uint8Array(model.cellCount);
  const rowState = new Uint8Array(rows.length);
  if (minCount === 0) return { model, cellState: state, rowState, unresolved: 0 };
  for (let c = 0; c < model.cellCount; c++) if (value[c] < minCount) state[c] = 1;
  // A rate over a population below the threshold hides its count too.
  for (let i = 0; i < rows.length; i++) {
    const d = rows[i].denominator;
    if (model.rowDenominator[i] < 0 && d !== null && d < minCount) {
      if (model.rowNumerator[i] >= 0) state[model.rowNumerator[i]] = 1;
      else rowState[i] = 1;
    }
  }
  // Relations grouped by the class that decides them.
  const byClass = new Map<number, number[]>();
  const firstChild = (r: number) => firstRow[rel.child[rel.off[r]]];
  // municipalities → region (1) after the cluster relations that, with clusters → region, imply it
  const classLevel = model.classNames.map((name) => name.split("|")[1]);
  const regionRelation = new Uint8Array(rel.count);
  for (let r = 0; r < rel.count; r++)
    regionRelation[r] = classLevel[cellClass[rel.parent[r]]] === "region" && classLevel[cellClass[rel.child[rel.off[r]]]] === "municipality" ? 1 : 0;
  for (let r = 0; r < rel.count; r++) {
    const k = model.relationClass[r];
    let list = byClass.get(k);
    if (!list) byClass.set(k, (list = []));
    list.push(r);
  }
  const cheaper = (a: number, b: number) => value[a] < value[b] || (value[a] === value[b] && firstRow[a] < firstRow[b]);
  let unresolved = 0;
  const limit = options.auditLimit ?? 200;
  const membership = relationsByMember(rel, model.cellCount);
  const cellsOfClass = new Map<number, number[]>();
  for (let c = 0; c < model.cellCount; c++) {
    let l = cellsOfClass.get(cellClass[c]);
    if (!l) cellsOfClass.set(cellClass[c], (l = []));
    l.push(c);
  }
  const view = relationView(model);
  const queued = new Uint8Array(rel.count);
  const lpCheck: LpCheck | null = options.exactCheck === false ? null : { verified: new Set() };
  for (const k of [...byClass.keys()].sort((a, b) => a - b)) {
    const list = (byClass.get(k) as number[]).sort((a, b) => regionRelation[a] - regionRelation[b] || firstChild(a) - firstChild(b));
    const seen = (r: number) => view(r, k);
    // work list of this class's relations (in table order, municipalities → region last; then
    // those of newly hidden cells)
    const queue: number[] = list.slice();
    for (const r of list) queued[r] = 1;
    const hide = (c: number): void => {
      state[c] = 2;
      for (let q = membership.off[c]; q < membership.off[c + 1]; q++) {
        const r = membership.rel[q];
        if (model.relationClass[r] === k && !queued[r]) {
          queued[r] = 1;
          queue.push(r);
        }
      }
    };
    for (let round = 0; round < 50; round++) {
      for (let head = 0; head < queue.length; head++) {
        const r = queue[head];
        queued[r] = 0;
        const p = rel.parent[r];
        const a = rel.off[r];
        const b = rel.off[r + 1];
        let hidden = state[p] ? 1 : 0;
        let hiddenSum = 0;
        for (let x = a; x < b; x++) {
          const c = rel.child[x];
          if (state[c]) {
            hidden++;
            hiddenSum += value[c];
          }
        }
        if (hidden === 0) continue;
        const hiddenChildren = hidden - (state[p] ? 1 : 0);
        // at least two hidden members, and hidden children that add up to the threshold
        const needs = hidden === 1 || (hiddenSum < minCount && hiddenChildren < b - a);
        if (!needs) continue;
        // the cheapest published child of this class, else the parent of this class; never a cell
        // of a class decided before (its fate would then depend on the call)
        let pick = -1;
        for (let x = a; x < b; x++) {
          const c = rel.child[x];
          if (!state[c] && cellClass[c] === k && (pick < 0 || cheaper(c, pick))) pick = c;
        }
        if (pick < 0 && !state[p] && cellClass[p] === k) pick = p;
        if (pick < 0) {
          unresolved++;
          continue;
        }
        hide(pick);
        queued[r] = 1; // look at this relation again
        queue.push(r);
      }
      queue.length = 0;
      if (limit <= 0) break;
      // a hidden count fixed by the relations this class sees (exact check), or else bounded
      // narrower than the threshold (counts ≥ 0 carried through the relations), gets one more
      // hidden cell of this class: in its own relations, else the nearest in its connected set
      const weak = weakCells(rel, seen, k, state, value, cellsOfClass.get(k) ?? [], membership, limit, minCount, lpCheck);
      let changed = false;
      for (const cell of weak) {
        const pick = nearestOfClass(rel, seen, cell, k, cellClass, state, membership, cheaper);
        if (pick < 0) {
          unresolved++;
          continue;
        }
        hide(pick);
        changed = true;
      }
      if (!changed) break;
    }
  }
  for (let i = 0; i < rows.length; i++) {
    const sn = model.rowNumerator[i] >= 0 ? state[model.rowNumerator[i]] : 0;
    const sd = model.rowDenominator[i] >= 0 ? state[model.rowDenominator[i]] : 0;
    if (rowState[i] === 0) rowState[i] = sn === 1 || sd === 1 ? 1 : sn || sd ? 2 : 0;
  }
  return { model, cellState: state, rowState, unresolved };
}

/**
 * Blank small counts and every cell that would reveal them (primary and secondary suppression).
 * Returns a new table; the input is unchanged.
 * @example suppressTable(rows, { minCount: 5, clusterOf: { "751": "Aarhus" } })
 */
export function suppressTable(rows: readonly IndicatorRow[], options: SuppressOptions = {}): IndicatorRow[] {
  return suppressRows(rows, options, false);
}

/**
 * As suppressTable; with `inPlace` the suppressed rows of `rows` itself are blanked and `rows` is
 * returned — for a caller that owns the rows (computeIndicators), to save a copy. Not exported
 * from the package.
 */
export function suppressRows(rows: readonly IndicatorRow[], options: SuppressOptions, inPlace: boolean): IndicatorRow[] {
  const minCount = minCountOf(options.minCount);
  if (!Number.isInteger(minCount) || minCount < 0) throw new RangeError(indicatorMessages.badMinCount(minCount));
  if (minCount === 0) return rows.slice();
  const { rowState } = decideSuppression(rows, options);
  return blankRows(rows, rowState, minCount, inPlace);
}

/**
 * Whether a blank row was hidden to protect a small number (secondary suppression) rather than
 * being small itself. The indicators layer wrote the note and reads its own code here; layers
 * above ask this instead of comparing note texts.
 */
export function hiddenToProtect(row: IndicatorRow): boolean {
  return row.suppressed && row.note === SUPPRESSION_NOTE.secondary();
}

/** Blank the rows whose state is non-zero (1 a small count, 2 protecting one). */
export function blankRows(rows: readonly IndicatorRow[], rowState: Uint8Array, minCount: number, inPlace = false): IndicatorRow[] {
  const primaryNote = SUPPRESSION_NOTE.primary(minCount);
  const secondaryNote = SUPPRESSION_NOTE.secondary();
  const blankOut = (blank: Record<string, unknown>, i: number): void => {
    for (const k of ["numerator", "denominator", "value", "lower", "upper"]) blank[k] = null;
    blank.suppressed = true;
    for (const k of ["std_value", "std_lower", "std_upper", "isr_value", "isr_lower", "isr_upper", "isr_expected"]) if (k in blank) blank[k] = null;
    blank.note = rowState[i] === 1 ? primaryNote : secondaryNote;
  };
  if (inPlace) {
    const out = rows as IndicatorRow[];
    for (let i = 0; i < out.length; i++) if (rowState[i]) blankOut(out[i] as unknown as Record<string, unknown>, i);
    return out;
  }
  return rows.map((r, i) => {
    if (!rowState[i]) return r;
    const blank: Record<string, unknown> = { ...r };
    blankOut(blank, i);
    return blank as unknown as IndicatorRow;
  });
}

/** For each cell, the relations it is a member of: rel[off[cell] … off[cell + 1] − 1]. */
function relationsByMember(rel: CompactRelations, cells: number): { off: Int32Array; rel: Int32Array } {
  const off = new Int32Array(cells + 1);
  for (let r = 0; r < rel.count; r++) {
    off[rel.parent[r] + 1]++;
    for (let x = rel.off[r]; x < rel.off[r + 1]; x++) off[rel.child[x] + 1]++;
  }
  for (let c = 0; c < cells; c++) off[c + 1] += off[c];
  const out = new Int32Array(off[cells]);
  const cursor = off.slice(0, cells);
  for (let r = 0; r < rel.count; r++) {
    out[cursor[rel.parent[r]]++] = r;
    for (let x = rel.off[r]; x < rel.off[r + 1]; x++) out[cursor[rel.child[x]]++] = r;
  }
  return { off, rel: out };
}

/**
 * Which relations class k sees: those whose members all lie in its down-set (model.classBelow).
 * A decision that looks only at these is the same in every call whose lattice holds class k.
 */
function relationView(model: DisclosureModel): (r: number, k: number) => boolean {
  const { relations: rel, cellClass, classBelow } = model;
  const C = model.classNames.length;
  // the class of a relation's children when they share one (−1: several, checked one by one)
  const childClass = new Int32Array(rel.count);
  for (let r = 0; r < rel.count; r++) {
    const first = cellClass[rel.child[rel.off[r]]];
    let same = true;
    for (let x = rel.off[r] + 1; x < rel.off[r + 1] && same; x++) same = cellClass[rel.child[x]] === first;
    childClass[r] = same ? first : -1;
  }
  return (r, k) => {
    const row = k * C;
    if (!classBelow[row + cellClass[rel.parent[r]]]) return false;
    if (childClass[r] >= 0) return classBelow[row + childClass[r]] === 1;
    for (let x = rel.off[r]; x < rel.off[r + 1]; x++) if (!classBelow[row + cellClass[rel.child[x]]]) return false;
    return true;
  };
}

/** The connected set of hidden counts around `start` through the relations `seen` admits. */
function componentOf(
  rel: CompactRelations,
  seen: (r: number) => boolean,
  start: number,
  state: Uint8Array,
  membership: { off: Int32Array; rel: Int32Array },
  mark: Set<number>,
): { cells: number[]; rels: number[] } {
  const cells: number[] = [];
  const rels = new Set<number>();
  const queue = [start];
  mark.add(start);
  while (queue.length > 0) {
    const c = queue.pop() as number;
    cells.push(c);
    for (let q = membership.off[c]; q < membership.off[c + 1]; q++) {
      const r = membership.rel[q];
      if (rels.has(r) || !seen(r)) continue;
      rels.add(r);
      const visit = (m: number) => {
        if (state[m] && !mark.has(m)) {
          mark.add(m);
          queue.push(m);
        }
      };
      visit(rel.parent[r]);
      for (let x = rel.off[r]; x < rel.off[r + 1]; x++) visit(rel.child[x]);
    }
  }
  return { cells, rels: [...rels] };
}

/**
 * Weak hidden counts in the connected sets that hold a hidden count of the class being decided:
 * per set, the counts fixed exactly by the relations (Gaussian elimination, sets up to `limit`
 * counts), or — when none is — the counts whose bounds are narrower than `minCount` (interval
 * propagation: counts ≥ 0, published counts fixed; an outer bound of the LP interval, so a count
 * found here is certainly narrow), or — when none is and `lp` is given — the counts whose LP
 * interval is narrower than `minCount` (lpRanges.ts; the sets of one round solved together in
 * worker threads; a set proved wide is remembered and not solved again). Each set is judged on
 * its own, so the result for one set does not depend on which other tables (other sets) a call
 * holds.
 */
function weakCells(
  rel: CompactRelations,
  seen: (r: number) => boolean,
  k: number,
  state: Uint8Array,
  value: Float64Array,
  classCells: readonly number[],
  membership: { off: Int32Array; rel: Int32Array },
  limit: number,
  minCount: number,
  lp: LpCheck | null,
): number[] {
  const mark = new Set<number>();
  const out: number[] = [];
  const toSolve: { key: string; comp: { cells: number[]; rels: number[] } }[] = [];
  for (const start of classCells) {
    if (!state[start] || mark.has(start)) continue;
    const comp = componentOf(rel, seen, start, state, membership, mark);
    const determined = comp.cells.length <= limit ? determinedIn(rel, comp, state) : [];
    if (determined.length > 0) {
      out.push(...determined);
      continue;
    }
    const { narrow, converged } = narrowIn(rel, comp, state, value, minCount);
    if (narrow.length > 0) {
      out.push(...narrow);
      continue;
    }
    // Without a cycle among its relations, the bounds carried relation by relation are the exact
    // feasible intervals once they stop changing (a tree of constraints: Freuder 1982), so the
    // solver could only confirm them.
    if (lp === null || comp.rels.length === 0 || (converged && acyclic(rel, comp, state))) continue;
    const key = `${k}:${comp.cells.slice().sort((a, b) => a - b).join(",")}`;
    if (!lp.verified.has(key)) toSolve.push({ key, comp });
  }
  if (toSolve.length > 0) {
    const ranges = lpRangesSync(
      toSolve.map(({ comp }) => lpSetOf(rel, comp, state, value)),
      minCount,
    );
    toSolve.forEach(({ key, comp }, i) => {
      const { lower, upper } = ranges[i];
      let narrow = 0;
      for (let j = 0; j < comp.cells.length; j++)
        if (upper[j] - lower[j] < minCount - 1e-6) {
          out.push(comp.cells[j]);
          narrow++;
        }
      if (narrow === 0) (lp as LpCheck).verified.add(key);
    });
  }
  return out;
}

/**
 * Whether the relations of a connected set of hidden counts form no cycle: in the graph joining
 * each relation to its hidden members, edges = nodes − 1 (a tree).
 */
function acyclic(rel: CompactRelations, comp: { cells: number[]; rels: number[] }, state: Uint8Array): boolean {
  let edges = 0;
  for (const r of comp.rels) {
    if (state[rel.parent[r]]) edges++;
    for (let x = rel.off[r]; x < rel.off[r + 1]; x++) if (state[rel.child[x]]) edges++;
  }
  return edges === comp.cells.length + comp.rels.length - 1;
}

/** The decision's LP check: sets already proved wide (class and cells), not solved again. */
interface LpCheck {
  readonly verified: Set<string>;
}

/**
 * The linear system of a connected set of hidden counts for lpRanges: one row per relation,
 * Σ hidden children − hidden parent = the published parent − Σ published children.
 */
function lpSetOf(rel: CompactRelations, comp: { cells: number[]; rels: number[] }, state: Uint8Array, value: Float64Array): LpSet {
  const col = new Map(comp.cells.map((c, i) => [c, i] as const));
  const starts: number[] = [0];
  const indices: number[] = [];
  const values: number[] = [];
  const rhs = new Float64Array(comp.rels.length);
  comp.rels.forEach((r, i) => {
    const p = rel.parent[r];
    let b = 0;
    if (state[p]) {
      indices.push(col.get(p) as number);
      values.push(-1);
    } else b += value[p];
    for (let x = rel.off[r]; x < rel.off[r + 1]; x++) {
      const c = rel.child[x];
      if (state[c]) {
        indices.push(col.get(c) as number);
        values.push(1);
      } else b -= value[c];
    }
    rhs[i] = b;
    starts.push(indices.length);
  });
  return { columns: comp.cells.length, rowLower: rhs, rowUpper: rhs.slice(), starts: Int32Array.from(starts), indices: Int32Array.from(indices), values: Float64Array.from(values) };
}

/** Hidden counts of a connected set fixed exactly by its relations (Gaussian elimination). */
function determinedIn(rel: CompactRelations, comp: { cells: number[]; rels: number[] }, state: Uint8Array): number[] {
  const col = new Map(comp.cells.map((c, i) => [c, i] as const));
  const n = comp.cells.length;
  const matrix: Float64Array[] = [];
  for (const r of comp.rels) {
    const row = new Float64Array(n);
    const p = rel.parent[r];
    if (state[p]) row[col.get(p) as number] -= 1;
    for (let x = rel.off[r]; x < rel.off[r + 1]; x++) if (state[rel.child[x]]) row[col.get(rel.child[x]) as number] += 1;
    matrix.push(row);
  }
  let rank = 0;
  const pivots: number[] = [];
  for (let c = 0; c < n && rank < matrix.length; c++) {
    let p = -1;
    for (let i = rank; i < matrix.length; i++)
      if (Math.abs(matrix[i][c]) > 1e-9) {
        p = i;
        break;
      }
    if (p < 0) continue;
    [matrix[rank], matrix[p]] = [matrix[p], matrix[rank]];
    const pr = matrix[rank];
    const pv = pr[c];
    for (let j = 0; j < n; j++) pr[j] /= pv;
    for (let i = 0; i < matrix.length; i++) {
      if (i === rank) continue;
      const row = matrix[i];
      const f = row[c];
      if (Math.abs(f) <= 1e-9) continue;
      for (let j = 0; j < n; j++) row[j] -= f * pr[j];
    }
    pivots.push(c);
    rank++;
  }
  const out: number[] = [];
  for (let i = 0; i < rank; i++) {
    let nz = 0;
    for (let j = 0; j < n && nz < 2; j++) if (Math.abs(matrix[i][j]) > 1e-9) nz++;
    if (nz === 1) out.push(comp.cells[pivots[i]]);
  }
  return out;
}

/** Hidden counts of a connected set whose propagated bounds are narrower than `minCount`. */
function narrowIn(rel: CompactRelations, comp: { cells: number[]; rels: number[] }, state: Uint8Array, value: Float64Array, minCount: number): { narrow: number[]; converged: boolean } {
  let converged = false;
  const local = new Map(comp.cells.map((c, i) => [c, i] as const));
  const lo = new Float64Array(comp.cells.length);
  const hi = new Float64Array(comp.cells.length).fill(Infinity);
  const lower = (c: number) => (state[c] ? lo[local.get(c) as number] : value[c]);
  const upper = (c: number) => (state[c] ? hi[local.get(c) as number] : value[c]);
  for (let pass = 0; pass < 30; pass++) {
    let changed = false;
    const tighten = (c: number, l: number, h: number) => {
      if (!state[c]) return;
      const i = local.get(c) as number;
      if (l > lo[i] + 1e-9) {
        lo[i] = l;
        changed = true;
      }
      if (h < hi[i] - 1e-9) {
        hi[i] = h;
        changed = true;
      }
    };
    for (const r of comp.rels) {
      const p = rel.parent[r];
      let sumLo = 0;
      let sumHi = 0;
      let infinite = 0;
      for (let x = rel.off[r]; x < rel.off[r + 1]; x++) {
        const c = rel.child[x];
        sumLo += lower(c);
        const h = upper(c);
        if (h === Infinity) infinite++;
        else sumHi += h;
      }
      tighten(p, sumLo, infinite > 0 ? Infinity : sumHi);
      const pl = lower(p);
      const ph = upper(p);
      for (let x = rel.off[r]; x < rel.off[r + 1]; x++) {
        const c = rel.child[x];
        const h = upper(c);
        const othersHi = h === Infinity ? (infinite > 1 ? Infinity : sumHi) : infinite > 0 ? Infinity : sumHi - h;
        tighten(c, Math.max(0, pl - othersHi), ph - (sumLo - lower(c)));
      }
    }
    if (!changed) {
      converged = true;
      break;
    }
  }
  const out: number[] = [];
  for (let i = 0; i < comp.cells.length; i++) if (hi[i] - lo[i] < minCount - 1e-9) out.push(comp.cells[i]);
  return { narrow: out, converged };
}

/**
 * The complement for a weak hidden count: the cheapest published cell of class k in the count's
 * own relations, else in the relations nearest to it (breadth first through hidden counts), or −1
 * when its connected set has none. Only cells of the class being decided are ever chosen.
 */
function nearestOfClass(
  rel: CompactRelations,
  seen: (r: number) => boolean,
  start: number,
  k: number,
  cellClass: Int32Array,
  state: Uint8Array,
  membership: { off: Int32Array; rel: Int32Array },
  cheaper: (a: number, b: number) => boolean,
): number {
  const visited = new Set<number>([start]);
  const relSeen = new Set<number>();
  let layer = [start];
  while (layer.length > 0) {
    let pick = -1;
    const next: number[] = [];
    for (const c of layer)
      for (let q = membership.off[c]; q < membership.off[c + 1]; q++) {
        const r = membership.rel[q];
        if (relSeen.has(r) || !seen(r)) continue;
        relSeen.add(r);
        const consider = (m: number) => {
          if (!state[m]) {
            if (cellClass[m] === k && (pick < 0 || cheaper(m, pick))) pick = m;
          } else if (!visited.has(m)) {
            visited.add(m);
            next.push(m);
          }
        };
        consider(rel.parent[r]);
        for (let x = rel.off[r]; x < rel.off[r + 1]; x++) consider(rel.child[x]);
      }
    if (pick >= 0) return pick;
    layer = next;
  }
  return -1;
}
