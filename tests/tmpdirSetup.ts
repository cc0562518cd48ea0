/**
 * vitest global setup: every test file's temporary folders (os.tmpdir(), mkdtemp) go into one fresh
 * folder for this run, removed when the run ends — a test run leaves nothing behind in /tmp.
 * The forked workers and the CLI processes the tests start inherit TMPDIR.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

export default function setup(): () => void {
  const dir = mkdtempSync(join(tmpdir(), "klynge-tests-"));
  const before = process.env.TMPDIR;
  process.env.TMPDIR = dir;
  return () => {
    rmSync(dir, { recursive: true, force: true });
    if (before === undefined) delete process.env.TMPDIR;
    else process.env.TMPDIR = before;
  };
}
