import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { generateToMemory } from "../../src/generate/index.js";
import { DIAGNOSIS_CATEGORIES } from "../../src/generate/diagnosisMix.js";
import { inGroups, normaliseDiagnosis, parseAdmissions, parseGroupFile } from "./simpleMeasures.js";

const read = (name: string) => parseGroupFile(readFileSync(`data/diagnosis-groups/${name}`, "utf8"));

describe("data/diagnosis-groups", () => {
  it("files have the shared format: group,label_da,label_en,code_prefix; prefixes without dots or SKS D", () => {
    for (const name of ["preventable-admissions.csv", "focus-areas.csv", "readmission-exclusions.csv"]) {
      const text = readFileSync(`data/diagnosis-groups/${name}`, "utf8");
      const lines = text.split("\n").filter((l) => l !== "" && !l.startsWith("#"));
      expect(lines[0]).toBe("group,label_da,label_en,code_prefix");
      for (const l of lines.slice(1)) {
        expect(l.split(",").length, l).toBe(4);
        expect(l.split(",")[3], l).toMatch(/^[A-Z](\d{0,3})$/);
      }
      expect(text).toMatch(/^# /); // a comment header names the source
    }
    expect([...read("preventable-admissions.csv").keys()]).toEqual([
      "dehydration", "constipation", "lower_respiratory_disease", "cystitis", "gastroenteritis",
      "fractures", "nutritional_anaemia", "social_care", "pressure_sores",
    ]);
    expect([...read("focus-areas.csv").keys()]).toEqual(["fractures", "lower_respiratory_infections", "unspecific"]);
    expect(read("readmission-exclusions.csv").get("cancer")).toContain("D09");
  });

  it("the generator's preventable categories fall in the preventable groups, the others do not", () => {
    const groups = read("preventable-admissions.csv");
    for (const cat of DIAGNOSIS_CATEGORIES)
      for (const [code] of cat.codes) expect(inGroups(normaliseDiagnosis(code), groups), `${cat.id} ${code}`).toBe(cat.preventable);
  });

  it("every group occurs among generated 65+ contacts, written both as ICD-10 and as SKS", async () => {
    const { files } = await generateToMemory({ seed: 4, years: [2020, 2021], fraction: 0.01 });
    const raw = files["admissions.csv"].split("\n").slice(1, -1).map((l) => l.split(",")[9]);
    expect(raw.some((c) => /^D[A-Z]\d/.test(c))).toBe(true);
    expect(raw.some((c) => /^[A-Z]\d\d\.\d$/.test(c))).toBe(true);
    const contacts = parseAdmissions(files["admissions.csv"]).filter((c) => Number(c.birth.slice(0, 4)) <= 1955);
    for (const file of ["preventable-admissions.csv", "focus-areas.csv"]) {
      for (const [group, prefixes] of read(file)) {
        expect(contacts.some((c) => prefixes.some((p) => c.diagnosis.startsWith(p))), `${file} ${group}`).toBe(true);
      }
    }
    const referrals = new Set(files["admissions.csv"].split("\n").slice(1, -1).map((l) => l.split(",")[10]));
    for (const r of ["gp", "out_of_hours", "nursing_home", "emergency_call", "hospital", "self", "other"]) expect(referrals).toContain(r);
  });
});
