/**
 * Locating files shipped under the package's `data/` folder, in every build (ESM source, the ESM
 * bundle and the CommonJS bundle — tsup's `shims: true` provides `import.meta.url` there).
 */
import { existsSync, readFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { staysMessages } from "./messages.js";

let cachedRoot: string | null = null;

function moduleDir(): string {
  try {
    return dirname(fileURLToPath(import.meta.url));
  } catch {
    return process.cwd();
  }
}

function isKlyngeRoot(dir: string): boolean {
  const file = join(dir, "package.json");
  if (!existsSync(file)) return false;
  try {
    return (JSON.parse(readFileSync(file, "utf8")) as { name?: unknown }).name === "klynge";
  } catch {
    return false;
  }
}

/**
 * The folder of the package.json whose name is "klynge", found by walking up from this module's
 * directory (then from the working directory).
 * @throws Error when no such folder exists.
 */
export function packageRoot(): string {
  if (cachedRoot !== null) return cachedRoot;
  for (const start of [moduleDir(), process.cwd()]) {
    let dir = resolve(start);
    for (;;) {
      if (isKlyngeRoot(dir)) {
        cachedRoot = dir;
        return dir;
      }
      const up = dirname(dir);
      if (up === dir) break;
      dir = up;
    }
  }
  throw new Error(staysMessages.packageRootNotFound(moduleDir()));
}

/** Absolute path of a file under the package's data folder, e.g. `dataPath("diagnosis-groups", "focus-areas.csv")`. */
export function dataPath(...parts: string[]): string {
  return join(packageRoot(), "data", ...parts);
}
