/** isOwnTable: which existing files `klynge indicators --out` may replace (SECURITY.md). */

import { mkdtempSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { isOwnTable } from "../../src/interop/isOwnTable.js";
import { writeTable } from "../../src/interop/writeTable.js";

const COLS = ["indicator", "level", "unit"];
const rows = [{ indicator: "admission_rate", level: "cluster", unit: "Nord", value: 1.5 }];

describe("isOwnTable", () => {
  const dir = mkdtempSync(join(tmpdir(), "klynge-own-"));
  it("recognises klynge's CSV, Danish Excel CSV, JSON and Arrow tables", () => {
    for (const [name, options] of [["a.csv", {}], ["b.csv", { csvVariant: "excel-da" as const }], ["c.json", {}], ["d.arrow", {}]] as const) {
      const f = join(dir, name);
      writeTable(rows, f, options);
      expect(isOwnTable(f, COLS), name).toBe(true);
    }
  });
  it("refuses other files, links and missing files", () => {
    const other = join(dir, "budget.csv");
    writeFileSync(other, "post,beløb\nløn,100\n");
    expect(isOwnTable(other, COLS)).toBe(false);
    writeFileSync(join(dir, "x.json"), '{"indicator": 1}');
    expect(isOwnTable(join(dir, "x.json"), COLS)).toBe(false);
    writeFileSync(join(dir, "y.arrow"), "not arrow");
    expect(isOwnTable(join(dir, "y.arrow"), COLS)).toBe(false);
    symlinkSync(join(dir, "a.csv"), join(dir, "link.csv"));
    expect(isOwnTable(join(dir, "link.csv"), COLS)).toBe(false);
    expect(isOwnTable(join(dir, "missing.csv"), COLS)).toBe(false);
  });
});
