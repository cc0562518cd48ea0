/**
 * JSON Schemas of the data contract, generated from the zod schemas (the one source) with
 * `z.toJSONSchema(schema, { io: "input" })`: they describe the CSV rows as text, for users of
 * other tools. scripts/write-schemas.ts writes them to schemas/<table>.schema.json.
 */

import { z } from "zod";
import { AdmissionsSchema } from "./schemas/admissionsSchema.js";
import { AdverseEventsSchema } from "./schemas/adverseEventsSchema.js";
import { CareStatusSchema } from "./schemas/careStatusSchema.js";
import { DeathsSchema } from "./schemas/deathsSchema.js";
import { ExperienceSchema } from "./schemas/experienceSchema.js";
import { GeographySchema } from "./schemas/geographySchema.js";
import { PopulationSchema } from "./schemas/populationSchema.js";
import { SectorCostsSchema } from "./schemas/sectorCostsSchema.js";

/** The tables of the contract and their zod row schemas. */
export const CONTRACT_SCHEMAS = {
  admissions: AdmissionsSchema,
  population: PopulationSchema,
  geography: GeographySchema,
  deaths: DeathsSchema,
  sector_costs: SectorCostsSchema,
  experience: ExperienceSchema,
  adverse_events: AdverseEventsSchema,
  care_status: CareStatusSchema,
} as const;
export type ContractTableName = keyof typeof CONTRACT_SCHEMAS;

/** JSON Schema (draft 2020-12) of every table's row, keyed by table name. */
export function contractJsonSchemas(): Record<ContractTableName, Record<string, unknown>> {
  const out = {} as Record<ContractTableName, Record<string, unknown>>;
  for (const name of Object.keys(CONTRACT_SCHEMAS) as ContractTableName[]) {
    const js = z.toJSONSchema(CONTRACT_SCHEMAS[name], { io: "input" }) as Record<string, unknown>;
    out[name] = {
      $schema: js.$schema,
      title: `${name}.csv row`,
      description: `One row of ${name}.csv as text (klynge data contract). Generated from the zod schema; do not edit.`,
      ...Object.fromEntries(Object.entries(js).filter(([k]) => k !== "$schema")),
    };
  }
  return out;
}
