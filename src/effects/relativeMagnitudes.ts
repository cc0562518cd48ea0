import { zForLevel } from "../stats/zForLevel.js";
import { studentTQuantile } from "../stats/studentT.js";

/** Relative-magnitudes sensitivity of an aggregate post-period effect. */
export interface BreakdownResult {
  /**
   * Breakdown value M̄*: the largest M̄ for which the robust interval still excludes no effect
   * (0 when the conventional interval already includes no effect; Infinity when the pre-period
   * estimates show no departure at all).
   */
  readonly breakdown: number;
  /** Largest pre-period departure between consecutive periods, max |δ(s + 1) − δ(s)| (log scale). */
  readonly maxPreDeparture: number;
  /** Σₑ wₑ·(e + 1): the worst-case bias of the aggregate per unit of M̄·maxPreDeparture. */
  readonly biasFactor: number;
  /** Number of pre-period estimates used. */
  readonly prePeriods: number;
}

/**
 * Breakdown value of the relative-magnitudes restriction of Rambachan & Roth (2023, "A more
 * credible approach to parallel trends", Review of Economic Studies 90(5), §2.4.2 and §5):
 * post-period departures from parallel trends may change between consecutive periods by at most
 * M̄ times the largest such change in the pre-period, |δ(t + 1) − δ(t)| ≤ M̄ · max_{s<0} |δ(s + 1) − δ(s)|.
 *
 * With the base (reference) period as δ = 0, the departure at event time e ≥ 0 is then at most
 * M̄·Δ·(e + 1), Δ = the largest pre-period change, so the bias of θ = Σₑ wₑ βₑ is at most
 * M̄·Δ·Σₑ wₑ(e + 1). The robust interval used here is the conventional interval widened by that
 * worst-case bias on each side (a conservative construction; HonestDiD's conditional intervals
 * can be somewhat shorter), and Δ is taken at the point estimates of the pre-period event study.
 * The breakdown value is M̄* = (|θ̂| − q·se) / (Δ·Σₑ wₑ(e + 1)), or 0 when |θ̂| ≤ q·se (q the normal
 * or t quantile of the interval). staggeredDid applies it to event time in years.
 *
 * @param pre pre-period event-study estimates (log scale) at event times (or bins of them) before the base
 * @param baseStart event time (or bin) of the base window (its estimate is 0 by construction)
 * @param post weights wₑ of the post event times in the aggregate (summing to 1)
 * @returns null with fewer than one pre-period estimate (no pre-period change can be measured)
 */
export function relativeMagnitudesBreakdown(
  pre: readonly { readonly eventTime: number; readonly estimate: number }[],
  baseStart: number,
  post: readonly { readonly eventTime: number; readonly weight: number }[],
  estimate: number,
  standardError: number,
  level: number,
  df = Infinity,
): BreakdownResult | null {
  const usable = pre.filter((p) => Number.isFinite(p.estimate) && p.eventTime < baseStart).sort((a, b) => a.eventTime - b.eventTime);
  if (usable.length === 0) return null;
  const points = [...usable, { eventTime: baseStart, estimate: 0 }];
  let delta = 0;
  for (let i = 1; i < points.length; i++) {
    const gap = points[i].eventTime - points[i - 1].eventTime;
    delta = Math.max(delta, Math.abs(points[i].estimate - points[i - 1].estimate) / gap);
  }
  const biasFactor = post.reduce((a, p) => a + p.weight * (p.eventTime + 1), 0);
  const q = Number.isFinite(df) ? studentTQuantile(0.5 + level / 2, df) : zForLevel(level);
  const margin = Math.abs(estimate) - q * standardError;
  const breakdown = margin <= 0 ? 0 : delta * biasFactor > 0 ? margin / (delta * biasFactor) : Infinity;
  return { breakdown, maxPreDeparture: delta, biasFactor, prePeriods: usable.length };
}
