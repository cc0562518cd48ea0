/**
 * The klynge side of the benchmark, run in its own process so that its peak memory is its own:
 * load with the validating loader, compute stays and readmission links, the whole indicator set,
 * and the check values (stays, admissions, readmission numerator/denominator by municipality and
 * discharge year).
 */
import { loadavg } from "node:os";
import type { computeStays, IndicatorOptions, LoadOptions } from "../src/index.js";
// Internals the bench times or reads (not part of the public API): from the sources by path.
import { blankRows, decideSuppression } from "../src/indicators/suppressTable.js";
import { staySource } from "../src/stays/buildStays.js";

type Api = typeof import("../src/index.js");
let api: Api;

/**
 * The package under test: the built one (dist/, as users run it; `npm run bench` builds it first),
 * or the TypeScript sources through tsx with --source.
 */
async function loadApi(): Promise<Api> {
  if (process.argv.includes("--source")) return import("../src/index.js");
  return (await import(new URL("../dist/index.js", import.meta.url).href)) as Api;
}

export interface KlyngeResult {
  readonly loadMs: number;
  /** CPU time of the process (user + system) over load + whole set, ms. */
  readonly cpuMs: number;
  /** CPU time of the load alone and of the stays/readmission compute once loaded, ms. */
  readonly loadCpuMs: number;
  readonly staysCpuMs: number;
  /** 1-minute load average at the start and end of the part. */
  readonly loadAvg: readonly [number, number];
  readonly staysMs: number;
  readonly indicatorsMs: number;
  /** The whole set again with the extra options (standardised columns, sub-year periods), once loaded. */
  readonly extraMs: number | null;
  readonly extraRows: number | null;
  readonly endToEndMs: number;
  readonly rows: number;
  readonly maxRssMb: number;
  /** Peak memory up to the end of load + whole indicator set (before the stays-only and extra runs). */
  readonly maxRssSetMb: number;
  readonly contacts: number;
  readonly rejected: number;
  readonly check: CheckValues;
  /** How the dataset cache was used ("off", "written", "read" …). */
  readonly cache: string;
  /** Whole-lattice suppression of the default (yearly) indicator set and its LP audit (issue 12). */
  readonly disclosure: DisclosureTiming | null;
}

export interface DisclosureTiming {
  readonly rows: number;
  readonly suppressMs: number;
  readonly hidden: number;
  readonly auditMs: number | null;
  readonly programs: number | null;
  readonly narrowest: number | null;
  readonly unprotected: number | null;
}

export interface CheckValues {
  readonly stays: number;
  readonly censoredStays: number;
  readonly admissions: number;
  /** "municipality|year" → [index admissions, readmitted] */
  readonly readmission: Record<string, [number, number]>;
}

export async function runKlynge(
  dir: string,
  indicatorOptions: IndicatorOptions,
  extraOptions: IndicatorOptions | null = null,
  disclosure: "suppress" | "audit" | null = null,
  loadOptions: LoadOptions = { cache: false },
  check = true,
): Promise<KlyngeResult> {
  // The package is imported before the clock starts (as the TypeScript sources are, statically).
  api = await loadApi();
  const { loadDataset, computeIndicators, prepareIndicators } = api;
  const avg0 = loadavg()[0];
  const cpu0 = process.cpuUsage();
  const t0 = performance.now();
  const ds = await loadDataset(dir, loadOptions);
  const t1 = performance.now();
  const loadCpu = process.cpuUsage(cpu0);
  const loadCpuMs = (loadCpu.user + loadCpu.system) / 1000;
  const rowCount = computeIndicators(ds, indicatorOptions).length; // rows released at once: only their count is reported
  const t2 = performance.now();
  const cpu = process.cpuUsage(cpu0);
  const maxRssSetMb = process.resourceUsage().maxRSS / 1024; // peak of load + whole set, before the extra runs
  // Stays and readmission links once loaded (the compute the DuckDB query does).
  const cpu2 = process.cpuUsage();
  const checked = check ? checkValues(ds) : { stays: 0, censoredStays: 0, admissions: 0, readmission: {} };
  const t3 = performance.now();
  const staysCpu = process.cpuUsage(cpu2);
  let extraMs: number | null = null;
  let extraRows: number | null = null;
  if (extraOptions) {
    const t4 = performance.now();
    extraRows = computeIndicators(prepareIndicators(ds, extraOptions)).length;
    extraMs = performance.now() - t4;
  }
  const rejected = ds.report.tables.reduce((s, t) => s + t.rowsRejected, 0);
  let timing: DisclosureTiming | null = null;
  if (disclosure) {
    // The default set is its own lattice (years; every level, sex and standard group): compute it
    // unsuppressed, then time the suppression alone and the audit of what it publishes.
    const { auditDisclosure } = api;
    const raw = computeIndicators(ds, { ...indicatorOptions, minCount: 0 });
    const clusterOf = new Map(ds.geography.map((g) => [String(g.municipality_code), g.cluster] as const));
    const t5 = performance.now();
    const decided = decideSuppression(raw, { minCount: 5, clusterOf });
    const suppressMs = performance.now() - t5;
    const published = blankRows(raw, decided.rowState, 5);
    const hidden = published.filter((r) => r.suppressed).length;
    let audit: Awaited<ReturnType<typeof auditDisclosure>> | null = null;
    if (disclosure === "audit") audit = await auditDisclosure(published, { minCount: 5, clusterOf });
    timing = {
      rows: raw.length,
      suppressMs,
      hidden,
      auditMs: audit?.milliseconds ?? null,
      programs: audit?.programs ?? null,
      narrowest: audit?.narrowest ? audit.narrowest.upper - audit.narrowest.lower : null,
      unprotected: audit?.unprotected.length ?? null,
    };
  }
  return {
    loadMs: t1 - t0,
    cpuMs: (cpu.user + cpu.system) / 1000,
    staysCpuMs: (staysCpu.user + staysCpu.system) / 1000,
    loadCpuMs,
    loadAvg: [avg0, loadavg()[0]],
    staysMs: t3 - t2,
    indicatorsMs: t2 - t1,
    extraMs,
    extraRows,
    endToEndMs: t2 - t0,
    rows: rowCount,
    maxRssMb: process.resourceUsage().maxRSS / 1024,
    maxRssSetMb,
    contacts: ds.contacts.length,
    rejected,
    check: checked,
    cache: ds.report.cache?.status ?? "none",
    disclosure: timing,
  };
}

/**
 * Stays, admissions and readmission numerator/denominator by municipality and discharge year; the
 * stay and admission tables are dropped on return (only the check values stay alive).
 */
function checkValues(ds: Parameters<typeof computeStays>[0]): CheckValues {
  const { computeStays, MISSING, yearOfMinutes } = api;
  const { stays, admissions, report } = computeStays(ds);
  const readmission: Record<string, [number, number]> = {};
  const muni = staySource(stays, "municipality"); // without building the column when read through firstContact
  for (let j = 0; j < admissions.length; j++) {
    if (!admissions.index[j]) continue;
    const s = admissions.stay[j];
    const key = `${muni.values[muni.index === null ? s : muni.index[s]]}|${stays.end[s] === MISSING ? "" : yearOfMinutes(stays.end[s])}`;
    const cell = (readmission[key] ??= [0, 0]);
    cell[0]++;
    cell[1] += admissions.readmitted[j];
  }
  return { stays: report.stays, censoredStays: report.censoredStays, admissions: report.admissions, readmission };
}
