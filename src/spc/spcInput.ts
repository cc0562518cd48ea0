/**
 * Input shapes of the SPC layer, defined once as zod schemas (types inferred from them), and the
 * boundary check every chart function calls before its pure core runs.
 */
import { z } from "zod";
import { spcMessages } from "./messages.js";
import { SpcError } from "./spcError.js";

const nullableNumber = z.number().finite().nullable().optional();

/** One period of a series, in time order. A missing value is a gap (null), never a zero. */
export const SpcInputPointSchema = z.object({
  period: z.string().min(1),
  value: nullableNumber,
  numerator: z.number().finite().min(0).nullable().optional(),
  denominator: z.number().finite().min(0).nullable().optional(),
});
export type SpcInputPoint = z.infer<typeof SpcInputPointSchema>;

/** A phase starts at a real event (an intervention start), at the given period. */
export const SpcPhaseStartSchema = z.object({
  /** First period of the phase (must be a period of the series). */
  start: z.string().min(1),
  label: z.string().min(1),
  /** Per-phase freeze, overriding the common `freeze`. */
  freeze: z.number().int().min(1).optional(),
});
export type SpcPhaseStart = z.infer<typeof SpcPhaseStartSchema>;

/** Options common to all charts. */
export const SpcCommonOptionsSchema = z.object({
  /** Which direction is better; "neutral" (the default) colours no signal as good or bad. */
  improvement: z.enum(["increase", "decrease", "neutral"]).optional(),
  /** Phases from real events; limits are recomputed per phase from that phase's own points. */
  phases: z.array(SpcPhaseStartSchema).optional(),
  /** The first k points (gaps not counted) of each phase form its baseline. */
  freeze: z.number().int().min(1).optional(),
  /** Periods left out of the centre and limit calculation (still plotted, still tested). */
  exclude: z.array(z.string()).optional(),
  /** Label of the points before the first phase start (default "Før"). */
  firstPhaseLabel: z.string().min(1).optional(),
});
export type SpcCommonOptions = z.infer<typeof SpcCommonOptionsSchema>;

/** XmR options. */
export const XmrOptionsSchema = SpcCommonOptionsSchema.extend({
  /** Making Data Count screening of moving ranges ≥ 3.267 × mean MR before the limits (default true, as NHSRplotthedots). */
  screenMovingRanges: z.boolean().optional(),
  /**
   * "d2" (default): σ̂ = mean MR / 1.128, limits ±2σ̂ and ±3σ̂ (qicharts2, Montgomery).
   * "mdc": NHSRplotthedots' rounded constants, ±2.66 × mean MR and ±(2/3)·2.66 × mean MR.
   */
  constants: z.enum(["d2", "mdc"]).optional(),
});
export type XmrOptions = z.infer<typeof XmrOptionsSchema>;

/** p / u chart options. */
export const AttributeOptionsSchema = SpcCommonOptionsSchema.extend({
  /** Laney's p′ / u′ adjustment (default false). */
  laney: z.boolean().optional(),
  /** Multiply values, centre and limits (e.g. 1000 for "per 1,000"); default 1. */
  multiplier: z.number().finite().positive().optional(),
  /** Screen moving ranges of z (≥ 3.267 × their mean) before σ_z (Laney; default false: Laney 2002 and qicharts2 `qic.pp`/`qic.up` use every moving range). */
  screenMovingRanges: z.boolean().optional(),
});
export type AttributeOptions = z.infer<typeof AttributeOptionsSchema>;

/** Parse with a schema; any issue becomes one SpcError listing every issue (path: message). */
export function parseSpcInput<S extends z.ZodType>(fn: string, schema: S, input: unknown): z.infer<S> {
  const r = schema.safeParse(input);
  if (r.success) return r.data;
  const detail = r.error.issues.map((i) => `${i.path.join(".") || "(root)"}: ${i.message}`).join("; ");
  throw new SpcError("invalidInput", spcMessages.invalidInput(fn, detail));
}
