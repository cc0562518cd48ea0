/**
 * The entry of a parser thread (built as dist/rangeWorker.js and dist/rangeWorker.cjs beside the
 * bundles; run from src/ under tsx): parses each range it is sent (parseRange.ts) and posts the
 * result back, its columns moved rather than copied.
 */

import { parentPort, workerData } from "node:worker_threads";
import { parseRange, transferables, type RangeSetup, type RangeTask } from "./parseRange.js";

const setup = workerData as RangeSetup;
const port = parentPort;
if (port !== null) {
  port.on("message", (task: RangeTask) => {
    parseRange(setup, task).then(
      (r) => port.postMessage(r, r.ok ? transferables(r) : []),
      (err: unknown) => port.postMessage({ ok: false, index: task.index, reason: String(err) }),
    );
  });
}
