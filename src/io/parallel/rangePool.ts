/**
 * Running the ranges of a file on a few parser threads: ranges are handed out in file order, each
 * thread holding up to two (the one it parses and the next, so it does not wait for the calling
 * thread, busy merging, to send it more; so at most two per thread ahead of the merge, and memory
 * stays bounded), and the results are delivered to `onRange` strictly in file order. Any failure —
 * a thread that cannot start, crashes or exits, a range it cannot take on, an error in `onRange` —
 * stops every thread and resolves false (the caller then reads the file on one thread).
 */

import type { Worker } from "node:worker_threads";
import type { RangeFailure, RangeRows, RangeSetup, RangeTask } from "./parseRange.js";
import { startRangeWorker } from "./workerFile.js";

/** Ranges a thread holds at most: the one it parses and the next. */
const QUEUE = 2;

/**
 * Parse `tasks` on `threads` threads; `onRange` gets each result in order.
 *
 * @example
 * const ok = await runRanges(setup, tasks, 2, (r) => merge(r));
 */
export function runRanges(setup: RangeSetup, tasks: readonly RangeTask[], threads: number, onRange: (r: RangeRows) => void): Promise<boolean> {
  if (tasks.length === 0) return Promise.resolve(true);
  const n = Math.max(1, Math.min(threads, tasks.length));
  const ahead = QUEUE * n;
  return new Promise((resolvePool) => {
    const workers: Worker[] = [];
    /** Ranges each thread holds (sent, result not yet back). */
    const held: number[] = [];
    const waiting = new Map<number, RangeRows>();
    let nextTask = 0;
    let nextDelivery = 0;
    let settled = false;
    const finish = (ok: boolean): void => {
      if (settled) return;
      settled = true;
      for (const w of workers) void w.terminate();
      resolvePool(ok);
    };
    const dispatch = (): void => {
      for (let round = 0; round < QUEUE; round++)
        for (let i = 0; i < workers.length; i++)
          if (!settled && held[i] < QUEUE && nextTask < tasks.length && nextTask < nextDelivery + ahead) {
            held[i]++;
            workers[i].postMessage(tasks[nextTask++]);
          }
    };
    const deliver = (): void => {
      for (let r = waiting.get(nextDelivery); r !== undefined; r = waiting.get(nextDelivery)) {
        waiting.delete(nextDelivery);
        nextDelivery++;
        onRange(r);
      }
    };
    try {
      for (let i = 0; i < n; i++) {
        const w = startRangeWorker(setup);
        workers.push(w);
        held.push(0);
        w.on("message", (msg: RangeRows | RangeFailure) => {
          if (settled) return;
          if (!msg.ok) return finish(false);
          waiting.set(msg.index, msg);
          held[i]--;
          try {
            deliver();
          } catch {
            return finish(false);
          }
          if (nextDelivery === tasks.length) return finish(true);
          dispatch();
        });
        w.on("error", () => finish(false));
        w.on("exit", () => finish(false));
      }
      dispatch();
    } catch {
      finish(false);
    }
  });
}
