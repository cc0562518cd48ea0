/**
 * The DuckDB side of the benchmark (@duckdb/node-api): load admissions.csv and deaths.csv, then
 * stays, admissions and the 30-day readmission numerator/denominator by municipality and year in
 * SQL — the same rules as src/stays (4 h gap in elapsed time with the Danish daylight-saving rule,
 * 12 h admissions, overlaps merged, censored stays, exclusions C00–D09, O, S–T, alive at discharge,
 * ≥ 30 wall-clock days of data after discharge, data end = latest admitted_at).
 */
import { join } from "node:path";
import { DuckDBInstance } from "@duckdb/node-api";
import type { CheckValues } from "./klyngePart.js";

export interface DuckResult {
  readonly loadMs: number;
  readonly queryMs: number;
  readonly endToEndMs: number;
  readonly maxRssMb: number;
  readonly check: CheckValues;
}

const TS = (col: string) => `strptime(NULLIF(${col}, ''), '%Y-%m-%dT%H:%M')`;

export async function runDuckDb(dir: string): Promise<DuckResult> {
  const t0 = performance.now();
  const inst = await DuckDBInstance.create(":memory:");
  const conn = await inst.connect();
  const file = join(dir, "admissions.csv").replaceAll("'", "''");
  await conn.run(`
    CREATE TABLE c AS
    SELECT row_number() OVER () AS rn, * FROM (
      SELECT patient_id, municipality_code::INTEGER AS muni, ${TS("admitted_at")} AS a,
             coalesce(${TS("discharged_at")}, TIMESTAMP '9999-12-31') AS d2,
             admission_type IN ('acute', 'akut') AS acute, contact_type = 'inpatient' AS inp, primary_diagnosis AS dx
      FROM (SELECT DISTINCT * FROM read_csv('${file}', header = true, all_varchar = true)))`);
  const deaths = join(dir, "deaths.csv").replaceAll("'", "''");
  await conn.run(`CREATE TABLE deaths AS SELECT patient_id, min(CAST(${TS("died_at")} AS DATE)) AS died FROM read_csv('${deaths}', header = true, all_varchar = true) GROUP BY patient_id`);
  const t1 = performance.now();
  await conn.run(`CREATE MACRO lsun(y, m) AS make_date(y, m, 31) - CAST(dayofweek(make_date(y, m, 31)) AS INTEGER)`);
  await conn.run(
    `CREATE MACRO utc(ts) AS ts - CASE WHEN ts >= lsun(year(ts), 3) + INTERVAL 2 HOUR AND ts < lsun(year(ts), 10) + INTERVAL 3 HOUR THEN INTERVAL 2 HOUR ELSE INTERVAL 1 HOUR END`,
  );
  await conn.run(`CREATE MACRO normdx(x) AS CASE WHEN regexp_matches(upper(replace(x, '.', '')), '^D[A-Z]') THEN substr(upper(replace(x, '.', '')), 2) ELSE upper(replace(x, '.', '')) END`);
  await conn.run(`CREATE MACRO excluded(x) AS (left(normdx(x), 1) IN ('C', 'O', 'S', 'T') OR left(normdx(x), 3) BETWEEN 'D00' AND 'D09')`);
  await conn.run(`
    CREATE TABLE st AS
    WITH w AS (
      SELECT *, max(d2) OVER (PARTITION BY patient_id ORDER BY a, d2, rn ROWS BETWEEN UNBOUNDED PRECEDING AND 1 PRECEDING) AS prev_end
      FROM c),
    g AS (
      SELECT *, sum(CASE WHEN prev_end IS NULL OR (prev_end < TIMESTAMP '9999-12-31' AND utc(a) > utc(prev_end) + INTERVAL 4 HOUR) THEN 1 ELSE 0 END)
                OVER (PARTITION BY patient_id ORDER BY a, d2, rn ROWS UNBOUNDED PRECEDING) AS stay_no
      FROM w),
    f AS (
      SELECT *, row_number() OVER (PARTITION BY patient_id, stay_no ORDER BY a, d2, rn) AS k FROM g)
    SELECT patient_id, stay_no, min(a) AS start, max(d2) AS end2, bool_or(inp) AS anyinp,
           bool_or(acute AND k = 1) AS acute, max(CASE WHEN k = 1 THEN muni END) AS muni, max(CASE WHEN k = 1 THEN dx END) AS dx
    FROM f GROUP BY patient_id, stay_no`);
  await conn.run(`
    CREATE TABLE adm AS
    WITH e AS (SELECT max(a) AS data_end FROM c)
    SELECT st.*, e.data_end FROM st, e
    WHERE CASE WHEN end2 = TIMESTAMP '9999-12-31' THEN utc(e.data_end) - utc(start) >= INTERVAL 12 HOUR
               ELSE utc(end2) - utc(start) >= INTERVAL 12 HOUR END`);
  const result = await conn.runAndReadAll(`
    WITH idx AS (
      SELECT a.* FROM adm a LEFT JOIN deaths d USING (patient_id)
      WHERE a.end2 < TIMESTAMP '9999-12-31' AND a.end2 + INTERVAL 30 DAY <= a.data_end
        AND (d.died IS NULL OR d.died > CAST(a.end2 AS DATE))),
    re AS (SELECT patient_id, start FROM adm WHERE acute AND NOT excluded(dx)),
    flagged AS (
      SELECT idx.muni, year(idx.end2) AS y,
             EXISTS (SELECT 1 FROM re WHERE re.patient_id = idx.patient_id AND re.start > idx.end2 AND re.start <= idx.end2 + INTERVAL 30 DAY) AS readmitted
      FROM idx)
    SELECT muni, y, count(*) AS n, count(*) FILTER (WHERE readmitted) AS x FROM flagged GROUP BY muni, y`);
  const t2 = performance.now();
  const counts = (await conn.runAndReadAll(`SELECT (SELECT count(*) FROM st) AS stays, (SELECT count(*) FROM st WHERE end2 = TIMESTAMP '9999-12-31') AS censored, (SELECT count(*) FROM adm) AS admissions`)).getRowObjectsJS()[0];
  const readmission: Record<string, [number, number]> = {};
  for (const r of result.getRowObjectsJS()) readmission[`${String(r.muni)}|${String(r.y)}`] = [Number(r.n), Number(r.x)];
  conn.closeSync?.();
  return {
    loadMs: t1 - t0,
    queryMs: t2 - t1,
    endToEndMs: t2 - t0,
    maxRssMb: process.resourceUsage().maxRSS / 1024,
    check: { stays: Number(counts.stays), censoredStays: Number(counts.censored), admissions: Number(counts.admissions), readmission },
  };
}
