/**
 * Caterpillar plot: each unit's value with its confidence interval, sorted, against the region's
 * value as a reference line. Suppressed units are listed with the word "undertrykt"/"suppressed"
 * instead of a point (never drawn as 0).
 * Method: interval plots of institutional comparison (Spiegelhalter 2005, "caterpillar plot").
 */
import { bodyWidth, chartMeta, frameChart, type Chart, type ChartOptions } from "./chart.js";
import { chartLabel } from "../text/catalogue.js";
import { GREYS, OKABE_ITO } from "./theme.js";

/** One unit of a caterpillar plot. */
export interface CaterpillarRow {
  readonly unit: string;
  /** Null when suppressed or missing. */
  readonly value: number | null;
  readonly lower: number | null;
  readonly upper: number | null;
  /** The region's value (the same on every row). */
  readonly reference: number;
  readonly suppressed?: boolean;
}

export interface CaterpillarChartOptions extends ChartOptions {
  readonly valueTitle?: string;
  /** d3 format of the values; default ",.1f". */
  readonly valueFormat?: string;
  /** Label of the reference line; default "Region" (da) / "Region" (en). E.g. "Ingen effekt" for rate ratios against 1. */
  readonly referenceLabel?: string;
}

/**
 * Builds a caterpillar plot of units with intervals against the region's value.
 * @example caterpillarChart(rows, { valueTitle: "Indlæggelser pr. 1.000 borgere 65+" })
 */
export function caterpillarChart(rows: readonly CaterpillarRow[], options: CaterpillarChartOptions = {}): Chart<CaterpillarRow> {
  const lang = options.lang ?? "da";
  const data = rows.map((r) => ({ ...r, suppressed: r.suppressed ?? false }));
  // Sorted by value (suppressed last), as the y order.
  const order = [...data]
    .sort((a, b) => (a.value == null ? 1 : b.value == null ? -1 : b.value - a.value) || a.unit.localeCompare(b.unit))
    .map((r) => r.unit);
  const reference = data[0]?.reference ?? 0;
  const fmt = options.valueFormat ?? ",.1f";
  const width = bodyWidth(options, (options.size === "column" ? 300 : 560) - 120);
  const height = options.height ?? Math.max(120, order.length * 24);
  const y = { field: "unit", type: "nominal", sort: order, title: null, axis: { labelLimit: 160 } };
  const x = { type: "quantitative", title: options.valueTitle ?? chartLabel(lang, "value"), scale: { zero: false }, axis: { format: fmt, tickCount: 6, labelOverlap: true } };
  const suppressedLabel = chartLabel(lang, "suppressed");

  const body = {
    width,
    height,
    data: { values: data },
    layer: [
      {
        transform: [{ filter: "isValid(datum.lower) && isValid(datum.upper) && !datum.suppressed" }],
        mark: { type: "rule", color: OKABE_ITO.blue, strokeWidth: 2 },
        encoding: { y, x: { ...x, field: "lower" }, x2: { field: "upper" } },
      },
      {
        transform: [{ filter: "isValid(datum.value) && !datum.suppressed" }],
        mark: { type: "point", filled: true, size: 60, color: OKABE_ITO.blue, opacity: 1 },
        encoding: {
          y,
          x: { ...x, field: "value" },
          tooltip: [
            { field: "unit", title: chartLabel(lang, "unit") },
            { field: "value", type: "quantitative", format: fmt, title: chartLabel(lang, "value") },
            { field: "lower", type: "quantitative", format: fmt, title: chartLabel(lang, "lower") },
            { field: "upper", type: "quantitative", format: fmt, title: chartLabel(lang, "upper") },
          ],
        },
      },
      {
        transform: [{ filter: "datum.suppressed || !isValid(datum.value)" }],
        mark: { type: "text", align: "left", dx: 4, fontSize: 10, fontStyle: "italic", color: GREYS.suppressedText },
        encoding: { y, x: { value: 0 }, text: { value: suppressedLabel } },
      },
      {
        data: { values: [{ reference, label: options.referenceLabel ?? chartLabel(lang, "reference") }] },
        layer: [
          { mark: { type: "rule", color: GREYS.reference, strokeDash: [4, 3], strokeWidth: 1.2 }, encoding: { x: { ...x, field: "reference" } } },
          {
            mark: { type: "text", align: "left", baseline: "bottom", dx: 3, dy: -2, fontSize: 9, color: GREYS.reference },
            encoding: { x: { ...x, field: "reference" }, y: { value: 0 }, text: { field: "label" } },
          },
        ],
      },
    ],
  };
  const meta = chartMeta(options, { id: "caterpillar", title: chartLabel(lang, "caterpillar.title"), subtitle: chartLabel(lang, "caterpillar.subtitle") });
  return frameChart(body, data, meta, width);
}
