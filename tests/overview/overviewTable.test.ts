import { describe, expect, it } from "vitest";
import { funnelPlotData } from "../../src/compare/index.js";
import type { IndicatorRow } from "../../src/indicators/index.js";
import { overviewTable, keyFindings, keyMessages } from "../../src/overview/index.js";
import { measureInfo } from "../../src/overview/measureInfo.js";
import { unitSpcChart } from "../../src/overview/unitSpcChart.js";
import { pChart } from "../../src/spc/index.js";
import { variationSignal } from "../../src/spc/variationSignal.js";
import { followUp, months, series, steady, yearsOf, type Cell } from "./fixtures.js";

const IND = "readmission_30d";
const G = "65+";
const M = months(2016, 2019);

/** Midt ends with an outlier month; Randers ends with 7 lower months; Vest's last month is suppressed (it hides an outlier). */
function clusterCells(): Record<string, Cell[]> {
  const base = steady(M, 0.12, 200);
  return {
    Horsens: base,
    Midt: [...base.slice(0, -1), { period: "2019-12", num: 60, den: 200 }],
    Randers: [...base.slice(0, -7), ...M.slice(-7).map((period) => ({ period, num: 21, den: 200 }))],
    Vest: [...base.slice(0, -1), { period: "2019-12", num: 4, den: 200, suppressed: true }],
  };
}

function table(hiddenKept = false): IndicatorRow[] {
  const out: IndicatorRow[] = [];
  const cells = clusterCells();
  for (const [unit, cs] of Object.entries(cells)) {
    out.push(...series(IND, G, "cluster", unit, cs, "proportion", hiddenKept));
    out.push(...series(IND, G, "cluster", unit, yearsOf(cs), "proportion", hiddenKept));
  }
  const region = steady(M, 0.12, 800);
  out.push(...series(IND, G, "region", "region", region), ...series(IND, G, "region", "region", yearsOf(region)));
  return out;
}

describe("overviewTable", () => {
  it("one row per unit, region first: latest year, change from the first year, variation of the SPC chart's latest month", () => {
    const { rows, missing } = overviewTable(table(), { measures: [{ indicator: IND, group: G }] });
    expect(missing).toEqual([]);
    expect(rows.map((r) => r.unit)).toEqual(["region", "Horsens", "Midt", "Randers", "Vest"]);
    const horsens = rows.find((r) => r.unit === "Horsens")!;
    expect(horsens).toMatchObject({ period: "2019", baselinePeriod: "2016", kind: "proportion", multiplier: 100, improvement: "decrease", spcChart: "p", spcPoints: 48, variation: "common_cause", variationPeriod: "2019-12" });
    const y2019 = yearsOf(clusterCells().Horsens).find((c) => c.period === "2019")!;
    expect(horsens.value).toBeCloseTo((100 * y2019.num) / y2019.den, 12);
    expect(horsens.change).toBeCloseTo(0, 12); // the same pattern every year
    // Midt: 60/200 = 30 % in December 2019, far above the upper limit; lower is better ⇒ concern, high.
    expect(rows.find((r) => r.unit === "Midt")).toMatchObject({ variation: "concern_high", variationRules: ["outside-limits"], variationValue: 30 });
    // Randers: 7 months at 10.5 %, below the centre line ⇒ a shift, an improvement (low).
    expect(rows.find((r) => r.unit === "Randers")).toMatchObject({ variation: "improvement_low", variationRules: ["shift"] });
  });

  it("reads the very chart the report draws: unitSpcChart, a p chart of the months", () => {
    const rows = table().filter((r) => r.unit === "Midt" && r.period.length === 7);
    const own = unitSpcChart(rows, measureInfo(IND, rows))!.result;
    const direct = pChart(rows.map((r) => ({ period: r.period, numerator: r.numerator, denominator: r.denominator })), { improvement: "decrease", multiplier: 100 });
    expect(own.points.map((p) => [p.rules, p.signal, p.upper3])).toEqual(direct.points.map((p) => [p.rules, p.signal, p.upper3]));
    expect(variationSignal(own).signal).toBe("concern_high");
  });

  it("a suppressed value never feeds a signal: the hidden month is a gap, the hidden year is blank, and the hidden numbers change nothing", () => {
    const blanked = overviewTable(table(false), { measures: [{ indicator: IND, group: G }] }).rows;
    // The same table with the true counts still inside the suppressed rows (suppressed: true): every output is the same.
    const kept = overviewTable(table(true), { measures: [{ indicator: IND, group: G }] }).rows;
    expect(kept).toEqual(blanked);
    const vest = blanked.find((r) => r.unit === "Vest")!;
    // 4/200 = 2 % in December would be below the lower limit (an "improvement"); it is hidden, so the latest point read is November.
    expect(vest).toMatchObject({ suppressed: true, value: null, lower: null, upper: null, change: null, funnel: null, variation: "common_cause", variationPeriod: "2019-11", spcPoints: 47 });
  });

  it("assurance against a target the user states, from the latest process limits (Making Data Count)", () => {
    const targets = [
      { indicator: IND, group: G, value: 25 }, // above every upper limit: lower is better ⇒ met every month
      { indicator: IND, group: G, value: 5, units: ["Horsens"] }, // below the lower limit ⇒ never met
    ];
    const { rows } = overviewTable(table(), { measures: [{ indicator: IND, group: G }], targets: [targets[1], targets[0]] });
    const horsens = rows.find((r) => r.unit === "Horsens")!;
    expect(horsens).toMatchObject({ target: 5, assurance: "consistent_fail", targetSource: { kind: "user" } });
    expect(horsens.processLower!).toBeGreaterThan(5);
    expect(rows.find((r) => r.unit === "region")).toMatchObject({ target: 25, assurance: "consistent_pass" });
    const between = overviewTable(table(), { measures: [{ indicator: IND, group: G }], targets: [{ indicator: IND, group: G, value: 12 }] }).rows;
    expect(between.every((r) => r.assurance === "inconsistent")).toBe(true);
  });

  it("an intervention's target, phases at its starts and the phase of the adoption", () => {
    const iv = followUp(); // readmissions 65+ −10 % from the 2016–2018 baseline; Midt 2019-01 (operation), Randers 2019-07 (spread), Vest 2020-04 (spread)
    const { rows } = overviewTable(table(), { measures: [{ indicator: IND, group: G }], interventions: [iv] });
    const midt = rows.find((r) => r.unit === "Midt")!;
    expect(midt.interventions).toEqual([{ id: iv.id, name: iv.name, phase: "operation", start: "2019-01-01" }]);
    expect(midt.targetSource).toEqual({ kind: "intervention", intervention: iv.id, target: "fewer-readmissions" });
    // target = baseline (2016–2018 sums) × 0.9
    const base = yearsOf(clusterCells().Midt).filter((c) => c.period <= "2018");
    expect(midt.target!).toBeCloseTo((100 * 0.9 * base.reduce((a, c) => a + c.num, 0)) / base.reduce((a, c) => a + c.den, 0), 9);
    // the 2019 phase (12 months from the start) has its own limits; the target 10.8 % lies between them
    expect(midt.assurance).toBe("inconsistent");
    // Horsens has not adopted: no target, no intervention; Vest's adoption (2020) lies after the data and is still listed
    expect(rows.find((r) => r.unit === "Horsens")).toMatchObject({ target: null, assurance: null, interventions: [] });
    expect(rows.find((r) => r.unit === "Vest")!.interventions.map((x) => x.phase)).toEqual(["spread"]);
    expect(rows.find((r) => r.unit === "region")!.interventions).toEqual([]);
  });

  it("funnel position among the units of a level in the latest year, as funnelPlotData classes them", () => {
    const munis: IndicatorRow[] = [];
    const dens = [900, 1100, 1500, 2000, 2500, 3000, 1200, 1800, 2200, 2700, 1300, 1600];
    dens.forEach((den, i) => {
      const p = i === 3 ? 0.2 : i === 7 ? 0.06 : 0.12 + ((i % 3) - 1) * 0.004;
      munis.push(...series(IND, G, "municipality", String(700 + i), [{ period: "2019", num: Math.round(p * den), den }]));
    });
    const { rows } = overviewTable(munis, { measures: [{ indicator: IND, group: G }], levels: ["municipality"] });
    const expected = funnelPlotData(
      munis.map((r) => ({ unit: r.unit, numerator: r.numerator!, denominator: r.denominator! })),
      { type: "proportion", multiplier: 100, overdispersion: true },
    );
    for (const r of rows) {
      const u = expected.units.find((x) => x.unit === r.unit)!;
      const c = (l: number) => u.classes.find((x) => Math.abs(x.level - l) < 1e-9)!.class;
      const want = c(0.998) === "high" ? "above_998" : c(0.998) === "low" ? "below_998" : c(0.95) === "high" ? "above_95" : c(0.95) === "low" ? "below_95" : "within";
      expect(r.funnel, r.unit).toBe(want);
    }
    expect(rows.find((r) => r.unit === "703")!.funnel).toBe("above_998");
    expect(rows.find((r) => r.unit === "707")!.funnel).toBe("below_998");
    expect(rows.every((r) => r.variationGap === "too_few_points" && r.variation === null)).toBe(true);
    // and as key findings: one worse (above, lower is better) and one better
    const f = keyFindings(rows, { levels: ["municipality"] }).filter((x) => x.code === "funnel_outlier");
    expect(f.map((x) => (x.code === "funnel_outlier" ? [x.side, x.better, x.units.map((u) => u.unit)] : null))).toEqual([
      ["above", false, ["703"]],
      ["below", true, ["707"]],
    ]);
    const text = keyMessages(f, { lang: "da", unitName: (_l, u) => `Kommune ${u}` }).map((m) => m.text);
    expect(text[0]).toContain("Over 99,8 %-grænsen i tragtplottet for 2019");
    expect(text[0]).toContain("Kommune 703 (20,0 %)");
    expect(text[0]).toContain("dårligere end forventet");
  });

  it("names measures the table lacks, and rejects an unknown level", () => {
    expect(overviewTable(table(), { measures: [{ indicator: "admission_rate", group: "all" }] }).missing).toEqual([{ indicator: "admission_rate", group: "all" }]);
    expect(() => overviewTable(table(), { levels: ["county" as "region"] })).toThrow(/levels may only contain/);
  });
});
