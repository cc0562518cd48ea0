/**
 * The person-number detector (contract/personNumber.ts): one test per documented shape, and the
 * ordinary ids and numbers it must leave alone. Every shaped value is assembled at run time from
 * parts, so that no file of the project holds a CPR-shaped literal.
 */

import { describe, expect, it } from "vitest";
import { looksLikeCpr, parsePatientId } from "../../src/contract/fields.js";
import { PERSON_NUMBER_MASK, looksLikePersonNumber, maskPersonNumbers, safeValue } from "../../src/contract/personNumber.js";
import { plainId } from "../../src/io/admissionsFastRow.js";

const j = (...parts: string[]): string => parts.join("");
/** Day 07, month 11, year 85, serial 4321 — and variants of it. */
const D = "07";
const M = "11";
const Y = "85";
const S = "4321";
const fullWidth = (s: string): string => s.replace(/[0-9]/g, (d) => String.fromCharCode(0xff10 + Number(d)));

const SHAPES: [string, string][] = [
  ["10 digits", j(D, M, Y, S)],
  ["hyphen", j(D, M, Y, "-", S)],
  ["space", j(D, M, Y, " ", S)],
  ["dot", j(D, M, Y, ".", S)],
  ["slash", j(D, M, Y, "/", S)],
  ["en dash", j(D, M, Y, "\u2013", S)],
  ["spaced en dash", j(D, M, Y, " \u2013 ", S)],
  ["no-break space", j(D, M, Y, "\u00a0", S)],
  ["nine digits (leading zero of the day lost)", j("7", M, Y, S)],
  ["nine digits with a hyphen", j("7", M, Y, "-", S)],
  ["eleven digits (one too many behind)", j(D, M, Y, S, "9")],
  ["eleven digits (one too many in front)", j("9", D, M, Y, S)],
  ["letters attached", j("cpr", D, M, Y, S)],
  ["letters attached behind", j(D, M, Y, S, "x")],
  ["underscore attached", j("pnr_", D, M, Y, S, "_a")],
  ["full-width digits", fullWidth(j(D, M, Y, S))],
  ["full-width digits and hyphen", fullWidth(j(D, M, Y)) + "\uff0d" + fullWidth(S)],
  ["replacement form: day + 60", j("67", M, Y, S)],
  ["replacement form: day + 60 with a hyphen", j("91", "12", Y, "-", S)],
  ["inside a sentence", j("the value ", D, M, Y, "-", S, " was found")],
];

const ORDINARY: [string, string][] = [
  ["generated pseudonym", "p7f3a0c21"],
  ["klynge pseudonym whose hex holds a date-shaped digit run", j("k", D, M, Y, S, "ab12cd34ef")],
  ["sha-256 hex digest", j("3fa9", D, M, Y, S, "0b1c2d3e4f5a6b7c8d9e0f1a2b3c4d5e6f7a8b9c0d1e2f3a4b5c")],
  ["uuid", "123e4567-e89b-12d3-a456-426614174000"],
  ["year range", "2016-2023"],
  ["ISO date and time", "2019-03-02T10:05"],
  ["eight digits", "12345678"],
  ["twelve digits", j("12", D, M, Y, S)],
  ["day 32", j("32", M, Y, S)],
  ["month 13", j(D, "13", Y, S)],
  ["day 00", j("00", M, Y, S)],
  ["Danish thousands", "1.234.567,89"],
  ["municipality and year", "751 2019"],
  ["register code", "ALCA10"],
  ["diagnosis code", "DJ189"],
];

describe("looksLikePersonNumber: every documented shape", () => {
  for (const [name, value] of SHAPES) {
    it(name, () => {
      expect(looksLikePersonNumber(value)).toBe(true);
      expect(looksLikeCpr(value)).toBe(true); // the old name uses the same detector
      expect(maskPersonNumbers(value)).toContain(PERSON_NUMBER_MASK);
      expect(maskPersonNumbers(value).replace(PERSON_NUMBER_MASK, "")).not.toMatch(/[0-9\uff10-\uff19]{4}/);
      expect(parsePatientId(value).ok).toBe(false);
      const bytes = Buffer.from(value, "utf8");
      expect(plainId(bytes, 0, bytes.length, false)).toBe(false); // the fast path sends it to the rule
    });
  }
});

describe("looksLikePersonNumber: ordinary ids and numbers are left alone", () => {
  for (const [name, value] of ORDINARY) {
    it(name, () => {
      expect(looksLikePersonNumber(value)).toBe(false);
      expect(maskPersonNumbers(value)).toBe(value);
    });
  }
  it("a klynge pseudonym is accepted as a patient id", () => {
    expect(parsePatientId(j("k", D, M, Y, S, "ab12cd34ef")).ok).toBe(true);
  });
});

describe("maskPersonNumbers and safeValue", () => {
  it("masks every occurrence and keeps the rest", () => {
    const text = j("a ", D, M, Y, "-", S, " b ", "7", M, Y, S, " c");
    expect(maskPersonNumbers(text)).toBe(`a ${PERSON_NUMBER_MASK} b ${PERSON_NUMBER_MASK} c`);
  });
  it("safeValue masks first, then strips control characters and cuts", () => {
    expect(safeValue(j(D, M, Y, S, "\u001b[31m"))).toBe(`${PERSON_NUMBER_MASK}?[31m`);
    expect(safeValue("x".repeat(100), 10)).toBe(`${"x".repeat(10)}…`);
    expect(safeValue("a\u202eb")).toBe("a?b"); // a bidirectional override cannot reorder a terminal line
  });
});
