/**
 * The overview grid of the steering paper's first page: one row per measure, one column per unit
 * (the region first), each cell the latest value and three symbols — the SPC variation of the
 * latest point, the assurance of the target, the position in the latest funnel plot — with the
 * legend drawn under the grid. Symbols are shapes that read in black and white (filled =
 * improvement, hollow = concern, up/down = high/low; ✔ ✘ ≈ for the target; arrows for the funnel);
 * the Making Data Count colours (blue improvement, orange concern) only repeat them. A suppressed
 * value is written "–" and carries no symbol that could reveal it.
 */
import type { OverviewRow } from "../overview/overviewTypes.js";
import { ASSURANCE_SYMBOLS, FUNNEL_SYMBOLS, VARIATION_GAP_SYMBOL, VARIATION_SYMBOLS, type SymbolTone } from "../overview/overviewSymbols.js";
import { text, type OverviewTextKey } from "../text/catalogue.js";
import { formatMeasureNumber, measureLabel } from "../text/measureWords.js";
import { chartMeta, frameChart, wrapText, type Chart, type ChartOptions } from "./chart.js";
import { GREYS, OKABE_ITO } from "./theme.js";

export interface OverviewChartOptions extends ChartOptions {
  /** Name of a unit in the column heads (default: "Region" for the region, else the unit). */
  readonly unitName?: (level: OverviewRow["level"], unit: string) => string;
}

export interface OverviewChartDatum {
  readonly measure: string;
  readonly unit: string;
  readonly valueText: string;
  readonly variation: string;
  readonly variationTone: SymbolTone;
  readonly assurance: string;
  readonly assuranceTone: SymbolTone;
  readonly funnel: string;
  readonly funnelTone: SymbolTone;
  readonly suppressed: boolean;
}

/** Colours of the tones (Okabe–Ito blue and orange for Making Data Count's improvement and concern). */
const TONE_COLOURS: Record<SymbolTone, string> = { improvement: OKABE_ITO.blue, concern: OKABE_ITO.orange, neutral: "#3d3d3d", common: "#6b6b6b", none: "#6b6b6b" };

function funnelTone(r: OverviewRow): SymbolTone {
  if (r.funnel === null || r.funnel === "within") return "common";
  if (r.improvement === "neutral") return "neutral";
  const above = r.funnel.startsWith("above");
  return above === (r.improvement === "increase") ? "improvement" : "concern";
}

/**
 * @example overviewChart(overviewTable(rows).rows, { lang: "da", period: "2016–2023" })
 */
export function overviewChart(rows: readonly OverviewRow[], options: OverviewChartOptions = {}): Chart<OverviewChartDatum> {
  const lang = options.lang ?? "da";
  const t = (k: OverviewTextKey, p?: Record<string, string | number>) => text(lang, k, p);
  const unitName = options.unitName ?? ((level: OverviewRow["level"], unit: string) => (level === "region" ? t("ov.regionShort") : unit));
  const measures: string[] = [];
  const units: string[] = [];
  const data: OverviewChartDatum[] = rows.map((r) => {
    const measure = measureLabel(r.indicator, r.group, r.kind, r.multiplier, lang);
    const unit = unitName(r.level, r.unit);
    if (!measures.includes(measure)) measures.push(measure);
    if (!units.includes(unit)) units.push(unit);
    const v = r.suppressed || r.variation === null ? null : VARIATION_SYMBOLS[r.variation];
    const a = r.suppressed || r.assurance === null ? null : ASSURANCE_SYMBOLS[r.assurance];
    return {
      measure,
      unit,
      valueText: r.value === null ? "–" : formatMeasureNumber(r.value, r.kind, r.multiplier, lang),
      variation: v?.glyph ?? (r.variationGap ? VARIATION_GAP_SYMBOL[r.variationGap] : "–"),
      variationTone: v?.tone ?? "none",
      assurance: a?.glyph ?? "",
      assuranceTone: a?.tone ?? "none",
      funnel: r.funnel === null ? "" : FUNNEL_SYMBOLS[r.funnel],
      funnelTone: funnelTone(r),
      suppressed: r.suppressed,
    };
  });
  const labelChars = 34;
  const lines = Object.fromEntries(measures.map((m) => [m, wrapText(m, labelChars)]));
  const maxLines = Math.max(1, ...Object.values(lines).map((l) => l.length));
  const rowStep = Math.max(40, maxLines * 12 + 8);
  const colStep = Math.max(60, Math.min(80, Math.floor(380 / Math.max(1, units.length))));
  const x = { field: "unit", type: "nominal", sort: units, title: null, axis: { orient: "top", labelAngle: 0, labelLimit: colStep - 4, labelFontWeight: "bold", domain: false, ticks: false } };
  const y = { field: "measure", type: "nominal", sort: measures, title: null, axis: { labelLimit: 0, labelExpr: `${JSON.stringify(lines)}[datum.value]`, labelLineHeight: 12, domain: false, ticks: false } };
  const tone = (field: string) => ({ field, type: "nominal", scale: { domain: Object.keys(TONE_COLOURS), range: Object.values(TONE_COLOURS) }, legend: null });
  const grid = {
    width: { step: colStep },
    height: { step: rowStep },
    data: { values: data },
    encoding: { x, y },
    layer: [
      { mark: { type: "rect", fill: "white", stroke: "#9e9e9e", strokeWidth: 0.6 } },
      {
        mark: { type: "text", baseline: "middle", dy: -9, fontSize: 10.5, color: GREYS.text },
        encoding: { text: { field: "valueText" }, fontStyle: { condition: { test: "datum.suppressed", value: "italic" }, value: "normal" } },
      },
      { mark: { type: "text", baseline: "middle", dy: 8, dx: -16, fontSize: 13 }, encoding: { text: { field: "variation" }, color: tone("variationTone") } },
      { mark: { type: "text", baseline: "middle", dy: 8, dx: 2, fontSize: 12 }, encoding: { text: { field: "assurance" }, color: tone("assuranceTone") } },
      { mark: { type: "text", baseline: "middle", dy: 8, dx: 18, fontSize: 11, fontWeight: "bold" }, encoding: { text: { field: "funnel" }, color: tone("funnelTone") } },
    ],
  };
  // The legend: three columns of glyph + meaning, drawn as text (it prints with the chart).
  type LegendItem = { col: number; row: number; glyph: string; label: string; tone: SymbolTone; head: boolean };
  const legend: LegendItem[] = [];
  // Variation in the left column; assurance and, under it, the funnel in the right one.
  const column = (col: number, head: string, items: readonly [string, string, SymbolTone][]) => {
    const first = col === 2 ? 7 : 0;
    legend.push({ col, row: first, glyph: "", label: head, tone: "none", head: true });
    items.forEach(([glyph, label, tn], i) => legend.push({ col, row: first + i + 1, glyph, label, tone: tn, head: false }));
  };
  column(0, t("ov.t.legendVariation"), [
    [VARIATION_SYMBOLS.improvement_high.glyph, t("ov.s.improvement_high"), "improvement"],
    [VARIATION_SYMBOLS.improvement_low.glyph, t("ov.s.improvement_low"), "improvement"],
    [VARIATION_SYMBOLS.concern_high.glyph, t("ov.s.concern_high"), "concern"],
    [VARIATION_SYMBOLS.concern_low.glyph, t("ov.s.concern_low"), "concern"],
    [VARIATION_SYMBOLS.common_cause.glyph, t("ov.s.common_cause"), "common"],
    [`${VARIATION_SYMBOLS.neutral_high.glyph} ${VARIATION_SYMBOLS.neutral_low.glyph}`, t("ov.s.neutral_legend"), "neutral"],
    [VARIATION_GAP_SYMBOL.too_few_points, t("ov.s.too_few_points"), "none"],
  ]);
  column(1, t("ov.t.legendAssurance"), [
    [ASSURANCE_SYMBOLS.consistent_pass.glyph, t("ov.s.consistent_pass"), "improvement"],
    [ASSURANCE_SYMBOLS.consistent_fail.glyph, t("ov.s.consistent_fail"), "concern"],
    [ASSURANCE_SYMBOLS.inconsistent.glyph, t("ov.s.inconsistent"), "common"],
    [ASSURANCE_SYMBOLS.not_assessable.glyph, t("ov.s.not_assessable"), "none"],
  ]);
  column(2, t("ov.t.legendFunnel"), [
    [`${FUNNEL_SYMBOLS.above_998} ${FUNNEL_SYMBOLS.below_998}`, t("ov.s.outside_998"), "neutral"],
    [`${FUNNEL_SYMBOLS.above_95} ${FUNNEL_SYMBOLS.below_95}`, t("ov.s.outside_95"), "neutral"],
    [FUNNEL_SYMBOLS.within, t("ov.s.within"), "common"],
    ["", t("ov.s.noFunnel"), "none"],
  ]);
  const legendWidth = 600;
  const colX = [0, 290, 290];
  const ROW = 13;
  const rowsShown = Math.max(...legend.map((l) => l.row)) + 1;
  const px = (l: LegendItem) => ({ ...l, x: colX[l.col], y: l.row * ROW });
  const pos = { x: { field: "x", type: "quantitative", scale: null, axis: null }, y: { field: "y", type: "quantitative", scale: null, axis: null } };
  const legendView = {
    width: legendWidth,
    height: rowsShown * ROW,
    data: { values: legend.map(px) },
    layer: [
      { transform: [{ filter: "!datum.head" }], mark: { type: "text", align: "left", baseline: "top", fontSize: 11 }, encoding: { ...pos, text: { field: "glyph" }, color: tone("tone") } },
      { transform: [{ filter: "!datum.head" }], mark: { type: "text", align: "left", baseline: "top", fontSize: 9, dx: 64, dy: 1, color: GREYS.text }, encoding: { ...pos, text: { field: "label" } } },
      { transform: [{ filter: "datum.head" }], mark: { type: "text", align: "left", baseline: "top", fontSize: 9, fontWeight: "bold", color: GREYS.text }, encoding: { ...pos, text: { field: "label" } } },
    ],
  };
  const body = { vconcat: [grid, legendView], spacing: 14 };
  const meta = chartMeta(options, { id: "overview", title: t("ov.t.overview"), subtitle: t("ov.t.overviewSub") }, [t("ov.t.method")]);
  return frameChart(body, data, meta, legendWidth);
}
