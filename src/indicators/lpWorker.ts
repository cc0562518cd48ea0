/**
 * lpRanges for synchronous callers. The suppression decision (suppressTable.ts) is synchronous, as
 * every table function above it is; the HiGHS runtime (`highs`, WebAssembly) only loads
 * asynchronously. So the programs run in worker threads that load HiGHS once and stay (unref'd:
 * they never keep a process alive), and the caller waits for their answer (Atomics.wait on a
 * shared flag, then reads the reply from its port). Up to two workers: the sets are dealt out
 * largest first to the least loaded one, and the answers come back in the order of the sets.
 */
import { createRequire } from "node:module";
import { availableParallelism } from "node:os";
import { MessageChannel, Worker, receiveMessageOnPort } from "node:worker_threads";
import { lpRanges, type LpRanges, type LpSet } from "./lpRanges.js";
import { cachedLpRanges, lpSetHash, sameLpSet, storeLpRanges } from "./lpResultCache.js";

/** The worker: loads HiGHS, answers each batch with lpRanges over its sets. */
const WORKER_SOURCE = `
const { parentPort, workerData } = require("node:worker_threads");
// a bundler that keeps function names (esbuild keepNames, as tsx uses) wraps them in __name
const __name = (target) => target;
const lpRanges = ${lpRanges.toString()};
let ready = null;
parentPort.on("message", async (job) => {
  if (job.warm) {
    // load HiGHS now; a failure is answered to the first real job (its await rethrows)
    if (ready === null) (ready = require(workerData.highsPath)()).catch(() => {});
    return;
  }
  let reply;
  try {
    if (ready === null) ready = require(workerData.highsPath)();
    const highs = await ready;
    reply = { ok: true, ranges: job.sets.map((set) => lpRanges(highs, set, job.minCount)) };
  } catch (error) {
    reply = { ok: false, message: String((error && error.message) || error) };
  }
  job.port.postMessage(reply);
  Atomics.store(job.flag, 0, 1);
  Atomics.notify(job.flag, 0);
});
`;

let pool: Worker[] = [];

function workers(n: number): Worker[] {
  if (pool.length < n) {
    const highsPath = createRequire(import.meta.url).resolve("highs");
    while (pool.length < n) {
      const w = new Worker(WORKER_SOURCE, { eval: true, workerData: { highsPath } });
      w.unref();
      w.on("error", () => {
        pool = pool.filter((x) => x !== w);
      });
      pool.push(w);
    }
  }
  return pool.slice(0, n);
}

/** The number of solver threads: up to two. */
function teamSize(sets: number): number {
  return Math.max(1, Math.min(2, availableParallelism(), sets));
}

/**
 * Start the solver's worker threads and let them load HiGHS now, without waiting: a caller that
 * will decide suppression later (computeIndicators with a threshold) calls it first, so that the
 * WebAssembly compiles while the counts are computed (about 0.2 s of a fresh process otherwise
 * spent waiting at the first solver call).
 * @example warmLpWorkers()
 */
export function warmLpWorkers(): void {
  warmRequests++;
  for (const w of workers(teamSize(2))) w.postMessage({ warm: true });
}

let warmRequests = 0;

/** How many times warmLpWorkers was called in this process (for tests). */
export function lpWarmRequests(): number {
  return warmRequests;
}

/** Longest a caller waits for one batch before giving up (the largest demo set takes seconds). */
const WAIT_LIMIT_MS = 30 * 60 * 1000;

/**
 * lpRanges of each set, computed in worker threads while the caller waits; in the order of `all`.
 * A system already solved in this process is answered from lpResultCache.ts, without a program.
 * @example lpRangesSync([{ columns: 2, rowLower: Float64Array.of(12), rowUpper: Float64Array.of(12), starts: Int32Array.of(0, 2), indices: Int32Array.of(0, 1), values: Float64Array.of(1, 1) }], 5)[0].upper // [12, 12]
 */
export function lpRangesSync(all: readonly LpSet[], minCount: number): LpRanges[] {
  if (all.length === 0) return [];
  // systems solved before in this process are answered from the store, and a system met twice in
  // this call is solved once
  const result = new Array<LpRanges | undefined>(all.length);
  const toSolve: number[] = [];
  const firstOf = new Map<number, number[]>(); // hash → sets to solve with it
  const repeatOf = new Int32Array(all.length).fill(-1);
  const hashes = new Uint32Array(all.length);
  for (let i = 0; i < all.length; i++) {
    const h = lpSetHash(all[i], minCount);
    hashes[i] = h;
    result[i] = cachedLpRanges(all[i], minCount, h);
    if (result[i] !== undefined) continue;
    const same = firstOf.get(h);
    const j = same?.find((x) => sameLpSet(all[x], all[i]));
    if (j !== undefined) {
      repeatOf[i] = j;
      continue;
    }
    if (same) same.push(i);
    else firstOf.set(h, [i]);
    toSolve.push(i);
  }
  if (toSolve.length > 0) {
    const solved = solveInWorkers(toSolve.map((i) => all[i]), minCount);
    toSolve.forEach((i, j) => {
      result[i] = solved[j];
      storeLpRanges(all[i], minCount, solved[j], hashes[i]);
    });
  }
  for (let i = 0; i < all.length; i++) {
    if (repeatOf[i] < 0) continue;
    const first = result[repeatOf[i]] as LpRanges;
    result[i] = { lower: first.lower.slice(), upper: first.upper.slice(), programs: 0 };
  }
  return result as LpRanges[];
}

/** lpRanges of each set in the worker threads, in the order of `sets`. */
function solveInWorkers(sets: readonly LpSet[], minCount: number): LpRanges[] {
  const n = teamSize(sets.length);
  const team = workers(n);
  // largest first, each to the worker with the least work so far (work ≈ unknowns²)
  const order = sets.map((_, i) => i).sort((a, b) => sets[b].columns - sets[a].columns || a - b);
  const load = new Array<number>(n).fill(0);
  const batches: number[][] = Array.from({ length: n }, () => []);
  for (const i of order) {
    let w = 0;
    for (let j = 1; j < n; j++) if (load[j] < load[w]) w = j;
    batches[w].push(i);
    load[w] += sets[i].columns * sets[i].columns + 1;
  }
  const pending = batches.map((batch, w) => {
    const channel = new MessageChannel();
    const flag = new Int32Array(new SharedArrayBuffer(4));
    if (batch.length > 0) team[w].postMessage({ sets: batch.map((i) => sets[i]), minCount, port: channel.port2, flag }, [channel.port2]);
    return { batch, port: channel.port1, flag };
  });
  const out = new Array<LpRanges>(sets.length);
  for (const { batch, port, flag } of pending) {
    if (batch.length === 0) {
      port.close();
      continue;
    }
    const started = Date.now();
    while (Atomics.load(flag, 0) === 0) {
      if (Date.now() - started > WAIT_LIMIT_MS) throw new Error("lpRangesSync: the solver did not answer");
      Atomics.wait(flag, 0, 0, 1000);
    }
    const reply = receiveMessageOnPort(port)?.message as { ok: true; ranges: LpRanges[] } | { ok: false; message: string } | undefined;
    port.close();
    if (!reply) throw new Error("lpRangesSync: no reply from the solver");
    if (!reply.ok) throw new Error(`lpRangesSync: ${reply.message}`);
    batch.forEach((i, j) => (out[i] = reply.ranges[j]));
  }
  return out;
}
