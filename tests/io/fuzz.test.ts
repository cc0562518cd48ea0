/**
 * Fuzz: thousands of random and mutated rows and whole files (truncated, latin1, binary garbage,
 * huge fields, deleted delimiters, stray quotes and line breaks). The loader never throws (only a
 * DatasetError would be allowed), never loses count of a row (rowsRead = accepted + rejected +
 * duplicates = the number of non-empty data lines), and the fast path agrees with the row path.
 */

import { describe, expect, it } from "vitest";
import { loadDataset } from "../../src/io/loadDataset.js";
import { isDatasetError } from "../../src/io/datasetError.js";
import type { Dataset } from "../../src/contract/dataset.js";
import { ADM_HEADER, admLine, admRow, makeDataset, mulberry32, populationCsv, snapshot } from "./helpers.js";

/** Non-empty lines after the first, counted independently of the loader (line = up to "\n", one "\r" stripped). */
function dataLines(bytes: Buffer): number {
  if (bytes.length === 0) return 0;
  const lines = bytes.toString("latin1").split("\n");
  if (lines[lines.length - 1] === "") lines.pop();
  let n = 0;
  for (let i = 1; i < lines.length; i++) {
    const l = lines[i].endsWith("\r") ? lines[i].slice(0, -1) : lines[i];
    if (l.length > 0) n++;
  }
  return n;
}

const ALPHABET = 'abcXYZ019-:T ,;"\r\n\t.+æøå\u0000\u00ff';

function randomText(r: () => number, maxLen: number): string {
  const n = Math.floor(r() * maxLen);
  let s = "";
  for (let i = 0; i < n; i++) s += ALPHABET[Math.floor(r() * ALPHABET.length)];
  return s;
}

function mutateRow(r: () => number, line: string): string {
  const op = Math.floor(r() * 8);
  const pos = Math.floor(r() * (line.length + 1));
  switch (op) {
    case 0:
      return line.replace(/,/, ""); // delete a delimiter
    case 1:
      return line.slice(0, pos) + randomText(r, 6) + line.slice(pos);
    case 2:
      return line.slice(0, pos);
    case 3:
      return line.slice(0, pos) + '"' + line.slice(pos);
    case 4:
      return line.slice(0, pos) + "x".repeat(20000 + Math.floor(r() * 20000)) + line.slice(pos); // huge field
    case 5: {
      const f = line.split(",");
      f[Math.floor(r() * f.length)] = randomText(r, 12);
      return f.join(",");
    }
    case 6:
      return randomText(r, 80);
    default:
      return line;
  }
}

function randomFile(seed: number): Buffer {
  const r = mulberry32(seed);
  const lines: string[] = [r() < 0.1 ? mutateRow(r, ADM_HEADER) : ADM_HEADER];
  const n = 5 + Math.floor(r() * 60);
  for (let i = 0; i < n; i++) {
    const good = admLine(
      admRow({
        patient_id: `p${Math.floor(r() * 20).toString(36)}`,
        admitted_at: `2019-0${1 + Math.floor(r() * 9)}-1${Math.floor(r() * 9)}T0${Math.floor(r() * 9)}:30`,
        discharged_at: r() < 0.2 ? "" : "2019-11-01T10:00",
      }),
    );
    lines.push(r() < 0.5 ? good : mutateRow(r, good));
    if (r() < 0.05) lines.push(lines[lines.length - 1]);
  }
  let text = lines.join(r() < 0.3 ? "\r\n" : "\n");
  if (r() < 0.2) text = "\ufeff" + text;
  let bytes = Buffer.from(text, r() < 0.15 ? "latin1" : "utf8");
  const whole = r();
  if (whole < 0.1) bytes = bytes.subarray(0, Math.floor(r() * bytes.length)); // truncated
  else if (whole < 0.15) bytes = Buffer.from(Array.from({ length: Math.floor(r() * 3000) }, () => Math.floor(r() * 256))); // binary garbage
  else if (whole < 0.2) {
    const b = Buffer.from(bytes);
    for (let i = 0; i < 20; i++) b[Math.floor(r() * b.length)] = Math.floor(r() * 256); // flipped bytes
    bytes = b;
  }
  return bytes;
}

function checkCounts(ds: Dataset): void {
  for (const t of ds.report.tables) expect(t.rowsRead).toBe(t.rowsAccepted + t.rowsRejected + t.duplicates);
  const a = ds.report.tables[0];
  expect(ds.contacts.length).toBe(a.rowsAccepted);
}

describe("fuzz", () => {
  it("300 random and mutated admissions files (~10,000 rows): no throw, every row counted, fast = row path", async () => {
    let rows = 0;
    for (let seed = 1; seed <= 300; seed++) {
      const bytes = randomFile(seed);
      const dir = makeDataset({ "admissions.csv": bytes, "population.csv": populationCsv() });
      let ds: Dataset;
      try {
        ds = await loadDataset(dir);
      } catch (e) {
        expect(isDatasetError(e), `seed ${seed}: ${String(e)}`).toBe(true);
        continue;
      }
      checkCounts(ds);
      expect(ds.report.tables[0].rowsRead, `seed ${seed}`).toBe(dataLines(bytes));
      rows += ds.report.tables[0].rowsRead;
      if (seed % 5 === 0) {
        const slow = await loadDataset(dir, { fastPath: false });
        expect(snapshot(ds), `seed ${seed}`).toEqual(snapshot(slow));
      }
    }
    expect(rows).toBeGreaterThan(9000);
  });

  it("strict mode throws only DatasetError", async () => {
    for (let seed = 1000; seed < 1040; seed++) {
      const dir = makeDataset({ "admissions.csv": randomFile(seed), "population.csv": populationCsv() });
      try {
        await loadDataset(dir, { strict: true });
      } catch (e) {
        expect(isDatasetError(e)).toBe(true);
      }
    }
  });

  it("mutated population, small tables and gzip (truncated and garbage)", async () => {
    const r = mulberry32(77);
    for (let i = 0; i < 60; i++) {
      const pop = populationCsv()
        .split("\n")
        .map((l, j) => (j > 0 && r() < 0.3 ? mutateRow(r, l) : l))
        .join(r() < 0.5 ? "\n" : "\r\n");
      const gz = Buffer.from(randomFile(5000 + i));
      const files: Record<string, string | Buffer> = {
        "population.csv": pop,
        "deaths.csv": "patient_id,died_at\n" + randomText(r, 200),
        "sector_costs.csv": "year,municipality_code,sector,age_group,cost_dkk\n" + mutateRow(r, "2019,751,hospital,,5"),
        "experience.csv": randomText(r, 300),
        "admissions.csv.gz": gz,
      };
      const dir = makeDataset(files);
      if (i % 2 === 0) {
        // A corrupt gzip stream: cut it in the middle.
        const { readFileSync, writeFileSync } = await import("node:fs");
        const p = `${dir}/admissions.csv.gz`;
        const b = readFileSync(p);
        writeFileSync(p, b.subarray(0, Math.max(1, Math.floor(b.length * r()))));
      }
      const ds = await loadDataset(dir);
      checkCounts(ds);
      const popReport = ds.report.tables.find((t) => t.file === "population.csv")!;
      expect(popReport.rowsRead).toBe(dataLines(Buffer.from(pop)));
    }
  });
});
