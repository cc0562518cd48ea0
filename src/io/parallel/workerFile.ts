/**
 * Where the parser thread's code is: `rangeWorker` beside this module with the same extension —
 * dist/rangeWorker.js next to the ESM bundles, dist/rangeWorker.cjs next to the CommonJS ones
 * (tsup shims import.meta.url there), src/io/parallel/rangeWorker.ts under tsx and vitest, where
 * the thread is started with tsx's loader.
 */

import { createRequire } from "node:module";
import { dirname, extname, join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";

/**
 * The parser thread's file and the Node options it needs.
 *
 * @example
 * const { file, execArgv } = rangeWorkerFile();
 * new Worker(file, { execArgv, workerData });
 */
export function rangeWorkerFile(): { file: string; execArgv: string[] } {
  const here = fileURLToPath(import.meta.url);
  const ext = extname(here);
  const file = join(dirname(here), `rangeWorker${ext}`);
  if (ext !== ".ts") return { file, execArgv: [] };
  const tsx = pathToFileURL(createRequire(import.meta.url).resolve("tsx")).href;
  return { file, execArgv: ["--import", tsx] };
}
