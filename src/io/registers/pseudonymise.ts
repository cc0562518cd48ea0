/**
 * Pseudonymisation of register person ids (docs/registers.md): each id becomes `k` + the first
 * 20 hex digits (80 bits) of HMAC-SHA256(key, id), so no CPR number enters klynge's tables. The
 * key is the user's; klynge never writes it. HMAC-SHA256 costs ~2 µs per id here, so at national
 * scale (millions of distinct persons) the hashing runs in a worker thread, in batches, while the
 * reader goes on; small imports hash in line. Both give the same pseudonyms.
 */

import { createHmac } from "node:crypto";
import { Worker } from "node:worker_threads";

/** Prefix of every pseudonym (a letter, so a pseudonym is never shaped like a CPR number). */
export const PSEUDONYM_PREFIX = "k";
/** Hex digits kept of the HMAC (80 bits: collisions are negligible at national scale). */
export const PSEUDONYM_HEX = 20;
/** The shortest key accepted, in bytes. */
export const MIN_KEY_BYTES = 16;

/** The pseudonym of one id (its UTF-8 bytes, trimmed by the caller). */
export function pseudonymOf(key: Uint8Array, id: string | Uint8Array): string {
  return PSEUDONYM_PREFIX + createHmac("sha256", key).update(id).digest("hex").slice(0, PSEUDONYM_HEX);
}

/** Bytes of one pseudonym: the prefix and the hex digits. */
export const PSEUDONYM_BYTES = PSEUDONYM_PREFIX.length + PSEUDONYM_HEX;

const HEX = "0123456789abcdef";

/** Write the pseudonym of bytes [s, e) of `id` at `out[o …]` (PSEUDONYM_BYTES bytes, ASCII). */
function writePseudonym(key: Uint8Array, id: Uint8Array, s: number, e: number, out: Uint8Array, o: number): void {
  const d = createHmac("sha256", key).update(id.subarray(s, e)).digest();
  out[o] = PSEUDONYM_PREFIX.charCodeAt(0);
  for (let i = 0; i < PSEUDONYM_HEX / 2; i++) {
    out[o + 1 + 2 * i] = HEX.charCodeAt(d[i] >> 4);
    out[o + 2 + 2 * i] = HEX.charCodeAt(d[i] & 15);
  }
}

// The worker: CommonJS source run with \`eval\`, so it needs no file of its own in the bundles. It
// returns the pseudonyms of a batch as bytes (no string per id), transferred back without a copy.
const WORKER_SOURCE = `
const { parentPort, workerData } = require("node:worker_threads");
const { createHmac } = require("node:crypto");
const key = Buffer.from(workerData.key);
const HEX = "0123456789abcdef";
const W = ${PSEUDONYM_PREFIX.length + PSEUDONYM_HEX};
parentPort.on("message", (m) => {
  const bytes = Buffer.from(m.bytes.buffer, m.bytes.byteOffset, m.bytes.byteLength);
  const offs = m.offs;
  const n = offs.length - 1;
  const out = new Uint8Array(n * W);
  for (let i = 0; i < n; i++) {
    const d = createHmac("sha256", key).update(bytes.subarray(offs[i], offs[i + 1])).digest();
    const o = i * W;
    out[o] = ${PSEUDONYM_PREFIX.charCodeAt(0)};
    for (let j = 0; j < ${PSEUDONYM_HEX / 2}; j++) {
      out[o + 1 + 2 * j] = HEX.charCodeAt(d[j] >> 4);
      out[o + 2 + 2 * j] = HEX.charCodeAt(d[j] & 15);
    }
  }
  parentPort.postMessage({ id: m.id, out }, [out.buffer]);
});
`;

/** Ids per batch sent to the worker. */
const BATCH = 1 << 16;

/**
 * Collects the distinct ids of an import in order (index i = the i-th new id) and returns their
 * pseudonyms in that order. With `worker` true, full batches are hashed in a worker thread while
 * reading goes on.
 */
export class PseudonymBatcher {
  private bytes = new Uint8Array(1 << 16);
  private used = 0;
  private offs: number[] = [0];
  private readonly done: (Uint8Array | undefined)[] = [];
  private readonly pending: Promise<void>[] = [];
  private readonly waiting = new Map<number, () => void>();
  private failed: Promise<void> | null = null;
  private worker: Worker | null = null;
  private sent = 0;
  count = 0;

  constructor(
    private readonly key: Uint8Array,
    private readonly useWorker: boolean,
    /** Ids per batch sent to the worker. */
    private readonly batchSize = BATCH,
  ) {}

  /** Add the id whose bytes are [s, e) of buf (the caller knows it is new). */
  add(buf: Uint8Array, s: number, e: number): number {
    const len = e - s;
    if (this.used + len > this.bytes.length) {
      const b = new Uint8Array(Math.max(this.bytes.length * 2, this.used + len));
      b.set(this.bytes.subarray(0, this.used));
      this.bytes = b;
    }
    const b = this.bytes;
    const o = this.used;
    for (let i = 0; i < len; i++) b[o + i] = buf[s + i];
    this.used += len;
    this.offs.push(this.used);
    const i = this.count++;
    if (this.useWorker && this.offs.length > this.batchSize) this.flush();
    return i;
  }

  private flush(): void {
    const n = this.offs.length - 1;
    if (n === 0) return;
    const bytes = this.bytes.slice(0, this.used);
    const offs = Int32Array.from(this.offs);
    const batch = this.sent++;
    this.bytes = new Uint8Array(Math.max(1 << 16, this.bytes.length));
    this.used = 0;
    this.offs = [0];
    if (this.worker === null) {
      // One listener for all batches, keyed by batch number; a failure of the worker fails the import.
      const w = new Worker(WORKER_SOURCE, { eval: true, workerData: { key: Buffer.from(this.key) } });
      w.unref();
      this.worker = w;
      this.failed = new Promise<void>((_, reject) => {
        w.once("error", reject);
      });
      this.failed.catch(() => undefined);
      w.on("message", (m: { id: number; out: Uint8Array }) => {
        this.done[m.id] = m.out;
        this.waiting.get(m.id)?.();
        this.waiting.delete(m.id);
      });
    }
    const w = this.worker;
    this.pending.push(new Promise<void>((resolve) => this.waiting.set(batch, resolve)));
    w.postMessage({ id: batch, bytes, offs }, [bytes.buffer, offs.buffer]);
  }

  /** The pseudonyms of every id added, in order: PSEUDONYM_BYTES ASCII bytes each. */
  async finish(): Promise<Uint8Array> {
    const nTail = this.offs.length - 1;
    const tail = new Uint8Array(nTail * PSEUDONYM_BYTES);
    for (let i = 0; i < nTail; i++) writePseudonym(this.key, this.bytes, this.offs[i], this.offs[i + 1], tail, i * PSEUDONYM_BYTES);
    try {
      const all = Promise.all(this.pending);
      await (this.failed === null ? all : Promise.race([all, this.failed]));
    } finally {
      if (this.worker !== null) await this.worker.terminate();
      this.worker = null;
    }
    const out = new Uint8Array(this.count * PSEUDONYM_BYTES);
    let o = 0;
    for (const d of this.done) {
      out.set(d as Uint8Array, o);
      o += (d as Uint8Array).length;
    }
    out.set(tail, o);
    this.bytes = new Uint8Array(0);
    this.offs = [0];
    this.done.length = 0;
    return out;
  }
}
