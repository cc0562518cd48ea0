/**
 * Finding files shipped with the package under `data/` (geography, diagnosis groups, standard
 * populations): walk up from this module's folder to the folder whose package.json is named
 * "klynge". Works from src/ (tsx, vitest) and from the dist/ bundles, ESM or CommonJS (tsup shims
 * import.meta.url in CommonJS).
 */

import { existsSync, readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

let cached: string | null = null;

function isKlyngeRoot(dir: string): boolean {
  const pj = join(dir, "package.json");
  if (!existsSync(pj)) return false;
  try {
    return (JSON.parse(readFileSync(pj, "utf8")) as { name?: unknown }).name === "klynge";
  } catch {
    return false; // not a readable package.json: keep walking up
  }
}

/** The root folder of the klynge package, or null when it cannot be found. */
export function packageRoot(): string | null {
  if (cached !== null) return cached;
  let dir = dirname(fileURLToPath(import.meta.url));
  for (;;) {
    if (isKlyngeRoot(dir)) {
      cached = dir;
      return dir;
    }
    const up = dirname(dir);
    if (up === dir) return null;
    dir = up;
  }
}

/**
 * Absolute path of a file under the package's data folder, e.g.
 * `dataPath("diagnosis-groups", "focus-areas.csv")`.
 * @throws Error when the package root cannot be found.
 */
export function dataPath(...parts: string[]): string {
  const root = packageRoot();
  if (root === null) {
    throw new Error(`could not find the klynge package root (a package.json with "name": "klynge") above ${dirname(fileURLToPath(import.meta.url))}`);
  }
  return join(root, "data", ...parts);
}
