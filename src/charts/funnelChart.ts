/**
 * Funnel plot of a {@link FunnelResult}: units as labelled points over their denominator, the
 * overall value as a line and the control limits at every level the result carries (typically
 * 95 % and 99.8 %), with the overdispersion method and φ/τ² stated in the footnote.
 * Any multiplier: the FunnelResult's target, unit values and limits are all on the multiplied scale;
 * proportions (multiplier 1 or 100) are drawn on a percent axis, rates as "pr. {multiplier}".
 * Method: Spiegelhalter (2005) "Funnel plots for comparing institutional performance", Stat Med
 * 24:1185; limits as computed by the compare layer (PHE/Fingertips or FunnelPlotR method).
 */
import type { FunnelClass, FunnelResult } from "../compare/funnelTypes.js";
import { bodyWidth, chartMeta, frameChart, levelLabel, type Chart, type ChartOptions } from "./chart.js";
import { ChartError } from "./chartError.js";
import { chartLabel, noteText } from "../text/catalogue.js";
import { formatChartNumber } from "./locale.js";
import { placeLabels } from "./labelPlacement.js";
import { GREYS, OKABE_ITO } from "./theme.js";

/** Notes of the method, stated by the chart itself (methodNote). */
const METHOD_NOTES: ReadonlySet<string> = new Set(["funnel.note.methodPhe", "funnel.note.methodSpiegelhalter", "funnel.note.methodFallback"]);

/** One unit of the funnel plot, as plotted (the data behind the chart). */
export interface FunnelChartRow {
  readonly unit: string;
  readonly numerator: number;
  readonly denominator: number;
  /** Value on the FunnelResult's scale (× multiplier). */
  readonly value: number;
  /** Value as drawn: proportions with multiplier 1 or 100 as a fraction (the axis shows %), else `value`. */
  readonly plotted: number;
  /** Class at the innermost level (e.g. 95 %). */
  readonly classInner: FunnelClass;
  /** Class at the outermost level (e.g. 99.8 %). */
  readonly classOuter: FunnelClass;
  /** Plotted category: "outer", "inner" or "none". */
  readonly position: "outer" | "inner" | "none";
}

export interface FunnelChartOptions extends ChartOptions {
  /** d3 format of the value axis; default ".1%" for percent axes, ",.2f" otherwise. */
  readonly valueFormat?: string;
  /** Title of the value axis; default by type and multiplier (e.g. "Andel", "Rate pr. 1.000"). */
  readonly valueTitle?: string;
  /** Title of the x axis; default by type: "Nævner (antal)", "Personår (nævner)", "Forventet antal". */
  readonly denominatorTitle?: string;
}

/**
 * How a FunnelResult's numbers are drawn. funnelPlotData puts unit values, target and limits all on
 * the multiplied scale (proportion × multiplier, rate × multiplier, ratio × multiplier). Proportions
 * with multiplier 1 or 100 are drawn as fractions on a percent axis (divide by the multiplier);
 * everything else is drawn as given, with "pr. {multiplier}" in the axis title when multiplier ≠ 1.
 */
function funnelScale(result: FunnelResult): { divisor: number; percent: boolean; max: number | null } {
  const m = result.multiplier > 0 && Number.isFinite(result.multiplier) ? result.multiplier : 1;
  if (result.type === "proportion") {
    const percent = m === 1 || m === 100;
    return { divisor: percent ? m : 1, percent, max: percent ? 1 : m };
  }
  return { divisor: 1, percent: false, max: null };
}

/**
 * Builds the funnel plot chart of a FunnelResult (both limit levels, units labelled, method noted).
 * @example const chart = funnelChart(result, { period: "2023", definition: "30-day readmissions" });
 */
export function funnelChart(result: FunnelResult, options: FunnelChartOptions = {}): Chart<FunnelChartRow> {
  if (result.units.length === 0) throw new ChartError("no_units");
  const lang = options.lang ?? "da";
  const levels = [...result.levels].sort((a, b) => a - b);
  const inner = levels[0];
  const outer = levels[levels.length - 1];
  const classAt = (u: FunnelResult["units"][number], level: number): FunnelClass =>
    u.classes.find((c) => Math.abs(c.level - level) < 1e-9)?.class ?? "not_significant";

  const scale = funnelScale(result);
  const draw = (v: number) => v / scale.divisor;
  const target = draw(result.target);
  const rows: FunnelChartRow[] = result.units.map((u) => {
    const ci = classAt(u, inner);
    const co = classAt(u, outer);
    const position = co !== "not_significant" ? "outer" : ci !== "not_significant" ? "inner" : "none";
    return { unit: u.unit, numerator: u.numerator, denominator: u.denominator, value: u.value, plotted: draw(u.value), classInner: ci, classOuter: co, position };
  });

  const positionLabel = {
    outer: chartLabel(lang, "funnel.class.outer", { level: levelLabel(outer, lang) }),
    inner: chartLabel(lang, "funnel.class.inner", { level: levelLabel(inner, lang) }),
    none: chartLabel(lang, "funnel.class.none"),
  };
  const limitLabel = (level: number) => chartLabel(lang, "funnel.limit", { level: levelLabel(level, lang) });

  // Limit curves in long form; the y domain is set from the units and the limits over their range.
  const minDen = Math.min(...rows.map((r) => r.denominator));
  const maxDen = Math.max(...rows.map((r) => r.denominator));
  const limitRows = result.limits.flatMap((p) => [
    { denominator: p.denominator, level: limitLabel(p.level), side: "lower", bound: draw(p.lower) },
    { denominator: p.denominator, level: limitLabel(p.level), side: "upper", bound: draw(p.upper) },
  ]);
  const inRange = result.limits.filter((p) => p.denominator >= minDen * 0.8 && p.denominator <= maxDen * 1.05);
  const ys = [...rows.map((r) => r.plotted), ...inRange.flatMap((p) => [draw(p.lower), draw(p.upper)]), target].filter(Number.isFinite);
  const lo = Math.min(...ys);
  const hi = Math.max(...ys);
  const pad = (hi - lo) * 0.06 || Math.abs(hi) * 0.1 || 1e-3;
  // Values and limits cannot go below 0 (counts), nor a proportion above its maximum (100 %).
  const yDomain = [Math.max(0, lo - pad), scale.max === null ? hi + pad : Math.min(scale.max, hi + pad)];
  const xDomain = [Math.max(0, minDen * 0.8), maxDen * 1.05];

  const multiplierText = formatChartNumber(result.multiplier, lang, 0);
  const yTitle =
    options.valueTitle ??
    (result.type === "proportion"
      ? scale.percent
        ? chartLabel(lang, "funnel.y.proportion")
        : chartLabel(lang, "funnel.y.proportionPer", { multiplier: multiplierText })
      : result.type === "rate"
        ? result.multiplier === 1
          ? chartLabel(lang, "funnel.y.rate1")
          : chartLabel(lang, "funnel.y.rate", { multiplier: multiplierText })
        : result.multiplier === 1
          ? chartLabel(lang, "funnel.y.ratio")
          : chartLabel(lang, "funnel.y.ratioTimes", { multiplier: multiplierText }));
  const xTitle =
    options.denominatorTitle ??
    chartLabel(lang, result.type === "proportion" ? "funnel.x.proportion" : result.type === "rate" ? "funnel.x.rate" : "funnel.x.ratio");
  const valueFormat = options.valueFormat ?? (scale.percent ? ".1%" : result.type === "rate" ? ",.1f" : ",.2f");

  const width = bodyWidth(options);
  const height = options.height ?? Math.round(width * 0.6);
  const labels = placeLabels(
    rows.map((r) => ({ x: r.denominator, y: r.plotted, text: r.unit })),
    [xDomain[0], xDomain[1]],
    [yDomain[0], yDomain[1]],
    width,
    height,
  );
  const labelRows = rows.map((r, i) => ({ unit: r.unit, ...labels[i] }));
  const x = { field: "denominator", type: "quantitative", title: xTitle, scale: { domain: xDomain, nice: false }, axis: { format: result.type === "ratio" ? ",.0f" : ",d" } };
  const y = { type: "quantitative", title: yTitle, scale: { domain: yDomain, nice: false, zero: false }, axis: { format: valueFormat } };

  const phiText = result.phi == null ? "–" : formatChartNumber(result.phi, lang, 2);
  const tauText = result.tau2 == null ? "–" : formatChartNumber(result.tau2, lang, 4);
  const methodNote = chartLabel(lang, `funnel.method.${result.method}`, { phi: phiText, tau2: tauText });

  const body = {
    width,
    height,
    layer: [
      {
        data: { values: limitRows },
        mark: { type: "line", clip: true, color: GREYS.reference, strokeWidth: 1 },
        encoding: {
          x,
          y: { ...y, field: "bound" },
          detail: { field: "side", type: "nominal" },
          strokeDash: {
            field: "level",
            type: "nominal",
            title: null,
            sort: levels.map(limitLabel),
            scale: { domain: levels.map(limitLabel), range: levels.map((_, i) => (i === levels.length - 1 ? [1, 0] : [5, 3])) },
            legend: { orient: "top", direction: "horizontal", symbolType: "stroke" },
          },
        },
      },
      {
        data: { values: [{ target, label: chartLabel(lang, "funnel.target") }] },
        mark: { type: "rule", color: GREYS.text, strokeWidth: 1.2 },
        encoding: { y: { ...y, field: "target" } },
      },
      {
        data: { values: rows },
        layer: [
          {
            mark: { type: "point", filled: true, size: 60, opacity: 1 },
            encoding: {
              x,
              y: { ...y, field: "plotted" },
              color: {
                field: "position",
                type: "nominal",
                title: chartLabel(lang, "funnel.class"),
                scale: { domain: ["outer", "inner", "none"], range: [OKABE_ITO.vermillion, OKABE_ITO.orange, "#7b7d7d"] },
                legend: {
                  orient: "top",
                  direction: "horizontal",
                  // Three entries need about 480 px in one row; narrower charts (column) use two columns.
                  ...(width < 500 ? { columns: 2 } : {}),
                  titleOrient: "left",
                  labelExpr: `${JSON.stringify(positionLabel)}[datum.value]`,
                },
              },
              tooltip: [
                { field: "unit", title: chartLabel(lang, "unit") },
                { field: "numerator", type: "quantitative", title: chartLabel(lang, "numerator"), format: ",d" },
                { field: "denominator", type: "quantitative", title: chartLabel(lang, "denominator"), format: ",d" },
                { field: "plotted", type: "quantitative", title: chartLabel(lang, "value"), format: valueFormat },
              ],
            },
          },
        ],
      },
      ...(["right", "left"] as const).map((side) => ({
        data: { values: labelRows },
        transform: [{ filter: `datum.side === '${side}'` }],
        mark: { type: "text", align: side === "right" ? "left" : "right", baseline: "alphabetic", fontSize: 9, color: GREYS.text },
        encoding: { x: { ...x, field: "labelX" }, y: { ...y, field: "labelY" }, text: { field: "unit" } },
      })),
    ],
    resolve: { legend: { strokeDash: "independent", color: "independent" } },
  };

  const meta = chartMeta(
    options,
    {
      id: "funnel",
      title: chartLabel(lang, "funnel.title"),
      subtitle: chartLabel(lang, "funnel.subtitle", { levels: levels.map((l) => levelLabel(l, lang)).join(lang === "da" ? " og " : " and ") }),
    },
    // The compare layer's notes in the chart's language; the method notes are left out, as the
    // chart states its method itself (methodNote).
    [methodNote, ...result.notes.filter((n) => !METHOD_NOTES.has(n.code)).map((n) => noteText(n, lang))],
  );
  // Two legends (limits, classes) side by side overflow the page width: one row each.
  return frameChart(body, rows, meta, width, { stackTopLegends: true });
}
