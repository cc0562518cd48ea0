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
}

/** One additive relation: parent = Σ children (parent −1 when the total is implied, not a row). */
export interface Relation {
  readonly parent: number;
  readonly children: readonly number[];
}

const NOTE_PRIMARY = (m: number) => `suppressed: a count below ${m}`;
const NOTE_SECONDARY = "suppressed: would reveal a suppressed cell from the totals";

/** Cell keys as numbers: each dimension interned to a small integer and packed (48 bits). */
class CellKeys {
  private readonly dicts = [new Map<string, number>(), new Map<string, number>(), new Map<string, number>(), new Map<string, number>(), new Map<string, number>(), new Map<string, number>()];
  private static readonly RADIX = [1, 4, 8192, 8192, 256, 4]; // indicator, level, unit, period, group, sex
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
  key(r: IndicatorRow, over: Partial<Record<"level" | "unit" | "period" | "group" | "sex" | "indicator", string>> = {}): number {
    const v = [
      this.id(0, over.indicator ?? r.indicator),
      this.id(1, over.level ?? r.level),
      this.id(2, over.unit ?? r.unit),
      this.id(3, over.period ?? r.period),
      this.id(4, over.group ?? r.group),
      this.id(5, over.sex ?? r.sex),
    ];
    let k = v[0];
    for (let d = 1; d < 6; d++) k = k * CellKeys.RADIX[d] + v[d];
    return k;
  }
}

/** Find the additive relations of a tidy table (see the module comment). */
export function findRelations(rows: readonly IndicatorRow[], options: SuppressOptions = {}): Relation[] {
  const keys = new CellKeys();
  const byKey = new Map<number, number>();
  rows.forEach((r, i) => byKey.set(keys.key(r), i));
  const clusterOf =
    options.clusterOf instanceof Map ? options.clusterOf : new Map(Object.entries((options.clusterOf ?? {}) as Record<string, string>));
  const region = rows.find((x) => x.level === "region")?.unit;
  const candidates = new Map<string, Map<number, { parent: number; children: number[] }>>();
  const addTo = (tag: string, key: number, parent: number, child: number): void => {
    let m = candidates.get(tag);
    if (!m) candidates.set(tag, (m = new Map()));
    let c = m.get(key);
    if (!c) m.set(key, (c = { parent, children: [] }));
    c.children.push(child);
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
  const link = (tag: string, r: IndicatorRow, i: number, over: Parameters<CellKeys["key"]>[1]): void => {
    const k = keys.key(r, over);
    const p = byKey.get(k);
    if (p !== undefined) addTo(tag, k, p, i);
  };

  rows.forEach((r, i) => {
    if (r.sex !== "all") link("sex", r, i, { sex: "all" });
    if (r.level === "municipality") {
      const cl = clusterOf.get(r.unit);
      if (cl !== undefined) link("geo", r, i, { level: "cluster", unit: cl });
      if (region !== undefined) link("geo-m", r, i, { level: "region", unit: region });
    } else if (r.level === "cluster" && region !== undefined) link("geo-c", r, i, { level: "region", unit: region });
    const per = r.period;
    if (per.length === 7 && per[4] === "-" && per[5] !== "Q") {
      const y = per.slice(0, 4);
      link("mq", r, i, { period: `${y}-Q${Math.floor((Number(per.slice(5)) - 1) / 3) + 1}` });
      link("my", r, i, { period: y });
    } else if (per.length === 7 && per[5] === "Q") link("qy", r, i, { period: per.slice(0, 4) });
    if (isFamilyCategory(r.indicator)) addTo("fam", keys.key(r, { indicator: r.indicator.slice(0, r.indicator.indexOf(":")) }), -1, i);
  });
  // age bands
  rows.forEach((r, i) => {
    const chain = covers.get(r.group);
    if (!chain) return;
    const children = chain.map((g) => byKey.get(keys.key(r, { group: g })));
    if (!children.every((c) => c !== undefined)) return;
    let m = candidates.get("age");
    if (!m) candidates.set("age", (m = new Map()));
    m.set(i, { parent: i, children: children as number[] });
  });

  const out: Relation[] = [];
  for (const [name, m] of candidates) for (const c of m.values()) {
    if (c.children.length < 2 && c.parent >= 0) {
      // a single child equal to its parent: both or neither are suppressed by the same rule
      if (c.children.length === 0) continue;
    }
    if (c.parent >= 0) {
      const sum = c.children.reduce((s, k) => s + (rows[k].numerator ?? Number.NaN), 0);
      const p = rows[c.parent].numerator ?? Number.NaN;
      if (!(Math.abs(sum - p) <= 1e-6 * Math.max(1, Math.abs(p)))) continue;
    } else {
      // implied total: the categories must share one denominator and add up to it
      const den = rows[c.children[0]].denominator;
      if (den === null || c.children.some((k) => rows[k].denominator !== den)) continue;
      const sum = c.children.reduce((s, k) => s + (rows[k].numerator ?? Number.NaN), 0);
      if (!(Math.abs(sum - den) <= 1e-6 * Math.max(1, Math.abs(den)))) continue;
      if (name !== "fam") continue;
    }
    out.push({ parent: c.parent, children: c.children });
  }
  return out;
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
  const relations = findRelations(rows, options);
  const size = (i: number) => (rows[i].numerator ?? 0) + (rows[i].denominator ?? 0) * 1e-12;
  const closeRelations = (): void => {
    let changed = true;
    while (changed) {
      changed = false;
      for (const rel of relations) {
        const members = rel.parent >= 0 ? [rel.parent, ...rel.children] : rel.children;
        let hidden = 0;
        for (const k of members) if (state[k]) hidden++;
        if (hidden !== 1 || members.length < 2) continue;
        let pick = -1;
        for (const k of rel.children) if (!state[k] && (pick < 0 || size(k) < size(pick))) pick = k;
        if (pick < 0) pick = rel.parent;
        if (pick < 0) continue;
        state[pick] = 2;
        changed = true;
      }
    }
  };
  closeRelations();
  // Audit: exact solution of the published relations; suppress more where a cell is determined.
  for (let round = 0; round < 50; round++) {
    const determined = determinedCells(rows, relations, state, options.auditLimit ?? 200);
    if (determined.length === 0) break;
    for (const cell of determined) {
      let pick = -1;
      for (const rel of relations) {
        const members = rel.parent >= 0 ? [rel.parent, ...rel.children] : rel.children;
        if (!members.includes(cell)) continue;
        for (const k of members) if (!state[k] && (pick < 0 || size(k) < size(pick))) pick = k;
      }
      if (pick >= 0) state[pick] = 2;
    }
    closeRelations();
  }
  return rows.map((r, i) => {
    if (!state[i]) return r;
    const blank: Record<string, unknown> = { ...r, numerator: null, denominator: null, value: null, lower: null, upper: null, suppressed: true };
    for (const k of ["std_value", "std_lower", "std_upper", "isr_value", "isr_lower", "isr_upper", "isr_expected"]) if (k in r) blank[k] = null;
    blank.note = state[i] === 1 ? NOTE_PRIMARY(minCount) : NOTE_SECONDARY;
    return blank as unknown as IndicatorRow;
  });
}

/**
 * Suppressed cells whose numerator is fixed by the published relations (exact elimination per
 * connected component of suppressed cells, components up to `limit` unknowns).
 */
export function determinedCells(rows: readonly IndicatorRow[], relations: readonly Relation[], state: Uint8Array, limit: number): number[] {
  // Unknowns: suppressed cells, plus implied totals (family relations: the total is published).
  const relOf = new Map<number, number[]>();
  relations.forEach((rel, ri) => {
    for (const k of rel.parent >= 0 ? [rel.parent, ...rel.children] : rel.children) {
      if (!state[k]) continue;
      let l = relOf.get(k);
      if (!l) relOf.set(k, (l = []));
      l.push(ri);
    }
  });
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
        const rel = relations[ri];
        for (const m of rel.parent >= 0 ? [rel.parent, ...rel.children] : rel.children) {
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
      const rel = relations[ri];
      const row = new Array<number>(n).fill(0);
      let any = false;
      if (rel.parent >= 0 && state[rel.parent]) {
        row[col.get(rel.parent) as number] -= 1;
        any = true;
      }
      for (const c of rel.children)
        if (state[c]) {
          row[col.get(c) as number] += 1;
          any = true;
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
