/**
 * The disclosure model of a tidy indicator table: the counts it publishes ("cells") and the
 * additive relations between them that anyone holding the tables knows.
 *
 * A row publishes up to two counts: its numerator and, for proportions and question tables, its
 * denominator. Counts are identified by what they count, not by the row: the acute admissions of
 * a unit-year-group-sex are the numerator of `admission_rate` and the denominator of every
 * question table over acute admissions (who_age, who_referral, weekday_hour, weekend,
 * deaths_after_admission), so they are one cell. An age band's count (`who_age:65-69`) is the same
 * whichever group row shows it, so it is one cell too (key group "all"). Rate denominators are
 * populations (public, Statistics Denmark's FOLK1A) and amounts (cost in DKK) are not counts:
 * neither is a cell.
 *
 * Relations (parent = Σ children), found from the keys and, where every value is known, checked
 * against the numbers: municipalities → cluster → region (and municipalities → region), months →
 * quarter → year (and months → year), F + M → all, disjoint age bands → the band they cover, and
 * the categories of a partitioning question table → their total (for who_age: the bands inside a
 * group → that group's acute admissions; per focus area, the categories → the area's admissions,
 * the numerator of its focus-area rate, questionFamilies.ts), and the hours of the weekdays
 * (weekend days) of weekday_hour → the weekday (weekend) admissions of the weekend table.
 *
 * Each cell belongs to a class (kind of count × level × period kind × group); classes are ordered
 * from coarse to fine (hierarchical, as HiTaS, de Wolf 2002), standard groups (all, 0-2, 65+)
 * before any other band, counts before question-table categories. Women, men and both sexes are one
 * class: a count by sex that the finer tables cannot protect can then be protected by a count of
 * both sexes of the same table, and every lattice holds all three (publishableLattice.ts).
 * Suppression decides the classes in this order and never changes an earlier class, so a cell's
 * fate depends only on coarser cells, never on which finer tables a call asked for.
 */
import { enclosingPeriod, parsePeriod, periodKindOf, periodLabel } from "../contract/period.js";
import { parseAgeGroup, type AgeGroup } from "./ageGroup.js";
import { STANDARD_BAND_STARTS, standardBandLabel } from "./indicatorContext.js";
import { partitionDepth, partitionTotal, questionQuantities, splitFamily, weekPartOfHourCategory } from "./questionFamilies.js";
import type { IndicatorRow } from "./table.js";

const READMISSION_AREA = "focus_readmission_30d_";

/** Groups every lattice contains, whatever a call asks for. */
export const STANDARD_GROUPS = ["all", "0-2", "65+"] as const;

/** Question tables whose categories add up to their total (the denominator). */
const PARTITION_FAMILIES = new Set(["who_age", "who_referral", "weekday_hour", "weekend"]);
/** Question tables whose denominator is the acute admissions (the admission_rate numerator). */
const ACUTE_FAMILIES = new Set(["who_age", "who_referral", "weekday_hour", "weekend", "deaths_after_admission"]);
/** Families that are not question tables (no total relation between their parts). */
const NOT_FAMILIES = ["cost_per_citizen", "experience_positive"];

/** What a row's numerator and denominator count (null: not a count cell). */
export interface RowQuantities {
  readonly numerator: string | null;
  readonly denominator: string | null;
  /** The question-table family whose categories add up to the denominator, or null. */
  readonly partition: string | null;
}

/** The counts of a row, by its indicator id (see the module comment). */
export function quantitiesOf(indicator: string, isAmount: (indicator: string) => boolean): RowQuantities {
  if (isAmount(indicator)) return { numerator: null, denominator: null, partition: null };
  if (indicator === "admission_rate") return { numerator: "acute", denominator: null, partition: null };
  if (indicator === "readmission_30d") return { numerator: "readmitted_30d", denominator: "index_admissions", partition: null };
  // a target population's readmissions (readmission_30d@medical): its own index admissions
  if (indicator.startsWith("readmission_30d@")) return { numerator: `readmitted_30d${indicator.slice(15)}`, denominator: `index_admissions${indicator.slice(15)}`, partition: null };
  // a focus area's readmissions: of its index admissions (focusAreaRates)
  if (indicator.startsWith(READMISSION_AREA)) return { numerator: indicator, denominator: `focus_index_${indicator.slice(READMISSION_AREA.length)}`, partition: null };
  const colon = indicator.indexOf(":");
  if (colon < 0) return { numerator: indicator, denominator: null, partition: null };
  const family = indicator.slice(0, colon);
  if (family === "experience_positive") return { numerator: indicator, denominator: `experience_total:${indicator.slice(colon + 1)}`, partition: null };
  if (NOT_FAMILIES.includes(family)) return { numerator: indicator, denominator: null, partition: null };
  // the question tables, also per focus area (questionFamilies.ts)
  const question = questionQuantities(indicator, family, indicator.slice(colon + 1));
  if (question !== null) return question;
  const denominator = ACUTE_FAMILIES.has(family) ? "acute" : `${family}:total`;
  const partition = PARTITION_FAMILIES.has(family) || !ACUTE_FAMILIES.has(family) && family !== "short_stays" ? family : null;
  return { numerator: indicator, denominator, partition };
}

/** Relations in compact form: relation r has parent[r] and children child[off[r] … off[r + 1] − 1]. */
export interface CompactRelations {
  readonly count: number;
  readonly parent: Int32Array;
  readonly off: Int32Array;
  readonly child: Int32Array;
}

export interface DisclosureModel {
  readonly cellCount: number;
  /** Value of each cell (NaN when no row publishes it). */
  readonly value: Float64Array;
  /** Cell of each row's numerator and denominator (−1: none). */
  readonly rowNumerator: Int32Array;
  readonly rowDenominator: Int32Array;
  /** Position of each cell's class in the processing order. */
  readonly cellClass: Int32Array;
  /** First row that shows each cell (a deterministic order within a class). */
  readonly firstRow: Int32Array;
  readonly relations: CompactRelations;
  /** Class position at which each relation is decided (the latest class among its members). */
  readonly relationClass: Int32Array;
  readonly classNames: readonly string[];
  /**
   * The down-set of each class: `classBelow[k * C + a]` is 1 when class a lies at or below class k
   * (C = classNames.length): no finer level or period, a group that class k's decision may
   * see (its own; for question-table categories every standard group; for a custom band
   * the standard groups and bands before it) and decided before k. Every lattice that holds k
   * holds its down-set, so a decision that looks only at it is the same in every call.
   */
  readonly classBelow: Uint8Array;
  /** A readable key of a cell (quantity|level|unit|period|group|sex): no values. */
  readonly label: (cell: number) => string;
}

export interface ModelOptions {
  /** Municipality (unit) → cluster. */
  readonly clusterOf?: ReadonlyMap<string, string> | Readonly<Record<string, string>>;
  readonly isAmount?: (indicator: string) => boolean;
  /** Check relations against the values where every value is known (default true). */
  readonly checkSums?: boolean;
}

const D_QUANTITY = 0;
const D_LEVEL = 1;
const D_UNIT = 2;
const D_PERIOD = 3;
const D_GROUP = 4;
const D_SEX = 5;
const RADIX = [1, 4, 8192, 8192, 256, 4];
const LEVEL_DEPTH: Record<string, number> = { region: 0, cluster: 1, municipality: 2 };

/** Interned dimension values and packed numeric keys (below 2^53). */
class Keys {
  readonly dicts = [0, 1, 2, 3, 4, 5].map(() => new Map<string, number>());
  readonly names: string[][] = [[], [], [], [], [], []];
  id(dim: number, value: string): number {
    const d = this.dicts[dim];
    let x = d.get(value);
    if (x === undefined) {
      x = d.size;
      if (dim > 0 && x >= RADIX[dim]) throw new RangeError(`disclosure model: too many distinct values of one column (${dim})`);
      d.set(value, x);
      this.names[dim].push(value);
    }
    return x;
  }
  pack(ids: ArrayLike<number>): number {
    let k = ids[0];
    for (let d = 1; d < 6; d++) k = k * RADIX[d] + ids[d];
    return k;
  }
}

/** Kind of a period label for the disclosure classes: year, quarter, month, other (half-years and unknown labels). */
function disclosurePeriodKind(period: string): "year" | "quarter" | "month" | "other" {
  const kind = periodKindOf(period);
  return kind === null || kind === "half" ? "other" : kind;
}
const PERIOD_DEPTH = { year: 0, quarter: 1, month: 2, other: 0 } as const;

function safeAgeGroup(label: string): AgeGroup | null {
  try {
    return parseAgeGroup(label);
  } catch {
    return null;
  }
}

/** The 5-year band of a who_age category, or null. */
function whoAgeBand(quantity: string): AgeGroup | null {
  return quantity.startsWith("who_age:") ? safeAgeGroup(quantity.slice(8)) : null;
}

/** Bands of the who_age table inside a group, when they cover it exactly (else null). */
function bandsCovering(g: AgeGroup): string[] | null {
  const starts: readonly number[] = STANDARD_BAND_STARTS;
  const i = starts.indexOf(g.lo);
  if (i < 0) return null;
  const out: string[] = [];
  for (let b = i; b < starts.length; b++) {
    const hi = b + 1 < starts.length ? starts[b + 1] - 1 : Infinity;
    if (hi > g.hi) return null;
    out.push(standardBandLabel(b));
    if (hi === g.hi) return out;
  }
  return null;
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

/**
 * Build the disclosure model of a table (cells, relations, classes). Rows whose numerator is
 * null (suppressed) give cells of unknown value: the model of published tables is the attacker's.
 */
export function disclosureModel(rows: readonly IndicatorRow[], options: ModelOptions = {}): DisclosureModel {
  const isAmount = options.isAmount ?? ((ind: string) => ind.startsWith("cost_per_citizen"));
  const checkSums = options.checkSums ?? true;
  const keys = new Keys();
  const cellOf = new Map<number, number>();
  const cellIdList = new IntList(); // per cell: its 6 ids (cell c at 6c … 6c + 5)
  const values: number[] = [];
  const firstRow: number[] = [];
  const rowNumerator = new Int32Array(rows.length).fill(-1);
  const rowDenominator = new Int32Array(rows.length).fill(-1);
  const partitionOf = new Map<number, string>(); // cell → partition family (categories)
  const quantityMemo = new Map<string, RowQuantities>();
  const allGroup = keys.id(D_GROUP, "all");
  const ids = [0, 0, 0, 0, 0, 0];
  const cell = (quantity: string, r: IndicatorRow, group: number, v: number | null, row: number): number => {
    ids[D_QUANTITY] = keys.id(D_QUANTITY, quantity);
    ids[D_LEVEL] = keys.id(D_LEVEL, r.level);
    ids[D_UNIT] = keys.id(D_UNIT, r.unit);
    ids[D_PERIOD] = keys.id(D_PERIOD, r.period);
    ids[D_GROUP] = group;
    ids[D_SEX] = keys.id(D_SEX, r.sex);
    const k = keys.pack(ids);
    let c = cellOf.get(k);
    if (c === undefined) {
      cellOf.set(k, (c = values.length));
      for (let d = 0; d < 6; d++) cellIdList.push(ids[d]);
      values.push(Number.NaN);
      firstRow.push(row);
    }
    if (v !== null && Number.isNaN(values[c])) values[c] = v;
    return c;
  };
  for (let i = 0; i < rows.length; i++) {
    const r = rows[i];
    let q = quantityMemo.get(r.indicator);
    if (q === undefined) quantityMemo.set(r.indicator, (q = quantitiesOf(r.indicator, isAmount)));
    const group = keys.id(D_GROUP, r.group);
    if (q.numerator !== null) {
      const band = whoAgeBand(q.numerator);
      const c = cell(q.numerator, r, band ? allGroup : group, r.numerator, i);
      rowNumerator[i] = c;
      if (q.partition) partitionOf.set(c, q.partition);
    }
    if (q.denominator !== null) rowDenominator[i] = cell(q.denominator, r, group, r.denominator, i);
  }
  const n = values.length;
  const cellIdData = cellIdList.data;
  /** The 6 ids of cell c, copied into `into` (a reused array: no allocation per cell). */
  const cellIds = (c: number, into: number[] = [0, 0, 0, 0, 0, 0]): number[] => {
    for (let d = 0; d < 6; d++) into[d] = cellIdData[6 * c + d];
    return into;
  };
  const cellIdScratch = [0, 0, 0, 0, 0, 0];

  // Classes: kind of count × level × period kind × group, ordered coarse to fine.
  const classIndex = new Map<string, number>();
  const classKeys: { name: string; sort: (string | number)[] }[] = [];
  const classDims: { level: number; period: number; group: string; standard: boolean; category: number }[] = [];
  const cellClassRaw = new Int32Array(n);
  for (let c = 0; c < n; c++) {
    const id = cellIds(c, cellIdScratch);
    const quantity = keys.names[D_QUANTITY][id[D_QUANTITY]];
    const family = partitionOf.has(c) ? (partitionOf.get(c) as string) : quantity.includes(":") && !quantity.endsWith(":total") ? quantity.slice(0, quantity.indexOf(":")) : "";
    const category = family !== "" && !NOT_FAMILIES.includes(family) ? 1 : 0;
    const level = keys.names[D_LEVEL][id[D_LEVEL]];
    const kind = disclosurePeriodKind(keys.names[D_PERIOD][id[D_PERIOD]]);
    const group = keys.names[D_GROUP][id[D_GROUP]];
    const standard = (STANDARD_GROUPS as readonly string[]).includes(group);
    // both sexes and their total in one class (F + M = all is decided within it)
    const name = `${category ? `category:${family}` : "count"}|${level}|${kind}|${group}`;
    let k = classIndex.get(name);
    if (k === undefined) {
      classIndex.set(name, (k = classKeys.length));
      classDims.push({ level: LEVEL_DEPTH[level] ?? 2, period: PERIOD_DEPTH[kind], group, standard, category });
      const rank = (LEVEL_DEPTH[level] ?? 2) + PERIOD_DEPTH[kind] + (group === "all" ? 0 : 1);
      // standard groups' counts, their categories, then other bands (each its counts, then categories);
      // a question table whose categories add up to another table's category after that table
      const depth = category ? partitionDepth(family) : 0;
      classKeys.push({ name, sort: [standard ? 0 : 1, standard ? category : group, standard ? depth : category, standard ? rank : depth, rank, name] });
    }
    cellClassRaw[c] = k;
  }
  const order = classKeys.map((_, i) => i).sort((a, b) => {
    const x = classKeys[a].sort;
    const y = classKeys[b].sort;
    for (let j = 0; j < x.length; j++) if (x[j] !== y[j]) return x[j] < y[j] ? -1 : 1;
    return 0;
  });
  const position = new Int32Array(classKeys.length);
  order.forEach((k, pos) => (position[k] = pos));
  const cellClass = new Int32Array(n);
  for (let c = 0; c < n; c++) cellClass[c] = position[cellClassRaw[c]];
  const classNames = order.map((k) => classKeys[k].name);
  const C = order.length;
  const classBelow = new Uint8Array(C * C);
  for (let kp = 0; kp < C; kp++) {
    const k = classDims[order[kp]];
    for (let ap = 0; ap <= kp; ap++) {
      const a = classDims[order[ap]];
      if (a.level > k.level || a.period > k.period) continue;
      const group =
        a.group === k.group ||
        (k.standard ? a.standard && k.category === 1 : a.standard || a.group < k.group);
      if (group) classBelow[kp * C + ap] = 1;
    }
  }

  // Candidate relations: (tag, parent key) → children.
  const clusterOf =
    options.clusterOf instanceof Map ? options.clusterOf : new Map(Object.entries((options.clusterOf ?? {}) as Record<string, string>));
  const regionUnit = rows.find((x) => x.level === "region")?.unit;
  // tag → parent key → candidate number; each candidate's children are collected as (candidate,
  // child) pairs in typed lists and grouped once at the end (no array per candidate)
  const candidates = new Map<string, Map<number, number>>();
  let candidateCount = 0;
  const pairCandidate = new IntList();
  const pairChild = new IntList();
  const expected = new Map<string, number>(); // tag|parent → expected children (when known)
  const add = (tag: string, parentIds: number[], child: number): void => {
    let m = candidates.get(tag);
    if (!m) candidates.set(tag, (m = new Map()));
    const k = keys.pack(parentIds);
    let candidate = m.get(k);
    if (candidate === undefined) m.set(k, (candidate = candidateCount++));
    pairCandidate.push(candidate);
    pairChild.push(child);
  };
  // a cell's ids with one changed, in a scratch array that `add` reads at once (packs into a key)
  const scratchIds = [0, 0, 0, 0, 0, 0];
  const with1 = (id: ArrayLike<number>, d: number, v: number): number[] => {
    for (let j = 0; j < 6; j++) scratchIds[j] = id[j];
    scratchIds[d] = v;
    return scratchIds;
  };
  // Age bands among the lattice's groups that exactly cover another group.
  const groupNames = keys.names[D_GROUP].slice();
  const parsed = groupNames.map(safeAgeGroup);
  const covers = new Map<number, number[]>();
  parsed.forEach((p, gi) => {
    if (!p) return;
    const chain: number[] = [];
    let cursor = p.lo;
    for (;;) {
      let best = -1;
      parsed.forEach((q, qi) => {
        if (!q || qi === gi || q.lo !== cursor || q.hi > p.hi) return;
        if (best < 0 || q.hi < (parsed[best] as AgeGroup).hi) best = qi;
      });
      if (best < 0) break;
      chain.push(best);
      const b = parsed[best] as AgeGroup;
      if (b.hi === p.hi) {
        covers.set(gi, chain);
        break;
      }
      cursor = b.hi + 1;
    }
  });
  const coverOf = new Map<number, number[]>(); // child group → parent groups it helps cover
  for (const [parent, chain] of covers) for (const ch of chain) coverOf.set(ch, [...(coverOf.get(ch) ?? []), parent]);
  // who_age: the groups of the lattice that the bands cover exactly, and their bands.
  const bandGroups = new Map<string, number[]>(); // band label → groups it lies in (covered groups)
  parsed.forEach((p, gi) => {
    if (!p) return;
    const bands = bandsCovering(p);
    if (!bands) return;
    for (const b of bands) bandGroups.set(b, [...(bandGroups.get(b) ?? []), gi]);
    expected.set(`fam-age|${gi}`, bands.length);
  });
  const acuteQ = keys.dicts[D_QUANTITY].get("acute");
  const periodIds = new Map<number, { q: number; y: number } | null>();
  const famTotal = new Map<number, number>(); // category quantity id → total quantity id
  const familySize = new Map<string, Set<number>>();
  for (let c = 0; c < n; c++) {
    const id = cellIds(c, cellIdScratch);
    const level = keys.names[D_LEVEL][id[D_LEVEL]];
    const unit = keys.names[D_UNIT][id[D_UNIT]];
    if (keys.names[D_SEX][id[D_SEX]] !== "all") add("sex", with1(id, D_SEX, keys.id(D_SEX, "all")), c);
    if (level === "municipality") {
      // a pooled unit ("751+741") lies in the cluster of its municipalities
      const cl = clusterOf.get(unit) ?? (unit.includes("+") ? clusterOf.get(unit.slice(0, unit.indexOf("+"))) : undefined);
      if (cl !== undefined) {
        const p = with1(id, D_LEVEL, keys.id(D_LEVEL, "cluster"));
        p[D_UNIT] = keys.id(D_UNIT, cl);
        add("geo", p, c);
      }
      if (regionUnit !== undefined) {
        const p = with1(id, D_LEVEL, keys.id(D_LEVEL, "region"));
        p[D_UNIT] = keys.id(D_UNIT, regionUnit);
        add("geo-m", p, c);
      }
    } else if (level === "cluster" && regionUnit !== undefined) {
      const p = with1(id, D_LEVEL, keys.id(D_LEVEL, "region"));
      p[D_UNIT] = keys.id(D_UNIT, regionUnit);
      add("geo-c", p, c);
    }
    let pid = periodIds.get(id[D_PERIOD]);
    if (pid === undefined) {
      const per = keys.names[D_PERIOD][id[D_PERIOD]];
      const p = parsePeriod(per);
      pid = null;
      if (p?.kind === "month") pid = { q: keys.id(D_PERIOD, periodLabel(enclosingPeriod(p, "quarter"))), y: keys.id(D_PERIOD, periodLabel(enclosingPeriod(p, "year"))) };
      else if (p?.kind === "quarter") pid = { q: -1, y: keys.id(D_PERIOD, periodLabel(enclosingPeriod(p, "year"))) };
      periodIds.set(id[D_PERIOD], pid);
    }
    if (pid && pid.q >= 0) {
      add("mq", with1(id, D_PERIOD, pid.q), c);
      add("my", with1(id, D_PERIOD, pid.y), c);
    } else if (pid) add("qy", with1(id, D_PERIOD, pid.y), c);
    for (const parent of coverOf.get(id[D_GROUP]) ?? []) add(`age|${parent}`, with1(id, D_GROUP, parent), c);
    const family = partitionOf.get(c);
    if (family !== undefined) {
      const quantity = keys.names[D_QUANTITY][id[D_QUANTITY]];
      let size = familySize.get(family);
      if (!size) familySize.set(family, (size = new Set()));
      size.add(id[D_QUANTITY]);
      const band = whoAgeBand(quantity);
      if (band && acuteQ !== undefined) {
        for (const g of bandGroups.get(band.label) ?? []) {
          const p = with1(id, D_QUANTITY, acuteQ);
          p[D_GROUP] = g;
          add(`fam-age|${g}`, p, c);
        }
      } else {
        let t = famTotal.get(id[D_QUANTITY]);
        if (t === undefined) famTotal.set(id[D_QUANTITY], (t = keys.id(D_QUANTITY, partitionTotal(family))));
        add(`fam|${family}`, with1(id, D_QUANTITY, t), c);
        // the hours of the weekdays (weekend days) add up to the weekday (weekend) admissions
        const { base, area } = splitFamily(family);
        const part = base === "weekday_hour" ? weekPartOfHourCategory(quantity.slice(quantity.indexOf(":") + 1)) : null;
        if (part !== null) {
          const tag = `wk|${family}|${part}`;
          expected.set(tag, part === "weekend" ? 48 : 120);
          add(tag, with1(id, D_QUANTITY, keys.id(D_QUANTITY, `weekend${area === null ? "" : `@${area}`}:${part}`)), c);
        }
      }
    }
  }
  for (const [family, size] of familySize) expected.set(`fam|${family}`, size.size);
  // children of candidate q: candidateChild[candidateStart[q] … candidateStart[q + 1] − 1], in the order added
  const candidateStart = new Int32Array(candidateCount + 1);
  for (let i = 0; i < pairCandidate.length; i++) candidateStart[pairCandidate.data[i] + 1]++;
  for (let q = 0; q < candidateCount; q++) candidateStart[q + 1] += candidateStart[q];
  const candidateChild = new Int32Array(pairCandidate.length);
  const next = candidateStart.slice(0, candidateCount);
  for (let i = 0; i < pairCandidate.length; i++) candidateChild[next[pairCandidate.data[i]]++] = pairChild.data[i];
  const fixedSize: Record<string, number> = { sex: 2, mq: 3, my: 12, qy: 4 };
  for (const [parent, chain] of covers) expected.set(`age|${parent}`, chain.length);
  // Geography: a relation is complete when it has as many children as the largest relation of
  // the same parent unit (every table has every unit).
  const maxChildren = new Map<string, number>();
  for (const tag of ["geo", "geo-m", "geo-c"])
    for (const [k, q] of candidates.get(tag) ?? []) {
      const unit = Math.floor(k / (RADIX[3] * RADIX[4] * RADIX[5])) % RADIX[2];
      const mk = `${tag}|${unit}`;
      maxChildren.set(mk, Math.max(maxChildren.get(mk) ?? 0, candidateStart[q + 1] - candidateStart[q]));
    }

  const parent = new IntList();
  const off = new IntList();
  const child = new IntList();
  const relationClass = new IntList();
  off.push(0);
  const tags = [...candidates.keys()].sort();
  for (const tag of tags) {
    const m = candidates.get(tag) as Map<number, number>;
    for (const [k, q] of m) {
      const p = cellOf.get(k);
      if (p === undefined) continue;
      const from = candidateStart[q];
      const to = candidateStart[q + 1];
      let want: number | undefined = fixedSize[tag] ?? expected.get(tag);
      if (want === undefined && tag.startsWith("geo")) want = maxChildren.get(`${tag}|${Math.floor(k / (RADIX[3] * RADIX[4] * RADIX[5])) % RADIX[2]}`);
      if (want !== undefined && to - from !== want) continue;
      if (checkSums) {
        let sum = 0;
        let known = !Number.isNaN(values[p]);
        for (let x = from; x < to; x++) {
          const c = candidateChild[x];
          if (Number.isNaN(values[c])) known = false;
          sum += values[c];
        }
        if (known && !(Math.abs(sum - values[p]) <= 1e-6 * Math.max(1, Math.abs(values[p])))) continue;
      }
      parent.push(p);
      let cls = cellClass[p];
      for (let x = from; x < to; x++) {
        const c = candidateChild[x];
        child.push(c);
        if (cellClass[c] > cls) cls = cellClass[c];
      }
      off.push(child.length);
      relationClass.push(cls);
    }
  }
  const label = (c: number): string => cellIds(c).map((v, d) => keys.names[d][v]).join("|");
  return {
    cellCount: n,
    value: Float64Array.from(values),
    rowNumerator,
    rowDenominator,
    cellClass,
    firstRow: Int32Array.from(firstRow),
    relations: { count: parent.length, parent: parent.data.slice(0, parent.length), off: off.data.slice(0, off.length), child: child.data.slice(0, child.length) },
    relationClass: relationClass.data.slice(0, relationClass.length),
    classNames,
    classBelow,
    label,
  };
}
