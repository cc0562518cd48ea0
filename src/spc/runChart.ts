/**
 * Run chart with the Anhøj rules (qicharts2), phases, a frozen baseline per phase, excluded
 * points and gaps.
 *
 * Per phase: centre = median of its baseline points (not gaps, not excluded, within the freeze
 * window). The runs analysis covers every non-gap, non-excluded point of the phase (as qicharts2,
 * frozen or not); points on the median are not useful and are left out of the counts. With n useful
 * points, the phase signals when the longest run > round(log2(n)) + 3 (rule `runs-longest`, which
 * flags the points of the too-long run(s), coloured by their side of the median) or when the
 * crossings < qbinom(0.05, n − 1, 0.5) (rule `runs-crossings`, which flags every useful point of
 * the phase, without direction). A run chart has no limits (they are null).
 *
 * Sources: Anhøj J, Olesen AV (2014) Run charts revisited, PLoS ONE 9(11): e113825;
 * qicharts2 `runs.analysis` and `qic.run`.
 *
 * @throws SpcError on invalid input
 * @example runChart(months.map((m, i) => ({ period: m, value: y[i] })), { improvement: "decrease" })
 */
import { z } from "zod";
import type { SpcPhaseSummary, SpcPoint, SpcResult } from "./types.js";
import { parseSpcInput, SpcCommonOptionsSchema, SpcInputPointSchema, type SpcCommonOptions, type SpcInputPoint } from "./spcInput.js";
import { prepareSeries } from "./prepareSeries.js";
import { runsAnalysis } from "./runsAnalysis.js";
import { median } from "./median.js";
import { classifySignal } from "./classifySignal.js";
import { SpcRule, type SpcRuleHit } from "./spcRules.js";
import { spcMessages } from "./messages.js";

/** The Anhøj rules are meant for at least this many useful points. */
export const MIN_USEFUL_RUN_POINTS = 10;

/**
 * Run chart: median and the Anhøj rules (unusually long runs, too few crossings).
 * @example runChart([4, 6, 5, 7, 6, 8, 7, 9, 8, 10].map((value, i) => ({ period: String(i + 1), value })))
 */
export function runChart(points: readonly SpcInputPoint[], options: SpcCommonOptions = {}): SpcResult {
  const fn = "runChart";
  const input = parseSpcInput(fn, z.array(SpcInputPointSchema), points);
  const opts = parseSpcInput(fn, SpcCommonOptionsSchema, options);
  const improvement = opts.improvement ?? "neutral";
  const prepared = prepareSeries(fn, input, opts, "value");
  const out: SpcPoint[] = [];
  const phases: SpcPhaseSummary[] = [];
  const notes = [...prepared.notes];
  for (const phase of prepared.phases) {
    const base = phase.points.filter((p) => p.baseline).map((p) => p.value as number);
    const centre = base.length > 0 ? median(base) : null;
    const sides = phase.points.map((p) =>
      p.value === null || p.excluded || centre === null ? null : Math.sign(p.value - centre),
    );
    const ra = runsAnalysis(sides);
    let signals = 0;
    phase.points.forEach((p, i) => {
      const hits: SpcRuleHit[] = [];
      const s = sides[i];
      if (ra.longestRunSignal && ra.runLength[i] > ra.longestRunMax && s !== null && s !== 0)
        hits.push({ rule: SpcRule.runsLongest, direction: s > 0 ? 1 : -1 });
      if (ra.crossingsSignal && ra.runLength[i] > 0) hits.push({ rule: SpcRule.runsCrossings, direction: 0 });
      const { signal } = classifySignal(hits, improvement);
      if (signal !== null) signals += 1;
      out.push({
        period: p.period,
        index: p.index,
        value: p.value,
        numerator: p.numerator,
        denominator: p.denominator,
        centre,
        lower3: null,
        upper3: null,
        lower2: null,
        upper2: null,
        phase: p.phase,
        baseline: p.baseline,
        excluded: p.excluded,
        rules: hits.map((h) => h.rule),
        signal,
      });
    });
    if (centre === null) notes.push(spcMessages.noBaseline(phase.label));
    else if (ra.useful < MIN_USEFUL_RUN_POINTS) notes.push(spcMessages.fewUsefulRunPoints(phase.label, ra.useful));
    const runsSignal = ra.longestRunSignal || ra.crossingsSignal;
    if (runsSignal) notes.push(spcMessages.runsSignal(phase.label, ra.longestRun, ra.longestRunMax, ra.crossings, ra.crossingsMin));
    phases.push({
      phase: phase.label,
      firstPeriod: phase.points[0].period,
      lastPeriod: phase.points[phase.points.length - 1].period,
      points: phase.points.length,
      usefulPoints: ra.useful,
      baselinePoints: base.length,
      centre,
      longestRun: ra.longestRun,
      longestRunMax: ra.longestRunMax,
      crossings: ra.crossings,
      crossingsMin: ra.crossingsMin,
      runsSignal,
      signals,
    });
  }
  return { chart: "run", improvement, points: out, phases, missingPeriods: prepared.missingPeriods, notes };
}
