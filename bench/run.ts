/**
 * `npm run bench`: klynge against DuckDB on national-scale data (issue 3, "Speed").
 *
 * 1. Generate (or reuse) bench/data/nation-2014-2023 (10 years, ~5.9 M citizens) and
 *    bench/data/region-2023 (one region-year) with the package's seeded generator.
 * 2. In separate processes (so each peak memory is its own): klynge — validating loader, the whole
 *    indicator set, stays/readmission compute once loaded; DuckDB — CSV load and the stays,
 *    admissions and readmission SQL; klynge on the region-year.
 * 3. Compare the check values (must match) and print the timings, ratios and goals.
 *
 * klynge runs as the built package (dist/, built first by `npm run bench`), as users run it.
 * Options: --nation DIR / --region DIR to use other folders; --skip-duckdb; --source to run the
 * TypeScript sources through tsx instead; --audit-nation to run the LP audit of the national
 * yearly tables too (the region-year's is always run; the national one takes minutes).
 */
import { spawnSync } from "node:child_process";
import { fileURLToPath } from "node:url";
import { ensureBenchData, NATION, REGION_YEAR } from "./generateBenchData.js";
import type { CheckValues, KlyngeResult } from "./klyngePart.js";
import type { DuckResult } from "./duckdbPart.js";

const self = fileURLToPath(import.meta.url);
const arg = (name: string): string | undefined => {
  const i = process.argv.indexOf(name);
  return i >= 0 ? process.argv[i + 1] : undefined;
};

function child<T>(part: string, dir: string): T {
  const source = [...(process.argv.includes("--source") ? ["--source"] : []), ...(process.argv.includes("--audit-nation") ? ["--audit-nation"] : [])];
  const r = spawnSync(process.execPath, ["--import", "tsx", self, "--part", part, "--dir", dir, ...source], {
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

const s = (ms: number) => `${(ms / 1000).toFixed(2)} s`;
let regionResult: KlyngeResult | null = null;
/** "nation / region-year" seconds of a disclosure timing. */
function disc(kl: KlyngeResult, k: "suppressMs" | "auditMs"): string {
  const f = (r: KlyngeResult | null) => (r?.disclosure?.[k] == null ? "–" : s(r.disclosure[k] as number));
  return `${f(kl)} / ${f(regionResult)}`;
}
function auditText(r: KlyngeResult): string {
  const d = r.disclosure;
  if (!d || d.auditMs === null) return d ? `${d.hidden} of ${d.rows} rows hidden, audit not run (--audit-nation)` : "–";
  return `${d.hidden} of ${d.rows} rows hidden; narrowest interval ${d.narrowest}, ${d.unprotected} unprotected, ${d.programs} LPs`;
}

async function main(): Promise<void> {
  const part = arg("--part");
  if (part) {
    const dir = arg("--dir") as string;
    let result: unknown;
    if (part === "klynge") {
      const { runKlynge } = await import("./klyngePart.js");
      result = await runKlynge(dir, {}, { period: ["year", "quarter"], standardise: { direct: "esp2013", indirect: true } }, process.argv.includes("--audit-nation") ? "audit" : "suppress");
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

  console.log("region-year: klynge whole indicator set …");
  const reg = child<KlyngeResult>("region", region);
  regionResult = reg;
  console.log("nation: klynge …");
  const kl = child<KlyngeResult>("klynge", nation);
  const skipDuck = process.argv.includes("--skip-duckdb");
  console.log(skipDuck ? "DuckDB skipped" : "nation: DuckDB …");
  const dk = skipDuck ? null : child<DuckResult>("duckdb", nation);

  const rows: [string, string, string, string][] = [
    ["measure", "klynge", "DuckDB", "ratio (goal)"],
    ["contacts (rejected by validation)", `${kl.contacts.toLocaleString("en")} (${kl.rejected})`, "", ""],
    ["load CSV", s(kl.loadMs), dk ? s(dk.loadMs) : "–", dk ? (kl.loadMs / dk.loadMs).toFixed(2) : ""],
    ["stays + readmissions once loaded", s(kl.staysMs), dk ? s(dk.queryMs) : "–", dk ? `${(kl.staysMs / dk.queryMs).toFixed(2)} (≤ 0.5)` : ""],
    ["whole indicator set once loaded (defaults)", s(kl.indicatorsMs), "", ""],
    ["  + year & quarter, ESP 2013 + O/E columns", kl.extraMs === null ? "–" : s(kl.extraMs), "", ""],
    ["end to end (klynge: load + whole set)", s(kl.endToEndMs), dk ? s(dk.endToEndMs) : "–", dk ? `${(kl.endToEndMs / dk.queryMs).toFixed(2)} vs DuckDB query alone (≤ 1.0)` : ""],
    ["peak memory (maxRSS)", `${kl.maxRssMb.toFixed(0)} MB`, dk ? `${dk.maxRssMb.toFixed(0)} MB` : "–", `${kl.maxRssMb < 1536 ? "under" : "OVER"} 1.5 GB`],
    ["  peak after load + whole set (before extra runs)", `${kl.maxRssSetMb.toFixed(0)} MB`, "", `${kl.maxRssSetMb < 1536 ? "under" : "OVER"} 1.5 GB`],
    ["region-year: load + whole set", s(reg.endToEndMs), "", `${reg.endToEndMs < 1000 ? "under" : "OVER"} 1 s`],
    ["region-year: whole set once loaded", s(reg.indicatorsMs), "", `${reg.indicatorsMs < 1000 ? "under" : "OVER"} 1 s`],
    ["  region-year + year/quarter/month, ESP + O/E", reg.extraMs === null ? "–" : s(reg.extraMs), "", ""],
    ["whole-lattice suppression (yearly set): nation / region-year", disc(kl, "suppressMs"), "", ""],
    ["  its LP audit: nation / region-year", disc(kl, "auditMs"), "", `${auditText(kl)} / ${auditText(reg)}`],
    ["indicator rows (nation / region-year; with extras)", `${kl.rows} / ${reg.rows}; ${kl.extraRows} / ${reg.extraRows}`, "", ""],
    ["stays / admissions (nation)", `${kl.check.stays} / ${kl.check.admissions}`, dk ? `${dk.check.stays} / ${dk.check.admissions}` : "", ""],
  ];
  const w = [0, 1, 2, 3].map((i) => Math.max(...rows.map((r) => r[i].length)));
  for (const r of rows) console.log(r.map((c, i) => c.padEnd(w[i])).join("  "));
  if (dk) {
    const diffs = compare(kl.check, dk.check);
    const cells = Object.keys(kl.check.readmission).length;
    if (diffs.length === 0) console.log(`check values match: stays, censored stays, admissions, readmission numerator/denominator in ${cells} municipality-years`);
    else {
      console.log(`CHECK VALUES DIFFER (${diffs.length}):`);
      for (const d of diffs.slice(0, 20)) console.log(`  ${d}`);
      process.exitCode = 1;
    }
  }
}

void main().catch((e: unknown) => {
  console.error(e);
  process.exitCode = 1;
});
