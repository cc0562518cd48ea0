/**
 * Applies Making Data Count's special-cause rules (see ./spcRules.ts for the definitions and
 * their source, NHSRplotthedots) to the points of one phase of a control chart.
 *
 * Gaps (null values) are skipped: they neither count in nor break a trend, run or 2-of-3 window.
 * Limits may vary from point to point (p and u charts): each point is judged against its own.
 *
 * @returns for each input point, its rule hits in priority order (empty when none)
 * @example controlRuleHits([1,2,3,4,5,6,7].map(v => ({ value: v, centre: 4, lower3: -10, upper3: 20, lower2: -6, upper2: 14 })))
 *   // every point => [{ rule: "trend", direction: 1 }]
 */
import { SPC_RULE_PRIORITY, SpcRule, type SpcRuleHit } from "./spcRules.js";

export interface RulePoint {
  readonly value: number | null;
  readonly centre: number | null;
  readonly lower3: number | null;
  readonly upper3: number | null;
  readonly lower2: number | null;
  readonly upper2: number | null;
}

export interface ControlRuleOptions {
  /** Points in a rising/falling trend (default 7, Making Data Count). */
  readonly trendLength?: number;
  /** Points in a row on one side of the centre (default 7, Making Data Count). */
  readonly shiftLength?: number;
}

const sign = (x: number): 1 | -1 | 0 => (x > 0 ? 1 : x < 0 ? -1 : 0);

export function controlRuleHits(points: readonly RulePoint[], options: ControlRuleOptions = {}): SpcRuleHit[][] {
  const trendLength = options.trendLength ?? 7;
  const shiftLength = options.shiftLength ?? 7;
  const hits: SpcRuleHit[][] = points.map(() => []);
  // Compressed sequence of usable points (non-gap, with a centre).
  const idx: number[] = [];
  points.forEach((p, i) => {
    if (p.value !== null && p.centre !== null) idx.push(i);
  });
  const v = idx.map((i) => points[i].value as number);
  const side = idx.map((i, j) => sign(v[j] - (points[i].centre as number)));
  const outside = idx.map((i, j): 1 | -1 | 0 => {
    const p = points[i];
    if (p.upper3 !== null && v[j] > p.upper3) return 1;
    if (p.lower3 !== null && v[j] < p.lower3) return -1;
    return 0;
  });
  const close = idx.map((i, j): 1 | -1 | 0 => {
    const p = points[i];
    if (outside[j] !== 0) return 0;
    if (p.upper2 !== null && v[j] > p.upper2) return 1;
    if (p.lower2 !== null && v[j] < p.lower2) return -1;
    return 0;
  });
  const add = (j: number, rule: SpcRule, direction: 1 | -1 | 0) => {
    const list = hits[idx[j]];
    if (!list.some((h) => h.rule === rule)) list.push({ rule, direction });
  };

  // 1. Outside the 3σ limits.
  outside.forEach((o, j) => {
    if (o !== 0) add(j, SpcRule.outsideLimits, o);
  });
  // 2. Trend: stretches of ≥ trendLength − 1 consecutive differences of one sign.
  const d = v.slice(1).map((x, j) => sign(x - v[j]));
  for (let s = 0; s < d.length; ) {
    let e = s;
    while (e + 1 < d.length && d[e + 1] === d[s]) e++;
    if (d[s] !== 0 && e - s + 1 >= trendLength - 1) for (let j = s; j <= e + 1; j++) add(j, SpcRule.trend, d[s]);
    s = e + 1;
  }
  // 3. Two of three beyond 2σ on one side, all three on that side of the centre.
  for (let j = 0; j + 2 < v.length; j++) {
    const s = side[j];
    if (s === 0 || side[j + 1] !== s || side[j + 2] !== s) continue;
    const members = [j, j + 1, j + 2].filter((k) => close[k] === s);
    if (members.length >= 2) for (const k of members) add(k, SpcRule.twoOfThree, s);
  }
  // 4. Shift: runs of ≥ shiftLength points on one side.
  for (let s = 0; s < side.length; ) {
    let e = s;
    while (e + 1 < side.length && side[e + 1] === side[s]) e++;
    if (side[s] !== 0 && e - s + 1 >= shiftLength) for (let j = s; j <= e; j++) add(j, SpcRule.shift, side[s]);
    s = e + 1;
  }
  for (const list of hits) list.sort((a, b) => SPC_RULE_PRIORITY.indexOf(a.rule) - SPC_RULE_PRIORITY.indexOf(b.rule));
  return hits;
}
