/** Test helpers: datasets written to fresh tmp folders at run time. */

import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { gzipSync } from "node:zlib";
import type { Dataset } from "../../src/contract/dataset.js";

export const ADM_HEADER =
  "patient_id,birth_date,sex,municipality_code,hospital,admitted_at,discharged_at,admission_type,contact_type,primary_diagnosis,referral_source,cost_dkk";

export interface AdmRow {
  patient_id: string;
  birth_date: string;
  sex: string;
  municipality_code: string;
  hospital: string;
  admitted_at: string;
  discharged_at: string;
  admission_type: string;
  contact_type: string;
  primary_diagnosis: string;
  referral_source: string;
  cost_dkk: string;
}

/** A valid admissions row; override any field. */
export function admRow(over: Partial<AdmRow> = {}): AdmRow {
  return {
    patient_id: "p7f3a0c21",
    birth_date: "1940-05-17",
    sex: "F",
    municipality_code: "751",
    hospital: "Aarhus Universitetshospital",
    admitted_at: "2019-03-02T10:00",
    discharged_at: "2019-03-04T12:30",
    admission_type: "acute",
    contact_type: "inpatient",
    primary_diagnosis: "J18.9",
    referral_source: "gp",
    cost_dkk: "31250.50",
    ...over,
  };
}

export function admLine(r: AdmRow, delimiter = ","): string {
  return [
    r.patient_id,
    r.birth_date,
    r.sex,
    r.municipality_code,
    r.hospital,
    r.admitted_at,
    r.discharged_at,
    r.admission_type,
    r.contact_type,
    r.primary_diagnosis,
    r.referral_source,
    r.cost_dkk,
  ].join(delimiter);
}

/** A complete small population: 751 Aarhus, 2019, both sexes, ages 0–3 and 4+. */
export function populationCsv(): string {
  const lines = ["year,municipality_code,sex,age,count"];
  for (const sex of ["F", "M"]) for (const age of ["0", "1", "2", "3", "4+"]) lines.push(`2019,751,${sex},${age},1000`);
  return lines.join("\n") + "\n";
}

/** Write files into a fresh tmp folder; values ending in .gz names are gzipped. */
export function makeDataset(files: Record<string, string | Buffer>): string {
  const dir = mkdtempSync(join(tmpdir(), "klynge-io-"));
  for (const [name, content] of Object.entries(files)) {
    const data = typeof content === "string" ? Buffer.from(content, "utf8") : content;
    writeFileSync(join(dir, name), name.endsWith(".gz") ? gzipSync(data) : data);
  }
  return dir;
}

/** A dataset of admissions lines (header added) and the small population. */
export function admissionsDataset(lines: readonly string[], header = ADM_HEADER): string {
  return makeDataset({ "admissions.csv": [header, ...lines].join("\n") + "\n", "population.csv": populationCsv() });
}

/** A CPR-shaped test id built at run time (never written to a file). */
export function cprShaped(withDash: boolean): string {
  return ["0101", "90", withDash ? "-" : "", "1234"].join("");
}

/** Seeded PRNG (mulberry32; Tommy Ettinger's public-domain generator). */
export function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** A plain, comparable picture of a dataset: every column as an array, plus the report. */
export function snapshot(ds: Dataset): unknown {
  const c = ds.contacts;
  const cols = Object.fromEntries(
    Object.entries(c).map(([k, v]) => [k, ArrayBuffer.isView(v) ? Array.from(v as unknown as ArrayLike<number>) : v]),
  );
  // rowPathRows tells how many rows the fast path handed over: it differs by design.
  const tables = ds.report.tables.map((t) => {
    const { rowPathRows: _ignored, ...rest } = t;
    return rest;
  });
  return { cols, report: { ...ds.report, tables }, population: Array.from(ds.population.count) };
}

/** A seeded permutation of 0 … n − 1 (a Fisher–Yates shuffle driven by a linear congruential generator). */
export function seededPermutation(n: number, seed: number): number[] {
  const perm = Array.from({ length: n }, (_, i) => i);
  let s = seed;
  for (let i = n - 1; i > 0; i--) {
    s = (s * 1_103_515_245 + 12_345) % 2_147_483_648;
    const j = s % (i + 1);
    [perm[i], perm[j]] = [perm[j], perm[i]];
  }
  return perm;
}
