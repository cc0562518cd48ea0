/**
 * The entry of a parser thread (built as dist/rangeWorker.js and dist/rangeWorker.cjs beside the
 * bundles; run from src/ under tsx): parses each range it is sent, in the order sent
 * (parseRange.ts), and posts the result back, its columns moved rather than copied.
 */

import { parentPort, workerData } from "node:worker_threads";
import { rangeParser, transferables, type RangeSetup, type RangeTask } from "./parseRange.js";

const parse = rangeParser(workerData as RangeSetup);
const port = parentPort;
// One range at a time (the parser's dictionaries carry over from range to range).
let queue: Promise<void> = Promise.resolve();
if (port !== null) {
  port.on("message", (task: RangeTask) => {
    queue = queue.then(() =>
      parse(task).then(
        (r) => port.postMessage(r, r.ok ? transferables(r) : []),
        (err: unknown) => port.postMessage({ ok: false, index: task.index, reason: String(err) }),
      ),
    );
  });
}
