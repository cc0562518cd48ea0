/**
 * Writes a folder atomically, replacing only what klynge itself wrote.
 *
 * Everything is written into a fresh sibling staging folder (created exclusively), which replaces
 * the target only when the whole job has succeeded: an interrupted or failed run leaves the
 * previous output intact. The staging folder gets a marker file (MARKER_FILE) naming the kind of
 * output and every file written. An existing target is replaced only when it is
 * - missing or an empty folder, or
 * - a folder with klynge's marker of the same kind, holding no file that the marker does not list;
 * anything else is refused (SafetyError) unless `force` is set. Never replaced, even with `force`:
 * a symbolic link, a folder that is or contains an input (the dataset, the key file, …), the
 * filesystem root, the home folder, and the current folder or any folder above it.
 */

import { randomBytes } from "node:crypto";
import { chmodSync, existsSync, lstatSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, realpathSync, renameSync, rmSync, writeFileSync } from "node:fs";
import { homedir } from "node:os";
import { basename, dirname, isAbsolute, join, parse, relative, resolve, sep } from "node:path";
import { SafetyError } from "../io/safetyMessages.js";

/** The marker file klynge writes into every output folder it owns. */
export const MARKER_FILE = ".klynge-output.json";

/** What kind of output a folder holds (a report folder is never replaced by an import, and back). */
export type OutputKind = "report" | "import" | "generate";
const KINDS: readonly string[] = ["report", "import", "generate"];

export interface AtomicDirectoryOptions {
  /** The kind of output (default "report"). */
  readonly kind?: OutputKind;
  /** Replace an existing folder or file that klynge did not write (never an input or a protected folder). */
  readonly force?: boolean;
  /** Paths the target must not be or contain (the dataset folder, key file, mapping file, …). */
  readonly inputs?: readonly string[];
  /** Permissions of the output folder (e.g. 0o700 for contact-level data); default: the umask's. */
  readonly mode?: number;
}

interface Marker {
  readonly writtenBy: "klynge";
  readonly kind: OutputKind;
  readonly files: readonly string[];
}

/** The real path of `p` when it exists (symbolic links resolved), else its absolute path. */
function realOrResolved(p: string): string {
  const abs = resolve(p);
  try {
    return realpathSync(abs);
  } catch {
    return abs;
  }
}

/** True when `inner` is `outer` or inside it. */
function within(inner: string, outer: string): boolean {
  const rel = relative(outer, inner);
  return rel === "" || (rel.split(sep)[0] !== ".." && !isAbsolute(rel));
}

/** Every file and folder below `dir`, relative, with "/" separators (folders end with "/"). */
function listTree(dir: string, prefix = ""): string[] {
  const out: string[] = [];
  for (const e of readdirSync(dir, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))) {
    const rel = `${prefix}${e.name}`;
    if (e.isDirectory()) {
      out.push(`${rel}/`);
      out.push(...listTree(join(dir, e.name), `${rel}/`));
    } else out.push(rel);
  }
  return out;
}

function readMarker(dir: string): Marker | null {
  const file = join(dir, MARKER_FILE);
  try {
    if (!lstatSync(file).isFile()) return null;
    const m = JSON.parse(readFileSync(file, "utf8")) as Partial<Marker>;
    if (m.writtenBy !== "klynge" || typeof m.kind !== "string" || !KINDS.includes(m.kind) || !Array.isArray(m.files)) return null;
    return { writtenBy: "klynge", kind: m.kind as OutputKind, files: m.files.filter((f): f is string => typeof f === "string") };
  } catch {
    return null;
  }
}

/**
 * Checks that `target` may be replaced by a new output of `kind`; throws a SafetyError naming the
 * reason when not. Returns whether the target exists.
 */
export function checkReplaceable(target: string, options: AtomicDirectoryOptions = {}): boolean {
  const kind = options.kind ?? "report";
  const force = options.force === true;
  const out = resolve(target);
  const real = realOrResolved(out);
  for (const input of options.inputs ?? []) {
    const inReal = realOrResolved(input);
    if (within(inReal, real) || within(resolve(input), out)) throw new SafetyError("out_is_input", { path: target, other: input });
  }
  const cwd = realOrResolved(process.cwd());
  const protectedReason =
    parse(real).root === real ? "/" : real === realOrResolved(homedir()) ? "~" : within(cwd, real) ? "." : null;
  if (protectedReason !== null) throw new SafetyError("out_protected", { path: target, other: protectedReason });
  let stat;
  try {
    stat = lstatSync(out);
  } catch {
    return false;
  }
  if (stat.isSymbolicLink()) throw new SafetyError("out_symlink", { path: target });
  if (!stat.isDirectory()) {
    if (!force) throw new SafetyError("out_file_exists", { path: target });
    return true;
  }
  const entries = listTree(out);
  if (entries.length === 0 || force) return true;
  const marker = readMarker(out);
  if (marker === null || marker.kind !== kind) throw new SafetyError("out_not_klynge", { path: target, other: MARKER_FILE });
  const known = new Set(marker.files);
  const foreign = entries.filter((e) => e !== MARKER_FILE && !known.has(e) && !(e.endsWith("/") && marker.files.some((f) => f.startsWith(e))));
  if (foreign.length > 0) {
    const list = foreign.slice(0, 5).join(", ") + (foreign.length > 5 ? `, … (${foreign.length})` : "");
    throw new SafetyError("out_foreign_files", { path: target, list });
  }
  return true;
}

/**
 * Runs `job(staging)` and moves the staging folder into place at `target` when it succeeds.
 * @throws SafetyError when the target may not be replaced (checked before the job runs and again before the move)
 * @example await withAtomicDirectory("out/report", async (dir) => writeFileSync(join(dir, "a.txt"), "…"));
 */
export async function withAtomicDirectory<T>(target: string, job: (staging: string) => Promise<T>, options: AtomicDirectoryOptions = {}): Promise<T> {
  const out = resolve(target);
  checkReplaceable(target, options);
  const parent = dirname(out);
  mkdirSync(parent, { recursive: true });
  const staging = mkdtempSync(join(parent, `.${basename(out)}.partial-`));
  if (options.mode !== undefined) chmodSync(staging, options.mode);
  let result: T;
  try {
    result = await job(staging);
    const marker: Marker = { writtenBy: "klynge", kind: options.kind ?? "report", files: listTree(staging) };
    writeFileSync(join(staging, MARKER_FILE), JSON.stringify(marker, null, 1) + "\n", { flag: "wx" });
    // The target may have changed while the job ran: check again just before replacing it.
    checkReplaceable(target, options);
  } catch (err) {
    rmSync(staging, { recursive: true, force: true });
    throw err;
  }
  if (existsSync(out) || isLink(out)) {
    const old = join(parent, `.${basename(out)}.old-${randomBytes(6).toString("hex")}`);
    renameSync(out, old);
    renameSync(staging, out);
    rmSync(old, { recursive: true, force: true });
  } else renameSync(staging, out);
  return result;
}

function isLink(p: string): boolean {
  try {
    return lstatSync(p).isSymbolicLink();
  } catch {
    return false;
  }
}
