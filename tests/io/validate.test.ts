/** validateDataset (what `klynge validate DIR` runs) and formatLoadReport. */

import { describe, expect, it } from "vitest";
import { validateDataset } from "../../src/io/validateDataset.js";
import { ADM_HEADER, admLine, admRow, admissionsDataset, makeDataset, populationCsv } from "./helpers.js";

describe("validateDataset", () => {
  it("a clean dataset: exit code 0 and the printed report", async () => {
    const dir = admissionsDataset([admLine(admRow()), admLine(admRow({ patient_id: "q2" }))]);
    const v = await validateDataset(dir);
    expect(v.exitCode).toBe(0);
    expect(v.text.split("\n").slice(1, 4)).toEqual([
      "  admissions.csv: 2 rows read, 2 accepted, 0 rejected, 0 duplicates, 0 warnings",
      "  population.csv: 10 rows read, 10 accepted, 0 rejected, 0 duplicates, 0 warnings",
      "  midtjylland.csv: 19 rows read, 19 accepted, 0 rejected, 0 duplicates, 0 warnings",
    ]);
    expect(v.text).toContain("Result: OK (no rows rejected)");
  });

  it("a rejected row: exit code 1, the problem listed, capped lists noted", async () => {
    const lines = [admLine(admRow()), ...Array.from({ length: 4 }, (_, i) => admLine(admRow({ patient_id: `q${i}`, sex: "X" })))];
    const dir = makeDataset({ "admissions.csv": [ADM_HEADER + ",ward", ...lines.map((l) => l + ",7")].join("\n"), "population.csv": populationCsv() });
    const v = await validateDataset(dir, { maxProblemsPerCode: 2 });
    expect(v.exitCode).toBe(1);
    const text = v.text.split("\n");
    expect(text).toContain("    extra columns kept and ignored: ward");
    expect(text).toContain('  error admissions.csv:3: sex "X" is not F, M or K');
    expect(text).toContain("  … and 2 more bad_sex (list capped; all are counted)");
    expect(text).toContain("Problems: 4 errors, 0 warnings");
    expect(text).toContain("Result: FAILED (4 rows rejected, 4 errors)");
  });

  it("duplicates alone do not fail validation", async () => {
    const l = admLine(admRow());
    const v = await validateDataset(admissionsDataset([l, l]));
    expect(v.exitCode).toBe(0);
    expect(v.text).toContain("  warning admissions.csv:3: exact duplicate of line 2 (counted once)");
  });
});
