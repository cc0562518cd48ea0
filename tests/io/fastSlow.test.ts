/**
 * The byte-level fast path and the zod row path must give identical tables and identical
 * problems on the same files (one source of truth for the field rules).
 */

import { describe, expect, it } from "vitest";
import { loadDataset } from "../../src/io/loadDataset.js";
import { ADM_HEADER, admLine, admRow, makeDataset, mulberry32, populationCsv, snapshot } from "./helpers.js";
import { mixedFile } from "./mixedAdmissions.js";

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
