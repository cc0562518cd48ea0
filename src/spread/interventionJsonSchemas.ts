/**
 * JSON Schema (draft 2020-12) of the intervention file format, generated from the zod schemas
 * with `z.toJSONSchema` (input side: fields with defaults are optional) so that editors and
 * other tools can validate intervention files. The cross-reference and date rules of
 * `validateIntervention` cannot be expressed in JSON Schema and are not in it.
 * `npm run schemas` (scripts/write-schemas.ts) writes them to schemas/; a test checks the files are fresh.
 */
import { z } from "zod";
import { AdoptionSchema, InterventionSchema } from "./interventionSchema.js";
import { KNOWN_INDICATORS } from "./knownIndicators.js";

/**
 * File name → JSON Schema object, for schemas/.
 * @example writeFileSync("intervention.schema.json", JSON.stringify(interventionJsonSchemas()["intervention.schema.json"], null, 2))
 */
export function interventionJsonSchemas(): Record<string, Record<string, unknown>> {
  const gen = (schema: z.ZodType, title: string, description: string): Record<string, unknown> => {
    const js = z.toJSONSchema(schema, { io: "input", target: "draft-2020-12" }) as Record<string, unknown>;
    const { $schema, ...rest } = js;
    return { $schema, title, description, ...rest };
  };
  return {
    "intervention.schema.json": gen(
      InterventionSchema,
      "klynge intervention",
      "One intervention of the spread model (kernel, local variation, Triple Aim targets, spread platform, " +
        "PDSA cycles, milestones, recommendations by sector, adoptions). Known indicator ids: " +
        KNOWN_INDICATORS.join(", ") +
        ". Cross-references and date order are checked by klynge's validateIntervention, not by this schema.",
    ),
    "intervention-adoption.schema.json": gen(
      AdoptionSchema,
      "klynge intervention adoption",
      "The adoption of an intervention by a cluster or municipality: fidelity, local adaptations, what the " +
        "receiver protected, implementation keys over time and the annual recommendation status.",
    ),
  };
}
