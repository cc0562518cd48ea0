/**
 * The dataset cache's second check of its inputs (docs/cache.md, "When the content is not hashed
 * again"): an input file whose device, inode and change time are the ones recorded when it was
 * hashed — and that were settled then — is not hashed again; every other file is. A file written
 * in place with its size and modification time put back has a new change time, so it is hashed
 * and not served; a file whose change time moved without a change of content (chmod) is hashed and
 * served.
 */

import { chmodSync, readFileSync, statSync, utimesSync, writeFileSync, mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { setTimeout as sleep } from "node:timers/promises";
import { beforeAll, describe, expect, it } from "vitest";
import { loadDataset } from "../../src/io/index.js";
import { fileChange, SETTLE_MS } from "../../src/io/cache/fileChange.js";
import { unchangedSinceHashed, type FileFingerprint } from "../../src/io/cache/inputFingerprint.js";
import { generateToMemory } from "../../src/generate/index.js";
import { makeDataset } from "./helpers.js";

const freshCache = () => mkdtempSync(join(tmpdir(), "klynge-cache-"));

// Where the temporary folder's file system keeps no trusted change time (not Linux, a network or
// FUSE file system), every read hashes: the tests of the change path do not apply there.
const probe = join(mkdtempSync(join(tmpdir(), "klynge-probe-")), "x.csv");
writeFileSync(probe, "x");
const trusted = fileChange(probe, Date.now()).change !== "";

let files: Record<string, string>;
beforeAll(async () => {
  files = (await generateToMemory({ seed: 61, fraction: 0.005, years: [2021, 2022] })).files;
});

describe("fileChange", () => {
  it.skipIf(!trusted)("is settled only when the change time lies SETTLE_MS before the status was taken, and moves with every write", () => {
    const path = join(mkdtempSync(join(tmpdir(), "klynge-change-")), "a.csv");
    writeFileSync(path, "abc");
    const now = Date.now();
    const a = fileChange(path, now);
    expect(a.change).toMatch(/^\d+:\d+:\d+$/);
    expect(a.settled).toBe(false);
    expect(fileChange(path, now + SETTLE_MS + 50).settled).toBe(true);
    const t = statSync(path).mtime;
    writeFileSync(path, "abd");
    utimesSync(path, t, t);
    expect(fileChange(path, Date.now()).change).not.toBe(a.change);
  });
});

describe("unchangedSinceHashed", () => {
  const f = (over: Partial<FileFingerprint>): FileFingerprint => ({ name: "admissions.csv", size: 10, mtimeMs: 5, sha256: "ab", change: "1:2:3", settled: true, ...over });
  it("reuses the recorded hashes only when every file has its settled recorded change identity", () => {
    const now = [f({ sha256: "", settled: false })];
    expect(unchangedSinceHashed([f({})], now)).toEqual([f({})]);
    expect(unchangedSinceHashed([f({ settled: false })], now)).toBeNull();
    expect(unchangedSinceHashed([f({ change: "1:2:4" })], now)).toBeNull();
    expect(unchangedSinceHashed([f({ change: "" })], [f({ change: "" })])).toBeNull();
    // An entry written before the change identity was recorded.
    expect(unchangedSinceHashed([{ name: "admissions.csv", size: 10, mtimeMs: 5, sha256: "ab" }], now)).toBeNull();
    expect(unchangedSinceHashed([f({ mtimeMs: 6 })], now)).toBeNull();
    expect(unchangedSinceHashed([f({}), f({ name: "population.csv" })], [now[0], f({ name: "population.csv", change: "9:9:9" })])).toBeNull();
  });
});

describe("dataset cache: inputs checked by their change identity", () => {
  it.skipIf(!trusted)("skips the hash for settled, unchanged files and never serves a file written in place", async () => {
    const dir = makeDataset(files);
    const cacheDir = freshCache();
    const path = join(dir, "admissions.csv");
    utimesSync(path, 1_700_000_000, 1_700_000_000); // whole seconds, so that the time can be put back exactly
    await sleep(SETTLE_MS + 100); // the files' change times settle
    const first = await loadDataset(dir, { cache: true, cacheDir });
    expect(first.report.cache?.status).toBe("written");
    const second = await loadDataset(dir, { cache: true, cacheDir });
    expect(second.report.cache).toMatchObject({ status: "read", checkedBy: "change" });

    // Mode changed, content not: the change time moves, the content is hashed again and matches.
    chmodSync(path, 0o640);
    const third = await loadDataset(dir, { cache: true, cacheDir });
    expect(third.report.cache).toMatchObject({ status: "read", checkedBy: "content" });

    // One diagnosis changed to another of the same length, the modification time put back.
    const st = statSync(path);
    const text = readFileSync(path, "utf8");
    const changed = text.replace(/,([A-Z]\d\d)\.(\d),/, (_m, a: string, b: string) => `,${a}.${b === "9" ? "8" : "9"},`);
    expect(changed).not.toBe(text);
    expect(changed.length).toBe(text.length);
    const writtenAt = Date.now();
    writeFileSync(path, changed);
    utimesSync(path, 1_700_000_000, 1_700_000_000);
    expect(statSync(path).mtimeMs).toBe(st.mtimeMs);
    const fourth = await loadDataset(dir, { cache: true, cacheDir });
    const fourthDone = Date.now();
    expect(fourth.report.cache).toMatchObject({ status: "written", reason: "replaced" });
    // Written just now, the file's change time was not settled when the fourth load began (unless
    // that load began SETTLE_MS after the write, on a stalled machine): the entry records that, and
    // the next read hashes the content.
    const fifth = await loadDataset(dir, { cache: true, cacheDir });
    expect(fifth.report.cache).toMatchObject({ status: "read" });
    if (fourthDone - writtenAt < SETTLE_MS) expect(fifth.report.cache?.checkedBy).toBe("content");
    expect(fifth.contacts.length).toBe(fourth.contacts.length);
  });
});
