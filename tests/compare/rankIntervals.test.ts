import { describe, expect, it } from "vitest";
import { rankIntervals } from "../../src/compare/rankIntervals.js";
import { noteText } from "../../src/text/catalogue.js";
import type { Note } from "../../src/contract/note.js";

/** Notes in English words. */
const en = (ns: readonly Note[] | undefined): string[] => (ns ?? []).map((n) => noteText(n, "en"));


describe("rankIntervals — ranks with uncertainty", () => {
  it("well-separated estimates get narrow rank intervals in the right order", () => {
    const res = rankIntervals(
      [
        { unit: "C", value: 3, standardError: 0.01 },
        { unit: "A", value: 1, standardError: 0.01 },
        { unit: "B", value: 2, standardError: 0.01 },
      ],
      { scale: "linear", seed: 1, simulations: 500 },
    );
    expect(res.rows.map((r) => [r.unit, r.medianRank, r.rankLower, r.rankUpper])).toEqual([
      ["A", 1, 1, 1],
      ["B", 2, 2, 2],
      ["C", 3, 3, 3],
    ]);
    expect(res.rows[0].probabilityFirst).toBe(1);
    const desc = rankIntervals(
      [
        { unit: "A", value: 1, standardError: 0.01 },
        { unit: "B", value: 2, standardError: 0.01 },
      ],
      { scale: "linear", order: "descending", simulations: 200 },
    );
    expect(desc.rows[0].unit).toBe("B");
  });

  it("identical estimates share the whole rank range (no league table)", () => {
    const est = Array.from({ length: 5 }, (_, i) => ({ unit: `u${i}`, value: 1.0, lower: 0.8, upper: 1.25 }));
    const res = rankIntervals(est, { seed: 3, simulations: 4000 });
    expect(res.scale).toBe("log");
    for (const r of res.rows) {
      expect(r.rankLower).toBe(1);
      expect(r.rankUpper).toBe(5);
      // Mean rank 3; its Monte Carlo SE is √(Var(rank) / 4000) = √(2 / 4000) ≈ 0.022: within 4 SE.
      expect(Math.abs(r.meanRank - 3)).toBeLessThan(0.09);
      // Each unit is first in about 1/5 of the draws.
      expect(Math.abs(r.probabilityFirst - 0.2)).toBeLessThan(0.03);
    }
    expect(en(res.notes).at(-1)).toBe(
      "Ranks are uncertain: read each unit's rank interval, not its position in the list; overlapping intervals mean the order is not established.",
    );
  });

  it("two units: P(first) matches the normal probability Φ((μ2 − μ1)/√(s1² + s2²))", () => {
    // Φ(1) = 0.8413447 (R: pnorm(1))
    const res = rankIntervals(
      [
        { unit: "a", value: 0, standardError: 1 / Math.SQRT2 },
        { unit: "b", value: 1, standardError: 1 / Math.SQRT2 },
      ],
      { scale: "linear", simulations: 20000, seed: 9 },
    );
    const a = res.rows.find((r) => r.unit === "a");
    expect(Math.abs((a?.probabilityFirst ?? 0) - 0.8413447)).toBeLessThan(0.01);
  });

  it("is reproducible by seed; suppressed values are left out and said so", () => {
    const est = [
      { unit: "A", value: 1.1, lower: 0.9, upper: 1.3 },
      { unit: "B", value: 0.9, lower: 0.7, upper: 1.2 },
      { unit: "C", value: null },
    ];
    const a = rankIntervals(est, { seed: 42 });
    const b = rankIntervals(est, { seed: 42 });
    expect(a.rows).toEqual(b.rows);
    expect(en(a.notes)[0]).toBe("C has no value (suppressed or not computed) and is left out of the ranking.");
  });

  it("errors", () => {
    expect(() => rankIntervals([{ unit: "A", value: 1, standardError: 1 }])).toThrow("rankIntervals requires at least two estimates with a value");
    expect(() => rankIntervals([{ unit: "A", value: 1 }, { unit: "B", value: 2, standardError: 1 }])).toThrow(
      'rankIntervals: estimate "A" has neither a standard error nor an interval around its value',
    );
    expect(() =>
      rankIntervals([{ unit: "A", value: 0, lower: 0, upper: 1 }, { unit: "B", value: 2, lower: 1, upper: 3 }], { scale: "log" }),
    ).toThrow('rankIntervals: estimate "A" has a value or interval <= 0, so the log scale cannot be used; use scale "linear"');
    expect(() => rankIntervals([{ unit: "A", value: 1, standardError: 1 }, { unit: "B", value: 1, standardError: 1 }], { simulations: 10 })).toThrow(
      "rankIntervals: simulations is 10; expected an integer >= 100",
    );
  });
});
