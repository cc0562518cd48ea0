/**
 * The security suite (issue 15, SECURITY.md): a corpus of hostile inputs, each met through the
 * built CLI (`node bin/klynge.cjs …`, as a user meets it), one test per finding of the review, and
 * at the end a scan of every output (stdout, stderr, report HTML/SVG/PNG/PDF bytes, tables,
 * import reports, dataset files written) for person-number shapes and key bytes: zero hits.
 *
 * Person numbers are assembled at run time from parts and written to temporary folders only: no
 * file of the project holds one. Needs the built package (`npm run build`; npm test builds first).
 */

import { spawnSync } from "node:child_process";
import {
  copyFileSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  readdirSync,
  statSync,
  symlinkSync,
  writeFileSync,
} from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { gzipSync } from "node:zlib";
import { beforeAll, describe, expect, it } from "vitest";
import { looksLikePersonNumber, personNumberRanges } from "../../src/contract/personNumber.js";
import { writeTable } from "../../src/interop/writeTable.js";

const REPO = join(__dirname, "..", "..");
const BIN = join(REPO, "bin", "klynge.cjs");
const SAMPLE = join(REPO, "data", "samples", "lpr3-a");
const j = (...parts: string[]): string => parts.join("");
/** Person numbers of the corpus (built from parts). */
const CPR = j("2304", "61", "-", "7785");
const CPR_PLAIN = j("2304", "61", "7785");
const CPR_VARIANTS = [CPR, CPR_PLAIN, j("2304", "61", " ", "7785"), j("2304", "61", ".", "7785"), j("8304", "61", "7785"), j("504", "61", "7785"), j("x", CPR_PLAIN, "y")];

const root = mkdtempSync(join(tmpdir(), "klynge-security-"));
let seq = 0;
const tmp = (name: string): string => join(root, `${name}-${++seq}`);

/** Every output of the suite, scanned at the end. */
const outputs: { name: string; bytes: Buffer }[] = [];
/** Every key used, as bytes (scanned for in every output). */
const keys: Buffer[] = [];

interface Run {
  readonly code: number | null;
  readonly out: string;
  readonly err: string;
  readonly all: string;
}

function klynge(args: readonly string[], options: { cwd?: string; env?: Record<string, string>; lang?: "da" | "en" } = {}): Run {
  const r = spawnSync(process.execPath, [BIN, ...args], {
    cwd: options.cwd ?? REPO,
    env: { ...process.env, KLYNGE_LANG: options.lang ?? "en", ...options.env },
    encoding: "utf8",
    timeout: 240_000,
    maxBuffer: 64 * 1024 * 1024,
  });
  const label = `klynge ${args.join(" ").slice(0, 80)}`;
  outputs.push({ name: `stdout of ${label}`, bytes: Buffer.from(r.stdout ?? "") }, { name: `stderr of ${label}`, bytes: Buffer.from(r.stderr ?? "") });
  return { code: r.status, out: r.stdout ?? "", err: r.stderr ?? "", all: `${r.stdout ?? ""}${r.stderr ?? ""}` };
}

/** Adds every regular file below `dir` to the scanned outputs. */
function collect(dir: string): string[] {
  const names: string[] = [];
  for (const e of readdirSync(dir, { withFileTypes: true, recursive: true })) {
    if (!e.isFile()) continue;
    const p = join(e.parentPath, e.name);
    outputs.push({ name: p, bytes: readFileSync(p) });
    names.push(p);
  }
  return names;
}

/** A copy of the LPR3 sample extract, with its lpr_a_kontakt.csv rewritten by `edit`. */
function extract(edit: (lines: string[]) => string[] = (l) => l): string {
  const dir = tmp("extract");
  mkdirSync(dir);
  for (const f of readdirSync(SAMPLE)) if (f.endsWith(".csv")) copyFileSync(join(SAMPLE, f), join(dir, f));
  const lines = readFileSync(join(SAMPLE, "lpr_a_kontakt.csv"), "utf8").split("\n").filter((l) => l !== "");
  writeFileSync(join(dir, "lpr_a_kontakt.csv"), edit(lines).join("\n") + "\n");
  return dir;
}

/** Sets field `col` (0-based) of a ;-separated line. */
const setField = (line: string, col: number, value: string): string => line.split(";").map((f, i) => (i === col ? value : f)).join(";");

let keyFile = "";
let goodImport = "";

beforeAll(() => {
  if (!existsSync(join(REPO, "dist", "cli.cjs"))) throw new Error("the security suite runs the built CLI: npm run build first");
  keyFile = join(root, "klynge.key");
  const r = klynge(["key", keyFile]);
  expect(r.code).toBe(0);
  const text = readFileSync(keyFile, "utf8").trim();
  keys.push(Buffer.from(text.slice(4), "hex"), Buffer.from(text));
  goodImport = tmp("import");
  expect(klynge(["import", "--format", "lpr3-a", SAMPLE, "--out", goodImport, "--key-file", keyFile]).code).toBe(0);
});

describe("klynge key", () => {
  it("writes a random key readable by its owner only, never overwrites, and the key is accepted", () => {
    expect(statSync(keyFile).mode & 0o777).toBe(0o600);
    expect(readFileSync(keyFile, "utf8")).toMatch(/^hex:[0-9a-f]{64}\n$/);
    const before = readFileSync(keyFile);
    const again = klynge(["key", keyFile]);
    expect(again.code).toBe(1);
    expect(again.err).toContain("exists; klynge key never overwrites a file");
    expect(readFileSync(keyFile)).toEqual(before);
    expect(readdirSync(goodImport)).toContain("admissions.csv");
  });
});

describe("data loss: report and run replace only what klynge wrote", () => {
  it("report --out an unrelated folder: refused, exit 1, its files intact", () => {
    const other = tmp("photos");
    mkdirSync(other);
    writeFileSync(join(other, "holiday.jpg"), "not klynge's");
    const r = klynge(["report", goodImport, "--out", other, "--formats", "svg"]);
    expect(r.code).toBe(1);
    expect(r.err).toContain("exists and was not written by klynge (no .klynge-output.json); klynge does not delete files it did not write");
    expect(readFileSync(join(other, "holiday.jpg"), "utf8")).toBe("not klynge's");
    // The same in Danish (the default language).
    expect(klynge(["report", goodImport, "--out", other, "--formats", "svg"], { lang: "da" }).err).toContain("findes og er ikke skrevet af klynge");
  });

  it("report --out a file: refused", () => {
    const file = join(root, "notes.txt");
    writeFileSync(file, "mine");
    const r = klynge(["report", goodImport, "--out", file, "--formats", "svg"]);
    expect(r.code).toBe(1);
    expect(r.err).toContain("exists and was not written by klynge; use --force to overwrite it");
    expect(readFileSync(file, "utf8")).toBe("mine");
  });

  it("report --out . (the current folder) is refused even with --force", () => {
    const cwd = tmp("cwd");
    mkdirSync(cwd);
    writeFileSync(join(cwd, "thesis.docx"), "years of work");
    for (const extra of [[], ["--force"]]) {
      const r = klynge(["report", goodImport, "--out", ".", "--formats", "svg", ...extra], { cwd });
      expect(r.code).toBe(1);
      expect(r.err).toContain("klynge never replaces this folder (.)");
    }
    expect(readFileSync(join(cwd, "thesis.docx"), "utf8")).toBe("years of work");
  });

  it("report D --out D, and --out a folder holding D, are refused even with --force; so is run", () => {
    const parent = tmp("holder");
    const data = join(parent, "data");
    mkdirSync(parent);
    mkdirSync(data);
    for (const f of readdirSync(goodImport)) copyFileSync(join(goodImport, f), join(data, f));
    for (const [cmd, out] of [["report", data], ["report", parent], ["run", data], ["run", parent]] as const) {
      const r = klynge([cmd, data, "--out", out, "--formats", "svg", "--force"]);
      expect(r.code, `${cmd} --out ${out}`).toBe(1);
      expect(r.err).toContain("klynge does not write here — the folder is or contains input");
    }
    expect(readdirSync(data).sort()).toEqual(readdirSync(goodImport).sort());
  });

  it("run --out an unrelated folder: refused before validating", () => {
    const other = tmp("other");
    mkdirSync(other);
    writeFileSync(join(other, "a.txt"), "a");
    const r = klynge(["run", goodImport, "--out", other]);
    expect(r.code).toBe(1);
    expect(r.out).not.toContain("klynge load report");
    expect(readFileSync(join(other, "a.txt"), "utf8")).toBe("a");
  });
});

describe("data loss: generate", () => {
  it("generate --out an unrelated folder is refused; its own output is replaced, also in another shape", () => {
    const other = tmp("other");
    mkdirSync(other);
    writeFileSync(join(other, "admissions.csv"), "my own data");
    const small = ["--fraction", "0.002", "--years", "2020-2020"];
    const r = klynge(["generate", "--out", other, ...small]);
    expect(r.code).toBe(1);
    expect(r.err).toContain("exists and was not written by klynge");
    expect(readFileSync(join(other, "admissions.csv"), "utf8")).toBe("my own data");
    const out = tmp("generated");
    expect(klynge(["generate", "--out", out, ...small]).code).toBe(0);
    expect(readdirSync(out)).toContain("admissions.csv");
    expect(klynge(["generate", "--out", out, ...small, "--format", "lpr3-a"]).code).toBe(0);
    expect(readdirSync(out)).not.toContain("admissions.csv"); // the contract files of the first run are gone with it
    expect(readdirSync(out)).toContain("lpr_a_kontakt.csv");
  });
});

describe("data loss: imports", () => {
  it("a failed import leaves the previous import as it was", () => {
    const out = tmp("import");
    expect(klynge(["import", "--format", "lpr3-a", SAMPLE, "--out", out, "--key-file", keyFile]).code).toBe(0);
    const good = readFileSync(join(out, "admissions.csv"));
    const r = klynge(["import", "--format", "lpr2", SAMPLE, "--out", out, "--key-file", keyFile]);
    expect(r.code).toBe(1);
    expect(r.err).toContain(`nothing written to ${out}: the import failed`);
    expect(readFileSync(join(out, "admissions.csv"))).toEqual(good);
  });

  it("--gzip after a plain import leaves no stale admissions.csv; a folder holding both is refused", () => {
    const out = tmp("import");
    expect(klynge(["import", "--format", "lpr3-a", SAMPLE, "--out", out, "--key-file", keyFile]).code).toBe(0);
    expect(klynge(["import", "--format", "lpr3-a", SAMPLE, "--out", out, "--key-file", keyFile, "--gzip"]).code).toBe(0);
    expect(readdirSync(out).filter((f) => f.startsWith("admissions"))).toEqual(["admissions.csv.gz"]);
    copyFileSync(join(goodImport, "admissions.csv"), join(out, "admissions.csv"));
    const r = klynge(["validate", out]);
    expect(r.code).toBe(1);
    expect(r.out).toContain("admissions.csv: the folder holds both admissions.csv, admissions.csv.gz; one is stale — remove it (klynge does not pick one)");
  });

  it("contact-level outputs are readable by their owner only", () => {
    expect(statSync(goodImport).mode & 0o777).toBe(0o700);
    expect(statSync(join(goodImport, "admissions.csv")).mode & 0o777).toBe(0o600);
  });

  it("import --out an unrelated folder, or a folder holding the key, is refused", () => {
    const other = tmp("other");
    mkdirSync(other);
    copyFileSync(keyFile, join(other, "my.key"));
    const r = klynge(["import", "--format", "lpr3-a", SAMPLE, "--out", other, "--key-file", join(other, "my.key"), "--force"]);
    expect(r.code).toBe(1);
    expect(r.err).toContain("is or contains input");
    expect(readdirSync(other)).toEqual(["my.key"]);
  });
});

describe("identifiers: raw values are masked in messages, stdout and import-report.txt", () => {
  it("a register file without its header line: its first row's person number is not shown", () => {
    const dir = extract((l) => [setField(l[1], 0, CPR), ...l.slice(2)]);
    const out = tmp("import");
    const r = klynge(["import", "--format", "lpr3-a", dir, "--out", out, "--key-file", keyFile]);
    expect(r.code).toBe(1);
    expect(r.out).toContain("lpr_a_kontakt.csv:1: this is not an LPR3 LPR_A lpr_a_kontakt (format lpr3-a) file");
    expect(r.out).toContain("<not shown>");
    expect(looksLikePersonNumber(r.all)).toBe(false);
  });

  it("person numbers in diagnosis, date, code and municipality columns: masked in errors and in the code listing", () => {
    const dir = extract((l) => [
      l[0],
      setField(l[1], 7, CPR_VARIANTS[0]),
      setField(l[2], 3, CPR_VARIANTS[1]),
      setField(l[3], 5, CPR_VARIANTS[2]),
      setField(l[4], 10, CPR_VARIANTS[3]),
      setField(l[5], 7, CPR_VARIANTS[4]),
      setField(l[6], 7, CPR_VARIANTS[5]),
      setField(l[7], 5, CPR_VARIANTS[6]),
      setField(l[8], 5, "ALCA\u001b[2J"),
      ...l.slice(9),
    ]);
    const out = tmp("import");
    const r = klynge(["import", "--format", "lpr3-a", dir, "--out", out, "--key-file", keyFile]);
    expect(r.all).toContain("<10 digits, not shown>");
    expect(r.all).not.toContain("\u001b");
    expect(personNumberRanges(r.all)).toEqual([]);
    if (existsSync(join(out, "import-report.txt"))) {
      const report = readFileSync(join(out, "import-report.txt"), "utf8");
      expect(report).toContain("<10 digits, not shown>");
      expect(looksLikePersonNumber(report)).toBe(false);
    }
    collect(out);
  });

  it("validate masks every column's raw values", () => {
    const data = tmp("contract");
    mkdirSync(data);
    for (const f of readdirSync(goodImport)) if (f.endsWith(".csv")) copyFileSync(join(goodImport, f), join(data, f));
    const lines = readFileSync(join(data, "admissions.csv"), "utf8").split("\n");
    const bad = (line: string, col: number, v: string) => line.split(",").map((f, i) => (i === col ? v : f)).join(",");
    // primary_diagnosis, birth_date, municipality_code, admitted_at, referral_source (each rejected
    // and quoted), hospital (free text: accepted, and masked wherever it is shown), cost_dkk (rejected)
    const cols = [9, 1, 3, 5, 10, 4, 11];
    cols.forEach((c, k) => (lines[k + 1] = bad(lines[k + 1], c, CPR_VARIANTS[k % CPR_VARIANTS.length])));
    writeFileSync(join(data, "admissions.csv"), lines.join("\n"));
    const r = klynge(["validate", data]);
    expect(r.code).toBe(1);
    expect(r.out.split("<10 digits, not shown>").length - 1).toBe(cols.length - 1); // all but the hospital …
    expect(r.out).toContain("admissions.csv: 1 value(s) of hospital are shaped like a CPR number (not shown); kept, and masked in every output"); // … a warning
    expect(looksLikePersonNumber(r.all)).toBe(false);
  });

  it("patient ids of every person-number shape are refused by validate (value not shown); pseudonyms are accepted", () => {
    const data = tmp("contract");
    mkdirSync(data);
    for (const f of readdirSync(goodImport)) if (f.endsWith(".csv")) copyFileSync(join(goodImport, f), join(data, f));
    const lines = readFileSync(join(data, "admissions.csv"), "utf8").split("\n");
    const fullWidth = CPR_PLAIN.replace(/[0-9]/g, (d) => String.fromCharCode(0xff10 + Number(d)));
    const shapes = [...CPR_VARIANTS, j("2304", "61", "/", "7785"), j("2304", "61", "\u2013", "7785"), j(CPR_PLAIN, "1"), j("pnr_", CPR_PLAIN), fullWidth];
    shapes.forEach((id, k) => (lines[k + 1] = [`"${id}"`, ...lines[k + 1].split(",").slice(1)].join(",")));
    writeFileSync(join(data, "admissions.csv"), lines.join("\n"));
    const r = klynge(["validate", data]);
    expect(r.code).toBe(1);
    expect(r.out.match(/patient_id is shaped like a CPR number \(value not shown\)/g)?.length).toBe(shapes.length);
    expect(r.out).toContain(`admissions.csv: ${lines.length - 2} rows read, ${lines.length - 2 - shapes.length} accepted, ${shapes.length} rejected`);
    expect(looksLikePersonNumber(r.all)).toBe(false);
  });

  it("a key file given by mistake as --geography: the key is not in import-report.txt or stdout", () => {
    const textKey = join(root, "text.key");
    const secret = "Correct-Horse-Battery-Staple-Zebra-42";
    writeFileSync(textKey, `${secret}\n`);
    keys.push(Buffer.from(secret), Buffer.from(secret.toLowerCase()));
    const out = tmp("import");
    const r = klynge(["import", "--format", "lpr3-a", SAMPLE, "--out", out, "--key-file", textKey, "--geography", textKey]);
    expect(r.all.toLowerCase()).not.toContain(secret.toLowerCase());
    expect(r.all).toContain("<key, not shown>");
    if (existsSync(out)) collect(out);
  });
});

describe("identifiers: mapping files cannot reach the key", () => {
  it("--map-file with __proto__ is refused, nothing is written", () => {
    const map = join(root, "shared-map.json");
    writeFileSync(map, '{"__proto__": {"pseudonymKey": "attacker-known-key-0123456789"}}');
    const out = tmp("import");
    const r = klynge(["import", "--format", "lpr3-a", SAMPLE, "--out", out, "--key-file", keyFile, "--map-file", map]);
    expect(r.code).toBe(1);
    expect(r.err).toContain('the key "__proto__" is not allowed in a code mapping');
    expect(existsSync(out)).toBe(false);
  });

  it("--map __proto__.X=keep and constructor keys are refused; --map kont_type.X=toString is not a target", () => {
    for (const m of ["__proto__.pseudonymKey=keep", "kont_type.constructor=keep", "kont_type.ALCA10=__proto__"]) {
      const r = klynge(["import", "--format", "lpr3-a", SAMPLE, "--out", tmp("import"), "--key-file", keyFile, "--map", m]);
      expect(r.code, m).toBe(1);
      expect(r.err).toContain("is not allowed in a code mapping");
    }
    const r = klynge(["import", "--format", "lpr3-a", SAMPLE, "--out", tmp("import"), "--key-file", keyFile, "--map", "kont_type.ALCA10=toString"]);
    expect(r.code).toBe(1);
    expect(r.err).toContain("--map kont_type.ALCA10=toString: expected one of keep, drop");
  });
});

describe("keys are read as bytes and checked", () => {
  it("two binary keys that differ only in non-UTF-8 bytes give different pseudonyms", () => {
    const a = Buffer.alloc(32);
    const b = Buffer.alloc(32);
    for (let i = 0; i < 32; i++) {
      a[i] = 0x80 + ((i * 7) % 64);
      b[i] = 0x80 + ((i * 11 + 3) % 64);
    }
    keys.push(a, b);
    const ids: string[][] = [];
    for (const key of [a, b]) {
      const f = join(root, `binary-${ids.length}.key`);
      writeFileSync(f, key);
      const out = tmp("import");
      expect(klynge(["import", "--format", "lpr3-a", SAMPLE, "--out", out, "--key-file", f]).code).toBe(0);
      ids.push(readFileSync(join(out, "admissions.csv"), "utf8").split("\n").slice(1, 4).map((l) => l.split(",")[0]));
      collect(out);
    }
    expect(ids[0]).not.toEqual(ids[1]);
  });

  it("a 6-byte key, a one-character key and a one-class key are refused, naming klynge key", () => {
    const cases: [Buffer, string][] = [
      [Buffer.alloc(6, 0xff), "is 6 bytes; at least 16 are needed"],
      [Buffer.from("aaaaaaaaaaaaaaaa"), "too weak: the same byte four times in a row"],
      [Buffer.from("abcdefghijklmnopqrstuvwxyz"), "too weak: one kind of character only"],
      [Buffer.from("hex:zz"), "declared as hex but is not valid hex"],
    ];
    for (const [key, message] of cases) {
      const f = join(root, `weak-${seq++}.key`);
      writeFileSync(f, key);
      const r = klynge(["import", "--format", "lpr3-a", SAMPLE, "--out", tmp("import"), "--key-file", f]);
      expect(r.code).toBe(1);
      expect(r.err).toContain(message);
    }
    expect(klynge(["import", "--format", "lpr3-a", SAMPLE, "--out", tmp("import"), "--key-file", join(root, "missing.key")]).err).toContain("Make a key with: klynge key");
  });
});

describe("symbolic links and special files are refused", () => {
  it("an intervention file linked to the key: klynge interventions refuses it without showing it", () => {
    const dir = tmp("interventions");
    mkdirSync(dir);
    symlinkSync(keyFile, join(dir, "leak.yaml"));
    const r = klynge(["interventions", dir]);
    expect(r.code).toBe(1);
    expect(r.err).toContain("is a symbolic link; klynge reads only regular files");
  });

  it("import refuses an extract whose interventions/ holds a link; nothing is written", () => {
    const dir = extract();
    mkdirSync(join(dir, "interventions"));
    symlinkSync("/etc/passwd", join(dir, "interventions", "x.yaml"));
    const out = tmp("import");
    const r = klynge(["import", "--format", "lpr3-a", dir, "--out", out, "--key-file", keyFile]);
    expect(r.code).toBe(1);
    expect(r.err).toContain("is a symbolic link");
    expect(existsSync(out)).toBe(false);
  });

  it("admissions.csv linked to /dev/zero and a FIFO population.csv: refused at once", () => {
    const data = tmp("contract");
    mkdirSync(data);
    copyFileSync(join(goodImport, "geography.csv"), join(data, "geography.csv"));
    symlinkSync("/dev/zero", join(data, "admissions.csv"));
    spawnSync("mkfifo", [join(data, "population.csv")]);
    const started = Date.now();
    const r = klynge(["validate", data]);
    expect(Date.now() - started).toBeLessThan(60_000);
    expect(r.code).toBe(1);
    expect(r.out).toContain("admissions.csv: the file is a symbolic link; klynge reads only regular files");
    if (existsSync(join(data, "population.csv")) && statSync(join(data, "population.csv")).isFIFO()) expect(r.out).toContain("population.csv: the file is a FIFO");
  });
});

describe("hostile files: memory and formulas", () => {
  it("a 0.2 MB gzip holding a 200 MB line: one error naming file and line, memory bounded", () => {
    const data = tmp("contract");
    mkdirSync(data);
    for (const f of ["population.csv", "geography.csv"]) copyFileSync(join(goodImport, f), join(data, f));
    const header = readFileSync(join(goodImport, "admissions.csv"), "utf8").split("\n")[0];
    writeFileSync(join(data, "admissions.csv.gz"), gzipSync(Buffer.concat([Buffer.from(`${header}\n`), Buffer.alloc(200 * 1024 * 1024, 0x41)])));
    const script = `require(${JSON.stringify(join(REPO, "dist", "cli.cjs"))}).main(["validate", ${JSON.stringify(data)}]).then((c) => { const hwm = /VmHWM:\\s+(\\d+)/.exec(require("node:fs").readFileSync("/proc/self/status", "utf8")); console.error("maxRSS=" + (hwm ? hwm[1] : process.resourceUsage().maxRSS)); process.exitCode = c; });`;
    const r = spawnSync(process.execPath, ["-e", script], { encoding: "utf8", timeout: 240_000, env: { ...process.env, KLYNGE_LANG: "en" } });
    outputs.push({ name: "stdout of the line bomb", bytes: Buffer.from(r.stdout) });
    expect(r.status).toBe(1);
    expect(r.stdout).toContain("admissions.csv.gz:2: the line is longer than 16777216 bytes (the limit for one line)");
    // The peak resident memory of the klynge process (VmHWM: unlike getrusage's maxRSS, it does not
    // carry over the test process's own memory through fork and exec).
    const rss = Number(/maxRSS=(\d+)/.exec(r.stderr)?.[1]) / 1024; // MiB
    console.log(`line bomb: maxRSS ${rss.toFixed(0)} MiB`);
    expect(rss).toBeLessThan(250); // before: 672 MB for this file
  });

  it("a gzip of many short lines beyond the decompression limit is stopped", () => {
    const data = tmp("contract");
    mkdirSync(data);
    for (const f of ["population.csv", "geography.csv"]) copyFileSync(join(goodImport, f), join(data, f));
    const header = readFileSync(join(goodImport, "admissions.csv"), "utf8").split("\n")[0];
    writeFileSync(join(data, "admissions.csv.gz"), gzipSync(Buffer.concat([Buffer.from(`${header}\n`), Buffer.alloc(70 * 1024 * 1024, 0x0a)])));
    const r = klynge(["validate", data]);
    expect(r.code).toBe(1);
    expect(r.out).toContain("admissions.csv.gz: the decompressed data is over 64 MiB and more than 100 times the compressed file");
  });

  it("a YAML alias bomb: one line, no stack trace", () => {
    const dir = tmp("bomb");
    mkdirSync(dir);
    const lines = ['a: &a ["x","x","x","x","x","x","x","x","x"]'];
    let prev = "a";
    for (const n of "bcdefghij") {
      lines.push(`${n}: &${n} [${Array(9).fill(`*${prev}`).join(",")}]`);
      prev = n;
    }
    writeFileSync(join(dir, "bomb.yaml"), lines.join("\n") + "\n");
    const r = klynge(["interventions", dir]);
    expect(r.code).toBe(1);
    expect(r.err).toContain("too many aliases (an alias bomb); the file is not read");
    expect(r.err).not.toMatch(/\n\s+at /);
  });

  it("writeTable's temporary file is never a planted link", () => {
    const dir = tmp("table");
    mkdirSync(dir);
    const victim = join(root, "victim.txt");
    writeFileSync(victim, "keep me");
    const target = join(dir, "t.csv");
    symlinkSync(victim, `${target}.tmp-${process.pid}`); // the old, predictable name
    writeTable([{ a: 1 }], target);
    expect(readFileSync(victim, "utf8")).toBe("keep me");
    expect(readFileSync(target, "utf8")).toBe("a\n1\n");
  });
});

describe("the report of a hostile dataset", () => {
  let data = "";
  let report = "";
  beforeAll(() => {
    data = tmp("hostile-data");
    mkdirSync(data);
    for (const f of readdirSync(goodImport)) if (f.endsWith(".csv")) copyFileSync(join(goodImport, f), join(data, f));
    const geo = readFileSync(join(data, "geography.csv"), "utf8")
      .replaceAll(",Horsens,", `,Klynge ${CPR},`)
      .replaceAll(",Vest,", ',=HYPERLINK("http://x.example"),')
      .replace("Hedensted", "@SUM(1+1)")
      .replace("Regionshospitalet Horsens", "-2+3");
    writeFileSync(join(data, "geography.csv"), geo);
    mkdirSync(join(data, "interventions"));
    writeFileSync(join(data, "interventions", "bad.yaml"), `id: "${CPR}"\nname: ${CPR_PLAIN}\nadoptions:\n  - cluster: "${CPR}"\n    start: ${CPR_PLAIN}\n`);
    // --force into an unrelated folder: replaced (the only way to replace what klynge did not write).
    report = tmp("report");
    mkdirSync(report);
    writeFileSync(join(report, "old.txt"), "old");
  });

  it("--force replaces an unrelated folder; names shaped like person numbers are masked in HTML, SVG and CSV; formulas neutralised", () => {
    const r = klynge(["report", data, "--out", report, "--formats", "svg,png", "--force"]);
    expect(r.code, r.err).toBe(0);
    expect(existsSync(join(report, "old.txt"))).toBe(false);
    const html = readFileSync(join(report, "report.html"), "utf8");
    expect(html).toContain("Klynge &lt;10 digits, not shown&gt;");
    expect(html).toContain("could not be read"); // the intervention file's errors are a warning …
    expect(looksLikePersonNumber(html)).toBe(false); // … with its values masked
    const tables = readdirSync(join(report, "tables")).map((f) => readFileSync(join(report, "tables", f), "utf8")).join("\n");
    expect(tables).toContain("'=HYPERLINK");
    expect(tables).not.toMatch(/(^|,)=HYPERLINK/m);
    const svgs = readdirSync(join(report, "charts")).filter((f) => f.endsWith(".svg"));
    expect(svgs.some((f) => readFileSync(join(report, "charts", f), "utf8").includes("Klynge &lt;10 digits, not shown&gt;"))).toBe(true);
    collect(report);
  });

  it("a report holding a file the user added is not replaced", () => {
    writeFileSync(join(report, "my-notes.txt"), "notes");
    const r = klynge(["report", data, "--out", report, "--formats", "svg"]);
    expect(r.code).toBe(1);
    expect(r.err).toContain("holds files klynge did not write (my-notes.txt); they are not deleted");
    expect(readFileSync(join(report, "my-notes.txt"), "utf8")).toBe("notes");
  });

  it("indicators --excel and plain CSV: text cells neutralised, numbers not", () => {
    for (const extra of [["--excel"], []]) {
      const file = join(tmp("indicators"), "ind.csv");
      mkdirSync(join(file, ".."));
      const r = klynge(["indicators", data, "--out", file, "--level", "cluster", ...extra]);
      expect(r.code, r.err).toBe(0);
      const text = readFileSync(file, "utf8");
      expect(text).toContain("'=HYPERLINK");
      expect(text).not.toMatch(/[;,\n]=HYPERLINK/);
      expect(looksLikePersonNumber(text)).toBe(false);
      outputs.push({ name: file, bytes: Buffer.from(text) });
      // Its own table is replaced on a second run; a file klynge did not write is not.
      expect(klynge(["indicators", data, "--out", file, "--level", "cluster", ...extra]).code).toBe(0);
    }
    const foreign = join(tmp("indicators"), "budget.csv");
    mkdirSync(join(foreign, ".."));
    writeFileSync(foreign, "post;beløb\nløn;100\n");
    const r = klynge(["indicators", data, "--out", foreign, "--level", "cluster"]);
    expect(r.code).toBe(1);
    expect(r.err).toContain("exists and was not written by klynge; use --force to overwrite it");
    expect(readFileSync(foreign, "utf8")).toBe("post;beløb\nløn;100\n");
  }, 240_000); // five CLI runs of the whole set with its suppression (10–12 s each on a 2-core machine)

  it("run: an intervention file linked to the key never reaches the report", () => {
    const data2 = tmp("hostile-data");
    mkdirSync(data2);
    for (const f of readdirSync(goodImport)) if (f.endsWith(".csv")) copyFileSync(join(goodImport, f), join(data2, f));
    mkdirSync(join(data2, "interventions"));
    symlinkSync(keyFile, join(data2, "interventions", "tobs.yaml"));
    const out = tmp("report");
    const r = klynge(["run", data2, "--out", out, "--formats", "svg"]);
    expect(r.code, r.err).toBe(0);
    expect(r.out).toContain("is a symbolic link");
    collect(out);
  });
});

describe("scan of every output", () => {
  it("no person-number shape and no key bytes in any stdout, stderr or file written", () => {
    expect(outputs.length).toBeGreaterThan(60);
    const hits: string[] = [];
    for (const o of outputs) {
      const text = o.bytes.toString("latin1");
      for (const [s, e] of personNumberRanges(text)) hits.push(`${o.name}: person number shape at ${s} (${e - s} characters)`);
      for (const key of keys) {
        const forms = [key, Buffer.from(key.toString("hex")), Buffer.from(key.toString("base64").replace(/=+$/, ""))];
        if (forms.some((f) => o.bytes.includes(f))) hits.push(`${o.name}: key bytes`);
      }
    }
    expect(hits).toEqual([]);
  });
});
