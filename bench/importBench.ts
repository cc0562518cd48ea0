/**
 * `npm run bench:import`: importing an LPR3 LPR_A extract against loading the same contacts in
 * the contract format (issue 7, "Speed": within 1.2×), on the national bench data.
 *
 * 1. Reuse bench/data/nation-2014-2023 (the contract dataset of `npm run bench`), and write it
 *    once as an LPR_A extract (lpr_a_kontakt.csv + drg.csv, SAS date-times) in
 *    bench/data/nation-2014-2023-lpr3a with the package's register writer.
 * 2. In separate processes, alternately, twice each, none from the dataset cache (`cache: false`):
 *    loadDataset(contract), on one thread and with its default (two threads for this file); the import of the
 *    contacts alone (lpr_a_kontakt.csv, in a sibling folder without drg.csv); and the import with
 *    the course-price file drg.csv (15 M more rows, joined and shared among contacts). The whole
 *    loader in each (validation, duplicate and overlap checks, population), plus pseudonymisation
 *    and code tables in the imports.
 * 3. Print the best time of each, the ratios (to the one-thread contract load: the register reader
 *    has one thread), peak memory, and check that they give the same
 *    number of contacts, patients, acute contacts and (with drg.csv) total cost.
 *
 * Both sides run the built package (dist/, built first by `npm run bench:import`), as users run
 * it; with `--source` they run the TypeScript sources through tsx instead.
 */
import { spawnSync } from "node:child_process";
import { childEntry, partEnv } from "./childProcess.js";
import { copyFileSync, existsSync, linkSync, lstatSync, mkdirSync, unlinkSync } from "node:fs";
import { writeFile } from "node:fs/promises";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { ensureBenchData, NATION } from "./generateBenchData.js";

const self = fileURLToPath(import.meta.url);
const LPR3A_DIR = `${NATION.dir}-lpr3a`;
const CONTACTS_ONLY_DIR = `${NATION.dir}-lpr3a-contacts`;
const KEY = "the benchmark's pseudonymisation key";

interface LoadResult {
  readonly ms: number;
  readonly contacts: number;
  readonly acute: number;
  readonly cost: number;
  readonly patients: number;
  readonly rejected: number;
  readonly excluded: number;
  readonly maxRssMb: number;
}

/**
 * "contract": the contract load as users run it (two parser threads for this 2.2 GB file on two
 * cores); "contract-1": on one thread, as the register import reads (the like-for-like measure of
 * issue 7's goal).
 */
type Part = "contract" | "contract-1" | "lpr3-a" | "lpr3-a-contacts";

/** The loader under test: the built package, or the sources with --source. */
async function loader(): Promise<typeof import("../src/io/index.js")> {
  if (process.argv.includes("--source")) return import("../src/io/index.js");
  const dist = new URL("../dist/index.js", import.meta.url).href;
  return (await import(dist)) as typeof import("../src/io/index.js");
}

async function part(which: Part): Promise<LoadResult> {
  const { loadDataset } = await loader();
  const t0 = performance.now();
  const ds =
    which === "contract" || which === "contract-1"
      ? await loadDataset(NATION.dir, { cache: false, ...(which === "contract-1" ? { workers: 1 } : {}) })
      : await loadDataset(which === "lpr3-a" ? LPR3A_DIR : CONTACTS_ONLY_DIR, { format: "lpr3-a", pseudonymKey: KEY, cache: false });
  const ms = performance.now() - t0;
  const c = ds.contacts;
  let acute = 0;
  let cost = 0;
  for (let i = 0; i < c.length; i++) {
    acute += c.acute[i];
    if (c.cost[i] === c.cost[i]) cost += c.cost[i];
  }
  const t = ds.report.tables[0];
  return {
    ms,
    contacts: c.length,
    acute,
    cost,
    patients: c.patientIds.length,
    rejected: t.rowsRejected,
    excluded: t.rowsExcluded ?? 0,
    maxRssMb: process.resourceUsage().maxRSS / 1024,
  };
}

async function ensureExtract(): Promise<void> {
  const marker = join(LPR3A_DIR, ".complete");
  if (existsSync(marker)) console.log(`reusing ${LPR3A_DIR}`);
  else await writeExtract(marker);
  // The contacts alone: the extract's files without drg.csv, as hard links (the loader reads
  // regular files only, so symbolic links would be refused as not_regular_file).
  mkdirSync(CONTACTS_ONLY_DIR, { recursive: true });
  for (const f of ["lpr_a_kontakt.csv", "population.csv", "geography.csv"]) {
    const to = join(CONTACTS_ONLY_DIR, f);
    if (existsSync(to) && !lstatSync(to).isSymbolicLink()) continue;
    if (lstatSync(to, { throwIfNoEntry: false })?.isSymbolicLink()) unlinkSync(to); // an earlier bench's link
    try {
      linkSync(join(LPR3A_DIR, f), to);
    } catch {
      copyFileSync(join(LPR3A_DIR, f), to);
    }
  }
}

async function writeExtract(marker: string): Promise<void> {
  console.log(`writing the contract data as an LPR_A extract into ${LPR3A_DIR} …`);
  const { loadDataset } = await import("../src/io/index.js");
  const { writeRegisterFiles } = await import("../src/generate/registerShape/index.js");
  const t0 = performance.now();
  const ds = await loadDataset(NATION.dir);
  const r = await writeRegisterFiles(ds, "lpr3-a", LPR3A_DIR, { dateStyle: "sas", delimiter: ";" });
  await writeFile(marker, new Date().toISOString() + "\n");
  console.log(`  ${r.rows.toLocaleString("en")} rows in ${((performance.now() - t0) / 1000).toFixed(1)} s`);
}

function child(which: string): LoadResult {
  const source = process.argv.includes("--source") ? ["--source"] : [];
  const r = spawnSync(process.execPath, ["--max-old-space-size=6144", ...childEntry(self), "--part", which, ...source], {
    env: partEnv(),
    encoding: "utf8",
    maxBuffer: 64 * 1024 * 1024,
    stdio: ["ignore", "pipe", "inherit"],
  });
  const line = (r.stdout ?? "").split("\n").find((l) => l.startsWith("RESULT "));
  if (r.status !== 0 || !line) throw new Error(`bench part ${which} failed (exit ${r.status}):\n${r.stdout}`);
  return JSON.parse(line.slice(7)) as LoadResult;
}

async function main(): Promise<void> {
  const i = process.argv.indexOf("--part");
  if (i >= 0) {
    const result = await part(process.argv[i + 1] as Part);
    process.stdout.write(`RESULT ${JSON.stringify(result)}\n`);
    return;
  }
  await ensureBenchData(NATION, console.log);
  await ensureExtract();
  console.log(process.argv.includes("--source") ? "running the TypeScript sources (tsx)" : "running the built package (dist/)");
  const runs: Record<Part, LoadResult[]> = { contract: [], "contract-1": [], "lpr3-a-contacts": [], "lpr3-a": [] };
  for (let k = 0; k < 2; k++) {
    for (const p of Object.keys(runs) as Part[]) {
      console.log(`run ${k + 1}: ${p} …`);
      runs[p].push(child(p));
    }
  }
  const best = (rs: LoadResult[]) => rs.reduce((a, b) => (b.ms < a.ms ? b : a));
  const c2 = best(runs.contract);
  const c = best(runs["contract-1"]);
  const o = best(runs["lpr3-a-contacts"]);
  const a = best(runs["lpr3-a"]);
  const s = (ms: number) => `${(ms / 1000).toFixed(2)} s`;
  const all = (p: Part) => runs[p].map((r) => s(r.ms)).join(", ");
  console.log("");
  console.log(`contacts: contract ${c.contacts.toLocaleString("en")}; LPR_A ${a.contacts.toLocaleString("en")} (${a.excluded} excluded, ${a.rejected} rejected)`);
  console.log(`contract load (admissions.csv), one thread ${s(c.ms)}  (runs ${all("contract-1")})  peak ${c.maxRssMb.toFixed(0)} MB`);
  console.log(`contract load, default (two threads)       ${s(c2.ms)}  (runs ${all("contract")})  peak ${c2.maxRssMb.toFixed(0)} MB`);
  console.log(`LPR_A import, contacts (lpr_a_kontakt.csv) ${s(o.ms)}  (runs ${all("lpr3-a-contacts")})  peak ${o.maxRssMb.toFixed(0)} MB  ratio ${(o.ms / c.ms).toFixed(2)} to one thread (goal <= 1.2), ${(o.ms / c2.ms).toFixed(2)} to the default`);
  console.log(`LPR_A import + course prices (drg.csv)     ${s(a.ms)}  (runs ${all("lpr3-a")})  peak ${a.maxRssMb.toFixed(0)} MB  ratio ${(a.ms / c.ms).toFixed(2)}`);
  const same =
    c.contacts === a.contacts &&
    c2.contacts === c.contacts &&
    c2.acute === c.acute &&
    c2.patients === c.patients &&
    c.contacts === o.contacts &&
    c.acute === a.acute &&
    c.acute === o.acute &&
    c.patients === a.patients &&
    c.patients === o.patients &&
    Math.abs(c.cost - a.cost) <= 1e-9 * Math.max(1, c.cost);
  console.log(
    same
      ? `check: same contacts, patients (${a.patients.toLocaleString("en")}), acute contacts (${a.acute.toLocaleString("en")}) and total cost with drg.csv (${c.cost.toFixed(0)} DKK)`
      : `CHECK DIFFERS: contract ${JSON.stringify(c)} vs LPR_A ${JSON.stringify(a)} / contacts only ${JSON.stringify(o)}`,
  );
  if (!same) process.exitCode = 1;
}

void main().catch((e: unknown) => {
  console.error(e);
  process.exitCode = 1;
});
