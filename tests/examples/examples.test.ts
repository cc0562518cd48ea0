/**
 * Runs every script of examples/ as a user would (`tsx examples/<name>.ts` from the repository
 * root) and checks that it exits 0 and prints the lines its job promises. The scripts run
 * concurrently, each in its own process.
 *
 * By default only import-my-region.ts runs (it builds its own small files). The five scripts on
 * the demo data (~300,000 contacts) take 10–30 s each on a loaded machine, more than this test
 * set's time budget, so they run only with KLYNGE_SLOW_EXAMPLES=1:
 *   KLYNGE_SLOW_EXAMPLES=1 npx vitest run tests/examples
 */
import { spawn } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, describe, expect, it } from "vitest";

const root = fileURLToPath(new URL("../..", import.meta.url));

function run(script: string, args: string[] = []): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ["--import", "tsx", join("examples", script), ...args], { cwd: root, env: { ...process.env, TZ: "Europe/Copenhagen" } });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (b: Buffer) => (stdout += b.toString("utf8")));
    child.stderr.on("data", (b: Buffer) => (stderr += b.toString("utf8")));
    child.on("close", (code) => resolve({ code, stdout, stderr }));
  });
}

const outDir = mkdtempSync(join(tmpdir(), "klynge-examples-"));
afterAll(() => rmSync(outDir, { recursive: true, force: true }));

const TIMEOUT = 180_000;
const slow = process.env.KLYNGE_SLOW_EXAMPLES !== "1";
/** Said in the name of each slow test, so a skipped one says how to run it. */
const SLOW = " [slow: runs with KLYNGE_SLOW_EXAMPLES=1, as CI does]";

describe.concurrent("examples/", () => {
  it("import-my-region.ts reads FOLK1A and LPR3 extracts with the presets and writes a contract dataset", { timeout: TIMEOUT }, async () => {
    const r = await run("import-my-region.ts");
    expect(r.stderr).toBe("");
    expect(r.code).toBe(0);
    // FOLK1A totals and other quarters are dropped: 3 municipalities × 2 years (Q1) × 2 sexes × 101 ages kept.
    expect(r.stdout).toMatch(/folk1a\.csv: 2754 rows read, 1212 accepted, 0 rejected/);
    expect(r.stdout).toMatch(/lpr_a_kontakt\.csv: 61 rows read, 60 accepted, 1 rejected/);
    expect(r.stdout).toMatch(/prioritet ATA1: \d+ -> acute/);
    expect(r.stdout).toMatch(/geography\.csv: 3 rows read, 3 accepted/);
    expect(r.stdout).toMatch(/lpr_a_kontakt\.csv:62: discharged_at .* is before admitted_at/);
    expect(r.stdout).toMatch(/Acute admissions per 1,000 citizen-years in Nord, 2023-Q1: \d/);
    expect(r.stdout).toContain("wrote admissions.csv, population.csv, geography.csv");
    expect(r.stdout).not.toContain(tmpdir());
  });

  it.skipIf(slow)("export-tables.ts writes Danish-Excel CSV, CSV, JSON and Arrow" + SLOW, { timeout: TIMEOUT }, async () => {
    const r = await run("export-tables.ts", [join(root, "data/demo"), outDir]);
    expect(r.stderr).toBe("");
    expect(r.code).toBe(0);
    expect(r.stdout).toContain("Excel CSV starts with a BOM: true");
    expect(r.stdout).toMatch(/^indicator;level;unit;period;group;sex;numerator;denominator;value;lower;upper;method;suppressed$/m);
    const rowsLine = /Indicator table: (\d+) rows/.exec(r.stdout);
    expect(rowsLine).not.toBeNull();
    expect(r.stdout).toContain(`Arrow file: ${rowsLine?.[1]} rows`);
    const excel = readFileSync(join(outDir, "indicators-excel-da.csv"), "utf8");
    // Decimal comma in the value columns, CRLF line ends.
    expect(excel.split("\r\n")[1]).toMatch(/;\d+,\d+;/);
    const json = JSON.parse(readFileSync(join(outDir, "indicators.json"), "utf8")) as unknown[];
    expect(json.length).toBe(Number(rowsLine?.[1]));
  });

  it.skipIf(slow)("children-0-2.ts shows the registration-practice difference of Aarhus" + SLOW, { timeout: TIMEOUT }, async () => {
    const r = await run("children-0-2.ts");
    expect(r.stderr).toBe("");
    expect(r.code).toBe(0);
    const ratio = (cluster: string) => Number(new RegExp(`^${cluster}\\s+harmonised [\\d.]+\\s+as registered [\\d.]+\\s+ratio ([\\d.]+)$`, "m").exec(r.stdout)?.[1]);
    // data/demo/README.md: Aarhus registers children as outpatients, so as-registered ≈ harmonised there,
    // while the other clusters' registered inpatient contacts are several times the stays ≥ 12 h.
    expect(ratio("Aarhus")).toBeCloseTo(1, 1);
    for (const c of ["Horsens", "Midt", "Randers", "Vest"]) expect(ratio(c)).toBeGreaterThan(2);
    expect(existsSync(join(root, "out/examples/children-0-2-registration.svg"))).toBe(true);
  });

  it.skipIf(slow)("citizens-65plus.ts prints the 65+ indicators and referral sources" + SLOW, { timeout: TIMEOUT }, async () => {
    const r = await run("citizens-65plus.ts");
    expect(r.stderr).toBe("");
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^Citizens 65\+, \d{4}/m);
    expect(r.stdout).toMatch(/^Aarhus\s+\d+\.\d/m);
    expect(r.stdout).toMatch(/^\s+nursing_home\s+\d+$/m);
  });

  it.skipIf(slow)("cross-cluster.ts draws the funnel and a phased SPC chart per cluster" + SLOW, { timeout: TIMEOUT }, async () => {
    const r = await run("cross-cluster.ts");
    expect(r.stderr).toBe("");
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^Funnel: method (spiegelhalter|spiegelhalter-fallback), phi \d/m);
    // Adopters get a second phase at their start; non-adopters have one phase (truth.json).
    expect(r.stdout).toMatch(/^SPC Midt: Før [\d.]+ % -> Indsats [\d.]+ %$/m);
    expect(r.stdout).toMatch(/^SPC Aarhus: Før [\d.]+ %$/m);
  });

  it.skipIf(slow)("intervention-spread.ts estimates the injected effect" + SLOW, { timeout: TIMEOUT }, async () => {
    const r = await run("intervention-spread.ts");
    expect(r.stderr).toBe("");
    expect(r.code).toBe(0);
    const m = /^Staggered DiD: rate ratio ([\d.]+) \(([\d.]+)-([\d.]+)\)$/m.exec(r.stdout);
    expect(m).not.toBeNull();
    // truth.json: the demo generator injected a rate ratio of 0.75 in Midt, Randers and Vest.
    expect(Number(m?.[2])).toBeLessThan(0.9);
    expect(r.stdout).toMatch(/^ITS Randers from 2019-07: rate ratio/m);
  });
});
