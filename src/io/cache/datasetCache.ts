/**
 * The dataset cache (issue 16; docs/cache.md): the first load of a dataset writes its validated
 * columns and load report to one file in the cache folder; a later load with the same options finds
 * that file, checks that every input file has the same name, size, modification time and content
 * hash (SHA-256) as when the entry was written, and then returns the stored tables without reading
 * the CSV files. A changed input file is never served from the cache: the entry is replaced.
 *
 * Entries are written atomically (a temporary file, then a rename) and only over an entry klynge
 * wrote (cacheFolder.ts). The input files are stat'ed before the load and again (with their hashes)
 * after it; a file that changed while it was being read makes the load not be written. On a read,
 * the inputs are hashed again unless every one still has the settled change identity (device,
 * inode, change time; fileChange.ts) recorded when it was hashed.
 */

import { createHash, randomBytes } from "node:crypto";
import { existsSync, realpathSync, renameSync, rmSync } from "node:fs";
import { open } from "node:fs/promises";
import { join } from "node:path";
import type { CacheNote, Dataset } from "../../contract/dataset.js";
import { openRegular } from "../regularFile.js";
import { ANSWER_MAGIC, isCacheEntry, prepareFolder } from "./cacheFolder.js";
import { answerFileOf } from "./solverAnswerFile.js";
import { decodeDataset, encodeDataset, readHeader, type CacheHeader, type CacheKey } from "./datasetCodec.js";
import { hashInputs, sameInputs, statInputs, unchangedSinceHashed, type FileFingerprint } from "./inputFingerprint.js";

/** The cache format written; entries of another format are not read (and are replaced). */
export const CACHE_FORMAT = 3; // 2: the optional inputs adverse_events.csv and care_status.csv (issue 17); 3: 16-bit hospital and diagnosis, 32-bit cost columns (issue 16)

/** One load's view of the cache: where its entry is and what its inputs were before the load. */
export interface CacheSlot {
  readonly entry: string;
  readonly key: Omit<CacheKey, "inputs">;
  readonly dataDir: string;
  readonly extra: readonly string[];
  readonly before: readonly FileFingerprint[];
  /** An entry existed (for older inputs or options): it will be replaced. */
  readonly stale: boolean;
}

/** Open the cache for one load: null and a note when it cannot be used. */
export function openSlot(folder: string, dataDir: string, version: string, options: string, extra: readonly string[]): CacheSlot | CacheNote {
  let refusal;
  try {
    refusal = prepareFolder(folder);
  } catch {
    return { status: "unavailable", reason: "folder_not_writable" };
  }
  if (refusal !== null) return { status: "unavailable", reason: `folder_${refusal}` };
  const id = createHash("sha256").update(realpathSync(dataDir)).update("\0").update(options).digest("hex").slice(0, 32);
  const entry = join(folder, `${id}.klc`);
  return {
    entry,
    key: { version, format: CACHE_FORMAT, options },
    dataDir,
    extra,
    before: statInputs(dataDir, extra),
    stale: existsSync(entry),
  };
}

/** A whole file into one ArrayBuffer of its own (offset 0, so that typed views are aligned). */
async function readWhole(path: string): Promise<Uint8Array> {
  const fh = await openRegular(path);
  try {
    const size = (await fh.stat()).size;
    const buf = Buffer.allocUnsafeSlow(size);
    for (let at = 0; at < size; ) {
      const { bytesRead } = await fh.read(buf, at, Math.min(1 << 30, size - at), at);
      if (bytesRead === 0) throw new Error("cache entry shrank while read");
      at += bytesRead;
    }
    return buf;
  } finally {
    await fh.close();
  }
}

async function entryHeader(path: string): Promise<CacheHeader | null> {
  if (!isCacheEntry(path)) return null;
  const fh = await openRegular(path);
  try {
    const head = Buffer.alloc(1 << 16);
    const { bytesRead } = await fh.read(head, 0, head.length, 0);
    const first = head.subarray(0, bytesRead);
    if (first.length < 16) return null;
    const need = 16 + first.readUInt32LE(8);
    let more: Buffer | null = null;
    if (need > first.length) {
      more = Buffer.alloc(need);
      await fh.read(more, 0, need, 0);
    }
    return readHeader(first, () => more as Buffer);
  } finally {
    await fh.close();
  }
}

/** The dataset from the cache when its entry matches the inputs byte for byte, else null. */
export async function readCached(slot: CacheSlot, dir: string): Promise<Dataset | null> {
  if (!slot.stale) return null;
  const header = await entryHeader(slot.entry).catch(() => null);
  if (header === null) return null;
  const k = header.key;
  if (k.version !== slot.key.version || k.format !== slot.key.format || k.options !== slot.key.options) return null;
  if (!sameInputs(k.inputs, slot.before, false)) return null;
  const unchanged = unchangedSinceHashed(k.inputs, slot.before);
  // The hashes (worker threads) and the read of the entry run side by side.
  const [hashed, data] = await Promise.all([unchanged ?? hashInputs(slot.dataDir, slot.before), readWhole(slot.entry)]);
  if (!sameInputs(k.inputs, hashed, true)) return null;
  const ds = decodeDataset(header, data, dir);
  const checkedBy = unchanged === null ? "content" : "change";
  return { ...ds, report: { ...ds.report, cache: { status: "read", file: slot.entry, writtenAt: header.written, checkedBy } } };
}

/** Write the loaded dataset to the slot's entry; returns the note for the load report. */
export async function writeCached(slot: CacheSlot, ds: Dataset): Promise<CacheNote> {
  const after = statInputs(slot.dataDir, slot.extra);
  if (!sameInputs(slot.before, after, false, true)) return { status: "unavailable", reason: "inputs_changed_while_read" };
  const hashed = await hashInputs(slot.dataDir, after);
  if (!sameInputs(after, statInputs(slot.dataDir, slot.extra), false, true)) return { status: "unavailable", reason: "inputs_changed_while_read" };
  // Settled already before the load began, so that no write of the load's time can share the recorded change time.
  const inputs = hashed.map((f, i) => ({ ...f, settled: f.settled === true && slot.before[i].settled === true }));
  if (existsSync(slot.entry) && !isCacheEntry(slot.entry)) return { status: "unavailable", reason: "entry_not_klynge" };
  const temp = `${slot.entry}.tmp-${randomBytes(6).toString("hex")}`;
  try {
    const fh = await open(temp, "wx", 0o600);
    try {
      for (const part of encodeDataset(ds, { ...slot.key, inputs }, new Date())) {
        for (let at = 0; at < part.length; ) at += (await fh.write(part, at, part.length - at)).bytesWritten;
      }
    } finally {
      await fh.close();
    }
    renameSync(temp, slot.entry);
    // the solver answers kept for the entry's former inputs (solverAnswerFile.ts) go with it
    const answers = answerFileOf(slot.entry);
    if (answers !== null && isCacheEntry(answers, ANSWER_MAGIC)) rmSync(answers, { force: true });
  } catch {
    rmSync(temp, { force: true });
    return { status: "unavailable", reason: "write_failed" };
  }
  return { status: "written", file: slot.entry, ...(slot.stale ? { reason: "replaced" } : {}) };
}
