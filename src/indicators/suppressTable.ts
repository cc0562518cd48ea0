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
 * order). Earlier (coarser) classes are never changed, so the same cell gets the same fate
 * whatever finer tables a call asks for. `auditDisclosure` checks the result with a linear-
 * programming solver (the feasible interval of every hidden count, Hundepool et al. 2012, ch. 4).
 *
 * A row is blank when one of its counts is hidden; its note says why: a small count, or hidden to
 * protect a small number (without saying which).
 */
import { minCountOf } from "./indicatorOptions.js";
import { disclosureModel, type CompactRelations, type DisclosureModel, type ModelOptions } from "./disclosureModel.js";
import { indicatorMessages } from "./messages.js";
import type { IndicatorRow } from "./table.js";

export interface SuppressOptions extends ModelOptions {
  /** Threshold; counts below it are suppressed (default 5; 0 disables). */
  readonly minCount?: number;
  /**
   * Blank the suppressed rows of `rows` itself and return it (default false: a new table, the input
   * unchanged). For a caller that owns the rows (computeIndicators), to save a copy.
   */
  readonly inPlace?: boolean;
  /** Largest connected set of hidden counts solved exactly while deciding (default 200). */
  readonly auditLimit?: number;
}

/** Why a cell is hidden: 0 published, 1 a small count (primary), 2 protecting one (secondary). */
export type CellState = 0 | 1 | 2;

/** Suppression decided on a model: the state of every cell and every row. */
export interface Suppression {
  readonly model: DisclosureModel;
  readonly cellState: Uint8Array;
  readonly rowState: Uint8Array;
  /** Relations that could not be protected within their own class (an earlier cell was hidden). */
  readonly fallbacks: number;
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
  if (minCount === 0) return { model, cellState: state, rowState, fallbacks: 0 };
  for (let c = 0; c < model.cellCount; c++) if (value[c] < minCount) state[c] = 1;
  // A rate over a population below the threshold hides its count too.
  for (let i = 0; i < rows.length; i++) {
    const d = rows[i].denominator;
    if (model.rowDenominator[i] < 0 && d !== null && d < minCount) {
      if (model.rowNumerator[i] >= 0) state[model.rowNumerator[i]] = 1;
      else rowState[i] = 1;
    }
  }
  // Relations grouped by the class that decides them, in table order within it.
  const byClass = new Map<number, number[]>();
  const firstChild = (r: number) => firstRow[rel.child[rel.off[r]]];
  for (let r = 0; r < rel.count; r++) {
    const k = model.relationClass[r];
    let list = byClass.get(k);
    if (!list) byClass.set(k, (list = []));
    list.push(r);
  }
  const cheaper = (a: number, b: number) => value[a] < value[b] || (value[a] === value[b] && firstRow[a] < firstRow[b]);
  let fallbacks = 0;
  const limit = options.auditLimit ?? 200;
  const membership = relationsByMember(rel, model.cellCount);
  const cellsOfClass = new Map<number, number[]>();
  for (let c = 0; c < model.cellCount; c++) {
    let l = cellsOfClass.get(cellClass[c]);
    if (!l) cellsOfClass.set(cellClass[c], (l = []));
    l.push(c);
  }
  const queued = new Uint8Array(rel.count);
  for (const k of [...byClass.keys()].sort((a, b) => a - b)) {
    const list = (byClass.get(k) as number[]).sort((a, b) => firstChild(a) - firstChild(b));
    // work list of this class's relations (first in table order, then those of newly hidden cells)
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
        // the cheapest published child of this class; else the parent of this class; else any (fallback)
        let pick = -1;
        let any = -1;
        for (let x = a; x < b; x++) {
          const c = rel.child[x];
          if (state[c]) continue;
          if (cellClass[c] === k && (pick < 0 || cheaper(c, pick))) pick = c;
          if (any < 0 || cheaper(c, any)) any = c;
        }
        if (pick < 0 && !state[p] && cellClass[p] === k) pick = p;
        if (pick < 0) {
          pick = any >= 0 ? any : state[p] ? -1 : p;
          if (pick < 0) continue;
          fallbacks++;
        }
        hide(pick);
        queued[r] = 1; // look at this relation again
        queue.push(r);
      }
      queue.length = 0;
      if (limit <= 0) break;
      // exact check: a hidden count fixed by the decided relations gets one more hidden neighbour;
      // so does one whose bounds (counts ≥ 0 carried through the relations) are narrower than the threshold
      let determined = determinedCells(rel, model.relationClass, k, state, cellsOfClass.get(k) ?? [], membership, limit);
      if (determined.length === 0) determined = narrowCells(rel, model.relationClass, k, state, value, cellsOfClass.get(k) ?? [], membership, minCount);
      if (determined.length === 0) break;
      for (const cell of determined) {
        let pick = -1;
        let any = -1;
        for (let q = membership.off[cell]; q < membership.off[cell + 1]; q++) {
          const r = membership.rel[q];
          if (model.relationClass[r] > k) continue;
          const consider = (c: number) => {
            if (state[c]) return;
            if (cellClass[c] === k && (pick < 0 || cheaper(c, pick))) pick = c;
            if (any < 0 || cheaper(c, any)) any = c;
          };
          consider(rel.parent[r]);
          for (let x = rel.off[r]; x < rel.off[r + 1]; x++) consider(rel.child[x]);
        }
        if (pick < 0 && any >= 0) {
          pick = any;
          fallbacks++;
        }
        if (pick >= 0 && !state[pick]) hide(pick);
      }
    }
  }
  for (let i = 0; i < rows.length; i++) {
    const sn = model.rowNumerator[i] >= 0 ? state[model.rowNumerator[i]] : 0;
    const sd = model.rowDenominator[i] >= 0 ? state[model.rowDenominator[i]] : 0;
    if (rowState[i] === 0) rowState[i] = sn === 1 || sd === 1 ? 1 : sn || sd ? 2 : 0;
  }
  return { model, cellState: state, rowState, fallbacks };
}

/**
 * Blank small counts and every cell that would reveal them (primary and secondary suppression).
 * Returns a new table (the input unchanged) unless `inPlace`.
 * @example suppressTable(rows, { minCount: 5, clusterOf: { "751": "Aarhus" } })
 */
export function suppressTable(rows: readonly IndicatorRow[], options: SuppressOptions = {}): IndicatorRow[] {
  const minCount = minCountOf(options.minCount);
  if (!Number.isInteger(minCount) || minCount < 0) throw new RangeError(indicatorMessages.badMinCount(minCount));
  if (minCount === 0) return rows.slice();
  const { rowState } = decideSuppression(rows, options);
  return blankRows(rows, rowState, minCount, options.inPlace === true);
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
 * Hidden counts fixed exactly by the relations decided up to class k (Gaussian elimination per
 * connected set of hidden counts that contains a count of class k, sets up to `limit` counts).
 */
function determinedCells(
  rel: CompactRelations,
  relationClass: Int32Array,
  k: number,
  state: Uint8Array,
  classCells: readonly number[],
  membership: { off: Int32Array; rel: Int32Array },
  limit: number,
): number[] {
  const seen = new Set<number>();
  const out: number[] = [];
  for (const start of classCells) {
    if (!state[start] || seen.has(start)) continue;
    const comp: number[] = [];
    const rels = new Set<number>();
    const queue = [start];
    seen.add(start);
    let tooBig = false;
    while (queue.length > 0) {
      const c = queue.pop() as number;
      comp.push(c);
      if (comp.length > limit) tooBig = true;
      for (let q = membership.off[c]; q < membership.off[c + 1]; q++) {
        const r = membership.rel[q];
        if (relationClass[r] > k || rels.has(r)) continue;
        rels.add(r);
        const visit = (m: number) => {
          if (state[m] && !seen.has(m)) {
            seen.add(m);
            queue.push(m);
          }
        };
        visit(rel.parent[r]);
        for (let x = rel.off[r]; x < rel.off[r + 1]; x++) visit(rel.child[x]);
      }
    }
    if (tooBig) continue;
    const col = new Map(comp.map((c, i) => [c, i] as const));
    const n = comp.length;
    const matrix: Float64Array[] = [];
    for (const r of rels) {
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
      for (let i = rank; i < matrix.length; i++) if (Math.abs(matrix[i][c]) > 1e-9) {
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
    for (let i = 0; i < rank; i++) {
      let nz = 0;
      for (let j = 0; j < n && nz < 2; j++) if (Math.abs(matrix[i][j]) > 1e-9) nz++;
      if (nz === 1) out.push(comp[pivots[i]]);
    }
  }
  return out;
}

/**
 * Hidden counts whose bounds are narrower than `minCount` (interval propagation: counts ≥ 0,
 * published counts fixed, every relation decided up to class k; an outer bound of the LP interval,
 * so a count found here is certainly narrow), in the connected sets that hold a count of class k.
 */
function narrowCells(
  rel: CompactRelations,
  relationClass: Int32Array,
  k: number,
  state: Uint8Array,
  value: Float64Array,
  classCells: readonly number[],
  membership: { off: Int32Array; rel: Int32Array },
  minCount: number,
): number[] {
  const seen = new Set<number>();
  const out: number[] = [];
  for (const start of classCells) {
    if (!state[start] || seen.has(start)) continue;
    const comp: number[] = [];
    const rels = new Set<number>();
    const queue = [start];
    seen.add(start);
    while (queue.length > 0) {
      const c = queue.pop() as number;
      comp.push(c);
      for (let q = membership.off[c]; q < membership.off[c + 1]; q++) {
        const r = membership.rel[q];
        if (relationClass[r] > k || rels.has(r)) continue;
        rels.add(r);
        const visit = (m: number) => {
          if (state[m] && !seen.has(m)) {
            seen.add(m);
            queue.push(m);
          }
        };
        visit(rel.parent[r]);
        for (let x = rel.off[r]; x < rel.off[r + 1]; x++) visit(rel.child[x]);
      }
    }
    const local = new Map(comp.map((c, i) => [c, i] as const));
    const lo = new Float64Array(comp.length);
    const hi = new Float64Array(comp.length).fill(Infinity);
    const lower = (c: number) => (state[c] ? lo[local.get(c) as number] : value[c]);
    const upper = (c: number) => (state[c] ? hi[local.get(c) as number] : value[c]);
    const list = [...rels];
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
      for (const r of list) {
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
      if (!changed) break;
    }
    for (let i = 0; i < comp.length; i++) if (hi[i] - lo[i] < minCount - 1e-9) out.push(comp[i]);
  }
  return out;
}
