/**
 * The folder of the dataset cache (docs/cache.md). Default: $KLYNGE_CACHE_DIR, else
 * $XDG_CACHE_HOME/klynge, else ~/.cache/klynge. The cache holds contact-level data (pseudonymous
 * ids), so the folder is made with mode 0700 and every entry with 0600.
 *
 * klynge never deletes or overwrites a file it did not write (SECURITY.md): the folder is used
 * only when klynge made it (its marker CACHE_MARKER is there) or it is new or empty; entries are
 * files named `<32 hex>.klc` (or a half-written `<32 hex>.klc.tmp-<12 hex>`) that begin with the cache's magic bytes, and the solver
 * answers beside them (`.kla`, their own magic), and only such files are
 * replaced or removed (`klynge cache clear`). Anything else in the folder is left alone.
 */

import { closeSync, existsSync, lstatSync, mkdirSync, openSync, readdirSync, readSync, rmSync, writeFileSync } from "node:fs";
import { homedir } from "node:os";
import { join, resolve } from "node:path";
import { CACHE_MAGIC } from "./datasetCodec.js";

/** The marker file of a cache folder klynge made. */
export const CACHE_MARKER = ".klynge-cache.json";
/** The first bytes of an answer file (solverAnswerFile.ts). */
export const ANSWER_MAGIC = Buffer.from("KLYNGEA\u0001", "latin1");
/** Names of cache entries (`.klc`) and the solver answers kept beside them (`.kla`, solverAnswerFile.ts). */
export const ENTRY_NAME = /^[0-9a-f]{32}\.kl[ca](\.tmp-[0-9a-f]{12})?$/;

/** The cache folder to use: `dir` when given, else from the environment. */
export function cacheFolder(dir?: string): string {
  if (dir !== undefined) return resolve(dir);
  const env = process.env.KLYNGE_CACHE_DIR;
  if (env !== undefined && env !== "") return resolve(env);
  const xdg = process.env.XDG_CACHE_HOME;
  return join(xdg !== undefined && xdg !== "" ? xdg : join(homedir(), ".cache"), "klynge");
}

/** Why a folder cannot hold the cache, or null when it can. */
export type FolderRefusal = "symlink" | "not_a_folder" | "not_klynge";

function isOwnFolder(dir: string): FolderRefusal | null {
  const st = lstatSync(dir);
  if (st.isSymbolicLink()) return "symlink";
  if (!st.isDirectory()) return "not_a_folder";
  if (existsSync(join(dir, CACHE_MARKER))) return null;
  return readdirSync(dir).length === 0 ? null : "not_klynge";
}

/**
 * Make sure the folder exists and is klynge's (its marker written when it is new or empty).
 * Returns null when it may be used, else why not.
 */
export function prepareFolder(dir: string): FolderRefusal | null {
  if (!existsSync(dir)) mkdirSync(dir, { recursive: true, mode: 0o700 });
  const refusal = isOwnFolder(dir);
  if (refusal !== null) return refusal;
  if (!existsSync(join(dir, CACHE_MARKER))) {
    writeFileSync(join(dir, CACHE_MARKER), JSON.stringify({ writtenBy: "klynge", kind: "cache" }) + "\n", { mode: 0o600, flag: "wx" });
  }
  return null;
}

/**
 * True when `path` is a regular file that begins with `magic` (a file klynge wrote): by default
 * the magic of dataset entries; answer files (solverAnswerFile.ts) have their own.
 */
export function isCacheEntry(path: string, magic: Buffer = CACHE_MAGIC): boolean {
  try {
    if (!lstatSync(path).isFile()) return false;
    const fd = openSync(path, "r");
    try {
      const head = Buffer.alloc(magic.length);
      return readSync(fd, head, 0, head.length, 0) === head.length && head.equals(magic);
    } finally {
      closeSync(fd);
    }
  } catch {
    return false;
  }
}

export interface ClearResult {
  readonly folder: string;
  /** Entries removed. */
  readonly removed: number;
  /** Bytes freed. */
  readonly bytes: number;
  /** Files in the folder that klynge did not write (left alone). */
  readonly foreign: number;
  /** Why nothing was done (the folder is not klynge's), or null. */
  readonly refusal: FolderRefusal | "missing" | null;
}

/** Remove every cache entry klynge wrote from the folder (nothing else). */
export function clearCache(dir?: string): ClearResult {
  const folder = cacheFolder(dir);
  if (!existsSync(folder)) return { folder, removed: 0, bytes: 0, foreign: 0, refusal: "missing" };
  const st = lstatSync(folder);
  if (st.isSymbolicLink()) return { folder, removed: 0, bytes: 0, foreign: 0, refusal: "symlink" };
  if (!st.isDirectory()) return { folder, removed: 0, bytes: 0, foreign: 0, refusal: "not_a_folder" };
  if (!existsSync(join(folder, CACHE_MARKER))) return { folder, removed: 0, bytes: 0, foreign: readdirSync(folder).length, refusal: "not_klynge" };
  let removed = 0;
  let bytes = 0;
  let foreign = 0;
  for (const name of readdirSync(folder)) {
    if (name === CACHE_MARKER) continue;
    const path = join(folder, name);
    if (ENTRY_NAME.test(name) && isCacheEntry(path, name.includes(".kla") ? ANSWER_MAGIC : CACHE_MAGIC)) {
      bytes += lstatSync(path).size;
      rmSync(path);
      removed++;
    } else foreign++;
  }
  return { folder, removed, bytes, foreign, refusal: null };
}
