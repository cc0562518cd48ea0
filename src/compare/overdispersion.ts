import type { FunnelDataType } from "./funnelTypes.js";

/** How extreme z-scores are limited before φ is estimated. */
export type FunnelOverdispersionTrim = "winsorise" | "truncate";

/** One unit as seen by the overdispersion estimate (denominator = expected count E for ratios). */
export interface FunnelOverdispersionUnit {
  readonly numerator: number;
  readonly denominator: number;
}

export interface FunnelOverdispersionOptions {
  readonly type: FunnelDataType;
  /** Proportion in [0, 1]; rate per unit of denominator; ratio target (usually 1). */
  readonly target: number;
  /** Fraction trimmed at each end; default 0.1 (10 %). */
  readonly trim?: number;
  /** Default: "truncate" for ratios (SHMI, as FunnelPlotR), "winsorise" otherwise. */
  readonly trimMethod?: FunnelOverdispersionTrim;
}

export interface FunnelOverdispersionResult {
  /** Unadjusted z-score per unit (null when the denominator is 0). */
  readonly z: readonly (number | null)[];
  /** Standard error on the transformed scale per unit (null when the denominator is 0). */
  readonly s: readonly (number | null)[];
  /** Whether each unit was used for φ (false when truncated away or without a z-score). */
  readonly used: readonly boolean[];
  /** Units used for φ (after truncation). */
  readonly n: number;
  readonly phi: number;
  readonly tau2: number;
  readonly trim: number;
  readonly trimMethod: FunnelOverdispersionTrim;
  /** Units whose zero numerator was replaced by 0.5 in the log transform. */
  readonly zeroCorrected: readonly boolean[];
}

/**
 * Spiegelhalter's overdispersion estimate for funnel plots, as FunnelPlotR implements it.
 *
 * z-scores by the transform of each type: proportions y = asin √(x/n), s = 1/(2√n), z = (y − asin √t)/s;
 * ratios (SHMI) z = √E · log(O/(t·E)), s = 1/√E; rates as ratios with E = t·n. A zero numerator has
 * no log, so 0.5 events are used for its z-score (flagged). Then 10 % winsorising (clamp to the 10th
 * and 90th percentiles, R quantile type 7) or truncation (drop the units in the outer rank groups,
 * NHS Digital SHMI); φ = mean(z²) over the n units used;
 * τ² = max(0, (nφ − (n − 1)) / (Σw − Σw²/Σw)), w = 1/s², and 0 when nφ < n − 1.
 * Sources: D. J. Spiegelhalter, "Handling over-dispersion of performance indicators", Qual. Saf.
 * Health Care 14 (2005) 347–351, and Stat. Med. 24 (2005) 1185–1202; FunnelPlotR (nhs-r-community).
 * @example funnelOverdispersion([{ numerator: 30, denominator: 200 }, { numerator: 45, denominator: 210 }, { numerator: 20, denominator: 190 }], { type: "proportion", target: 0.15 }).phi
 */
export function funnelOverdispersion(units: readonly FunnelOverdispersionUnit[], options: FunnelOverdispersionOptions): FunnelOverdispersionResult {
  const trim = options.trim ?? 0.1;
  const trimMethod = options.trimMethod ?? (options.type === "ratio" ? "truncate" : "winsorise");
  const t = options.target;
  const z: (number | null)[] = [];
  const s: (number | null)[] = [];
  const zeroCorrected: boolean[] = [];
  for (const u of units) {
    const n = u.denominator;
    if (!(n > 0)) {
      z.push(null);
      s.push(null);
      zeroCorrected.push(false);
      continue;
    }
    if (options.type === "proportion") {
      const se = 1 / (2 * Math.sqrt(n));
      z.push((Math.asin(Math.sqrt(u.numerator / n)) - Math.asin(Math.sqrt(t))) / se);
      s.push(se);
      zeroCorrected.push(false);
    } else {
      const e = options.type === "rate" ? t * n : n;
      const o = u.numerator > 0 ? u.numerator : 0.5;
      const ratioTarget = options.type === "rate" ? 1 : t;
      z.push(Math.sqrt(e) * Math.log(o / (ratioTarget * e)));
      s.push(1 / Math.sqrt(e));
      zeroCorrected.push(u.numerator <= 0);
    }
  }
  const idx = z.map((v, i) => (v === null || !Number.isFinite(v) ? -1 : i)).filter((i) => i >= 0);
  const used = new Array<boolean>(units.length).fill(false);
  let wz: number[];
  let kept: number[];
  if (trimMethod === "winsorise") {
    const sorted = idx.map((i) => z[i] as number).sort((a, b) => a - b);
    const lo = trim > 0 ? quantile7(sorted, trim) : -Infinity;
    const hi = trim > 0 ? quantile7(sorted, 1 - trim) : Infinity;
    kept = idx;
    wz = idx.map((i) => Math.min(hi, Math.max(lo, z[i] as number)));
  } else {
    const k = trim > 0 ? 1 / trim : Infinity;
    const ranks = averageRanks(idx.map((i) => z[i] as number));
    kept = [];
    wz = [];
    idx.forEach((i, j) => {
      const group = Number.isFinite(k) ? Math.floor((ranks[j] * k) / (idx.length + 1)) : 1;
      if (!Number.isFinite(k) || (group > 0 && group < k - 1)) {
        kept.push(i);
        wz.push(z[i] as number);
      }
    });
  }
  for (const i of kept) used[i] = true;
  const n = kept.length;
  const phi = n > 0 ? wz.reduce((acc, v) => acc + v * v, 0) / n : NaN;
  let tau2 = 0;
  if (n > 0 && n * phi >= n - 1) {
    let sw = 0;
    let sw2 = 0;
    for (const i of kept) {
      const w = 1 / (s[i] as number) ** 2;
      sw += w;
      sw2 += w * w;
    }
    const den = sw - sw2 / sw;
    tau2 = den > 0 ? Math.max(0, (n * phi - (n - 1)) / den) : 0;
  }
  return { z, s, used, n, phi, tau2, trim, trimMethod, zeroCorrected };
}

/** R's default (type 7) sample quantile of sorted values. */
function quantile7(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return NaN;
  const h = (sorted.length - 1) * p;
  const lo = Math.floor(h);
  const hi = Math.min(sorted.length - 1, lo + 1);
  return sorted[lo] + (h - lo) * (sorted[hi] - sorted[lo]);
}

/** Ranks 1..n with ties given their average rank (R: rank(ties.method = "average")). */
function averageRanks(values: readonly number[]): number[] {
  const order = values.map((v, i) => [v, i] as const).sort((a, b) => a[0] - b[0]);
  const ranks = new Array<number>(values.length);
  for (let i = 0; i < order.length; ) {
    let j = i;
    while (j + 1 < order.length && order[j + 1][0] === order[i][0]) j++;
    const r = (i + j) / 2 + 1;
    for (let k = i; k <= j; k++) ranks[order[k][1]] = r;
    i = j + 1;
  }
  return ranks;
}
