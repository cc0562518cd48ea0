/** `klynge import` and `klynge validate --format` as a user runs them (issue 7; docs/registers.md). */

import { mkdtempSync, readFileSync, readdirSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { main } from "../../src/cli/main.js";
import { loadDataset } from "../../src/io/loadDataset.js";

let out: string[] = [];
let err: string[] = [];
beforeEach(() => {
  out = [];
  err = [];
  vi.spyOn(console, "log").mockImplementation((...a: unknown[]) => void out.push(a.join(" ")));
  vi.spyOn(console, "error").mockImplementation((...a: unknown[]) => void err.push(a.join(" ")));
});
afterEach(() => vi.restoreAllMocks());

const tmp = () => mkdtempSync(join(tmpdir(), "klynge-cli-import-"));
function keyFile(): string {
  const f = join(tmp(), "key.txt");
  writeFileSync(f, "a key for the CLI test, 16+ characters\n");
  return f;
}

describe("klynge import", () => {
  it("lpr3-a sample → contract files and import-report.txt; the result loads as a contract dataset", async () => {
    const dir = join(tmp(), "out");
    const code = await main(["import", "--format", "lpr3-a", "data/samples/lpr3-a", "--out", dir, "--key-file", keyFile()]);
    expect(code).toBe(0);
    expect(readdirSync(dir).sort()).toEqual([".klynge-output.json", "admissions.csv", "geography.csv", "import-report.txt", "population.csv"]);
    const report = readFileSync(join(dir, "import-report.txt"), "utf8");
    expect(report).toContain("lpr_a_kontakt.csv: 32 rows read, 29 accepted, 0 rejected, 0 duplicates");
    expect(report).toContain("kont_type ALCA10: 1 -> NOT MAPPED (meaning not found)");
    const ds = await loadDataset(dir);
    expect(ds.report.ok).toBe(true);
    expect(ds.contacts.length).toBe(29);
  });

  it("--map brings an unmapped value in; a bad target is a clear error, exit 1", async () => {
    const dir = join(tmp(), "out");
    expect(await main(["import", "--format", "lpr3-a", "data/samples/lpr3-a", "--out", dir, "--key-file", keyFile(), "--map", "kont_type.ALCA10=keep"])).toBe(0);
    expect((await loadDataset(dir)).contacts.length).toBe(30);
    expect(await main(["import", "--format", "lpr3-a", "data/samples/lpr3-a", "--out", dir, "--key-file", keyFile(), "--map", "kont_type.ALCA10=maybe"])).toBe(1);
    expect(err.join("\n")).toContain("--map kont_type.ALCA10=maybe: expected one of keep, drop");
  });

  it("no key: exit 1 naming the ways to give one", async () => {
    const saved = process.env.KLYNGE_PSEUDONYM_KEY;
    delete process.env.KLYNGE_PSEUDONYM_KEY;
    try {
      expect(await main(["import", "--format", "lpr2", "data/samples/lpr2", "--out", join(tmp(), "o")])).toBe(1);
    } finally {
      if (saved !== undefined) process.env.KLYNGE_PSEUDONYM_KEY = saved;
    }
    expect(err.join("\n")).toContain("format lpr2 needs a pseudonymisation key: --key-file FILE");
  });

  it("statbank-folk1a: the file → population.csv; --print-url prints the documented address", async () => {
    const dir = join(tmp(), "pop");
    expect(await main(["import", "--format", "statbank-folk1a", "data/samples/statbank-folk1a/folk1a.csv", "--out", dir])).toBe(0);
    expect(readFileSync(join(dir, "population.csv"), "utf8")).toBe(readFileSync("data/samples/statbank-folk1a/population.csv", "utf8"));
    out = [];
    expect(await main(["import", "--format", "statbank-folk1a", "--print-url"])).toBe(0);
    // registers.md, Statistics Denmark: the API address.
    expect(out).toEqual(["https://api.statbank.dk/v1/data/FOLK1A/CSV?delimiter=Semicolon&OMRÅDE=*&KØN=1,2&ALDER=*&Tid=*"]);
  });

  it("a wrong --format: one wrong-shape error naming the expected columns and those found; exit 1", async () => {
    expect(await main(["validate", "data/samples/npr", "--format", "lpr2", "--key-file", keyFile(), "--lang", "en"])).toBe(1);
    const text = out.join("\n");
    expect(text).toContain("npr.csv:1: this is not an LPR2 t_adm (format lpr2) file: expected the columns recnum, pnr, d_inddto");
    expect(text).toContain("the file has: pid, inndato");
  });
});
