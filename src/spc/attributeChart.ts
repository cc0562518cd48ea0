/**
 * Internal engine of the p, u, p′ and u′ charts (see pChart.ts, uChart.ts, pPrimeChart.ts,
 * uPrimeChart.ts for the public functions and their sources).
 *
 * Per phase, from its baseline points: centre = Σy / Σn. Per point i with denominator nᵢ:
 * p: σᵢ = √(p̄(1 − p̄)/nᵢ); u: σᵢ = √(ū/nᵢ). Laney: zᵢ = (xᵢ − centre)/σᵢ over the baseline points,
 * σ_z = mean moving range of z (never across gaps; not screened unless asked, as Laney 2002 and
 * qicharts2) / 1.128, and σᵢ′ = σᵢ·σ_z.
 * Limits centre ± 2σ and ± 3σ; p limits are cut to [0, 1], u lower limits to ≥ 0.
 * σ_z is reported for the plain charts too, with a note recommending Laney when it is far from 1
 * and the denominators are large.
 */
import { z } from "zod";
import type { SpcChartType, SpcResult } from "./types.js";
import { AttributeOptionsSchema, parseSpcInput, SpcInputPointSchema, type AttributeOptions, type SpcInputPoint } from "./spcInput.js";
import { prepareSeries } from "./prepareSeries.js";
import { averageMovingRange } from "./movingRanges.js";
import { assembleControlChart, type PointLimits } from "./assembleControlChart.js";
import { spcMessages, type SpcNote } from "./messages.js";
import { D2_TWO } from "./xmrChart.js";

export interface AttributeChartOptions extends AttributeOptions {
  readonly trendLength?: number;
  readonly shiftLength?: number;
}

/** σ_z at or beyond this factor from 1 (σ_z ≥ 1.5 or ≤ 1/1.5) counts as far from 1 (klynge's threshold). */
export const LANEY_SIGMA_Z_FACTOR = 1.5;
/** Mean baseline denominator from which Laney is recommended (klynge's threshold). */
export const LANEY_LARGE_DENOMINATOR = 1000;

const RuleLengths = z.object({ trendLength: z.number().int().min(2).optional(), shiftLength: z.number().int().min(2).optional() });

export function attributeChart(
  fn: string,
  kind: "p" | "u",
  points: readonly SpcInputPoint[],
  options: AttributeChartOptions,
  forceLaney: boolean,
): SpcResult {
  const input = parseSpcInput(fn, z.array(SpcInputPointSchema), points);
  const opts = parseSpcInput(fn, AttributeOptionsSchema.extend(RuleLengths.shape), options);
  const laney = forceLaney || opts.laney === true;
  const chart: SpcChartType = kind === "p" ? (laney ? "pprime" : "p") : laney ? "uprime" : "u";
  const prepared = prepareSeries(fn, input, opts, kind === "p" ? "proportion" : "rate");
  const screen = opts.screenMovingRanges ?? false;
  const dens = new Set(prepared.points.filter((p) => p.value !== null).map((p) => p.denominator));
  const result = assembleControlChart(
    chart,
    prepared,
    opts.improvement ?? "neutral",
    (phase) => {
      const none: PointLimits = { lower3: null, upper3: null, lower2: null, upper2: null };
      const base = phase.points.filter((p) => p.baseline);
      const sumY = base.reduce((a, p) => a + (p.numerator as number), 0);
      const sumN = base.reduce((a, p) => a + (p.denominator as number), 0);
      if (base.length === 0 || sumN === 0) return { centre: null, limits: phase.points.map(() => none), summary: { sigmaZ: null } };
      const centre = sumY / sumN;
      const unit = kind === "p" ? centre * (1 - centre) : centre;
      const sigmaOf = (n: number | null): number | null => (n === null || n <= 0 ? null : Math.sqrt(unit / n));
      const zs = phase.points.map((p) => {
        const s = sigmaOf(p.denominator);
        return p.baseline && s !== null && s > 0 ? ((p.value as number) - centre) / s : null;
      });
      const mr = averageMovingRange(zs, screen);
      const sigmaZ = mr.mean === null ? null : mr.mean / D2_TWO;
      const factor = laney && sigmaZ !== null ? sigmaZ : 1;
      const limits = phase.points.map((p): PointLimits => {
        const s = p.value === null ? null : sigmaOf(p.denominator);
        if (s === null) return none;
        const w = s * factor;
        const lo = (x: number) => Math.max(0, x);
        const hi = (x: number) => (kind === "p" ? Math.min(1, x) : x);
        return { lower3: lo(centre - 3 * w), upper3: hi(centre + 3 * w), lower2: lo(centre - 2 * w), upper2: hi(centre + 2 * w) };
      });
      const notes: SpcNote[] = [];
      if (laney && sigmaZ !== null) notes.push(spcMessages.laneyApplied(phase.label, sigmaZ));
      const meanN = sumN / base.length;
      if (
        !laney &&
        sigmaZ !== null &&
        meanN >= LANEY_LARGE_DENOMINATOR &&
        (sigmaZ >= LANEY_SIGMA_Z_FACTOR || sigmaZ <= 1 / LANEY_SIGMA_Z_FACTOR)
      )
        notes.push(spcMessages.laneyRecommended(phase.label, sigmaZ, meanN));
      return {
        centre,
        limits,
        summary: { sigmaZ, ...(laney ? { screenedMovingRanges: mr.removed } : {}) },
        notes,
      };
    },
    { trendLength: opts.trendLength, shiftLength: opts.shiftLength },
    opts.multiplier ?? 1,
  );
  if (dens.size > 1) return { ...result, notes: [...result.notes, spcMessages.varyingLimits()] };
  return result;
}
