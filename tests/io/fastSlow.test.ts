/**
 * The byte-level fast path and the zod row path must give identical tables and identical
 * problems on the same files (one source of truth for the field rules).
 */

import { describe, expect, it } from "vitest";
import { loadDataset } from "../../src/io/loadDataset.js";
import { ADM_HEADER, admLine, admRow, makeDataset, mulberry32, populationCsv, snapshot } from "./helpers.js";
import type { AdmRow } from "./helpers.js";

const VARIANTS: ((r: () => number) => Partial<AdmRow>)[] = [
  () => ({}),
  () => ({ sex: "K" }),
  () => ({ sex: " m " }),
  () => ({ sex: "X" }),
  () => ({ primary_diagnosis: "DJ189" }),
  () => ({ primary_diagnosis: "s72.0" }),
  () => ({ primary_diagnosis: "DD509" }),
  () => ({ primary_diagnosis: "??" }),
  () => ({ admitted_at: "2019-03-02 10:00:30" }),
  () => ({ admitted_at: "2019-3-2T10:00" }),
  () => ({ admitted_at: "2019-02-30T10:00" }),
  () => ({ admitted_at: " 2019-03-02T10:00" }),
  () => ({ admitted_at: "2019-03-31T02:15" }),
  () => ({ discharged_at: "" }),
  () => ({ discharged_at: "2019-03-01T00:00" }),
  () => ({ discharged_at: "2019-10-27T02:30" }),
  () => ({ birth_date: "2020-01-01" }),
  () => ({ birth_date: "1940-02-29" }),
  () => ({ birth_date: "1944-02-29" }),
  () => ({ municipality_code: "101" }),
  () => ({ municipality_code: "0751" }),
  () => ({ municipality_code: "661" }),
  () => ({ cost_dkk: "" }),
  () => ({ cost_dkk: "-5" }),
  () => ({ cost_dkk: "12abc" }),
  () => ({ cost_dkk: "0.1" }),
  () => ({ cost_dkk: "1234567890.12345" }),
  () => ({ cost_dkk: "007.50" }),
  (r) => ({ cost_dkk: (r() * 1e5).toFixed(2) }),
  () => ({ referral_source: "" }),
  () => ({ referral_source: "Nursing_Home" }),
  () => ({ referral_source: "doctor" }),
  () => ({ admission_type: "PLANLAGT" }),
  () => ({ contact_type: "indlagt" }),
  () => ({ hospital: "" }),
  () => ({ hospital: "Regionshospitalet Gødstrup" }),
  () => ({ hospital: '"Quoted, with comma"' }),
  () => ({ patient_id: " p7f3a0c21 " }),
  () => ({ patient_id: ["0101", "90", "1234"].join("") }),
  () => ({ patient_id: "" }),
];

function mixedFile(seed: number, n: number, delimiter: string, crlf: boolean): string {
  const r = mulberry32(seed);
  const lines: string[] = [delimiter === "," ? ADM_HEADER : ADM_HEADER.replaceAll(",", delimiter)];
  for (let i = 0; i < n; i++) {
    const roll = r();
    if (roll < 0.05 && lines.length > 1) {
      lines.push(lines[1 + Math.floor(r() * (lines.length - 1))]); // exact duplicate
      continue;
    }
    if (roll < 0.07) {
      lines.push(roll < 0.06 ? "" : "garbage;without,enough");
      continue;
    }
    const patient = `p${Math.floor(r() * n * 0.3).toString(36)}`;
    const day = 1 + Math.floor(r() * 27);
    const base: AdmRow = admRow({
      patient_id: patient,
      admitted_at: `2019-03-${String(day).padStart(2, "0")}T${String(Math.floor(r() * 24)).padStart(2, "0")}:${String(Math.floor(r() * 60)).padStart(2, "0")}`,
      discharged_at: `2019-04-${String(day).padStart(2, "0")}T08:00`,
      cost_dkk: (r() * 5e4).toFixed(Math.floor(r() * 3)),
    });
    const variant = VARIANTS[Math.floor(r() * VARIANTS.length)](r);
    const row = { ...base, ...variant };
    if (variant.patient_id === " p7f3a0c21 ") row.patient_id = ` ${patient} `;
    if (delimiter === ";") row.cost_dkk = row.cost_dkk.replace(".", ",");
    lines.push(admLine(row, delimiter));
  }
  return lines.join(crlf ? "\r\n" : "\n") + (r() < 0.5 ? "\n" : "");
}

describe("fast path = zod row path", () => {
  for (const [seed, delimiter, crlf] of [
    [1, ",", false],
    [2, ";", true],
    [3, ",", true],
    [4, ";", false],
  ] as const) {
    it(`seed ${seed}, delimiter "${delimiter}", ${crlf ? "CRLF" : "LF"}: identical tables and problems`, async () => {
      const dir = makeDataset({ "admissions.csv": mixedFile(seed, 1500, delimiter, crlf), "population.csv": populationCsv() });
      const fast = await loadDataset(dir, { maxProblemsPerCode: 100000 });
      const slow = await loadDataset(dir, { maxProblemsPerCode: 100000, fastPath: false });
      expect(snapshot(fast)).toEqual(snapshot(slow));
      const t = fast.report.tables[0];
      expect(t.rowsAccepted).toBeGreaterThan(500);
      expect(t.rowsRejected).toBeGreaterThan(100);
      expect(t.duplicates).toBeGreaterThan(10);
      expect(t.rowsRead).toBe(t.rowsAccepted + t.rowsRejected + t.duplicates);
      // The fast path took the plain rows; the unusual and bad ones went to the row path.
      expect(t.rowPathRows).toBeGreaterThan(t.rowsRejected - 1);
      expect(t.rowPathRows).toBeLessThan(t.rowsRead * 0.8);
      expect(slow.report.tables[0].rowPathRows).toBeUndefined();
    });
  }

  it("also through .csv.gz", async () => {
    const text = mixedFile(9, 800, ",", false);
    const a = await loadDataset(makeDataset({ "admissions.csv.gz": text, "population.csv": populationCsv() }));
    const b = await loadDataset(makeDataset({ "admissions.csv": text, "population.csv": populationCsv() }), { fastPath: false });
    const sa = snapshot(a) as { cols: unknown; report: { problems: { message: string }[] } };
    const sb = snapshot(b) as typeof sa;
    expect(sa.cols).toEqual(sb.cols);
    expect(sa.report.problems.map((p) => p.message.replace("admissions.csv.gz", "admissions.csv"))).toEqual(
      sb.report.problems.map((p) => p.message),
    );
  });
});

describe("chunk boundaries", () => {
  it("tiny read chunks (5, 64, 1000 bytes: lines split across reads, reused buffer) give the same result", async () => {
    const text = "\ufeff" + mixedFile(11, 200, ";", true);
    const dir = makeDataset({ "admissions.csv": text, "population.csv": populationCsv() });
    const whole = snapshot(await loadDataset(dir, { maxProblemsPerCode: 100000 }));
    for (const chunkSize of [5, 64, 1000]) {
      const ds = await loadDataset(dir, { maxProblemsPerCode: 100000, chunkSize });
      expect(snapshot(ds), `chunkSize ${chunkSize}`).toEqual(whole);
    }
    const gz = makeDataset({ "admissions.csv.gz": text, "population.csv": populationCsv() });
    const g = await loadDataset(gz, { maxProblemsPerCode: 100000, chunkSize: 64 });
    expect((snapshot(g) as { cols: unknown }).cols).toEqual((whole as { cols: unknown }).cols);
  });
});

describe("many distinct values", () => {
  it("300 hospitals and 500 diagnoses: fast = row path", async () => {
    const r = mulberry32(5);
    const lines = [ADM_HEADER];
    for (let i = 0; i < 1200; i++) {
      const dx = `${"ABCDEFGHIJKLMNOPQRSTUVWXYZ"[Math.floor(r() * 26)]}${String(Math.floor(r() * 100)).padStart(2, "0")}${Math.floor(r() * 5)}`;
      lines.push(admLine(admRow({ patient_id: `p${i}`, hospital: `Hospital ${Math.floor(r() * 300)}`, primary_diagnosis: dx })));
    }
    const dir = makeDataset({ "admissions.csv": lines.join("\n"), "population.csv": populationCsv() });
    const fast = await loadDataset(dir);
    expect(snapshot(fast)).toEqual(snapshot(await loadDataset(dir, { fastPath: false })));
    expect(fast.contacts.hospitals.length).toBeGreaterThan(250);
    expect(fast.contacts.length).toBe(1200);
  });
});
