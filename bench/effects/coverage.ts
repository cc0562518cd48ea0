/**
 * Coverage benchmark of the effect intervals (`npm run bench:effects`; not a timed test).
 *
 * For every scenario of bench/effects/driftPanel.ts — an independent simulator with no drift,
 * AR(1) and random-walk cluster drift, heterogeneous and phased-in effects, 15 to 1,000 events a
 * month per cluster, 5 staggered adopters and 2 never-treated clusters, with an effect (rate ratio
 * 0.8) and with none — it fits, per seed,
 * - `staggeredDid` with its defaults (base window of one year, drift variance), and
 * - `interruptedTimeSeries` of the first adopter as `interventionEffect` fits it, with a pre-specified
 *   phase-in of one year (`phaseIn: 12`)
 *   (step model, seasonality by default, drift variance, delta interval for speed),
 * and prints coverage of the true rate ratio (Σ μ₁ / Σ μ₀ over the treated months), mean bias of
 * the log estimate, and the rejection rate (p < 0.05) — under no effect, the false-rejection rate.
 *
 * Work is split into blocks of seeds (scenario × `--block` seeds, default 25), ordered block by
 * block over all scenarios (so an interrupted run has about as many seeds for every scenario), and
 * run on a pool of worker threads (`--workers`, default os.availableParallelism()). Each panel's
 * seed is fixed by (scenario, replicate) and block tallies are merged in seed order, so the table
 * is the same whatever the number of workers. Every finished block is appended to `--out`
 * (JSON lines); `--from FILE` prints the table of a (partial) run from such a file.
 * `--held-out` runs the held-out scenarios (other counts and drift scales; driftPanel.ts) instead.
 * The environment variable KLYNGE_BENCH_SKIP=did (or =its) skips one estimator (its columns are then
 * empty), for a quick check of a change to the other; the panels and seeds are the same.
 * Run: npm run bench:effects [-- --seeds 1000 --workers 2 --only "AR(1)" --out run.jsonl]
 */
import { Worker, isMainThread, parentPort } from "node:worker_threads";
import { fileURLToPath, pathToFileURL } from "node:url";
import { availableParallelism } from "node:os";
import { appendFileSync, readFileSync } from "node:fs";
import { mergeBlocks, runScenarioBlock, type ScenarioBlock, type ScenarioResult } from "./runScenario.js";
import { driftScenarios, heldOutScenarios } from "./driftPanel.js";

interface Job {
  readonly heldOut: boolean;
  readonly index: number;
  readonly firstSeed: number;
  readonly seeds: number;
}

function arg(name: string, fallback: string): string {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 && i + 1 < process.argv.length ? process.argv[i + 1] : fallback;
}

function pct(x: number): string {
  return `${(100 * x).toFixed(1)} %`.padStart(7);
}

function goal(r: ScenarioResult, which: "did" | "its"): string {
  const m = r[which];
  const okCov = m.coverage >= 0.93 && m.coverage <= 0.97;
  const okRej = r.nullEffect ? m.rejection <= 0.07 : true;
  return okCov && okRej ? "yes" : "NO";
}

/** The table of a run from its blocks (any order). */
export function table(blocks: readonly ScenarioBlock[]): string {
  const byScenario = new Map<number, ScenarioBlock[]>();
  for (const b of blocks) byScenario.set(b.index, [...(byScenario.get(b.index) ?? []), b]);
  const results = [...byScenario.values()].map(mergeBlocks).sort((a, b) => a.index - b.index);
  const header =
    "| Scenario | DiD coverage | DiD mean bias (log) | DiD RMS SE / RMS error | DiD rejections | DiD goal | ITS coverage | ITS mean bias (log) | ITS RMS SE / RMS error | ITS rejections | ITS goal | seeds |";
  const lines = [header, `|${"---|".repeat(12)}`];
  for (const r of results) {
    lines.push(
      `| ${r.name} | ${pct(r.did.coverage)} | ${r.did.bias.toFixed(4)} | ${r.did.rmsSe.toFixed(3)} / ${r.did.rmsError.toFixed(3)} | ${pct(r.did.rejection)} | ${goal(r, "did")} | ` +
        `${pct(r.its.coverage)} | ${r.its.bias.toFixed(4)} | ${r.its.rmsSe.toFixed(3)} / ${r.its.rmsError.toFixed(3)} | ${pct(r.its.rejection)} | ${goal(r, "its")} | ${r.seeds}` +
        `${r.did.failed + r.its.failed > 0 ? ` (${r.did.failed}/${r.its.failed} refused)` : ""} |`,
    );
  }
  const seeds = Math.min(...results.map((r) => r.seeds));
  const cpu = results.reduce((a, r) => a + r.seconds, 0);
  const didOk = results.filter((r) => goal(r, "did") === "yes").length;
  const itsOk = results.filter((r) => goal(r, "its") === "yes").length;
  lines.push(
    `\nGoal: coverage 93–97 % and, under no effect, at most 7 % rejections. Rejections with an effect are power.` +
      `\nMet: DiD ${didOk} of ${results.length}, ITS ${itsOk} of ${results.length}.` +
      `\nMonte Carlo standard error of a 95 % coverage over ${seeds} seeds: ${(100 * Math.sqrt((0.95 * 0.05) / seeds)).toFixed(2)} percentage points.` +
      `\nThread time ${cpu.toFixed(0)} s (${((100 * cpu) / results.reduce((a, r) => a + r.seeds, 0)).toFixed(1)} s per 100 seeds of a scenario).`,
  );
  return lines.join("\n");
}

async function main(): Promise<void> {
  const from = arg("from", "");
  if (from !== "") {
    const blocks = readFileSync(from, "utf8").split("\n").filter((l) => l.trim() !== "").map((l) => JSON.parse(l) as ScenarioBlock);
    console.log(table(blocks));
    return;
  }
  const seeds = Number(arg("seeds", "1000"));
  const firstSeed = Number(arg("first-seed", "1"));
  const blockSize = Math.max(1, Number(arg("block", "25")));
  const workers = Math.max(1, Number(arg("workers", String(availableParallelism()))));
  const only = arg("only", "");
  const out = arg("out", "");
  const heldOut = process.argv.includes("--held-out");
  const scenarios = (heldOut ? heldOutScenarios() : driftScenarios())
    .map((s, index) => ({ s, index }))
    .filter(({ s }) => only === "" || s.name.includes(only));
  const started = Date.now();
  console.log(`Effect-interval coverage: ${scenarios.length} scenarios × ${seeds} seeds (blocks of ${blockSize}), ${workers} worker thread(s)\n`);
  const queue: Job[] = [];
  for (let b = 0; b < seeds; b += blockSize) {
    for (const { index } of scenarios) queue.push({ heldOut, index, firstSeed: firstSeed + b, seeds: Math.min(blockSize, seeds - b) });
  }
  const total = queue.length;
  const blocks: ScenarioBlock[] = [];
  const self = fileURLToPath(import.meta.url);
  // The worker registers tsx, then runs this TypeScript file again (as a worker), once per thread.
  const boot = `import("tsx/esm/api").then((m) => { m.register(); return import(${JSON.stringify(pathToFileURL(self).href)}); })`;
  await Promise.all(
    Array.from({ length: Math.min(workers, total) }, async () => {
      const w = new Worker(boot, { eval: true });
      try {
        for (;;) {
          const job = queue.shift();
          if (job === undefined) return;
          const block = await new Promise<ScenarioBlock>((resolve, reject) => {
            const onError = (e: Error) => reject(e);
            w.once("error", onError);
            w.once("message", (m: ScenarioBlock) => {
              w.off("error", onError);
              resolve(m);
            });
            w.postMessage(job);
          });
          blocks.push(block);
          if (out !== "") appendFileSync(out, `${JSON.stringify(block)}\n`);
          if (blocks.length % scenarios.length === 0 || blocks.length === total) {
            console.log(`  ${blocks.length} of ${total} blocks done (${((Date.now() - started) / 1000).toFixed(0)} s)`);
          }
        }
      } finally {
        await w.terminate();
      }
    }),
  );
  console.log(`\n${table(blocks)}\nWall time ${((Date.now() - started) / 1000).toFixed(0)} s with ${workers} worker thread(s).`);
}

if (isMainThread) {
  main().catch((e) => {
    console.error(e);
    process.exit(1);
  });
} else {
  parentPort?.on("message", (job: Job) => {
    parentPort?.postMessage(runScenarioBlock(job.index, job.firstSeed, job.seeds, job.heldOut));
  });
}
