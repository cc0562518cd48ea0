/**
 * adverse_events.csv (optional; issue 17): counts of reported adverse events (utilsigtede
 * hændelser, UTH) by unit and year, which registers do not hold. Seed 002 asks for readmissions
 * "sammenholdt med antal genindlæggelser og UTH'er". The unit is a hospital_unit of the geography
 * (its cluster is the geography's) or a cluster.
 */

import { z } from "zod";
import { FIELD_EXPECTED, parseCount, parseOptionalText, parseYear } from "../fields.js";
import { cell, optionalCell, rowIssue } from "./cell.js";
import type { SchemaContext } from "./cell.js";

export const ADVERSE_EVENTS_COLUMNS = ["year", "hospital_unit", "cluster", "events"] as const;
export const ADVERSE_EVENTS_REQUIRED = ["year", "events"] as const;

/** The zod schema of one adverse_events.csv row: a hospital_unit or a cluster of the geography. */
export function makeAdverseEventsSchema(context: SchemaContext = {}) {
  return z
    .object({
      year: cell(parseYear, { description: FIELD_EXPECTED.year, pattern: "^\\s*\\d{4}\\s*$" }),
      hospital_unit: optionalCell(parseOptionalText, { description: "Hospital unit as in geography.csv (or give cluster)." }),
      cluster: optionalCell(parseOptionalText, { description: "Cluster name (or give hospital_unit)." }),
      events: cell(parseCount, { description: `Reported adverse events (UTH): ${FIELD_EXPECTED.count}.` }),
    })
    .transform((r, ctx) => {
      if (r.hospital_unit === null && r.cluster === null) rowIssue(ctx, "hospital_unit", "no_unit", "a hospital_unit or a cluster", "");
      if (r.hospital_unit !== null && context.hospitalUnits !== undefined && !context.hospitalUnits.has(r.hospital_unit)) {
        rowIssue(ctx, "hospital_unit", "unknown_hospital_unit", "a hospital_unit of the geography", r.hospital_unit);
      }
      if (r.cluster !== null && context.clusters !== undefined && !context.clusters.has(r.cluster)) {
        rowIssue(ctx, "cluster", "unknown_cluster", "a cluster of the geography", r.cluster);
      }
      return r;
    });
}

export const AdverseEventsSchema = makeAdverseEventsSchema();
export type AdverseEventsRecord = z.infer<typeof AdverseEventsSchema>;
export type AdverseEventsInput = z.input<typeof AdverseEventsSchema>;
