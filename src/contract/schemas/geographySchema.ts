/** geography.csv: municipality → cluster → hospital unit (issue 2; shipped default data/geography/midtjylland.csv). */

import { z } from "zod";
import { FIELD_EXPECTED, parseMunicipalityCode, parseText } from "../fields.js";
import { cell } from "./cell.js";

export const GEOGRAPHY_COLUMNS = ["municipality_code", "municipality_name", "cluster", "hospital_unit"] as const;
export const GEOGRAPHY_REQUIRED = GEOGRAPHY_COLUMNS;

/** The zod schema of one geography.csv row. */
export function makeGeographySchema() {
  return z.object({
    municipality_code: cell(parseMunicipalityCode, { description: FIELD_EXPECTED.municipality_code, pattern: "^\\s*\\d{3,4}\\s*$" }),
    municipality_name: cell(parseText, { description: "Municipality name." }),
    cluster: cell(parseText, { description: "Cluster (klynge) name." }),
    hospital_unit: cell(parseText, { description: "The cluster's hospital unit." }),
  });
}

export const GeographySchema = makeGeographySchema();
export type GeographyRecord = z.infer<typeof GeographySchema>;
export type GeographyInput = z.input<typeof GeographySchema>;
