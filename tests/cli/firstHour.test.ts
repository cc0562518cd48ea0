/**
 * Issue 14, "an analyst's first hour": each item as a user meets it, from the built CLI
 * (bin/klynge.cjs → dist/cli.cjs; `npm test` builds first). Every test here failed on the
 * behaviour the issue describes: exit 0 with a partial table, stack traces, Node's raw parser text,
 * mojibake from a Windows-1252 export, a jumping progress counter, and so on.
 */

import { spawnSync } from "node:child_process";
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { gunzipSync } from "node:zlib";
import { beforeAll, describe, expect, it } from "vitest";

const ROOT = join(import.meta.dirname, "..", "..");
const BIN = join(ROOT, "bin", "klynge.cjs");
const DEMO = join(ROOT, "data", "demo");

interface Run {
  readonly code: number | null;
  readonly out: string;
  readonly err: string;
}

/** Run the built CLI as a user would (English messages unless `lang` says otherwise). */
function klynge(args: readonly string[], lang: "en" | "da" = "en", cwd = ROOT): Run {
  const r = spawnSync(process.execPath, [BIN, ...args], { encoding: "utf8", cwd, env: { ...process.env, KLYNGE_LANG: lang, KLYNGE_DEBUG: "" }, timeout: 240_000 });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

/** stderr's lines (no empty ones). */
const lines = (text: string): string[] => text.split("\n").filter((l) => l.trim() !== "");

let work: string;
/** A small copy of the demo: its first 4,000 admissions (plain CSV), population, geography. */
let small: string;
let header: string;
let admissionLines: string[];

function dataset(name: string, edit: (dir: string) => void = () => undefined): string {
  const dir = join(work, name);
  cpSync(small, dir, { recursive: true });
  edit(dir);
  return dir;
}

beforeAll(() => {
  expect(existsSync(join(ROOT, "dist", "cli.cjs")), "run npm run build first").toBe(true);
  work = mkdtempSync(join(tmpdir(), "klynge-first-hour-"));
  small = join(work, "small");
  mkdirSync(small);
  for (const f of ["population.csv", "geography.csv"]) cpSync(join(DEMO, f), join(small, f));
  const all = gunzipSync(readFileSync(join(DEMO, "admissions.csv.gz"))).toString("utf8").split("\n");
  header = all[0];
  admissionLines = all.slice(1, 4001);
  writeFileSync(join(small, "admissions.csv"), [header, ...admissionLines].join("\n") + "\n");
  return () => rmSync(work, { recursive: true, force: true });
});

describe("no silent partial results", () => {
  it("indicators without population.csv: exit 1 naming the file, nothing written", () => {
    const dir = dataset("no-pop", (d) => rmSync(join(d, "population.csv")));
    const out = join(work, "no-pop.csv");
    const r = klynge(["indicators", dir, "--out", out]);
    expect(r.code).toBe(1);
    expect(lines(r.err)).toEqual([`klynge indicators: population.csv is missing in ${dir} (required: population.csv, population.csv.gz or folk1a.csv from StatBank)`]);
    expect(existsSync(out)).toBe(false);
    const da = klynge(["indicators", dir, "--out", out], "da");
    expect(lines(da.err)).toEqual([`klynge indicators: population.csv mangler i ${dir} (påkrævet: population.csv, population.csv.gz eller folk1a.csv fra Statistikbanken)`]);
  });

  it("indicators with an admissions.csv of only its header: exit 1, nothing written", () => {
    const dir = dataset("empty-adm", (d) => writeFileSync(join(d, "admissions.csv"), header + "\n"));
    const out = join(work, "empty.csv");
    const r = klynge(["indicators", dir, "--out", out]);
    expect(r.code).toBe(1);
    expect(lines(r.err)).toEqual(["klynge indicators: admissions.csv has no rows (only the header line); there is nothing to compute"]);
    expect(existsSync(out)).toBe(false);
  });

  it("rejected rows: exit 3 saying how many rows of which file, nothing written; --allow-rejected writes and says so", () => {
    const bad = admissionLines.slice(0, 2).map((l) => l.replace(/,(F|M),/, ",X,"));
    const dir = dataset("rejected", (d) => writeFileSync(join(d, "admissions.csv"), [header, ...bad, ...admissionLines.slice(2)].join("\n") + "\n"));
    const out = join(work, "rejected.csv");
    const r = klynge(["indicators", dir, "--out", out]);
    expect(r.code).toBe(3);
    expect(lines(r.err)).toEqual([
      `klynge indicators: 2 rows of admissions.csv rejected while loading; nothing was written (klynge validate ${dir} shows why; --allow-rejected uses the accepted rows)`,
    ]);
    expect(existsSync(out)).toBe(false);
    const ok = klynge(["indicators", dir, "--out", out, "--allow-rejected"]);
    expect(ok.code).toBe(0);
    expect(lines(ok.err)).toEqual(["klynge indicators: note: 2 rows of admissions.csv rejected and left out (--allow-rejected)"]);
    expect(existsSync(out)).toBe(true);
  });

  it("the indicator table keeps its columns (note included) whatever the rows", () => {
    const out = join(work, "columns.csv");
    expect(klynge(["indicators", small, "--out", out, "--level", "region", "--group", "65+"]).code).toBe(0);
    expect(readFileSync(out, "utf8").split("\n")[0]).toBe("indicator,level,unit,period,group,sex,numerator,denominator,value,lower,upper,method,suppressed,note");
    // the descriptor travels beside the table: kind, multiplier, unit and direction of each indicator present
    const meta = JSON.parse(readFileSync(`${out}.meta.json`, "utf8"));
    expect(meta.table).toBe("klynge-indicators");
    expect(meta.indicators.find((d: { id: string }) => d.id === "readmission_30d")).toMatchObject({ kind: "proportion", multiplier: 100, better: "decrease", periodKinds: ["year"] });
    // a second run replaces klynge's own table and metadata
    expect(klynge(["indicators", small, "--out", out, "--level", "region", "--group", "65+"]).code).toBe(0);
  }, 240_000); // two runs of about 30 s each: almost every count of 4,000 contacts is hidden, and the decision checks them with the LP solver

  it("report without population.csv: exit 1 naming the file; no talk of a previous report that never existed", () => {
    const dir = dataset("report-no-pop", (d) => rmSync(join(d, "population.csv")));
    const out = join(work, "report-no-pop-out");
    const r = klynge(["report", dir, "--out", out, "--formats", "svg", "--lang", "en"]);
    expect(r.code).toBe(1);
    expect(lines(r.err)).toEqual([`klynge report: population.csv is missing in ${dir} (required: population.csv, population.csv.gz or folk1a.csv from StatBank)`]);
    expect(r.err + r.out).not.toMatch(/previous report|tidligere rapport|no admissions in any year/);
    expect(existsSync(out)).toBe(false);
  });
});

describe("npm start on a clean clone", () => {
  it("report without --out in a folder with no out/: makes out/report (the default is klynge's own)", () => {
    const cwd = join(work, "fresh-clone");
    mkdirSync(cwd);
    const r = klynge(["report", small, "--formats", "svg", "--lang", "en"], "en", cwd);
    expect(r.code, r.err).toBe(0);
    expect(existsSync(join(cwd, "out", "report", "report.html"))).toBe(true);
    expect(r.out).toMatch(/^report written in \d+\.\d s: out\/report\/report\.html$/m);
  }, 240_000);
});

describe("klynge run speaks one language", () => {
  it("Danish (KLYNGE_LANG=da, or no English locale): load report, key figures, progress and summary; English with --lang en", () => {
    const r = klynge(["run", small, "--out", join(work, "run-da"), "--formats", "svg"], "da");
    expect(r.code, r.err).toBe(0);
    expect(r.out).toContain("klynges indlæsningsrapport for");
    expect(r.out).toMatch(/admissions\.csv: 4\.000 rækker læst, 4\.000 godkendt, 0 afvist, 0 dubletter, \d+ advarsl/);
    expect(r.out).toContain("Resultat: OK (ingen rækker afvist)");
    expect(r.out).toContain("Nøgletal (seneste hele år;");
    expect(r.out + r.err).not.toMatch(/rows read|Key figures|Result:|report written|validating/);
    const en = klynge(["run", small, "--out", join(work, "run-en"), "--formats", "svg", "--lang", "en"]);
    expect(en.out).toContain("Result: OK (no rows rejected)");
    expect(en.out + en.err).not.toMatch(/rækker læst|Nøgletal|Tegner|rapporten er skrevet/);
  }, 240_000);
});

describe("a Danish (Windows-1252) export is read as it is", () => {
  let win: string;
  beforeAll(() => {
    win = dataset("windows-1252", (d) => writeFileSync(join(d, "geography.csv"), Buffer.from(readFileSync(join(DEMO, "geography.csv"), "utf8"), "latin1")));
  });

  it("validate: one warning naming the file and the first line where it mattered; rows accepted", () => {
    const r = klynge(["validate", win]);
    expect(r.code).toBe(0);
    expect(r.out).toContain(
      "warning geography.csv:17: the file is not valid UTF-8 from this line on: read as Windows-1252 (what Danish Excel and many SAS and BI exports write); --encoding utf-8 or windows-1252 forces one",
    );
    expect(r.out).toContain("geography.csv: 19 rows read, 19 accepted, 0 rejected, 0 duplicates, 1 warning");
  });

  it("--encoding utf-8 keeps the old reading and says what it costs; --encoding windows-1252 reads it silently", () => {
    const forced = klynge(["validate", win, "--encoding", "utf-8"]);
    expect(forced.out).toContain('warning geography.csv:17: the file is not valid UTF-8 from this line on and was read as UTF-8 as asked (encoding utf-8); letters such as æ, ø, å show as "�"');
    const asked = klynge(["validate", win, "--encoding", "windows-1252"]);
    expect(asked.out).toContain("Problems: 0 errors, 0 warnings");
    expect(klynge(["validate", win, "--encoding", "latin"]).err).toContain('--encoding expects one of auto, utf-8, windows-1252, found "latin"');
  });
});

describe("the report as a new user sees it", () => {
  let run: Run;
  let out: string;
  beforeAll(() => {
    // The whole demo, its geography saved as Windows-1252 (as Danish Excel saves it).
    const win = join(work, "demo-1252");
    cpSync(DEMO, win, { recursive: true });
    writeFileSync(join(win, "geography.csv"), Buffer.from(readFileSync(join(DEMO, "geography.csv"), "utf8"), "latin1"));
    out = join(work, "report");
    // The minutes' dated change of practice ("HE Midt ønsker at lægge sig op ad Aarhus", seed 002).
    run = klynge(["report", win, "--out", out, "--formats", "svg", "--practice-change", "Hospitalsenhed Midt=2022-03-01"], "da");
  }, 240_000);

  it("builds, and the Windows-1252 names read right (Ringkøbing-Skjern, Samsø)", () => {
    expect(run.code, run.err).toBe(0);
    const html = readFileSync(join(out, "report.html"), "utf8");
    expect(html).toContain("Ringkøbing-Skjern");
    expect(html).not.toContain("Ringk\ufffdbing");
  });

  it("--practice-change: the 0–2 registration table by hospital marks Hospitalsenhed Midt's years before, of and after the change; no other hospital's", () => {
    const csv = readFileSync(join(out, "tables", "practice-by-hospital-0-2.csv"), "utf8").split("\n").filter((l) => l !== "");
    const phaseOf = (hospital: string, year: string) => csv.find((l) => l.startsWith(`${hospital},${year},`))?.split(",")[2];
    expect(phaseOf("Hospitalsenhed Midt", "2021")).toBe("før ændringen");
    expect(phaseOf("Hospitalsenhed Midt", "2022")).toBe("ændringsår");
    expect(phaseOf("Hospitalsenhed Midt", "2023")).toBe("efter ændringen");
    expect(phaseOf("Aarhus Universitetshospital", "2021")).toBe("");
  });

  it("the progress counter runs [1/9] … [9/9] without jumping, and everything printed is in one language (the report's)", () => {
    const progress = lines(run.err).filter((l) => /^\s+\[\d+\/\d+\]/.test(l));
    const steps = progress.map((l) => /\[(\d+)\/(\d+)\]/.exec(l)!.slice(1).map(Number));
    expect(new Set(steps.map(([, n]) => n))).toEqual(new Set([9]));
    for (let k = 1; k < steps.length; k++) expect(steps[k][0] - steps[k - 1][0]).toBeGreaterThanOrEqual(0);
    expect(steps[0][0]).toBe(1);
    expect(steps.at(-1)![0]).toBe(9);
    expect(progress.some((l) => /Tegner figur 1\/\d+: /.test(l))).toBe(true);
    expect(run.out).toMatch(/^rapporten er skrevet på \d+,\d s: .*report\.html$/m);
    expect(run.out + run.err).not.toMatch(/report written|chart files|Drawing/);
  });

  it("readmission trends give the period they show and say why the last year is missing", () => {
    const svg = readFileSync(join(out, "charts", "trend-readmission-65.svg"), "utf8");
    const text = svg.replace(/<[^>]+>/g, " ").replace(/\s+/g, " ");
    expect(text).toContain("Periode: 2016–2022");
    expect(text).toContain("2023 er ikke med: udskrivelser i 2023 kan ikke følges 30 dage frem i data.");
    const admissions = readFileSync(join(out, "charts", "trend-admission-all.svg"), "utf8").replace(/<[^>]+>/g, " ");
    expect(admissions).toContain("Periode: 2016–2023");
  });

  it("the five clusters' small multiples: the region fills the sixth panel", () => {
    const csv = readFileSync(join(out, "tables", "trend-admission-all.csv"), "utf8");
    expect(csv).toMatch(/^Region,region-panel,2016,/m);
  });
});

describe("CLI usage errors: one clear line, exit 2", () => {
  const out = () => join(work, "u.csv");

  it.each(["65", "2-0", "abc"])("--group %s", (group) => {
    const r = klynge(["indicators", small, "--out", out(), "--group", group]);
    expect(r.code).toBe(2);
    expect(lines(r.err)).toEqual([
      `klynge indicators: --group "${group}" is not an age group: use "all", "A-B" (e.g. "0-17", lower age first) or "A+" (e.g. "65+")`,
    ]);
    expect(r.err).not.toContain("    at ");
  });

  it("an unknown option names the closest one; in Danish too", () => {
    const r = klynge(["indicators", small, "--levle", "cluster"]);
    expect(r.code).toBe(2);
    expect(lines(r.err)).toEqual(["klynge indicators: unknown option --levle; did you mean --level? (klynge help indicators lists the options)"]);
    expect(lines(klynge(["indicators", small, "--levle", "cluster"], "da").err)).toEqual(["klynge indicators: ukendt tilvalg --levle; mente du --level? (klynge help indicators viser tilvalgene)"]);
  });

  it("--version prints the package's version", () => {
    const r = klynge(["--version"]);
    const version = (JSON.parse(readFileSync(join(ROOT, "package.json"), "utf8")) as { version: string }).version;
    expect(r.code).toBe(0);
    expect(r.out.trim()).toBe(`klynge ${version}`);
  });

  it("help foo: exit 2 saying there is no such command (with a suggestion for a typo)", () => {
    const r = klynge(["help", "foo"]);
    expect(r.code).toBe(2);
    expect(lines(r.err)).toEqual(['klynge help: there is no command "foo" (klynge help lists the commands)']);
    expect(lines(klynge(["help", "indicatrs"]).err)).toEqual(['klynge help: there is no command "indicatrs"; did you mean indicators? (klynge help lists the commands)']);
    expect(klynge(["help", "report"]).out).toContain("klynge report [DIR]");
  });

  it("--practice-change without a date says what it expects, in Danish too", () => {
    const r = klynge(["report", small, "--out", join(work, "r-bad"), "--practice-change", "HE Midt=2019-13-01"]);
    expect(r.code).toBe(2);
    expect(lines(r.err)).toEqual(['klynge report: --practice-change "HE Midt=2019-13-01" is not HOSPITAL=YYYY-MM-DD (e.g. --practice-change "HE Midt=2019-03-01")']);
    expect(lines(klynge(["report", small, "--out", join(work, "r-bad"), "--practice-change", "HE Midt"], "da").err)).toEqual([
      'klynge report: --practice-change "HE Midt" er ikke SYGEHUS=ÅÅÅÅ-MM-DD (fx --practice-change "HE Midt=2019-03-01")',
    ]);
    expect(existsSync(join(work, "r-bad"))).toBe(false);
  });

  it("--years 2023-2016 says the first year must come first", () => {
    const r = klynge(["generate", "--years", "2023-2016", "--out", join(work, "gen")]);
    expect(r.code).toBe(2);
    expect(lines(r.err)).toEqual(["klynge generate: --years 2023-2016: the first year must come first (2016-2023)"]);
  });

  it("--out into a folder that does not exist is refused (nothing created)", () => {
    const target = join(work, "no-such-folder", "i.csv");
    const r = klynge(["indicators", small, "--out", target]);
    expect(r.code).toBe(2);
    expect(lines(r.err)).toEqual([
      `klynge indicators: --out ${target}: the folder ${join(work, "no-such-folder")} does not exist; create it first (klynge does not create folders you did not ask for)`,
    ]);
    expect(existsSync(join(work, "no-such-folder"))).toBe(false);
  });

  it("singular and plural: 1 row, 1 error, 1 warning", () => {
    const bad = admissionLines[0].replace(/,(F|M),/, ",X,");
    const dir = dataset("one-bad", (d) => writeFileSync(join(d, "admissions.csv"), [header, bad, ...admissionLines.slice(1)].join("\n") + "\n"));
    const r = klynge(["validate", dir]);
    expect(r.code).toBe(1);
    expect(r.out).toContain("Problems: 1 error, ");
    expect(r.out).toContain("Result: FAILED (1 row rejected, 1 error)");
    expect(r.out).not.toMatch(/\b1 (rows|errors|warnings)\b/);
    const iv = klynge(["interventions", join(ROOT, "data", "interventions")]);
    expect(iv.out).toMatch(/^\d+ interventions in /);
    expect(iv.out).toMatch(/; 1 kernel element; /);
    expect(iv.out).toMatch(/; 3 kernel elements; /);
    expect(iv.out).not.toContain("(s)");
  });

  it("the CPR-shaped-id error names the command-line flag", () => {
    const cpr = ["0101", "70", "1234"].join("");
    const line = admissionLines[0].replace(/^[^,]+,/, `${cpr},`);
    const dir = dataset("cpr", (d) => writeFileSync(join(d, "admissions.csv"), [header, line, ...admissionLines.slice(1)].join("\n") + "\n"));
    const r = klynge(["validate", dir]);
    expect(r.out).toContain("admissions.csv:2: patient_id is shaped like a CPR number (value not shown); data must be pseudonymised (--allow-cpr-like-ids on the command line");
    expect(r.out).not.toContain(cpr);
    expect(klynge(["validate", dir, "--allow-cpr-like-ids"]).code).toBe(0);
  });

  it("--excel: Danish headers, decimal comma, at most 2 decimals", () => {
    const file = join(work, "excel.csv");
    expect(klynge(["indicators", small, "--out", file, "--excel", "--level", "region", "--group", "65+"]).code).toBe(0);
    const text = readFileSync(file, "utf8");
    const [head, ...rows] = text.replace(/^\uFEFF/, "").split("\r\n").filter(Boolean);
    expect(head).toBe("indikator;niveau;enhed;periode;gruppe;køn;tæller;nævner;værdi;nedre grænse;øvre grænse;metode;undertrykt;note");
    const values = rows.map((r) => r.split(";")[8]).filter((v) => v !== "");
    expect(values.length).toBeGreaterThan(0);
    for (const v of values) expect(v).toMatch(/^-?\d+(,\d{1,2})?$|^-?0,0*\d{1,2}$/);
    expect(rows.every((r) => /;(ja|nej);/.test(r))).toBe(true);
    expect(klynge(["indicators", small, "--out", join(work, "x.json"), "--excel"]).code).toBe(2);
  });

  it("a header line repeated inside admissions.csv (files joined): one warning naming the line, no rejected rows", () => {
    const dir = dataset("repeated", (d) => writeFileSync(join(d, "admissions.csv"), [header, ...admissionLines.slice(0, 10), header, ...admissionLines.slice(10)].join("\n") + "\n"));
    const r = klynge(["validate", dir]);
    expect(r.code).toBe(0);
    expect(r.out).toContain("warning admissions.csv:12: the header is repeated on this line (files joined together?); the line is skipped");
    expect(r.out).toContain("Problems: 0 errors, 1 warning");
  });

  it("the import report counts every warning it lists", () => {
    const key = join(work, "key");
    writeFileSync(key, "a key for the first-hour test, 16+ characters\n");
    const r = klynge(["import", "--format", "lpr3-a", join(ROOT, "data", "samples", "lpr3-a"), "--out", join(work, "imported"), "--key-file", key]);
    expect(r.code).toBe(0);
    const listed = r.out.split("\n").filter((l) => l.startsWith("  warning lpr_a_kontakt.csv")).length;
    expect(listed).toBe(3);
    expect(r.out).toContain(`lpr_a_kontakt.csv: 32 rows read, 29 accepted, 0 rejected, 0 duplicates, ${listed} warnings`);
  });

  it("an unexpected failure is one line, not a stack trace", () => {
    const r = klynge(["interventions", join(work, "nowhere")]);
    expect(r.err).not.toMatch(/^\s+at /m);
    expect(lines(r.err).length).toBeGreaterThanOrEqual(1);
  });
});
