/** experience.csv (optional): survey counts by period and cluster or municipality (issue 2). */

import { z } from "zod";
import { FIELD_EXPECTED, parseCount, parseOptionalMunicipalityCode, parseOptionalText, parseText } from "../fields.js";
import { cell, municipalityText, optionalCell, rowIssue } from "./cell.js";
import type { SchemaContext } from "./cell.js";

export const EXPERIENCE_COLUMNS = ["period", "cluster", "municipality_code", "measure", "positive", "total"] as const;
export const EXPERIENCE_REQUIRED = ["period", "measure", "positive", "total"] as const;

/** The zod schema of one experience.csv row: cluster or municipality_code given, positive ≤ total. */
export function makeExperienceSchema(context: SchemaContext = {}) {
  return z
    .object({
      period: cell(parseText, { description: "Period label, e.g. 2019 or 2019Q1." }),
      cluster: optionalCell(parseOptionalText, { description: "Cluster name (or give municipality_code)." }),
      municipality_code: optionalCell(parseOptionalMunicipalityCode, { description: `Optional ${FIELD_EXPECTED.municipality_code}.` }),
      measure: cell(parseText, { description: "Survey measure." }),
      positive: cell(parseCount, { description: `Positive answers: ${FIELD_EXPECTED.count}.` }),
      total: cell(parseCount, { description: `All answers: ${FIELD_EXPECTED.count}.` }),
    })
    .transform((r, ctx) => {
      if (r.cluster === null && r.municipality_code === null) {
        rowIssue(ctx, "cluster", "no_area", "a cluster or a municipality_code", "");
      }
      if (r.cluster !== null && context.clusters !== undefined && !context.clusters.has(r.cluster)) {
        rowIssue(ctx, "cluster", "unknown_cluster", "a cluster of the geography", r.cluster);
      }
      if (r.municipality_code !== null && context.municipalities !== undefined && !context.municipalities.has(r.municipality_code)) {
        rowIssue(ctx, "municipality_code", "unknown_municipality", "a municipality of the geography", municipalityText(r.municipality_code));
      }
      if (r.positive > r.total) {
        rowIssue(ctx, "positive", "positive_above_total", "positive <= total", String(r.positive), String(r.total));
      }
      return r;
    });
}

export const ExperienceSchema = makeExperienceSchema();
export type ExperienceRecord = z.infer<typeof ExperienceSchema>;
export type ExperienceInput = z.input<typeof ExperienceSchema>;
