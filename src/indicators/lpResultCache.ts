/**
 * Answers of lpRanges kept by the content of the linear system, so that the same system is solved
 * once per process (and, for a dataset from the cache, once per cached dataset: the answers solved
 * here are kept in a file beside its entry and added back by later processes, keptSolverAnswers.ts). The suppression decision meets the same connected set of hidden counts more
 * than once: a finer class whose view adds no relation to a set sees the set its coarser class
 * proved, and the report's calls (its indicators, the question tables, the intervention rows)
 * each decide the yearly lattice they share. On the demo report with both sexes decided as one
 * class, 43 % of the linear programs were such repeats (issue 12).
 *
 * lpRanges is a pure function of the system, its known point and the threshold, so a stored
 * answer is the answer. A hit is only taken when every array of the stored system equals the
 * asked one (the hash only finds the candidates). The store is bounded: past `MAX_BYTES` of
 * stored systems it is emptied and fills again.
 */
import type { LpRanges, LpSet } from "./lpRanges.js";

/** Bytes of stored systems and answers before the store is emptied (about 64 MB). */
const MAX_BYTES = 64 * 1024 * 1024;

/** One stored answer: the system, the threshold and lpRanges' answer for them. */
export interface LpAnswer {
  readonly set: LpSet;
  readonly minCount: number;
  readonly ranges: LpRanges;
}

let store = new Map<number, LpAnswer[]>();
let storedBytes = 0;
/** The answers solved (not added) since the store was last emptied, in order; see lpAnswersSince. */
let solvedLog: LpAnswer[] = [];
/** How many times the store has been emptied (a mark from before then cannot be followed). */
let generation = 0;

type NumArray = Int32Array | Float64Array;

function mix(h: number, x: number): number {
  return Math.imul(h ^ x, 0x01000193) >>> 0;
}

function mixArray(h: number, a: NumArray): number {
  h = mix(h, a.length);
  if (a instanceof Int32Array) {
    for (let i = 0; i < a.length; i++) h = mix(h, a[i]);
    return h;
  }
  // doubles: hash their integer and fractional parts (counts are integers; the rest rarely differs)
  for (let i = 0; i < a.length; i++) {
    const v = a[i];
    const t = Math.trunc(v);
    h = mix(mix(h, t | 0), Number.isFinite(v) ? Math.round((v - t) * 1e6) | 0 : v > 0 ? 1 : 2);
  }
  return h;
}

/** A hash of a system and threshold (equal systems, equal hashes; compare with sameLpSet). */
export function lpSetHash(set: LpSet, minCount: number): number {
  let h = mix(0x811c9dc5, set.columns);
  h = mix(h, minCount);
  h = mixArray(h, set.starts);
  h = mixArray(h, set.indices);
  h = mixArray(h, set.values);
  h = mixArray(h, set.rowLower);
  h = mixArray(h, set.rowUpper);
  return set.point ? mixArray(h, set.point) : mix(h, 7);
}

function same(a: NumArray | undefined, b: NumArray | undefined): boolean {
  if (a === undefined || b === undefined) return a === b;
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (!Object.is(a[i], b[i])) return false;
  return true;
}

/** Whether two systems are the same, array by array. */
export function sameLpSet(a: LpSet, b: LpSet): boolean {
  return (
    a.columns === b.columns &&
    same(a.starts, b.starts) &&
    same(a.indices, b.indices) &&
    same(a.values, b.values) &&
    same(a.rowLower, b.rowLower) &&
    same(a.rowUpper, b.rowUpper) &&
    same(a.point, b.point)
  );
}

function bytesOf(set: LpSet): number {
  return set.starts.byteLength + set.indices.byteLength + set.values.byteLength + set.rowLower.byteLength + set.rowUpper.byteLength + (set.point?.byteLength ?? 0) + 16 * set.columns + 64;
}

/** The stored answer for this system and threshold (a copy; no programs solved), or undefined. */
export function cachedLpRanges(set: LpSet, minCount: number, hash = lpSetHash(set, minCount)): LpRanges | undefined {
  const list = store.get(hash);
  if (!list) return undefined;
  for (const e of list)
    if (e.minCount === minCount && sameLpSet(e.set, set)) return { lower: e.ranges.lower.slice(), upper: e.ranges.upper.slice(), programs: 0 };
  return undefined;
}

/** Store an answer just solved (copies of the system and the answer). */
export function storeLpRanges(set: LpSet, minCount: number, ranges: LpRanges, hash = lpSetHash(set, minCount)): void {
  const entry = keep(set, minCount, ranges, hash);
  if (entry !== null) solvedLog.push(entry);
}

/**
 * Add answers kept from an earlier process (the dataset cache's answer file, computeIndicators.ts)
 * to the store; an answer already stored is not added twice. They are not among lpAnswersSince.
 */
export function addLpAnswers(answers: readonly LpAnswer[]): void {
  for (const a of answers) {
    const hash = lpSetHash(a.set, a.minCount);
    if (cachedLpRanges(a.set, a.minCount, hash) === undefined) keep(a.set, a.minCount, a.ranges, hash);
  }
}

/** Where the log of solved answers stands now (for lpAnswersSince). */
export interface LpLogMark {
  readonly generation: number;
  readonly at: number;
}

export function lpLogMark(): LpLogMark {
  return { generation, at: solvedLog.length };
}

/**
 * The answers solved in this process since `mark`, or null when the store was emptied in between
 * (some of them are then no longer known).
 */
export function lpAnswersSince(mark: LpLogMark): readonly LpAnswer[] | null {
  return mark.generation === generation ? solvedLog.slice(mark.at) : null;
}

/** Empty the store (tests: a fresh process's state). */
export function clearLpStore(): void {
  store = new Map();
  storedBytes = 0;
  solvedLog = [];
  generation++;
}

function keep(set: LpSet, minCount: number, ranges: LpRanges, hash: number): LpAnswer | null {
  const bytes = bytesOf(set);
  if (bytes > MAX_BYTES) return null;
  if (storedBytes + bytes > MAX_BYTES) clearLpStore();
  let list = store.get(hash);
  if (!list) store.set(hash, (list = []));
  // copies: the caller keeps its arrays and may change them
  const kept: LpSet = {
    columns: set.columns,
    rowLower: set.rowLower.slice(),
    rowUpper: set.rowUpper.slice(),
    starts: set.starts.slice(),
    indices: set.indices.slice(),
    values: set.values.slice(),
    ...(set.point ? { point: set.point.slice() } : {}),
  };
  const entry: LpAnswer = { set: kept, minCount, ranges: { lower: ranges.lower.slice(), upper: ranges.upper.slice(), programs: ranges.programs } };
  list.push(entry);
  storedBytes += bytes;
  return entry;
}
