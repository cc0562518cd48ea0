/** Every bad input listed in issue 2, with its message checked word for word. */

import { describe, expect, it } from "vitest";
import { loadDataset } from "../../src/io/loadDataset.js";
import type { Dataset } from "../../src/contract/dataset.js";
import { ADM_HEADER, admLine, admRow, admissionsDataset, cprShaped, makeDataset, populationCsv } from "./helpers.js";

function messages(ds: Dataset, file = "admissions.csv"): string[] {
  return ds.report.problems.filter((p) => p.file === file).map((p) => p.message);
}
function adm(ds: Dataset) {
  return ds.report.tables.find((t) => t.file === "admissions.csv")!;
}
async function loadLines(lines: string[]) {
  return loadDataset(admissionsDataset(lines));
}

describe("bad admissions rows (line 2 is the first data line)", () => {
  it("malformed date", async () => {
    const ds = await loadLines([admLine(admRow({ birth_date: "1940-13-01" }))]);
    expect(messages(ds)).toEqual(['admissions.csv:2: birth_date "1940-13-01" is not a date YYYY-MM-DD']);
    expect(adm(ds).rowsRejected).toBe(1);
  });

  it("malformed date-time", async () => {
    const ds = await loadLines([admLine(admRow({ admitted_at: "2019-03-02 25:00" }))]);
    expect(messages(ds)).toEqual([
      'admissions.csv:2: admitted_at "2019-03-02 25:00" is not a local date-time YYYY-MM-DDTHH:MM[:SS] (T or space)',
    ]);
  });

  it("discharge before admission (the issue's example)", async () => {
    const lines = Array.from({ length: 1040 }, (_, i) => admLine(admRow({ patient_id: `p${i}x` })));
    lines.push(admLine(admRow({ patient_id: "pzz", admitted_at: "2019-03-02T10:00", discharged_at: "2019-03-01T08:00" })));
    const ds = await loadLines(lines);
    expect(messages(ds)).toEqual(['admissions.csv:1042: discharged_at "2019-03-01T08:00" is before admitted_at "2019-03-02T10:00"']);
    const p = ds.report.problems[0];
    expect([p.code, p.line, p.column, p.found]).toEqual(["discharge_before_admission", 1042, "discharged_at", "2019-03-01T08:00"]);
  });

  it("unknown municipality (not in the geography)", async () => {
    const ds = await loadLines([admLine(admRow({ municipality_code: "101" }))]);
    expect(messages(ds)).toEqual(['admissions.csv:2: municipality_code "101" is not in the geography']);
  });

  it("municipality code that is not 3 (or 4) digits", async () => {
    const ds = await loadLines([admLine(admRow({ municipality_code: "75" }))]);
    expect(messages(ds)).toEqual(['admissions.csv:2: municipality_code "75" is not a 3-digit municipality code (4 digits for Norwegian municipalities)']);
  });

  it("birth after admission", async () => {
    const ds = await loadLines([admLine(admRow({ birth_date: "2019-05-01" }))]);
    expect(messages(ds)).toEqual(['admissions.csv:2: birth_date "2019-05-01" is after admitted_at "2019-03-02T10:00"']);
  });

  it("negative cost", async () => {
    const ds = await loadLines([admLine(admRow({ cost_dkk: "-100" }))]);
    expect(messages(ds)).toEqual([
      'admissions.csv:2: cost_dkk "-100" is negative; expected a number >= 0 (decimal point or decimal comma)',
    ]);
  });

  it("non-numeric cost", async () => {
    const ds = await loadLines([admLine(admRow({ cost_dkk: "12 kr" }))]);
    expect(messages(ds)).toEqual([
      'admissions.csv:2: cost_dkk "12 kr" is not a number >= 0 (decimal point or decimal comma)',
    ]);
  });

  it("wrong sex code", async () => {
    const ds = await loadLines([admLine(admRow({ sex: "2" }))]);
    expect(messages(ds)).toEqual(['admissions.csv:2: sex "2" is not F, M or K']);
  });

  it("bad admission type, contact type, diagnosis, referral source (all reported)", async () => {
    const ds = await loadLines([
      admLine(admRow({ admission_type: "urgent", contact_type: "ward", primary_diagnosis: "pneumonia", referral_source: "112" })),
    ]);
    expect(messages(ds)).toEqual([
      'admissions.csv:2: admission_type "urgent" is not acute, planned, akut or planlagt',
      'admissions.csv:2: contact_type "ward" is not inpatient, outpatient, indlagt or ambulant',
      'admissions.csv:2: primary_diagnosis "pneumonia" is not an ICD-10 code (J18.9) or SKS code (DJ189)',
      'admissions.csv:2: referral_source "112" is not one of gp, out_of_hours, nursing_home, emergency_call, hospital, self, other or empty',
    ]);
    expect(adm(ds).rowsRejected).toBe(1);
  });

  it("empty required value", async () => {
    const ds = await loadLines([admLine(admRow({ patient_id: "" }))]);
    expect(messages(ds)).toEqual([
      "admissions.csv:2: patient_id is empty; expected a pseudonymous id (not shaped like a CPR number)",
    ]);
  });

  it("exact duplicate rows: reported, counted once, not among the accepted", async () => {
    const line = admLine(admRow());
    const ds = await loadLines([line, admLine(admRow({ patient_id: "q1" })), line, line]);
    expect(messages(ds)).toEqual([
      "admissions.csv:4: exact duplicate of line 2 (counted once)",
      "admissions.csv:5: exact duplicate of line 2 (counted once)",
    ]);
    expect(adm(ds)).toMatchObject({ rowsRead: 4, rowsAccepted: 2, rowsRejected: 0, duplicates: 2 });
    expect(ds.contacts.length).toBe(2);
    expect(ds.report.ok).toBe(true); // duplicates are warnings, not rejections
  });

  it("a duplicate written differently (J18.9 vs DJ189, K vs F) is still an exact duplicate of the canonical row", async () => {
    const ds = await loadLines([admLine(admRow()), admLine(admRow({ primary_diagnosis: "DJ189", sex: "K", admission_type: "akut" }))]);
    expect(messages(ds)).toEqual(["admissions.csv:3: exact duplicate of line 2 (counted once)"]);
  });

  it("overlapping contacts of one patient: kept, with a warning", async () => {
    const ds = await loadLines([
      admLine(admRow({ admitted_at: "2019-03-02T10:00", discharged_at: "2019-03-04T12:30" })),
      admLine(admRow({ admitted_at: "2019-03-03T09:00", discharged_at: "2019-03-05T12:00", hospital: "Regionshospitalet Randers" })),
      admLine(admRow({ admitted_at: "2019-03-05T12:00", discharged_at: "2019-03-06T12:00" })), // starts as line 3 ends: no overlap
    ]);
    expect(messages(ds)).toEqual([
      "admissions.csv:3: contact overlaps the same patient's contact on line 2 (kept: transfers are merged into stays later)",
    ]);
    expect(adm(ds)).toMatchObject({ rowsAccepted: 3, warnings: 1 });
    expect(ds.report.problems[0].severity).toBe("warning");
  });

  it("a contact still open (empty discharge) overlaps every later contact of the patient", async () => {
    const ds = await loadLines([
      admLine(admRow({ admitted_at: "2019-03-05T10:00", discharged_at: "2019-03-06T10:00" })),
      admLine(admRow({ admitted_at: "2019-03-01T10:00", discharged_at: "" })),
    ]);
    expect(messages(ds)).toEqual([
      "admissions.csv:2: contact overlaps the same patient's contact on line 3 (kept: transfers are merged into stays later)",
    ]);
  });

  it("CPR-shaped patient ids are refused by default, and the value is never shown", async () => {
    const ids = [cprShaped(true), cprShaped(false)];
    const ds = await loadLines(ids.map((id) => admLine(admRow({ patient_id: id }))));
    const msg =
      "patient_id is shaped like a CPR number (value not shown); data must be pseudonymised (--allow-cpr-like-ids on the command line, option allowCprLikeIds in the library, overrides)";
    expect(messages(ds)).toEqual([`admissions.csv:2: ${msg}`, `admissions.csv:3: ${msg}`]);
    expect(JSON.stringify(ds.report)).not.toContain(ids[0]);
    expect(JSON.stringify(ds.report)).not.toContain(ids[1]);
    expect(adm(ds).rowsRejected).toBe(2);
    const allowed = await loadDataset(admissionsDataset(ids.map((id) => admLine(admRow({ patient_id: id })))), { allowCprLikeIds: true });
    expect(allowed.contacts.length).toBe(2);
  });

  it("a time in the skipped daylight-saving hour is kept with a warning", async () => {
    // EU rule: summer time started Sunday 31 March 2019 at 02:00 local time.
    const ds = await loadLines([admLine(admRow({ admitted_at: "2019-03-31T02:30", discharged_at: "2019-04-01T08:00" }))]);
    expect(messages(ds)).toEqual([
      'admissions.csv:2: admitted_at "2019-03-31T02:30" falls in the hour skipped when summer time starts (read as winter time)',
    ]);
    expect(adm(ds).rowsAccepted).toBe(1);
  });

  it("an empty discharge means still admitted (MISSING), not an error", async () => {
    const ds = await loadLines([admLine(admRow({ discharged_at: "" }))]);
    expect(ds.report.problems).toEqual([]);
    expect(ds.contacts.dischargedAt[0]).toBe(-2147483648); // time.ts MISSING
  });

  it("a row with the wrong number of fields, and an unclosed quote", async () => {
    const ds = await loadLines([admLine(admRow()).split(",").slice(0, 5).join(","), admLine(admRow({ hospital: '"Aarhus' }))]);
    expect(messages(ds)).toEqual([
      "admissions.csv:2: the row has 5 fields, the header has 12",
      "admissions.csv:3: a quoted field is not closed on its line",
    ]);
  });
});

describe("whole-file problems: one message, every row counted", () => {
  it("wrong delimiter", async () => {
    const lines = Array.from({ length: 500 }, () => admLine(admRow(), "\t"));
    const ds = await loadDataset(admissionsDataset(lines, ADM_HEADER.replaceAll(",", "\t")));
    expect(messages(ds)).toEqual(['admissions.csv:1: columns are separated by tabs; expected "," or ";"']);
    expect(adm(ds)).toMatchObject({ rowsRead: 500, rowsRejected: 500, rowsAccepted: 0 });
    expect(ds.report.ok).toBe(false);
  });

  it("missing required column", async () => {
    const header = ADM_HEADER.replace("sex,", "");
    const lines = Array.from({ length: 300 }, () => admLine(admRow()).replace(",F,", ","));
    const ds = await loadDataset(admissionsDataset(lines, header));
    expect(messages(ds)).toEqual([
      `admissions.csv:1: missing required column(s) sex; the header has: ${header.split(",").join(", ")}`,
    ]);
    expect(adm(ds)).toMatchObject({ rowsRead: 300, rowsRejected: 300 });
  });

  it("missing required file", async () => {
    const dir = makeDataset({ "population.csv": populationCsv() });
    const ds = await loadDataset(dir);
    expect(messages(ds)).toEqual([`admissions.csv: required file not found in ${dir}`]);
    expect(ds.contacts.length).toBe(0);
  });

  it("empty file", async () => {
    const ds = await loadDataset(makeDataset({ "admissions.csv": "", "population.csv": populationCsv() }));
    expect(messages(ds)).toEqual(["admissions.csv: the file is empty (no header line)"]);
  });

  it("a Windows-1252 file is decoded as Windows-1252, with the line where it mattered; --encoding forces either", async () => {
    const text = [ADM_HEADER, admLine(admRow()), admLine(admRow({ patient_id: "q", hospital: "Regionshospitalet Gødstrup" }))].join("\n") + "\n";
    const dir = makeDataset({ "admissions.csv": Buffer.from(text, "latin1"), "population.csv": populationCsv() });
    const ds = await loadDataset(dir);
    expect(messages(ds)).toEqual([
      "admissions.csv:3: the file is not valid UTF-8 from this line on: read as Windows-1252 (what Danish Excel and many SAS and BI exports write); --encoding utf-8 or windows-1252 forces one",
    ]);
    expect(ds.contacts.length).toBe(2);
    expect([...ds.contacts.hospitals]).toContain("Regionshospitalet Gødstrup");
    const forced = await loadDataset(dir, { encoding: "utf-8" });
    expect(messages(forced)).toEqual([
      'admissions.csv:3: the file is not valid UTF-8 from this line on and was read as UTF-8 as asked (encoding utf-8); letters such as æ, ø, å show as "�" (--encoding windows-1252 reads a Windows-1252 export)',
    ]);
    expect([...forced.contacts.hospitals]).toContain("Regionshospitalet G\ufffddstrup");
    const asked = await loadDataset(dir, { encoding: "windows-1252" });
    expect(messages(asked)).toEqual([]);
    expect([...asked.contacts.hospitals]).toContain("Regionshospitalet Gødstrup");
  });

  it("a header line repeated inside the file (files joined) is one warning per repeat, not an error per column", async () => {
    const text = [ADM_HEADER, admLine(admRow()), ADM_HEADER, admLine(admRow({ patient_id: "q" }))].join("\r\n") + "\r\n";
    const ds = await loadDataset(makeDataset({ "admissions.csv": text, "population.csv": populationCsv() }));
    expect(messages(ds)).toEqual(["admissions.csv:3: the header is repeated on this line (files joined together?); the line is skipped"]);
    expect(ds.contacts.length).toBe(2);
    expect(ds.report.tables[0]).toMatchObject({ rowsRead: 2, rowsAccepted: 2, rowsRejected: 0, warnings: 1 });
  });
});

describe("population.csv", () => {
  it("missing age bands and duplicated keys", async () => {
    const pop = [
      "year,municipality_code,sex,age,count",
      "2019,751,F,0,10",
      "2019,751,F,3,10",
      "2019,751,F,5,10",
      "2019,751,F,6+,10",
      "2019,751,F,3,12",
      "2019,751,F,0,10",
      "2019,751,M,0,10",
    ].join("\n");
    const ds = await loadDataset(makeDataset({ "admissions.csv": ADM_HEADER + "\n", "population.csv": pop }));
    expect(messages(ds, "population.csv")).toEqual([
      "population.csv: year 2019, municipality_code 751, sex F: age(s) 1-2, 4 missing (expected every age from 0 to 6+)",
      "population.csv:6: duplicate key year 2019, municipality_code 751, sex F, age 3, first on line 3, with a different count",
      "population.csv:7: exact duplicate of line 2 (counted once)",
    ]);
    expect(ds.report.tables.find((t) => t.file === "population.csv")).toMatchObject({
      rowsRead: 7,
      rowsAccepted: 5,
      rowsRejected: 1,
      duplicates: 1,
    });
    expect(Array.from(ds.population.ageOpen)).toEqual([0, 0, 0, 1, 0]);
  });

  it("unknown municipality and bad age", async () => {
    const pop = "year,municipality_code,sex,age,count\n2019,101,F,0,10\n2019,751,F,abc,10\n";
    const ds = await loadDataset(makeDataset({ "admissions.csv": ADM_HEADER + "\n", "population.csv": pop }));
    expect(messages(ds, "population.csv")).toEqual([
      'population.csv:2: municipality_code "101" is not in the geography',
      'population.csv:3: age "abc" is not completed years 0-130 or an open top band such as 100+',
    ]);
  });
});
