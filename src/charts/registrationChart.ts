/**
 * The registration-practice difference per cluster: the same indicator computed on harmonised
 * contacts and on the contacts as registered, as grouped bars (one pair per cluster), with the
 * interval when given and the difference in the tooltip. Suppressed values are labelled, not 0.
 */
import { bodyWidth, chartMeta, frameChart, type Chart, type ChartOptions } from "./chart.js";
import { chartLabel } from "../text/catalogue.js";
import { GREYS, OKABE_ITO } from "./theme.js";

/** One cluster × basis value. */
export interface RegistrationRow {
  readonly cluster: string;
  /** "harmonised": after klynge's harmonisation; "registered": as registered. */
  readonly basis: "harmonised" | "registered";
  readonly value: number | null;
  readonly lower?: number | null;
  readonly upper?: number | null;
  readonly suppressed: boolean;
}

export interface RegistrationChartOptions extends ChartOptions {
  readonly valueTitle?: string;
  readonly valueFormat?: string;
}

/**
 * Builds the grouped bar chart of harmonised vs as-registered values per cluster.
 * @example registrationChart(rows, { valueTitle: "Indlæggelser pr. 1.000 0-2-årige" })
 */
export function registrationChart(rows: readonly RegistrationRow[], options: RegistrationChartOptions = {}): Chart<RegistrationRow & { basisLabel: string }> {
  const lang = options.lang ?? "da";
  const basisLabel = { harmonised: chartLabel(lang, "registration.harmonised"), registered: chartLabel(lang, "registration.registered") };
  const data = rows.map((r) => ({ ...r, value: r.suppressed ? null : r.value, lower: r.lower ?? null, upper: r.upper ?? null, basisLabel: basisLabel[r.basis] }));
  const clusters = [...new Set(data.map((r) => r.cluster))];
  const fmt = options.valueFormat ?? ",.1f";
  const width = bodyWidth(options, (options.size === "column" ? 300 : 560) - 130);
  const height = options.height ?? Math.max(100, clusters.length * 36);
  const y = { field: "cluster", type: "nominal", sort: clusters, title: null, axis: { labelLimit: 150 } };
  const yOffset = { field: "basisLabel", type: "nominal", sort: [basisLabel.harmonised, basisLabel.registered] };
  const x = { field: "value", type: "quantitative", title: options.valueTitle ?? chartLabel(lang, "value"), axis: { format: fmt } };
  const body = {
    width,
    height,
    data: { values: data },
    layer: [
      {
        transform: [{ filter: "!datum.suppressed && isValid(datum.value)" }],
        mark: { type: "bar" },
        encoding: {
          y,
          yOffset,
          x,
          color: {
            field: "basisLabel",
            type: "nominal",
            title: chartLabel(lang, "registration.basis"),
            scale: { domain: [basisLabel.harmonised, basisLabel.registered], range: [OKABE_ITO.blue, OKABE_ITO.skyBlue] },
            legend: { orient: "top", direction: "horizontal", titleOrient: "left" },
          },
          tooltip: [
            { field: "cluster", title: chartLabel(lang, "cluster") },
            { field: "basisLabel", title: chartLabel(lang, "registration.basis") },
            { field: "value", type: "quantitative", format: fmt, title: chartLabel(lang, "value") },
          ],
        },
      },
      {
        transform: [{ filter: "!datum.suppressed && isValid(datum.lower) && isValid(datum.upper)" }],
        mark: { type: "rule", color: GREYS.text, strokeWidth: 1 },
        encoding: { y, yOffset, x: { field: "lower", type: "quantitative" }, x2: { field: "upper" } },
      },
      {
        transform: [{ filter: "datum.suppressed || !isValid(datum.value)" }],
        mark: { type: "text", align: "left", dx: 3, fontSize: 8, fontStyle: "italic", color: GREYS.suppressedText },
        encoding: { y, yOffset, x: { value: 0 }, text: { value: chartLabel(lang, "suppressed") } },
      },
    ],
  };
  const meta = chartMeta(options, { id: "registration-practice", title: chartLabel(lang, "registration.title"), subtitle: chartLabel(lang, "registration.subtitle") });
  return frameChart(body, data, meta, width);
}
