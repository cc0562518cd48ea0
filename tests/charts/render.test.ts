/**
 * Rendering: every chart renders to SVG (title present, all text in DejaVu Sans) and to PNG at the
 * pixel width asked (round(mm / 25.4 × dpi)); text never vanishes (dark title pixels, which a
 * render without fonts does not have); the PDF embeds the TTF.
 */
import { describe, expect, it } from "vitest";
import { Resvg } from "@resvg/resvg-js";
import { PRINT_WIDTHS_MM, printPixels, renderPdf, renderPng, renderSvg, svgSize } from "../../src/charts/render.js";
import { allSampleCharts } from "./sampleCharts.js";
import { darkPixels, decodePng } from "./decodePng.js";

/** Width and height from the PNG's IHDR chunk (bytes 16–23). */
const pngSize = (png: Buffer) => ({ width: png.readUInt32BE(16), height: png.readUInt32BE(20) });
const escapeXml = (s: string) => s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");

describe("print sizes", () => {
  it("computes pixel widths from mm and dpi", () => {
    expect(printPixels(PRINT_WIDTHS_MM.page, 300)).toBe(2008); // 170 / 25.4 × 300 = 2007.87
    expect(printPixels(PRINT_WIDTHS_MM.column, 300)).toBe(1004); // 85 / 25.4 × 300 = 1003.94
  });
});

describe("renderSvg and renderPng for every chart", () => {
  for (const chart of allSampleCharts("da")) {
    it(`${chart.meta.id}: SVG has the title; PNG is 482 px wide at 72 dpi / 170 mm`, async () => {
      const svg = await renderSvg(chart);
      expect(svg.startsWith("<svg")).toBe(true);
      expect(svg).toContain(escapeXml(chart.meta.title));
      expect(svg).toContain(escapeXml(chart.meta.subtitle));
      expect(svg).not.toMatch(/font-family="(?!DejaVu Sans)/);
      const size = svgSize(svg);
      const png = pngSize(await renderPng(chart, { dpi: 72 }));
      expect(png.width).toBe(482); // 170 / 25.4 × 72 = 481.9
      expect(Math.abs(png.height - Math.round((size.height * png.width) / size.width))).toBeLessThanOrEqual(1);
    });
  }

  it("renders at 300 dpi for the A4 page (2008 px) and column (1004 px) presets", async () => {
    const chart = allSampleCharts("da")[5];
    expect(pngSize(await renderPng(chart)).width).toBe(2008);
    expect(pngSize(await renderPng(chart, { preset: "column" })).width).toBe(1004);
    expect(pngSize(await renderPng(chart, { widthMm: 85, dpi: 96 })).width).toBe(321); // 85 / 25.4 × 96 = 321.3
    expect(pngSize(await renderPng(chart, { width: 640 })).width).toBe(640);
  });
});

describe("text never vanishes", () => {
  it("draws the title in dark pixels; without fonts the same area is blank", async () => {
    const chart = allSampleCharts("da")[0];
    const png = decodePng(await renderPng(chart, { width: 800 }));
    // The title sits at the top left; nothing else is drawn there.
    const withFont = darkPixels(png, 0, 0, 300, 30);
    expect(withFont).toBeGreaterThan(200);

    const svg = await renderSvg(chart);
    const bare = new Resvg(svg, { fitTo: { mode: "width", value: 800 }, background: "white", font: { loadSystemFonts: false } });
    const noFont = decodePng(Buffer.from(bare.render().asPng()));
    expect(darkPixels(noFont, 0, 0, 300, 30)).toBe(0);
  });
});

describe("renderPdf", () => {
  it("writes a PDF with DejaVu Sans embedded", async () => {
    const pdf = await renderPdf(allSampleCharts("da")[0]);
    expect(pdf.subarray(0, 5).toString("latin1")).toBe("%PDF-");
    const text = pdf.toString("latin1");
    expect(text).toMatch(/\/BaseFont \/[A-Z]{6}\+DejaVuSans/);
    expect(text).toContain("/FontFile2");
  });
});
