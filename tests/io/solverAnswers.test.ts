/**
 * The solver's answers kept beside a dataset cache entry (src/io/cache/solverAnswerFile.ts,
 * src/indicators/keptSolverAnswers.ts): a later process decides the same suppression from them
 * without solving, with the same rows; a damaged file is not used; a file klynge did not write is
 * neither read nor replaced; they go with their entry.
 */
import { existsSync, mkdtempSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import type { Dataset } from "../../src/contract/dataset.js";
import { computeIndicators } from "../../src/indicators/index.js";
import { clearLpStore, lpAnswersSince, lpLogMark } from "../../src/indicators/lpResultCache.js";
import { lpWarmRequests } from "../../src/indicators/lpWorker.js";
import { keptAnswerCount } from "../../src/indicators/keptSolverAnswers.js";
import type { LpAnswer } from "../../src/indicators/lpResultCache.js";
import { clearCache } from "../../src/io/cache/cacheFolder.js";
import { answerFileOf, decodeAnswers, readAnswerFile, writeAnswerFile } from "../../src/io/cache/solverAnswerFile.js";
import { loadDataset } from "../../src/io/index.js";
import { generateToMemory } from "../../src/generate/index.js";
import { makeDataset } from "./helpers.js";

let files: Record<string, string>;
beforeAll(async () => {
  files = (await generateToMemory({ seed: 16, fraction: 0.02, years: [2021, 2022] })).files;
});

const freshCache = () => mkdtempSync(join(tmpdir(), "klynge-answers-"));

/** The indicator rows as a fresh process would decide them, and how many systems it solved. */
function decideFresh(ds: Dataset): { rows: unknown; solved: number } {
  clearLpStore();
  const mark = lpLogMark();
  const rows = computeIndicators(ds, {});
  return { rows, solved: (lpAnswersSince(mark) as readonly LpAnswer[]).length };
}

async function cachedPair() {
  const dir = makeDataset(files);
  const cacheDir = freshCache();
  const written = await loadDataset(dir, { cache: true, cacheDir });
  const answers = answerFileOf(written.report.cache?.file as string) as string;
  return { dir, cacheDir, written, answers };
}

describe("solver answers kept with the dataset cache", () => {
  it("are written beside the entry, and a fresh process decides from them without solving, with the same rows", async () => {
    const { dir, cacheDir, written, answers } = await cachedPair();
    expect(answers).toBe((written.report.cache?.file as string).replace(/\.klc$/, ".kla"));
    const first = decideFresh(written);
    expect(first.solved).toBeGreaterThan(0); // this dataset needs the solver, so the file can matter
    expect(readAnswerFile(answers).length).toBe(first.solved);
    expect(statSync(answers).mode & 0o077).toBe(0);

    const read = await loadDataset(dir, { cache: true, cacheDir });
    expect(read.report.cache?.status).toBe("read");
    // with answers kept, the solver's threads are not started ahead of the decision
    const warmed = lpWarmRequests();
    const again = decideFresh(read);
    expect(keptAnswerCount(read)).toBe(first.solved);
    expect(lpWarmRequests()).toBe(warmed);
    expect(again.solved).toBe(0);
    expect(again.rows).toEqual(first.rows);

    // without the cache: no file is used, the same systems are solved, the same rows come out
    const plain = await loadDataset(dir, { cache: false });
    expect(keptAnswerCount(plain)).toBe(0);
    const uncached = decideFresh(plain);
    expect(lpWarmRequests()).toBe(warmed + 1); // no answers: started ahead
    expect(uncached.solved).toBe(first.solved);
    expect(uncached.rows).toEqual(first.rows);
  });

  it("are not used when the file is damaged (and it is then written anew), nor read or replaced when klynge did not write it", async () => {
    const { written, answers } = await cachedPair();
    const first = decideFresh(written);
    const bytes = readFileSync(answers);
    bytes[bytes.length - 20] ^= 0x40; // one bit of an answer's bound
    writeFileSync(answers, bytes);
    expect(readAnswerFile(answers)).toEqual([]);
    const damaged = decideFresh(written);
    expect(damaged.solved).toBe(first.solved);
    expect(damaged.rows).toEqual(first.rows);
    expect(readAnswerFile(answers).length).toBe(first.solved);

    writeFileSync(answers, "mine");
    const foreign = decideFresh(written);
    expect(foreign.solved).toBe(first.solved);
    expect(foreign.rows).toEqual(first.rows);
    expect(readFileSync(answers, "utf8")).toBe("mine");
  });

  it("go with their entry: replaced inputs and cache clear remove them, and nothing else", async () => {
    const { dir, cacheDir, written, answers } = await cachedPair();
    decideFresh(written);
    expect(existsSync(answers)).toBe(true);
    writeFileSync(join(dir, "admissions.csv"), files["admissions.csv"].split("\n").slice(0, -5).join("\n"));
    const replaced = await loadDataset(dir, { cache: true, cacheDir });
    expect(replaced.report.cache).toMatchObject({ status: "written", reason: "replaced" });
    expect(existsSync(answers)).toBe(false);
    decideFresh(replaced);
    expect(existsSync(answers)).toBe(true);
    const lookalike = join(cacheDir, `${"0".repeat(32)}.kla`);
    writeFileSync(lookalike, "not klynge's");
    expect(clearCache(cacheDir)).toMatchObject({ removed: 2, foreign: 1, refusal: null });
    expect(existsSync(answers)).toBe(false);
    expect(readFileSync(lookalike, "utf8")).toBe("not klynge's");
  });
});

describe("the answer file's layout", () => {
  it("gives back every array exactly (infinite bounds, a known point, fractions) and refuses any cut or change", () => {
    const folder = freshCache();
    writeFileSync(join(folder, ".klynge-cache.json"), "{}\n");
    const path = answerFileOf(join(folder, `${"a".repeat(32)}.klc`)) as string;
    const answers: LpAnswer[] = [
      {
        set: { columns: 3, rowLower: Float64Array.of(12, -Infinity), rowUpper: Float64Array.of(12, 7.5), starts: Int32Array.of(0, 2, 3), indices: Int32Array.of(0, 1, 2), values: Float64Array.of(1, -1, 0.25) },
        minCount: 5,
        ranges: { lower: Float64Array.of(0, 0, 1.5), upper: Float64Array.of(12, Infinity, 30), programs: 4 },
      },
      {
        set: { columns: 1, rowLower: Float64Array.of(3), rowUpper: Float64Array.of(3), starts: Int32Array.of(0, 1), indices: Int32Array.of(0), values: Float64Array.of(1), point: Float64Array.of(3) },
        minCount: 10,
        ranges: { lower: Float64Array.of(3), upper: Float64Array.of(3), programs: 2 },
      },
    ];
    expect(writeAnswerFile(path, answers)).toBe(true);
    expect(readAnswerFile(path)).toEqual(answers);
    const bytes = readFileSync(path);
    expect(decodeAnswers(bytes.subarray(0, bytes.length - 1))).toBeNull();
    const changed = Buffer.from(bytes);
    changed[60] ^= 1;
    expect(decodeAnswers(changed)).toBeNull();
    // not beside an entry of a folder klynge made: no file
    expect(answerFileOf(join(freshCache(), `${"a".repeat(32)}.klc`))).toBeNull();
    expect(answerFileOf(join(folder, "data.klc"))).toBeNull();
  });
});
