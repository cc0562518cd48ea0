/**
 * Trends as small multiples: one panel per cluster with the indicator's value over time, its
 * confidence interval as a band, and the region's value as a dashed reference line in every panel.
 * Suppressed periods are shaded grey, centred on their period, and labelled "undertrykt"/
 * "suppressed" in the legend (only when a period is suppressed); the line breaks there (never drops
 * to 0). A value with no drawn neighbour (between two suppressed periods, or at an end) is drawn as
 * a point with its interval as a vertical rule, so no period is left neither data nor suppression.
 * The region line has its own legend entry ("Region", dashed). When the clusters leave the last
 * row of the grid one panel short (5 clusters in 3 columns), the region gets that panel.
 */
import type { IndicatorRow } from "../indicators/table.js";
import { nextPeriod, parsePeriod, periodOf, periodStartDate } from "../contract/period.js";
import { chartMeta, frameChart, periodFormat, periodStart, type Chart, type ChartOptions } from "./chart.js";
import { ChartError } from "./chartError.js";
import { chartLabel } from "../text/catalogue.js";
import { GREYS, OKABE_ITO } from "./theme.js";

/** One plotted row of the trends chart (the data behind it). */
export interface TrendsChartRow {
  readonly panel: string;
  /** "unit": the panel's own values; "region": the dashed reference line; "region-panel": the region's own panel. */
  readonly series: "unit" | "region" | "region-panel";
  readonly period: string;
  readonly date: string;
  readonly end: string;
  readonly value: number | null;
  readonly lower: number | null;
  readonly upper: number | null;
  readonly suppressed: boolean;
  /** A value whose neighbouring periods have none (drawn as a point with its interval). */
  readonly isolated: boolean;
}

export interface TrendsChartOptions extends ChartOptions {
  /** Indicator to plot; default: the first indicator in the rows. */
  readonly indicator?: string;
  /** Population group; default: the first group in the rows. */
  readonly group?: string;
  readonly valueTitle?: string;
  readonly valueFormat?: string;
  /** Panels per row (default 3; 2 for the column size). */
  readonly columns?: number;
  /** Use the standardised value (std_value/std_lower/std_upper) instead of the crude one. */
  readonly standardised?: boolean;
}

/** First day of the next period (a date "YYYY-MM-DD" is taken as a month, as before). */
function nextPeriodStart(period: string, start: string): string {
  const p = parsePeriod(period);
  const month = periodOf(start.slice(0, 7));
  return periodStartDate(p === null ? nextPeriod(month) : nextPeriod(p));
}

/**
 * Builds small multiples of an indicator per cluster from tidy IndicatorRow rows (cluster rows are
 * the panels; region rows, if any, the reference line).
 * @example trendsChart(rows.filter((r) => r.sex === "all"), { indicator: "readmission_30d", group: "65+" })
 */
export function trendsChart(rows: readonly IndicatorRow[], options: TrendsChartOptions = {}): Chart<TrendsChartRow> {
  const lang = options.lang ?? "da";
  const indicator = options.indicator ?? rows[0]?.indicator;
  const group = options.group ?? rows.find((r) => r.indicator === indicator)?.group;
  const sel = rows.filter((r) => r.indicator === indicator && r.group === group && r.sex === "all" && periodStart(r.period) !== null);
  const clusters = [...new Set(sel.filter((r) => r.level === "cluster").map((r) => r.unit))];
  if (clusters.length === 0) throw new ChartError("no_indicator_rows", { indicator: indicator ?? "–", group: group ?? "–" });
  const std = options.standardised ?? false;
  const pick = (r: IndicatorRow) => ({
    value: r.suppressed ? null : ((std ? r.std_value : r.value) ?? null),
    lower: r.suppressed ? null : ((std ? r.std_lower : r.lower) ?? null),
    upper: r.suppressed ? null : ((std ? r.std_upper : r.upper) ?? null),
  });
  const toRow = (r: IndicatorRow, panel: string, series: TrendsChartRow["series"]): Omit<TrendsChartRow, "isolated"> => {
    const date = periodStart(r.period) as string;
    return { panel, series, period: r.period, date, end: nextPeriodStart(r.period, date), ...pick(r), suppressed: r.suppressed };
  };
  const region = sel.filter((r) => r.level === "region");
  const columns = options.columns ?? (options.size === "column" ? 2 : 3);
  const regionPanel = region.length > 0 && clusters.length > columns && clusters.length % columns === columns - 1;
  const regionTitle = chartLabel(lang, "reference");
  const panels = regionPanel ? [...clusters, regionTitle] : clusters;
  const series: Omit<TrendsChartRow, "isolated">[][] = clusters.flatMap((c) => [
    sel.filter((r) => r.level === "cluster" && r.unit === c).map((r) => toRow(r, c, "unit")),
    region.map((r) => toRow(r, c, "region")),
  ]);
  if (regionPanel) series.push(region.map((r) => toRow(r, regionTitle, "region-panel")));
  const data: TrendsChartRow[] = series.flatMap((rs) => {
    const sorted = [...rs].sort((a, b) => a.date.localeCompare(b.date));
    return sorted.map((r, k) => {
      const prev = k > 0 && sorted[k - 1].value !== null && sorted[k - 1].end === r.date;
      const next = k + 1 < sorted.length && sorted[k + 1].value !== null && sorted[k + 1].date === r.end;
      return { ...r, isolated: r.value !== null && !prev && !next };
    });
  });
  data.sort((a, b) => panels.indexOf(a.panel) - panels.indexOf(b.panel) || a.series.localeCompare(b.series) || a.date.localeCompare(b.date));

  const totalWidth = options.width ?? (options.size === "column" ? 300 : 560);
  const panelWidth = Math.floor((totalWidth - (columns - 1) * 16) / columns);
  const panelHeight = options.height ?? Math.round(panelWidth * 0.7);
  const first = sel[0]?.period ?? "2020";
  const fmt = options.valueFormat ?? ",.1f";
  const suppressedLabel = chartLabel(lang, "suppressed");
  const x = { field: "date", type: "temporal", title: null, scale: { type: "utc" }, axis: { format: periodFormat(first, lang), labelOverlap: true, tickCount: 4, grid: false } };
  const y = { type: "quantitative", title: options.valueTitle ?? chartLabel(lang, "value"), scale: { zero: false }, axis: { format: fmt, tickCount: 4 } };

  // Legend entries only for what is drawn: the grey "suppressed" shading when a cluster period is
  // suppressed, and the dashed region line when region rows exist.
  const anySuppressed = data.some((r) => r.suppressed && r.series !== "region");
  const regionLabel = chartLabel(lang, "reference");
  const suppressedLayer = {
    // Centred on the period (half a period either side), where its point would be.
    transform: [
      { filter: "datum.suppressed && datum.series !== 'region'" },
      { calculate: "toDate(datum.date) - (toDate(datum.end) - toDate(datum.date)) / 2", as: "bandFrom" },
      { calculate: "toDate(datum.date) + (toDate(datum.end) - toDate(datum.date)) / 2", as: "bandTo" },
    ],
    mark: { type: "rect", color: GREYS.suppressed, opacity: 0.8 },
    encoding: {
      x: { ...x, field: "bandFrom" },
      x2: { field: "bandTo" },
      color: { datum: suppressedLabel, type: "nominal", title: null, scale: { domain: [suppressedLabel], range: [GREYS.suppressed] }, legend: { orient: "top", symbolType: "square" } },
    },
  };
  const regionLayer = {
    transform: [{ filter: "datum.series === 'region'" }],
    mark: { type: "line", color: GREYS.reference, strokeWidth: 1.2, invalid: "break-paths-filter-domains" },
    encoding: {
      x,
      y: { ...y, field: "value" },
      strokeDash: {
        datum: regionLabel,
        type: "nominal",
        title: null,
        scale: { domain: [regionLabel], range: [[4, 3]] },
        legend: { orient: "top", symbolType: "stroke", symbolStrokeColor: GREYS.reference, symbolStrokeWidth: 1.2 },
      },
    },
  };
  const body = {
    data: { values: data },
    facet: { field: "panel", type: "nominal", title: null, sort: panels, header: { labelFontSize: 10, labelAnchor: "start", labelFontWeight: "bold" } },
    columns,
    spacing: { row: 12, column: 16 },
    spec: {
      width: panelWidth,
      height: panelHeight,
      layer: [
        ...(anySuppressed ? [suppressedLayer] : []),
        {
          transform: [{ filter: "datum.series !== 'region'" }],
          mark: { type: "area", color: OKABE_ITO.skyBlue, opacity: 0.35, invalid: "break-paths-filter-domains" },
          encoding: { x, y: { ...y, field: "lower" }, y2: { field: "upper" } },
        },
        ...(region.length > 0 ? [regionLayer] : []),
        {
          transform: [{ filter: "datum.series !== 'region' && datum.isolated" }],
          mark: { type: "rule", color: OKABE_ITO.skyBlue, strokeWidth: 3, opacity: 0.8 },
          encoding: { x, y: { ...y, field: "lower" }, y2: { field: "upper" } },
        },
        {
          transform: [{ filter: "datum.series !== 'region' && datum.isolated" }],
          mark: { type: "point", filled: true, size: 24, color: OKABE_ITO.blue, opacity: 1 },
          encoding: { x, y: { ...y, field: "value" } },
        },
        {
          transform: [{ filter: "datum.series !== 'region'" }],
          mark: { type: "line", color: OKABE_ITO.blue, strokeWidth: 1.6, point: false, invalid: "break-paths-filter-domains" },
          encoding: {
            x,
            y: { ...y, field: "value" },
            tooltip: [
              { field: "panel", title: chartLabel(lang, "cluster") },
              { field: "period", title: chartLabel(lang, "period") },
              { field: "value", type: "quantitative", format: fmt, title: chartLabel(lang, "value") },
            ],
          },
        },
      ],
    },
    resolve: { scale: { y: "shared" } },
  };
  const meta = chartMeta(options, { id: `trends-${indicator ?? "indicator"}`, title: chartLabel(lang, "trends.title"), subtitle: chartLabel(lang, region.length > 0 ? "trends.subtitle" : "trends.subtitle.noRegion") });
  return frameChart(body, data, meta, totalWidth);
}
