/**
 * How a bench script starts its timed parts: each part runs in a process of its own (so its peak
 * memory and CPU time are its own), as plain `node` on a bundle of the bench script that esbuild
 * writes beside it (`bench/<name>.bundle.mjs`, not committed). Run through tsx instead, every part
 * would carry tsx's loader — with `--import`, a module-loader thread of its own with its own
 * JavaScript heap — in its memory and CPU time, which a user running the built package does not
 * pay. The bundle holds the bench's own code and the sources it imports by path; packages, and
 * the built package (dist/, imported by URL at run time), stay outside it.
 *
 * With `--source` (the TypeScript sources under test instead of dist/) the parts run through tsx,
 * as the sources' parser threads start from their .ts files.
 */
import { buildSync } from "esbuild";
import { basename, dirname, join } from "node:path";

const built = new Map<string, string>();

/**
 * The node arguments that run the bench script `entry` (its .ts path): the bundle, built once
 * per process, or `--import tsx` and the script with `--source`.
 * @example spawnSync(process.execPath, [...childEntry(self), "--part", "klynge"])
 */
export function childEntry(entry: string): string[] {
  if (!entry.endsWith(".ts")) return [entry]; // already a bundle
  if (process.argv.includes("--source")) return ["--import", "tsx", entry];
  let out = built.get(entry);
  if (out === undefined) {
    out = join(dirname(entry), basename(entry, ".ts") + ".bundle.mjs");
    buildSync({
      entryPoints: [entry],
      outfile: out,
      bundle: true,
      platform: "node",
      format: "esm",
      target: "node20",
      packages: "external",
      logLevel: "warning",
    });
    built.set(entry, out);
  }
  return [out];
}

/**
 * The environment of a part: glibc's mmap threshold fixed, as bin/klynge.cjs runs the CLI on
 * Linux (docs/cache.md, "Memory: glibc's mmap threshold"), unless `plainMalloc`.
 */
export function partEnv(plainMalloc = false): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env, MALLOC_MMAP_THRESHOLD_: "131072" };
  if (plainMalloc) delete env.MALLOC_MMAP_THRESHOLD_;
  return env;
}
