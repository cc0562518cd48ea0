/**
 * Starting a parser thread. Its code is `rangeWorker` beside this module, with the same
 * extension: dist/rangeWorker.js next to the ESM bundles, dist/rangeWorker.cjs next to the
 * CommonJS ones (tsup shims import.meta.url there). From src/ (tsx, vitest) it is
 * src/io/parallel/rangeWorker.ts, which the thread imports through tsx's API.
 */

import { createRequire } from "node:module";
import { dirname, extname, join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { Worker } from "node:worker_threads";

/**
 * A new parser thread with `workerData`.
 *
 * @example
 * const w = startRangeWorker(setup);
 * w.postMessage({ index: 0, start: 120, end: 8_388_731 });
 */
export function startRangeWorker(workerData: unknown): Worker {
  const here = fileURLToPath(import.meta.url);
  const ext = extname(here);
  const file = join(dirname(here), `rangeWorker${ext}`);
  if (ext !== ".ts") return new Worker(file, { workerData });
  // Under tsx or vitest: the thread loads the TypeScript source with tsx (a development dependency).
  const tsxPackage = createRequire(import.meta.url).resolve("tsx/package.json");
  const api = pathToFileURL(join(dirname(tsxPackage), "dist", "esm", "api", "index.mjs")).href;
  const url = pathToFileURL(file).href;
  const code = `import(${JSON.stringify(api)}).then((tsx) => tsx.tsImport(${JSON.stringify(url)}, ${JSON.stringify(url)}));`;
  return new Worker(code, { eval: true, workerData });
}
