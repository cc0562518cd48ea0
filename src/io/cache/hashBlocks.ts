/**
 * SHA-256 of a file in blocks of BLOCK bytes. A file of more than BLOCKS_ON_THIS_THREAD blocks is
 * hashed by worker threads (up to `availableParallelism()`, at most 4), each reading and hashing
 * every k-th block with its own positional reads, so a cache hit on a national file uses every
 * core. A smaller file is hashed on the calling thread: starting a worker costs tens of
 * milliseconds, about what hashing 128 MiB on one core takes. The workers' source is CommonJS run
 * with `eval` (no file of its own in the bundles).
 */

import { createHash } from "node:crypto";
import { availableParallelism } from "node:os";
import { Worker } from "node:worker_threads";
import { openRegular } from "../regularFile.js";

/** Bytes per block (16 MiB). */
export const BLOCK = 16 * 1024 * 1024;
/** Files of up to this many blocks (128 MiB) are hashed on the calling thread. */
export const BLOCKS_ON_THIS_THREAD = 8;

/** How a file of `size` bytes is hashed: its number of blocks, and on how many worker threads (0: on this thread). */
export interface HashPlan {
  readonly blocks: number;
  readonly workers: number;
}

/**
 * The plan for a file of `size` bytes with up to `workers` threads.
 * @example hashPlan(47e6, 2) // { blocks: 3, workers: 0 }: a region-year is hashed on this thread
 */
export function hashPlan(size: number, workers: number): HashPlan {
  const blocks = Math.max(1, Math.ceil(size / BLOCK));
  return { blocks, workers: blocks <= BLOCKS_ON_THIS_THREAD || workers <= 1 ? 0 : Math.min(workers, blocks) };
}

const WORKER_SOURCE = `
const { parentPort, workerData } = require("node:worker_threads");
const { openSync, readSync, closeSync, constants } = require("node:fs");
const { createHash } = require("node:crypto");
const { path, size, block, first, step } = workerData;
const fd = openSync(path, constants.O_RDONLY | (constants.O_NOFOLLOW || 0));
const buf = Buffer.allocUnsafe(block);
const out = [];
try {
  for (let b = first; b * block < size; b += step) {
    const at = b * block;
    const len = Math.min(block, size - at);
    let got = 0;
    while (got < len) {
      const r = readSync(fd, buf, got, len - got, at + got);
      if (r === 0) break;
      got += r;
    }
    out.push([b, createHash("sha256").update(buf.subarray(0, got)).digest()]);
  }
} finally {
  closeSync(fd);
}
parentPort.postMessage(out);
`;

/** The SHA-256 digests of the file's blocks, in order (one empty block's digest for an empty file). */
export async function hashFileBlocks(path: string, workers = Math.min(4, availableParallelism())): Promise<Buffer[]> {
  const fh = await openRegular(path);
  let size: number;
  let plan: HashPlan;
  try {
    size = (await fh.stat()).size;
    plan = hashPlan(size, workers);
    const { blocks } = plan;
    if (plan.workers === 0) {
      const buf = Buffer.allocUnsafe(Math.min(BLOCK, Math.max(1, size)));
      const out: Buffer[] = [];
      for (let b = 0; b < blocks; b++) {
        const at = b * BLOCK;
        const len = Math.min(BLOCK, size - at);
        let got = 0;
        while (got < len) {
          const { bytesRead } = await fh.read(buf, got, len - got, at + got);
          if (bytesRead === 0) break;
          got += bytesRead;
        }
        out.push(createHash("sha256").update(buf.subarray(0, got)).digest());
      }
      return out;
    }
  } finally {
    await fh.close();
  }
  const step = plan.workers;
  const parts = await Promise.all(
    Array.from(
      { length: step },
      (_, first) =>
        new Promise<[number, Uint8Array][]>((done, fail) => {
          const w = new Worker(WORKER_SOURCE, { eval: true, workerData: { path, size, block: BLOCK, first, step } });
          w.once("message", (m: [number, Uint8Array][]) => done(m));
          w.once("error", fail);
          w.once("exit", (code) => (code === 0 ? undefined : fail(new Error(`hash worker stopped (${code})`))));
        }),
    ),
  );
  const out: Buffer[] = new Array<Buffer>(Math.ceil(size / BLOCK));
  for (const part of parts) for (const [b, d] of part) out[b] = Buffer.from(d);
  return out;
}
