/**
 * The parallel loader (issue 16, "both cores in the loader"): with 2 or 3 parser threads the
 * dataset — every column, every dictionary, the counts and every problem with its line and
 * column — is the one the one-thread reader gives, on generated data and on files full of
 * unusual lines; and any failure of a thread falls back to one thread.
 */

import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Worker } from "node:worker_threads";
import { beforeAll, describe, expect, it, vi } from "vitest";
import { generateDataset } from "../../src/generate/index.js";
import { admissionsSpec } from "../../src/io/admissionsReader.js";
import { ContactBuilder } from "../../src/io/contactBuilder.js";
import { DatasetError } from "../../src/io/datasetError.js";
import { loadDataset, type LoadOptions } from "../../src/io/loadDataset.js";
import { layoutFile } from "../../src/io/parallel/lineRanges.js";
import { readAdmissionsInParallel } from "../../src/io/parallel/parallelAdmissions.js";
import { AUTO_PARALLEL_BYTES, autoWorkers, workerCount } from "../../src/io/parallel/workerCount.js";
import { ProblemLog } from "../../src/io/problemLog.js";
import { ADM_HEADER, admLine, admRow, cprShaped, makeDataset, populationCsv } from "./helpers.js";
import { mixedFile } from "./mixedAdmissions.js";
import type { Dataset } from "../../src/contract/dataset.js";

// A switch to make every parser thread fail at start (the fallback test); off otherwise.
const failing = vi.hoisted(() => ({ on: false }));
vi.mock("../../src/io/parallel/workerFile.js", async (importOriginal) => {
  const real = await importOriginal<typeof import("../../src/io/parallel/workerFile.js")>();
  return {
    startRangeWorker: (data: unknown) => (failing.on ? new Worker("throw new Error('no thread today')", { eval: true }) : real.startRangeWorker(data)),
  };
});

/** Everything a load gives, as plain data (including rowPathRows: the threads hand over exactly the lines the one-thread fast path does). */
function picture(ds: Dataset): unknown {
  const c = ds.contacts;
  const cols = Object.fromEntries(Object.entries(c).map(([k, v]) => [k, ArrayBuffer.isView(v) ? Array.from(v as unknown as ArrayLike<number>) : Array.isArray(v) ? [...(v as string[])] : v]));
  return { cols, report: ds.report, population: Array.from(ds.population.count) };
}

const ALL = 1_000_000;

/** Load `dir` with 1, 2 and 3 threads (small ranges, so a file has many) and expect the same dataset. */
async function expectSameWithThreads(dir: string, options: LoadOptions = {}): Promise<Dataset> {
  const one = await loadDataset(dir, { maxProblemsPerCode: ALL, ...options, workers: 1 });
  const expected = picture(one);
  for (const workers of [2, 3]) {
    const ds = await loadDataset(dir, { maxProblemsPerCode: ALL, ...options, workers });
    expect(picture(ds), `workers ${workers}`).toEqual(expected);
  }
  return one;
}

/** Whether the parallel reader itself takes the file on (rather than leaving it to one thread). */
async function readsInParallel(path: string, chunkSize: number): Promise<boolean> {
  const log = new ProblemLog(ALL);
  const rows = { builder: new ContactBuilder(16), rowPath: () => () => undefined };
  const read = await readAdmissionsInParallel(path, admissionsSpec("admissions.csv"), rows, log, { municipalities: undefined, allowCprLikeIds: false, workers: 2, chunkSize });
  return read !== null;
}

describe("generated data", () => {
  let dir = "";
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), "klynge-parallel-"));
    await generateDataset({ outDir: dir, seed: 3, scale: "region", years: [2021, 2021], fraction: 0.05, gzip: false });
  });

  it("identical with 1, 2 and 3 threads (64 KiB ranges)", async () => {
    const ds = await expectSameWithThreads(dir, { chunkSize: 64 * 1024 });
    expect(ds.contacts.length).toBeGreaterThan(5000);
    expect(await readsInParallel(join(dir, "admissions.csv"), 64 * 1024)).toBe(true);
  });

  it("identical with the default ranges (a file smaller than one range is read on one thread)", async () => {
    await expectSameWithThreads(dir);
    expect(await readsInParallel(join(dir, "admissions.csv"), 8 * 1024 * 1024)).toBe(false);
  });
});

describe("unusual lines", () => {
  for (const [seed, delimiter, crlf] of [
    [21, ",", false],
    [22, ";", true],
    [23, ",", true],
  ] as const) {
    it(`seed ${seed}, "${delimiter}", ${crlf ? "CRLF" : "LF"}: quoted fields, bad rows, duplicates, blank lines — same table and messages`, async () => {
      const path = (d: string): string => join(d, "admissions.csv");
      const dir = makeDataset({ "admissions.csv": mixedFile(seed, 3000, delimiter, crlf), "population.csv": populationCsv() });
      const ds = await expectSameWithThreads(dir, { chunkSize: 4096 });
      const t = ds.report.tables[0];
      expect(t.rowsRejected).toBeGreaterThan(100);
      expect(t.duplicates).toBeGreaterThan(10);
      expect(ds.report.problems.filter((p) => p.line !== null && p.column !== null).length).toBeGreaterThan(100);
      expect(await readsInParallel(path(dir), 4096)).toBe(true);
    });
  }

  it("repeated header lines, a byte-order mark, person-number-shaped ids and a last line without a line break", async () => {
    const lines = [];
    for (let i = 0; i < 400; i++) {
      lines.push(admLine(admRow({ patient_id: `p${i % 97}`, admitted_at: `2019-03-${String(1 + (i % 27)).padStart(2, "0")}T10:${String(i % 60).padStart(2, "0")}` })));
      if (i % 150 === 149) lines.push(ADM_HEADER);
      if (i === 200) lines.push(admLine(admRow({ patient_id: cprShaped(true) })));
    }
    const dir = makeDataset({ "admissions.csv": "\ufeff" + [ADM_HEADER, ...lines].join("\n"), "population.csv": populationCsv() });
    const ds = await expectSameWithThreads(dir, { chunkSize: 2000 });
    expect(ds.report.problemCounts["header_repeated"]).toBe(2);
    expect(ds.report.problemCounts["cpr_like_id"]).toBe(1);
    expect(await readsInParallel(join(dir, "admissions.csv"), 2000)).toBe(true);
  });

  it("a range boundary inside a quoted field: the cut moves to the line's end", async () => {
    const lines = [ADM_HEADER];
    for (let i = 0; i < 300; i++) lines.push(admLine(admRow({ patient_id: `q${i}`, hospital: i === 150 ? '"Hospital, with ""comma"""' : "Aarhus Universitetshospital" })));
    const text = lines.join("\n") + "\n";
    const dir = makeDataset({ "admissions.csv": text, "population.csv": populationCsv() });
    const path = join(dir, "admissions.csv");
    const bodyStart = text.indexOf("\n") + 1;
    const inQuote = text.indexOf('"Hospital, with') + 5;
    const chunkSize = inQuote - bodyStart;
    const layout = await layoutFile(path, admissionsSpec("admissions.csv"), chunkSize, 1 << 20);
    expect(layout).not.toBeNull();
    const cut = layout!.ranges[0].end;
    expect(cut).toBe(text.indexOf("\n", inQuote) + 1);
    expect(layout!.ranges.length).toBe(2);
    const ds = await expectSameWithThreads(dir, { chunkSize });
    expect(ds.contacts.hospitals).toContain('Hospital, with "comma"');
    expect(await readsInParallel(path, chunkSize)).toBe(true);
  });

  it("an empty file, a header only, and a file of one line", async () => {
    for (const content of ["", ADM_HEADER + "\n", ADM_HEADER + "\n" + admLine(admRow()) + "\n"]) {
      const dir = makeDataset({ "admissions.csv": content, "population.csv": populationCsv() });
      await expectSameWithThreads(dir, { chunkSize: 16 });
    }
  });
});

describe("fallback and option", () => {
  it("a thread that fails: the file is read on one thread, with the same result", async () => {
    const dir = makeDataset({ "admissions.csv": mixedFile(31, 1500, ",", false), "population.csv": populationCsv() });
    const one = picture(await loadDataset(dir, { maxProblemsPerCode: ALL, workers: 1 }));
    failing.on = true;
    try {
      expect(await readsInParallel(join(dir, "admissions.csv"), 4096)).toBe(false);
      const ds = await loadDataset(dir, { maxProblemsPerCode: ALL, workers: 2, chunkSize: 4096 });
      expect(picture(ds)).toEqual(one);
    } finally {
      failing.on = false;
    }
  });

  it("a range that is not UTF-8: one thread reads the file and reports the encoding as before", async () => {
    const head = Buffer.from(mixedFile(32, 800, ",", false), "utf8");
    const latin = Buffer.from(admLine(admRow({ hospital: "Regionshospitalet G\u00f8dstrup" })) + "\n", "latin1");
    const dir = makeDataset({ "admissions.csv": Buffer.concat([head, latin, Buffer.from(admLine(admRow({ patient_id: "late" })) + "\n")]), "population.csv": populationCsv() });
    const ds = await expectSameWithThreads(dir, { chunkSize: 4096 });
    expect(ds.report.problemCounts["decoded_windows_1252"]).toBe(1);
    expect(await readsInParallel(join(dir, "admissions.csv"), 4096)).toBe(false);
  });

  it("a .csv.gz file is read on one thread", async () => {
    const dir = makeDataset({ "admissions.csv.gz": mixedFile(33, 600, ",", true), "population.csv": populationCsv() });
    await expectSameWithThreads(dir, { chunkSize: 4096 });
  });

  it("workers and KLYNGE_WORKERS are validated; unset, the file size decides", async () => {
    expect(workerCount(undefined, undefined)).toBeUndefined();
    expect(workerCount(undefined, " ")).toBeUndefined();
    // unset: two threads for a plain file from 512 MiB on, given two cores
    expect(autoWorkers(AUTO_PARALLEL_BYTES, 2)).toBe(2);
    expect(autoWorkers(AUTO_PARALLEL_BYTES - 1, 2)).toBe(1);
    expect(autoWorkers(AUTO_PARALLEL_BYTES, 1)).toBe(1);
    expect(autoWorkers(null, 8)).toBe(1);
    expect(workerCount(undefined, "3")).toBe(3);
    expect(workerCount(2, "3")).toBe(2);
    for (const bad of [0, 1.5, -1, 17, Number.NaN]) expect(() => workerCount(bad, undefined)).toThrow(DatasetError);
    expect(() => workerCount(undefined, "two")).toThrow(DatasetError);
    await expect(loadDataset("no-such-dir", { workers: 0 })).rejects.toThrow(DatasetError);
  });
});

