/**
 * Every builder's spec is deterministic (file snapshots under __snapshots__), compiles with
 * vega-lite without a single warning, carries title/subtitle/footnote, and its data has no zeros
 * standing in for suppressed or missing values.
 */
import { describe, expect, it } from "vitest";
import { compileChart } from "../../src/charts/render.js";
import { chartLocale } from "../../src/charts/locale.js";
import { allSampleCharts } from "./sampleCharts.js";

for (const lang of ["da", "en"] as const) {
  describe(`chart specs (${lang})`, () => {
    const charts = allSampleCharts(lang);

    it("has twelve charts with distinct ids", () => {
      expect(new Set(charts.map((c) => c.meta.id)).size).toBe(12);
    });

    for (const chart of charts) {
      describe(chart.meta.id, () => {
        it("matches its spec snapshot", async () => {
          await expect(JSON.stringify(chart.spec, null, 1) + "\n").toMatchFileSnapshot(`./__snapshots__/${chart.meta.id}-${lang}.vl.json`);
        });

        it("is the same spec when built twice (deterministic)", () => {
          const again = allSampleCharts(lang).find((c) => c.meta.id === chart.meta.id)!;
          expect(JSON.stringify(again.spec)).toBe(JSON.stringify(chart.spec));
        });

        it("compiles with no vega-lite warnings", async () => {
          const { warnings } = await compileChart(chart);
          expect(warnings).toEqual([]);
        });

        it("has title, subtitle and a footnote with source and suppression note, drawn in the spec", () => {
          const spec = chart.spec as unknown as { title: { text: string; subtitle: string }; vconcat: { data?: { values?: { text: string }[] } }[]; config: { locale: unknown } };
          expect(chart.meta.title.length).toBeGreaterThan(3);
          expect(spec.title.text).toBe(chart.meta.title);
          expect(spec.title.subtitle).toBe(chart.meta.subtitle);
          const footer = spec.vconcat[spec.vconcat.length - 1].data!.values!.map((l) => l.text).join(" ");
          expect(footer).toBe(chart.meta.footnote);
          expect(footer).toMatch(lang === "da" ? /^Kilde: .*undertrykt/ : /^Source: .*suppressed/);
          expect(spec.config.locale).toEqual(chartLocale(lang));
        });

        it("keeps suppressed values null in the data behind the chart (never 0)", () => {
          for (const row of chart.data as Record<string, unknown>[]) {
            if (row.suppressed === true) {
              for (const k of ["value", "count", "lower", "upper"]) if (k in row) expect(row[k]).toBeNull();
            }
          }
        });
      });
    }
  });
}
