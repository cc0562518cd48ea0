/**
 * Generate (or reuse) the benchmark datasets: national scale, 10 years, with the package's seeded
 * generator (src/generate), and one region-year; each also as a row-shuffled copy (issue 16: the
 * generator writes the contacts grouped by patient, which spares klynge's sort — real extracts are
 * not in that order, so the bench runs on the shuffled copy by default and on the sorted file as a
 * second figure). A folder is reused when its `.complete` marker exists.
 *
 * Folders live under bench/data/ unless KLYNGE_BENCH_DATA names another folder.
 */
import { existsSync } from "node:fs";
import { copyFile, mkdir, open, readdir, rm, writeFile } from "node:fs/promises";
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

/** A whole file in one Buffer (readFile stops at 2 GiB; the national file is larger). */
async function readWhole(path: string): Promise<Buffer> {
  const fh = await open(path, "r");
  try {
    const size = (await fh.stat()).size;
    const buf = Buffer.allocUnsafe(size);
    for (let at = 0; at < size; ) {
      const { bytesRead } = await fh.read(buf, at, Math.min(1 << 30, size - at), at);
      if (bytesRead === 0) throw new Error(`${path}: file shrank while read`);
      at += bytesRead;
    }
    return buf;
  } finally {
    await fh.close();
  }
}

/** The folder of the row-shuffled copy of a bench dataset. */
export const shuffledDir = (dir: string): string => `${dir}-shuffled`;

/**
 * A copy of `from` whose admissions.csv has its data rows in a seeded random order (header first);
 * the other files are copied unchanged. Reused when its `.complete` marker exists.
 */
export async function ensureShuffled(from: string, log: (s: string) => void, seed = 16): Promise<string> {
  const to = shuffledDir(from);
  if (existsSync(join(to, ".complete"))) {
    log(`reusing ${to}`);
    return to;
  }
  log(`shuffling the rows of ${from}/admissions.csv into ${to} …`);
  const t0 = performance.now();
  await rm(to, { recursive: true, force: true });
  await mkdir(to, { recursive: true });
  for (const f of await readdir(from)) {
    if (f !== "admissions.csv" && f !== ".complete") await copyFile(join(from, f), join(to, f));
  }
  const text = await readWhole(join(from, "admissions.csv"));
  // Byte loops, not Buffer.indexOf: its offset argument does not reach past 2 GiB.
  const size = text.length;
  let head = 0;
  while (head < size && text[head] !== 10) head++;
  head++;
  let lines = 0;
  for (let p = head; p < size; p++) if (text[p] === 10) lines++;
  if (size > head && text[size - 1] !== 10) lines++;
  const starts = new Float64Array(lines + 1);
  starts[0] = head;
  for (let p = head, k = 1; p < size; p++) if (text[p] === 10 && k <= lines) starts[k++] = p + 1;
  starts[lines] = size;
  // Fisher–Yates with a 32-bit xorshift (seeded, so the copy is the same on every machine).
  const order = new Int32Array(lines);
  for (let k = 0; k < lines; k++) order[k] = k;
  let x = seed >>> 0 || 1;
  for (let k = lines - 1; k > 0; k--) {
    x ^= x << 13;
    x >>>= 0;
    x ^= x >>> 17;
    x ^= x << 5;
    x >>>= 0;
    const j = x % (k + 1);
    const t = order[k];
    order[k] = order[j];
    order[j] = t;
  }
  const out = await open(join(to, "admissions.csv"), "w");
  try {
    const buf = Buffer.allocUnsafe(8 << 20);
    text.copy(buf, 0, 0, head);
    let w = head;
    for (let k = 0; k < lines; k++) {
      const s = starts[order[k]];
      const e = starts[order[k] + 1];
      if (w + (e - s) + 1 > buf.length) {
        await out.write(buf, 0, w);
        w = 0;
      }
      w += text.copy(buf, w, s, e);
      if (text[e - 1] !== 10) buf[w++] = 10; // the file's last line may lack its line break
    }
    await out.write(buf, 0, w);
  } finally {
    await out.close();
  }
  await writeFile(join(to, ".complete"), new Date().toISOString() + "\n");
  log(`shuffled ${lines.toLocaleString("en")} rows in ${((performance.now() - t0) / 1000).toFixed(1)} s`);
  return to;
}

const DATA = process.env.KLYNGE_BENCH_DATA ?? join(import.meta.dirname ?? "bench", "data");
export const NATION: BenchDataSpec = { dir: join(DATA, "nation-2014-2023"), scale: "nation", years: [2014, 2023] };
export const REGION_YEAR: BenchDataSpec = { dir: join(DATA, "region-2023"), scale: "region", years: [2023, 2023] };
/** National datasets of 1, 2 and 5 years for the cost-growth table (10 years: NATION). */
export const NATION_YEARS: readonly BenchDataSpec[] = [
  { dir: join(DATA, "nation-2023"), scale: "nation", years: [2023, 2023] },
  { dir: join(DATA, "nation-2022-2023"), scale: "nation", years: [2022, 2023] },
  { dir: join(DATA, "nation-2019-2023"), scale: "nation", years: [2019, 2023] },
];

async function main(): Promise<void> {
  await ensureBenchData(REGION_YEAR, console.log);
  await ensureBenchData(NATION, console.log);
  await ensureShuffled(REGION_YEAR.dir, console.log);
  await ensureShuffled(NATION.dir, console.log);
}

if (process.argv[1] && process.argv[1].endsWith("generateBenchData.ts")) void main();
