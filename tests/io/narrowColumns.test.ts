/**
 * The contact table's birth date, hospital, diagnosis and cost columns in their narrow types
 * (issue 16, peak memory): Int16Array, Int16Array, Uint16Array and Float32Array while every value
 * fits, widened to Int32Array / Float64Array — earlier rows kept exactly — as soon as one does
 * not; on the row path, through the parser threads' merge and through the cache.
 */

import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { ContactBuilder } from "../../src/io/contactBuilder.js";
import { loadDataset } from "../../src/io/loadDataset.js";
import { ADM_HEADER, admLine, admRow, makeDataset, populationCsv } from "./helpers.js";

/** Push row k with the given hospital, diagnosis and cost (birth date 10000 + k unless given; other columns from k). */
function push(b: ContactBuilder, k: number, hospital: number, diagnosis: number, cost: number, birth = 10000 + k): void {
  b.push(k, birth, 1 + (k % 2), 751, hospital, 25000000 + k, 25000100 + k, k % 2, 1, diagnosis, -1, cost, k + 2);
}

describe("ContactBuilder", () => {
  it("keeps the narrow types while every value fits (NaN, halves and whole kroner below 2^24 do)", () => {
    const b = new ContactBuilder(4);
    push(b, 0, -1, 0, NaN, -32768);
    push(b, 1, 32767, 65535, 0.5, 32767);
    push(b, 2, 5, 7, 16777216);
    push(b, 3, 5, 7, -0);
    const t = b.finish();
    expect([t.birthDate.constructor, t.hospital.constructor, t.diagnosis.constructor, t.cost.constructor]).toEqual([Int16Array, Int16Array, Uint16Array, Float32Array]);
    expect(Array.from(t.birthDate)).toEqual([-32768, 32767, 10002, 10003]);
    expect(Array.from(t.hospital)).toEqual([-1, 32767, 5, 5]);
    expect(Array.from(t.diagnosis)).toEqual([0, 65535, 7, 7]);
    expect(Array.from(t.cost)).toEqual([NaN, 0.5, 16777216, -0]);
  });

  it("widens a column at the first value it cannot hold, earlier rows kept exactly (also after growing)", () => {
    const b = new ContactBuilder(2);
    for (let k = 0; k < 5; k++) push(b, k, k - 1, k, 1000 * k + 0.25);
    push(b, 5, 32768, 3, 7);
    expect(b.hospital).toBeInstanceOf(Int32Array);
    expect(b.diagnosis).toBeInstanceOf(Uint16Array);
    push(b, 6, 2, 65536, 16777217);
    expect(b.birthDate).toBeInstanceOf(Int16Array);
    push(b, 7, 7, 7, 1234.56, -32769);
    push(b, 8, 8, 8, 1234.56);
    const t = b.finish();
    expect([t.birthDate.constructor, t.hospital.constructor, t.diagnosis.constructor, t.cost.constructor]).toEqual([Int32Array, Int32Array, Int32Array, Float64Array]);
    expect(Array.from(t.birthDate)).toEqual([10000, 10001, 10002, 10003, 10004, 10005, 10006, -32769, 10008]);
    expect(Array.from(t.hospital)).toEqual([-1, 0, 1, 2, 3, 32768, 2, 7, 8]);
    expect(Array.from(t.diagnosis)).toEqual([0, 1, 2, 3, 4, 3, 65536, 7, 8]);
    expect(Array.from(t.cost)).toEqual([0.25, 1000.25, 2000.25, 3000.25, 4000.25, 7, 16777217, 1234.56, 1234.56]);
  });

  it("a builder for course prices keeps a Float64Array cost column from the start", () => {
    const b = new ContactBuilder(2, false, true);
    push(b, 0, 0, 0, 1);
    expect(b.finish().cost).toBeInstanceOf(Float64Array);
  });

  it("widens before rows of a wider source are appended, and before indexes beyond its types are written", () => {
    const src = new ContactBuilder(2);
    push(src, 0, 40000, 70000, 0.1, 40000);
    const b = new ContactBuilder(2);
    push(b, 0, 1, 1, 1);
    b.appendRows(src, 0, 1, 10);
    const t = b.finish();
    expect(Array.from(t.birthDate)).toEqual([10000, 40000]);
    expect(Array.from(t.hospital)).toEqual([1, 40000]);
    expect(Array.from(t.diagnosis)).toEqual([1, 70000]);
    expect(Array.from(t.cost)).toEqual([1, 0.1]);
    expect(t.sourceLine[1]).toBe(12);
    const c = new ContactBuilder(2);
    c.reserveIndexes(32768, 65536);
    expect([c.hospital.constructor, c.diagnosis.constructor]).toEqual([Int16Array, Uint16Array]);
    c.reserveIndexes(32769, 65537);
    expect([c.hospital.constructor, c.diagnosis.constructor]).toEqual([Int32Array, Int32Array]);
  });
});

describe("loadDataset", () => {
  it("a file whose values fit gives the narrow columns; the cache gives them back", async () => {
    const lines = [0, 1, 2].map((k) => admLine(admRow({ patient_id: `pq${k}x`, cost_dkk: `${31250 + k}`, hospital: k === 2 ? "" : "Aarhus" })));
    const dir = makeDataset({ "admissions.csv": [ADM_HEADER, ...lines].join("\n") + "\n", "population.csv": populationCsv() });
    const cacheDir = mkdtempSync(join(tmpdir(), "klynge-narrow-"));
    for (const cache of [false, true, true]) {
      const c = (await loadDataset(dir, { cache, cacheDir })).contacts;
      expect([c.birthDate.constructor, c.hospital.constructor, c.diagnosis.constructor, c.cost.constructor]).toEqual([Int16Array, Int16Array, Uint16Array, Float32Array]);
      expect([Array.from(c.hospital), Array.from(c.cost)]).toEqual([[0, 0, -1], [31250, 31251, 31252]]);
    }
  });

  it("33,000 hospitals, 66,000 diagnoses, one cost in øre and one birth in 1870: the wide columns, the same with one and two parser threads and from the cache", async () => {
    const letters = "ABCEFGHIJKLMNOPQRSTUVWXYZ";
    const n = 66_000;
    const lines: string[] = [];
    for (let k = 0; k < n; k++) {
      const digits = String(Math.floor(k / letters.length)).padStart(5, "0");
      lines.push(
        admLine(
          admRow({
            patient_id: `pz${k.toString(36)}`,
            hospital: `H${k % 33_000}`,
            primary_diagnosis: `${letters[k % letters.length]}${digits.slice(0, 2)}.${digits.slice(2)}`,
            cost_dkk: k === n - 1 ? "1234.56" : String(1000 + k),
            birth_date: k === n - 1 ? "1870-01-01" : "1940-05-17",
          }),
        ),
      );
    }
    const dir = makeDataset({ "admissions.csv": [ADM_HEADER, ...lines].join("\n") + "\n", "population.csv": populationCsv() });
    const cacheDir = mkdtempSync(join(tmpdir(), "klynge-wide-"));
    const loads = [
      await loadDataset(dir, { workers: 1, cache: false }),
      await loadDataset(dir, { workers: 2, chunkSize: 256 * 1024, cache: true, cacheDir }),
      await loadDataset(dir, { workers: 2, chunkSize: 256 * 1024, cache: true, cacheDir }),
    ];
    expect(loads.map((d) => d.report.cache?.status)).toEqual(["off", "written", "read"]);
    const first = loads[0].contacts;
    expect([first.length, first.hospitals.length, first.diagnoses.length]).toEqual([n, 33_000, n]);
    for (const ds of loads) {
      const c = ds.contacts;
      expect([c.birthDate.constructor, c.hospital.constructor, c.diagnosis.constructor, c.cost.constructor]).toEqual([Int32Array, Int32Array, Int32Array, Float64Array]);
      expect([c.birthDate[0], c.birthDate[n - 1]]).toEqual([-10821, -36524]);
      expect(Array.from(c.hospital)).toEqual(Array.from(first.hospital));
      expect(Array.from(c.diagnosis)).toEqual(Array.from(first.diagnosis));
      expect([c.hospitals[c.hospital[n - 1]], c.diagnoses[c.diagnosis[n - 1]], c.cost[n - 1], c.cost[n - 2]]).toEqual(["H32999", first.diagnoses[n - 1], 1234.56, 1000 + n - 2]);
    }
  }, 60_000);
});
