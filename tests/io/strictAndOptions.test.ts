/** strict mode, the typed DatasetError, maxProblemsPerCode, onWarning, geography options. */

import { describe, expect, it } from "vitest";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { loadDataset } from "../../src/io/loadDataset.js";
import { DatasetError, isDatasetError } from "../../src/io/datasetError.js";
import { loadGeography, loadTable } from "../../src/io/loadTable.js";
import { defaultGeographyPath, packageRoot } from "../../src/io/packageRoot.js";
import type { Problem } from "../../src/contract/dataset.js";
import { admLine, admRow, admissionsDataset, makeDataset, populationCsv } from "./helpers.js";

describe("strict mode", () => {
  it("throws a DatasetError holding every problem", async () => {
    const dir = admissionsDataset([admLine(admRow({ sex: "X" })), admLine(admRow({ cost_dkk: "-1", patient_id: "q" })), admLine(admRow({ patient_id: "ok" }))]);
    const err = await loadDataset(dir, { strict: true }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(DatasetError);
    expect(isDatasetError(err)).toBe(true);
    const e = err as DatasetError;
    expect(e.problems.map((p) => p.code)).toEqual(["bad_sex", "negative_number"]);
    expect(e.message).toBe('the dataset has 2 errors; first: admissions.csv:2: sex "X" is not F, M or K');
    expect(e.report?.tables[0].rowsRejected).toBe(2);
  });

  it("does not throw for warnings only", async () => {
    const line = admLine(admRow());
    const ds = await loadDataset(admissionsDataset([line, line]), { strict: true });
    expect(ds.report.ok).toBe(true);
    expect(ds.report.problemCounts).toEqual({ duplicate_row: 1 });
  });

  it("a missing folder is a DatasetError even when not strict", async () => {
    await expect(loadDataset(join(tmpdir(), "klynge-no-such-folder-xyz"))).rejects.toThrow(DatasetError);
  });
});

describe("options", () => {
  it("maxProblemsPerCode caps the list, never the counts", async () => {
    const lines = Array.from({ length: 50 }, (_, i) => admLine(admRow({ patient_id: `p${i}`, sex: "X" })));
    const ds = await loadDataset(admissionsDataset(lines), { maxProblemsPerCode: 5 });
    expect(ds.report.problems.length).toBe(5);
    expect(ds.report.problemCounts.bad_sex).toBe(50);
    expect(ds.report.tables[0].rowsRejected).toBe(50);
  });

  it("onWarning receives every warning", async () => {
    const seen: Problem[] = [];
    const line = admLine(admRow());
    await loadDataset(admissionsDataset([line, line, line]), { onWarning: (p) => seen.push(p), maxProblemsPerCode: 1 });
    expect(seen.map((p) => p.line)).toEqual([3, 4]);
  });

  it("geography as rows and as a path; the dataset's own geography.csv wins over the default", async () => {
    const rows = [{ municipality_code: 101, municipality_name: "København", cluster: "Byen", hospital_unit: "Rigshospitalet" }];
    const dir = admissionsDataset([admLine(admRow({ municipality_code: "101" }))]);
    const a = await loadDataset(dir, { geography: rows });
    expect(a.contacts.length).toBe(1);
    expect(a.geography).toEqual(rows);
    const g = join(mkdtempSync(join(tmpdir(), "klynge-geo-")), "map.csv");
    writeFileSync(g, "municipality_code;municipality_name;cluster;hospital_unit\n101;København;Byen;Rigshospitalet\n");
    const b = await loadDataset(dir, { geography: g });
    expect(b.contacts.length).toBe(1);
    const own = makeDataset({
      "admissions.csv": ["patient_id,birth_date,sex,municipality_code,admitted_at,discharged_at,admission_type,contact_type,primary_diagnosis", "p1,1950-01-01,F,101,2019-01-01T10:00,,acute,inpatient,J189"].join("\n"),
      "population.csv": "year,municipality_code,sex,age,count\n2019,101,F,0,1\n",
      "geography.csv": "municipality_code,municipality_name,cluster,hospital_unit\n101,København,Byen,Rigshospitalet\n",
    });
    const c = await loadDataset(own);
    expect(c.report.problems).toEqual([]);
    expect(c.report.tables.find((t) => t.file === "geography.csv")?.source).toBeUndefined();
  });
});

describe("the shipped geography", () => {
  it("is found from the package root: Region Midtjylland, 19 municipalities in 5 clusters", async () => {
    expect(packageRoot()).not.toBeNull();
    expect(defaultGeographyPath()).toMatch(/data[\\/]geography[\\/]midtjylland\.csv$/);
    const g = await loadGeography();
    expect(g.length).toBe(19); // danish-context.md: 19 municipalities
    const clusters = new Map<string, number>();
    for (const r of g) clusters.set(r.cluster, (clusters.get(r.cluster) ?? 0) + 1);
    // danish-context.md: Horsens 4, Midt 3, Randers 4, Vest 6, Aarhus 2
    expect(Object.fromEntries(clusters)).toEqual({ Horsens: 4, Midt: 3, Randers: 4, Vest: 6, Aarhus: 2 });
    expect(g.find((r) => r.municipality_code === 751)).toEqual({
      municipality_code: 751,
      municipality_name: "Aarhus",
      cluster: "Aarhus",
      hospital_unit: "Aarhus Universitetshospital",
    });
  });
});

describe("loadTable", () => {
  it("reads one table with its schema", async () => {
    const dir = makeDataset({ "population.csv": populationCsv() });
    const t = await loadTable(join(dir, "population.csv"), "population");
    expect(t.records.length).toBe(10);
    expect(t.records[4]).toEqual({ year: 2019, municipality_code: 751, sex: "F", age: { age: 4, open: true }, count: 1000 });
    const bad = makeDataset({ "population.csv": "year,municipality_code,sex,age,count\n2019,751,F,0,-3\n" });
    await expect(loadTable(join(bad, "population.csv"), "population", { strict: true })).rejects.toThrow(
      'population.csv:2: count "-3" is negative; expected a whole number >= 0',
    );
  });
});

describe("optional tables", () => {
  it("deaths, sector_costs and experience", async () => {
    const dir = makeDataset({
      "admissions.csv": ["patient_id,birth_date,sex,municipality_code,admitted_at,discharged_at,admission_type,contact_type,primary_diagnosis", "p1,1950-01-01,F,751,2019-01-01T10:00,,acute,inpatient,J189"].join("\n"),
      "population.csv": populationCsv(),
      "deaths.csv": "patient_id,died_at\np1,2019-01-03\nzz9,2019-02-01T10:00\np1,2019-01-04\n",
      "sector_costs.csv": "year;municipality_code;sector;age_group;cost_dkk\n2019;751;hospital;65+;1000,5\n2019;751;hospital;65+;1000,5\n2019;751;dentist;;5\n",
      "experience.csv": "period,cluster,municipality_code,measure,positive,total\n2019,Aarhus,,satisfied,80,100\n2019,,,satisfied,1,2\n2019,Nord,,satisfied,1,2\n2019,Aarhus,,satisfied,5,2\n",
    });
    const ds = await loadDataset(dir);
    expect(ds.deaths?.diedOnByPatient[0]).toBe(17899); // 2019-01-03 = day 17899 since 1970-01-01
    expect(ds.deaths?.unmatched).toBe(1);
    expect(ds.sectorCosts).toEqual([{ year: 2019, municipality_code: 751, sector: "hospital", age_group: "65+", cost_dkk: 1000.5 }]);
    expect(ds.experience).toEqual([{ period: "2019", cluster: "Aarhus", municipality_code: null, measure: "satisfied", positive: 80, total: 100 }]);
    expect(ds.report.problems.map((p) => p.message)).toEqual([
      "deaths.csv:4: duplicate patient_id (value not shown), first on line 2, with a different died_at",
      "sector_costs.csv:3: exact duplicate of line 2 (counted once)",
      'sector_costs.csv:4: sector "dentist" is not one of hospital, general_practice, municipal_care, other',
      "experience.csv:3: neither cluster nor municipality_code is given",
      'experience.csv:4: cluster "Nord" is not in the geography',
      "experience.csv:5: positive 5 is greater than total 2",
    ]);
  });
});
