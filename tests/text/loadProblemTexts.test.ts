/** Load problems: every io code worded in Danish and English in the one catalogue; a few lines word for word. */

import { describe, expect, it } from "vitest";
import { MESSAGES } from "../../src/io/messages.js";
import { formatMessage } from "../../src/io/messages.js";
import { formatLoadReport } from "../../src/io/formatLoadReport.js";
import { loadDataset } from "../../src/io/loadDataset.js";
import { LOAD_PROBLEM_DA, LOAD_PROBLEM_EN } from "../../src/text/loadProblemTexts.js";
import { loadProblemText } from "../../src/text/catalogue.js";
import { FIELD_EXPECTED } from "../../src/contract/fields.js";
import { REGISTER_EXPECTED } from "../../src/io/registers/registerBytes.js";
import { ADM_HEADER, admLine, admRow, makeDataset, populationCsv } from "../io/helpers.js";

/** A value shaped like a person number, assembled at run time (no such string is committed). */
const SHAPED = ["0101", "80", "1234"].join("");

describe("load problem texts", () => {
  it("every problem code has a Danish and an English wording", () => {
    for (const code of Object.keys(MESSAGES)) {
      const key = `load.problem.${code}` as keyof typeof LOAD_PROBLEM_DA;
      expect(LOAD_PROBLEM_DA[key], code).toBeTypeOf("string");
      expect(LOAD_PROBLEM_EN[key], code).toBeTypeOf("string");
      expect(loadProblemText(code, { column: "c", found: "f", expected: "e", n: 1, m: 2, list: "l", lineRef: 3, other: "o" }, "da")).not.toMatch(/\{\w+/);
    }
  });

  it("every expected-value phrase of the contract and the register presets has Danish", () => {
    const en = new Set(Object.values(LOAD_PROBLEM_EN));
    for (const e of [...Object.values(FIELD_EXPECTED), ...Object.values(REGISTER_EXPECTED)]) {
      if (e.startsWith("one of ")) continue;
      expect(en.has(e), e).toBe(true);
    }
  });

  it("lines word for word in both languages", () => {
    const bad = { column: "birth_date", found: "1950-13-45", expected: FIELD_EXPECTED.date };
    expect(formatMessage("bad_date", "admissions.csv", 2, bad, "da")).toBe('admissions.csv:2: birth_date: forventede en dato skrevet ÅÅÅÅ-MM-DD, fandt "1950-13-45"');
    expect(formatMessage("bad_date", "admissions.csv", 2, bad, "en")).toBe('admissions.csv:2: birth_date "1950-13-45" is not a date YYYY-MM-DD');
    expect(formatMessage("bad_sector", "sector_costs.csv", 4, { column: "sector", found: "x", expected: FIELD_EXPECTED.sector }, "da")).toMatch(
      /^sector_costs\.csv:4: sector: forventede en af .+, fandt "x"$/,
    );
    expect(formatMessage("cpr_like_text", "a.csv", null, { column: "hospital", n: 1234 }, "da")).toBe(
      "a.csv: 1.234 værdier i hospital er formet som et CPR-nummer (vises ikke); de bevares og maskeres i alt, hvad klynge skriver ud",
    );
    expect(formatMessage("cost_unallocated", "k.csv", null, { n: 1, found: "1234.50" }, "da")).toBe(
      "k.csv: 1 forløbspris på i alt 1.234,50 kr. passer ikke til nogen indlæst kontakt og fordeles ikke",
    );
    expect(formatMessage("cost_unallocated", "k.csv", null, { n: 1, found: "1234.50" }, "en")).toBe(
      "k.csv: 1 course price(s) totalling 1234.50 DKK match no imported contact and are not allocated",
    );
    expect(formatMessage("field_count", "a.csv", 7, { n: 2, m: 12 }, "da")).toBe("a.csv:7: rækken har 2 felter, overskriften har 12");
    expect(formatMessage("no_geography", "geography.csv", null, { found: "no valid rows" }, "da")).toBe(
      "geography.csv: ingen brugbar geografi (ingen gyldige rækker); kommunerne kan ikke kontrolleres",
    );
  });

  it("masks a value shaped like a person number in both languages", () => {
    const p = { column: "birth_date", found: SHAPED, expected: FIELD_EXPECTED.date };
    for (const lang of ["da", "en"] as const) expect(formatMessage("bad_date", "a.csv", 2, p, lang)).not.toContain(SHAPED);
  });

  it("a Danish load report line for a bad date", async () => {
    const ds = await loadDataset(makeDataset({ "admissions.csv": [ADM_HEADER, admLine(admRow({ birth_date: "1950-13-45" }))].join("\n") + "\n", "population.csv": populationCsv() }));
    const p = ds.report.problems.find((x) => x.code === "bad_date")!;
    expect(p.message).toBe('admissions.csv:2: birth_date "1950-13-45" is not a date YYYY-MM-DD');
    expect(p.values).toMatchObject({ column: "birth_date", found: "1950-13-45" });
    expect(formatLoadReport(ds.report, "da")).toContain('  fejl admissions.csv:2: birth_date: forventede en dato skrevet ÅÅÅÅ-MM-DD, fandt "1950-13-45"\n');
    expect(formatLoadReport(ds.report, "en")).toContain('  error admissions.csv:2: birth_date "1950-13-45" is not a date YYYY-MM-DD\n');
  });
});
