import { Random } from "../stats/random.js";
import { zForLevel } from "../stats/zForLevel.js";
import { CompareError, compareMessages, compareNotes, type CompareNote } from "./compareMessages.js";

/** One estimate to rank: a value with either a standard error or an interval at `estimateLevel`. */
export interface RankEstimateInput {
  readonly unit: string;
  readonly value: number | null;
  readonly lower?: number | null;
  readonly upper?: number | null;
  /** Standard error on the sampling scale (log scale when `scale` is "log"). */
  readonly standardError?: number;
}

export interface RankIntervalsOptions {
  /** Draws (default 2000; at least 100). */
  readonly simulations?: number;
  /** Seed of the draws (default 1). */
  readonly seed?: number;
  /** Level of the rank intervals (default 0.95). */
  readonly level?: number;
  /** Level of the input intervals (default 0.95). */
  readonly estimateLevel?: number;
  /**
   * Scale of the sampling distribution: "log" (normal on log value; ratios and rates),
   * "linear" (normal on the value), or "auto" (default: log when every value and interval is > 0).
   */
  readonly scale?: "log" | "linear" | "auto";
  /** Rank 1 is the lowest value ("ascending", default) or the highest ("descending"). */
  readonly order?: "ascending" | "descending";
}

export interface RankIntervalRow {
  readonly unit: string;
  readonly value: number;
  readonly medianRank: number;
  readonly meanRank: number;
  readonly rankLower: number;
  readonly rankUpper: number;
  /** Share of draws in which the unit has rank 1, and the last rank. */
  readonly probabilityFirst: number;
  readonly probabilityLast: number;
}

export interface RankIntervalsResult {
  readonly method: string;
  readonly scale: "log" | "linear";
  readonly order: "ascending" | "descending";
  readonly level: number;
  readonly simulations: number;
  readonly seed: number;
  /** Rows ordered by median rank (then value); each with its rank interval. */
  readonly rows: readonly RankIntervalRow[];
  /** Notes as codes plus values (text: `noteText(note, lang)`). */
  readonly notes: readonly CompareNote[];
}

/**
 * Ranks with their uncertainty, never a bare league table: draws each unit's value from a
 * normal sampling distribution (on the log scale for ratios and rates) centred on its estimate,
 * with the standard error given or recovered from its interval (se = (u − l)/(2z)), ranks the units
 * in every draw, and reports the median rank and the equal-tailed rank interval (Goldstein &
 * Spiegelhalter 1996, "League tables and their limitations", J R Stat Soc A 159:385–443;
 * Marshall & Spiegelhalter 1998, BMJ 316:1701). Seeded, so results are reproducible.
 * Cost: O(simulations · k log k) for k units.
 * @throws CompareError with fewer than two valued estimates, an estimate without spread, or
 *   values ≤ 0 on the log scale.
 * @example
 * rankIntervals(rows.map((r) => ({ unit: r.unit, value: r.ratio, lower: r.ratioLower, upper: r.ratioUpper })), { seed: 1 })
 */
export function rankIntervals(estimates: readonly RankEstimateInput[], options: RankIntervalsOptions = {}): RankIntervalsResult {
  const nSim = options.simulations ?? 2000;
  if (!Number.isInteger(nSim) || nSim < 100) throw new CompareError(compareMessages.rankBadSimulations(nSim));
  const level = options.level ?? 0.95;
  if (typeof level !== "number" || !(level > 0 && level < 1)) throw new CompareError(compareMessages.badLevel("rankIntervals", level));
  const estLevel = options.estimateLevel ?? 0.95;
  if (typeof estLevel !== "number" || !(estLevel > 0 && estLevel < 1)) throw new CompareError(compareMessages.badLevel("rankIntervals", estLevel));
  const seed = options.seed ?? 1;
  const order = options.order ?? "ascending";
  const notes: CompareNote[] = [];
  const seen = new Set<string>();
  const valued = estimates.filter((e) => {
    if (seen.has(e.unit)) throw new CompareError(compareMessages.duplicateUnit("rankIntervals", e.unit));
    seen.add(e.unit);
    if (e.value === null || !Number.isFinite(e.value)) {
      notes.push(compareNotes.rankSkipped(e.unit));
      return false;
    }
    return true;
  });
  if (valued.length < 2) throw new CompareError(compareMessages.rankNeedsTwo());
  const positive = (e: RankEstimateInput) =>
    (e.value as number) > 0 && (e.lower === undefined || e.lower === null || e.lower > 0) && (e.upper === undefined || e.upper === null || e.upper > 0);
  const scale: "log" | "linear" = options.scale === "linear" ? "linear" : options.scale === "log" ? "log" : valued.every(positive) ? "log" : "linear";
  const zEst = zForLevel(estLevel);
  const centre: number[] = [];
  const spread: number[] = [];
  for (const e of valued) {
    if (scale === "log" && !positive(e)) throw new CompareError(compareMessages.rankLogScaleInvalid(e.unit));
    const v = e.value as number;
    const c = scale === "log" ? Math.log(v) : v;
    let se: number;
    if (e.standardError !== undefined && Number.isFinite(e.standardError) && e.standardError >= 0) se = e.standardError;
    else if (e.lower !== undefined && e.lower !== null && e.upper !== undefined && e.upper !== null) {
      se = scale === "log" ? (Math.log(e.upper) - Math.log(e.lower)) / (2 * zEst) : (e.upper - e.lower) / (2 * zEst);
    } else throw new CompareError(compareMessages.rankNoSpread(e.unit));
    centre.push(c);
    spread.push(se);
  }
  const k = valued.length;
  const rng = new Random(seed);
  const ranks: Int32Array[] = valued.map(() => new Int32Array(nSim));
  const draw = new Float64Array(k);
  const idx = Array.from({ length: k }, (_, i) => i);
  const sign = order === "ascending" ? 1 : -1;
  for (let s = 0; s < nSim; s++) {
    for (let i = 0; i < k; i++) draw[i] = sign * (centre[i] + spread[i] * rng.normal());
    idx.sort((a, b) => draw[a] - draw[b]);
    for (let r = 0; r < k; r++) ranks[idx[r]][s] = r + 1;
  }
  const a = (1 - level) / 2;
  // Equal-tailed interval of a discrete distribution: order statistics at ⌈n·a⌉ and ⌈n·(1 − a)⌉.
  const at = (sorted: Int32Array, p: number) => sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(sorted.length * p) - 1))];
  const rows: RankIntervalRow[] = valued.map((e, i) => {
    const r = ranks[i].slice().sort();
    let sum = 0;
    let first = 0;
    let last = 0;
    for (let s = 0; s < nSim; s++) {
      sum += r[s];
      if (r[s] === 1) first++;
      if (r[s] === k) last++;
    }
    return {
      unit: e.unit,
      value: e.value as number,
      medianRank: at(r, 0.5),
      meanRank: sum / nSim,
      rankLower: at(r, a),
      rankUpper: at(r, 1 - a),
      probabilityFirst: first / nSim,
      probabilityLast: last / nSim,
    };
  });
  rows.sort((x, y) => x.medianRank - y.medianRank || x.meanRank - y.meanRank || sign * (x.value - y.value));
  notes.push(compareNotes.rankNote());
  return {
    method: `simulation of ranks from normal sampling distributions on the ${scale} scale (${nSim} draws, seed ${seed}); equal-tailed ${Math.round(level * 1000) / 10} % rank intervals`,
    scale,
    order,
    level,
    simulations: nSim,
    seed,
    rows,
    notes,
  };
}
