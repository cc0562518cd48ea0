/**
 * The content hash behind the cache key (src/io/cache/hashBlocks.ts): the same block digests on
 * this thread and on worker threads, each digest the SHA-256 of its block, and small files hashed
 * without starting threads.
 */
import { createHash } from "node:crypto";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { BLOCK, BLOCKS_ON_THIS_THREAD, hashFileBlocks, hashPlan } from "../../src/io/cache/hashBlocks.js";

const dir = mkdtempSync(join(tmpdir(), "klynge-hash-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** SHA-256 of each BLOCK-sized piece of the bytes, computed here in one piece of code. */
function expected(bytes: Buffer): string[] {
  const out: string[] = [];
  for (let at = 0; at < Math.max(1, bytes.length); at += BLOCK) out.push(createHash("sha256").update(bytes.subarray(at, at + BLOCK)).digest("hex"));
  return out;
}

describe("hashFileBlocks", () => {
  it("plans small files (up to 8 blocks) on this thread and larger ones on at most as many threads as blocks", () => {
    expect(hashPlan(0, 4)).toEqual({ blocks: 1, workers: 0 });
    expect(hashPlan(47_000_000, 2)).toEqual({ blocks: 3, workers: 0 });
    expect(hashPlan(BLOCKS_ON_THIS_THREAD * BLOCK, 4)).toEqual({ blocks: 8, workers: 0 });
    expect(hashPlan(BLOCKS_ON_THIS_THREAD * BLOCK + 1, 4)).toEqual({ blocks: 9, workers: 4 });
    expect(hashPlan(2_200_000_000, 2)).toEqual({ blocks: 132, workers: 2 });
    expect(hashPlan(2_200_000_000, 1)).toEqual({ blocks: 132, workers: 0 });
  });

  it("gives each block's SHA-256, the same on this thread and on worker threads", async () => {
    // 9 blocks and a bit: over the limit, so the default plan uses threads
    const size = 9 * BLOCK + 12345;
    const bytes = Buffer.allocUnsafe(size);
    let x = 0x9e3779b9;
    for (let i = 0; i < size; i += 4) {
      x ^= x << 13;
      x ^= x >>> 17;
      x ^= x << 5;
      bytes.writeInt32LE(x | 0, Math.min(i, size - 4));
    }
    const big = join(dir, "big.csv");
    writeFileSync(big, bytes);
    const want = expected(readFileSync(big));
    expect(want.length).toBe(10);
    const onThreads = (await hashFileBlocks(big, 3)).map((d) => d.toString("hex"));
    const here = (await hashFileBlocks(big, 1)).map((d) => d.toString("hex"));
    expect(onThreads).toEqual(want);
    expect(here).toEqual(want);
  });

  it("hashes an empty file and a file of a few bytes", async () => {
    const empty = join(dir, "empty.csv");
    writeFileSync(empty, "");
    expect((await hashFileBlocks(empty)).map((d) => d.toString("hex"))).toEqual(expected(Buffer.alloc(0)));
    const small = join(dir, "small.csv");
    writeFileSync(small, "a,b\n1,2\n");
    expect((await hashFileBlocks(small)).map((d) => d.toString("hex"))).toEqual(expected(Buffer.from("a,b\n1,2\n")));
  });
});
