/**
 * The fingerprint of a dataset's input files, the key of its cache entry (docs/cache.md): for each
 * file loadDataset may read (the contract tables as .csv and .csv.gz, StatBank's folk1a, and a
 * geography file given as an option) its name, size, modification time and SHA-256 of its content.
 * Two fingerprints are equal only when every file is byte for byte the same, so a changed input
 * file is never served from the cache — also when its size and time were kept.
 *
 * Hashing is the cost of a cache hit; the file is hashed in blocks of BLOCK bytes, the blocks
 * shared among worker threads when the file is large (hashBlocks.ts), the content hash being the
 * SHA-256 of the blocks' SHA-256s.
 */

import { createHash } from "node:crypto";
import { lstatSync, readdirSync } from "node:fs";
import { basename, join } from "node:path";
import { hashFileBlocks } from "./hashBlocks.js";

/** The files of a dataset folder the loader may read (lower-case names). */
const TABLES = ["admissions", "population", "geography", "deaths", "sector_costs", "experience", "care_status", "adverse_events", "folk1a"];

export interface FileFingerprint {
  /** The name in the dataset folder, or the full path of a file given as an option. */
  readonly name: string;
  readonly size: number;
  readonly mtimeMs: number;
  /** SHA-256 (hex) of the blocks' SHA-256s; "" when only the stat part was taken. */
  readonly sha256: string;
}

/** The input files of `dir` (and `extra` paths) with their size and modification time, in name order. */
export function statInputs(dir: string, extra: readonly string[] = []): FileFingerprint[] {
  const out: FileFingerprint[] = [];
  for (const name of readdirSync(dir).sort()) {
    const lower = name.toLowerCase();
    const table = lower.replace(/\.csv(\.gz)?$/, "");
    if (table === lower || !TABLES.includes(table)) continue;
    const st = lstatSync(join(dir, name));
    if (st.isFile()) out.push({ name, size: st.size, mtimeMs: st.mtimeMs, sha256: "" });
  }
  for (const path of extra) {
    const st = lstatSync(path);
    out.push({ name: path, size: st.size, mtimeMs: st.mtimeMs, sha256: "" });
  }
  return out;
}

/** `files` with their content hashes. */
export async function hashInputs(dir: string, files: readonly FileFingerprint[]): Promise<FileFingerprint[]> {
  const out: FileFingerprint[] = [];
  for (const f of files) {
    const path = f.name.includes("/") || f.name.includes("\\") ? f.name : join(dir, f.name);
    const blocks = await hashFileBlocks(path);
    const h = createHash("sha256");
    for (const b of blocks) h.update(b);
    out.push({ ...f, sha256: h.digest("hex") });
  }
  return out;
}

/** True when the two lists name the same files with the same size, time and (when both have one) hash. */
export function sameInputs(a: readonly FileFingerprint[], b: readonly FileFingerprint[], withHash: boolean): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) {
    const x = a[i];
    const y = b[i];
    if (x.name !== y.name || x.size !== y.size || x.mtimeMs !== y.mtimeMs) return false;
    if (withHash && (x.sha256 === "" || x.sha256 !== y.sha256)) return false;
  }
  return true;
}

/** The file name of a fingerprint entry as shown in messages. */
export const shownName = (f: FileFingerprint): string => basename(f.name);
