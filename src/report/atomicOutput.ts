/**
 * Writes a folder atomically: everything is written into a sibling staging folder, which replaces
 * the target only when the whole job has succeeded. An interrupted or failed run leaves the
 * previous output intact (and removes its staging folder when it can).
 */

import { existsSync, mkdirSync, renameSync, rmSync } from "node:fs";
import { basename, dirname, join, resolve } from "node:path";

export async function withAtomicDirectory<T>(target: string, job: (staging: string) => Promise<T>): Promise<T> {
  const out = resolve(target);
  const parent = dirname(out);
  mkdirSync(parent, { recursive: true });
  const staging = join(parent, `.${basename(out)}.partial-${process.pid}`);
  rmSync(staging, { recursive: true, force: true });
  mkdirSync(staging, { recursive: true });
  let result: T;
  try {
    result = await job(staging);
  } catch (err) {
    rmSync(staging, { recursive: true, force: true });
    throw err;
  }
  const old = join(parent, `.${basename(out)}.old-${process.pid}`);
  if (existsSync(out)) renameSync(out, old);
  renameSync(staging, out);
  rmSync(old, { recursive: true, force: true });
  return result;
}
