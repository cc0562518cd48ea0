/** sector_costs.csv (optional): year, municipality_code, sector, age_group, cost_dkk (issue 2). */

import { z } from "zod";
import { FIELD_EXPECTED, parseMunicipalityCode, parseNonNegative, parseOptionalText, parseSector, parseYear } from "../fields.js";
import { cell, municipalityText, optionalCell, rowIssue } from "./cell.js";
import type { SchemaContext } from "./cell.js";

export const SECTOR_COSTS_COLUMNS = ["year", "municipality_code", "sector", "age_group", "cost_dkk"] as const;
export const SECTOR_COSTS_REQUIRED = ["year", "municipality_code", "sector", "cost_dkk"] as const;

/** The zod schema of one sector_costs.csv row. */
export function makeSectorCostsSchema(context: SchemaContext = {}) {
  return z
    .object({
      year: cell(parseYear, { description: FIELD_EXPECTED.year, pattern: "^\\s*\\d{4}\\s*$" }),
      municipality_code: cell(parseMunicipalityCode, { description: FIELD_EXPECTED.municipality_code, pattern: "^\\s*\\d{3,4}\\s*$" }),
      sector: cell(parseSector, { description: `Sector: ${FIELD_EXPECTED.sector}.` }),
      age_group: optionalCell(parseOptionalText, { description: "Optional age group label, e.g. 65-79." }),
      cost_dkk: cell(parseNonNegative, { description: `Cost in DKK: ${FIELD_EXPECTED.nonNegative}.` }),
    })
    .transform((r, ctx) => {
      if (context.municipalities !== undefined && !context.municipalities.has(r.municipality_code)) {
        rowIssue(ctx, "municipality_code", "unknown_municipality", "a municipality of the geography", municipalityText(r.municipality_code));
      }
      return r;
    });
}

export const SectorCostsSchema = makeSectorCostsSchema();
export type SectorCostsRecord = z.infer<typeof SectorCostsSchema>;
export type SectorCostsInput = z.input<typeof SectorCostsSchema>;
