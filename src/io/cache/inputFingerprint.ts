/**
 * The fingerprint of a dataset's input files, the key of its cache entry (docs/cache.md): for each
 * file loadDataset may read (the contract tables as .csv and .csv.gz, StatBank's folk1a, and a
 * geography file given as an option) its name, size, modification time and SHA-256 of its content.
 * Two fingerprints are equal only when every file is byte for byte the same, so a changed input
 * file is never served from the cache — also when its size and time were kept.
 *
 * Hashing is the cost of a cache hit; the file is hashed in blocks of BLOCK bytes, the blocks
 * shared among worker threads when the file is large (hashBlocks.ts), the content hash being the
 * SHA-256 of the blocks' SHA-256s. A hash is not taken again for a file whose change identity
 * (fileChange.ts) is the one recorded with it, when that identity was settled.
 */

import { createHash } from "node:crypto";
import { lstatSync, readdirSync } from "node:fs";
import { basename, join } from "node:path";
import { fileChange } from "./fileChange.js";
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
  /**
   * Device, inode and change time (fileChange.ts), "" where the file system's change time is not
   * trusted. Absent in entries written before it was recorded.
   */
  readonly change?: string;
  /** The change time lay at least SETTLE_MS before the status was taken. */
  readonly settled?: boolean;
}

const pathOf = (dir: string, name: string): string => (name.includes("/") || name.includes("\\") ? name : join(dir, name));

/** The input files of `dir` (and `extra` paths) with their size and modification time, in name order. */
export function statInputs(dir: string, extra: readonly string[] = []): FileFingerprint[] {
  const statAt = Date.now();
  const out: FileFingerprint[] = [];
  for (const name of readdirSync(dir).sort()) {
    const lower = name.toLowerCase();
    const table = lower.replace(/\.csv(\.gz)?$/, "");
    if (table === lower || !TABLES.includes(table)) continue;
    const path = join(dir, name);
    const st = lstatSync(path);
    if (st.isFile()) out.push({ name, size: st.size, mtimeMs: st.mtimeMs, sha256: "", ...fileChange(path, statAt) });
  }
  for (const path of extra) {
    const st = lstatSync(path);
    out.push({ name: path, size: st.size, mtimeMs: st.mtimeMs, sha256: "", ...fileChange(path, statAt) });
  }
  return out;
}

/** `files` with their content hashes. */
export async function hashInputs(dir: string, files: readonly FileFingerprint[]): Promise<FileFingerprint[]> {
  const out: FileFingerprint[] = [];
  for (const f of files) {
    const blocks = await hashFileBlocks(pathOf(dir, f.name));
    const h = createHash("sha256");
    for (const b of blocks) h.update(b);
    out.push({ ...f, sha256: h.digest("hex") });
  }
  return out;
}

/**
 * True when the two lists name the same files with the same size and modification time, and
 * (`withHash`) the same hash, or (`withChange`) the same change identity.
 */
export function sameInputs(a: readonly FileFingerprint[], b: readonly FileFingerprint[], withHash: boolean, withChange = false): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) {
    const x = a[i];
    const y = b[i];
    if (x.name !== y.name || x.size !== y.size || x.mtimeMs !== y.mtimeMs) return false;
    if (withHash && (x.sha256 === "" || x.sha256 !== y.sha256)) return false;
    if (withChange && (x.change ?? "") !== (y.change ?? "")) return false;
  }
  return true;
}

/**
 * `recorded` (an entry's inputs, with their hashes) when every file in `now` has the settled change
 * identity recorded with its hash, so that none can have changed since it was hashed; else null.
 */
export function unchangedSinceHashed(recorded: readonly FileFingerprint[], now: readonly FileFingerprint[]): readonly FileFingerprint[] | null {
  if (!sameInputs(recorded, now, false)) return null;
  for (let i = 0; i < recorded.length; i++) {
    const r = recorded[i];
    if (r.settled !== true || r.sha256 === "" || r.change === undefined || r.change === "" || r.change !== now[i].change) return null;
  }
  return recorded;
}

/** The file name of a fingerprint entry as shown in messages. */
export const shownName = (f: FileFingerprint): string => basename(f.name);
