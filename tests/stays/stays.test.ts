import { describe, expect, it } from "vitest";
import { buildStays, computeStays, linkReadmissions } from "../../src/stays/index.js";
import { MISSING } from "../../src/contract/time.js";
import { contactsFromRows, day, wall, type ContactRow } from "./contactsFromRows.js";

// The national exclusion list (danish-context.md / issue 3): C00–D09, O, S–T.
const EXCL = ["C", "D00-D09", "O", "S", "T"];

function run(rows: ContactRow[], opts: Parameters<typeof computeStays>[1] = {}, died?: Record<string, string>) {
  const contacts = contactsFromRows(rows);
  let deaths = null;
  if (died) {
    const d = new Int32Array(contacts.patientIds.length).fill(MISSING);
    for (const [p, when] of Object.entries(died)) d[contacts.patientIds.indexOf(p)] = day(when);
    deaths = { diedOnByPatient: d, unmatched: 0 };
  }
  return computeStays({ contacts, deaths }, { exclusions: EXCL, ...opts });
}

describe("stays: merging contacts", () => {
  it("merges transfers 3 h 59 min apart and splits at 4 h 01 min", () => {
    const r = run([
      { patient: "pa", admitted: "2019-05-01T08:00", discharged: "2019-05-01T10:00" },
      { patient: "pa", admitted: "2019-05-01T13:59", discharged: "2019-05-02T10:00" },
      { patient: "pb", admitted: "2019-05-01T08:00", discharged: "2019-05-01T10:00" },
      { patient: "pb", admitted: "2019-05-01T14:01", discharged: "2019-05-02T10:00" },
    ]);
    expect(r.report.stays).toBe(3);
    expect(r.stays.contactCount[0]).toBe(2);
    expect(r.stays.start[0]).toBe(wall("2019-05-01T08:00"));
    expect(r.stays.end[0]).toBe(wall("2019-05-02T10:00"));
  });

  it("merges exactly 4 h apart (≤ 4 h) and overlapping contacts, ending at the latest discharge", () => {
    const r = run([
      { patient: "pa", admitted: "2019-05-01T08:00", discharged: "2019-05-03T10:00" },
      { patient: "pa", admitted: "2019-05-01T09:00", discharged: "2019-05-02T10:00" }, // inside the first
      { patient: "pa", admitted: "2019-05-03T14:00", discharged: "2019-05-03T15:00" }, // 4 h after the latest discharge
    ]);
    expect(r.report.stays).toBe(1);
    expect(r.stays.end[0]).toBe(wall("2019-05-03T15:00"));
  });

  it("takes acute, municipality, sex and age from the first contact; inpatient from any contact", () => {
    const r = run([
      { patient: "pa", admitted: "2019-05-01T12:00", discharged: "2019-05-02T10:00", acute: false, municipality: 615, inpatient: true },
      { patient: "pa", admitted: "2019-05-01T08:00", discharged: "2019-05-01T10:00", acute: true, municipality: 751, birth: "1950-05-01", sex: "M", inpatient: false },
    ]);
    expect(r.report.stays).toBe(1);
    expect(r.stays.acute[0]).toBe(1);
    expect(r.stays.municipality[0]).toBe(751);
    expect(r.stays.sex[0]).toBe(2);
    expect(r.stays.age[0]).toBe(69); // birthday on the admission day: completed 69 years
    expect(r.stays.anyInpatient[0]).toBe(1);
  });

  it("counts exact duplicates once and reports them", () => {
    const row: ContactRow = { patient: "pa", admitted: "2019-05-01T08:00", discharged: "2019-05-02T10:00" };
    const r = run([row, { ...row }, { ...row, diagnosis: "I219" }, { ...row }]);
    expect(r.report.duplicates).toBe(2);
    expect(r.report.contactsUsed).toBe(2);
    expect(r.stays.contactCount[0]).toBe(2);
  });

  it("keeps contacts without discharge as a censored stay that absorbs later contacts", () => {
    const r = run([
      { patient: "pa", admitted: "2019-05-01T08:00", discharged: null },
      { patient: "pa", admitted: "2019-05-20T08:00", discharged: "2019-05-20T09:00" },
      { patient: "pb", admitted: "2019-06-01T08:00", discharged: "2019-06-01T09:00" },
    ]);
    expect(r.report.censoredContacts).toBe(1);
    expect(r.report.censoredStays).toBe(1);
    expect(r.report.stays).toBe(2);
    expect(r.stays.end[0]).toBe(MISSING);
    expect(r.stays.censored[0]).toBe(1);
  });

  it("uses elapsed time across daylight saving (autumn night: 3 h 30 wall = 4 h 30 elapsed)", () => {
    // 2019-10-27 is the last Sunday of October: 03:00 summer time → 02:00 winter time.
    const r = run([
      { patient: "pa", admitted: "2019-10-26T20:00", discharged: "2019-10-27T00:30" },
      { patient: "pa", admitted: "2019-10-27T04:00", discharged: "2019-10-27T08:00" },
    ]);
    expect(r.report.stays).toBe(2);
  });

  it("uses elapsed time across daylight saving (spring night: 4 h 30 wall = 3 h 30 elapsed)", () => {
    // 2019-03-31 is the last Sunday of March: 02:00 winter time → 03:00 summer time.
    const r = run([
      { patient: "pa", admitted: "2019-03-30T20:00", discharged: "2019-03-31T01:00" },
      { patient: "pa", admitted: "2019-03-31T05:30", discharged: "2019-03-31T09:00" },
    ]);
    expect(r.report.stays).toBe(1);
  });
});

describe("admissions: registration rules", () => {
  it("an 11 h 59 min stay is not an admission under harmonised; 12 h 00 min is", () => {
    const rows: ContactRow[] = [
      { patient: "pa", admitted: "2019-05-01T08:00", discharged: "2019-05-01T19:59", inpatient: true },
      { patient: "pb", admitted: "2019-05-01T08:00", discharged: "2019-05-01T20:00", inpatient: false },
    ];
    const h = run(rows);
    expect(h.report.admissionsHarmonised).toBe(1);
    expect(h.stays.admissionHarmonised[0]).toBe(0);
    expect(h.stays.admissionHarmonised[1]).toBe(1);
    // as registered: only the inpatient contact counts
    const r = run(rows, { registration: "as-registered" });
    expect(r.report.admissions).toBe(1);
    expect(r.stays.admissionAsRegistered[0]).toBe(1);
    expect(r.stays.admissionAsRegistered[1]).toBe(0);
  });

  it("a stay of 11 h 30 wall clock across the autumn change lasts 12 h 30: an admission", () => {
    const r = run([{ patient: "pa", admitted: "2019-10-26T20:00", discharged: "2019-10-27T07:30", inpatient: false }]);
    expect(r.report.admissionsHarmonised).toBe(1);
  });

  it("thresholds are options", () => {
    const rows: ContactRow[] = [
      { patient: "pa", admitted: "2019-05-01T08:00", discharged: "2019-05-01T10:00" },
      { patient: "pa", admitted: "2019-05-01T15:00", discharged: "2019-05-01T20:00" },
    ];
    expect(run(rows).report.stays).toBe(2);
    expect(run(rows, { maxGapMinutes: 300 }).report.stays).toBe(1);
    expect(run(rows, { maxGapMinutes: 300, admissionMinMinutes: 600 }).report.admissionsHarmonised).toBe(1);
    expect(() => run(rows, { maxGapMinutes: -1 })).toThrow(/maxGapMinutes/);
  });
});

describe("readmissions", () => {
  const index: ContactRow = { patient: "pa", admitted: "2019-05-01T08:00", discharged: "2019-05-03T10:00", acute: false };
  const tail: ContactRow = { patient: "pz", admitted: "2019-12-31T08:00", discharged: "2019-12-31T23:00" }; // sets the data end

  it("counts a readmission at exactly 30 days and not at 30 days and 1 minute", () => {
    const at = run([index, { patient: "pa", admitted: "2019-06-02T10:00", discharged: "2019-06-03T10:00" }, tail]);
    expect(at.admissions.index[0]).toBe(1);
    expect(at.admissions.readmitted[0]).toBe(1);
    expect(at.admissions.readmission[1]).toBe(1);
    const after = run([index, { patient: "pa", admitted: "2019-06-02T10:01", discharged: "2019-06-03T10:00" }, tail]);
    expect(after.admissions.index[0]).toBe(1);
    expect(after.admissions.readmitted[0]).toBe(0);
  });

  it("counts days on the wall clock across daylight saving", () => {
    // Discharged in summer time, readmitted 30 wall-clock days later in winter time.
    const r = run([
      { patient: "pa", admitted: "2019-10-10T08:00", discharged: "2019-10-12T10:00" },
      { patient: "pa", admitted: "2019-11-11T10:00", discharged: "2019-11-12T10:00" },
      tail,
    ]);
    expect(r.admissions.readmitted[0]).toBe(1);
  });

  it("a planned readmission does not count; a planned index does", () => {
    const r = run([index, { patient: "pa", admitted: "2019-05-10T08:00", discharged: "2019-05-11T10:00", acute: false }, tail]);
    expect(r.admissions.index[0]).toBe(1);
    expect(r.admissions.readmitted[0]).toBe(0);
  });

  it("death during the index stay excludes the index; death after discharge does not", () => {
    const rows = [index, { patient: "pa", admitted: "2019-05-10T08:00", discharged: "2019-05-11T10:00" }, tail];
    const during = run(rows, {}, { pa: "2019-05-03" }); // died on the discharge date
    expect(during.admissions.index[0]).toBe(0);
    expect(during.report.indexAdmissions).toBe(0); // the later stay too: death before its discharge; the tail ends after the data end
    const later = run(rows, {}, { pa: "2019-05-04" });
    expect(later.admissions.index[0]).toBe(1);
    expect(later.admissions.readmitted[0]).toBe(1);
  });

  it("an index discharged less than 30 days before the data end is not an index", () => {
    const r = run([
      index,
      { patient: "pz", admitted: "2019-06-02T09:59", discharged: "2019-06-03T09:00" }, // data end: discharge + 30 d − 1 min
    ]);
    expect(r.admissions.index[0]).toBe(0);
    const ok = run([index, { patient: "pz", admitted: "2019-06-02T10:00", discharged: "2019-06-03T09:00" }]);
    expect(ok.admissions.index[0]).toBe(1);
    // the data end is an option
    const opt = run([index, tail], { dataEnd: wall("2019-05-20T00:00") });
    expect(opt.admissions.index[0]).toBe(0);
  });

  it("a readmission with an excluded diagnosis does not count, but a later one within 30 days does", () => {
    const excluded = run([index, { patient: "pa", admitted: "2019-05-10T08:00", discharged: "2019-05-11T10:00", diagnosis: "DS720" }, tail]);
    expect(excluded.admissions.readmitted[0]).toBe(0);
    const d05 = run([index, { patient: "pa", admitted: "2019-05-10T08:00", discharged: "2019-05-11T10:00", diagnosis: "D051" }, tail]);
    expect(d05.admissions.readmitted[0]).toBe(0); // D00–D09 in situ neoplasm
    const d50 = run([index, { patient: "pa", admitted: "2019-05-10T08:00", discharged: "2019-05-11T10:00", diagnosis: "D509" }, tail]);
    expect(d50.admissions.readmitted[0]).toBe(1); // D50 anaemia is not excluded
    const later = run([
      index,
      { patient: "pa", admitted: "2019-05-10T08:00", discharged: "2019-05-11T10:00", diagnosis: "C509" },
      { patient: "pa", admitted: "2019-05-20T08:00", discharged: "2019-05-21T10:00", diagnosis: "J189" },
      tail,
    ]);
    expect(later.admissions.readmitted[0]).toBe(1);
    // configurable: with no exclusions the cancer readmission counts
    const none = run([index, { patient: "pa", admitted: "2019-05-10T08:00", discharged: "2019-05-11T10:00", diagnosis: "C509" }, tail], { exclusions: [] });
    expect(none.admissions.readmitted[0]).toBe(1);
  });

  it("a chain of three admissions: the middle one is both readmission and index", () => {
    const r = run([
      index,
      { patient: "pa", admitted: "2019-05-20T08:00", discharged: "2019-05-22T10:00" },
      { patient: "pa", admitted: "2019-06-10T08:00", discharged: "2019-06-12T10:00" },
      tail,
    ]);
    expect(Array.from(r.admissions.index.subarray(0, 3))).toEqual([1, 1, 1]);
    expect(Array.from(r.admissions.readmitted.subarray(0, 3))).toEqual([1, 1, 0]);
    expect(Array.from(r.admissions.readmission.subarray(0, 3))).toEqual([0, 1, 1]);
    expect(r.report.readmitted).toBe(2);
  });

  it("short stays between do not break the link (they are not admissions)", () => {
    const r = run([
      index,
      { patient: "pa", admitted: "2019-05-05T08:00", discharged: "2019-05-05T10:00" }, // 2 h: a stay, not an admission
      { patient: "pa", admitted: "2019-05-07T08:00", discharged: "2019-05-08T10:00" },
      tail,
    ]);
    expect(r.report.stays).toBe(4);
    expect(r.admissions.length).toBe(3);
    expect(r.admissions.readmitted[0]).toBe(1);
  });

  it("under as-registered the links follow the inpatient rule", () => {
    const rows: ContactRow[] = [
      { patient: "pa", admitted: "2019-05-01T08:00", discharged: "2019-05-01T12:00", inpatient: true },
      { patient: "pa", admitted: "2019-05-07T08:00", discharged: "2019-05-07T12:00", inpatient: true },
      tail,
    ];
    const c = contactsFromRows(rows);
    const { stays, report } = buildStays(c);
    const h = linkReadmissions(stays, c, report.latestAdmittedAt, { exclusions: EXCL });
    const r = linkReadmissions(stays, c, report.latestAdmittedAt, { exclusions: EXCL, registration: "as-registered" });
    expect(h.length).toBe(1); // only the tail (15 h)
    expect(r.length).toBe(3);
    expect(r.readmitted[0]).toBe(1);
    expect(() => linkReadmissions(stays, c, 0, { registration: "x" as never })).toThrow(/registration/);
  });
});

describe("diagnosis groups", () => {
  it("reads group files, SKS and dotted codes, ranges, and unquoted commas in labels", async () => {
    const { parseDiagnosisGroups, defaultReadmissionExclusions } = await import("../../src/stays/index.js");
    const { groupIndexByDiagnosis } = await import("../../src/stays/diagnosisGroups.js");
    const g = parseDiagnosisGroups(
      ["# comment", "group,label_da,label_en,code_prefix", "acc,Ulykker, vold,Accidents, violence,S", "cancer,Kræft,Cancer,C00-D09", "prev,X,Y,DJ18.9"].join("\n"),
    );
    expect(g.map((x) => [x.group, x.prefixes])).toEqual([["acc", ["S"]], ["cancer", ["C00-D09"]], ["prev", ["J189"]]]);
    expect(Array.from(groupIndexByDiagnosis(["S720", "D051", "D509", "J189", "J18"], g))).toEqual([0, 1, -1, 2, -1]);
    // the shipped default file (data/diagnosis-groups/readmission-exclusions.csv)
    const def = defaultReadmissionExclusions();
    expect(Array.from(groupIndexByDiagnosis(["C509", "D059", "O800", "S720", "T819", "J189", "D509"], def)).map((i) => i >= 0)).toEqual([
      true, true, true, true, true, false, false,
    ]);
  });
});

describe("ageCalculator", () => {
  it("agrees with completedYears of contract/time.ts on every pair in a range (leap days included)", async () => {
    const { ageCalculator } = await import("../../src/stays/ageOnDay.js");
    const { completedYears } = await import("../../src/contract/time.js");
    const lo = day("1995-01-01");
    const hi = day("2001-12-31");
    const f = ageCalculator(lo, hi);
    for (let b = lo; b <= hi; b += 7) for (let o = b; o <= hi; o += 13) expect(f(b, o)).toBe(completedYears(b, o));
    expect(f(day("1996-02-29"), day("1997-02-28"))).toBe(0);
    expect(f(day("1996-02-29"), day("1997-03-01"))).toBe(1);
    expect(f(lo - 10, hi)).toBe(completedYears(lo - 10, hi)); // outside the table
  });
});
