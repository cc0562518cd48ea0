/**
 * Effect chart of an intervention, two panels:
 * 1. the effect by cluster as rate ratios with intervals against 1 (no effect): the staggered
 *    difference-in-differences over all clusters first, then each adopting cluster's interrupted
 *    time series, then each non-adopting cluster's placebo — labelled as placebo, drawn in grey,
 *    and in orange with a warning mark when its interval excludes 1 (a change without the
 *    intervention: a warning about the design, not an effect);
 * 2. the event study of the difference-in-differences: the rate ratio by period relative to the
 *    start, with the pre-period estimates (the evidence for parallel trends) in grey, the base
 *    window at 1, and the post-period estimates in blue.
 * The caller gives what the intervals assume and any warnings as notes (drawn under the chart).
 */
import { bodyWidth, chartMeta, frameChart, type Chart, type ChartOptions } from "./chart.js";
import { chartLabel } from "../text/catalogue.js";
import { GREYS, OKABE_ITO } from "./theme.js";

/** One estimate of panel 1. */
export interface EffectChartRow {
  /** Cluster name, or null for the estimate over all clusters (difference-in-differences). */
  readonly unit: string | null;
  readonly role: "all" | "adopting" | "placebo";
  readonly value: number | null;
  readonly lower: number | null;
  readonly upper: number | null;
}

/** One event time of panel 2. */
export interface EffectEventRow {
  /** Periods since the start (negative: before). */
  readonly eventTime: number;
  readonly kind: "pre" | "base" | "post";
  readonly value: number;
  readonly lower: number;
  readonly upper: number;
}

export interface EffectChartOptions extends ChartOptions {
  /** Axis title of the rate ratios (default: the catalogue's). */
  readonly valueTitle?: string;
  /** Unit of the event time axis, e.g. "måneder" (default: the catalogue's "perioder"). */
  readonly periodUnit?: string;
}

/** A row of the chart's data table (both panels, for CSV export). */
export interface EffectChartDatum {
  readonly panel: "clusters" | "event_study";
  readonly label: string;
  readonly role: string;
  readonly eventTime: number | null;
  readonly value: number | null;
  readonly lower: number | null;
  readonly upper: number | null;
  /** A placebo whose interval excludes 1. */
  readonly warning: boolean;
}

/**
 * Builds the two-panel effect chart.
 * @example effectChart(rows, did.eventStudy, { notes: [assumptionText] })
 */
export function effectChart(
  rows: readonly EffectChartRow[],
  eventStudy: readonly EffectEventRow[],
  options: EffectChartOptions = {},
): Chart<EffectChartDatum> {
  const lang = options.lang ?? "da";
  const roleLabel = { all: chartLabel(lang, "effect.role.all"), adopting: chartLabel(lang, "effect.role.adopting"), placebo: chartLabel(lang, "effect.role.placebo") };
  const order = { all: 0, adopting: 1, placebo: 2 } as const;
  const sorted = [...rows].sort((a, b) => order[a.role] - order[b.role] || (a.unit ?? "").localeCompare(b.unit ?? ""));
  const clusterData: EffectChartDatum[] = sorted.map((r) => {
    const excludes = r.lower !== null && r.upper !== null && (r.upper < 1 || r.lower > 1);
    const warning = r.role === "placebo" && excludes;
    const label =
      r.role === "all"
        ? chartLabel(lang, "effect.allClusters")
        : `${r.unit} (${roleLabel[r.role]})${warning ? " ⚠" : ""}`;
    return { panel: "clusters", label, role: r.role, eventTime: null, value: r.value, lower: r.lower, upper: r.upper, warning };
  });
  const kindLabel = { pre: chartLabel(lang, "effect.kind.pre"), base: chartLabel(lang, "effect.kind.base"), post: chartLabel(lang, "effect.kind.post") };
  const eventData: EffectChartDatum[] = eventStudy.map((e) => ({
    panel: "event_study",
    label: kindLabel[e.kind],
    role: e.kind,
    eventTime: e.eventTime,
    value: e.value,
    lower: e.lower,
    upper: e.upper,
    warning: false,
  }));
  const width = bodyWidth(options, options.size === "column" ? 300 : 560);
  const valueTitle = options.valueTitle ?? chartLabel(lang, "effect.axis");
  const order1 = clusterData.map((d) => d.label);
  const colourOf = `datum.warning ? '${OKABE_ITO.orange}' : datum.role === 'placebo' ? '${GREYS.reference}' : '${OKABE_ITO.blue}'`;
  const x1 = { type: "quantitative", title: valueTitle, scale: { type: "log", nice: false }, axis: { format: ",.2f", tickCount: 6 } };
  const y1 = { field: "label", type: "nominal", sort: order1, title: null, axis: { labelLimit: 220 } };
  const tooltip = [
    { field: "label", title: chartLabel(lang, "unit") },
    { field: "value", type: "quantitative", format: ",.2f", title: chartLabel(lang, "value") },
    { field: "lower", type: "quantitative", format: ",.2f", title: chartLabel(lang, "lower") },
    { field: "upper", type: "quantitative", format: ",.2f", title: chartLabel(lang, "upper") },
  ];
  const noEffect = chartLabel(lang, "effect.noEffect");
  const clusters = {
    title: { text: chartLabel(lang, "effect.panel.clusters"), anchor: "start", fontSize: 11 },
    width: width - 230,
    height: Math.max(90, order1.length * 24),
    data: { values: clusterData },
    transform: [{ calculate: colourOf, as: "colour" }],
    layer: [
      {
        transform: [{ filter: "isValid(datum.lower) && isValid(datum.upper)" }],
        mark: { type: "rule", strokeWidth: 2 },
        encoding: { y: y1, x: { ...x1, field: "lower" }, x2: { field: "upper" }, color: { field: "colour", type: "nominal", scale: null } },
      },
      {
        transform: [{ filter: "isValid(datum.value)" }],
        mark: { type: "point", filled: true, size: 60, opacity: 1 },
        encoding: {
          y: y1,
          x: { ...x1, field: "value" },
          color: { field: "colour", type: "nominal", scale: null },
          shape: { field: "role", type: "nominal", scale: { domain: ["all", "adopting", "placebo"], range: ["diamond", "circle", "square"] }, legend: null },
          tooltip,
        },
      },
      {
        data: { values: [{ reference: 1, label: noEffect }] },
        layer: [
          { mark: { type: "rule", color: GREYS.reference, strokeDash: [4, 3], strokeWidth: 1.2 }, encoding: { x: { ...x1, field: "reference" } } },
          {
            mark: { type: "text", align: "left", baseline: "bottom", dx: 3, dy: -2, fontSize: 9, color: GREYS.reference },
            encoding: { x: { ...x1, field: "reference" }, y: { value: 0 }, text: { field: "label" } },
          },
        ],
      },
    ],
  };
  const periodUnit = options.periodUnit ?? chartLabel(lang, "effect.periods");
  const x2 = { field: "eventTime", type: "quantitative", title: chartLabel(lang, "effect.eventAxis", { unit: periodUnit }), axis: { tickMinStep: 1, format: "d" } };
  const y2 = { type: "quantitative", title: valueTitle, scale: { type: "log", nice: false }, axis: { format: ",.2f", tickCount: 5 } };
  const kindColour = {
    field: "label",
    type: "nominal",
    title: null,
    scale: { domain: [kindLabel.pre, kindLabel.base, kindLabel.post], range: [GREYS.reference, GREYS.suppressed, OKABE_ITO.blue] },
    legend: { orient: "top", direction: "horizontal" },
  };
  const events =
    eventData.length === 0
      ? null
      : {
          title: { text: chartLabel(lang, "effect.panel.events"), anchor: "start", fontSize: 11 },
          width,
          height: 170,
          data: { values: eventData },
          layer: [
            { mark: { type: "rule", strokeWidth: 1.2 }, encoding: { x: x2, y: { ...y2, field: "lower" }, y2: { field: "upper" }, color: kindColour } },
            {
              mark: { type: "point", filled: true, size: 22, opacity: 1 },
              encoding: {
                x: x2,
                y: { ...y2, field: "value" },
                color: kindColour,
                tooltip: [
                  { field: "eventTime", title: chartLabel(lang, "effect.eventAxis", { unit: periodUnit }) },
                  { field: "value", type: "quantitative", format: ",.2f", title: chartLabel(lang, "value") },
                  { field: "lower", type: "quantitative", format: ",.2f", title: chartLabel(lang, "lower") },
                  { field: "upper", type: "quantitative", format: ",.2f", title: chartLabel(lang, "upper") },
                ],
              },
            },
            {
              data: { values: [{ reference: 1 }] },
              mark: { type: "rule", color: GREYS.reference, strokeDash: [4, 3], strokeWidth: 1.2 },
              encoding: { y: { ...y2, field: "reference" } },
            },
            {
              data: { values: [{ start: -0.5 }] },
              mark: { type: "rule", color: GREYS.text, strokeWidth: 1 },
              encoding: { x: { field: "start", type: "quantitative" } },
            },
          ],
        };
  const body = events === null ? clusters : { vconcat: [clusters, events], spacing: 18 };
  const data = [...clusterData, ...eventData];
  const meta = chartMeta(options, { id: "effect", title: chartLabel(lang, "effect.title"), subtitle: chartLabel(lang, "effect.subtitle") });
  return frameChart(body, data, meta, width);
}
