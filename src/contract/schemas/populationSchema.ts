/** population.csv: citizens on 1 January by year, municipality, sex and age (issue 2). */

import { z } from "zod";
import { FIELD_EXPECTED, parseAge, parseCount, parseMunicipalityCode, parseSex, parseYear } from "../fields.js";
import { cell, municipalityText, rowIssue } from "./cell.js";
import type { SchemaContext } from "./cell.js";

export const POPULATION_COLUMNS = ["year", "municipality_code", "sex", "age", "count"] as const;
export const POPULATION_REQUIRED = POPULATION_COLUMNS;

/** The zod schema of one population.csv row (municipality checked against the context's geography). */
export function makePopulationSchema(context: SchemaContext = {}) {
  return z
    .object({
      year: cell(parseYear, { description: FIELD_EXPECTED.year, pattern: "^\\s*\\d{4}\\s*$" }),
      municipality_code: cell(parseMunicipalityCode, { description: FIELD_EXPECTED.municipality_code, pattern: "^\\s*\\d{3,4}\\s*$" }),
      sex: cell(parseSex, { description: FIELD_EXPECTED.sex, pattern: "^\\s*[FfMmKk]\\s*$" }),
      age: cell(parseAge, { description: FIELD_EXPECTED.age, pattern: "^\\s*\\d{1,3}\\+?\\s*$", examples: ["37", "100+"] }),
      count: cell(parseCount, { description: `Citizens on 1 January: ${FIELD_EXPECTED.count}.` }),
    })
    .transform((r, ctx) => {
      if (context.municipalities !== undefined && !context.municipalities.has(r.municipality_code)) {
        rowIssue(ctx, "municipality_code", "unknown_municipality", "a municipality of the geography", municipalityText(r.municipality_code));
      }
      return r;
    });
}

export const PopulationSchema = makePopulationSchema();
export type PopulationRecord = z.infer<typeof PopulationSchema>;
export type PopulationInput = z.input<typeof PopulationSchema>;
