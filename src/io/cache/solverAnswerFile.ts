/**
 * The solver's answers kept beside a dataset cache entry (docs/cache.md): `<id>.kla` next to
 * `<id>.klc`. The suppression decision solves linear programs (lpRanges.ts) whose answers depend
 * only on the system and the threshold; a later process that decides the same tables of the same
 * cached dataset reads them here instead of solving again. Each answer holds its whole system, and
 * a stored answer is used only for a system equal to it array by array (lpResultCache.ts), so an
 * answer file can make a decision faster but never different.
 *
 * Layout (little-endian): the magic `KLYNGEA\x01`, the format (u32), the number of answers (u32),
 * the SHA-256 of the body (32 bytes), then per answer: threshold, unknowns, rows, non-zeros and
 * whether a known point follows (u32 each), then rowLower and rowUpper (f64 × rows), the CSR
 * starts (i32 × rows + 1), indices (i32 × non-zeros), values (f64 × non-zeros), the point when
 * given (f64 × unknowns), and the answer's lower and upper bounds and program count (f64 × unknowns,
 * f64 × unknowns, u32).
 *
 * As with entries (cacheFolder.ts): written to a temporary file created exclusively and renamed
 * into place, mode 0600, and an existing file at the name is replaced only when it begins with the
 * magic. A file that cannot be read whole, or whose hash or lengths do not add up, is not used.
 */

import { createHash, randomBytes } from "node:crypto";
import { closeSync, existsSync, fstatSync, lstatSync, openSync, readSync, renameSync, rmSync, writeSync } from "node:fs";
import { basename, dirname, join } from "node:path";
import type { LpAnswer } from "../../indicators/lpResultCache.js";
import type { LpSet } from "../../indicators/lpRanges.js";
import { ANSWER_MAGIC, CACHE_MARKER, isCacheEntry } from "./cacheFolder.js";
const FORMAT = 1;
/** Largest answer file written or read (bytes). */
export const MAX_ANSWER_BYTES = 128 * 1024 * 1024;
const HEAD = ANSWER_MAGIC.length + 8 + 32;

/** The answer file that belongs to a dataset cache entry (`<id>.klc` → `<id>.kla`), or null. */
export function answerFileOf(entry: string): string | null {
  const name = basename(entry);
  if (!/^[0-9a-f]{32}\.klc$/.test(name)) return null;
  const folder = dirname(entry);
  if (!existsSync(join(folder, CACHE_MARKER))) return null;
  return join(folder, name.replace(/\.klc$/, ".kla"));
}

/** The answers in the file; [] when there is none or it is not a whole answer file klynge wrote. */
export function readAnswerFile(path: string): LpAnswer[] {
  let bytes: Buffer;
  try {
    const st = lstatSync(path);
    if (!st.isFile() || st.size < HEAD || st.size > MAX_ANSWER_BYTES) return [];
    const fd = openSync(path, "r");
    try {
      const size = fstatSync(fd).size;
      if (size !== st.size) return [];
      bytes = Buffer.allocUnsafeSlow(size);
      for (let at = 0; at < size; ) {
        const n = readSync(fd, bytes, at, size - at, at);
        if (n === 0) return [];
        at += n;
      }
    } finally {
      closeSync(fd);
    }
  } catch {
    return [];
  }
  return decodeAnswers(bytes) ?? [];
}

/**
 * Write the answers to `path` (replacing an answer file klynge wrote, never another file).
 * Returns whether it was written; a failure leaves no file behind and is otherwise silent (the
 * answers are only a saving).
 */
export function writeAnswerFile(path: string, answers: readonly LpAnswer[]): boolean {
  if (existsSync(path) && !isCacheEntry(path, ANSWER_MAGIC)) return false;
  const body = encodeBody(answers);
  if (body === null) return false;
  const head = Buffer.alloc(HEAD);
  ANSWER_MAGIC.copy(head, 0);
  head.writeUInt32LE(FORMAT, 8);
  head.writeUInt32LE(answers.length, 12);
  createHash("sha256").update(body).digest().copy(head, 16);
  const temp = `${path}.tmp-${randomBytes(6).toString("hex")}`;
  try {
    const fd = openSync(temp, "wx", 0o600);
    try {
      for (const part of [head, body]) for (let at = 0; at < part.length; ) at += writeSync(fd, part, at, part.length - at);
    } finally {
      closeSync(fd);
    }
    renameSync(temp, path);
    return true;
  } catch {
    rmSync(temp, { force: true });
    return false;
  }
}

function encodeBody(answers: readonly LpAnswer[]): Buffer | null {
  let size = 0;
  for (const { set } of answers) {
    const rows = set.rowLower.length;
    size += 20 + 16 * rows + 4 * (rows + 1) + 12 * set.indices.length + (set.point ? 8 * set.columns : 0) + 16 * set.columns + 4;
  }
  if (HEAD + size > MAX_ANSWER_BYTES) return null;
  const out = Buffer.alloc(size);
  let at = 0;
  const u32 = (v: number) => (at = out.writeUInt32LE(v, at));
  const i32s = (a: Int32Array) => {
    for (let i = 0; i < a.length; i++) at = out.writeInt32LE(a[i], at);
  };
  const f64s = (a: Float64Array) => {
    for (let i = 0; i < a.length; i++) at = out.writeDoubleLE(a[i], at);
  };
  for (const { set, minCount, ranges } of answers) {
    u32(minCount);
    u32(set.columns);
    u32(set.rowLower.length);
    u32(set.indices.length);
    u32(set.point ? 1 : 0);
    f64s(set.rowLower);
    f64s(set.rowUpper);
    i32s(set.starts);
    i32s(set.indices);
    f64s(set.values);
    if (set.point) f64s(set.point);
    f64s(ranges.lower);
    f64s(ranges.upper);
    u32(ranges.programs);
  }
  return out;
}

/** The answers of a whole file, or null when anything in it does not add up. */
export function decodeAnswers(bytes: Buffer): LpAnswer[] | null {
  if (bytes.length < HEAD || !bytes.subarray(0, ANSWER_MAGIC.length).equals(ANSWER_MAGIC)) return null;
  if (bytes.readUInt32LE(8) !== FORMAT) return null;
  const count = bytes.readUInt32LE(12);
  const body = bytes.subarray(HEAD);
  if (!createHash("sha256").update(body).digest().equals(bytes.subarray(16, HEAD))) return null;
  const out: LpAnswer[] = [];
  let at = 0;
  const has = (n: number) => at + n <= body.length;
  const u32 = () => {
    const v = body.readUInt32LE(at);
    at += 4;
    return v;
  };
  const i32s = (n: number) => {
    const a = new Int32Array(n);
    for (let i = 0; i < n; i++, at += 4) a[i] = body.readInt32LE(at);
    return a;
  };
  const f64s = (n: number) => {
    const a = new Float64Array(n);
    for (let i = 0; i < n; i++, at += 8) a[i] = body.readDoubleLE(at);
    return a;
  };
  for (let k = 0; k < count; k++) {
    if (!has(20)) return null;
    const minCount = u32();
    const columns = u32();
    const rows = u32();
    const nnz = u32();
    const withPoint = u32();
    if (withPoint > 1 || !has(16 * rows + 4 * (rows + 1) + 12 * nnz + (withPoint ? 8 * columns : 0) + 16 * columns + 4)) return null;
    const rowLower = f64s(rows);
    const rowUpper = f64s(rows);
    const starts = i32s(rows + 1);
    const indices = i32s(nnz);
    const values = f64s(nnz);
    const point = withPoint ? f64s(columns) : undefined;
    const lower = f64s(columns);
    const upper = f64s(columns);
    const programs = u32();
    if (starts[0] !== 0 || starts[rows] !== nnz) return null;
    for (let r = 0; r < rows; r++) if (starts[r + 1] < starts[r]) return null;
    for (let x = 0; x < nnz; x++) if (indices[x] < 0 || indices[x] >= columns) return null;
    const set: LpSet = { columns, rowLower, rowUpper, starts, indices, values, ...(point ? { point } : {}) };
    out.push({ set, minCount, ranges: { lower, upper, programs } });
  }
  return at === body.length ? out : null;
}
