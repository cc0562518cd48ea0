/** The installed klynge's version (package.json), part of every cache key. */

import { readFileSync } from "node:fs";
import { join } from "node:path";
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
  cached = v;
  return v;
}
