/**
 * Reading a file as Buffer chunks that hold whole lines: plain files with fs reads, `.gz` files
 * through node:zlib. The callback gets (buffer, start, end) where [start, end) ends at a line
 * break (or at the end of the file), so a byte scanner never sees half a line.
 *
 * Limits (SECURITY.md): only regular files are read (regularFile.ts); a line longer than
 * MAX_LINE_BYTES stops the read with a LineTooLongError; a `.gz` file whose decompressed size
 * exceeds both FREE_DECOMPRESSED_BYTES and MAX_DECOMPRESSION_RATIO times its compressed size stops
 * with a DecompressionLimitError. Memory stays bounded by the chunk size and the line limit.
 */

import { createGunzip } from "node:zlib";
import { openRegular } from "./regularFile.js";

/** Bytes read per chunk (8 MiB). */
export const CHUNK = 8 * 1024 * 1024;
/** The longest line read (16 MiB; a CSV line of a register is well under 1 KiB). */
export const MAX_LINE_BYTES = 16 * 1024 * 1024;
/** Decompressed bytes always allowed for a `.gz` file (64 MiB)… */
export const FREE_DECOMPRESSED_BYTES = 64 * 1024 * 1024;
/** …beyond which the decompressed size may be at most this many times the compressed size (CSV compresses 5–15 times). */
export const MAX_DECOMPRESSION_RATIO = 100;

/** A line longer than the limit; `offset` is the byte offset (in the decompressed text) where it starts. */
export class LineTooLongError extends Error {
  constructor(
    readonly limit: number,
    readonly offset: number,
  ) {
    super(`a line is longer than ${limit} bytes`);
    this.name = "LineTooLongError";
  }
}

/** A `.gz` file decompressing to more than the limits allow. */
export class DecompressionLimitError extends Error {
  constructor(
    readonly freeBytes: number,
    readonly ratio: number,
  ) {
    super(`the decompressed data is over ${freeBytes} bytes and ${ratio} times the compressed size`);
    this.name = "DecompressionLimitError";
  }
}

/** Limits of one read (defaults: the exported constants); tests lower them. */
export interface ReadLimits {
  readonly maxLineBytes?: number;
  readonly freeDecompressedBytes?: number;
  readonly maxDecompressionRatio?: number;
}

async function* rawChunks(path: string, chunkSize: number, limits: ReadLimits = {}): AsyncGenerator<Buffer> {
  if (path.endsWith(".gz")) {
    const fh = await openRegular(path);
    const compressed = (await fh.stat()).size;
    const free = limits.freeDecompressedBytes ?? FREE_DECOMPRESSED_BYTES;
    const ratio = limits.maxDecompressionRatio ?? MAX_DECOMPRESSION_RATIO;
    const limit = Math.max(free, ratio * compressed);
    const stream = fh.createReadStream().pipe(createGunzip({ chunkSize: Math.max(64, Math.min(chunkSize, 1024 * 1024)) }));
    let total = 0;
    try {
      for await (const chunk of stream) {
        total += (chunk as Buffer).length;
        if (total > limit) throw new DecompressionLimitError(free, ratio);
        yield chunk as Buffer;
      }
    } finally {
      stream.destroy();
      await fh.close().catch(() => undefined);
    }
    return;
  }
  const fh = await openRegular(path);
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
  const fh = await openRegular(path);
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
  limits: ReadLimits = {},
): Promise<void> {
  const maxLine = limits.maxLineBytes ?? MAX_LINE_BYTES;
  let carry: Buffer[] = [];
  let carried = 0; // bytes in carry
  let offset = 0; // bytes of the text before the current chunk
  const checkLine = (length: number, at: number): void => {
    if (length > maxLine) throw new LineTooLongError(maxLine, at);
  };
  for await (const chunk of rawChunks(path, chunkSize, limits)) {
    const last = chunk.lastIndexOf(10);
    if (last < 0) {
      checkLine(carried + chunk.length, offset - carried);
      carry.push(Buffer.from(chunk)); // copied: the chunk buffer is reused
      carried += chunk.length;
      offset += chunk.length;
      continue;
    }
    let from = 0;
    if (carry.length > 0) {
      const first = chunk.indexOf(10);
      checkLine(carried + first, offset - carried);
      carry.push(chunk.subarray(0, first + 1));
      const joined = Buffer.concat(carry);
      carry = [];
      carried = 0;
      onPiece(joined, 0, joined.length);
      from = first + 1;
    }
    if (from < last + 1) {
      // Lines inside the chunk are shorter than the chunk; checked only when the chunk is larger than the limit.
      if (chunk.length > maxLine) {
        for (let p = from; p <= last; ) {
          const nl = chunk.indexOf(10, p);
          checkLine(nl - p, offset + p);
          p = nl + 1;
        }
      }
      onPiece(chunk, from, last + 1);
    }
    if (last + 1 < chunk.length) {
      carry.push(Buffer.from(chunk.subarray(last + 1)));
      carried = chunk.length - last - 1;
      checkLine(carried, offset + last + 1);
    }
    offset += chunk.length;
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
  const fh = await openRegular(path);
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
