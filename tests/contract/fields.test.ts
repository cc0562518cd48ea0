/** The field rules of the contract (src/contract/fields.ts), value by value. */

import { describe, expect, it } from "vitest";
import {
  looksLikeCpr,
  parseAdmissionType,
  parseAge,
  parseContactType,
  parseCount,
  parseDate,
  parseDateOrDateTime,
  parseDiagnosis,
  parseLocalDateTime,
  parseMunicipalityCode,
  parseNonNegative,
  parseNumber,
  parseOptionalLocalDateTime,
  parseOptionalNonNegative,
  parsePatientId,
  parseReferralSource,
  parseSex,
  isBirthAfterAdmission,
  isDischargeBeforeAdmission,
  isSkippedHour,
} from "../../src/contract/fields.js";
import { MISSING, daysFromCivil, localMinutes } from "../../src/contract/time.js";

const value = <T>(r: { ok: boolean; value?: T }): T | undefined => (r.ok ? r.value : undefined);
const code = (r: { ok: boolean; code?: string }): string | undefined => (r.ok ? undefined : r.code);

describe("dates and times", () => {
  it("dates YYYY-MM-DD, checked against the calendar", () => {
    expect(value(parseDate("2019-03-02"))).toBe(daysFromCivil(2019, 3, 2));
    expect(value(parseDate(" 2020-02-29 "))).toBe(daysFromCivil(2020, 2, 29));
    for (const bad of ["2019-02-29", "2019-13-01", "2019-3-2", "02-03-2019", "2019/03/02", "20190302"]) expect(code(parseDate(bad))).toBe("bad_date");
    expect(code(parseDate(""))).toBe("empty");
  });

  it("ISO local date-times with T or space, optional seconds (dropped)", () => {
    const m = localMinutes(2019, 3, 2, 10, 5);
    expect(value(parseLocalDateTime("2019-03-02T10:05"))).toBe(m);
    expect(value(parseLocalDateTime("2019-03-02 10:05"))).toBe(m);
    expect(value(parseLocalDateTime("2019-03-02T10:05:59"))).toBe(m);
    for (const bad of ["2019-03-02T24:00", "2019-03-02T10:60", "2019-03-02", "2019-03-02T10:05Z", "2019-03-02T10:05+01:00", "2019-03-02T1:05"]) {
      expect(code(parseLocalDateTime(bad))).toBe("bad_datetime");
    }
    expect(value(parseOptionalLocalDateTime(""))).toBe(MISSING);
    expect(value(parseDateOrDateTime("2019-03-02T23:59"))).toBe(daysFromCivil(2019, 3, 2));
  });

  it("row rules: discharge before admission, birth after admission, skipped DST hour", () => {
    const adm = localMinutes(2019, 3, 2, 10, 0);
    expect(isDischargeBeforeAdmission(adm, adm - 1)).toBe(true);
    expect(isDischargeBeforeAdmission(adm, adm)).toBe(false);
    expect(isDischargeBeforeAdmission(adm, MISSING)).toBe(false);
    expect(isBirthAfterAdmission(daysFromCivil(2019, 3, 2), adm)).toBe(false); // born that day
    expect(isBirthAfterAdmission(daysFromCivil(2019, 3, 3), adm)).toBe(true);
    // EU rule: 2019 summer time began Sunday 31 March, 02:00 → 03:00 local.
    expect(isSkippedHour(localMinutes(2019, 3, 31, 2, 0))).toBe(true);
    expect(isSkippedHour(localMinutes(2019, 3, 31, 2, 59))).toBe(true);
    expect(isSkippedHour(localMinutes(2019, 3, 31, 3, 0))).toBe(false);
    expect(isSkippedHour(localMinutes(2019, 3, 24, 2, 30))).toBe(false);
    expect(isSkippedHour(MISSING)).toBe(false);
  });
});

describe("codes", () => {
  it("sex F/M, Danish K = F, case ignored", () => {
    expect([parseSex("F"), parseSex("k"), parseSex(" M ")].map(value)).toEqual(["F", "F", "M"]);
    for (const bad of ["1", "2", "W", "female"]) expect(code(parseSex(bad))).toBe("bad_sex");
  });

  it("admission type acute/planned/akut/planlagt, contact type", () => {
    expect(["acute", "AKUT", "planned", "Planlagt"].map((s) => value(parseAdmissionType(s)))).toEqual(["acute", "acute", "planned", "planned"]);
    expect(code(parseAdmissionType("urgent"))).toBe("bad_admission_type");
    expect(["inpatient", "outpatient", "indlagt", "ambulant"].map((s) => value(parseContactType(s)))).toEqual([
      "inpatient",
      "outpatient",
      "inpatient",
      "outpatient",
    ]);
  });

  it("diagnoses: ICD-10 with or without dot, SKS with leading D → J189", () => {
    // danish-context.md: SKS = ICD-10 with a leading D (DJ189 = J18.9)
    expect(["J18.9", "DJ189", "j189", "dj18.9", " J189 "].map((s) => value(parseDiagnosis(s)))).toEqual(["J189", "J189", "J189", "J189", "J189"]);
    expect(value(parseDiagnosis("D50.9"))).toBe("D509"); // ICD-10 chapter III, not SKS
    expect(value(parseDiagnosis("DD509"))).toBe("D509"); // SKS of D50.9
    expect(value(parseDiagnosis("DS7200"))).toBe("S7200");
    for (const bad of ["J1", "18.9", "pneumonia", "DJ"]) expect(code(parseDiagnosis(bad))).toBe("bad_diagnosis");
  });

  it("referral source: the contract's list or empty", () => {
    expect(value(parseReferralSource(""))).toBeNull();
    expect(value(parseReferralSource("Emergency_Call"))).toBe("emergency_call");
    expect(code(parseReferralSource("112"))).toBe("bad_referral");
  });

  it("municipality code: 3 digits (4 for Norwegian municipality numbers)", () => {
    expect(value(parseMunicipalityCode("751"))).toBe(751);
    expect(value(parseMunicipalityCode("101"))).toBe(101);
    expect(value(parseMunicipalityCode("5001"))).toBe(5001); // Trondheim
    expect(value(parseMunicipalityCode("0301"))).toBe(301); // Oslo
    for (const bad of ["75", "0099", "7a1", "12345"]) expect(code(parseMunicipalityCode(bad))).toBe("bad_municipality_code");
  });

  it("age: completed years or an open top band 100+", () => {
    expect(value(parseAge("37"))).toEqual({ age: 37, open: false });
    expect(value(parseAge("100+"))).toEqual({ age: 100, open: true });
    for (const bad of ["-1", "131", "100 +", "x"]) expect(code(parseAge(bad))).toBe("bad_age");
  });
});

describe("numbers", () => {
  it("decimal point or decimal comma", () => {
    expect([parseNumber("1234.5"), parseNumber("1234,5"), parseNumber("-3"), parseNumber("007")].map(value)).toEqual([1234.5, 1234.5, -3, 7]);
    for (const bad of ["1.234,5", "1e3", "12 kr", "1,2,3", ",5", "5."]) expect(code(parseNumber(bad))).toBe("bad_number");
  });

  it("non-negative, optional (empty → NaN), counts", () => {
    expect(code(parseNonNegative("-0,5"))).toBe("negative_number");
    expect(Number.isNaN(value(parseOptionalNonNegative("")) as number)).toBe(true);
    expect(value(parseCount("120"))).toBe(120);
    expect(code(parseCount("-1"))).toBe("negative_number");
    expect(code(parseCount("1.5"))).toBe("bad_integer");
  });
});

describe("patient ids", () => {
  it("refuses CPR-shaped ids by default (with and without dash), accepts pseudonyms", () => {
    const cpr = ["3112", "85", "-", "0042"].join("");
    const cprNoDash = cpr.replace("-", "");
    expect(looksLikeCpr(cpr)).toBe(true);
    expect(looksLikeCpr(cprNoDash)).toBe(true);
    expect(looksLikeCpr("p7f3a0c21")).toBe(false);
    expect(looksLikeCpr(["3212", "85", "0042"].join(""))).toBe(false); // day 32: not a CPR shape
    expect(code(parsePatientId(cpr))).toBe("cpr_like_id");
    expect(value(parsePatientId(cpr, true))).toBe(cpr);
    expect(value(parsePatientId(" p7f3a0c21 "))).toBe("p7f3a0c21");
  });
});
