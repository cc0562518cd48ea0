/**
 * Referral sources as horizontal bars, largest first, with the count at the end of each bar.
 * Suppressed sources get no bar and the word "undertrykt"/"suppressed" (never a 0-length bar).
 */
import { bodyWidth, chartMeta, frameChart, type Chart, type ChartOptions } from "./chart.js";
import { chartLabel } from "../text/catalogue.js";
import { GREYS, OKABE_ITO } from "./theme.js";

/** One referral source. */
export interface ReferralRow {
  readonly source: string;
  /** Null when suppressed or missing. */
  readonly count: number | null;
  readonly suppressed: boolean;
}

/**
 * Builds the referral-sources bar chart.
 * @example referralChart([{ source: "Egen læge", count: 1234, suppressed: false }])
 */
export function referralChart(rows: readonly ReferralRow[], options: ChartOptions = {}): Chart<ReferralRow> {
  const lang = options.lang ?? "da";
  const data = rows.map((r) => ({ ...r, count: r.suppressed ? null : r.count }));
  const order = [...data].sort((a, b) => (b.count ?? -1) - (a.count ?? -1) || a.source.localeCompare(b.source, "da")).map((r) => r.source);
  const width = bodyWidth(options, (options.size === "column" ? 300 : 560) - 150);
  const height = options.height ?? Math.max(80, order.length * 22);
  const y = { field: "source", type: "nominal", sort: order, title: null, axis: { labelLimit: 170 } };
  const x = { field: "count", type: "quantitative", title: chartLabel(lang, "count"), axis: { format: ",d" }, scale: { nice: true } };
  const body = {
    width,
    height,
    data: { values: data },
    layer: [
      {
        transform: [{ filter: "!datum.suppressed && isValid(datum.count)" }],
        mark: { type: "bar", color: OKABE_ITO.blue, height: { band: 0.7 } },
        encoding: { y, x, tooltip: [{ field: "source", title: chartLabel(lang, "source") }, { field: "count", type: "quantitative", format: ",d", title: chartLabel(lang, "count") }] },
      },
      {
        transform: [{ filter: "!datum.suppressed && isValid(datum.count)" }],
        mark: { type: "text", align: "left", dx: 3, fontSize: 9, color: GREYS.text },
        encoding: { y, x, text: { field: "count", type: "quantitative", format: ",d" } },
      },
      {
        transform: [{ filter: "datum.suppressed || !isValid(datum.count)" }],
        mark: { type: "text", align: "left", dx: 3, fontSize: 9, fontStyle: "italic", color: GREYS.suppressedText },
        encoding: { y, x: { value: 0 }, text: { value: chartLabel(lang, "suppressed") } },
      },
    ],
  };
  const meta = chartMeta(options, { id: "referral-sources", title: chartLabel(lang, "referral.title"), subtitle: chartLabel(lang, "referral.subtitle") });
  return frameChart(body, data, meta, width);
}
