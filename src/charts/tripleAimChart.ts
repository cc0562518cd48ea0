/**
 * Triple Aim panel for one cluster or intervention: three small panels side by side — population
 * health, experience of care, cost per citizen — each with its measure over the periods (and a
 * comparison series such as the region, if given). Suppressed values are labelled, never 0.
 * Method: Berwick, Nolan & Whittington (2008), "The Triple Aim: care, health, and cost",
 * Health Affairs 27(3):759–769.
 */
import { chartMeta, frameChart, type Chart, type ChartOptions } from "./chart.js";
import { chartLabel } from "../text/catalogue.js";
import { CATEGORY_COLOURS, GREYS } from "./theme.js";

export const TripleAimPanelDimension = { health: "health", experience: "experience", cost: "cost" } as const;
export type TripleAimPanelDimension = keyof typeof TripleAimPanelDimension;

/** One value of one Triple Aim measure. */
export interface TripleAimRow {
  readonly dimension: TripleAimPanelDimension;
  /** The measure's name as shown on the panel's axis, e.g. "Forebyggelige indlæggelser pr. 1.000". */
  readonly measure: string;
  readonly period: string;
  readonly value: number | null;
  readonly lower?: number | null;
  readonly upper?: number | null;
  readonly suppressed: boolean;
  /** Series, e.g. the cluster's name or "Region"; default the subject. */
  readonly series?: string;
}

export interface TripleAimChartOptions extends ChartOptions {
  /** The cluster or intervention the panel is about (in the subtitle). */
  readonly subject?: string;
  /** d3 formats per dimension; default ",.1f" (health, experience) and ",.0f" (cost). */
  readonly formats?: Partial<Record<TripleAimPanelDimension, string>>;
}

/**
 * Builds the three-panel Triple Aim chart.
 * @example tripleAimChart(rows, { subject: "Klynge Randers", period: "2019–2023" })
 */
export function tripleAimChart(rows: readonly TripleAimRow[], options: TripleAimChartOptions = {}): Chart<TripleAimRow & { series: string }> {
  const lang = options.lang ?? "da";
  const subject = options.subject ?? "";
  const data = rows.map((r) => ({ ...r, value: r.suppressed ? null : r.value, lower: r.lower ?? null, upper: r.upper ?? null, series: r.series ?? subject }));
  const series = [...new Set(data.map((r) => r.series))];
  const periods = [...new Set(data.map((r) => r.period))].sort();
  const totalWidth = options.width ?? (options.size === "column" ? 300 : 560);
  const panelWidth = Math.floor((totalWidth - 2 * 36) / 3);
  const panelHeight = options.height ?? Math.round(panelWidth * 0.9);
  const dims: TripleAimPanelDimension[] = ["health", "experience", "cost"];
  const colour = {
    field: "series",
    type: "nominal",
    title: null,
    scale: { domain: series, range: CATEGORY_COLOURS.slice(0, series.length) },
    legend: series.length > 1 ? { orient: "top", direction: "horizontal" } : null,
  };
  const panel = (dim: TripleAimPanelDimension) => {
    const measure = data.find((r) => r.dimension === dim)?.measure ?? "";
    const fmt = options.formats?.[dim] ?? (dim === "cost" ? ",.0f" : ",.1f");
    const x = { field: "period", type: "ordinal", sort: periods, title: null, axis: { labelAngle: 0, labelOverlap: true } };
    const y = { type: "quantitative", title: null, scale: { zero: dim === "cost", padding: 6 }, axis: { format: fmt, tickCount: 5 } };
    return {
      title: { text: chartLabel(lang, `tripleAim.${dim}`), subtitle: measure, fontSize: 11, subtitleFontSize: 9, anchor: "start", subtitlePadding: 2 },
      width: panelWidth,
      height: panelHeight,
      transform: [{ filter: `datum.dimension === '${dim}'` }],
      layer: [
        {
          transform: [{ filter: "!datum.suppressed && isValid(datum.lower) && isValid(datum.upper)" }],
          mark: { type: "rule", strokeWidth: 1, opacity: 0.7 },
          encoding: { x, y: { ...y, field: "lower" }, y2: { field: "upper" }, color: colour },
        },
        {
          mark: { type: "line", point: { filled: true, size: 30 }, strokeWidth: 1.6, invalid: "break-paths-filter-domains" },
          encoding: {
            x,
            y: { ...y, field: "value" },
            color: colour,
            tooltip: [
              { field: "series", title: chartLabel(lang, "series") },
              { field: "period", title: chartLabel(lang, "period") },
              { field: "value", type: "quantitative", format: fmt, title: measure || chartLabel(lang, "value") },
            ],
          },
        },
        {
          transform: [{ filter: "datum.suppressed" }],
          mark: { type: "text", angle: 270, align: "left", fontSize: 8, fontStyle: "italic", color: GREYS.suppressedText, dx: 4 },
          encoding: { x, y: { value: panelHeight }, text: { value: chartLabel(lang, "suppressed") } },
        },
      ],
    };
  };
  const body = { data: { values: data }, hconcat: dims.map(panel), spacing: 36, resolve: { scale: { y: "independent" } } };
  const meta = chartMeta(options, {
    id: "triple-aim",
    title: chartLabel(lang, "tripleAim.title") + (subject ? `: ${subject}` : ""),
    subtitle: chartLabel(lang, "tripleAim.subtitle", { subject: subject || chartLabel(lang, "tripleAim.title") }),
  });
  return frameChart(body, data, meta, totalWidth);
}
