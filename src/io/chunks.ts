/**
 * Reading a file as Buffer chunks that hold whole lines: plain files with fs reads, `.gz` files
 * through node:zlib. The callback gets (buffer, start, end) where [start, end) ends at a line
 * break (or at the end of the file), so a byte scanner never sees half a line.
 */

import { createReadStream } from "node:fs";
import { open } from "node:fs/promises";
import { createGunzip } from "node:zlib";

/** Bytes read per chunk (8 MiB). */
export const CHUNK = 8 * 1024 * 1024;

async function* rawChunks(path: string, chunkSize: number): AsyncGenerator<Buffer> {
  if (path.endsWith(".gz")) {
    const stream = createReadStream(path).pipe(createGunzip({ chunkSize: Math.max(64, Math.min(chunkSize, 1024 * 1024)) }));
    for await (const chunk of stream) yield chunk as Buffer;
    return;
  }
  const fh = await open(path, "r");
  // One buffer, reused: the consumer handles each chunk completely (and copies what it keeps)
  // before it asks for the next one.
  const buf = Buffer.allocUnsafe(chunkSize);
  try {
    for (;;) {
      const { bytesRead } = await fh.read(buf, 0, chunkSize, null);
      if (bytesRead === 0) break;
      yield bytesRead < chunkSize ? buf.subarray(0, bytesRead) : buf;
    }
  } finally {
    await fh.close();
  }
}

/** Size in bytes of the uncompressed text, when cheaply known (plain files), else null. */
export async function plainSize(path: string): Promise<number | null> {
  if (path.endsWith(".gz")) return null;
  const fh = await open(path, "r");
  try {
    return (await fh.stat()).size;
  } finally {
    await fh.close();
  }
}

/**
 * Call `onPiece(buf, start, end)` with pieces of whole lines, in order. Every piece ends just after
 * a "\n" (one is added after the last line of a file that lacks it).
 */
export async function forEachPiece(
  path: string,
  onPiece: (buf: Buffer, start: number, end: number) => void,
  chunkSize = CHUNK,
): Promise<void> {
  let carry: Buffer[] = [];
  for await (const chunk of rawChunks(path, chunkSize)) {
    const last = chunk.lastIndexOf(10);
    if (last < 0) {
      carry.push(Buffer.from(chunk)); // copied: the chunk buffer is reused
      continue;
    }
    let from = 0;
    if (carry.length > 0) {
      const first = chunk.indexOf(10);
      carry.push(chunk.subarray(0, first + 1));
      const joined = Buffer.concat(carry);
      carry = [];
      onPiece(joined, 0, joined.length);
      from = first + 1;
    }
    if (from < last + 1) onPiece(chunk, from, last + 1);
    if (last + 1 < chunk.length) carry.push(Buffer.from(chunk.subarray(last + 1)));
  }
  if (carry.length > 0) {
    // The last line has no line break: add one, so every piece ends with "\n" (a sentinel the
    // byte scanners rely on).
    carry.push(Buffer.from([10]));
    const joined = Buffer.concat(carry);
    onPiece(joined, 0, joined.length);
  }
}

/**
 * Call `onLine(buf, start, end)` for every line (without its "\r\n" / "\n"). Line 1 is the first.
 */
export async function forEachLine(
  path: string,
  onLine: (buf: Buffer, start: number, end: number) => void,
  chunkSize = CHUNK,
): Promise<void> {
  await forEachPiece(path, (buf, start, end) => {
    let p = start;
    while (p < end) {
      let nl = buf.indexOf(10, p);
      if (nl < 0 || nl >= end) nl = end;
      let e = nl;
      if (e > p && buf[e - 1] === 13) e--;
      onLine(buf, p, e);
      p = nl + 1;
    }
  }, chunkSize);
}

/**
 * Mean bytes per line of a plain file, from `samples` reads of `sampleBytes` spread evenly over
 * it (the first line of each sample is skipped as possibly partial), or null when unknown.
 * Used to size the columns once, instead of growing (and copying) them while reading.
 */
export async function meanLineBytes(path: string, size: number, samples = 8, sampleBytes = 1 << 18): Promise<number | null> {
  if (path.endsWith(".gz") || size <= 0) return null;
  const fh = await open(path, "r");
  try {
    const buf = Buffer.allocUnsafe(sampleBytes);
    let bytes = 0;
    let lines = 0;
    for (let k = 0; k < samples; k++) {
      const at = Math.floor(((size - sampleBytes) * k) / Math.max(1, samples - 1));
      const { bytesRead } = await fh.read(buf, 0, sampleBytes, Math.max(0, at));
      const first = buf.indexOf(10);
      if (first < 0 || first >= bytesRead) continue;
      let last = first;
      for (let q = first + 1; q < bytesRead; q++) {
        if (buf[q] === 10) {
          lines++;
          last = q;
        }
      }
      bytes += last - first;
    }
    return lines > 0 ? bytes / lines : null;
  } finally {
    await fh.close();
  }
}
