/** The overview's symbols read in black and white: the shape says what the colour says. */
import { describe, expect, it } from "vitest";
import { overviewChart } from "../../src/charts/index.js";
import { overviewTable } from "../../src/overview/index.js";
import { ASSURANCE_SYMBOLS, FUNNEL_SYMBOLS, VARIATION_SYMBOLS } from "../../src/overview/overviewSymbols.js";
import { months, series, steady, yearsOf } from "./fixtures.js";

describe("overview symbols", () => {
  it("every signal has its own glyph; improvement is filled and concern hollow, high points up and low down", () => {
    const glyphs = Object.values(VARIATION_SYMBOLS).map((s) => s.glyph);
    expect(new Set(glyphs).size).toBe(glyphs.length);
    expect(new Set(Object.values(ASSURANCE_SYMBOLS).map((s) => s.glyph)).size).toBe(4);
    expect(new Set(Object.values(FUNNEL_SYMBOLS)).size).toBe(5);
    expect([VARIATION_SYMBOLS.improvement_high.glyph, VARIATION_SYMBOLS.improvement_low.glyph]).toEqual(["▲", "▼"]); // filled
    expect([VARIATION_SYMBOLS.concern_high.glyph, VARIATION_SYMBOLS.concern_low.glyph]).toEqual(["△", "▽"]); // hollow
    // the tone repeats the meaning (never the only carrier of it)
    expect(VARIATION_SYMBOLS.improvement_low.tone).toBe("improvement");
    expect(VARIATION_SYMBOLS.concern_high.tone).toBe("concern");
  });

  it("the chart writes a suppressed value as – with no variation symbol, and draws the legend with every glyph", () => {
    const M = months(2016, 2019);
    const cells = steady(M, 0.12, 200);
    const hidden = yearsOf(cells).map((c) => (c.period === "2019" ? { ...c, suppressed: true } : c));
    const rows = [...series("readmission_30d", "65+", "cluster", "Midt", cells), ...series("readmission_30d", "65+", "cluster", "Midt", hidden)];
    const chart = overviewChart(overviewTable(rows, { measures: [{ indicator: "readmission_30d", group: "65+" }] }).rows, { lang: "da" });
    expect(chart.data).toEqual([
      expect.objectContaining({ unit: "Midt", valueText: "–", suppressed: true, variation: "–", assurance: "", funnel: "" }),
    ]);
    const legend = JSON.stringify(chart.spec);
    for (const g of ["▲", "▼", "△", "▽", "○", "✔", "✘", "≈", "↑↑"]) expect(legend, g).toContain(g);
    expect(chart.meta.title).toBe("Oversigt: seneste værdi, udvikling og signaler");
  });
});
