/**
 * A byte-level line writer for the register files: fields are copied as bytes (pre-encoded
 * dictionaries, cached dates, digits written directly) into a 1 MiB buffer, which is handed to
 * the file (or gzip) stream when full, honouring backpressure. No string per row is made, so
 * writing 16 million rows costs little garbage collection (the string-joining writer of
 * textOutput.ts spent over a third of its time in the collector at this scale).
 */

import { createWriteStream } from "node:fs";
import { once } from "node:events";
import { pipeline } from "node:stream/promises";
import type { Writable } from "node:stream";
import { createGzip } from "node:zlib";

const CHUNK = 1 << 20;
const SLACK = 1 << 16;

/** Pre-encoded UTF-8 strings by index, in one buffer. */
export interface ByteDictionary {
  readonly bytes: Uint8Array;
  /** Entry k is bytes[start[k] … start[k + 1] − gap − 1]. */
  readonly start: Int32Array;
  /** Bytes between entries (1 when they are separated by a line break, else 0). */
  readonly gap: number;
}

/**
 * Encode a list of strings into one {@link ByteDictionary}: one UTF-8 encoding of the list
 * joined by line breaks, then the breaks located. When a string holds a line break itself
 * (possible in a quoted field), one encoding per string instead.
 */
export function byteDictionary(values: readonly string[]): ByteDictionary {
  const n = values.length;
  const start = new Int32Array(n + 1);
  const joined = Buffer.from(values.join("\n"), "utf8");
  let k = 1;
  const len = joined.length;
  for (let p = 0; p < len; p++) {
    if (joined[p] === 10) {
      if (k >= n) {
        k = -1; // a value holds a line break
        break;
      }
      start[k++] = p + 1;
    }
  }
  if (n === 0 || k === n) {
    start[n] = len + 1;
    return { bytes: joined, start, gap: 1 };
  }
  let total = 0;
  for (const v of values) total += Buffer.byteLength(v, "utf8");
  const bytes = Buffer.allocUnsafe(total);
  let pos = 0;
  for (let j = 0; j < n; j++) {
    start[j] = pos;
    pos += bytes.write(values[j], pos, "utf8");
  }
  start[n] = pos;
  return { bytes, start, gap: 0 };
}

/** ASCII bytes of a string known to be ASCII (codes, digits, dates). */
export function asciiBytes(text: string): Uint8Array {
  const out = new Uint8Array(text.length);
  for (let k = 0; k < text.length; k++) out[k] = text.charCodeAt(k);
  return out;
}

/**
 * A file being written row by row: `bytes`/`entry`/`int`/`ascii`/`byte` append to the current
 * chunk, `full` says when to `await flush()`, `close()` finishes the file (and the gzip stream).
 * @example
 * const out = new ByteOutput("x.csv", false);
 * out.ascii("a,b"); out.byte(10); await out.close();
 */
export class ByteOutput {
  private buf: Buffer = Buffer.allocUnsafe(CHUNK + SLACK);
  private pos = 0;
  private readonly target: Writable;
  private readonly done: Promise<void>;
  private readonly file: ReturnType<typeof createWriteStream>;

  /** Open `path` for writing, gzip-compressed (level 6) when `gzip`. */
  constructor(path: string, private readonly gzip: boolean) {
    this.file = createWriteStream(path);
    if (gzip) {
      const gz = createGzip({ level: 6 });
      this.target = gz;
      this.done = pipeline(gz, this.file);
    } else {
      this.target = this.file;
      const file = this.file;
      this.done = new Promise<void>((resolve, reject) => {
        file.on("finish", () => resolve());
        file.on("error", reject);
      });
    }
    // A stream error is reported by close(); this keeps it from surfacing earlier as unhandled.
    this.done.catch(() => undefined);
  }

  /** True when the buffer holds a full chunk: call `flush()` (awaiting it) before more rows. */
  get full(): boolean {
    return this.pos >= CHUNK;
  }

  private room(n: number): void {
    if (this.pos + n <= this.buf.length) return;
    const next = Buffer.allocUnsafe(Math.max(this.buf.length * 2, this.pos + n));
    this.buf.copy(next, 0, 0, this.pos);
    this.buf = next;
  }

  byte(code: number): void {
    if (this.pos >= this.buf.length) this.room(1);
    this.buf[this.pos++] = code;
  }

  bytes(src: Uint8Array): void {
    const n = src.length;
    if (this.pos + n > this.buf.length) this.room(n);
    const buf = this.buf;
    let p = this.pos;
    for (let k = 0; k < n; k++) buf[p++] = src[k];
    this.pos = p;
  }

  /** Entry `k` of a dictionary. */
  entry(dict: ByteDictionary, k: number): void {
    const a = dict.start[k];
    const b = dict.start[k + 1] - dict.gap;
    if (this.pos + (b - a) > this.buf.length) this.room(b - a);
    const buf = this.buf;
    const src = dict.bytes;
    let p = this.pos;
    for (let j = a; j < b; j++) buf[p++] = src[j];
    this.pos = p;
  }

  /** An integer in decimal digits. */
  int(value: number): void {
    if (this.pos + 24 > this.buf.length) this.room(24);
    const buf = this.buf;
    let v = value;
    if (v < 0) {
      buf[this.pos++] = 45;
      v = -v;
    }
    if (v < 2147483648) {
      // int32 arithmetic for the common case (running ids, hours, years)
      let x = v | 0;
      const digits = x < 10 ? 1 : x < 100 ? 2 : x < 1000 ? 3 : x < 10000 ? 4 : x < 100000 ? 5 : x < 1000000 ? 6 : x < 10000000 ? 7 : x < 100000000 ? 8 : x < 1000000000 ? 9 : 10;
      let p = this.pos + digits;
      this.pos = p;
      do {
        const q = (x / 10) | 0;
        buf[--p] = 48 + x - q * 10;
        x = q;
      } while (x > 0);
      return;
    }
    let digits = 0;
    for (let t = v; t >= 1; t = Math.floor(t / 10)) digits++;
    let p = this.pos + digits;
    this.pos = p;
    while (v >= 1) {
      const q = Math.floor(v / 10);
      buf[--p] = 48 + (v - q * 10);
      v = q;
    }
  }

  /**
   * A non-negative number below 10,000,000 rounded to `decimals` (≤ 8) decimals, trailing zeros dropped
   * (as String(Math.round(x·10^d)/10^d) gives it, without making a string). Returns false, writing
   * nothing, for other values: the caller writes those as text.
   */
  fixed(value: number, decimals: number): boolean {
    if (!(value >= 0 && value < 1e7) || decimals > 8) return false; // value · 10^8 stays below 2^53
    const f = 10 ** decimals;
    const scaled = Math.round(value * f);
    const whole = Math.floor(scaled / f);
    let frac = scaled - whole * f;
    this.int(whole);
    if (frac === 0) return true;
    let digits = decimals;
    while (frac % 10 === 0) {
      frac /= 10;
      digits--;
    }
    if (this.pos + digits + 1 > this.buf.length) this.room(digits + 1);
    const buf = this.buf;
    buf[this.pos++] = 46; // "."
    let p = this.pos + digits;
    this.pos = p;
    for (let k = 0; k < digits; k++) {
      const q = Math.floor(frac / 10);
      buf[--p] = 48 + (frac - q * 10);
      frac = q;
    }
    return true;
  }

  /** A short ASCII string. */
  ascii(text: string): void {
    const n = text.length;
    if (this.pos + n > this.buf.length) this.room(n);
    const buf = this.buf;
    let p = this.pos;
    for (let k = 0; k < n; k++) buf[p++] = text.charCodeAt(k);
    this.pos = p;
  }

  /** Hand the buffered bytes to the stream; resolves once it can take more. */
  async flush(): Promise<void> {
    if (this.pos === 0) return;
    const chunk = this.buf.subarray(0, this.pos);
    this.buf = Buffer.allocUnsafe(CHUNK + SLACK);
    this.pos = 0;
    if (!this.target.write(chunk)) await once(this.target, "drain");
  }

  async close(): Promise<void> {
    await this.flush();
    this.target.end();
    await this.done;
    if (!this.gzip && !this.file.closed) await once(this.file, "close");
  }
}
