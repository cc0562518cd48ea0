import { noteText } from "../../src/text/catalogue.js";
import { describe, expect, it } from "vitest";
import { pChart, pPrimeChart } from "../../src/spc/index.js";
import { spcMessages } from "../../src/spc/messages.js";
import { ORANGE_JUICE_D } from "./fixtures.js";

const oj = ORANGE_JUICE_D.map((d, i) => ({ period: String(i + 1), numerator: d, denominator: 50 }));

describe("pChart: Montgomery Example 7.1, orange-juice cans (n = 50)", () => {
  it("trial limits: p̄ = 0.2313, UCL = 0.4102, LCL = 0.0524; samples 15 and 23 above the UCL", () => {
    const r = pChart(oj, { improvement: "decrease" });
    const p = r.points[0];
    expect(p.centre).toBeCloseTo(347 / 1500, 12); // Montgomery Ex. 7.1: p̄ = 347/1500 = 0.2313
    expect(p.centre as number).toBeCloseTo(0.2313, 4); // Montgomery Ex. 7.1 / NIST e-Handbook 6.3.3.2
    expect(p.upper3 as number).toBeCloseTo(0.4102, 4); // Montgomery Ex. 7.1 (NIST prints 0.4103)
    expect(p.lower3 as number).toBeCloseTo(0.0524, 4); // Montgomery Ex. 7.1
    // 2σ: 0.2313 ± 2·√(0.2313·0.7687/50) = 0.2313 ± 2·0.059632
    expect(p.upper2 as number).toBeCloseTo(347 / 1500 + 2 * Math.sqrt(((347 / 1500) * (1153 / 1500)) / 50), 12);
    const flagged = r.points.filter((q) => q.rules.includes("outside-limits")).map((q) => q.period);
    expect(flagged).toEqual(["15", "23"]); // Montgomery Ex. 7.1: samples 15 (0.44) and 23 (0.48) out of control
    expect(r.points[14].signal).toBe("concern");
  });

  it("revised limits excluding samples 15 and 23: p̄ = 0.2150, UCL = 0.3893, LCL = 0.0407; sample 21 now above", () => {
    const r = pChart(oj, { exclude: ["15", "23"], improvement: "decrease" });
    const p = r.points[0];
    expect(p.centre).toBeCloseTo(301 / 1400, 12); // (347 − 22 − 24)/(28·50) = 301/1400
    expect(p.centre as number).toBeCloseTo(0.215, 4); // Montgomery Ex. 7.1 revised: 0.2150
    expect(p.upper3 as number).toBeCloseTo(0.3893, 4); // Montgomery Ex. 7.1 revised UCL
    expect(p.lower3 as number).toBeCloseTo(0.0407, 4); // Montgomery Ex. 7.1 revised LCL
    expect(r.points[14].excluded).toBe(true);
    expect(r.points[14].baseline).toBe(false);
    // Excluded points are still plotted and tested; sample 21 (20/50 = 0.40) exceeds 0.3893 (Montgomery notes it).
    expect(r.points.filter((q) => q.rules.includes("outside-limits")).map((q) => q.period)).toEqual(["15", "21", "23"]);
    expect(r.phases[0].baselinePoints).toBe(28);
    expect(r.notes).toContainEqual(spcMessages.excludedPoints(["15", "23"]));
  });

  it("constant denominators give no varying-limits note; varying ones do", () => {
    expect(pChart(oj).notes).not.toContainEqual(spcMessages.varyingLimits());
    const varying = oj.map((p, i) => ({ ...p, denominator: 50 + i }));
    const r = pChart(varying);
    expect(r.notes).toContainEqual({ code: "spc.note.varyingLimits", values: {} });
    expect(r.points[0].upper3).toBeGreaterThan(r.points[29].upper3 as number); // n = 50 vs n = 79
  });

  it("cuts the limits to [0, 1]", () => {
    const r = pChart([
      { period: "a", numerator: 1, denominator: 2 },
      { period: "b", numerator: 1, denominator: 2 },
      { period: "c", numerator: 0, denominator: 2 },
      { period: "d", numerator: 2, denominator: 2 },
    ]);
    // p̄ = 4/8 = 0.5; σ = √(0.25/2) = 0.35355; 0.5 ± 3σ = −0.56 … 1.56 ⇒ cut to 0 … 1
    expect(r.points[0].lower3).toBe(0);
    expect(r.points[0].upper3).toBe(1);
  });

  it("rejects a numerator above its denominator", () => {
    expect(() => pChart([{ period: "2024-01", numerator: 6, denominator: 5 }])).toThrow(
      'pChart: period "2024-01" has numerator 6 above denominator 5; a proportion cannot exceed 1.',
    );
  });

  it("treats a zero denominator as a gap and says so", () => {
    const r = pChart([...oj.slice(0, 3), { period: "x", numerator: 0, denominator: 0 }]);
    expect(r.points[3].value).toBeNull();
    expect(r.missingPeriods).toEqual(["x"]);
    expect(r.notes).toContainEqual({ code: "spc.note.zeroDenominator", values: { periods: ["x"] } });
    expect(noteText(r.notes.find((n) => n.code === "spc.note.zeroDenominator")!, "en")).toBe("Denominator 0 in x: no rate can be computed, so these periods are gaps.");
  });
});

describe("pPrimeChart (Laney p′), hand-computed", () => {
  // Four periods, n = 10000 each, y = 1000, 1300, 900, 1200 ⇒ p̄ = 4400/40000 = 0.11.
  // σᵢ = √(0.11·0.89/10000) = 0.0031289; z = (0.10 − 0.11)/σ = −3.19601, (0.13−0.11)/σ = 6.39201,
  // (0.09−0.11)/σ = −6.39201, (0.12−0.11)/σ = 3.19601.
  // Moving ranges of z: 9.58802, 12.78403, 9.58802; mean = 10.65336; 3.267·mean = 34.80 ⇒ none screened.
  // σ_z = 10.65336/1.128 = 9.44447; UCL′ = 0.11 + 3·0.0031289·9.44447 = 0.11 + 0.088652 = 0.198652.
  const pts = [1000, 1300, 900, 1200].map((y, i) => ({ period: `2024-0${i + 1}`, numerator: y, denominator: 10000 }));
  const sigma = Math.sqrt((0.11 * 0.89) / 10000);
  const zs = [0.1, 0.13, 0.09, 0.12].map((p) => (p - 0.11) / sigma);
  const amr = (Math.abs(zs[1] - zs[0]) + Math.abs(zs[2] - zs[1]) + Math.abs(zs[3] - zs[2])) / 3;
  const sigmaZ = amr / 1.128;

  it("widens the limits by sigma_z", () => {
    const r = pPrimeChart(pts);
    expect(r.chart).toBe("pprime");
    expect(sigmaZ).toBeCloseTo(9.44447, 4);
    expect(r.phases[0].sigmaZ as number).toBeCloseTo(sigmaZ, 12);
    expect(r.points[0].upper3 as number).toBeCloseTo(0.11 + 3 * sigma * sigmaZ, 12);
    expect(r.points[0].upper3 as number).toBeCloseTo(0.198652, 5);
    expect(r.points[0].lower2 as number).toBeCloseTo(0.11 - 2 * sigma * sigmaZ, 12);
    const laney = r.notes.find((n) => n.code === "spc.note.laneyApplied");
    expect(laney?.values.phase).toBe("Før");
    expect(laney?.values.sigmaZ as number).toBeCloseTo(9.444, 3);
    expect(noteText(laney!, "da")).toBe("Fase «Før»: Laney-justering, grænserne ganget med sigma_z = 9,44.");
  });

  it("the plain p chart recommends Laney when sigma_z is far from 1 with large denominators", () => {
    const r = pChart(pts);
    expect(r.chart).toBe("p");
    expect(r.points.filter((p) => p.rules.includes("outside-limits"))).toHaveLength(4); // far too tight
    const rec = r.notes.find((n) => n.code === "spc.note.laneyRecommended");
    expect(rec?.values).toMatchObject({ phase: "Før", n: 10000, too: "spc.note.tight" });
    expect(rec?.values.sigmaZ as number).toBeCloseTo(9.444, 3);
    expect(noteText(rec!, "en")).toContain("sigma_z = 9.44 with mean denominator 10,000; the plain limits assume sigma_z ≈ 1 and are likely far too tight.");
    expect(pChart(pts, { laney: true }).points[0].upper3).toBe(pPrimeChart(pts).points[0].upper3);
  });

  it("uses every moving range of z by default (Laney 2002, qicharts2 qic.pp); screening is an option", () => {
    // One large jump: y = 1000, 1010 alternating, then 1500, n = 10000 each. The last moving range of z
    // exceeds 3.267 × the mean moving range, so screening would drop it; by default it stays in σ_z.
    const ys = [1000, 1010, 1000, 1010, 1000, 1010, 1000, 1500];
    const jump = ys.map((y, i) => ({ period: `2024-0${i + 1}`, numerator: y, denominator: 10000 }));
    const pbar = ys.reduce((a, b) => a + b, 0) / (10000 * ys.length);
    const s = Math.sqrt((pbar * (1 - pbar)) / 10000);
    const z = ys.map((y) => (y / 10000 - pbar) / s);
    const mrs = z.slice(1).map((v, i) => Math.abs(v - z[i]));
    const mean = mrs.reduce((a, b) => a + b, 0) / mrs.length;
    expect(mrs[mrs.length - 1]).toBeGreaterThan(3.267 * mean); // the jump would be screened
    const kept = mrs.filter((m) => m < 3.267 * mean);
    const screenedMean = kept.reduce((a, b) => a + b, 0) / kept.length;
    expect(pPrimeChart(jump).phases[0].sigmaZ as number).toBeCloseTo(mean / 1.128, 12);
    expect(pPrimeChart(jump, { screenMovingRanges: true }).phases[0].sigmaZ as number).toBeCloseTo(screenedMean / 1.128, 12);
  });

  it("never forms a moving range of z across a gap", () => {
    // Same four periods with a gap between the 2nd and 3rd: MRs of z are |6.39201 − (−3.19601)| = 9.58802
    // and |3.19601 − (−6.39201)| = 9.58802 (none across the gap) ⇒ σ_z = 9.58802/1.128 = 8.50002.
    const gapped = [pts[0], pts[1], { period: "2024-gap", numerator: null, denominator: 10000 }, pts[2], pts[3]];
    const r = pPrimeChart(gapped);
    expect(r.missingPeriods).toEqual(["2024-gap"]);
    expect(r.phases[0].sigmaZ as number).toBeCloseTo((Math.abs(zs[1] - zs[0]) + Math.abs(zs[3] - zs[2])) / 2 / 1.128, 12);
    expect(r.phases[0].sigmaZ as number).toBeCloseTo(8.50002, 4);
    expect(r.points[2]).toMatchObject({ value: null, upper3: null, rules: [] });
  });
});
