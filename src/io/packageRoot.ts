/**
 * Finding files shipped with the package (data/geography/midtjylland.csv): walk up from this
 * module's folder to the folder whose package.json is named "klynge". Works from src/ (tsx,
 * vitest) and from dist/ bundles, ESM or CommonJS (tsup shims import.meta.url in CommonJS).
 */

import { existsSync, readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

let cached: string | null = null;

/** The root folder of the klynge package, or null when it cannot be found. */
export function packageRoot(): string | null {
  if (cached !== null) return cached;
  let dir = dirname(fileURLToPath(import.meta.url));
  for (;;) {
    const pj = join(dir, "package.json");
    if (existsSync(pj)) {
      try {
        if ((JSON.parse(readFileSync(pj, "utf8")) as { name?: string }).name === "klynge") {
          cached = dir;
          return dir;
        }
      } catch {
        // not a readable package.json: keep walking up
      }
    }
    const up = dirname(dir);
    if (up === dir) return null;
    dir = up;
  }
}

/** Path of the shipped default geography (Region Midtjylland), or null. */
export function defaultGeographyPath(): string | null {
  const root = packageRoot();
  if (root === null) return null;
  const p = join(root, "data", "geography", "midtjylland.csv");
  return existsSync(p) ? p : null;
}
