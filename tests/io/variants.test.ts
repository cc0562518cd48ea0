/** The accepted variants of the contract: BOM, ";" with decimal comma, CRLF, quotes, .csv.gz, extra columns, Danish codes. */

import { describe, expect, it } from "vitest";
import { loadDataset } from "../../src/io/loadDataset.js";
import { localMinutes, daysFromCivil, MISSING } from "../../src/contract/time.js";
import { ADM_HEADER, admLine, admRow, makeDataset, populationCsv } from "./helpers.js";

const rows = [
  admRow(),
  admRow({ patient_id: "q2", sex: "K", admission_type: "planlagt", contact_type: "ambulant", primary_diagnosis: "DJ189", cost_dkk: "" }),
  admRow({ patient_id: "q3", sex: "m", admitted_at: "2020-01-05 08:15:59", discharged_at: "", referral_source: "", hospital: "" }),
];

function expectCanonical(ds: Awaited<ReturnType<typeof loadDataset>>): void {
  const c = ds.contacts;
  expect(ds.report.problems).toEqual([]);
  expect(c.length).toBe(3);
  expect(c.patientIds).toEqual(["p7f3a0c21", "q2", "q3"]);
  expect(Array.from(c.sex)).toEqual([1, 1, 2]);
  expect(Array.from(c.acute)).toEqual([1, 0, 1]);
  expect(Array.from(c.inpatient)).toEqual([1, 0, 1]);
  expect(c.diagnoses).toEqual(["J189"]);
  expect(Array.from(c.diagnosis)).toEqual([0, 0, 0]);
  expect(Array.from(c.referral)).toEqual([0, 0, -1]);
  expect(Array.from(c.hospital)).toEqual([0, 0, -1]);
  expect(c.hospitals).toEqual(["Aarhus Universitetshospital"]);
  expect(c.birthDate[0]).toBe(daysFromCivil(1940, 5, 17));
  expect(c.admittedAt[0]).toBe(localMinutes(2019, 3, 2, 10, 0));
  expect(c.admittedAt[2]).toBe(localMinutes(2020, 1, 5, 8, 15)); // seconds dropped
  expect(c.dischargedAt[2]).toBe(MISSING);
  expect(c.cost[0]).toBe(31250.5);
  expect(Number.isNaN(c.cost[1])).toBe(true);
  expect(Array.from(c.sourceLine)).toEqual([2, 3, 4]);
}

describe("format variants give the same table", () => {
  it("plain comma file", async () => {
    const text = [ADM_HEADER, ...rows.map((r) => admLine(r))].join("\n") + "\n";
    const ds = await loadDataset(makeDataset({ "admissions.csv": text, "population.csv": populationCsv() }));
    expectCanonical(ds);
    expect(ds.report.tables[0].rowPathRows).toBeUndefined(); // every row took the fast path
  });

  it("BOM + CRLF + no final line break", async () => {
    const text = "\ufeff" + [ADM_HEADER, ...rows.map((r) => admLine(r))].join("\r\n");
    expectCanonical(await loadDataset(makeDataset({ "admissions.csv": text, "population.csv": populationCsv() })));
  });

  it('";" delimiter with decimal comma (a Danish export)', async () => {
    const semi = rows.map((r) => admLine({ ...r, cost_dkk: r.cost_dkk.replace(".", ",") }, ";"));
    const text = [ADM_HEADER.replaceAll(",", ";"), ...semi].join("\n") + "\n";
    const ds = await loadDataset(makeDataset({ "admissions.csv": text, "population.csv": populationCsv().replaceAll(",", ";") }));
    expectCanonical(ds);
    expect(ds.report.tables[0].delimiter).toBe(";");
  });

  it("quoted fields (decimal comma inside quotes with a comma delimiter, doubled quotes)", async () => {
    const q = rows.map((r) => admLine({ ...r, cost_dkk: r.cost_dkk === "" ? "" : `"${r.cost_dkk.replace(".", ",")}"`, patient_id: `"${r.patient_id}"` }));
    const text = [ADM_HEADER, ...q].join("\n") + "\n";
    expectCanonical(await loadDataset(makeDataset({ "admissions.csv": text, "population.csv": populationCsv() })));
    const withQuote = [ADM_HEADER, admLine(admRow({ hospital: '"Ward ""7"", Aarhus"' }))].join("\n");
    const ds = await loadDataset(makeDataset({ "admissions.csv": withQuote, "population.csv": populationCsv() }));
    expect(ds.contacts.hospitals).toEqual(['Ward "7", Aarhus']);
  });

  it(".csv.gz files", async () => {
    const text = [ADM_HEADER, ...rows.map((r) => admLine(r))].join("\n") + "\n";
    const ds = await loadDataset(makeDataset({ "admissions.csv.gz": text, "population.csv.gz": populationCsv() }));
    expectCanonical(ds);
    expect(ds.report.tables[0].file).toBe("admissions.csv.gz");
    expect(ds.population.length).toBe(10);
  });

  it("extra columns are kept and ignored (noted in the report); columns in any order; empty lines counted", async () => {
    const cols = ADM_HEADER.split(",");
    const order = [...cols].reverse();
    const header = ["note", ...order, "ward"].join(",");
    const lines = rows.map((r) => ["x", ...order.map((c) => r[c as keyof typeof r]), "7"].join(","));
    const text = [header, lines[0], "", lines[1], "", lines[2]].join("\n") + "\n";
    const ds = await loadDataset(makeDataset({ "admissions.csv": text, "population.csv": populationCsv() }));
    expect(ds.report.tables[0].extraColumns).toEqual(["note", "ward"]);
    expect(ds.report.tables[0].blankLines).toBe(2);
    expect(Array.from(ds.contacts.sourceLine)).toEqual([2, 4, 6]);
    expect(ds.contacts.length).toBe(3);
  });

  it("optional columns may be absent (hospital, referral_source, cost_dkk)", async () => {
    const keep = ADM_HEADER.split(",").filter((c) => !["hospital", "referral_source", "cost_dkk"].includes(c));
    const text = [keep.join(","), keep.map((c) => admRow()[c as keyof ReturnType<typeof admRow>]).join(",")].join("\n");
    const ds = await loadDataset(makeDataset({ "admissions.csv": text, "population.csv": populationCsv() }));
    expect(ds.report.problems).toEqual([]);
    expect([ds.contacts.hospital[0], ds.contacts.referral[0], Number.isNaN(ds.contacts.cost[0])]).toEqual([-1, -1, true]);
  });

  it("population: open top band 100+", async () => {
    const pop = "year,municipality_code,sex,age,count\n" + Array.from({ length: 100 }, (_, a) => `2019,751,F,${a},5`).join("\n") + "\n2019,751,F,100+,3\n";
    const ds = await loadDataset(makeDataset({ "admissions.csv": ADM_HEADER + "\n", "population.csv": pop }));
    expect(ds.report.problems).toEqual([]);
    expect([ds.population.age[100], ds.population.ageOpen[100], ds.population.count[100]]).toEqual([100, 1, 3]);
  });
});
