import { describe, expect, it } from "vitest";
import { effectChart } from "../../src/charts/effectChart.js";
import { compileChart } from "../../src/charts/render.js";

const rows = [
  { unit: null, role: "all", value: 0.8, lower: 0.7, upper: 0.92 },
  { unit: "Midt", role: "adopting", value: 0.75, lower: 0.6, upper: 0.93 },
  { unit: "Horsens", role: "placebo", value: 0.78, lower: 0.63, upper: 0.97 },
  { unit: "Aarhus", role: "placebo", value: 1.0, lower: 0.85, upper: 1.18 },
] as const;
const events = [
  { eventTime: -14, kind: "pre", value: 1.05, lower: 0.9, upper: 1.2 },
  { eventTime: -13, kind: "pre", value: 0.97, lower: 0.85, upper: 1.1 },
  { eventTime: -1, kind: "base", value: 1, lower: 1, upper: 1 },
  { eventTime: 0, kind: "post", value: 0.8, lower: 0.7, upper: 0.9 },
] as const;

describe("effectChart", () => {
  it("labels non-adopting clusters as placebo (Danish by default), marks a placebo whose interval excludes 1, and keeps the pre-period estimates", async () => {
    const chart = effectChart(rows, events, { notes: ["Intervallet antager: …"] });
    const labels = chart.data.filter((d) => d.panel === "clusters").map((d) => d.label);
    expect(labels).toEqual([
      "Alle klynger (forskel-i-forskelle)",
      "Midt (indført)",
      "Aarhus (placebo: ingen indsats)",
      "Horsens (placebo: ingen indsats) ⚠",
    ]);
    expect(chart.data.filter((d) => d.warning).map((d) => d.label)).toEqual(["Horsens (placebo: ingen indsats) ⚠"]);
    expect(chart.data.filter((d) => d.panel === "event_study" && d.role === "pre").map((d) => d.eventTime)).toEqual([-14, -13]);
    expect(chart.meta.footnote).toContain("Intervallet antager: …");
    const { warnings } = await compileChart(chart);
    expect(warnings).toEqual([]);
  });

  it("English labels", () => {
    const chart = effectChart(rows, events, { lang: "en" });
    expect(chart.data.find((d) => d.label.startsWith("Aarhus"))?.label).toBe("Aarhus (placebo: no intervention)");
    expect(chart.data.find((d) => d.role === "pre")?.label).toBe("before start");
  });
});
