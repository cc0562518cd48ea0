import { describe, expect, it } from "vitest";
import { runChart } from "../../src/spc/index.js";
import { AE_ATTENDANCES, AE_MONTHS, ORANGE_JUICE_D } from "./fixtures.js";

describe("runChart on published series", () => {
  it("Montgomery's orange-juice counts: median 10.5, 30 useful, longest run 6, 13 crossings, no signal", () => {
    // Sorted counts: 4 5 5 6 6 7 7 8 8 9 9 9 10 10 10 | 11 12 12 12 13 13 14 15 15 16 17 18 20 22 24
    // ⇒ median (10 + 11)/2 = 10.5, as proportion 0.21. Sides in time order:
    // ++ ---- + - + --- +++ --- ++++++ - + - + -- ⇒ 14 runs, 13 crossings, longest 6 (samples 19–24).
    // n = 30 ⇒ limits: longest run 8, crossings 10 (qbinom(0.05, 29, 0.5)).
    const r = runChart(ORANGE_JUICE_D.map((d, i) => ({ period: String(i + 1), numerator: d, denominator: 50 })));
    expect(r.points[0].centre).toBeCloseTo(0.21, 12);
    expect(r.phases[0]).toMatchObject({ usefulPoints: 30, longestRun: 6, longestRunMax: 8, crossings: 13, crossingsMin: 10, runsSignal: false, signals: 0 });
  });

  it("ae_attendances (NHSRplotthedots fixture): 36 useful, longest 5, 23 crossings, no signal", () => {
    // median = (2000086 + 2001816)/2 = 2000951; sides:
    // -+-+--+----+-+-+--+-+--+-+++-+++++-+ ⇒ 24 runs, 23 crossings, longest run 5 (months 30–34).
    const r = runChart(AE_ATTENDANCES.map((v, i) => ({ period: AE_MONTHS[i], value: v })), { improvement: "increase" });
    expect(r.points[0].centre).toBe(2000951);
    expect(r.phases[0]).toMatchObject({ usefulPoints: 36, longestRun: 5, longestRunMax: 8, crossings: 23, crossingsMin: 13, runsSignal: false });
    expect(r.points.every((p) => p.lower3 === null && p.upper3 === null)).toBe(true);
  });
});

describe("runChart rules", () => {
  // 12 points: 1 2 1 2 1 2 then 9 9 9 9 9 9 ⇒ median (2 + 9)/2 = 5.5;
  // sides - - - - - - + + + + + + ⇒ 2 runs of 6, 1 crossing. n = 12 ⇒ longest run max 7, crossings min 3.
  // Longest run 6 ≤ 7: no run signal; crossings 1 < 3: signal on every useful point.
  it("too few crossings flags every useful point, without direction", () => {
    const r = runChart([1, 2, 1, 2, 1, 2, 9, 9, 9, 9, 9, 9].map((v, i) => ({ period: `p${i + 1}`, value: v })), { improvement: "increase" });
    expect(r.phases[0]).toMatchObject({ longestRun: 6, crossings: 1, crossingsMin: 3, runsSignal: true });
    expect(r.points.every((p) => p.rules.join() === "runs-crossings" && p.signal === "neutral")).toBe(true);
    expect(r.notes).toContainEqual({ code: "spc.note.runsSignal", values: { phase: "Før", longest: 6, longestMax: 7, crossings: 1, crossingsMin: 3 } });
  });

  it("points on the median are not useful: they neither count nor break a run", () => {
    const ys = [9, 1, 9, 1, 9, 1, 9, 1, 2, 2, 2, 2, 2, 2, 2, 2, 9, 1];
    // sorted: 1 1 1 1 1 2 2 2 2 | 2 2 2 2 9 9 9 9 9 ⇒ median (2 + 2)/2 = 2 ⇒ the eight 2s are on the median.
    // Useful: 9 1 9 1 9 1 9 1 9 1 ⇒ n = 10, 10 runs of 1, 9 crossings ⇒ no signal, no 2 flagged.
    const r = runChart(ys.map((v, i) => ({ period: `p${i + 1}`, value: v })));
    expect(r.phases[0]).toMatchObject({ usefulPoints: 10, crossings: 9, longestRun: 1, runsSignal: false });
    expect(r.points.every((p) => p.rules.length === 0)).toBe(true);
  });

  it("a too-long run flags its points, coloured by their side of the median", () => {
    const zs = [7, 3, 7, 3, 7, 3, 7, 3, 7, 7, 7, 1, 1, 1, 1, 1, 1, 1, 1, 1];
    // sorted: 1×9, 3×4, 7×7 ⇒ 10th and 11th values are 3 and 3 ⇒ median 3: the four 3s are on it.
    // Useful: seven 7s (the 3s between them do not break the run), then nine 1s ⇒ n = 16, 2 runs.
    // Longest run 9 > round(log2(16)) + 3 = 7 ⇒ signal; crossings 1 < qbinom(0.05, 15, 0.5) = 4 ⇒ signal.
    const s = runChart(zs.map((v, i) => ({ period: `q${i + 1}`, value: v })), { improvement: "decrease" });
    expect(s.phases[0]).toMatchObject({ usefulPoints: 16, longestRun: 9, longestRunMax: 7, crossings: 1, crossingsMin: 4, runsSignal: true });
    const low = s.points.slice(11);
    expect(low.every((p) => p.rules.join() === "runs-longest,runs-crossings" && p.signal === "improvement")).toBe(true);
    expect(s.points[1].rules).toEqual([]); // a 3 on the median is not useful and not flagged
    expect(s.points[0].rules).toEqual(["runs-crossings"]); // its run of 7 is not longer than 7
  });

  it("a gap neither counts nor breaks a run", () => {
    const ys: (number | null)[] = [1, 1, 1, 1, null, 1, 1, 1, 1, 9, 9, 9, 9, 9, 9, 9, 9, 9];
    // non-gap values: 1×8, 9×9 (17); sorted ⇒ 9th value = 9 ⇒ median 9 ⇒ the 9s are on the median.
    // Useful: the eight 1s, one run of 8 across the gap; n = 8.
    const r = runChart(ys.map((v, i) => ({ period: `m${i + 1}`, value: v })));
    expect(r.missingPeriods).toEqual(["m5"]);
    expect(r.points[4].value).toBeNull();
    expect(r.points[4].rules).toEqual([]);
    expect(r.phases[0]).toMatchObject({ usefulPoints: 8, longestRun: 8, crossings: 0, points: 18 });
  });
});
