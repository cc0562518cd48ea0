/**
 * Age and sex of admitted citizens as a population pyramid: women to the left, men to the right,
 * age groups from youngest (bottom) to oldest (top). Suppressed cells are marked "undertrykt" /
 * "suppressed" at the centre line (never as a 0-length bar).
 */
import { bodyWidth, chartMeta, frameChart, type Chart, type ChartOptions } from "./chart.js";
import { chartLabel } from "../text/catalogue.js";
import { GREYS, OKABE_ITO } from "./theme.js";

/** One age group × sex cell. */
export interface AgeSexRow {
  /** Age group label, e.g. "65-69" or "90+". */
  readonly ageBand: string;
  readonly sex: "F" | "M";
  /** Null when suppressed or missing. */
  readonly count: number | null;
  readonly suppressed: boolean;
}

export interface AgePyramidOptions extends ChartOptions {
  /** Age groups in order, youngest first; default: the order of first appearance. */
  readonly ageBands?: readonly string[];
}

/**
 * Builds the population-pyramid chart of admitted citizens by age group and sex.
 * @example agePyramidChart(rows, { period: "2023" })
 */
export function agePyramidChart(rows: readonly AgeSexRow[], options: AgePyramidOptions = {}): Chart<AgeSexRow & { signed: number | null; sexLabel: string }> {
  const lang = options.lang ?? "da";
  const bands = options.ageBands ?? [...new Set(rows.map((r) => r.ageBand))];
  const sexLabel = { F: chartLabel(lang, "sex.F"), M: chartLabel(lang, "sex.M") };
  const data = rows.map((r) => {
    const count = r.suppressed ? null : r.count;
    return { ...r, count, signed: count == null ? null : r.sex === "F" ? -count : count, sexLabel: sexLabel[r.sex] };
  });
  const maxCount = Math.max(1, ...data.map((r) => r.count ?? 0));
  const width = bodyWidth(options, (options.size === "column" ? 300 : 560) - 80);
  const height = options.height ?? Math.max(100, bands.length * 18);
  const y = { field: "ageBand", type: "ordinal", sort: [...bands].reverse(), title: chartLabel(lang, "ageBand") };
  const x = {
    field: "signed",
    type: "quantitative",
    title: chartLabel(lang, "count"),
    scale: { domain: [-maxCount * 1.15, maxCount * 1.15], nice: false },
    axis: { labelExpr: "format(abs(datum.value), ',d')", tickCount: 6 },
  };
  const body = {
    width,
    height,
    data: { values: data },
    layer: [
      {
        transform: [{ filter: "!datum.suppressed && isValid(datum.count)" }],
        mark: { type: "bar", height: { band: 0.85 } },
        encoding: {
          y,
          x,
          color: {
            field: "sexLabel",
            type: "nominal",
            title: chartLabel(lang, "sex"),
            scale: { domain: [sexLabel.F, sexLabel.M], range: [OKABE_ITO.reddishPurple, OKABE_ITO.blue] },
            legend: { orient: "top", direction: "horizontal", titleOrient: "left" },
          },
          tooltip: [
            { field: "ageBand", title: chartLabel(lang, "ageBand") },
            { field: "sexLabel", title: chartLabel(lang, "sex") },
            { field: "count", type: "quantitative", format: ",d", title: chartLabel(lang, "count") },
          ],
        },
      },
      ...(["F", "M"] as const).map((sex) => ({
        transform: [{ filter: `(datum.suppressed || !isValid(datum.count)) && datum.sex === '${sex}'` }],
        mark: { type: "text", fontSize: 8, fontStyle: "italic", color: GREYS.suppressedText, align: sex === "F" ? "right" : "left", dx: sex === "F" ? -4 : 4 },
        encoding: { y, x: { datum: 0, type: "quantitative" }, text: { value: chartLabel(lang, "suppressed") } },
      })),
      { data: { values: [{ zero: 0 }] }, mark: { type: "rule", color: GREYS.text, strokeWidth: 0.8 }, encoding: { x: { ...x, field: "zero" } } },
    ],
  };
  const meta = chartMeta(options, { id: "age-sex-pyramid", title: chartLabel(lang, "pyramid.title"), subtitle: chartLabel(lang, "pyramid.subtitle") });
  return frameChart(body, data, meta, width);
}
