/**
 * bin/klynge.cjs on Linux relaunches the CLI with glibc's mmap threshold fixed
 * (MALLOC_MMAP_THRESHOLD_, docs/cache.md "Memory: glibc's mmap threshold"). A probe preloaded
 * through NODE_OPTIONS prints, in every Node process the command starts, its pid and the
 * variable's value, so the test sees which processes ran and with what.
 */
import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";

const ROOT = join(import.meta.dirname, "..", "..");
const BIN = join(ROOT, "bin", "klynge.cjs");
const dir = mkdtempSync(join(tmpdir(), "klynge-launcher-"));
const probe = join(dir, "probe.cjs");
writeFileSync(
  probe,
  `if (require("node:worker_threads").isMainThread) process.stderr.write("PROBE " + process.pid + " " + (process.env.MALLOC_MMAP_THRESHOLD_ ?? "unset") + "\\n");\n`,
);
afterAll(() => rmSync(dir, { recursive: true, force: true }));

interface Launch {
  readonly code: number | null;
  readonly signal: NodeJS.Signals | null;
  readonly out: string;
  /** The threshold each Node process saw, in the order they started. */
  readonly seen: string[];
}

function launch(args: readonly string[], env: Record<string, string | undefined> = {}): Launch {
  const base: Record<string, string | undefined> = { ...process.env, KLYNGE_LANG: "en", NODE_OPTIONS: `--require ${probe}` };
  delete base.MALLOC_MMAP_THRESHOLD_;
  delete base.KLYNGE_RELAUNCH;
  const r = spawnSync(process.execPath, [BIN, ...args], { encoding: "utf8", env: { ...base, ...env } });
  const seen = r.stderr
    .split("\n")
    .filter((l) => l.startsWith("PROBE "))
    .map((l) => l.split(" ")[2]);
  return { code: r.status, signal: r.signal, out: r.stdout, seen };
}

describe.skipIf(process.platform !== "linux")("bin/klynge.cjs on Linux", () => {
  it("runs the CLI once more, in a child with MALLOC_MMAP_THRESHOLD_=131072, and gives its output and exit code", () => {
    const help = launch(["--help"]);
    expect(help.seen).toEqual(["unset", "131072"]);
    expect(help.code).toBe(0);
    expect(help.out).toMatch(/klynge/);
    // a failing command's exit code comes through the launcher unchanged
    const direct = launch(["no-such-command"], { KLYNGE_RELAUNCH: "0" });
    const relaunched = launch(["no-such-command"]);
    expect(direct.code).not.toBe(0);
    expect(relaunched.code).toBe(direct.code);
    expect(relaunched.seen).toEqual(["unset", "131072"]);
  });

  it("leaves a threshold the caller set, and runs in place with KLYNGE_RELAUNCH=0", () => {
    expect(launch(["--help"], { MALLOC_MMAP_THRESHOLD_: "65536" }).seen).toEqual(["65536"]);
    const inPlace = launch(["--help"], { KLYNGE_RELAUNCH: "0" });
    expect(inPlace.seen).toEqual(["unset"]);
    expect(inPlace.code).toBe(0);
  });

  it("ends as the CLI does when the CLI is killed by a signal", () => {
    // the probe kills the relaunched CLI (the process that has the threshold) with SIGTERM
    const killer = join(dir, "killer.cjs");
    writeFileSync(killer, `if (process.env.MALLOC_MMAP_THRESHOLD_ === "131072") process.kill(process.pid, "SIGTERM");\n`);
    const r = launch(["--help"], { NODE_OPTIONS: `--require ${probe} --require ${killer}` });
    expect(r.seen).toEqual(["unset", "131072"]);
    expect(r.signal).toBe("SIGTERM");
    expect(r.out).toBe("");
  });
});
