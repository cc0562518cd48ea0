/**
 * The chart object every builder returns — `{ spec, data, meta }` — and the common text options.
 * The vega-lite spec is self-contained (data inline, locale and font in its config) so it renders
 * anywhere; `data` is the table behind the chart (for CSV export); `meta` names the chart.
 */
import { minCountOf } from "../indicators/indicatorOptions.js";
import { parseDate } from "../contract/fields.js";
import { parsePeriod, periodKindOf, periodStartDate } from "../contract/period.js";
import { drawingPrecision } from "./drawingPrecision.js";
import { chartLabel } from "../text/catalogue.js";
import { formatChartNumber, type ChartLang } from "./locale.js";
import { CHART_WIDTHS, GREYS, chartConfig, type ChartSize } from "./theme.js";

export interface ChartMeta {
  /** Stable id, used as the file name of the rendered chart, e.g. "funnel-readmission_30d". */
  readonly id: string;
  readonly title: string;
  readonly subtitle: string;
  /** The footnote drawn under the chart: source, period, definition, method notes, suppression. */
  readonly footnote: string;
  readonly lang: ChartLang;
}

/**
 * A vega-lite specification (JSON), as vega-lite's `compile` and the vega-embed tools take it.
 * Typed loosely on purpose: vega-lite's own types are ESM-only, and a CommonJS TypeScript project
 * could not load this package's types if they were referenced here (cast to vega-lite's
 * TopLevelSpec where you need it).
 */
export interface VegaLiteSpec {
  readonly $schema?: string;
  readonly [key: string]: unknown;
}

export interface Chart<Row = Record<string, unknown>> {
  readonly spec: VegaLiteSpec;
  readonly data: Row[];
  readonly meta: ChartMeta;
}

/** Text and size options shared by all builders; every field optional. */
export interface ChartOptions {
  /** "da" (default) or "en". */
  readonly lang?: ChartLang;
  readonly id?: string;
  readonly title?: string;
  readonly subtitle?: string;
  /** Data source; default: the catalogue's "klynge, computed from the region's extract". */
  readonly source?: string;
  /** Data period, e.g. "2019–2023". */
  readonly period?: string;
  /** Definition of the measure. */
  readonly definition?: string;
  /** Suppression threshold (fewer than this many citizens → suppressed); default 5. */
  readonly suppressionMin?: number;
  /** Extra notes appended to the footnote. */
  readonly notes?: readonly string[];
  /** "page" (170 mm, default) or "column" (85 mm): the width the chart is laid out for. */
  readonly size?: ChartSize;
  /** Width of the chart body in CSS px (overrides `size`). */
  readonly width?: number;
  /** Height of the chart body in CSS px. */
  readonly height?: number;
}

/** Builds the footnote text: source, period, definition, extra notes, suppression note. */
export function chartFootnote(options: ChartOptions, methodNotes: readonly string[] = []): string {
  const lang = options.lang ?? "da";
  const parts: string[] = [chartLabel(lang, "foot.source", { source: options.source ?? chartLabel(lang, "foot.sourceDefault") })];
  if (options.period) parts.push(chartLabel(lang, "foot.period", { period: options.period }));
  if (options.definition) parts.push(chartLabel(lang, "foot.definition", { definition: stripDot(options.definition) }));
  for (const note of [...methodNotes, ...(options.notes ?? [])]) if (note) parts.push(note);
  parts.push(chartLabel(lang, "foot.suppression", { min: minCountOf(options.suppressionMin) }));
  return parts.join(" ");
}

function stripDot(s: string): string {
  return s.replace(/\.\s*$/, "");
}

/** Width of the chart body in CSS px for the options. */
export function bodyWidth(options: ChartOptions, fallback?: number): number {
  return options.width ?? fallback ?? CHART_WIDTHS[options.size ?? "page"];
}

/**
 * Wraps text into lines of at most `maxChars` characters at spaces (a long word stays whole).
 * Used for footnotes, which vega does not wrap by itself.
 */
export function wrapText(text: string, maxChars: number): string[] {
  const lines: string[] = [];
  let line = "";
  // Split at ordinary spaces only: a no-break space (U+00A0) keeps its neighbours together.
  for (const word of text.split(/[ \t\n]+/).filter((w) => w.length > 0)) {
    if (line.length === 0) line = word;
    else if (line.length + 1 + word.length <= maxChars) line += " " + word;
    else {
      lines.push(line);
      line = word;
    }
  }
  if (line.length > 0) lines.push(line);
  return lines;
}

/** Like {@link wrapText}, but narrows the lines a little when that avoids a last line of one or two words. */
function wrapBalanced(text: string, maxChars: number): string[] {
  const first = wrapText(text, maxChars);
  for (let m = maxChars; m >= maxChars * 0.85; m--) {
    const lines = wrapText(text, m);
    if (lines.length > first.length) break;
    if (lines.length < 2 || lines[lines.length - 1].length >= 20) return lines;
  }
  return first;
}

const FOOT_FONT_SIZE = 9;
const FOOT_LINE_HEIGHT = 12;

/**
 * Frames a chart body: title and subtitle on top (vega-lite title), the footnote drawn as a text
 * view under the body (vconcat), the theme config (font, Danish/English locale). Every number of
 * the spec and of `data` is rounded to drawing precision (see drawingPrecision.ts).
 * `width` is the width the footnote is wrapped to (the body's total width). `stackTopLegends`
 * puts several top legends in rows instead of one row, which would overflow a narrow chart.
 */
export function frameChart<Row>(
  body: Record<string, unknown>,
  data: Row[],
  meta: ChartMeta,
  width: number,
  frame: { readonly stackTopLegends?: boolean } = {},
): Chart<Row> {
  // DejaVu Sans averages about 0.55 em per character at the footnote size.
  const maxChars = Math.max(50, Math.floor(width / (FOOT_FONT_SIZE * 0.56)));
  const lines = wrapBalanced(meta.footnote, maxChars).map((text, i) => ({ text, y: i * FOOT_LINE_HEIGHT }));
  const footer = {
    name: "footnote",
    // A 1 px wide cell: the text overflows it to the right, so the footnote never widens the
    // body's grid cell (which would push right-hand legends away from the plot).
    width: 1,
    height: lines.length * FOOT_LINE_HEIGHT,
    data: { values: lines },
    mark: { type: "text", align: "left", baseline: "top", fontSize: FOOT_FONT_SIZE, color: GREYS.footnote },
    encoding: {
      x: { value: 0 },
      y: { field: "y", type: "quantitative", scale: null },
      text: { field: "text", type: "nominal" },
    },
  };
  const spec = {
    $schema: "https://vega.github.io/schema/vega-lite/v6.json",
    title: { text: meta.title, subtitle: meta.subtitle },
    config: frame.stackTopLegends ? stackTopLegends(chartConfig(meta.lang)) : chartConfig(meta.lang),
    vconcat: [body, footer],
    spacing: 14,
  };
  // Numbers at drawing precision (6 significant digits): no CPR-shaped digit runs in specs or data.
  return { spec: drawingPrecision(spec) as VegaLiteSpec, data: drawingPrecision(data), meta };
}

/** Config whose legends on top are stacked in rows (one legend per row, left-aligned) instead of one row. */
function stackTopLegends(config: Record<string, unknown>): Record<string, unknown> {
  const legend = (config.legend ?? {}) as Record<string, unknown>;
  return { ...config, legend: { ...legend, layout: { top: { anchor: "start", direction: "vertical", margin: 4 } } } };
}

/** Resolves the meta block of a chart from options and the builder's defaults. */
export function chartMeta(options: ChartOptions, defaults: { id: string; title: string; subtitle: string }, methodNotes: readonly string[] = []): ChartMeta {
  return {
    id: options.id ?? defaults.id,
    title: options.title ?? defaults.title,
    subtitle: options.subtitle ?? defaults.subtitle,
    footnote: chartFootnote(options, methodNotes),
    lang: options.lang ?? "da",
  };
}

/** Period label → ISO date (first day) for a temporal axis: "2019", "2019-H1", "2019-Q2", "2019-03"; a date "2019-03-15" as it is. */
export function periodStart(period: string): string | null {
  const p = parsePeriod(period);
  if (p !== null) return periodStartDate(p);
  const day = parseDate(period);
  return day.ok && period.trim() === period ? period : null;
}

/** The time unit matching a period label's granularity (UTC units: dates are parsed as UTC); half-years are drawn by month. */
export function periodTimeUnit(period: string): "utcyear" | "utcyearquarter" | "utcyearmonth" | "utcyearmonthdate" {
  const kind = periodKindOf(period);
  return kind === "year" ? "utcyear" : kind === "quarter" ? "utcyearquarter" : kind === null ? "utcyearmonthdate" : "utcyearmonth";
}

/** Axis label format for a period granularity (d3-time-format, localised by config.locale). */
export function periodFormat(period: string, lang: ChartLang = "da"): string {
  const kind = periodKindOf(period);
  if (kind === "year") return "%Y";
  if (kind === "quarter") return lang === "da" ? "%Y K%q" : "%Y Q%q";
  return kind === null ? "%d-%m-%Y" : "%b %Y";
}

/** A confidence level as text: 0.95 → "95 %" (da) / "95%" (en); 0.998 → "99,8 %" / "99.8%". */
export function levelLabel(level: number, lang: ChartLang = "da"): string {
  const pct = formatChartNumber(level * 100, lang, 2);
  return lang === "da" ? `${pct} %` : `${pct}%`;
}
