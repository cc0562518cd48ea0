import { describe, expect, it } from "vitest";
import { spreadProblemText } from "../../src/text/catalogue.js";
import { SPREAD_PROBLEM_DA, SPREAD_PROBLEM_EN } from "../../src/text/spreadProblemTexts.js";
import { validateIntervention } from "../../src/spread/index.js";
import { spreadProblemLine } from "../../src/spread/spreadProblem.js";
import { PERSON_NUMBER_MASK } from "../../src/contract/personNumber.js";
import { minimalIntervention } from "../spread/fixtures/minimal.js";

/** A value shaped like a person number, assembled at run time (no such string is committed). */
const SHAPED = ["0101", "90", "1234"].join("");

// Item 3 of issue #13: the problems of an intervention file are codes plus values; their wording is
// in the one catalogue, Danish by default and English on request, "file:line: path: " kept.

describe("problems of an intervention file", () => {
  it("read word for word in Danish and English", () => {
    const both = (code: string, values: Record<string, string | number>) => [spreadProblemText(code, values, "da"), spreadProblemText(code, values, "en")];
    expect(both("missing_field", {})).toEqual(["skal udfyldes", "is required"]);
    expect(both("wrong_type", { expected: "spread.type.int", found: "spread.found.list" })).toEqual(["skal være et helt tal, fandt en liste", "must be a whole number, found a list"]);
    expect(both("unknown_field", { key: "kernal", suggestion: "kernel" })).toEqual(['ukendt felt "kernal"; mente du "kernel"?', 'unknown field "kernal"; did you mean "kernel"?']);
    expect(both("unknown_field", { key: "colour" })).toEqual(['ukendt felt "colour"', 'unknown field "colour"']);
    expect(both("unknown_programme", { id: "p", known: "spread.problem.none" })).toEqual(['ukendt program "p"; mappens programmer er (ingen)', 'unknown programme "p"; the folder\'s programmes are (none)']);
    expect(both("duplicate_adoption", { municipality: "740", cluster: "Midt", first: "adoptions[0]" })).toEqual([
      'kommune 740 i klyngen "Midt" indfører indsatsen to gange; se også adoptions[0]',
      'municipality 740 of cluster "Midt" adopts the intervention twice; see also adoptions[0]',
    ]);
    expect(both("push_pull_missing", { missing: "pull" })[0]).toBe(
      "spredningsplatformen har intet pull-incitament; både push og pull skal være til stede, for at en løsning kan spredes (seed 003)",
    );
    expect(both("fidelity_not_recorded", { n: 2, elements: '"a", "b"' })).toEqual([
      'troskab er ikke registreret for kerneelementerne "a", "b"',
      'fidelity is not recorded for kernel elements "a", "b"',
    ]);
    expect(both("error_summary", { errors: 1, files: 1 })).toEqual(["1 problem i 1 indsatsfil:", "1 problem in 1 intervention file:"]);
  });

  it("keep the file:line: path: prefix in both languages", () => {
    const raw = minimalIntervention();
    delete raw.owner;
    const [p] = validateIntervention(raw, "test.yaml").problems;
    expect(p).toMatchObject({ code: "missing_field", values: {}, message: "test.yaml: owner: skal udfyldes" });
    expect(spreadProblemLine(p, "en")).toBe("test.yaml: owner: is required");
  });

  it("never show a value shaped like a person number", () => {
    const raw = minimalIntervention();
    raw.owner = [SHAPED];
    raw.phase = SHAPED;
    for (const p of validateIntervention(raw, "test.yaml").problems)
      for (const lang of ["da", "en"] as const) {
        const line = spreadProblemLine(p, lang);
        expect(line).not.toContain(SHAPED);
        if (p.code === "invalid_choice") expect(line).toContain(PERSON_NUMBER_MASK);
      }
  });

  it("have a Danish wording of their own for every key", () => {
    const english = /\b(the|and|is|are|of|with|not|no|from|which|cannot|found|must)\b/;
    for (const key of Object.keys(SPREAD_PROBLEM_DA) as (keyof typeof SPREAD_PROBLEM_DA)[]) {
      if (key === "spread.found.null") continue;
      expect(SPREAD_PROBLEM_DA[key], key).not.toBe(SPREAD_PROBLEM_EN[key]);
      // Field names and values of the file (kind: programme, target_value, "all") are not wording.
      expect(SPREAD_PROBLEM_DA[key].replace(/\{[^}]*\}|"[^"]*"|\b[a-z]+_[a-z_]+\b|kind: programme|programme: <dette id>|true eller false/g, ""), key).not.toMatch(english);
    }
  });
});
