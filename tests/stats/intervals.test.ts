import { describe, expect, it } from "vitest";
import { poissonInterval, rateWithInterval, StatsError, wilsonInterval } from "../../src/stats/index.js";
import { expectRel } from "./helpers.js";
import { noteText } from "../../src/text/catalogue.js";

describe("wilsonInterval", () => {
  it("1/100 at 95 % and 99.8 % in one call (methods.md)", () => {
    const e = wilsonInterval(1, 100, { level: [0.95, 0.998] });
    expect(e.method).toBe("wilson");
    expectRel(e.value, 0.01);
    expectRel(e.lower, 0.0017674321); // methods.md: Wilson 1/100, 95 %
    expectRel(e.upper, 0.0544861962); // methods.md
    expect(e.intervals.map((i) => i.level)).toEqual([0.95, 0.998]);
    expectRel(e.intervals[1].lower, 0.0008730657); // methods.md: 99.8 %
    expectRel(e.intervals[1].upper, 0.1045544528); // methods.md: 99.8 %
  });
  it("65/100 (methods.md)", () => {
    const e = wilsonInterval(65, 100, { level: [0.95, 0.998] });
    expectRel(e.intervals[0].lower, 0.552544433); // methods.md
    expectRel(e.intervals[0].upper, 0.7363575176); // methods.md
    expectRel(e.intervals[1].lower, 0.4954946574); // methods.md
    expectRel(e.intervals[1].upper, 0.7783540614); // methods.md
  });
  it("edge cases: 0/n, n/n, n = 0", () => {
    const zero = wilsonInterval(0, 20);
    expect(zero.lower).toBe(0);
    expectRel(zero.upper, 0.1611251); // R: binom::binom.confint(0, 20, methods = "wilson")$upper
    const all = wilsonInterval(20, 20);
    expectRel(all.lower, 0.8388749); // R: binom::binom.confint(20, 20, methods = "wilson")$lower
    expect(all.upper).toBe(1);
    const none = wilsonInterval(0, 0);
    expect(none.value).toBeNull();
    expect(none.note).toEqual({ code: "stats.note.zeroDenominator", values: {} });
    expect(noteText(none.note!, "da")).toBe("Nævner 0: ingen værdi kan beregnes.");
    expect(noteText(none.note!, "en")).toBe("Denominator 0: no value can be computed.");
  });
  it("validates at the boundary", () => {
    expect(() => wilsonInterval(5, 4)).toThrow("wilsonInterval: x (5) must not exceed n (4).");
    expect(() => wilsonInterval(-1, 4)).toThrow("wilsonInterval: x must be a finite number >= 0; received -1.");
    expect(() => wilsonInterval(1, 4, { level: 95 })).toThrow(StatsError);
    expect(() => wilsonInterval(1, 4, { level: [] })).toThrow(
      "wilsonInterval: level must be a number or a non-empty array of numbers.",
    );
  });
});

describe("poissonInterval", () => {
  it("exact below 10 events", () => {
    const e = poissonInterval(5);
    expect(e.method).toBe("exact-poisson");
    expectRel(e.lower, 1.623486390); // methods.md 5/100 → 1623.486390 per 100,000; R: poisson.test(5)$conf.int
    expectRel(e.upper, 11.668332079); // methods.md
  });
  it("x = 0 has lower 0 and exact upper", () => {
    const e = poissonInterval(0);
    expect(e.lower).toBe(0);
    expectRel(e.upper, 3.688879454); // R: poisson.test(0)$conf.int[2]
  });
  it("Byars from 10 events", () => {
    const e = poissonInterval(20, { level: [0.95, 0.998] });
    expect(e.method).toBe("byars");
    expectRel(e.intervals[0].lower, 12.211428835); // methods.md 20/100 per 100,000
    expectRel(e.intervals[1].upper, 38.085035625); // methods.md 99.8 %
  });
  it("switches at exactly 10", () => {
    expect(poissonInterval(9.999).method).toBe("exact-poisson");
    expect(poissonInterval(10).method).toBe("byars");
  });
});

describe("rateWithInterval", () => {
  it("5 / 100 per 100,000 (exact) — methods.md", () => {
    const e = rateWithInterval(5, 100, { multiplier: 100000 });
    expectRel(e.value, 5000);
    expectRel(e.lower, 1623.48639); // methods.md
    expectRel(e.upper, 11668.332079); // methods.md
  });
  it("20 / 100 per 100,000 (Byars), 95 % and 99.8 % — methods.md", () => {
    const e = rateWithInterval(20, 100, { multiplier: 100000, level: [0.95, 0.998] });
    expect(e.method).toBe("byars");
    expectRel(e.value, 20000);
    expectRel(e.intervals[0].lower, 12211.428835); // methods.md
    expectRel(e.intervals[0].upper, 30889.880369); // methods.md
    expectRel(e.intervals[1].lower, 8922.802365); // methods.md
    expectRel(e.intervals[1].upper, 38085.035625); // methods.md
  });
  it("zero person-time gives null with a note; multiplier must be > 0", () => {
    const e = rateWithInterval(3, 0);
    expect(e.value).toBeNull();
    expect(e.note).toEqual({ code: "stats.note.zeroDenominator", values: {} });
    expect(() => rateWithInterval(3, 10, { multiplier: 0 })).toThrow(
      "rateWithInterval: multiplier must be a finite number > 0; received 0.",
    );
  });
});
