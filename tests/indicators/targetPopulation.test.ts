/**
 * An intervention's target_population.diagnosis_groups restrict its target indicators (issue 17),
 * with a documented "medical patients" group (data/diagnosis-groups/target-populations.csv).
 * Counts worked out by hand.
 */
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { computeIndicators } from "../../src/indicators/index.js";
import { admissionRate } from "../../src/indicators/admissionRate.js";
import { readmission30d } from "../../src/indicators/readmission30d.js";
import { defaultTargetGroups, resolveDiagnosisGroups } from "../../src/indicators/diagnosisGroupFiles.js";
import { interventionIndicatorRows, loadInterventions } from "../../src/spread/index.js";
import { groupIndexByDiagnosis } from "../../src/stays/diagnosisGroups.js";
import type { ContactRow } from "../stays/contactsFromRows.js";
import { datasetFrom, flatPopulation } from "./datasetFromRows.js";

const a = (patient: string, from: string, to: string, diagnosis: string): ContactRow => ({ patient, admitted: from, discharged: to, diagnosis, birth: "1940-01-01" });
const ROWS: ContactRow[] = [
  a("p1", "2019-02-01T08:00", "2019-02-03T08:00", "J189"), // medical
  a("p2", "2019-03-01T08:00", "2019-03-04T08:00", "S720"), // hip fracture: not medical
  a("p2", "2019-03-09T08:00", "2019-03-11T08:00", "J189"), // readmission of p2 (5 days), medical
  a("p3", "2019-04-01T08:00", "2019-04-02T20:00", "K359"), // appendicitis: surgical, not medical
  a("p4", "2019-05-01T08:00", "2019-05-03T08:00", "I219"), // medical, readmitted 10 days later
  a("p4", "2019-05-13T08:00", "2019-05-14T08:00", "R509"), // medical
  a("z", "2020-12-31T08:00", "2020-12-31T09:00", "Z000"), // data end
];
const ds = datasetFrom(ROWS, flatPopulation([2019, 2020], [615, 727, 751], 10));
const medical = defaultTargetGroups();
const at = (rows: ReturnType<typeof admissionRate>, indicator: string) => rows.find((r) => r.indicator === indicator && r.level === "region" && r.period === "2019" && r.group === "65+" && r.sex === "all");

describe("the medical-patients group", () => {
  it("keeps the medical chapters and leaves out injuries, surgical digestive diagnoses, neoplasms and pregnancy", () => {
    expect(medical.map((g) => g.group)).toEqual(["medical"]);
    const codes = ["J189", "I219", "R509", "E86", "N390", "K590", "S720", "K359", "K409", "K802", "C509", "O800", "F100", "Z000"];
    const idx = groupIndexByDiagnosis(codes, medical);
    expect(codes.filter((_, i) => idx[i] === 0)).toEqual(["J189", "I219", "R509", "E86", "N390", "K590"]);
  });
});

describe("target population restricts admission_rate and readmission_30d", () => {
  it("counts only the target population's stays, under its own id", () => {
    const opts = { minCount: 0, groups: ["65+"], diagnosisGroups: medical };
    // all acute admissions: 6; medical: p1, p2's J189, p4's I219 and R509 = 4
    expect(at(admissionRate(ds, { minCount: 0, groups: ["65+"] }), "admission_rate")?.numerator).toBe(6);
    expect(at(admissionRate(ds, opts), "admission_rate@medical")?.numerator).toBe(4);
    // readmissions: all 2 of 6 (p2's fracture, p4's I21); medical index admissions 4, readmitted 1 (p4's I21)
    const all = at(readmission30d(ds, { minCount: 0, groups: ["65+"] }), "readmission_30d");
    expect([all?.numerator, all?.denominator]).toEqual([2, 6]);
    const med = at(readmission30d(ds, opts), "readmission_30d@medical");
    expect([med?.numerator, med?.denominator]).toEqual([1, 4]);
  });

  it("a restricted count is never published under the plain id, and is suppressed by the one engine", () => {
    const rows = computeIndicators(ds, { groups: ["65+"], levels: ["region"], sexes: ["all"], indicators: ["admission_rate", "readmission_30d"], diagnosisGroups: medical });
    expect(rows.some((r) => r.indicator === "admission_rate")).toBe(false);
    const r = rows.find((x) => x.indicator === "readmission_30d@medical" && x.period === "2019");
    expect(r?.suppressed).toBe(true); // 1 of 4
  });

  it("an intervention's diagnosis_groups (frail-elderly-follow-up: medical) restrict its target indicators", () => {
    const set = loadInterventions(join(__dirname, "..", "..", "data"));
    const iv = set.interventions.find((i) => i.id === "frail-elderly-follow-up");
    expect(iv?.target_population.diagnosis_groups).toEqual(["medical"]);
    const rows = interventionIndicatorRows(iv!, ds);
    // monthly cluster rows, summed over 2019 for Aarhus (every patient lives in 751): 1 medical readmission of 4
    const readm = rows.filter((x) => x.indicator === "readmission_30d" && x.unit === "Aarhus" && x.group === "65+" && x.period.startsWith("2019-"));
    expect(readm.reduce((s, x) => s + (x.numerator ?? 0), 0)).toBe(1);
    expect(readm.reduce((s, x) => s + (x.denominator ?? 0), 0)).toBe(4);
    expect(resolveDiagnosisGroups(["medical", "heart_disease"]).unknown).toEqual(["heart_disease"]);
  });
});
