/**
 * Runs analysis of one phase (Anhøj rules, as qicharts2 `runs.analysis`): points are classed
 * above (+1) or below (−1) the centre line; points on the line (0) and gaps (null) are not useful
 * and are left out. A run is a maximal sequence of useful points on one side; crossings = runs − 1.
 * Signal when the longest run > round(log2(n)) + 3 or crossings < qbinom(0.05, n − 1, 0.5),
 * n = number of useful points.
 *
 * @param sides per point: +1 above, −1 below, 0 on the centre, null for a gap or a point not analysed
 * @returns counts, limits, the signal, and per point the length of the run it belongs to (0 if not useful)
 * @example runsAnalysis([1, 1, -1, 1]) // => { useful: 4, longestRun: 2, crossings: 2, ... }
 */
import { anhoejLimits } from "./anhoejLimits.js";

export interface RunsAnalysis {
  readonly useful: number;
  readonly longestRun: number;
  readonly longestRunMax: number;
  readonly crossings: number;
  readonly crossingsMin: number;
  readonly longestRunSignal: boolean;
  readonly crossingsSignal: boolean;
  /** Per input point: the length of its run (0 when the point is not useful). */
  readonly runLength: readonly number[];
}

export function runsAnalysis(sides: readonly (number | null)[]): RunsAnalysis {
  const useful: number[] = [];
  sides.forEach((s, i) => {
    if (s !== null && s !== 0) useful.push(i);
  });
  const runLength = sides.map(() => 0);
  const n = useful.length;
  if (n === 0)
    return { useful: 0, longestRun: 0, longestRunMax: 0, crossings: 0, crossingsMin: 0, longestRunSignal: false, crossingsSignal: false, runLength };
  let runs = 0;
  let longest = 0;
  for (let a = 0; a < n; ) {
    let b = a;
    while (b + 1 < n && Math.sign(sides[useful[b + 1]] as number) === Math.sign(sides[useful[a]] as number)) b++;
    const len = b - a + 1;
    for (let k = a; k <= b; k++) runLength[useful[k]] = len;
    runs += 1;
    longest = Math.max(longest, len);
    a = b + 1;
  }
  const crossings = runs - 1;
  const { longestRunMax, crossingsMin } = anhoejLimits(n);
  return {
    useful: n,
    longestRun: longest,
    longestRunMax,
    crossings,
    crossingsMin,
    longestRunSignal: longest > longestRunMax,
    crossingsSignal: crossings < crossingsMin,
    runLength,
  };
}
