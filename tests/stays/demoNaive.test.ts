/**
 * The demo dataset's stays, admissions and readmissions against an independent, deliberately
 * naive implementation: its own CSV reading, one object per contact, plain loops, and elapsed
 * time from the JavaScript Date in the Europe/Copenhagen time zone (vitest pins TZ) instead of
 * src/contract/time.ts.
 */
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { gunzipSync } from "node:zlib";
import { describe, expect, it } from "vitest";
import { loadDataset } from "../../src/io/index.js";
import { computeStays } from "../../src/stays/index.js";
import { computeIndicators } from "../../src/indicators/index.js";
import { MISSING, yearOfMinutes } from "../../src/contract/time.js";

const DIR = join(__dirname, "..", "..", "data", "demo");
const file = ["admissions.csv", "admissions.csv.gz"].map((f) => join(DIR, f)).find((f) => existsSync(f));
const ready = file !== undefined && existsSync(join(DIR, "population.csv")) && existsSync(join(DIR, "deaths.csv"));

interface Contact {
  pid: string;
  muni: string;
  admitted: string;
  discharged: string | null;
  acute: boolean;
  inpatient: boolean;
  dx: string;
  birth: string;
  order: number;
}

function split(line: string): string[] {
  if (!line.includes('"')) return line.split(",");
  const out: string[] = [];
  let cur = "";
  let q = false;
  for (const ch of line) {
    if (ch === '"') q = !q;
    else if (ch === "," && !q) {
      out.push(cur);
      cur = "";
    } else cur += ch;
  }
  out.push(cur);
  return out;
}

function readCsv(path: string): Record<string, string>[] {
  const buf = readFileSync(path);
  const text = (path.endsWith(".gz") ? gunzipSync(buf) : buf).toString("utf8").replace(/^\uFEFF/, "");
  const lines = text.split(/\r?\n/).filter((l) => l !== "");
  const header = split(lines[0]);
  const seen = new Set<string>();
  const rows: Record<string, string>[] = [];
  for (const line of lines.slice(1)) {
    if (seen.has(line)) continue; // exact duplicates counted once
    seen.add(line);
    const cells = split(line);
    rows.push(Object.fromEntries(header.map((h, i) => [h, cells[i] ?? ""])));
  }
  return rows;
}

/** Epoch milliseconds of a Copenhagen wall-clock time "YYYY-MM-DDTHH:MM" (the Date of the TZ). */
function epoch(t: string): number {
  return new Date(+t.slice(0, 4), +t.slice(5, 7) - 1, +t.slice(8, 10), +t.slice(11, 13), +t.slice(14, 16)).getTime();
}
/** Wall-clock minutes (no time zone) for calendar arithmetic. */
function wallMinutes(t: string): number {
  return Date.UTC(+t.slice(0, 4), +t.slice(5, 7) - 1, +t.slice(8, 10), +t.slice(11, 13), +t.slice(14, 16)) / 60000;
}
function normalise(dx: string): string {
  let c = dx.toUpperCase().replace(/\./g, "");
  if (/^D[A-Z]/.test(c)) c = c.slice(1);
  return c;
}
function excluded(dx: string): boolean {
  const c = normalise(dx);
  return "COST".includes(c[0]) || (c.slice(0, 3) >= "D00" && c.slice(0, 3) <= "D09");
}

/** A third of the patients (by the last character of the id), to keep the naive run short. */
export function sampled(pid: string): boolean {
  return pid.charCodeAt(pid.length - 1) % 3 === 0;
}

function naive(path: string, deathsPath: string) {
  const all = readCsv(path);
  let dataEnd = "";
  for (const r of all) if (r.admitted_at > dataEnd) dataEnd = r.admitted_at;
  const contacts: Contact[] = all.filter((r) => sampled(r.patient_id)).map((r, i) => ({
    pid: r.patient_id,
    muni: String(Number(r.municipality_code)),
    admitted: r.admitted_at,
    discharged: r.discharged_at === "" ? null : r.discharged_at,
    acute: r.admission_type === "acute" || r.admission_type === "akut",
    inpatient: r.contact_type === "inpatient",
    dx: r.primary_diagnosis,
    birth: r.birth_date,
    order: i,
  }));
  const died = new Map<string, string>();
  for (const r of readCsv(deathsPath)) died.set(r.patient_id, r.died_at.slice(0, 10));
  const byPatient = new Map<string, Contact[]>();
  for (const c of contacts) {
    const list = byPatient.get(c.pid) ?? [];
    list.push(c);
    byPatient.set(c.pid, list);
  }
  interface Stay { pid: string; first: Contact; start: string; end: string | null; anyInpatient: boolean; }
  const stays: Stay[] = [];
  for (const [pid, list] of byPatient) {
    list.sort((a, b) => (a.admitted < b.admitted ? -1 : a.admitted > b.admitted ? 1 : (a.discharged ?? "~") < (b.discharged ?? "~") ? -1 : (a.discharged ?? "~") > (b.discharged ?? "~") ? 1 : a.order - b.order));
    let cur: Stay | null = null;
    for (const c of list) {
      if (cur && (cur.end === null || (epoch(c.admitted) - epoch(cur.end)) / 60000 <= 240)) {
        if (c.inpatient) cur.anyInpatient = true;
        if (c.discharged === null) cur.end = null;
        else if (cur.end !== null && c.discharged > cur.end) cur.end = c.discharged;
      } else {
        cur = { pid, first: c, start: c.admitted, end: c.discharged, anyInpatient: c.inpatient };
        stays.push(cur);
      }
    }
  }
  const admissions = stays.filter((s) => (epoch(s.end ?? dataEnd) - epoch(s.start)) / 60000 >= 720);
  const admissionsOf = new Map<string, Stay[]>();
  for (const a of admissions) admissionsOf.set(a.pid, [...(admissionsOf.get(a.pid) ?? []), a]);
  const cells = new Map<string, [number, number]>();
  for (let i = 0; i < admissions.length; i++) {
    const a = admissions[i];
    if (a.end === null) continue;
    if (wallMinutes(a.end) + 30 * 1440 > wallMinutes(dataEnd)) continue;
    const d = died.get(a.pid);
    if (d !== undefined && d <= a.end.slice(0, 10)) continue;
    let readmitted = false;
    for (const b of admissionsOf.get(a.pid) ?? []) {
      if (!b.first.acute || excluded(b.first.dx)) continue;
      const gap = wallMinutes(b.start) - wallMinutes(a.end);
      if (gap > 0 && gap <= 30 * 1440) readmitted = true;
    }
    const key = `${a.first.muni}|${a.end.slice(0, 4)}`;
    const cell = cells.get(key) ?? [0, 0];
    cell[0]++;
    if (readmitted) cell[1]++;
    cells.set(key, cell);
  }
  return { stays: stays.length, admissions: admissions.length, cells };
}

describe.skipIf(!ready)("demo dataset against a naive implementation", () => {
  it("the test's time zone is Europe/Copenhagen", () => {
    expect(new Date(2019, 9, 27, 4, 0).getTimezoneOffset()).toBe(-60);
    expect(new Date(2019, 9, 27, 1, 0).getTimezoneOffset()).toBe(-120);
  });

  it("stays, admissions, readmission numerators/denominators and admission-rate numerators agree", async () => {
    const ds = await loadDataset(DIR);
    expect(ds.report.tables.find((t) => t.file.startsWith("admissions"))?.rowsRejected).toBe(0);
    const mine = computeStays(ds);
    const ref = naive(file as string, join(DIR, "deaths.csv"));
    const { stays, admissions } = mine;
    const inSample = ds.contacts.patientIds.map(sampled);
    let nStays = 0;
    for (let s = 0; s < stays.length; s++) if (inSample[stays.patient[s]]) nStays++;
    let nAdmissions = 0;
    for (let j = 0; j < admissions.length; j++) if (inSample[stays.patient[admissions.stay[j]]]) nAdmissions++;
    expect(nStays).toBe(ref.stays);
    expect(nAdmissions).toBe(ref.admissions);
    expect(ref.stays).toBeGreaterThan(50000);
    const cells = new Map<string, [number, number]>();
    for (let j = 0; j < admissions.length; j++) {
      if (!admissions.index[j]) continue;
      const s = admissions.stay[j];
      if (!inSample[stays.patient[s]]) continue;
      expect(stays.end[s]).not.toBe(MISSING);
      const key = `${stays.municipality[s]}|${yearOfMinutes(stays.end[s])}`;
      const cell = cells.get(key) ?? [0, 0];
      cell[0]++;
      cell[1] += admissions.readmitted[j];
      cells.set(key, cell);
    }
    expect(Object.fromEntries([...cells].sort())).toEqual(Object.fromEntries([...ref.cells].sort()));
    expect(ref.cells.size).toBeGreaterThan(10);
    // admission_rate numerators (all patients) equal the acute admissions counted from the stays
    const rows = computeIndicators(ds, { minCount: 0, indicators: ["admission_rate"], levels: ["municipality"], groups: ["all"], sexes: ["all"] });
    expect(rows.length).toBeGreaterThan(0);
    const acute = new Map<string, number>();
    for (let j = 0; j < admissions.length; j++) {
      const s = admissions.stay[j];
      if (!stays.acute[s]) continue;
      const key = `${stays.municipality[s]}|${yearOfMinutes(stays.start[s])}`;
      acute.set(key, (acute.get(key) ?? 0) + 1);
    }
    for (const r of rows) expect(r.numerator).toBe(acute.get(`${r.unit}|${r.period}`) ?? 0);
  });
});
