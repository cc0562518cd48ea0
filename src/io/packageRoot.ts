/** The shipped default geography (Region Midtjylland's 19 municipalities in 5 clusters). */

import { existsSync } from "node:fs";
import { join } from "node:path";
import { packageRoot } from "../contract/packageRoot.js";

export { packageRoot };

/** Path of the shipped default geography (Region Midtjylland), or null. */
export function defaultGeographyPath(): string | null {
  const root = packageRoot();
  if (root === null) return null;
  const p = join(root, "data", "geography", "midtjylland.csv");
  return existsSync(p) ? p : null;
}
