/**
 * Regressions found when the notebooks used the charts: CPR-shaped digit runs in SVG/specs/data,
 * funnel plots of multiplied FunnelResults (multiplier 100 / 1000), the funnel legend's width,
 * the trends legend (suppressed only when suppressed; a region entry) and English SPC notes in a
 * Danish footnote.
 */
import { describe, expect, it } from "vitest";
import { funnelPlotData } from "../../src/compare/funnelPlotData.js";
import { pChart } from "../../src/spc/pChart.js";
import { spcMessages } from "../../src/spc/messages.js";
import { funnelChart } from "../../src/charts/funnelChart.js";
import { spcChart } from "../../src/charts/spcChart.js";
import { spcChartNotes } from "../../src/charts/spcNotes.js";
import { noteText } from "../../src/text/catalogue.js";
import { trendsChart } from "../../src/charts/trendsChart.js";
import { drawingNumber, drawingPrecision } from "../../src/charts/drawingPrecision.js";
import { compileChart, renderSvg, roundSvgNumbers, svgSize } from "../../src/charts/render.js";
import { allSampleCharts } from "./sampleCharts.js";
import * as fx from "./fixtures.js";

/** The CPR-number pattern of the brief (a day, a month, two year digits, four digits). */
const CPR = /\b(0[1-9]|[12][0-9]|3[01])(0[1-9]|1[0-2])[0-9]{2}-?[0-9]{4}\b/;
/** Numbers in SVG attributes (not text content). */
const attributeNumbers = (svg: string) =>
  [...svg.matchAll(/<[^>]+>/g)].flatMap((t) => [...t[0].matchAll(/\s(?!aria-)[\w:-]+="([^"]*)"/g)].flatMap((a) => a[1].match(/-?\d*\.\d+/g) ?? []));

describe("privacy: no CPR-shaped digit runs", () => {
  it("the pattern catches the run vega used to write (self-check, built at run time)", () => {
    const run = ["48.", "0302", "73", "4375"].join("");
    expect(CPR.test(run)).toBe(true);
    expect(CPR.test(roundSvgNumbers(`<g transform="translate(-${run},-36.25)"></g>`))).toBe(false);
    expect(roundSvgNumbers(`<g transform="translate(-${run},-36.25)"></g>`)).toBe('<g transform="translate(-48.03,-36.25)"></g>');
  });

  it("roundSvgNumbers keeps colours, aria labels and text content", () => {
    const svg = '<path fill="#4e79a7" aria-label="x: 0.123456" d="M1.23456,2e-7L3,4.005"/><text x="1.555">0.123456</text>';
    expect(roundSvgNumbers(svg)).toBe('<path fill="#4e79a7" aria-label="x: 0.123456" d="M1.23,0L3,4.01"/><text x="1.56">0.123456</text>');
  });

  it("drawingNumber keeps integers and 6 significant digits (|x| < 1) or ≥ 2 decimals", () => {
    expect(drawingNumber(31 / 1024)).toBe(0.0302734); // 31/1024 has ten decimals: a digit run the privacy scan would flag
    expect(drawingNumber(48 + 31 / 1024)).toBe(48.0303);
    expect(drawingNumber(1234567.891)).toBe(1234567.89);
    expect(drawingNumber(3650)).toBe(3650);
    expect(drawingPrecision({ a: [0.1 + 0.2, "0.30000000000000004"], b: null })).toEqual({ a: [0.3, "0.30000000000000004"], b: null });
  });

  for (const lang of ["da", "en"] as const) {
    for (const chart of allSampleCharts(lang)) {
      it(`${chart.meta.id} (${lang}): SVG, spec JSON and data have none; SVG numbers have ≤ 2 decimals`, async () => {
        const svg = await renderSvg(chart);
        expect(svg).not.toMatch(CPR);
        expect(JSON.stringify(chart.spec, null, 1)).not.toMatch(CPR);
        expect(JSON.stringify(chart.data)).not.toMatch(CPR);
        const numbers = attributeNumbers(svg);
        expect(numbers.length).toBeGreaterThan(0);
        expect(numbers.filter((n) => !/^-?\d*\.\d{1,2}$/.test(n))).toEqual([]);
      });
    }
  }

  it("a proportion with a power-of-two denominator (31/1024) leaves no run in spec or data", () => {
    const result = funnelPlotData(
      [
        { unit: "A", numerator: 31, denominator: 1024 },
        { unit: "B", numerator: 50, denominator: 2048 },
        { unit: "C", numerator: 20, denominator: 512 },
      ],
      { type: "proportion" },
    );
    const chart = funnelChart(result);
    expect(JSON.stringify(chart.spec)).not.toMatch(CPR);
    expect(JSON.stringify(chart.data)).not.toMatch(CPR);
  });
});

// Units of the sample funnel (fixtures.ts).
const units = fx.funnelFixture.units.map((u) => ({ unit: u.unit, numerator: u.numerator, denominator: u.denominator }));

describe("funnelChart and the multiplier", () => {
  const plot = (mult: number) => funnelChart(funnelPlotData(units, { type: "proportion", multiplier: mult }));
  const yDomain = (c: ReturnType<typeof funnelChart>) => {
    const body = (c.spec as unknown as { vconcat: { layer: { encoding: { y: { scale: { domain: number[] } } } }[] }[] }).vconcat[0];
    return body.layer[0].encoding.y.scale.domain;
  };

  it("draws a proportion funnel with multiplier 100 exactly like multiplier 1 (percent axis)", async () => {
    const one = plot(1);
    const hundred = plot(100);
    expect(hundred.data.map((r) => r.plotted)).toEqual(one.data.map((r) => r.plotted));
    expect(hundred.data[0].value).toBeCloseTo(one.data[0].value * 100, 3); // data keeps the result's scale
    expect(yDomain(hundred)).toEqual(yDomain(one));
    const [lo, hi] = yDomain(hundred);
    for (const r of hundred.data) expect(r.plotted >= lo && r.plotted <= hi).toBe(true);
    const svg = await renderSvg(hundred);
    expect(svgSize(svg).height).toBeLessThan(700); // was 5,234 px with the points off the axis
    expect(svg).toMatch(/>1[0-5],0%</); // percent tick labels, e.g. "12,0%"
  });

  it("puts every unit and the target inside the value domain for a rate per 1,000, titled 'Rate pr. 1.000'", async () => {
    const result = funnelPlotData(units, { type: "rate", multiplier: 1000 });
    const chart = funnelChart(result);
    const [lo, hi] = yDomain(chart);
    for (const r of chart.data) expect(r.plotted >= lo && r.plotted <= hi).toBe(true);
    expect(result.target >= lo && result.target <= hi).toBe(true);
    const svg = await renderSvg(chart);
    expect(svg).toContain("Rate pr. 1.000");
    expect(svgSize(svg).height).toBeLessThan(700);
  });

  it("uses type defaults for the x-axis title and the denominatorTitle option", async () => {
    const ratio = funnelChart(funnelPlotData(units.map((u) => ({ ...u, denominator: u.numerator * 1.1 })), { type: "ratio" }));
    expect(await renderSvg(ratio)).toContain("Forventet antal");
    const own = funnelChart(fx.funnelFixture, { denominatorTitle: "Antal udskrivelser" });
    const svg = await renderSvg(own);
    expect(svg).toContain("Antal udskrivelser");
    expect(svg).not.toContain("Antal borgere");
  });

  it("fits both legends inside the chart at page width (no text beyond the right edge)", async () => {
    const chart = funnelChart(fx.funnelFixture);
    const { vega } = await compileChart(chart);
    const vg = await import("vega");
    const view = new vg.View(vg.parse(vega as never), { renderer: "none" });
    await view.runAsync();
    // Legend groups are placed in the plot cell's coordinates: x 0 … body width is the plot.
    type Node = { role?: string; items?: Node[]; bounds?: { x1: number; x2: number } };
    const rights: number[] = [];
    const walk = (mark: Node): void => {
      for (const item of mark.items ?? []) {
        if (mark.role === "legend" && item.bounds) rights.push(item.bounds.x2);
        for (const child of item.items ?? []) walk(child);
      }
    };
    walk((view.scenegraph() as unknown as { root: Node }).root);
    view.finalize();
    expect(rights.length).toBe(2);
    for (const x2 of rights) expect(x2).toBeLessThanOrEqual(560); // CHART_WIDTHS.page
    const svg = await renderSvg(chart);
    expect(svg).toContain("Inden for grænserne");
  });

  it("shows the compare layer's notes in the chart's language, never an English note in the Danish footnote", () => {
    const result = funnelPlotData(units, { type: "proportion", multiplier: 100 });
    expect(result.notes.map((n) => n.code)).toEqual(["funnel.note.methodPhe", "funnel.note.classProportion"]);
    const da = funnelChart(result);
    for (const note of result.notes) expect(da.meta.footnote).not.toContain(noteText(note, "en"));
    expect(da.meta.footnote).toContain("PHE/Fingertips-metoden");
    expect(da.meta.footnote).toContain("Klasser: værdien sammenlignes med grænserne ved enhedens egen nævner (PHE assign_funnel_significance).");
    const en = funnelChart(result, { lang: "en" });
    expect(en.meta.footnote).toContain("Classes: the value is compared with the limits at the unit's own denominator (PHE assign_funnel_significance).");
    // The method is stated once, by the chart itself.
    expect(en.meta.footnote).not.toContain(noteText(result.notes[0], "en"));
  });
});

describe("trendsChart legend", () => {
  it("shows 'undertrykt' only when a period is suppressed, and names the dashed region line", async () => {
    const withSuppressed = await renderSvg(trendsChart(fx.indicatorFixture));
    expect(withSuppressed).toContain(">undertrykt<");
    expect(withSuppressed).toContain(">Region<");
    const clean = fx.indicatorFixture.map((r) => (r.suppressed ? { ...r, suppressed: false, value: 240, lower: 235, upper: 245 } : r));
    const svg = await renderSvg(trendsChart(clean));
    expect(svg).not.toContain("undertrykt<");
    expect(svg).toContain(">Region<");
    const noRegion = trendsChart(clean.filter((r) => r.level !== "region"));
    const svg2 = await renderSvg(noRegion);
    expect(svg2).not.toContain(">Region<");
    expect(noRegion.meta.subtitle).not.toContain("stiplet");
  });
});

describe("SPC notes in the chart's language", () => {
  const known = [
    spcMessages.insertedGaps(["2020-04"]),
    spcMessages.zeroDenominator(["2020-04", "2020-05"]),
    spcMessages.excludedPoints(["2019-10"]),
    spcMessages.frozenBaseline("Før", 12, 11),
    spcMessages.fewBaselinePoints("Efter", 4, 12),
    spcMessages.noBaseline("Efter"),
    spcMessages.fewUsefulRunPoints("Før", 8),
    spcMessages.runsSignal("Før", 9, 8, 3, 6),
    spcMessages.screenedMovingRanges("Før", 2, 12.3456),
    spcMessages.laneyRecommended("Før", 3.21, 1234.4),
    spcMessages.laneyApplied("Før", 3.2109),
    spcMessages.signalConflict(["2021-03"]),
  ];
  const stated = [spcMessages.missingPeriods(["2020-04"]), spcMessages.phaseRule(), spcMessages.varyingLimits()];

  it("translates every known note kind of src/spc/messages.ts into Danish, keeping its facts", () => {
    const da = spcChartNotes(known, "da");
    expect(da.length).toBe(known.length);
    da.forEach((note, i) => expect(note).not.toBe(known[i]));
    expect(da[3]).toBe("Fase «Før»: centerlinje og grænser låst på de første 12 punkter (11 brugt efter udeladelser og huller); senere punkter vurderes mod dem.");
    expect(da[1]).toContain("2020-04, 2020-05");
    expect(da[7]).toContain("længste serie 9 (grænse 8), kryds 3 (mindst 6)");
    expect(da[8]).toContain("(12,35)");
    expect(da[9]).toContain("sigma_z = 3,21 ved gennemsnitlig nævner 1.234");
    expect(da[9]).toContain("alt for snævre");
    for (const n of da) expect(n).not.toMatch(/\b(the|and|are|points?|limits)\b/);
  });

  it("drops the notes the chart states itself, in both languages", () => {
    expect(spcChartNotes(stated, "da")).toEqual([]);
    expect(spcChartNotes(stated, "en")).toEqual([]);
  });

  it("has Danish and English words for every SPC note code, and no English in the Danish ones", () => {
    for (const n of [...known, ...stated]) {
      expect(noteText(n, "da")).not.toBe(noteText(n, "en"));
      expect(noteText(n, "da")).not.toMatch(/\b(the|and|are|points?|limits)\b/);
    }
  });

  it("builds a Danish footnote from a real p chart without English text", () => {
    const points = Array.from({ length: 24 }, (_, i) => ({
      period: `${2020 + Math.floor(i / 12)}-${String((i % 12) + 1).padStart(2, "0")}`,
      numerator: i === 5 ? null : 20 + ((i * 7) % 9),
      denominator: i === 5 ? null : 150 + ((i * 13) % 40),
    }));
    const result = pChart(points, { phases: [{ start: "2021-01", label: "Efter" }], freeze: 6 });
    expect(result.notes.length).toBeGreaterThan(0);
    const chart = spcChart(result);
    for (const note of result.notes) expect(chart.meta.footnote).not.toContain(noteText(note, "en"));
    expect(chart.meta.footnote).toContain("låst på de første 6 punkter");
    expect(chart.meta.footnote).not.toMatch(/\b(the|phase|centre|limits)\b/i);
  });
});
