/** Builder-specific behaviour: SPC gaps, phases, signals and annotations; funnel levels and φ; suppression. */
import { beforeAll, describe, expect, it } from "vitest";
import { funnelChart } from "../../src/charts/funnelChart.js";
import { spcChart, spcRuleName } from "../../src/charts/spcChart.js";
import { trendsChart } from "../../src/charts/trendsChart.js";
import { heatmapChart } from "../../src/charts/heatmapChart.js";
import { spreadMatrixRows } from "../../src/charts/spreadMatrixChart.js";
import { caterpillarChart } from "../../src/charts/caterpillarChart.js";
import { renderSvg } from "../../src/charts/render.js";
import { SPC_COLOURS } from "../../src/charts/theme.js";
import * as fx from "./fixtures.js";

describe("spcChart", () => {
  const chart = spcChart(fx.spcFixture, { title: "Genindlæggelser, Klynge Randers" });
  let svg = "";
  beforeAll(async () => {
    svg = await renderSvg(chart);
  });

  it("keeps missing periods as null values (gaps), not 0", () => {
    const gaps = chart.data.filter((r) => fx.spcFixture.missingPeriods.includes(r.period));
    expect(gaps.map((r) => r.value)).toEqual([null, null]);
    expect(chart.meta.footnote).toContain("2020-04, 2020-05");
  });

  it("draws the value line broken at the gap (two sub-paths) and no point at the gap", async () => {
    // The value line is the only path stroked with the line colour.
    const path = new RegExp(`<path[^>]*d="([^"]+)"[^>]*stroke="${SPC_COLOURS.line}"`).exec(svg)?.[1] ?? "";
    expect(path.length).toBeGreaterThan(0);
    expect(path.match(/M/g)?.length).toBe(2);
  });

  it("draws each phase's centre line as its own segment", () => {
    const centres = [...svg.matchAll(new RegExp(`<path[^>]*d="([^"]+)"[^>]*stroke="${SPC_COLOURS.centre}"`, "g"))];
    // one path per phase, plus the legend's symbol
    expect(centres.length).toBe(fx.spcFixture.phases.length + 1);
  });

  it("annotates the intervention start and names the rules in the legend", () => {
    expect(svg).toContain("Indsatsstart: Efter indsats (2021)");
    expect(svg).toContain(spcRuleName("shift"));
    expect(svg).toContain(spcRuleName("outside-limits"));
    expect(svg).toContain("Særlig årsag: forbedring");
  });

  it("colours improvement blue and concern orange (Making Data Count)", () => {
    const improvement = chart.data.filter((r) => r.signal === "improvement").length;
    const concern = chart.data.filter((r) => r.signal === "concern").length;
    expect(improvement).toBeGreaterThan(0);
    expect(concern).toBeGreaterThan(0);
    // points + one legend symbol each
    expect(svg.split(`fill="${SPC_COLOURS.improvement}"`).length - 1).toBe(improvement + 1);
    expect(svg.split(`fill="${SPC_COLOURS.concern}"`).length - 1).toBe(concern + 1);
  });

  it("puts rule names in the rows behind the tooltips", () => {
    const flagged = chart.data.find((r) => r.period === "2019-10")!;
    expect(flagged.rules).toBe("Punkt uden for grænserne");
    expect(spcRuleName("unknown-rule")).toBe("unknown-rule");
  });

  it("uses Danish month names on the time axis and English on request", async () => {
    expect(svg).toMatch(/>okt 2019</);
    expect(await renderSvg(spcChart(fx.spcFixture, { lang: "en" }))).toMatch(/>Oct 2019</);
  });
});

describe("funnelChart", () => {
  it("labels both limit levels, the units and the overdispersion φ", async () => {
    const chart = funnelChart(fx.funnelFixture);
    const svg = await renderSvg(chart);
    expect(svg).toContain("95 %-grænse");
    expect(svg).toContain("99,8 %-grænse");
    for (const u of fx.funnelFixture.units) expect(svg).toContain(u.unit);
    expect(chart.meta.footnote).toContain("φ = 1,84");
    expect(chart.meta.footnote).toContain("Spiegelhalter");
  });

  it("states the fallback when φ ≤ 1", () => {
    const chart = funnelChart({ ...fx.funnelFixture, method: "spiegelhalter-fallback", phi: 0.91, tau2: 0 }, { lang: "en" });
    expect(chart.meta.footnote).toContain("φ = 0.91 ≤ 1");
  });
});

describe("suppression", () => {
  it("shows a suppressed heatmap cell as 'u' on grey, not as a coloured 0", async () => {
    const svg = await renderSvg(heatmapChart(fx.heatmapFixture));
    expect(svg.match(/>u</g)?.length).toBe(fx.heatmapFixture.filter((c) => c.suppressed).length);
  });

  it("shades a suppressed period in the trends and breaks the line there", () => {
    const chart = trendsChart(fx.indicatorFixture);
    const viborg2019 = chart.data.find((r) => r.panel === "Klynge Viborg" && r.series === "unit" && r.period === "2019")!;
    expect(viborg2019.suppressed).toBe(true);
    expect(viborg2019.value).toBeNull();
  });

  it("writes 'undertrykt' for a suppressed unit of a caterpillar plot", async () => {
    const svg = await renderSvg(caterpillarChart(fx.caterpillarFixture));
    expect(svg).toContain("undertrykt");
  });
});

describe("Danish number formatting on the chart", () => {
  it("formats axis labels as 1.234,5 (da) and 1,234.5 (en)", async () => {
    const rows = [
      { unit: "A", value: 1234.5, lower: 1201.2, upper: 1270.9, reference: 1230 },
      { unit: "B", value: 1256.25, lower: 1219.0, upper: 1290.4, reference: 1230 },
    ];
    const da = await renderSvg(caterpillarChart(rows, { valueFormat: ",.1f" }));
    const en = await renderSvg(caterpillarChart(rows, { valueFormat: ",.1f", lang: "en" }));
    expect(da).toMatch(/>1\.2\d0,0</);
    expect(en).toMatch(/>1,2\d0\.0</);
  });
});

describe("spreadMatrixRows", () => {
  it("maps the spread layer's cells to chart rows", () => {
    const rows = spreadMatrixRows([
      { intervention: "tobs", unit: "Midt", cluster: "Midt", municipality: null, adopted: true, start: "2019-01-01", phase: "spread", kind: "kernel", column: "k1", label: "TOBS-scoreskema", order: 0, state: "kept", assessed: null, note: null },
    ]);
    expect(rows).toEqual([{ cluster: "Midt", item: "TOBS-scoreskema", itemKind: "kernel", state: "kept", phase: "spread" }]);
  });
});

describe("errors", () => {
  it("rejects empty inputs with the catalogue's messages", () => {
    expect(() => funnelChart({ ...fx.funnelFixture, units: [] })).toThrow("funnelChart requires at least one unit; the FunnelResult has none.");
    expect(() => spcChart({ ...fx.spcFixture, points: [] })).toThrow("spcChart requires at least one point; the SpcResult has none.");
    expect(() => trendsChart(fx.indicatorFixture, { indicator: "readmission_30d" })).toThrow(
      'trendsChart found no cluster rows for indicator "readmission_30d", group "–" and sex "all" with a year, quarter or month period.',
    );
  });
});
