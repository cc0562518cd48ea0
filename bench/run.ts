/**
 * `npm run bench`: klynge against DuckDB on national-scale data (issues 3 and 16, "Speed").
 *
 * 1. Generate (or reuse) bench/data/nation-2014-2023 (10 years, ~16.6 M contacts) and
 *    bench/data/region-2023 (one region-year) with the package's seeded generator, and a
 *    row-shuffled copy of each (generateBenchData.ts). The generator writes contacts grouped by
 *    patient, which spares klynge's sort; real extracts are not in that order, so the shuffled
 *    copy is the main figure and the sorted file the second.
 * 2. In separate processes (so each peak memory and CPU time is its own), interleaved round by
 *    round so that both tools see the same machine load: klynge — validating loader, the whole
 *    indicator set, stays/readmission compute once loaded; DuckDB (duckdbPart.ts, the idiomatic
 *    formulation, two threads) — typed CSV load and the stays, admissions and readmission SQL.
 * 3. Compare the check values (must match in every run) and print the medians, ratios, goals and
 *    the 1-minute load average seen by each run.
 *
 * klynge runs as the built package (dist/, built first by `npm run bench`), as users run it; each
 * part is plain node on a bundle of this script (childProcess.ts), not tsx. Both tools' processes
 * run with glibc's mmap threshold fixed (MALLOC_MMAP_THRESHOLD_=131072), as the CLI does on
 * Linux; one klynge run in the first round goes without it.
 * Options: --runs N (rounds, default 3); --nation DIR / --region DIR to use other folders (their
 * shuffled copies are made beside them); --no-sorted (shuffled data only); --skip-duckdb; --source
 * to run the TypeScript sources through tsx; --no-audit-nation to leave out the LP audit of the
 * national yearly tables (issue 12; about 20 s on two cores, in the first shuffled round after its
 * timed phases; the region-year's is always run); --quick to leave out the extra option runs, the
 * suppression and the audits (the timed phases are the same).
 */
import { spawnSync } from "node:child_process";
import { loadavg } from "node:os";
import { mkdtempSync, readdirSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { basename, join } from "node:path";
import { fileURLToPath } from "node:url";
import { childEntry, partEnv } from "./childProcess.js";
import { ensureBenchData, ensureShuffled, NATION, REGION_YEAR } from "./generateBenchData.js";
import type { CheckValues, KlyngeResult } from "./klyngePart.js";
import type { DuckResult } from "./duckdbPart.js";

const self = fileURLToPath(import.meta.url);
const arg = (name: string): string | undefined => {
  const i = process.argv.indexOf(name);
  return i >= 0 ? process.argv[i + 1] : undefined;
};
const flag = (name: string): boolean => process.argv.includes(name);

function child<T>(part: string, dir: string, extra: readonly string[] = [], plainMalloc = false): T {
  const pass = ["--source", "--no-audit-nation"].filter(flag);
  const r = spawnSync(process.execPath, [...childEntry(self), "--part", part, "--dir", dir, ...pass, ...extra], {
    env: partEnv(plainMalloc),
    encoding: "utf8",
    maxBuffer: 256 * 1024 * 1024,
    stdio: ["ignore", "pipe", "inherit"],
  });
  const line = (r.stdout ?? "").split("\n").find((l) => l.startsWith("RESULT "));
  if (r.status !== 0 || !line) throw new Error(`bench part ${part} failed (exit ${r.status}):\n${r.stdout}`);
  return JSON.parse(line.slice(7)) as T;
}

function compare(a: CheckValues, b: CheckValues): string[] {
  const diffs: string[] = [];
  for (const k of ["stays", "censoredStays", "admissions"] as const) if (a[k] !== b[k]) diffs.push(`${k}: klynge ${a[k]} vs DuckDB ${b[k]}`);
  const keys = new Set([...Object.keys(a.readmission), ...Object.keys(b.readmission)]);
  for (const k of [...keys].sort()) {
    const x = a.readmission[k] ?? [0, 0];
    const y = b.readmission[k] ?? [0, 0];
    if (x[0] !== y[0] || x[1] !== y[1]) diffs.push(`readmission ${k}: klynge ${x.join("/")} vs DuckDB ${y.join("/")}`);
  }
  return diffs;
}

const median = (xs: readonly number[]): number => {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};
const sec = (ms: number) => `${(ms / 1000).toFixed(2)} s`;
const mb = (m: number) => (m >= 1024 ? `${(m / 1024).toFixed(2)} GB` : `${m.toFixed(0)} MB`);
const avgs = (xs: readonly { loadAvg: readonly [number, number] }[]) => xs.map((x) => x.loadAvg[0].toFixed(1)).join(", ");

function disc(kl: KlyngeResult | undefined, reg: KlyngeResult, k: "suppressMs" | "auditMs"): string {
  const f = (r: KlyngeResult | undefined) => (r?.disclosure?.[k] == null ? "–" : sec(r.disclosure[k] as number));
  return `${f(kl)} / ${f(reg)}`;
}
function auditText(r: KlyngeResult | undefined): string {
  const d = r?.disclosure;
  if (!d || d.auditMs === null) return d ? `${d.hidden} of ${d.rows} rows hidden, audit not run (--no-audit-nation)` : "–";
  return `${d.hidden} of ${d.rows} rows hidden; narrowest interval ${d.narrowest}, ${d.unprotected} unprotected, ${d.programs} LPs`;
}

type Row = [string, string, string, string];

/** The comparison table of one dataset (medians over the rounds). */
function table(title: string, ks: readonly KlyngeResult[], ds: readonly DuckResult[]): Row[] {
  const m = (f: (k: KlyngeResult) => number) => median(ks.map(f));
  const d = (f: (k: DuckResult) => number) => (ds.length ? median(ds.map(f)) : NaN);
  const ratio = (a: number, b: number, goal = "") => (ds.length ? `${(a / b).toFixed(2)}${goal ? ` (goal ${goal})` : ""}` : "");
  const load = m((k) => k.loadMs);
  const stays = m((k) => k.staysMs);
  const readm = m((k) => k.loadMs + k.staysMs);
  const whole = m((k) => k.endToEndMs);
  const dLoad = d((x) => x.loadMs);
  const dQuery = d((x) => x.queryMs);
  const dE2e = d((x) => x.endToEndMs);
  const rss = m((k) => k.maxRssSetMb);
  return [
    [`${title} (${ks[0].contacts.toLocaleString("en")} contacts; medians of ${ks.length})`, "klynge", ds.length ? `DuckDB (${ds[0].threads} threads)` : "DuckDB", "ratio"],
    ["load (DuckDB: typed read of all columns + deaths)", sec(load), ds.length ? sec(dLoad) : "–", ratio(load, dLoad, "≤ 0.7")],
    ["stays + readmissions once loaded", sec(stays), ds.length ? sec(dQuery) : "–", ratio(stays, dQuery)],
    ["readmission end to end", sec(readm), ds.length ? sec(dE2e) : "–", ratio(readm, dE2e)],
    ["whole indicator set end to end vs DuckDB readmission end to end", sec(whole), ds.length ? sec(dE2e) : "–", ratio(whole, dE2e, "≤ 0.5")],
    ["peak memory (klynge: load + whole set)", mb(rss), ds.length ? mb(d((x) => x.maxRssMb)) : "–", `${rss < 1536 ? "under" : "OVER"} 1.5 GB`],
    ["CPU time, load", sec(m((k) => k.loadCpuMs)), ds.length ? sec(d((x) => x.loadCpuMs)) : "–", ratio(m((k) => k.loadCpuMs), d((x) => x.loadCpuMs))],
    ["CPU time, klynge load + whole set / DuckDB readmission e2e", sec(m((k) => k.cpuMs)), ds.length ? sec(d((x) => x.cpuMs)) : "–", ratio(m((k) => k.cpuMs), d((x) => x.cpuMs))],
    ["1-min load average at the start of each run", avgs(ks), avgs(ds), ""],
  ];
}

function print(rows: readonly Row[]): void {
  const w = [0, 1, 2, 3].map((i) => Math.max(...rows.map((r) => r[i].length)));
  for (const r of rows) console.log(r.map((c, i) => c.padEnd(w[i])).join("  ").trimEnd());
}

async function main(): Promise<void> {
  const part = arg("--part");
  if (part) {
    const dir = arg("--dir") as string;
    let result: unknown;
    const extras = flag("--extras");
    if (part === "klynge") {
      const { runKlynge } = await import("./klyngePart.js");
      result = await runKlynge(
        dir,
        {},
        extras ? { period: ["year", "quarter"], standardise: { direct: "esp2013", indirect: true } } : null,
        extras ? (flag("--no-audit-nation") ? "suppress" : "audit") : null,
      );
    } else if (part === "cache-write" || part === "cache-read" || part === "region-cache") {
      // The dataset cache (docs/cache.md) in its own folder: the first load writes it, later ones read it.
      const { runKlynge } = await import("./klyngePart.js");
      const cacheDir = arg("--cache-dir") as string;
      result = await runKlynge(dir, {}, null, null, { cache: true, cacheDir }, part !== "region-cache");
    } else if (part === "region") {
      const { runKlynge } = await import("./klyngePart.js");
      result = await runKlynge(dir, {}, { period: ["year", "quarter", "month"], standardise: { direct: "esp2013", indirect: true } }, "audit");
    } else {
      const { runDuckDb } = await import("./duckdbPart.js");
      result = await runDuckDb(dir);
    }
    process.stdout.write(`RESULT ${JSON.stringify(result)}\n`);
    return;
  }
  const nation = arg("--nation") ?? NATION.dir;
  const region = arg("--region") ?? REGION_YEAR.dir;
  if (!arg("--region")) await ensureBenchData(REGION_YEAR, console.log);
  if (!arg("--nation")) await ensureBenchData(NATION, console.log);
  const regionShuffled = await ensureShuffled(region, console.log);
  const nationShuffled = await ensureShuffled(nation, console.log);
  const runs = Number(arg("--runs") ?? 3);
  const sorted = !flag("--no-sorted");
  const skipDuck = flag("--skip-duckdb");
  // --quick: no extra option runs, suppression or LP audit (the timed phases are the same).
  const quick = flag("--quick");

  const kShuf: KlyngeResult[] = [];
  const dShuf: DuckResult[] = [];
  const kSort: KlyngeResult[] = [];
  const dSort: DuckResult[] = [];
  let kPlain: KlyngeResult | null = null;
  const mismatches: string[] = [];
  const check = (k: KlyngeResult, d: DuckResult, what: string) => {
    const diffs = compare(k.check, d.check);
    if (diffs.length) mismatches.push(`${what}: ${diffs.length} differences, e.g. ${diffs.slice(0, 3).join("; ")}`);
  };
  const note = (what: string, ms: number) => console.log(`  ${what}: ${sec(ms)} (load average ${loadavg()[0].toFixed(1)})`);
  for (let r = 0; r < runs; r++) {
    console.log(`round ${r + 1} of ${runs}`);
    const k = child<KlyngeResult>("klynge", nationShuffled, r === 0 && !quick ? ["--extras"] : []);
    kShuf.push(k);
    note("klynge, shuffled, whole set e2e", k.endToEndMs);
    if (!skipDuck) {
      const d = child<DuckResult>("duckdb", nationShuffled);
      dShuf.push(d);
      note("DuckDB, shuffled, readmission e2e", d.endToEndMs);
      check(k, d, `round ${r + 1}, shuffled`);
    }
    if (r === 0) {
      kPlain = child<KlyngeResult>("klynge", nationShuffled, [], true);
      note("klynge, shuffled, whole set e2e, glibc's own mmap threshold", kPlain.endToEndMs);
      if (dShuf.length) check(kPlain, dShuf[0], "round 1, shuffled, glibc's own mmap threshold");
    }
    if (sorted) {
      const ks = child<KlyngeResult>("klynge", nation);
      kSort.push(ks);
      note("klynge, sorted, whole set e2e", ks.endToEndMs);
      if (!skipDuck) {
        const ds = child<DuckResult>("duckdb", nation);
        dSort.push(ds);
        note("DuckDB, sorted, readmission e2e", ds.endToEndMs);
        check(ks, ds, `round ${r + 1}, sorted`);
      }
    }
  }
  console.log("region-year: klynge whole indicator set …");
  const reg = child<KlyngeResult>(quick ? "klynge" : "region", regionShuffled);

  // The cache: written by a first load (timed with its writing), then read in new processes.
  const cacheDir = mkdtempSync(join(tmpdir(), "klynge-bench-cache-"));
  const cacheArgs = ["--cache-dir", cacheDir];
  console.log("cache: first loads (read the files, write the cache) …");
  const cw = child<KlyngeResult>("cache-write", nationShuffled, cacheArgs);
  const rw = child<KlyngeResult>("region-cache", regionShuffled, cacheArgs);
  const cr: KlyngeResult[] = [];
  const rr: KlyngeResult[] = [];
  for (let r = 0; r < runs; r++) {
    cr.push(child<KlyngeResult>("cache-read", nationShuffled, cacheArgs));
    note("klynge from the cache, whole set e2e", cr[r].endToEndMs);
    rr.push(child<KlyngeResult>("region-cache", regionShuffled, cacheArgs));
    note("klynge region-year from the cache, whole set e2e", rr[r].endToEndMs);
    if (!skipDuck && dShuf.length) check(cr[r], dShuf[0], `cache round ${r + 1}`);
  }
  // The same from the cache without the solver's kept answers (docs/cache.md): the answer files
  // the runs above wrote are removed first, so each of these runs solves its programs again.
  const dropAnswers = () => {
    for (const f of readdirSync(cacheDir)) if (f.endsWith(".kla")) rmSync(join(cacheDir, f));
  };
  dropAnswers();
  const crSolve = child<KlyngeResult>("cache-read", nationShuffled, cacheArgs);
  note("klynge from the cache, solver answers removed, whole set e2e", crSolve.endToEndMs);
  dropAnswers();
  const rrSolve = child<KlyngeResult>("region-cache", regionShuffled, cacheArgs);
  note("klynge region-year from the cache, solver answers removed, whole set e2e", rrSolve.endToEndMs);
  const statuses = [cw, rw, ...cr, ...rr, crSolve, rrSolve].map((x) => x.cache);
  if (cw.cache !== "written" || rw.cache !== "written" || [...cr, ...rr, crSolve, rrSolve].some((x) => x.cache !== "read")) mismatches.push(`cache not used as expected: ${statuses.join(", ")}`);
  rmSync(cacheDir, { recursive: true, force: true });

  const rows: Row[] = [...table(`${basename(nation)}, rows shuffled`, kShuf, dShuf)];
  if (kPlain) {
    rows.push(
      ["  peak memory without the fixed mmap threshold (one run)", mb(kPlain.maxRssSetMb), "", ""],
      ["  whole set end to end without it (one run)", sec(kPlain.endToEndMs), "", ""],
    );
  }
  const cm = (xs: readonly KlyngeResult[], f: (k: KlyngeResult) => number) => median(xs.map(f));
  const dE2e = dShuf.length ? median(dShuf.map((x) => x.endToEndMs)) : NaN;
  const cLoad = cm(cr, (k) => k.loadMs);
  const cWhole = cm(cr, (k) => k.endToEndMs);
  const rWhole = cm(rr, (k) => k.endToEndMs);
  rows.push(
    ["", "", "", ""],
    [`the dataset cache (medians of ${cr.length}; load average ${avgs(cr)})`, "klynge", "DuckDB", "ratio"],
    ["first load: read the files and write the cache", sec(cw.loadMs), "", `writing adds ${sec(cw.loadMs - median(kShuf.map((k) => k.loadMs)))}`],
    ["load from the cache (national)", sec(cLoad), "", `${cLoad <= 1500 ? "met" : "MISSED"} (goal ≤ 1.5 s)`],
    ["whole set end to end from the cache vs DuckDB readmission end to end", sec(cWhole), dShuf.length ? sec(dE2e) : "–", dShuf.length ? (cWhole / dE2e).toFixed(2) : ""],
    ["  the same, the solver's kept answers removed first (one run)", sec(crSolve.endToEndMs), "", ""],
    ["peak memory, from the cache (load + whole set)", mb(cm(cr, (k) => k.maxRssSetMb)), "", ""],
    ["region-year: first load + whole set (writes the cache)", sec(rw.endToEndMs), "", ""],
    ["region-year: whole set end to end from the cache", sec(rWhole), "", `${rWhole <= 300 ? "met" : "MISSED"} (goal ≤ 0.3 s)`],
    ["  the same, the solver's kept answers removed first (one run)", sec(rrSolve.endToEndMs), "", ""],
  );
  if (sorted) rows.push(["", "", "", ""], ...table(`${basename(nation)}, rows grouped by patient (as generated)`, kSort, dSort));
  const k0 = kShuf[0];
  rows.push(
    ["", "", "", ""],
    ["more (first shuffled round)", "", "", ""],
    ["whole indicator set once loaded (defaults)", sec(k0.indicatorsMs), "", ""],
    ["  + year & quarter, ESP 2013 + O/E columns", k0.extraMs === null ? "–" : sec(k0.extraMs), "", ""],
    ["region-year (shuffled): load + whole set", sec(reg.endToEndMs), "", `${reg.endToEndMs < 1000 ? "under" : "OVER"} 1 s`],
    ["region-year: whole set once loaded", sec(reg.indicatorsMs), "", ""],
    ["  region-year + year/quarter/month, ESP + O/E", reg.extraMs === null ? "–" : sec(reg.extraMs), "", ""],
    ["whole-lattice suppression (yearly set): nation / region-year", disc(k0, reg, "suppressMs"), "", ""],
    ["  its LP audit: nation / region-year", disc(k0, reg, "auditMs"), "", `${auditText(k0)} / ${auditText(reg)}`],
    ["indicator rows (nation / region-year; with extras)", `${k0.rows} / ${reg.rows}; ${k0.extraRows} / ${reg.extraRows}`, "", ""],
    ["stays / admissions (nation)", `${k0.check.stays} / ${k0.check.admissions}`, dShuf.length ? `${dShuf[0].check.stays} / ${dShuf[0].check.admissions}` : "", ""],
  );
  print(rows);
  if (!skipDuck) {
    const cells = Object.keys(k0.check.readmission).length;
    if (mismatches.length === 0) console.log(`check values match in every run (${dShuf.length + dSort.length}): stays, censored stays, admissions, readmission numerator/denominator in ${cells} municipality-years`);
    else {
      console.log(`CHECK VALUES DIFFER:`);
      for (const d of mismatches) console.log(`  ${d}`);
      process.exitCode = 1;
    }
  }
}

void main().catch((e: unknown) => {
  console.error(e);
  process.exitCode = 1;
});
