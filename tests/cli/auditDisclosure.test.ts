import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it, vi } from "vitest";
import { auditDisclosureCommand } from "../../src/cli/commands/auditDisclosure.js";
import { readPublishedTables } from "../../src/io/readPublishedTables.js";

const dirs: string[] = [];
const fresh = () => {
  const d = mkdtempSync(join(tmpdir(), "klynge-audit-"));
  dirs.push(d);
  return d;
};
afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));

const HEADER = "indicator,level,unit,period,group,sex,numerator,denominator,value,suppressed";

describe("klynge audit-disclosure", () => {
  it("reads published tables, collecting every bad cell in one pass (file, row, column, expected, found)", () => {
    const dir = fresh();
    writeFileSync(join(dir, "a.csv"), [HEADER, "admission_rate,municipality,615,2019,65+,all,12,1000,12,false", "admission_rate,county,615,2019,65+,all,-3,1000,,false", "admission_rate,municipality,615,2019,65+,X,,1000,,true"].join("\n"));
    writeFileSync(join(dir, "notes.csv"), "a,b\n1,2\n");
    const t = readPublishedTables(dir);
    expect(t.files).toEqual([{ file: "a.csv", rowsRead: 3, rowsAccepted: 1, }]);
    expect(t.skipped).toEqual(["notes.csv"]);
    expect(t.problems).toEqual([
      { file: "a.csv", row: 2, column: "level", expected: "region, cluster or municipality", found: "another value" },
      { file: "a.csv", row: 2, column: "numerator", expected: "a non-negative number or empty", found: "a negative number" },
      { file: "a.csv", row: 3, column: "sex", expected: "all, F or M", found: "another value" },
    ]);
  });

  it("exit 0 when every hidden count is protected, 1 with the narrow ones listed when one can be worked out", async () => {
    const log = vi.spyOn(console, "log").mockImplementation(() => undefined);
    const err = vi.spyOn(console, "error").mockImplementation(() => undefined);
    const dir = fresh();
    writeFileSync(join(dir, "t.csv"), [HEADER, "admission_rate,municipality,615,2019,65+,all,12,1000,,false", "admission_rate,municipality,615,2019,65+,F,,500,,true", "admission_rate,municipality,615,2019,65+,M,,500,,true"].join("\n"));
    expect(await auditDisclosureCommand([dir])).toBe(0);
    expect(log.mock.calls.map((c) => String(c[0]))).toContain("every hidden count can take a range of at least 5 values: protected");
    log.mockClear();
    const open = fresh();
    writeFileSync(join(open, "t.csv"), [HEADER, "admission_rate,municipality,615,2019,65+,all,12,1000,,false", "admission_rate,municipality,615,2019,65+,F,,500,,true", "admission_rate,municipality,615,2019,65+,M,10,500,,false"].join("\n"));
    expect(await auditDisclosureCommand([open])).toBe(1);
    const lines = log.mock.calls.map((c) => String(c[0]));
    expect(lines).toContain("1 hidden counts have a range narrower than 5:");
    expect(lines).toContain("  acute|municipality|615|2019|65+|F: 2 to 2");
    log.mockRestore();
    err.mockRestore();
  });
});
