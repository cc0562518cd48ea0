/**
 * SPC chart of an {@link SpcResult}: the series as a line that BREAKS at missing periods (a null
 * value is a gap, never a 0), each phase's centre line and 3σ limits drawn as separate segments
 * (computed by the spc layer from that phase's own baseline), each phase start (an intervention's
 * start in the cluster) annotated with a rule and a label, and points coloured by Making Data
 * Count's signal colours (blue improvement, orange concern, grey common cause) with the rule that
 * flagged them as the point's shape, in the legend and in the tooltip.
 * Method: NHS England "Making Data Count" (XmR rules) and Anhøj rules (qicharts2) for run charts.
 */
import type { SignalKind, SpcResult } from "../spc/types.js";
import { bodyWidth, chartMeta, frameChart, periodFormat, periodStart, type Chart, type ChartOptions } from "./chart.js";
import { ChartError } from "./chartError.js";
import { chartLabel, isChartLabelKey } from "../text/catalogue.js";
import type { ChartLang } from "./locale.js";
import { spcChartNotes } from "./spcNotes.js";
import { GREYS, SPC_COLOURS } from "./theme.js";

/** One SPC point as plotted (the data behind the chart). */
export interface SpcChartRow {
  readonly period: string;
  /** ISO date of the period's first day (null when the period label is not a date). */
  readonly date: string | null;
  readonly index: number;
  readonly value: number | null;
  readonly centre: number | null;
  readonly lower: number | null;
  readonly upper: number | null;
  readonly phase: string;
  /** "improvement" | "concern" | "neutral" | "none". */
  readonly signal: SignalKind | "none";
  readonly signalLabel: string;
  /** Name of the deciding (highest-priority) rule, or the "no rule" label. */
  readonly rule: string;
  /** Names of all rules that flagged the point. */
  readonly rules: string;
  readonly excluded: boolean;
  readonly baseline: boolean;
}

/** An annotation on the time axis (e.g. another cluster's intervention start). */
export interface SpcAnnotation {
  readonly period: string;
  readonly label: string;
}

export interface SpcChartOptions extends ChartOptions {
  /** Title of the value axis (e.g. "Genindlæggelser pr. 1.000"). */
  readonly valueTitle?: string;
  /** d3 format of the value axis; default ".0%" for p charts, ",.1f" otherwise. */
  readonly valueFormat?: string;
  /** Annotations; default: the start of every phase after the first, labelled with the phase name. */
  readonly annotations?: readonly SpcAnnotation[];
}

/** The name of a rule id of the spc layer, in the chart language. */
export function spcRuleName(rule: string, lang: ChartLang = "da"): string {
  const key = `rule.${rule}`;
  return isChartLabelKey(key) ? chartLabel(lang, key) : rule;
}

/**
 * Builds the SPC chart of an SpcResult (phases, annotations, signals, gaps).
 * @example const chart = spcChart(result, { title: "Genindlæggelser, Klynge Randers", period: "2019–2023" });
 */
export function spcChart(result: SpcResult, options: SpcChartOptions = {}): Chart<SpcChartRow> {
  if (result.points.length === 0) throw new ChartError("no_points");
  const lang = options.lang ?? "da";
  const temporal = result.points.length > 0 && result.points.every((p) => periodStart(p.period) !== null);
  const signalLabel = (s: SignalKind | "none") => chartLabel(lang, `spc.signal.${s}`);
  const noRule = chartLabel(lang, "spc.rule.none");

  const rows: SpcChartRow[] = result.points.map((p) => ({
    period: p.period,
    date: periodStart(p.period),
    index: p.index,
    value: p.value,
    centre: p.centre,
    lower: p.lower3,
    upper: p.upper3,
    phase: p.phase,
    signal: p.signal ?? "none",
    signalLabel: signalLabel(p.signal ?? "none"),
    rule: p.rules.length > 0 ? spcRuleName(p.rules[0], lang) : noRule,
    rules: p.rules.map((r) => spcRuleName(r, lang)).join("; ") + (p.signalConflict ? ` (${chartLabel(lang, "spc.conflict")})` : ""),
    excluded: p.excluded,
    baseline: p.baseline,
  }));

  const first = result.points[0]?.period ?? "2000";
  const x = temporal
    ? {
        field: "date",
        type: "temporal",
        title: null,
        scale: { type: "utc" },
        axis: { format: periodFormat(first, lang), labelOverlap: true, grid: false },
      }
    : { field: "period", type: "ordinal", title: null, sort: { field: "index" }, axis: { labelAngle: -45 } };
  const xField = temporal ? "date" : "period";

  const isProportion = result.chart === "p" || result.chart === "pprime";
  const valueFormat = options.valueFormat ?? (isProportion ? ".0%" : ",.1f");
  const y = { type: "quantitative", title: options.valueTitle ?? chartLabel(lang, "value"), axis: { format: valueFormat }, scale: { zero: false } };

  const centreLabel = chartLabel(lang, result.chart === "run" ? "spc.centre.run" : "spc.centre");
  const limitsLabel = chartLabel(lang, "spc.limits");
  const lineRows = rows.flatMap((r) => [
    { [xField]: r[xField as "date" | "period"], index: r.index, phase: r.phase, kind: centreLabel, part: "centre", y: r.centre },
    { [xField]: r[xField as "date" | "period"], index: r.index, phase: r.phase, kind: limitsLabel, part: "upper", y: r.upper },
    { [xField]: r[xField as "date" | "period"], index: r.index, phase: r.phase, kind: limitsLabel, part: "lower", y: r.lower },
  ]);
  const varying = result.chart === "p" || result.chart === "u" || result.chart === "pprime" || result.chart === "uprime";

  // Annotations: each phase start after the first (the intervention's start in the cluster).
  const annotations: SpcAnnotation[] = options.annotations
    ? [...options.annotations]
    : result.phases.slice(1).map((ph) => ({ period: ph.firstPeriod, label: `${chartLabel(lang, "spc.intervention")}: ${ph.phase}` }));
  const annotationRows = annotations.map((a, i) => ({
    [xField]: temporal ? periodStart(a.period) : a.period,
    label: a.label,
    row: i % 2,
  }));

  const signalDomain: (SignalKind | "none")[] =
    result.improvement === "neutral" ? ["neutral", "none"] : ["improvement", "concern", "none"];
  const signalColour = { improvement: SPC_COLOURS.improvement, concern: SPC_COLOURS.concern, neutral: SPC_COLOURS.neutral, none: SPC_COLOURS.common };
  const rulesPresent = [...new Set(rows.filter((r) => r.rule !== noRule).map((r) => r.rule))];
  const shapes = ["diamond", "triangle-up", "square", "triangle-down", "cross", "wedge"];

  const width = bodyWidth(options);
  const height = options.height ?? Math.round(width * (options.size === "column" ? 0.6 : 0.5));
  // Legends to the right of a page-wide chart; above a column-wide one, where width is scarce.
  const legendOrient = options.size === "column" ? "top" : "right";
  const body = {
    width,
    height,
    layer: [
      {
        data: { values: lineRows },
        mark: { type: "line", interpolate: varying ? "step" : "linear", strokeWidth: 1.2, invalid: "break-paths-filter-domains" },
        encoding: {
          x,
          y: { ...y, field: "y" },
          detail: [{ field: "phase" }, { field: "part" }],
          color: {
            field: "kind",
            type: "nominal",
            title: null,
            scale: { domain: [centreLabel, limitsLabel], range: [SPC_COLOURS.centre, SPC_COLOURS.limits] },
            legend: { orient: legendOrient, symbolType: "stroke", direction: "vertical" },
          },
          strokeWidth: { condition: { test: "datum.part === 'centre'", value: 1.4 }, value: 1 },
        },
      },
      {
        data: { values: rows },
        layer: [
          {
            mark: { type: "line", color: SPC_COLOURS.line, strokeWidth: 1.4, invalid: "break-paths-filter-domains" },
            encoding: { x, y: { ...y, field: "value" } },
          },
          {
            transform: [{ filter: "isValid(datum.value)" }],
            mark: { type: "point", filled: true, opacity: 1, strokeWidth: 0 },
            encoding: {
              x,
              y: { ...y, field: "value" },
              color: {
                field: "signalLabel",
                type: "nominal",
                title: chartLabel(lang, "spc.signal"),
                scale: { domain: signalDomain.map(signalLabel), range: signalDomain.map((s) => signalColour[s]) },
                legend: { orient: legendOrient, direction: "vertical" },
              },
              shape: {
                field: "rule",
                type: "nominal",
                title: chartLabel(lang, "spc.rule"),
                scale: { domain: [noRule, ...rulesPresent], range: ["circle", ...shapes.slice(0, rulesPresent.length)] },
                legend: { orient: legendOrient, direction: "vertical" },
              },
              size: { condition: { test: "datum.signal !== 'none'", value: 70 }, value: 30 },
              tooltip: [
                { field: "period", title: chartLabel(lang, "period") },
                { field: "value", type: "quantitative", title: chartLabel(lang, "value"), format: valueFormat },
                { field: "phase", title: chartLabel(lang, "spc.phase") },
                { field: "signalLabel", title: chartLabel(lang, "spc.signal") },
                { field: "rules", title: chartLabel(lang, "spc.rule") },
              ],
            },
          },
        ],
      },
      ...(annotationRows.length === 0
        ? []
        : [
            {
              data: { values: annotationRows },
              layer: [
                { mark: { type: "rule", color: GREYS.text, strokeWidth: 1, strokeDash: [2, 2] }, encoding: { x } },
                ...[0, 1].map((row) => ({
                  transform: [{ filter: `datum.row === ${row}` }],
                  mark: { type: "text", align: "left", baseline: "top", dx: 4, fontSize: 9, color: GREYS.text },
                  encoding: { x, y: { value: 2 + row * 12 }, text: { field: "label" } },
                })),
              ],
            },
          ]),
    ],
    resolve: { scale: { y: "shared", color: "independent" } },
  };

  const notes: string[] = [chartLabel(lang, `spc.direction.${result.improvement}`)];
  if (result.phases.length > 1) notes.push(chartLabel(lang, "spc.phases"));
  // Stated only when the limits do vary (equal denominators give constant limits).
  const limitsVary = varying && result.phases.some((ph) => new Set(rows.filter((r) => r.phase === ph.phase && r.upper !== null).map((r) => r.upper)).size > 1);
  if (limitsVary) notes.push(chartLabel(lang, "spc.varyingLimits"));
  if (result.missingPeriods.length > 0) notes.push(chartLabel(lang, "spc.missing", { periods: result.missingPeriods.join(", ") }));
  // The spc layer's notes are English: known kinds are translated from the catalogue, notes the
  // chart states itself are dropped, unknown ones are kept only in an English chart.
  notes.push(...spcChartNotes(result.notes, lang));
  const meta = chartMeta(options, { id: `spc-${result.chart}`, title: chartLabel(lang, "spc.title"), subtitle: chartLabel(lang, `spc.subtitle.${result.chart}`) }, notes);
  return frameChart(body, rows, meta, width);
}
