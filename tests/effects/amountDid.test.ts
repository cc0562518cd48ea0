import { describe, expect, it } from "vitest";
import { amountDid, studentTQuantile } from "../../src/effects/amountDid.js";
import type { AmountDidRow } from "../../src/effects/amountDid.js";
import { Random } from "../../src/stats/random.js";
import { noteText } from "../../src/text/catalogue.js";
import type { Note } from "../../src/contract/note.js";

/** Notes in English words. */
const en = (ns: readonly Note[] | undefined): string[] => (ns ?? []).map((n) => noteText(n, "en"));


/**
 * A hand-built 5-cluster yearly panel 2016–2023 of cost per citizen: unit level × common trend ×
 * (effect from each adopter's start) × lognormal noise (sd 1 %). Adopters as the demo: A from 2019,
 * B from 2020, C from 2021; D and E never.
 */
function panel(effect: number, seed: number, noiseSd = 0.01): AmountDidRow[] {
  const rng = new Random(seed);
  const units: [string, number, number | null, number][] = [
    ["A", 20000, 2019, 300000],
    ["B", 22000, 2020, 120000],
    ["C", 19000, 2021, 200000],
    ["D", 21000, null, 350000],
    ["E", 23000, null, 100000],
  ];
  const rows: AmountDidRow[] = [];
  for (const [unit, lvl, g, pop] of units)
    for (let t = 2016; t <= 2023; t++) {
      const trend = 1.03 ** (t - 2016);
      const eff = g !== null && t >= g ? effect : 1;
      rows.push({ unit, period: t, amount: lvl * trend * eff * Math.exp(noiseSd * rng.normal()), weight: pop, treatedFrom: g });
    }
  return rows;
}

describe("amountDid", () => {
  it("recovers a known 10 % reduction exactly without noise", () => {
    const r = amountDid(panel(0.9, 1, 0));
    expect(r.estimable).toBe(true);
    expect(r.ratio!).toBeCloseTo(0.9, 12); // injected: amount × 0.90 from each start
    expect(r.cells.map((c) => `${c.unit}${c.period}`)).toEqual(
      // A vs D,E,B(≤2019),C(≤2020); B vs D,E,C(2020); C vs D,E
      ["A2019", "A2020", "A2021", "A2022", "A2023", "B2020", "B2021", "B2022", "B2023", "C2021", "C2022", "C2023"],
    );
    expect(r.cells[0].controls).toEqual(["B", "C", "D", "E"]);
    expect(r.cells[1].controls).toEqual(["C", "D", "E"]);
    expect(r.cells[5].base).toBe(2019);
    // untreated cells: A 3 + B 4 + C 5 + D 8 + E 8 = 28; df = 28 − 5 units − 8 years + 1 = 16
    expect([r.untreatedCells, r.df]).toEqual([28, 16]);
    expect(r.byUnit.map((u) => [u.unit, u.treatedFrom, u.periods])).toEqual([["A", 2019, 5], ["B", 2020, 4], ["C", 2021, 3]]);
    for (const u of r.byUnit) expect(u.ratio).toBeCloseTo(0.9, 12);
  });

  it("recovers ≈ 0.90 with an interval covering it under noise", () => {
    let covered = 0;
    for (let seed = 1; seed <= 40; seed++) {
      const r = amountDid(panel(0.9, seed));
      expect(Math.abs(r.ratio! - 0.9)).toBeLessThan(0.03);
      expect(r.upper!).toBeLessThan(1);
      if (r.lower! < 0.9 && r.upper! > 0.9) covered++;
    }
    expect(covered).toBeGreaterThanOrEqual(34); // nominal 95 % of 40 = 38; allow sampling error
    const one = amountDid(panel(0.9, 7));
    expect(en(one.notes).at(-1)).toMatch(/^Interval: t-interval \(df 16\)/);
  });

  it("gives an interval covering 1 for a null panel", () => {
    let covered = 0;
    for (let seed = 101; seed <= 140; seed++) {
      const r = amountDid(panel(1, seed));
      if (r.lower! < 1 && r.upper! > 1) covered++;
    }
    expect(covered).toBeGreaterThanOrEqual(34);
    const r = amountDid(panel(1, 5));
    expect(r.lower!).toBeLessThan(1);
    expect(r.upper!).toBeGreaterThan(1);
  });

  it("is not estimable with too few controls or pre-periods", () => {
    const p = panel(0.9, 3);
    const oneControl = amountDid(p.filter((r) => r.unit === "A" || r.unit === "D"));
    expect(oneControl.estimable).toBe(false);
    expect(oneControl.ratio).toBeNull();
    expect(en(oneControl.notes).at(-1)).toBe(
      "Only 1 control unit (never-treated or not yet treated); at least 2 are needed for an estimate.",
    );
    const noControls = amountDid(p.filter((r) => r.unit === "C"));
    expect(noControls.estimable).toBe(false);
    expect(en(noControls.notes).at(-1)).toMatch(/No adopting unit has a base period/);
    // three units, one year before the start: untreated cells 1 + 2 + 2 = 5; df = 5 − 3 − 2 + 1 = 1
    const short = amountDid(p.filter((r) => ["A", "D", "E"].includes(r.unit) && r.period >= 2018 && r.period <= 2019));
    expect([short.estimable, short.df]).toEqual([false, 1]);
    expect(en(short.notes).at(-1)).toMatch(/leave 1 residual degrees of freedom/);
  });

  it("rejects non-positive amounts", () => {
    expect(() => amountDid([{ unit: "A", period: 2016, amount: 0 }])).toThrow(/amounts must be finite and > 0/);
  });

  it("uses Student t quantiles", () => {
    expect(studentTQuantile(0.975, 2)).toBeCloseTo(4.302653, 5); // R: qt(0.975, 2)
    expect(studentTQuantile(0.975, 5)).toBeCloseTo(2.570582, 5); // R: qt(0.975, 5)
    expect(studentTQuantile(0.975, 16)).toBeCloseTo(2.119905, 5); // R: qt(0.975, 16)
    expect(studentTQuantile(0.05, 10)).toBeCloseTo(-1.812461, 5); // R: qt(0.05, 10)
  });
});
