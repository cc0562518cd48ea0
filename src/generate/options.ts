/** The options of the generator, validated once at the boundary (zod). */

import { z } from "zod";
import { GENERATE_MESSAGES } from "./messages.js";

/** Progress report: municipalities done of total, and rows written so far. */
export interface GenerateProgress {
  readonly municipalitiesDone: number;
  readonly municipalitiesTotal: number;
  readonly municipality: string;
  readonly contacts: number;
}

export const GenerateOptionsSchema = z
  .object({
    seed: z.number().int().min(0).max(2 ** 31 - 1).default(1),
    years: z.tuple([z.number().int().min(1990).max(2090), z.number().int().min(1990).max(2090)]).default([2016, 2023]),
    scale: z.enum(["region", "nation"]).default("region"),
    /** Fraction of citizens sampled (population.csv holds the sampled counts, so rates stay right). */
    fraction: z.number().gt(0).max(1).default(1),
    /** Write admissions.csv.gz instead of admissions.csv. */
    gzip: z.boolean().default(false),
    /** Rate ratio of the injected intervention on acute 30-day readmissions of 65+ (1 = null effect). */
    interventionRateRatio: z.number().gt(0).max(5).default(0.75),
    /** Apply Aarhus's registration of children in the emergency department as outpatients (seed 002). */
    registrationDifference: z.boolean().default(true),
  })
  .refine((o) => o.years[0] <= o.years[1], { message: "years: the first year must not be after the last", path: ["years"] });

export type GenerateSettings = z.output<typeof GenerateOptionsSchema>;

/** Options of {@link generateDataset}. */
export interface GenerateOptions extends Partial<GenerateSettings> {
  /** Output folder (created if missing). */
  readonly outDir: string;
  readonly progress?: (p: GenerateProgress) => void;
}

/** Validate options; throws an Error with every problem listed. */
export function parseGenerateSettings(options: Partial<GenerateSettings>): GenerateSettings {
  const r = GenerateOptionsSchema.safeParse({
    seed: options.seed,
    years: options.years,
    scale: options.scale,
    fraction: options.fraction,
    gzip: options.gzip,
    interventionRateRatio: options.interventionRateRatio,
    registrationDifference: options.registrationDifference,
  });
  if (!r.success) {
    throw new Error(GENERATE_MESSAGES.invalidOptions(r.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`).join("; ")));
  }
  return r.data;
}
