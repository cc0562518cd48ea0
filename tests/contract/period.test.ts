import { describe, expect, it } from "vitest";
import {
  comparePeriods,
  enclosingPeriod,
  formatPeriod,
  formatPeriodLabel,
  formatPeriodSpan,
  nextPeriod,
  parsePeriod,
  periodContains,
  periodDays,
  periodEndDate,
  periodFromOrdinal,
  periodKindOf,
  periodLabel,
  periodOf,
  periodOfMonth,
  periodOrdinal,
  periodPattern,
  periodStartDate,
  previousPeriod,
  PERIOD_KINDS,
} from "../../src/contract/period.js";

describe("Period", () => {
  it("parses the four kinds and rejects everything else", () => {
    expect(parsePeriod("2019")).toEqual({ kind: "year", year: 2019, part: 1 });
    expect(parsePeriod("2019-H2")).toEqual({ kind: "half", year: 2019, part: 2 });
    expect(parsePeriod("2019-Q3")).toEqual({ kind: "quarter", year: 2019, part: 3 });
    expect(parsePeriod("2019-07")).toEqual({ kind: "month", year: 2019, part: 7 });
    for (const bad of ["", "19", "2019-", "2019-Q5", "2019-Q0", "2019-H3", "2019-13", "2019-00", "2019Q1", "2019-7", " 2019", "2019-01-01", "uge 12"]) {
      expect(parsePeriod(bad), bad).toBeNull();
    }
    expect(() => periodOf("2019-13")).toThrow('"2019-13" is not a period label');
    expect(periodKindOf("2019-Q1")).toBe("quarter");
    expect(periodKindOf("x")).toBeNull();
  });

  it("writes back the label it read", () => {
    for (const label of ["2016", "2016-H1", "2016-H2", "2016-Q4", "2016-01", "2016-12"]) expect(periodLabel(periodOf(label))).toBe(label);
  });

  it("steps across year ends and round-trips ordinals", () => {
    expect(periodLabel(nextPeriod(periodOf("2019-Q4")))).toBe("2020-Q1");
    expect(periodLabel(nextPeriod(periodOf("2019-12")))).toBe("2020-01");
    expect(periodLabel(previousPeriod(periodOf("2020-H1")))).toBe("2019-H2");
    expect(periodLabel(nextPeriod(periodOf("2019"), 3))).toBe("2022");
    expect(periodOrdinal(periodOf("2019-03"))).toBe(2019 * 12 + 2);
    for (const kind of PERIOD_KINDS) for (const ord of [0, 1, 8075, 24237]) expect(periodOrdinal(periodFromOrdinal(kind, ord))).toBe(ord);
  });

  it("knows its days: first, last, count (leap years)", () => {
    expect(periodStartDate(periodOf("2019-Q3"))).toBe("2019-07-01");
    expect(periodEndDate(periodOf("2019-Q3"))).toBe("2019-09-30");
    expect(periodEndDate(periodOf("2020-02"))).toBe("2020-02-29");
    expect(periodEndDate(periodOf("2019-H1"))).toBe("2019-06-30");
    expect(periodDays(periodOf("2020"))).toBe(366);
    expect(periodDays(periodOf("2019"))).toBe(365);
  });

  it("contains, encloses and orders", () => {
    expect(periodContains(periodOf("2019"), periodOf("2019-Q2"))).toBe(true);
    expect(periodContains(periodOf("2019-H1"), periodOf("2019-Q2"))).toBe(true);
    expect(periodContains(periodOf("2019-H1"), periodOf("2019-Q3"))).toBe(false);
    expect(periodContains(periodOf("2019-Q2"), periodOf("2019-H1"))).toBe(false);
    expect(periodContains(periodOf("2019"), periodOf("2020-01"))).toBe(false);
    expect(periodLabel(enclosingPeriod(periodOf("2019-08"), "quarter"))).toBe("2019-Q3");
    expect(periodLabel(periodOfMonth("half", 2019, 7))).toBe("2019-H2");
    const sorted = ["2019-Q2", "2019", "2018-12", "2019-01"].map(periodOf).sort(comparePeriods).map(periodLabel);
    expect(sorted).toEqual(["2018-12", "2019", "2019-01", "2019-Q2"]);
  });

  it("formats for readers in Danish and English", () => {
    expect(formatPeriod(periodOf("2019-Q3"), "da")).toBe("3. kvt. 2019");
    expect(formatPeriod(periodOf("2019-Q3"), "en")).toBe("Q3 2019");
    expect(formatPeriod(periodOf("2019-H1"), "da")).toBe("1. halvår 2019");
    expect(formatPeriod(periodOf("2019-05"), "da")).toBe("maj 2019");
    expect(formatPeriod(periodOf("2019-10"), "en")).toBe("Oct 2019");
    expect(formatPeriodLabel("fritekst")).toBe("fritekst");
    expect(formatPeriodSpan(periodOf("2016"), periodOf("2023"))).toBe("2016–2023");
  });

  it("gives the JSON-schema pattern the parser accepts", () => {
    const re = new RegExp(periodPattern(["year", "quarter", "month"]));
    for (const label of ["2019", "2019-Q1", "2019-12"]) expect(re.test(label)).toBe(true);
    for (const label of ["2019-H1", "2019-13", "2019Q1"]) expect(re.test(label)).toBe(false);
    expect(new RegExp(periodPattern()).test("2019-H1")).toBe(true);
  });
});
