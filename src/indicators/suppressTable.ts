/**
 * Statistical disclosure control for the tidy indicator table.
 *
 * Primary suppression: a cell whose numerator or denominator is below `minCount` (default 5,
 * the usual Danish threshold for small counts) is blanked — numerator, denominator, value,
 * interval and standardised columns — and marked `suppressed`. Amount indicators (DKK, e.g.
 * cost_per_citizen) are tested on their denominator only.
 *
 * Secondary (complementary) suppression: the table's additive relations are found from the data
 * itself — municipalities summing to their cluster and to the region, clusters to the region,
 * F + M to "all", months and quarters to quarters and years, disjoint age bands to the band or
 * "all" they cover, and the categories of a question table to their common total. A relation is
 * used when the numerators really add up. Then, until nothing changes, in every relation with
 * exactly one suppressed cell the next-smallest published cell is suppressed too, so no
 * suppressed cell equals a published total minus published cells (the "at least two" rule of
 * cell suppression, e.g. Hundepool et al., Statistical Disclosure Control, Wiley 2012, ch. 4).
 * A final audit solves the published relations exactly for every component of suppressed cells
 * (up to `auditLimit` unknowns) and suppresses more where a cell would still be determined.
 */
import { parseAgeGroup } from "./ageGroup.js";
import { indicatorMessages } from "./messages.js";
import type { IndicatorRow } from "./table.js";

export interface SuppressOptions {
  /** Threshold; counts below it are suppressed (default 5; 0 disables). */
  readonly minCount?: number;
  /** Municipality code → cluster name, to relate municipality rows to their cluster rows. */
  readonly clusterOf?: ReadonlyMap<string, string> | Readonly<Record<string, string>>;
  /** Indicators whose numerator is an amount, not a count (default: those starting with "cost_per_citizen"). */
  readonly isAmount?: (indicator: string) => boolean;
  /** Largest component of suppressed cells solved exactly in the audit (default 200). */
  readonly auditLimit?: number;
  /**
   * Blank the suppressed rows of `rows` itself and return it (default false: a new table, the input
   * unchanged). For a caller that owns the rows (computeIndicators), to save a copy.
   */
  readonly inPlace?: boolean;
}

/** One additive relation: parent = Σ children (parent −1 when the total is implied, not a row). */
export interface Relation {
  readonly parent: number;
  readonly children: readonly number[];
}

const NOTE_PRIMARY = (m: number) => `suppressed: a count below ${m}`;
const NOTE_SECONDARY = "suppressed: would reveal a suppressed cell from the totals";

/** Dimensions of a cell key. */
const D_INDICATOR = 0;
const D_LEVEL = 1;
const D_UNIT = 2;
const D_PERIOD = 3;
const D_GROUP = 4;
const D_SEX = 5;

/**
 * Cell keys as numbers: each dimension interned to a small integer and packed (below 2^53). The
 * rows' own ids are worked out once (Int32 columns); a key with one or two dimensions replaced is
 * then a little arithmetic.
 */
class CellKeys {
  private readonly dicts = [new Map<string, number>(), new Map<string, number>(), new Map<string, number>(), new Map<string, number>(), new Map<string, number>(), new Map<string, number>()];
  private static readonly RADIX = [1, 4, 8192, 8192, 256, 4]; // indicator, level, unit, period, group, sex
  private readonly ids: Int32Array[];

  constructor(rows: readonly IndicatorRow[]) {
    this.ids = [0, 1, 2, 3, 4, 5].map(() => new Int32Array(rows.length));
    const [ind, lev, unit, per, grp, sex] = this.ids;
    for (let i = 0; i < rows.length; i++) {
      const r = rows[i];
      ind[i] = this.id(D_INDICATOR, r.indicator);
      lev[i] = this.id(D_LEVEL, r.level);
      unit[i] = this.id(D_UNIT, r.unit);
      per[i] = this.id(D_PERIOD, r.period);
      grp[i] = this.id(D_GROUP, r.group);
      sex[i] = this.id(D_SEX, r.sex);
    }
  }

  id(dim: number, value: string): number {
    const d = this.dicts[dim];
    let x = d.get(value);
    if (x === undefined) {
      x = d.size;
      if (dim > 0 && x >= CellKeys.RADIX[dim]) throw new RangeError(`suppressTable: too many distinct values of one column (${value})`);
      d.set(value, x);
    }
    return x;
  }

  /** The key of row i, with dimension d1 (and d2) replaced by id v1 (and v2) when given (d = −1: none). */
  key(i: number, d1 = -1, v1 = 0, d2 = -1, v2 = 0): number {
    let k = 0;
    for (let d = 0; d < 6; d++) {
      const v = d === d1 ? v1 : d === d2 ? v2 : this.ids[d][i];
      k = d === 0 ? v : k * CellKeys.RADIX[d] + v;
    }
    return k;
  }
}

/** Row index by cell key (open addressing over Float64 keys; the last row of a key wins). */
class KeyIndex {
  private readonly keys: Float64Array;
  private readonly rows: Int32Array;
  private readonly mask: number;

  constructor(n: number) {
    let size = 1024;
    while (size < n * 2) size *= 2;
    this.keys = new Float64Array(size);
    this.rows = new Int32Array(size).fill(-1);
    this.mask = size - 1;
  }

  private slot(key: number): number {
    const lo = key % 4294967296 | 0;
    const hi = (key / 4294967296) | 0;
    let h = Math.imul(lo ^ Math.imul(hi, 0x9e3779b1), 0x85ebca6b);
    h ^= h >>> 13;
    let k = h & this.mask;
    while (this.rows[k] >= 0 && this.keys[k] !== key) k = (k + 1) & this.mask;
    return k;
  }

  set(key: number, row: number): void {
    const k = this.slot(key);
    this.keys[k] = key;
    this.rows[k] = row;
  }

  get(key: number): number | undefined {
    const r = this.rows[this.slot(key)];
    return r >= 0 ? r : undefined;
  }
}

/**
 * Relations in compact form (memory at national scale: hundreds of thousands of relations):
 * relation r has parent `parent[r]` (−1 when implied) and children child[off[r] … off[r + 1] − 1].
 */
interface CompactRelations {
  readonly count: number;
  readonly parent: Int32Array;
  readonly off: Int32Array;
  readonly child: Int32Array;
}

/** A growable Int32 list. */
class IntList {
  data = new Int32Array(1024);
  length = 0;
  push(x: number): void {
    if (this.length === this.data.length) {
      const d = new Int32Array(this.data.length * 2);
      d.set(this.data);
      this.data = d;
    }
    this.data[this.length++] = x;
  }
}

/** Find the additive relations of a tidy table (see the module comment). */
export function findRelations(rows: readonly IndicatorRow[], options: SuppressOptions = {}): Relation[] {
  const c = findCompactRelations(rows, options);
  const out: Relation[] = [];
  for (let r = 0; r < c.count; r++) out.push({ parent: c.parent[r], children: Array.from(c.child.subarray(c.off[r], c.off[r + 1])) });
  return out;
}

function findCompactRelations(rows: readonly IndicatorRow[], options: SuppressOptions): CompactRelations {
  const keys = new CellKeys(rows);
  const byKey = new KeyIndex(rows.length);
  for (let i = 0; i < rows.length; i++) byKey.set(keys.key(i), i);
  const clusterOf =
    options.clusterOf instanceof Map ? options.clusterOf : new Map(Object.entries((options.clusterOf ?? {}) as Record<string, string>));
  const region = rows.find((x) => x.level === "region")?.unit;
  // Candidate relations in creation order, each with its tag (tags in order of first use), its
  // parent, and its children as (candidate, child) pairs in the order they were found.
  const tagIndex = new Map<string, number>();
  const byTagKey: Map<number, number>[] = [];
  const candTag = new IntList();
  const candParent = new IntList();
  const pairCand = new IntList();
  const pairChild = new IntList();
  const tagOf = (tag: string): number => {
    let t = tagIndex.get(tag);
    if (t === undefined) {
      tagIndex.set(tag, (t = tagIndex.size));
      byTagKey.push(new Map());
    }
    return t;
  };
  const addTo = (tag: string, key: number, parent: number, child: number): void => {
    const t = tagOf(tag);
    const m = byTagKey[t];
    let cand = m.get(key);
    if (cand === undefined) {
      m.set(key, (cand = candTag.length));
      candTag.push(t);
      candParent.push(parent);
    }
    pairCand.push(cand);
    pairChild.push(child);
  };
  // Age-band covers, per distinct set of group labels.
  const groupLabels = [...new Set(rows.map((r) => r.group))];
  const parsed = groupLabels.map((g) => {
    try {
      return parseAgeGroup(g);
    } catch {
      return null;
    }
  });
  const covers = new Map<string, string[]>();
  parsed.forEach((p) => {
    if (!p) return;
    const chain: string[] = [];
    let cursor = p.lo;
    for (;;) {
      let best: { label: string; hi: number } | null = null;
      parsed.forEach((q) => {
        if (!q || q.label === p.label || q.lo !== cursor || q.hi > p.hi) return;
        if (!best || q.hi < best.hi) best = { label: q.label, hi: q.hi };
      });
      if (!best) break;
      const b = best as { label: string; hi: number };
      chain.push(b.label);
      if (b.hi === p.hi) {
        covers.set(p.label, chain);
        break;
      }
      cursor = b.hi + 1;
    }
  });
  const isFamilyCategory = (ind: string) => ind.includes(":") && !ind.startsWith("cost_per_citizen") && !ind.startsWith("experience_positive");
  const link = (tag: string, i: number, k: number): void => {
    const p = byKey.get(k);
    if (p !== undefined) addTo(tag, k, p, i);
  };
  // Ids of the replacement values, worked out once per distinct value.
  const sexAll = () => keys.id(D_SEX, "all");
  const levelCluster = () => keys.id(D_LEVEL, "cluster");
  const levelRegion = () => keys.id(D_LEVEL, "region");
  const periodIds = new Map<string, { q: number; y: number } | null>();
  const familyIds = new Map<string, number | null>();

  for (let i = 0; i < rows.length; i++) {
    const r = rows[i];
    if (r.sex !== "all") link("sex", i, keys.key(i, D_SEX, sexAll()));
    if (r.level === "municipality") {
      const cl = clusterOf.get(r.unit);
      if (cl !== undefined) link("geo", i, keys.key(i, D_LEVEL, levelCluster(), D_UNIT, keys.id(D_UNIT, cl)));
      if (region !== undefined) link("geo-m", i, keys.key(i, D_LEVEL, levelRegion(), D_UNIT, keys.id(D_UNIT, region)));
    } else if (r.level === "cluster" && region !== undefined) link("geo-c", i, keys.key(i, D_LEVEL, levelRegion(), D_UNIT, keys.id(D_UNIT, region)));
    const per = r.period;
    let pid = periodIds.get(per);
    if (pid === undefined) {
      pid = null;
      if (per.length === 7 && per[4] === "-" && per[5] !== "Q") {
        const y = per.slice(0, 4);
        pid = { q: keys.id(D_PERIOD, `${y}-Q${Math.floor((Number(per.slice(5)) - 1) / 3) + 1}`), y: keys.id(D_PERIOD, y) };
      } else if (per.length === 7 && per[5] === "Q") pid = { q: -1, y: keys.id(D_PERIOD, per.slice(0, 4)) };
      periodIds.set(per, pid);
    }
    if (pid !== null && pid.q >= 0) {
      link("mq", i, keys.key(i, D_PERIOD, pid.q));
      link("my", i, keys.key(i, D_PERIOD, pid.y));
    } else if (pid !== null) link("qy", i, keys.key(i, D_PERIOD, pid.y));
    let fam = familyIds.get(r.indicator);
    if (fam === undefined) {
      fam = isFamilyCategory(r.indicator) ? keys.id(D_INDICATOR, r.indicator.slice(0, r.indicator.indexOf(":"))) : null;
      familyIds.set(r.indicator, fam);
    }
    if (fam !== null) addTo("fam", keys.key(i, D_INDICATOR, fam), -1, i);
  }
  // age bands
  const groupIds = new Map<string, number>();
  for (let i = 0; i < rows.length; i++) {
    const chain = covers.get(rows[i].group);
    if (!chain) continue;
    const children: number[] = [];
    for (const g of chain) {
      let gid = groupIds.get(g);
      if (gid === undefined) groupIds.set(g, (gid = keys.id(D_GROUP, g)));
      const c = byKey.get(keys.key(i, D_GROUP, gid));
      if (c === undefined) break;
      children.push(c);
    }
    if (children.length !== chain.length) continue;
    const t = tagOf("age");
    const cand = candTag.length;
    byTagKey[t].set(i, cand);
    candTag.push(t);
    candParent.push(i);
    for (const ch of children) {
      pairCand.push(cand);
      pairChild.push(ch);
    }
  }

  // Children of each candidate (counting sort of the pairs, stable), candidates grouped by tag.
  const nCand = candTag.length;
  const cOff = new Int32Array(nCand + 1);
  for (let k = 0; k < pairCand.length; k++) cOff[pairCand.data[k] + 1]++;
  for (let k = 0; k < nCand; k++) cOff[k + 1] += cOff[k];
  const cChild = new Int32Array(pairChild.length);
  const cursor = cOff.slice(0, nCand);
  for (let k = 0; k < pairCand.length; k++) cChild[cursor[pairCand.data[k]]++] = pairChild.data[k];
  const tagNames = [...tagIndex.keys()];
  const byTag: number[][] = tagNames.map(() => []);
  for (let k = 0; k < nCand; k++) byTag[candTag.data[k]].push(k);

  const numerator = (k: number): number => rows[k].numerator ?? Number.NaN;
  const parent = new IntList();
  const off = new IntList();
  const child = new IntList();
  off.push(0);
  byTag.forEach((cands, t) => {
    const name = tagNames[t];
    for (const k of cands) {
      const a = cOff[k];
      const b = cOff[k + 1];
      const p = candParent.data[k];
      if (b - a === 0) continue;
      if (p >= 0) {
        let sum = 0;
        for (let x = a; x < b; x++) sum += numerator(cChild[x]);
        const pv = numerator(p);
        if (!(Math.abs(sum - pv) <= 1e-6 * Math.max(1, Math.abs(pv)))) continue;
      } else {
        // implied total: the categories must share one denominator and add up to it
        const den = rows[cChild[a]].denominator;
        let same = den !== null;
        for (let x = a; x < b && same; x++) if (rows[cChild[x]].denominator !== den) same = false;
        if (!same || den === null) continue;
        let sum = 0;
        for (let x = a; x < b; x++) sum += numerator(cChild[x]);
        if (!(Math.abs(sum - den) <= 1e-6 * Math.max(1, Math.abs(den)))) continue;
        if (name !== "fam") continue;
      }
      parent.push(p);
      for (let x = a; x < b; x++) child.push(cChild[x]);
      off.push(child.length);
    }
  });
  return { count: parent.length, parent: parent.data.slice(0, parent.length), off: off.data.slice(0, off.length), child: child.data.slice(0, child.length) };
}


/**
 * Blank small counts and every cell that would reveal them (primary and secondary suppression).
 * Returns a new table; the input is not changed.
 * @example suppressTable(rows, { minCount: 5, clusterOf: { "751": "Aarhus" } })
 */
export function suppressTable(rows: readonly IndicatorRow[], options: SuppressOptions = {}): IndicatorRow[] {
  const minCount = options.minCount ?? 5;
  if (!Number.isInteger(minCount) || minCount < 0) throw new RangeError(indicatorMessages.badMinCount(minCount));
  if (minCount === 0) return rows.slice();
  const isAmount = options.isAmount ?? ((ind: string) => ind.startsWith("cost_per_citizen"));
  const state = new Uint8Array(rows.length); // 0 published, 1 primary, 2 secondary
  rows.forEach((r, i) => {
    const small = (v: number | null) => v !== null && v < minCount;
    if ((!isAmount(r.indicator) && small(r.numerator)) || small(r.denominator)) state[i] = 1;
  });
  const rel = findCompactRelations(rows, options);
  const size = (i: number) => (rows[i].numerator ?? 0) + (rows[i].denominator ?? 0) * 1e-12;
  const closeRelations = (): void => {
    let changed = true;
    while (changed) {
      changed = false;
      for (let r = 0; r < rel.count; r++) {
        const p = rel.parent[r];
        const a = rel.off[r];
        const b = rel.off[r + 1];
        const members = b - a + (p >= 0 ? 1 : 0);
        let hidden = p >= 0 && state[p] ? 1 : 0;
        for (let x = a; x < b; x++) if (state[rel.child[x]]) hidden++;
        if (hidden !== 1 || members < 2) continue;
        let pick = -1;
        for (let x = a; x < b; x++) {
          const k = rel.child[x];
          if (!state[k] && (pick < 0 || size(k) < size(pick))) pick = k;
        }
        if (pick < 0) pick = p;
        if (pick < 0) continue;
        state[pick] = 2;
        changed = true;
      }
    }
  };
  closeRelations();
  // Audit: exact solution of the published relations; suppress more where a cell is determined.
  let relsOf: { off: Int32Array; rel: Int32Array } | null = null;
  for (let round = 0; round < 50; round++) {
    const determined = determinedCompact(rel, state, options.auditLimit ?? 200);
    if (determined.length === 0) break;
    relsOf ??= relationsByMember(rel, rows.length);
    for (const cell of determined) {
      let pick = -1;
      for (let q = relsOf.off[cell]; q < relsOf.off[cell + 1]; q++) {
        const r = relsOf.rel[q];
        const p = rel.parent[r];
        if (p >= 0 && !state[p] && (pick < 0 || size(p) < size(pick))) pick = p;
        for (let x = rel.off[r]; x < rel.off[r + 1]; x++) {
          const k = rel.child[x];
          if (!state[k] && (pick < 0 || size(k) < size(pick))) pick = k;
        }
      }
      if (pick >= 0) state[pick] = 2;
    }
    closeRelations();
  }
  const primaryNote = NOTE_PRIMARY(minCount);
  const blankOut = (blank: Record<string, unknown>, i: number): void => {
    for (const k of ["numerator", "denominator", "value", "lower", "upper"]) blank[k] = null;
    blank.suppressed = true;
    for (const k of ["std_value", "std_lower", "std_upper", "isr_value", "isr_lower", "isr_upper", "isr_expected"]) if (k in blank) blank[k] = null;
    blank.note = state[i] === 1 ? primaryNote : NOTE_SECONDARY;
  };
  if (options.inPlace === true) {
    const out = rows as IndicatorRow[];
    for (let i = 0; i < out.length; i++) if (state[i]) blankOut(out[i] as unknown as Record<string, unknown>, i);
    return out;
  }
  return rows.map((r, i) => {
    if (!state[i]) return r;
    const blank: Record<string, unknown> = { ...r };
    blankOut(blank, i);
    return blank as unknown as IndicatorRow;
  });
}

/** For each cell, the relations it is a member of (ascending, each once): rel[off[cell] … off[cell + 1] − 1]. */
function relationsByMember(rel: CompactRelations, cells: number): { off: Int32Array; rel: Int32Array } {
  const off = new Int32Array(cells + 1);
  const forEach = (f: (cell: number, r: number) => void): void => {
    for (let r = 0; r < rel.count; r++) {
      if (rel.parent[r] >= 0) f(rel.parent[r], r);
      for (let x = rel.off[r]; x < rel.off[r + 1]; x++) f(rel.child[x], r);
    }
  };
  const last = new Int32Array(cells).fill(-1);
  forEach((cell, r) => {
    if (last[cell] === r) return;
    last[cell] = r;
    off[cell + 1]++;
  });
  for (let c = 0; c < cells; c++) off[c + 1] += off[c];
  const out = new Int32Array(off[cells]);
  const cursor = off.slice(0, cells);
  last.fill(-1);
  forEach((cell, r) => {
    if (last[cell] === r) return;
    last[cell] = r;
    out[cursor[cell]++] = r;
  });
  return { off, rel: out };
}

/**
 * Suppressed cells whose numerator is fixed by the published relations (exact elimination per
 * connected component of suppressed cells, components up to `limit` unknowns).
 */
export function determinedCells(rows: readonly IndicatorRow[], relations: readonly Relation[], state: Uint8Array, limit: number): number[] {
  void rows;
  const off = new Int32Array(relations.length + 1);
  relations.forEach((r, i) => (off[i + 1] = off[i] + r.children.length));
  const child = new Int32Array(off[relations.length]);
  relations.forEach((r, i) => child.set(r.children, off[i]));
  return determinedCompact({ count: relations.length, parent: Int32Array.from(relations, (r) => r.parent), off, child }, state, limit);
}

function determinedCompact(relations: CompactRelations, state: Uint8Array, limit: number): number[] {
  const membersOf = (ri: number): number[] => {
    const out: number[] = [];
    const p = relations.parent[ri];
    if (p >= 0) out.push(p);
    for (let x = relations.off[ri]; x < relations.off[ri + 1]; x++) out.push(relations.child[x]);
    return out;
  };
  // Unknowns: suppressed cells, plus implied totals (family relations: the total is published).
  const relOf = new Map<number, number[]>();
  for (let ri = 0; ri < relations.count; ri++) {
    const p = relations.parent[ri];
    const visit = (k: number): void => {
      if (!state[k]) return;
      let l = relOf.get(k);
      if (!l) relOf.set(k, (l = []));
      l.push(ri);
    };
    if (p >= 0) visit(p);
    for (let x = relations.off[ri]; x < relations.off[ri + 1]; x++) visit(relations.child[x]);
  }
  const seen = new Set<number>();
  const out: number[] = [];
  for (const start of relOf.keys()) {
    if (seen.has(start)) continue;
    // component by BFS over relations
    const comp: number[] = [];
    const rels = new Set<number>();
    const queue = [start];
    seen.add(start);
    while (queue.length > 0) {
      const k = queue.pop() as number;
      comp.push(k);
      for (const ri of relOf.get(k) ?? []) {
        if (rels.has(ri)) continue;
        rels.add(ri);
        for (const m of membersOf(ri)) {
          if (state[m] && !seen.has(m)) {
            seen.add(m);
            queue.push(m);
          }
        }
      }
    }
    if (comp.length > limit) continue;
    const col = new Map(comp.map((k, i) => [k, i] as const));
    const n = comp.length;
    const matrix: number[][] = [];
    for (const ri of rels) {
      const parent = relations.parent[ri];
      const row = new Array<number>(n).fill(0);
      let any = false;
      if (parent >= 0 && state[parent]) {
        row[col.get(parent) as number] -= 1;
        any = true;
      }
      for (let x = relations.off[ri]; x < relations.off[ri + 1]; x++) {
        const c = relations.child[x];
        if (state[c]) {
          row[col.get(c) as number] += 1;
          any = true;
        }
      }
      if (any) matrix.push(row);
    }
    // reduced row echelon form
    let r = 0;
    const pivots: number[] = [];
    for (let c = 0; c < n && r < matrix.length; c++) {
      let p = -1;
      for (let i = r; i < matrix.length; i++) if (Math.abs(matrix[i][c]) > 1e-9) {
        p = i;
        break;
      }
      if (p < 0) continue;
      [matrix[r], matrix[p]] = [matrix[p], matrix[r]];
      const pv = matrix[r][c];
      for (let j = 0; j < n; j++) matrix[r][j] /= pv;
      for (let i = 0; i < matrix.length; i++) {
        if (i === r || Math.abs(matrix[i][c]) <= 1e-9) continue;
        const f = matrix[i][c];
        for (let j = 0; j < n; j++) matrix[i][j] -= f * matrix[r][j];
      }
      pivots.push(c);
      r++;
    }
    for (let i = 0; i < r; i++) {
      let nz = 0;
      for (let j = 0; j < n; j++) if (Math.abs(matrix[i][j]) > 1e-9) nz++;
      if (nz === 1) out.push(comp[pivots[i]]);
    }
  }
  return out;
}
