/**
 * Internal last step shared by the control charts (XmR, p, u, p′, u′): given each phase's centre
 * and per-point limits, apply the special-cause rules phase by phase, classify the signals, scale
 * by the multiplier, and build the SpcResult table and phase summaries.
 */
import type { ImprovementDirection, SpcChartType, SpcPhaseSummary, SpcPoint, SpcResult } from "./types.js";
import type { PreparedPhase, PreparedSeries } from "./prepareSeries.js";
import { controlRuleHits, type ControlRuleOptions } from "./controlRules.js";
import { classifySignal } from "./classifySignal.js";
import { spcMessages, type SpcNote } from "./messages.js";

export interface PointLimits {
  readonly lower3: number | null;
  readonly upper3: number | null;
  readonly lower2: number | null;
  readonly upper2: number | null;
}

export interface PhaseComputation {
  readonly centre: number | null;
  /** One entry per point of the phase, in order. */
  readonly limits: readonly PointLimits[];
  readonly movingRanges?: readonly (number | null)[];
  readonly summary?: Partial<Pick<SpcPhaseSummary, "sigma" | "meanMovingRange" | "screenedMovingRanges" | "sigmaZ">>;
  readonly notes?: readonly SpcNote[];
}

/** Fewest baseline points recommended for stable limits (NHSRplotthedots warns below 12). */
export const MIN_BASELINE_POINTS = 12;

const scale = (x: number | null, m: number): number | null => (x === null ? null : x * m);

export function assembleControlChart(
  chart: SpcChartType,
  prepared: PreparedSeries,
  improvement: ImprovementDirection,
  compute: (phase: PreparedPhase) => PhaseComputation,
  ruleOptions: ControlRuleOptions,
  multiplier = 1,
): SpcResult {
  const points: SpcPoint[] = [];
  const phases: SpcPhaseSummary[] = [];
  const notes = [...prepared.notes];
  const conflicts: string[] = [];
  for (const phase of prepared.phases) {
    const c = compute(phase);
    const hits = controlRuleHits(
      phase.points.map((p, i) => ({ value: p.value, centre: p.value === null ? null : c.centre, ...c.limits[i] })),
      ruleOptions,
    );
    let signals = 0;
    phase.points.forEach((p, i) => {
      const { signal, conflict } = classifySignal(hits[i], improvement);
      if (signal !== null) signals += 1;
      if (conflict) conflicts.push(p.period);
      const lim = c.limits[i];
      const point: SpcPoint = {
        period: p.period,
        index: p.index,
        value: scale(p.value, multiplier),
        numerator: p.numerator,
        denominator: p.denominator,
        centre: scale(c.centre, multiplier),
        lower3: scale(lim.lower3, multiplier),
        upper3: scale(lim.upper3, multiplier),
        lower2: scale(lim.lower2, multiplier),
        upper2: scale(lim.upper2, multiplier),
        phase: p.phase,
        baseline: p.baseline,
        excluded: p.excluded,
        rules: hits[i].map((h) => h.rule),
        signal,
        ...(conflict ? { signalConflict: true } : {}),
        ...(c.movingRanges ? { movingRange: scale(c.movingRanges[i], multiplier) } : {}),
      };
      points.push(point);
    });
    const baselinePoints = phase.points.filter((p) => p.baseline).length;
    if (c.centre === null) notes.push(spcMessages.noBaseline(phase.label));
    else if (baselinePoints < MIN_BASELINE_POINTS) notes.push(spcMessages.fewBaselinePoints(phase.label, baselinePoints, MIN_BASELINE_POINTS));
    if (c.notes) notes.push(...c.notes);
    phases.push({
      phase: phase.label,
      firstPeriod: phase.points[0].period,
      lastPeriod: phase.points[phase.points.length - 1].period,
      points: phase.points.length,
      usefulPoints: phase.points.filter((p) => p.value !== null).length,
      baselinePoints,
      centre: scale(c.centre, multiplier),
      signals,
      ...(c.summary ?? {}),
      ...(c.summary?.meanMovingRange !== undefined ? { meanMovingRange: scale(c.summary.meanMovingRange, multiplier) } : {}),
      ...(c.summary?.sigma !== undefined ? { sigma: scale(c.summary.sigma, multiplier) } : {}),
    });
  }
  if (conflicts.length > 0) notes.push(spcMessages.signalConflict(conflicts));
  return { chart, improvement, points, phases, missingPeriods: prepared.missingPeriods, notes };
}
