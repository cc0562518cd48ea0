/**
 * Writes schemas/<table>.schema.json from the zod schemas of src/contract (`npm run schemas`).
 * tests/contract/jsonSchemas.test.ts checks that the committed files equal fresh output.
 */
import { mkdirSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { contractJsonSchemas } from "../src/contract/jsonSchemas.js";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const outDir = join(root, "schemas");
mkdirSync(outDir, { recursive: true });
for (const [name, schema] of Object.entries(contractJsonSchemas())) {
  const file = join(outDir, `${name}.schema.json`);
  writeFileSync(file, JSON.stringify(schema, null, 2) + "\n");
  console.log(`wrote ${file}`);
}
