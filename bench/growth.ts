/**
 * Cost as work grows (issue 16): load and whole-set times and peak memory of klynge for one
 * region-year and 1, 2, 5 and 10 national years, each in its own process (so each peak memory is
 * its own), reading the CSV files and then from the dataset cache.
 *
 * `npx tsx bench/growth.ts` (after `npm run build:quick`; the national folders are generated under
 * bench/data, or KLYNGE_BENCH_DATA, when missing — the 10-year one is the bench's own). Options:
 * --runs N (medians of N, default 1).
 */
import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { loadavg, tmpdir } from "node:os";
import { basename, join } from "node:path";
import { fileURLToPath } from "node:url";
import { childEntry, partEnv } from "./childProcess.js";
import { ensureBenchData, NATION, NATION_YEARS, REGION_YEAR } from "./generateBenchData.js";
import type { KlyngeResult } from "./klyngePart.js";

const self = fileURLToPath(import.meta.url);
const arg = (name: string): string | undefined => {
  const i = process.argv.indexOf(name);
  return i >= 0 ? process.argv[i + 1] : undefined;
};

function child(dir: string, cacheDir: string | null): KlyngeResult {
  // plain node on a bundle, glibc's mmap threshold fixed, as `npm run bench` runs its parts (childProcess.ts)
  const r = spawnSync(process.execPath, [...childEntry(self), "--part", dir, ...(cacheDir ? ["--cache-dir", cacheDir] : [])], {
    env: partEnv(),
    encoding: "utf8",
    maxBuffer: 64 * 1024 * 1024,
    stdio: ["ignore", "pipe", "inherit"],
  });
  const line = (r.stdout ?? "").split("\n").find((l) => l.startsWith("RESULT "));
  if (r.status !== 0 || !line) throw new Error(`growth part failed (exit ${r.status}):\n${r.stdout}`);
  return JSON.parse(line.slice(7)) as KlyngeResult;
}

const median = (xs: readonly number[]) => [...xs].sort((a, b) => a - b)[xs.length >> 1];
const sec = (ms: number) => `${(ms / 1000).toFixed(2)} s`;

async function main(): Promise<void> {
  const part = arg("--part");
  if (part) {
    const { runKlynge } = await import("./klyngePart.js");
    const cacheDir = arg("--cache-dir");
    const r = await runKlynge(part, {}, null, null, cacheDir ? { cache: true, cacheDir } : { cache: false }, false);
    process.stdout.write(`RESULT ${JSON.stringify(r)}\n`);
    return;
  }
  const runs = Number(arg("--runs") ?? 1);
  const specs = [REGION_YEAR, ...NATION_YEARS, NATION];
  for (const s of specs) await ensureBenchData(s, console.log);
  const cacheDir = mkdtempSync(join(tmpdir(), "klynge-growth-cache-"));
  const rows: string[][] = [["dataset", "contacts", "load", "whole set", "end to end", "µs per contact", "peak memory", "from the cache: load", "end to end", "peak memory", "load average"]];
  for (const s of specs) {
    const csv: KlyngeResult[] = [];
    const cached: KlyngeResult[] = [];
    const avg: number[] = [];
    child(s.dir, cacheDir); // writes the cache entry
    for (let r = 0; r < runs; r++) {
      avg.push(loadavg()[0]);
      csv.push(child(s.dir, null));
      cached.push(child(s.dir, cacheDir));
    }
    if (cached.some((c) => c.cache !== "read")) throw new Error(`${s.dir}: the cache was not read`);
    const n = csv[0].contacts;
    const e2e = median(csv.map((k) => k.endToEndMs));
    rows.push([
      basename(s.dir),
      n.toLocaleString("en"),
      sec(median(csv.map((k) => k.loadMs))),
      sec(median(csv.map((k) => k.indicatorsMs))),
      sec(e2e),
      ((e2e * 1000) / n).toFixed(2),
      `${(median(csv.map((k) => k.maxRssSetMb)) / 1024).toFixed(2)} GB`,
      sec(median(cached.map((k) => k.loadMs))),
      sec(median(cached.map((k) => k.endToEndMs))),
      `${(median(cached.map((k) => k.maxRssSetMb)) / 1024).toFixed(2)} GB`,
      avg.map((a) => a.toFixed(1)).join(", "),
    ]);
    console.log(rows[rows.length - 1].join("  "));
  }
  rmSync(cacheDir, { recursive: true, force: true });
  console.log("");
  console.log(`| ${rows[0].join(" | ")} |`);
  console.log(`|${rows[0].map(() => "---").join("|")}|`);
  for (const r of rows.slice(1)) console.log(`| ${r.join(" | ")} |`);
}

void main().catch((e: unknown) => {
  console.error(e);
  process.exitCode = 1;
});
