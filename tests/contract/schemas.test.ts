/** The zod schemas of the contract: parsing, issue params, inferred types, JSON Schemas. */

import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, expectTypeOf, it } from "vitest";
import {
  AdmissionsSchema,
  makeAdmissionsSchema,
  PopulationSchema,
  ExperienceSchema,
} from "../../src/contract/schemas/index.js";
import type { AdmissionsRecord, PopulationRecord, GeographyRecord, CellIssueParams } from "../../src/contract/schemas/index.js";
import type { GeographyRow } from "../../src/contract/tables.js";
import { contractJsonSchemas } from "../../src/contract/jsonSchemas.js";
import { MISSING, localMinutes } from "../../src/contract/time.js";

const row = {
  patient_id: "p7f3a0c21",
  birth_date: "1940-05-17",
  sex: "K",
  municipality_code: "751",
  admitted_at: "2019-03-02T10:00",
  discharged_at: "",
  admission_type: "akut",
  contact_type: "inpatient",
  primary_diagnosis: "DJ189",
};

describe("admissions schema", () => {
  it("parses text into typed values (optional columns may be absent)", () => {
    const r = AdmissionsSchema.parse(row);
    expect(r).toMatchObject({ sex: "F", admission_type: "acute", primary_diagnosis: "J189", discharged_at: MISSING, hospital: null, referral_source: null });
    expect(r.admitted_at).toBe(localMinutes(2019, 3, 2, 10, 0));
    expect(Number.isNaN(r.cost_dkk)).toBe(true);
  });

  it("collects every cell issue with klynge params; row rules only when the cells are valid", () => {
    const bad = AdmissionsSchema.safeParse({ ...row, sex: "X", cost_dkk: "-1" });
    expect(bad.success).toBe(false);
    const issues = bad.error!.issues.map((i) => ({ path: i.path, params: (i as { params?: CellIssueParams }).params }));
    expect(issues).toEqual([
      { path: ["sex"], params: { klynge: "bad_sex", expected: "F, M or K", found: "X" } },
      { path: ["cost_dkk"], params: { klynge: "negative_number", expected: "a number >= 0 (decimal point or decimal comma)", found: "-1" } },
    ]);
    const rule = makeAdmissionsSchema({ municipalities: new Set([615]) }).safeParse({ ...row, discharged_at: "2019-03-01T00:00" });
    expect(rule.error!.issues.map((i) => (i as { params?: CellIssueParams }).params?.klynge)).toEqual([
      "unknown_municipality",
      "discharge_before_admission",
    ]);
  });

  it("inferred types", () => {
    expectTypeOf<AdmissionsRecord["sex"]>().toEqualTypeOf<"F" | "M">();
    expectTypeOf<AdmissionsRecord["admitted_at"]>().toEqualTypeOf<number>();
    expectTypeOf<AdmissionsRecord["referral_source"]>().toEqualTypeOf<
      "gp" | "out_of_hours" | "nursing_home" | "emergency_call" | "hospital" | "self" | "other" | null
    >();
    expectTypeOf<PopulationRecord["age"]>().toEqualTypeOf<{ age: number; open: boolean }>();
    expectTypeOf<GeographyRecord>().toMatchTypeOf<GeographyRow>();
  });
});

describe("other schemas", () => {
  it("population and experience", () => {
    expect(PopulationSchema.parse({ year: "2019", municipality_code: "751", sex: "M", age: "100+", count: "12" })).toEqual({
      year: 2019,
      municipality_code: 751,
      sex: "M",
      age: { age: 100, open: true },
      count: 12,
    });
    expect(ExperienceSchema.safeParse({ period: "2019", measure: "m", positive: "3", total: "2" }).error?.issues.length).toBe(2);
  });
});

describe("JSON Schemas", () => {
  it("the committed schemas/*.schema.json equal freshly generated ones (run `npm run schemas`)", () => {
    const fresh = contractJsonSchemas();
    expect(Object.keys(fresh)).toEqual(["admissions", "population", "geography", "deaths", "sector_costs", "experience", "adverse_events", "care_status"]);
    for (const [name, schema] of Object.entries(fresh)) {
      const committed = JSON.parse(readFileSync(join(__dirname, "..", "..", "schemas", `${name}.schema.json`), "utf8")) as unknown;
      expect(committed, name).toEqual(schema);
    }
  });

  it("describe rows as text with the contract's columns and required list", () => {
    const a = contractJsonSchemas().admissions as { properties: Record<string, { type: string }>; required: string[] };
    expect(Object.keys(a.properties)).toEqual([
      "patient_id",
      "birth_date",
      "sex",
      "municipality_code",
      "hospital",
      "admitted_at",
      "discharged_at",
      "admission_type",
      "contact_type",
      "primary_diagnosis",
      "referral_source",
      "cost_dkk",
    ]);
    expect(a.required).toEqual(["patient_id", "birth_date", "sex", "municipality_code", "admitted_at", "discharged_at", "admission_type", "contact_type", "primary_diagnosis"]);
    expect(Object.values(a.properties).every((p) => p.type === "string")).toBe(true);
  });
});
