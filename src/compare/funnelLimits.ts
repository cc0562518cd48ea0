import { resolveLevels } from "../stats/resolveLevels.js";
import { type LevelOptions } from "../stats/types.js";
import { funnelDenominatorGrid } from "./funnelDenominatorGrid.js";
import { funnelLimitAt, type FunnelPoissonLimits } from "./funnelLimitAt.js";
import { funnelMessages } from "./funnelMessages.js";
import type { FunnelDataType, FunnelLimitPoint } from "./funnelTypes.js";

/** Options of {@link funnelLimits}. */
export interface FunnelLimitsOptions extends LevelOptions {
  readonly type: FunnelDataType;
  /** Proportion in [0, 1]; rate per unit of denominator (before the multiplier); ratio target (usually 1). */
  readonly target: number;
  /** Scale of the plotted values (100 for %, 100000 for per 100,000); default 1. */
  readonly multiplier?: number;
  /** Denominators (person-time, or expected counts E for ratios) to evaluate; or give from/to. */
  readonly denominators?: readonly number[];
  readonly from?: number;
  readonly to?: number;
  /** Number of log-spaced points between from and to; default 100. */
  readonly points?: number;
  /** Between-unit variance τ² (Spiegelhalter); omit for unadjusted PHE limits. */
  readonly tau2?: number;
  /** Unadjusted Poisson limits for rates/ratios: "expected" (default; exact limits of E / E, methods.md and
   * FunnelPlotR) or "observed" (PHE/Fingertips: the observed count whose exact interval reaches E). */
  readonly poissonLimits?: FunnelPoissonLimits;
}

/**
 * Funnel-plot limit curves at any number of levels in one call (default 95 % and 99.8 %), for
 * proportions, rates (crude or DSR: give the pooled rate as target) and indirectly standardised
 * ratios (denominator = expected count E). Unadjusted limits follow PHE/Fingertips (Wilson-based for
 * proportions, exact Poisson for rates and ratios); with `tau2` the limits are Spiegelhalter's
 * overdispersion-widened ones. Methods and sources: see {@link funnelLimitAt}; PHEindicatormethods
 * `calculate_funnel_limits`; FunnelPlotR; D. J. Spiegelhalter, Stat. Med. 24 (2005) 1185–1202.
 * Returns one point per denominator and level, ordered by denominator, then level as given.
 * @throws Error for a bad type, target, multiplier, level or range.
 * @example funnelLimits({ type: "ratio", target: 1, denominators: [20] }) // 95 %: [0.6108260, 1.544419]
 */
export function funnelLimits(options: FunnelLimitsOptions): FunnelLimitPoint[] {
  const fn = "funnelLimits";
  const levels = resolveLevels(fn, options.level ?? [0.95, 0.998]);
  if (!["proportion", "rate", "ratio"].includes(options.type)) throw new Error(funnelMessages.badType(fn, options.type));
  const target = checkNumber(fn, "target", options.target);
  if (options.type === "proportion" && target > 1) throw new Error(funnelMessages.targetOutOfRange(fn, target));
  const multiplier = checkNumber(fn, "multiplier", options.multiplier ?? 1, true);
  const tau2 = options.tau2 === undefined ? null : checkNumber(fn, "tau2", options.tau2);
  let denominators: readonly number[];
  if (options.denominators !== undefined) {
    denominators = options.denominators.map((d) => checkNumber(fn, "denominator", d));
  } else {
    const { from, to } = options;
    if (from === undefined || to === undefined || !(from > 0) || !(to >= from) || !Number.isFinite(to))
      throw new Error(funnelMessages.noRange(fn));
    denominators = funnelDenominatorGrid(from, to, options.points ?? 100);
  }
  const spec = { type: options.type, target, multiplier, tau2, poissonLimits: options.poissonLimits ?? "expected" };
  const out: FunnelLimitPoint[] = [];
  for (const denominator of denominators) {
    for (const level of levels) {
      const { lower, upper } = funnelLimitAt(spec, denominator, level);
      out.push({ denominator, level, lower, upper });
    }
  }
  return out;
}

function checkNumber(fn: string, name: string, v: unknown, positive = false): number {
  if (typeof v !== "number" || !Number.isFinite(v) || v < 0 || (positive && v === 0))
    throw new Error(positive ? funnelMessages.badPositive(fn, name, v) : funnelMessages.badNumber(fn, name, v));
  return v;
}
