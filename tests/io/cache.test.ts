/**
 * The dataset cache (issue 16; docs/cache.md): what loadDataset returns from the cache equals what
 * it reads from the files (every column, the load report, the indicator set); a changed input file
 * — also one whose size and modification time were kept — is never served from the cache; strict
 * mode still throws; klynge never overwrites or removes a file it did not write; and the CLI says
 * what it did (`indicators`, `--no-cache`, `cache clear`).
 */

import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, statSync, utimesSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import type { Dataset } from "../../src/contract/dataset.js";
import { computeIndicators } from "../../src/indicators/index.js";
import { loadDataset } from "../../src/io/index.js";
import { clearCache } from "../../src/io/cache/cacheFolder.js";
import { generateToMemory } from "../../src/generate/index.js";
import { makeDataset } from "./helpers.js";

const ROOT = join(import.meta.dirname, "..", "..");
const BIN = join(ROOT, "bin", "klynge.cjs");

/** Everything a Dataset holds, as plain values (the cache note left out). */
function picture(ds: Dataset): unknown {
  const plain = (o: object) => Object.fromEntries(Object.entries(o).map(([k, v]) => [k, ArrayBuffer.isView(v) ? Array.from(v as unknown as ArrayLike<number>) : v]));
  const { patientIds, patientOrder, ...cols } = ds.contacts;
  const { cache: _cache, ...report } = ds.report;
  return {
    contacts: plain(cols),
    patientIds: Array.from(patientIds),
    patientOrder: patientOrder ? { start: Array.from(patientOrder.start), order: Array.from(patientOrder.order) } : null,
    population: plain(ds.population),
    deaths: ds.deaths === null ? null : { died: Array.from(ds.deaths.diedOnByPatient), unmatched: ds.deaths.unmatched },
    geography: ds.geography,
    sectorCosts: ds.sectorCosts,
    experience: ds.experience,
    report,
  };
}

let files: Record<string, string>;
beforeAll(async () => {
  const g = await generateToMemory({ seed: 16, fraction: 0.01, years: [2021, 2022] });
  // Bad and duplicate rows, so that the load report has problems to keep.
  const adm = g.files["admissions.csv"].split("\n");
  adm.splice(5, 0, adm[3], adm[4].replace(/,(acute|planned),/, ",sometimes,"), "p-bad,not-a-date,F,751,,2021-01-01T10:00,,acute,inpatient,J18.9,,");
  files = { ...g.files, "admissions.csv": adm.join("\n") };
});

const freshCache = () => mkdtempSync(join(tmpdir(), "klynge-cache-"));

describe("dataset cache", () => {
  it("returns from the cache exactly what it reads from the files, and says which it did", async () => {
    const dir = makeDataset(files);
    const cacheDir = freshCache();
    const plain = await loadDataset(dir, { cache: false });
    expect(plain.report.cache).toEqual({ status: "off", reason: "option" });
    const first = await loadDataset(dir, { cache: true, cacheDir });
    expect(first.report.cache?.status).toBe("written");
    const second = await loadDataset(dir, { cache: true, cacheDir });
    expect(second.report.cache?.status).toBe("read");
    expect(second.report.cache?.file).toBe(first.report.cache?.file);
    expect(plain.report.problems.length).toBeGreaterThan(0);
    expect(plain.report.tables[0].duplicates).toBe(1);
    expect(picture(second)).toEqual(picture(plain));
    expect(picture(first)).toEqual(picture(plain));
    expect(computeIndicators(second, {})).toEqual(computeIndicators(plain, {}));
    // The entry is readable by its owner only.
    expect(statSync(second.report.cache?.file as string).mode & 0o077).toBe(0);
  });

  it("never serves a changed input file, also when its size and modification time are kept", async () => {
    const dir = makeDataset(files);
    const cacheDir = freshCache();
    const path = join(dir, "admissions.csv");
    utimesSync(path, 1_700_000_000, 1_700_000_000); // whole seconds, so that the time can be put back exactly
    await loadDataset(dir, { cache: true, cacheDir });
    const st = statSync(path);
    const text = readFileSync(path, "utf8");
    // One diagnosis changed to another of the same length, then the old time put back.
    const changed = text.replace(/,J18\.9,/, ",J15.9,");
    expect(changed).not.toBe(text);
    expect(changed.length).toBe(text.length);
    writeFileSync(path, changed);
    utimesSync(path, 1_700_000_000, 1_700_000_000);
    expect(statSync(path).mtimeMs).toBe(st.mtimeMs);
    const again = await loadDataset(dir, { cache: true, cacheDir });
    expect(again.report.cache).toMatchObject({ status: "written", reason: "replaced" });
    expect(picture(again)).toEqual(picture(await loadDataset(dir, { cache: false })));
    expect((await loadDataset(dir, { cache: true, cacheDir })).report.cache?.status).toBe("read");
    // A table added beside the others is an input too.
    writeFileSync(join(dir, "sector_costs.csv.gz"), "");
    expect((await loadDataset(dir, { cache: true, cacheDir })).report.cache?.status).toBe("written");
  });

  it("keys the entry by the load options (same folder, other options: not served)", async () => {
    const dir = makeDataset(files);
    const cacheDir = freshCache();
    await loadDataset(dir, { cache: true, cacheDir });
    const capped = await loadDataset(dir, { cache: true, cacheDir, maxProblemsPerCode: 1 });
    expect(capped.report.cache?.status).toBe("written");
    expect(picture(capped)).toEqual(picture(await loadDataset(dir, { cache: false, maxProblemsPerCode: 1 })));
    expect((await loadDataset(dir, { cache: true, cacheDir })).report.cache?.status).toBe("read");
  });

  it("throws in strict mode from the cache as from the files", async () => {
    const dir = makeDataset(files);
    const cacheDir = freshCache();
    await loadDataset(dir, { cache: true, cacheDir });
    const fromFiles = await loadDataset(dir, { cache: false, strict: true }).catch((e: Error) => e.message);
    const fromCache = await loadDataset(dir, { cache: true, cacheDir, strict: true }).catch((e: Error) => e.message);
    expect(typeof fromFiles).toBe("string");
    expect(fromCache).toBe(fromFiles);
  });

  it("is not used with onWarning (warnings come as they are found only from the files)", async () => {
    const dir = makeDataset(files);
    const cacheDir = freshCache();
    const seen: string[] = [];
    const ds = await loadDataset(dir, { cache: true, cacheDir, onWarning: (p) => seen.push(p.code) });
    expect(ds.report.cache).toEqual({ status: "off", reason: "on_warning" });
    expect(readdirSync(cacheDir)).toEqual([]);
  });

  it("never writes into a folder klynge did not make, nor over a file it did not write", async () => {
    const dir = makeDataset(files);
    const foreign = freshCache();
    writeFileSync(join(foreign, "notes.txt"), "mine");
    const ds = await loadDataset(dir, { cache: true, cacheDir: foreign });
    expect(ds.report.cache).toEqual({ status: "unavailable", reason: "folder_not_klynge" });
    expect(readdirSync(foreign)).toEqual(["notes.txt"]);
    expect(clearCache(foreign).refusal).toBe("not_klynge");
    expect(readFileSync(join(foreign, "notes.txt"), "utf8")).toBe("mine");

    // A file at an entry's name that klynge did not write: neither read nor replaced.
    const cacheDir = freshCache();
    const written = await loadDataset(dir, { cache: true, cacheDir });
    const entry = written.report.cache?.file as string;
    writeFileSync(entry, "not a cache file");
    const again = await loadDataset(dir, { cache: true, cacheDir });
    expect(again.report.cache).toEqual({ status: "unavailable", reason: "entry_not_klynge" });
    expect(readFileSync(entry, "utf8")).toBe("not a cache file");
    expect(picture(again)).toEqual(picture(written));
  });

  it("cache clear removes the entries klynge wrote and nothing else", async () => {
    const dir = makeDataset(files);
    const cacheDir = freshCache();
    const ds = await loadDataset(dir, { cache: true, cacheDir });
    const lookalike = join(cacheDir, `${"0".repeat(32)}.klc`);
    writeFileSync(lookalike, "not klynge's");
    writeFileSync(join(cacheDir, "notes.txt"), "mine");
    const r = clearCache(cacheDir);
    expect(r).toMatchObject({ removed: 1, foreign: 2, refusal: null });
    expect(existsSync(ds.report.cache?.file as string)).toBe(false);
    expect(readFileSync(lookalike, "utf8")).toBe("not klynge's");
    expect((await loadDataset(dir, { cache: true, cacheDir })).report.cache?.status).toBe("written");
  });
});

describe("dataset cache from the CLI", () => {
  const run = (args: readonly string[], cacheDir: string) => {
    const r = spawnSync(process.execPath, [BIN, ...args], {
      encoding: "utf8",
      env: { ...process.env, KLYNGE_LANG: "en", KLYNGE_CACHE: "", KLYNGE_CACHE_DIR: cacheDir, KLYNGE_DEBUG: "" },
      timeout: 240_000,
    });
    return { code: r.status, out: r.stdout, err: r.stderr };
  };

  it("indicators writes, then reads the cache and says so; the table is the same; --no-cache and cache clear", () => {
    const dir = makeDataset({ ...files, "admissions.csv": files["admissions.csv"].split("\n").filter((l) => !l.startsWith("p-bad") && !/sometimes/.test(l)).join("\n") });
    const cacheDir = join(freshCache(), "cache");
    const out = mkdtempSync(join(tmpdir(), "klynge-out-"));
    const a = run(["indicators", dir, "--out", join(out, "a.csv")], cacheDir);
    expect(a.code, a.err).toBe(0);
    expect(a.err).toMatch(/dataset read from the files and written to the cache: .*\.klc/);
    const b = run(["indicators", dir, "--out", join(out, "b.csv")], cacheDir);
    expect(b.code, b.err).toBe(0);
    // hashed again, or (files older than SETTLE_MS when the entry was written) their change identity unchanged
    expect(b.err).toMatch(/dataset read from the cache \(written .*; the input files (are byte for byte the same|have not been changed since their content was hashed)\)/);
    const c = run(["indicators", dir, "--out", join(out, "c.csv"), "--no-cache"], cacheDir);
    expect(c.code, c.err).toBe(0);
    expect(c.err).not.toMatch(/cache/);
    const table = readFileSync(join(out, "a.csv"), "utf8");
    expect(readFileSync(join(out, "b.csv"), "utf8")).toBe(table);
    expect(readFileSync(join(out, "c.csv"), "utf8")).toBe(table);
    // the entry and the solver answers kept beside it (docs/cache.md)
    expect(readdirSync(cacheDir).filter((f) => /^[0-9a-f]{32}\.kl[ca]$/.test(f)).map((f) => f.slice(-4)).sort()).toEqual([".kla", ".klc"]);
    mkdirSync(join(cacheDir, "kept"));
    const clear = run(["cache", "clear"], cacheDir);
    expect(clear.code, clear.err).toBe(0);
    expect(clear.out).toMatch(/^removed 2 cache files \(.* MB\) from /);
    expect(clear.out).toMatch(/1 file in .* not written by klynge, left alone/);
    expect(run(["cache", "where"], cacheDir).out.trim()).toBe(`cache folder: ${cacheDir}`);
    expect(run(["cache", "purge"], cacheDir).code).toBe(2);
  });

  it("--workers 2 parses on two threads with the same table; a bad count is a usage error, in Danish by default", () => {
    const dir = makeDataset({ ...files, "admissions.csv": files["admissions.csv"].split("\n").filter((l) => !l.startsWith("p-bad") && !/sometimes/.test(l)).join("\n") });
    const cacheDir = join(freshCache(), "cache");
    const out = mkdtempSync(join(tmpdir(), "klynge-out-"));
    const one = run(["indicators", dir, "--out", join(out, "one.csv"), "--no-cache"], cacheDir);
    expect(one.code, one.err).toBe(0);
    const two = run(["indicators", dir, "--out", join(out, "two.csv"), "--no-cache", "--workers", "2"], cacheDir);
    expect(two.code, two.err).toBe(0);
    expect(readFileSync(join(out, "two.csv"), "utf8")).toBe(readFileSync(join(out, "one.csv"), "utf8"));
    const zero = run(["indicators", dir, "--out", join(out, "zero.csv"), "--workers", "0"], cacheDir);
    expect(zero.code).toBe(2);
    expect(zero.err).toContain('--workers expects a whole number from 1 to 16, found "0"');
    const da = spawnSync(process.execPath, [BIN, "report", dir, "--out", join(out, "r"), "--workers", "many"], { encoding: "utf8", env: { ...process.env, KLYNGE_LANG: "", KLYNGE_CACHE_DIR: cacheDir } });
    expect(da.status).toBe(2);
    expect(da.stderr).toContain('--workers skal være et helt tal fra 1 til 16, fandt "many"');
    expect(existsSync(join(out, "zero.csv"))).toBe(false);
  });
});
