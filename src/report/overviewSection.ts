/**
 * The report's first page: the key messages ("Hovedbudskaber", each linked to the charts it is read
 * from) and the overview — the grid chart of latest values and Making Data Count symbols, with the
 * full overview table (one row per measure × unit) under it. Built from the indicator table
 * (overviewTable), the effect estimates the intervention sections computed (no second estimate)
 * and the charts the other sections drew (for the links).
 */
import { overviewChart } from "../charts/overviewChart.js";
import { focusMeasures, type FocusArea } from "../overview/focusAreas.js";
import { keyFindings, type ChartRef } from "../overview/keyFindings.js";
import { keyMessages } from "../overview/keyMessages.js";
import { ASSURANCE_SYMBOLS, FUNNEL_SYMBOLS, VARIATION_GAP_SYMBOL, VARIATION_SYMBOLS } from "../overview/overviewSymbols.js";
import { overviewTable } from "../overview/overviewTable.js";
import type { OverviewRow } from "../overview/overviewTypes.js";
import { text, type OverviewTextKey } from "../text/catalogue.js";
import { formatMeasureNumber, measureLabel, measureName } from "../text/measureWords.js";
import type { InterventionEffectResult } from "../spread/index.js";
import type { ReportLang } from "../text/catalogue.js";
import type { ReportData } from "./reportSections.js";
import type { ReportTableColumn } from "./reportTable.js";
import type { ReportChartItem, ReportMessagesItem, ReportSection } from "./reportTypes.js";

export interface OverviewSectionOptions {
  readonly lang: ReportLang;
  readonly minCount: number;
  readonly focus: FocusArea;
  /** Show the municipalities' rows in the overview table too (default false: region and clusters). */
  readonly municipalities: boolean;
  /** Effect estimates of the interventions shown, by intervention id. */
  readonly effects: ReadonlyMap<string, { readonly name: string; readonly result: InterventionEffectResult }>;
  /** Chart ids drawn by the other sections: "trend|indicator|group", "funnel|indicator|group", "spc|indicator|group|unit", "effect|intervention". */
  readonly charts: ReadonlyMap<string, string>;
  readonly unitName: (level: OverviewRow["level"], unit: string) => string;
  readonly firstPhaseLabel: string;
  readonly period: string;
}

const OVERVIEW_ID = "overview";

function hrefOf(ref: ChartRef, charts: ReadonlyMap<string, string>): string {
  switch (ref.kind) {
    case "spc":
      return charts.get(`spc|${ref.indicator}|${ref.group}|${ref.unit}`) ?? charts.get(`trend|${ref.indicator}|${ref.group}`) ?? OVERVIEW_ID;
    case "funnel":
      return charts.get(`funnel|${ref.indicator}|${ref.group}`) ?? charts.get(`trend|${ref.indicator}|${ref.group}`) ?? OVERVIEW_ID;
    case "effect":
      return charts.get(`effect|${ref.intervention}`) ?? OVERVIEW_ID;
    default:
      return OVERVIEW_ID;
  }
}

/** Numbers at 6 significant digits (the key-messages table: no long digit runs). */
function rounded(value: unknown): unknown {
  if (typeof value === "number") return Number.isFinite(value) ? Number(value.toPrecision(6)) : value;
  if (Array.isArray(value)) return value.map(rounded);
  if (value !== null && typeof value === "object") return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, rounded(v)]));
  return value;
}

export function overviewSection(data: ReportData, options: OverviewSectionOptions): ReportSection {
  const lang = options.lang;
  const t = (k: OverviewTextKey, p?: Record<string, string | number>) => text(lang, k, p);
  const overview = overviewTable(data.indicators, {
    measures: focusMeasures(options.focus),
    levels: ["region", "cluster", "municipality"],
    interventions: data.interventions,
    firstPhaseLabel: options.firstPhaseLabel,
  });
  const ivName = new Map(data.interventions.map((iv) => [iv.id, iv.name]));
  // Signals of the region and the clusters; funnel outliers among clusters and among municipalities (the report's funnel plots).
  const shownFindings = keyFindings(overview.rows, { levels: ["region", "cluster"], funnelLevels: ["cluster", "municipality"], effects: [...options.effects.values()] });
  const messages = keyMessages(shownFindings, { lang, unitName: options.unitName, interventionName: (id) => ivName.get(id) ?? id });
  const messagesItem: ReportMessagesItem = {
    kind: "messages",
    id: "key-messages",
    title: t("ov.t.keyMessages"),
    messages: messages.map((m) => ({ text: m.text, code: m.code, hrefs: [...new Set(m.charts.map((c) => hrefOf(c, options.charts)))] })),
    csv: messages.map((m, i) => {
      const numbers = m.findings.map(({ charts: _charts, ...rest }) => rounded(rest));
      return { n: i + 1, code: m.code, text: m.text, charts: [...new Set(m.charts.map((c) => hrefOf(c, options.charts)))].join(" "), numbers: JSON.stringify(numbers.length === 1 ? numbers[0] : numbers) };
    }),
  };

  const gridRows = overview.rows.filter((r) => r.level !== "municipality");
  const tableRows = options.municipalities ? overview.rows : gridRows;
  const chart = overviewChart(gridRows, { lang, id: OVERVIEW_ID, unitName: (level, unit) => (level === "region" ? t("ov.regionShort") : options.unitName(level, unit)), period: options.period, suppressionMin: options.minCount });
  const variationText = (r: OverviewRow) =>
    r.variation !== null ? `${VARIATION_SYMBOLS[r.variation].glyph} ${t(`ov.s.${r.variation}`)}` : r.variationGap !== null ? `${VARIATION_GAP_SYMBOL[r.variationGap]} ${t(`ov.s.${r.variationGap}`)}` : "";
  const assuranceText = (r: OverviewRow) =>
    r.assurance === null ? "" : `${ASSURANCE_SYMBOLS[r.assurance].glyph} ${t(`ov.s.${r.assurance}`)}${r.target === null ? "" : ` (${formatMeasureNumber(r.target, r.kind, r.multiplier, lang)})`}`;
  const funnelText = (r: OverviewRow) => (r.funnel === null ? "" : `${FUNNEL_SYMBOLS[r.funnel]} ${t(`ov.s.${r.funnel}`)}`);
  const interventionsText = (r: OverviewRow) => r.interventions.map((i) => t("ov.ph.entry", { name: i.name, phase: t(`ov.ph.${i.phase}`), start: i.start.slice(0, 7) })).join("; ");
  let previous = "";
  const rows = tableRows.map((r) => {
    const measure = measureLabel(r.indicator, r.group, r.kind, r.multiplier, lang);
    const first = measure !== previous;
    previous = measure;
    return {
      measure: first ? measure : "",
      unit: options.unitName(r.level, r.unit),
      period: r.period,
      value: r.value,
      lower: r.lower,
      upper: r.upper,
      change: r.change,
      variation: variationText(r),
      assurance: assuranceText(r),
      funnel: funnelText(r),
      interventions: interventionsText(r),
      ...(r.suppressed ? { suppressedCells: ["value", "lower", "upper", "change"] } : {}),
      ...(r.kind === "amount" ? { format: "int" } : {}),
    };
  });
  const baseline = overview.rows.find((r) => r.baselinePeriod !== null)?.baselinePeriod ?? "";
  const columns: ReportTableColumn[] = [
    { key: "measure", label: t("ov.c.measure"), format: "text" },
    { key: "unit", label: t("ov.c.unit"), format: "text" },
    { key: "period", label: t("ov.c.period"), format: "text" },
    { key: "value", label: t("ov.c.value"), format: "dec1" },
    { key: "lower", label: `${t("ov.c.interval")} −`, format: "dec1" },
    { key: "upper", label: `${t("ov.c.interval")} +`, format: "dec1" },
    { key: "change", label: t("ov.c.change", { baseline }), format: "dec1" },
    { key: "variation", label: t("ov.c.variation"), format: "text" },
    { key: "assurance", label: t("ov.c.assurance"), format: "text" },
    { key: "funnel", label: t("ov.c.funnel"), format: "text" },
    { key: "interventions", label: t("ov.c.interventions"), format: "text" },
  ];
  const chartItem: ReportChartItem = {
    kind: "chart",
    id: OVERVIEW_ID,
    chart,
    main: true,
    table: { columns, rows },
    csv: tableRows.map((r) => ({
      indicator: r.indicator,
      group: r.group,
      level: r.level,
      unit: r.unit,
      period: r.period,
      value: r.value,
      lower: r.lower,
      upper: r.upper,
      suppressed: r.suppressed,
      baselinePeriod: r.baselinePeriod,
      baselineValue: r.baselineValue,
      change: r.change,
      relativeChange: r.relativeChange,
      variation: r.variation ?? r.variationGap,
      variationPeriod: r.variationPeriod,
      variationValue: r.variationValue,
      variationRules: r.variationRules.join("; "),
      spcChart: r.spcChart,
      target: r.target,
      targetSource: r.targetSource === null ? null : r.targetSource.kind === "user" ? "user" : `${r.targetSource.intervention}/${r.targetSource.target}`,
      assurance: r.assurance,
      processLower: r.processLower,
      processUpper: r.processUpper,
      funnel: r.funnel,
      funnelPeriod: r.funnelPeriod,
      interventions: r.interventions.map((i) => `${i.id}:${i.phase}:${i.start}`).join("; "),
    })),
    notes: [t("ov.t.method"), ...(overview.missing.length > 0 ? [t("ov.t.missing", { measures: overview.missing.map((m) => measureName(m.indicator, m.group, lang)).join(", ") })] : [])],
  };
  return { id: "sec-overview", dimension: "overview", title: t("ov.t.focus", { focus: t(`ov.f.${options.focus}`) }), intro: [], items: [messagesItem, chartItem] };
}
