/**
 * Weekday × hour heatmap of acute admissions: hours 0–23 across, weekdays (Monday first) down,
 * counts on a sequential colour-blind-safe scale. Suppressed cells are grey with a "u"/"s" mark,
 * never coloured as 0.
 */
import { bodyWidth, chartMeta, frameChart, type Chart, type ChartOptions } from "./chart.js";
import { chartLabel } from "../text/catalogue.js";
import { weekdayName } from "./locale.js";
import { GREYS, SEQUENTIAL_SCHEME } from "./theme.js";

/** One cell: weekday 0 = Monday … 6 = Sunday (as src/contract/time.ts), hour 0–23. */
export interface HeatmapRow {
  readonly weekday: number;
  readonly hour: number;
  /** Null when suppressed or missing. */
  readonly count: number | null;
  readonly suppressed: boolean;
}

/**
 * Builds the weekday × hour heatmap.
 * @example heatmapChart(cells, { period: "2023", definition: "Akutte indlæggelser, borgere 65+" })
 */
export function heatmapChart(rows: readonly HeatmapRow[], options: ChartOptions = {}): Chart<HeatmapRow & { weekdayName: string }> {
  const lang = options.lang ?? "da";
  const data = rows.map((r) => ({ ...r, count: r.suppressed ? null : r.count, weekdayName: weekdayName(r.weekday, lang) }));
  const weekdays = [0, 1, 2, 3, 4, 5, 6].map((w) => weekdayName(w, lang));
  const width = bodyWidth(options, (options.size === "column" ? 300 : 560) - 70);
  const height = options.height ?? Math.round((width / 24) * 7 * 1.2);
  const x = { field: "hour", type: "ordinal", title: chartLabel(lang, "hour"), sort: "ascending", axis: { labelAngle: 0, labelOverlap: true } };
  const y = { field: "weekdayName", type: "ordinal", title: null, sort: weekdays };
  const suppressedLabel = chartLabel(lang, "suppressed");
  const body = {
    width,
    height,
    data: { values: data },
    layer: [
      {
        transform: [{ filter: "!datum.suppressed && isValid(datum.count)" }],
        mark: { type: "rect", stroke: "white", strokeWidth: 0.5 },
        encoding: {
          x,
          y,
          color: {
            field: "count",
            type: "quantitative",
            title: chartLabel(lang, "count"),
            scale: { scheme: SEQUENTIAL_SCHEME, zero: true },
            legend: { orient: "right", format: ",d", gradientLength: Math.max(60, height - 20) },
          },
          tooltip: [
            { field: "weekdayName", title: chartLabel(lang, "weekday") },
            { field: "hour", title: chartLabel(lang, "hour") },
            { field: "count", type: "quantitative", format: ",d", title: chartLabel(lang, "count") },
          ],
        },
      },
      {
        transform: [{ filter: "datum.suppressed" }],
        mark: { type: "rect", stroke: "white", strokeWidth: 0.5, color: GREYS.suppressed },
        encoding: { x, y, tooltip: { value: suppressedLabel } },
      },
      {
        transform: [{ filter: "datum.suppressed" }],
        mark: { type: "text", fontSize: 8, color: GREYS.suppressedText },
        encoding: { x, y, text: { value: chartLabel(lang, "suppressedShort") } },
      },
    ],
  };
  const note = `${chartLabel(lang, "suppressedShort")}\u00a0=\u00a0${suppressedLabel}.`;
  const meta = chartMeta(options, { id: "heatmap-weekday-hour", title: chartLabel(lang, "heatmap.title"), subtitle: chartLabel(lang, "heatmap.subtitle") }, [note]);
  return frameChart(body, data, meta, width);
}
