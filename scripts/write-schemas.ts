/**
 * Writes schemas/<table>.schema.json from the zod schemas of src/contract (`npm run schemas`).
 * and the intervention format's schemas from src/spread (intervention.schema.json,
 * intervention-adoption.schema.json). tests/contract/jsonSchemas.test.ts and
 * tests/spread/examples.test.ts check that the committed files equal fresh output.
 */
import { mkdirSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { contractJsonSchemas } from "../src/contract/jsonSchemas.js";
import { interventionJsonSchemas } from "../src/spread/interventionJsonSchemas.js";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const outDir = join(root, "schemas");
mkdirSync(outDir, { recursive: true });
for (const [name, schema] of Object.entries(contractJsonSchemas())) {
  const file = join(outDir, `${name}.schema.json`);
  writeFileSync(file, JSON.stringify(schema, null, 2) + "\n");
  console.log(`wrote ${file}`);
}
for (const [name, schema] of Object.entries(interventionJsonSchemas())) {
  const file = join(outDir, name);
  writeFileSync(file, JSON.stringify(schema, null, 2) + "\n");
  console.log(`wrote ${file}`);
}
