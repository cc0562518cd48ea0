import { noteText } from "../../src/text/catalogue.js";
import { describe, expect, it } from "vitest";
import { completePeriods, pChart, runChart, xmrChart } from "../../src/spc/index.js";
import { spcMessages } from "../../src/spc/messages.js";

// Hand-computed interaction of phases, freeze, exclude and gaps.
//   period  2024-01 02 03   04 05 06 07 | 08 09 10 11   12 2025-01 02
//   value        10 12 gap  11 30 13 12 | 20 22 21 gap  23 40      24
// Options: phase "Indsats" from 2024-08; freeze 4; 2024-05 excluded (known special cause).
const values: (number | null)[] = [10, 12, null, 11, 30, 13, 12, 20, 22, 21, null, 23, 40, 24];
const periods = [
  "2024-01", "2024-02", "2024-03", "2024-04", "2024-05", "2024-06", "2024-07",
  "2024-08", "2024-09", "2024-10", "2024-11", "2024-12", "2025-01", "2025-02",
];
const series = values.map((v, i) => ({ period: periods[i], value: v }));
const options = { phases: [{ start: "2024-08", label: "Indsats" }], freeze: 4, exclude: ["2024-05"], improvement: "decrease" as const };

describe("XmR with phases + freeze + exclude + gaps (hand-computed)", () => {
  const r = xmrChart(series, options);
  it("phase Før: window = first 4 non-gap points 10 12 11 30; 30 excluded ⇒ baseline 10 12 11", () => {
    const before = r.points.slice(0, 7);
    expect(before.map((p) => p.baseline)).toEqual([true, true, false, true, false, false, false]);
    expect(before.every((p) => p.phase === "Før")).toBe(true);
    // centre = (10 + 12 + 11)/3 = 11
    expect(before[0].centre).toBe(11);
    // moving ranges: |12 − 10| = 2 only (03 is a gap, 05 is excluded, 06–07 are outside the window)
    expect(before.map((p) => p.movingRange)).toEqual([null, 2, null, null, null, null, null]);
    // σ = 2/1.128 = 1.773050; limits 11 ± 5.319149 ⇒ 5.680851 … 16.319149; 2σ: 7.453901 … 14.546099
    expect(before[0].upper3).toBeCloseTo(11 + (3 * 2) / 1.128, 12);
    expect(before[0].lower3).toBeCloseTo(5.680851, 6);
    expect(before[0].upper2).toBeCloseTo(14.546099, 6);
    expect(r.phases[0]).toMatchObject({ phase: "Før", firstPeriod: "2024-01", lastPeriod: "2024-07", points: 7, usefulPoints: 6, baselinePoints: 3, centre: 11, meanMovingRange: 2 });
  });
  it("the excluded 30 is still plotted and tested: outside the limits, a concern (decrease is better)", () => {
    const p = r.points[4];
    expect(p).toMatchObject({ value: 30, excluded: true, baseline: false, rules: ["outside-limits"], signal: "concern" });
  });
  it("phase Indsats: its own baseline 20 22 21 23 (the gap 2024-11 is not counted in the freeze)", () => {
    const after = r.points.slice(7);
    expect(after.map((p) => p.baseline)).toEqual([true, true, true, false, true, false, false]);
    // centre = 86/4 = 21.5; MRs |22−20| = 2, |21−22| = 1 (none across the gap) ⇒ mean 1.5; σ = 1.329787
    expect(after[0].centre).toBe(21.5);
    expect(r.phases[1].meanMovingRange).toBe(1.5);
    expect(after[0].upper3).toBeCloseTo(21.5 + 4.5 / 1.128, 12); // 25.489362
    expect(after[0].upper2).toBeCloseTo(24.159574, 6); // 24 is below it: no two-of-three
    expect(after.map((p) => p.rules.join())).toEqual(["", "", "", "", "", "outside-limits", ""]);
    // Phase 1's 30 did not leak into phase 2 (its limits would be far wider)
  });
  it("reports the gaps and explains the frozen baselines", () => {
    expect(r.missingPeriods).toEqual(["2024-03", "2024-11"]);
    expect(r.points[2]).toMatchObject({ value: null, rules: [], signal: null });
    expect(r.notes).toContainEqual({ code: "spc.note.frozenBaseline", values: { phase: "Før", k: 4, used: 3 } });
    expect(r.notes).toContainEqual(spcMessages.frozenBaseline("Indsats", 4, 4));
    expect(r.notes).toContainEqual({ code: "spc.note.missingPeriods", values: { count: 2, periods: ["2024-03", "2024-11"] } });
  });
});

describe("run chart with the same phases + freeze + exclude + gaps (hand-computed)", () => {
  const r = runChart(series, options);
  it("phase Før: median of 10 12 11 = 11; useful 10(−) 12(+) 13(+) 12(+) (11 on the median, 30 excluded)", () => {
    expect(r.phases[0]).toMatchObject({ centre: 11, usefulPoints: 4, longestRun: 3, crossings: 1, longestRunMax: 5, crossingsMin: 0, runsSignal: false });
    expect(r.notes).toContainEqual(spcMessages.fewUsefulRunPoints("Før", 4));
  });
  it("phase Indsats: median of 20 22 21 23 = 21.5; sides − + − + + + ⇒ 4 runs, 3 crossings, longest 3", () => {
    expect(r.phases[1]).toMatchObject({ centre: 21.5, usefulPoints: 6, longestRun: 3, crossings: 3 });
  });
});

describe("phases use only their own points", () => {
  it("changing phase 1 does not move phase 2's p-chart limits", () => {
    const mk = (first: number) =>
      [first, 10, 12, 11, 30, 31, 29, 30].map((y, i) => ({ period: `w${i + 1}`, numerator: y, denominator: 100 }));
    const ph = { phases: [{ start: "w5", label: "B" }] };
    const a = pChart(mk(10), ph);
    const b = pChart(mk(90), ph);
    expect(a.points[5].upper3).toBe(b.points[5].upper3);
    // phase B: p̄ = (30+31+29+30)/400 = 0.3; UCL = 0.3 + 3·√(0.3·0.7/100) = 0.437477
    expect(a.points[5].centre).toBeCloseTo(0.3, 12);
    expect(a.points[5].upper3 as number).toBeCloseTo(0.437477, 6);
    expect(a.points[0].centre).not.toBe(b.points[0].centre);
  });
  it("a per-phase freeze overrides the common one", () => {
    const r = xmrChart(series, { ...options, phases: [{ start: "2024-08", label: "Indsats", freeze: 2 }] });
    // Indsats frozen on 20 22 ⇒ centre 21, MR 2
    expect(r.phases[1]).toMatchObject({ centre: 21, baselinePoints: 2, meanMovingRange: 2 });
  });
  it("rejects phase starts and exclusions that are not periods of the series", () => {
    expect(() => xmrChart(series, { phases: [{ start: "2023-01", label: "X" }] })).toThrow(
      'xmrChart: phase start "2023-01" is not a period of the series. A phase starts at the first period of a real event (e.g. an intervention start); use completePeriods() first if the period is missing.',
    );
    expect(() => runChart(series, { exclude: ["2030-01"] })).toThrow('runChart: excluded period(s) not in the series: "2030-01".');
    expect(() =>
      xmrChart(series, { phases: [{ start: "2024-09", label: "B" }, { start: "2024-08", label: "A" }] }),
    ).toThrow('xmrChart: phase starts must follow the order of the series and be distinct; received "2024-09", "2024-08".');
  });
  it("a phase without usable points has no centre or limits, and says so", () => {
    const r = xmrChart([{ period: "a", value: 1 }, { period: "b", value: 2 }, { period: "c", value: null }], {
      phases: [{ start: "c", label: "Tom" }],
    });
    expect(r.points[2]).toMatchObject({ centre: null, upper3: null });
    expect(r.notes).toContainEqual({ code: "spc.note.noBaseline", values: { phase: "Tom" } });
  });
});

describe("completePeriods", () => {
  it("inserts missing months as gaps and warns", () => {
    const c = completePeriods(
      [{ period: "2023-11", value: 1 }, { period: "2024-02", value: 2 }],
      "month",
    );
    expect(c.points.map((p) => p.period)).toEqual(["2023-11", "2023-12", "2024-01", "2024-02"]);
    expect(c.points[1]).toEqual({ period: "2023-12", value: null, numerator: null, denominator: null });
    expect(c.inserted).toEqual(["2023-12", "2024-01"]);
    expect(c.warnings).toEqual([{ code: "spc.note.insertedGaps", values: { count: 2, periods: ["2023-12", "2024-01"] } }]);
    expect(noteText(c.warnings[0], "da")).toBe("Manglende perioder indsat som huller (ikke som 0): 2023-12, 2024-01.");
    // the charts then show the gaps
    expect(xmrChart(c.points).missingPeriods).toEqual(["2023-12", "2024-01"]);
  });
  it("handles quarters and years", () => {
    expect(completePeriods([{ period: "2023-Q3" }, { period: "2024-Q2" }], "quarter").inserted).toEqual(["2023-Q4", "2024-Q1"]);
    expect(completePeriods([{ period: "2019" }, { period: "2022" }], "year").inserted).toEqual(["2020", "2021"]);
    expect(completePeriods([{ period: "2019" }, { period: "2020" }], "year").warnings).toEqual([]);
  });
  it("rejects bad labels and disorder with the catalogue text", () => {
    expect(() => completePeriods([{ period: "2024-13" }], "month")).toThrow(
      'completePeriods: period "2024-13" is not a month label; expected "YYYY-MM", e.g. "2024-03".',
    );
    expect(() => completePeriods([{ period: "2024-02" }, { period: "2024-01" }], "month")).toThrow(
      'completePeriods: periods must be in time order; "2024-01" follows "2024-02".',
    );
  });
});
