// Writes the JSON Schema files of the intervention format to schemas/ (run: npx tsx scripts/write-spread-schemas.ts).
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { interventionJsonSchemas } from "../src/spread/interventionJsonSchemas.js";

const dir = join(fileURLToPath(new URL(".", import.meta.url)), "..", "schemas");
for (const [name, schema] of Object.entries(interventionJsonSchemas())) {
  writeFileSync(join(dir, name), `${JSON.stringify(schema, null, 2)}\n`);
  console.log(`wrote schemas/${name}`);
}
