/**
 * The DuckDB side of the benchmark (@duckdb/node-api), written the way someone who knows DuckDB
 * would write it (issue 16): a typed `read_csv` of every column (no text columns parsed by hand,
 * no DISTINCT over the file: exact duplicates fall into one stay anyway), the daylight-saving
 * conversion to UTC done once per row as a column (never inside a window predicate), the stay
 * grouping with two windows sharing one sort, the first contact's fields by FILTER, the readmission
 * link as `lead(… IGNORE NULLS)` over each patient's admissions (the next acute, not excluded
 * start), and the exclusion rule evaluated once per distinct diagnosis code. Both cores (threads = 2
 * unless KLYNGE_BENCH_THREADS says otherwise).
 *
 * Same rules as src/stays: 4 h gap in elapsed time with the Danish daylight-saving rule, overlaps
 * merged, a contact without discharge censors its stay (which absorbs every later contact), 12 h
 * admissions (a censored stay measured to the data end), exclusions C00–D09, O, S–T, alive at
 * discharge, ≥ 30 wall-clock days of data after discharge, data end = latest admitted_at. Ties in
 * (patient, admitted_at, discharged_at) are broken by file row, as klynge does.
 *
 * Phases: load = typed read of admissions.csv and deaths.csv into tables; compute = stays,
 * admissions and the readmission numerator/denominator by municipality and discharge year.
 */
import { availableParallelism, loadavg } from "node:os";
import { join } from "node:path";
import { DuckDBInstance } from "@duckdb/node-api";
import type { CheckValues } from "./klyngePart.js";

export interface DuckResult {
  readonly loadMs: number;
  readonly queryMs: number;
  readonly endToEndMs: number;
  readonly maxRssMb: number;
  /** CPU time of the process (user + system) over load + compute, ms. */
  readonly cpuMs: number;
  /** CPU time of the load alone, ms. */
  readonly loadCpuMs: number;
  readonly threads: number;
  /** 1-minute load average at the start and end of the part. */
  readonly loadAvg: readonly [number, number];
  readonly check: CheckValues;
}

const ADMISSION_COLUMNS = {
  patient_id: "VARCHAR",
  birth_date: "DATE",
  sex: "VARCHAR",
  municipality_code: "SMALLINT",
  hospital: "VARCHAR",
  admitted_at: "TIMESTAMP",
  discharged_at: "TIMESTAMP",
  admission_type: "VARCHAR",
  contact_type: "VARCHAR",
  primary_diagnosis: "VARCHAR",
  referral_source: "VARCHAR",
  cost_dkk: "DOUBLE",
};
const columns = (c: Record<string, string>) => `{${Object.entries(c).map(([k, v]) => `'${k}': '${v}'`).join(", ")}}`;
const quoted = (path: string) => `'${path.replaceAll("'", "''")}'`;
const FAR = "TIMESTAMP '9999-12-31'";

export async function runDuckDb(dir: string): Promise<DuckResult> {
  const threads = Number(process.env.KLYNGE_BENCH_THREADS ?? Math.min(2, availableParallelism()));
  const avg0 = loadavg()[0];
  const cpu0 = process.cpuUsage();
  const t0 = performance.now();
  const inst = await DuckDBInstance.create(":memory:", { threads: String(threads) });
  const conn = await inst.connect();
  const csv = (file: string, cols: Record<string, string>) =>
    `read_csv(${quoted(join(dir, file))}, header = true, delim = ',', quote = '"', columns = ${columns(cols)}, dateformat = '%Y-%m-%d', timestampformat = '%Y-%m-%dT%H:%M')`;
  await conn.run(`CREATE TABLE c AS SELECT * FROM ${csv("admissions.csv", ADMISSION_COLUMNS)}`);
  await conn.run(`CREATE TABLE deaths AS SELECT patient_id, min(CAST(died_at AS DATE)) AS died FROM ${csv("deaths.csv", { patient_id: "VARCHAR", died_at: "TIMESTAMP" })} GROUP BY patient_id`);
  const t1 = performance.now();
  const loadCpu = process.cpuUsage(cpu0);

  // Europe/Copenhagen → UTC: summer time from the last Sunday of March 02:00 to the last Sunday of October 03:00 (local).
  await conn.run(`CREATE MACRO lsun(y, m) AS make_date(y, m, 31) - CAST(dayofweek(make_date(y, m, 31)) AS INTEGER)`);
  await conn.run(
    `CREATE MACRO utc(ts) AS ts - CASE WHEN ts >= lsun(year(ts), 3) + INTERVAL 2 HOUR AND ts < lsun(year(ts), 10) + INTERVAL 3 HOUR THEN INTERVAL 2 HOUR ELSE INTERVAL 1 HOUR END`,
  );
  await conn.run(`CREATE MACRO normdx(x) AS CASE WHEN regexp_matches(upper(replace(x, '.', '')), '^D[A-Z]') THEN substr(upper(replace(x, '.', '')), 2) ELSE upper(replace(x, '.', '')) END`);
  await conn.run(`CREATE MACRO excluded(x) AS (left(normdx(x), 1) IN ('C', 'O', 'S', 'T') OR left(normdx(x), 3) BETWEEN 'D00' AND 'D09')`);
  // Stays: a contact starts a new stay unless it begins at most 4 h (elapsed) after the latest
  // discharge so far of its patient; a censored contact (no discharge) absorbs everything after it.
  await conn.run(`
    CREATE TABLE st AS
    WITH r AS (
      SELECT patient_id AS pid, rowid AS rn, admitted_at AS a, coalesce(discharged_at, ${FAR}) AS d2,
             utc(admitted_at) AS ua, coalesce(utc(discharged_at), ${FAR}) AS ud,
             admission_type IN ('acute', 'akut') AS acute, contact_type = 'inpatient' AS inp,
             municipality_code AS muni, primary_diagnosis AS dx
      FROM c),
    w AS (
      SELECT *, max(ud) OVER (PARTITION BY pid ORDER BY a, d2, rn ROWS BETWEEN UNBOUNDED PRECEDING AND 1 PRECEDING) AS prev_end FROM r),
    f AS (
      SELECT *, prev_end IS NULL OR (prev_end < ${FAR} AND ua > prev_end + INTERVAL 4 HOUR) AS first FROM w),
    g AS (
      SELECT *, sum(first::INTEGER) OVER (PARTITION BY pid ORDER BY a, d2, rn ROWS UNBOUNDED PRECEDING) AS stay_no FROM f)
    SELECT pid, stay_no, min(a) AS start, max(ua) FILTER (WHERE first) AS ustart, max(d2) AS end2,
           bool_or(inp) AS anyinp, bool_or(acute) FILTER (WHERE first) AS acute,
           max(muni) FILTER (WHERE first) AS muni, max(dx) FILTER (WHERE first) AS dx
    FROM g GROUP BY pid, stay_no`);
  // Admissions: stays of ≥ 12 h elapsed (a censored stay: to the data end).
  await conn.run(`
    CREATE TABLE adm AS
    WITH e AS (SELECT max(admitted_at) AS data_end FROM c)
    SELECT st.*, e.data_end FROM st, e
    WHERE (CASE WHEN end2 = ${FAR} THEN utc(e.data_end) ELSE utc(end2) END) - ustart >= INTERVAL 12 HOUR`);
  const result = await conn.runAndReadAll(`
    WITH dxx AS (SELECT dx, excluded(dx) AS ex FROM (SELECT DISTINCT dx FROM adm)),
    nx AS (
      SELECT adm.*, lead(CASE WHEN acute AND NOT dxx.ex THEN start END IGNORE NULLS) OVER (PARTITION BY pid ORDER BY start) AS next_re
      FROM adm JOIN dxx USING (dx))
    SELECT muni, year(end2) AS y, count(*) AS n, count(*) FILTER (WHERE next_re <= end2 + INTERVAL 30 DAY) AS x
    FROM nx LEFT JOIN deaths d ON d.patient_id = nx.pid
    WHERE end2 < ${FAR} AND end2 + INTERVAL 30 DAY <= data_end AND (d.died IS NULL OR d.died > CAST(end2 AS DATE))
    GROUP BY muni, y`);
  const t2 = performance.now();
  const cpu = process.cpuUsage(cpu0);
  const counts = (await conn.runAndReadAll(`SELECT (SELECT count(*) FROM st) AS stays, (SELECT count(*) FROM st WHERE end2 = ${FAR}) AS censored, (SELECT count(*) FROM adm) AS admissions`)).getRowObjectsJS()[0];
  const readmission: Record<string, [number, number]> = {};
  for (const r of result.getRowObjectsJS()) readmission[`${String(r.muni)}|${String(r.y)}`] = [Number(r.n), Number(r.x)];
  conn.closeSync?.();
  return {
    loadMs: t1 - t0,
    queryMs: t2 - t1,
    endToEndMs: t2 - t0,
    maxRssMb: process.resourceUsage().maxRSS / 1024,
    cpuMs: (cpu.user + cpu.system) / 1000,
    loadCpuMs: (loadCpu.user + loadCpu.system) / 1000,
    threads,
    loadAvg: [avg0, loadavg()[0]],
    check: { stays: Number(counts.stays), censoredStays: Number(counts.censored), admissions: Number(counts.admissions), readmission },
  };
}
