/**
 * What identifies the running klynge in every cache key: the package version (package.json) and the
 * size and modification time of the file this code was loaded from — the built bundle
 * (dist/index.js, index.cjs or cli.cjs) in an installed or built package, so that a rebuilt klynge of
 * the same version (a development build) never reads entries another build wrote.
 */

import { readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { packageRoot } from "../../contract/packageRoot.js";

let cached: string | null = null;

export function klyngeVersion(): string {
  if (cached !== null) return cached;
  const root = packageRoot();
  let v = "unknown";
  if (root !== null) {
    try {
      v = (JSON.parse(readFileSync(join(root, "package.json"), "utf8")) as { version?: string }).version ?? "unknown";
    } catch {
      v = "unknown";
    }
  }
  try {
    const st = statSync(fileURLToPath(import.meta.url));
    v += `+${st.size}.${Math.round(st.mtimeMs)}`;
  } catch {
    // no file of its own (bundled in memory): the version alone
  }
  cached = v;
  return v;
}
