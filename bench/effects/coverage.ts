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
 * Scenarios run in worker threads (default 2; the machine may be shared).
 * Run: npm run bench:effects [-- --seeds 1000 --workers 2 --only "AR(1)"]
 */
import { Worker, isMainThread, parentPort, workerData } from "node:worker_threads";
import { fileURLToPath, pathToFileURL } from "node:url";
import { availableParallelism } from "node:os";
import { runScenario, type ScenarioResult } from "./runScenario.js";
import { driftScenarios } from "./driftPanel.js";

interface Job {
  readonly index: number;
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

async function main(): Promise<void> {
  const seeds = Number(arg("seeds", "1000"));
  const workers = Math.max(1, Math.min(Number(arg("workers", "2")), availableParallelism()));
  const only = arg("only", "");
  const scenarios = driftScenarios()
    .map((s, index) => ({ s, index }))
    .filter(({ s }) => only === "" || s.name.includes(only));
  const started = Date.now();
  console.log(`Effect-interval coverage: ${scenarios.length} scenarios × ${seeds} seeds, ${workers} worker thread(s)\n`);
  const queue: Job[] = scenarios.map(({ index }) => ({ index, seeds }));
  const results: ScenarioResult[] = [];
  const self = fileURLToPath(import.meta.url);
  await Promise.all(
    Array.from({ length: workers }, async () => {
      for (;;) {
        const job = queue.shift();
        if (job === undefined) return;
        const result = await new Promise<ScenarioResult>((resolve, reject) => {
          // The worker registers tsx, then runs this TypeScript file again (as a worker).
          const boot = `import("tsx/esm/api").then((m) => { m.register(); return import(${JSON.stringify(pathToFileURL(self).href)}); })`;
          const w = new Worker(boot, { eval: true, workerData: job });
          w.once("message", resolve);
          w.once("error", reject);
        });
        results.push(result);
        console.log(`  done: ${result.name} (${(result.seconds).toFixed(0)} s)`);
      }
    }),
  );
  results.sort((a, b) => a.index - b.index);
  const header =
    "| Scenario | DiD coverage | DiD mean bias (log) | DiD rejections | DiD goal | ITS coverage | ITS mean bias (log) | ITS rejections | ITS goal | seeds |";
  console.log(`\n${header}\n|${"---|".repeat(10)}`);
  for (const r of results) {
    console.log(
      `| ${r.name} | ${pct(r.did.coverage)} | ${r.did.bias.toFixed(4)} | ${pct(r.did.rejection)} | ${goal(r, "did")} | ${pct(r.its.coverage)} | ${r.its.bias.toFixed(4)} | ${pct(r.its.rejection)} | ${goal(r, "its")} | ${r.seeds}${r.did.failed + r.its.failed > 0 ? ` (${r.did.failed}/${r.its.failed} refused)` : ""} |`,
    );
  }
  console.log(
    `\nGoal: coverage 93–97 % and, under no effect, at most 7 % rejections. Rejections with an effect are power.` +
      `\nMonte Carlo standard error of a 95 % coverage over ${seeds} seeds: ${(100 * Math.sqrt((0.95 * 0.05) / seeds)).toFixed(1)} percentage points.` +
      `\nWall time ${((Date.now() - started) / 1000).toFixed(0)} s.`,
  );
}

if (isMainThread) {
  main().catch((e) => {
    console.error(e);
    process.exit(1);
  });
} else {
  const job = workerData as Job;
  parentPort?.postMessage(runScenario(job.index, job.seeds));
}
