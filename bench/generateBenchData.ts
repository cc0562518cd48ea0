/**
 * Generate (or reuse) the benchmark datasets under bench/data/: national scale, 10 years, with
 * the package's seeded generator (src/generate), and one region-year. A folder is reused when its
 * `.complete` marker exists.
 */
import { existsSync } from "node:fs";
import { writeFile } from "node:fs/promises";
import { join } from "node:path";
import { generateDataset } from "../src/generate/index.js";

export interface BenchDataSpec {
  readonly dir: string;
  readonly scale: "region" | "nation";
  readonly years: readonly [number, number];
}

export async function ensureBenchData(spec: BenchDataSpec, log: (s: string) => void): Promise<void> {
  const marker = join(spec.dir, ".complete");
  if (existsSync(marker)) {
    log(`reusing ${spec.dir}`);
    return;
  }
  log(`generating ${spec.scale} ${spec.years[0]}–${spec.years[1]} into ${spec.dir} …`);
  const t0 = performance.now();
  let last = 0;
  await generateDataset({
    outDir: spec.dir,
    seed: 1,
    scale: spec.scale,
    years: [spec.years[0], spec.years[1]],
    gzip: false,
    progress: (p) => {
      const now = performance.now();
      if (now - last > 15000) {
        last = now;
        log(`  ${p.municipalitiesDone}/${p.municipalitiesTotal} municipalities, ${p.contacts.toLocaleString("en")} contacts`);
      }
    },
  });
  await writeFile(marker, new Date().toISOString() + "\n");
  log(`generated in ${((performance.now() - t0) / 1000).toFixed(1)} s`);
}

export const NATION: BenchDataSpec = { dir: join(import.meta.dirname ?? "bench", "data", "nation-2014-2023"), scale: "nation", years: [2014, 2023] };
export const REGION_YEAR: BenchDataSpec = { dir: join(import.meta.dirname ?? "bench", "data", "region-2023"), scale: "region", years: [2023, 2023] };

async function main(): Promise<void> {
  await ensureBenchData(REGION_YEAR, console.log);
  await ensureBenchData(NATION, console.log);
}

if (process.argv[1] && process.argv[1].endsWith("generateBenchData.ts")) void main();
