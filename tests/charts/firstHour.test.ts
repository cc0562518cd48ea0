/**
 * Issue 14: what an analyst saw in the first hour — a value between two suppressed years drew
 * nothing, the suppressed band sat beside the year instead of on it, 5 clusters left an empty sixth
 * panel with a stray axis, and long spread-matrix labels were cut off.
 */
import { describe, expect, it } from "vitest";
import { renderSvg, spreadMatrixChart, trendsChart } from "../../src/charts/index.js";
import type { IndicatorRow } from "../../src/indicators/table.js";
import type { SpreadMatrixRow } from "../../src/charts/spreadMatrixChart.js";

const CLUSTERS = ["Aarhus", "Horsens", "Midt", "Randers", "Vest"];

function rows(clusters: readonly string[]): IndicatorRow[] {
  const out: IndicatorRow[] = [];
  for (const unit of [...clusters, "region"]) {
    for (let y = 2016; y <= 2023; y++) {
      const suppressed = unit === "Horsens" && (y === 2018 || y === 2020);
      const v = 10 + (y % 3);
      out.push({ indicator: "readmission_30d", level: unit === "region" ? "region" : "cluster", unit, period: String(y), group: "65+", sex: "all", numerator: suppressed ? null : 50, denominator: 500, value: suppressed ? null : v, lower: suppressed ? null : v - 1, upper: suppressed ? null : v + 1, method: "wilson", suppressed });
    }
  }
  return out;
}

describe("trend small multiples", () => {
  it("marks a value between two suppressed years as isolated and draws it as a point with its interval", async () => {
    const chart = trendsChart(rows(CLUSTERS), { indicator: "readmission_30d", group: "65+" });
    const horsens = chart.data.filter((r) => r.panel === "Horsens" && r.series === "unit");
    expect(horsens.filter((r) => r.isolated).map((r) => r.period)).toEqual(["2019"]);
    expect(chart.data.filter((r) => r.isolated && r.panel !== "Horsens")).toEqual([]);
    const svg = await renderSvg(chart);
    // The isolated 2019 value: one filled symbol and one interval rule, each in Horsens' panel only.
    const inGroups = (cls: string) => [...svg.matchAll(new RegExp(`<g class="mark-${cls} role-mark [^"]*"[^>]*[^/]>(.*?)</g>`, "gs"))].map((m) => m[1]).join("");
    const symbols = inGroups("symbol");
    const rules = inGroups("rule");
    expect((symbols.match(/<path/g) ?? []).length).toBe(1);
    expect((rules.match(/<line/g) ?? []).length).toBe(1);
  });

  it("centres each suppressed band on its year (half a year either side)", () => {
    const chart = trendsChart(rows(CLUSTERS), { indicator: "readmission_30d", group: "65+" });
    const spec = JSON.stringify(chart.spec);
    expect(spec).toContain("toDate(datum.date) - (toDate(datum.end) - toDate(datum.date)) / 2");
  });

  it("5 clusters in 3 columns: the region fills the sixth panel (no empty cell with a stray axis); 6 clusters: no region panel", () => {
    const five = trendsChart(rows(CLUSTERS), { indicator: "readmission_30d", group: "65+" });
    expect([...new Set(five.data.map((r) => r.panel))]).toEqual([...CLUSTERS, "Region"]);
    expect(five.data.filter((r) => r.series === "region-panel").length).toBe(8);
    const six = trendsChart(rows([...CLUSTERS, "Syd"]), { indicator: "readmission_30d", group: "65+" });
    expect(six.data.some((r) => r.series === "region-panel")).toBe(false);
  });
});

describe("spread matrix", () => {
  it("wraps long kernel descriptions into lines and shows long column labels whole, instead of cutting them off", async () => {
    const long = "A follow-up home visit after discharge for patients in the target group, by the general practitioner together with the municipal nurse.";
    const data: SpreadMatrixRow[] = ["Aarhus", "Regionshospitalet Horsens og kommunerne omkring"].flatMap((cluster) => [
      { cluster, item: long, itemKind: "kernel" as const, state: "kept" as const, phase: "spread" },
      { cluster, item: "Ledelse", itemKind: "key" as const, state: "in_place" as const, phase: "spread" },
    ]);
    const svg = await renderSvg(spreadMatrixChart(data));
    expect(svg).not.toContain("…");
    const words = long.split(" ");
    for (const w of ["follow-up", "practitioner", "nurse."]) expect(words).toContain(w);
    for (const w of ["practitioner", "municipal nurse."]) expect(svg).toContain(w);
    // A long column label (a hospital as adopter, with its phase) is shown whole too.
    expect(svg).toContain("Regionshospitalet Horsens og kommunerne omkring (spredning)");
  });
});
