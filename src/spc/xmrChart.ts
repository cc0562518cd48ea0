/**
 * XmR (individuals) chart with Making Data Count's rules, phases, a frozen baseline per phase,
 * excluded points and gaps.
 *
 * Per phase, from its baseline points only (not gaps, not excluded, within the freeze window):
 * centre = mean; mean moving range from consecutive baseline points (never across a gap or an
 * excluded point), screened by default (ranges ≥ 3.267 × mean MR left out, as NHSRplotthedots);
 * σ̂ = mean MR / 1.128 (d₂ for n = 2); limits centre ± 2σ̂ and ± 3σ̂. With `constants: "mdc"`
 * the limits are NHSRplotthedots' centre ± 2.66 × mean MR and ± (2/3)·2.66 × mean MR.
 * Rules, in priority order: outside limits, trend of 7, 2 of 3 beyond 2σ, shift of 7 (./spcRules.ts).
 *
 * Sources: Montgomery, Introduction to Statistical Quality Control (I chart, eq. 6.33);
 * NHS England Making Data Count; NHSRplotthedots `ptd_spc` (screen_outliers = TRUE by default).
 *
 * @throws SpcError on invalid input (duplicate periods, unknown phase start or excluded period)
 * @example xmrChart([{ period: "2024-01", value: 5 }, { period: "2024-02", value: 7 }], { improvement: "decrease" })
 */
import type { SpcResult } from "./types.js";
import { parseSpcInput, SpcInputPointSchema, XmrOptionsSchema, type SpcInputPoint, type XmrOptions } from "./spcInput.js";
import { prepareSeries } from "./prepareSeries.js";
import { averageMovingRange } from "./movingRanges.js";
import { assembleControlChart, type PointLimits } from "./assembleControlChart.js";
import { spcMessages } from "./messages.js";
import { MR_UPPER_FACTOR } from "./movingRanges.js";
import { z } from "zod";

/** d₂ for moving ranges of two points. */
export const D2_TWO = 1.128;
/** NHSRplotthedots' (Making Data Count) rounded 3σ factor on the mean moving range. */
export const MDC_LIMIT_FACTOR = 2.66;

export interface XmrChartOptions extends XmrOptions {
  /** Points in a trend (default 7). */
  readonly trendLength?: number;
  /** Points in a shift (default 7). */
  readonly shiftLength?: number;
}

const RuleLengths = z.object({ trendLength: z.number().int().min(2).optional(), shiftLength: z.number().int().min(2).optional() });

/**
 * XmR (individuals) chart: mean and limits from the average moving range, with the run and control rules.
 * @example xmrChart([12, 15, 11, 14, 13, 16, 12, 15].map((value, i) => ({ period: `2024-${String(i + 1).padStart(2, "0")}`, value })))
 */
export function xmrChart(points: readonly SpcInputPoint[], options: XmrChartOptions = {}): SpcResult {
  const fn = "xmrChart";
  const input = parseSpcInput(fn, z.array(SpcInputPointSchema), points);
  const opts = parseSpcInput(fn, XmrOptionsSchema.extend(RuleLengths.shape), options);
  const prepared = prepareSeries(fn, input, opts, "value");
  const screen = opts.screenMovingRanges ?? true;
  const mdc = opts.constants === "mdc";
  return assembleControlChart(
    "xmr",
    prepared,
    opts.improvement ?? "neutral",
    (phase) => {
      const base = phase.points.map((p) => (p.baseline ? p.value : null));
      const used = base.filter((v): v is number => v !== null);
      const none: PointLimits = { lower3: null, upper3: null, lower2: null, upper2: null };
      if (used.length === 0) return { centre: null, limits: phase.points.map(() => none), summary: { sigma: null, meanMovingRange: null } };
      const centre = used.reduce((a, b) => a + b, 0) / used.length;
      const mr = averageMovingRange(base, screen);
      const notes =
        mr.removed > 0 && mr.unscreenedMean !== null
          ? [spcMessages.screenedMovingRanges(phase.label, mr.removed, MR_UPPER_FACTOR * mr.unscreenedMean)]
          : [];
      if (mr.mean === null) return { centre, limits: phase.points.map(() => none), movingRanges: mr.ranges, summary: { sigma: null, meanMovingRange: null }, notes };
      const w3 = mdc ? MDC_LIMIT_FACTOR * mr.mean : (3 * mr.mean) / D2_TWO;
      const w2 = (2 / 3) * w3;
      const lim: PointLimits = { lower3: centre - w3, upper3: centre + w3, lower2: centre - w2, upper2: centre + w2 };
      return {
        centre,
        limits: phase.points.map(() => lim),
        movingRanges: mr.ranges,
        summary: { sigma: w3 / 3, meanMovingRange: mr.mean, screenedMovingRanges: mr.removed },
        notes,
      };
    },
    { trendLength: opts.trendLength, shiftLength: opts.shiftLength },
  );
}
