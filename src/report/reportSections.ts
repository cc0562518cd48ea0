/**
 * The report's content as data: sections by Triple Aim dimension and focus area, each chart with
 * its key table and the data behind it. Pure: takes the computed indicator tables (see
 * prepareReportData) and returns sections; the HTML and the files are written by buildReport.
 * Notebooks can call it to reuse single sections or charts.
 *
 * Order (the steering paper's table of contents):
 * population health (admissions, 30-day readmissions, preventable admissions 65+) → focus areas
 * (0–2 with the registration-practice difference; 65+ fractures, lower respiratory infections,
 * unspecific diagnoses; who/from where/when) → experience → cost per citizen → comparison across
 * clusters (funnel plots, caterpillar, SPC with phases at intervention starts) → each
 * intervention's spread analysis (spread matrix, effect, Triple Aim status) → definitions,
 * suppression note, load report.
 */
import { agePyramidChart, caterpillarChart, effectChart, funnelChart, heatmapChart, referralChart, registrationChart, spcChart, spreadMatrixChart, spreadMatrixRows, trendsChart, tripleAimChart, type CaterpillarRow, type EffectChartRow, type RegistrationRow, type TripleAimRow } from "../charts/index.js";
import { formatChartNumber, weekdayName } from "../charts/locale.js";
import { type EffectEventRow } from "../charts/effectChart.js";
import { funnelPlotData } from "../compare/index.js";
import type { Dataset } from "../contract/dataset.js";
import type { Note } from "../contract/note.js";
import { makePeriod, nextPeriod, parsePeriod, periodFirstMonth, periodKindOf, periodLabel, periodOf, type PeriodKind } from "../contract/period.js";
import { type IndicatorRow } from "../indicators/index.js";
import { indicatorMessages } from "../indicators/messages.js";
import { indicatorDescriptor } from "../indicators/descriptor.js";
import { minCountOf } from "../indicators/indicatorOptions.js";
import type { RegistrationByHospitalRow } from "../indicators/registrationByHospital.js";
import { interventionEffect, spreadFindingText, spreadMatrix, tripleAimStatus, type Intervention, type InterventionEffectResult, type InterventionEffectRow } from "../spread/index.js";
import { FOCUS_AREAS, type FocusArea } from "../overview/focusAreas.js";
import { measureInfo } from "../overview/measureInfo.js";
import { interventionPhases, unitSpcChart } from "../overview/unitSpcChart.js";
import type { ReportQuestionTables } from "./reportQuestionTables.js";
import { areaSection, REPORT_AREAS } from "./areaSections.js";
import { cannotAnswerTexts } from "./cannotAnswer.js";
import { adopterName, programmeSection, spreadAnalysisItems, spreadIntro, spreadRecordItems } from "./spreadSections.js";
import { isReportTextKey, noteText, reportText, text, type ReportLang, type ReportTextKey } from "../text/catalogue.js";
import type { ReportCellFormat, ReportTable, ReportTableColumn } from "./reportTable.js";
import type { ReportChartItem, ReportItem, ReportSection, ReportTableItem } from "./reportTypes.js";
import { overviewSection } from "./overviewSection.js";

/** The computed inputs of the report (see prepareReportData). */
export interface ReportData {
  readonly dataset: Dataset;
  /** computeIndicators rows: periods year and month, levels region/cluster/municipality, sex "all". */
  readonly indicators: readonly IndicatorRow[];
  /** admission_rate of 0–2-year-olds under the "as-registered" rule, cluster level, yearly. */
  readonly registered: readonly IndicatorRow[];
  /** The question tables of `questionYear`, or null. */
  readonly questions: ReportQuestionTables | null;
  /** The question tables' rows (region, sexes all/F/M, groups 65+ and 0-2), for the focus-area sections. */
  readonly questionRows?: readonly IndicatorRow[];
  /** Registration practice of the 0–2-year-olds by registering hospital (registrationByHospital). */
  readonly practice?: readonly RegistrationByHospitalRow[];
  readonly interventions: readonly Intervention[];
  /** Latest complete year of the data. */
  readonly lastYear: number;
  readonly firstYear: number;
}

export interface ReportSectionOptions {
  readonly lang?: ReportLang;
  /** Suppression threshold used for the indicators (for the notes); default 5. */
  readonly minCount?: number;
  /** Collects a warning for each chart or section left out because it could not be built. */
  readonly warn?: (message: string) => void;
  /** Called as each part is built (for progress output). */
  readonly onSection?: (id: string) => void;
  /**
   * The steering group's agenda (`klynge report --focus 65+`): the first page's measures and the
   * sections shown (default "all": every section). The definitions, suppression and load sections
   * are always shown.
   */
  readonly focus?: FocusArea;
  /** List the municipalities in the first page's overview table too (default false). */
  readonly municipalities?: boolean;
}

interface Ctx {
  readonly data: ReportData;
  readonly lang: ReportLang;
  readonly minCount: number;
  readonly t: (key: ReportTextKey, params?: Readonly<Record<string, string | number>>) => string;
  readonly period: string;
  readonly regionName: string;
  readonly muniName: ReadonlyMap<string, string>;
  readonly warn: (message: string) => void;
  /** Chart ids drawn, for the first page's links: "trend|indicator|group", "funnel|indicator|group", "spc|indicator|group|unit", "effect|intervention". */
  readonly charts: Map<string, string>;
  /** Effect estimates computed by the intervention sections (the first page reuses them). */
  readonly effects: Map<string, { readonly name: string; readonly result: InterventionEffectResult }>;
}

const YEAR: PeriodKind = "year";
const MONTH: PeriodKind = "month";
const HALF: PeriodKind = "half";

function measureFormat(indicator: string): ReportCellFormat {
  return indicator.startsWith("cost_per_citizen") ? "int" : "dec1";
}

function measureKey(indicator: string): ReportTextKey {
  const base = indicator.split(":")[0];
  const key = `m.${base}`;
  return isReportTextKey(key) ? key : "col.value";
}

function unitKey(indicator: string): ReportTextKey {
  const key = `u.${indicator.split(":")[0]}`;
  return isReportTextKey(key) ? key : "col.value";
}

function groupText(ctx: Ctx, group: string): string {
  const key = `g.${group}`;
  return isReportTextKey(key) ? ctx.t(key) : group;
}

function unitLabel(ctx: Ctx, r: Pick<IndicatorRow, "level" | "unit">): string {
  if (r.level === "region") return ctx.t("val.region");
  if (r.level === "municipality") {
    // a pooled unit "751+741" is named by its municipalities: "Aarhus og Samsø"
    const names = r.unit.split("+").map((code) => ctx.muniName.get(code) ?? code);
    return names.length === 1 ? names[0] : `${names.slice(0, -1).join(", ")} ${ctx.t("val.and")} ${names[names.length - 1]}`;
  }
  return r.unit;
}

function select(ctx: Ctx, indicator: string, group: string, levels: readonly IndicatorRow["level"][], kind: PeriodKind): IndicatorRow[] {
  return ctx.data.indicators.filter((r) => r.indicator === indicator && r.group === group && r.sex === "all" && levels.includes(r.level) && periodKindOf(r.period) === kind);
}

function clustersOf(rows: readonly IndicatorRow[]): string[] {
  return [...new Set(rows.filter((r) => r.level === "cluster").map((r) => r.unit))].sort((a, b) => a.localeCompare(b, "da"));
}

/** "2016-H1" → "2016-01", "2016-H2" → "2016-07": half-years on the chart's time axis. */
function halfYearAsMonth(period: string): string {
  const p = parsePeriod(period);
  return p?.kind === "half" ? periodLabel(makePeriod("month", p.year, periodFirstMonth(p))) : period;
}

/** Runs a builder; a failure becomes a warning and no item. */
function attempt<T>(ctx: Ctx, id: string, build: () => T | null): T | null {
  try {
    return build();
  } catch (err) {
    ctx.warn(ctx.t("warn.chart", { id, message: err instanceof Error ? err.message : String(err) }));
    return null;
  }
}

/** Wide key table: one row per unit (region first), one column per period (the last `maxPeriods`). */
function wideTable(ctx: Ctx, rows: readonly IndicatorRow[], format: ReportCellFormat, maxPeriods = 8): ReportTable {
  const periods = [...new Set(rows.map((r) => r.period))].sort().slice(-maxPeriods);
  const units = [...rows.filter((r) => r.level === "region"), ...rows.filter((r) => r.level !== "region")];
  const order: string[] = [];
  const byUnit = new Map<string, Record<string, unknown> & { suppressedCells: string[] }>();
  for (const r of units) {
    const name = unitLabel(ctx, r);
    let row = byUnit.get(name);
    if (!row) {
      row = { unit: name, suppressedCells: [] };
      byUnit.set(name, row);
      order.push(name);
    }
    if (!periods.includes(r.period)) continue;
    row[r.period] = r.suppressed ? null : r.value;
    if (r.suppressed) row.suppressedCells.push(r.period);
  }
  const columns: ReportTableColumn[] = [{ key: "unit", label: ctx.t("col.unit"), format: "text" }, ...periods.map((p) => ({ key: p, label: p, format }))];
  return { columns, rows: order.map((u) => byUnit.get(u)!) };
}

function trendItem(ctx: Ctx, id: string, indicator: string, group: string, main: boolean): ReportChartItem | null {
  return attempt(ctx, id, (): ReportChartItem | null => {
    const halfYearly = indicator.startsWith("experience_positive");
    const rows = select(ctx, indicator, group, ["region", "cluster"], halfYearly ? HALF : YEAR);
    if (rows.length === 0) return null;
    const chartRows = halfYearly ? rows.map((r) => ({ ...r, period: halfYearAsMonth(r.period) })) : rows;
    const measure = ctx.t(measureKey(indicator));
    // The period of what is drawn: readmissions end a year early (the last year's discharges lack
    // 30 days of follow-up), and the footnote says so.
    const years = rows.map((r) => periodOf(r.period).year);
    const drawnLast = Math.max(...years);
    const period = halfYearly ? ctx.period : `${Math.min(...years)}–${drawnLast}`;
    const notes = indicator === "readmission_30d" && drawnLast < ctx.data.lastYear ? [ctx.t("note.readmissionLastYear", { year: ctx.data.lastYear })] : [];
    const chart = trendsChart(chartRows, {
      lang: ctx.lang,
      id,
      indicator,
      group,
      title: ctx.t("t.trend", { measure, group: groupText(ctx, group) }),
      subtitle: ctx.t(halfYearly ? "t.trendSubHalf" : "t.trendSub"),
      valueTitle: ctx.t(unitKey(indicator)),
      valueFormat: measureFormat(indicator) === "int" ? ",.0f" : ",.1f",
      period,
      notes,
      suppressionMin: ctx.minCount,
    });
    ctx.charts.set(`trend|${indicator}|${group}`, id);
    return { kind: "chart", id, chart, table: wideTable(ctx, rows, measureFormat(indicator)), csv: chart.data, main };
  });
}

function registrationItem(ctx: Ctx): ReportChartItem | null {
  const id = "registration-0-2";
  return attempt(ctx, id, (): ReportChartItem | null => {
    const year = String(ctx.data.lastYear);
    const harmonised = select(ctx, "admission_rate", "0-2", ["cluster"], YEAR).filter((r) => r.period === year);
    const registered = ctx.data.registered.filter((r) => r.level === "cluster" && r.group === "0-2" && r.sex === "all" && r.period === year);
    if (harmonised.length === 0 || registered.length === 0) return null;
    const rows: RegistrationRow[] = [];
    const table: Record<string, unknown>[] = [];
    for (const h of [...harmonised].sort((a, b) => a.unit.localeCompare(b.unit, "da"))) {
      const g = registered.find((r) => r.unit === h.unit);
      const hv = h.suppressed ? null : h.value;
      const gv = g === undefined || g.suppressed ? null : g.value;
      rows.push({ cluster: h.unit, basis: "harmonised", value: hv, lower: h.suppressed ? null : h.lower, upper: h.suppressed ? null : h.upper, suppressed: h.suppressed });
      rows.push({ cluster: h.unit, basis: "registered", value: gv, lower: gv === null ? null : (g?.lower ?? null), upper: gv === null ? null : (g?.upper ?? null), suppressed: gv === null });
      const cells: string[] = [];
      if (hv === null) cells.push("harmonised", "difference");
      if (gv === null) cells.push("registered", "difference");
      table.push({ cluster: h.unit, harmonised: hv, registered: gv, difference: hv !== null && gv !== null ? gv - hv : null, suppressedCells: cells });
    }
    const chart = registrationChart(rows, {
      lang: ctx.lang,
      id,
      title: ctx.t("t.registration", { year }),
      subtitle: ctx.t("t.registrationSub"),
      valueTitle: ctx.t("m.admission_rate"),
      valueFormat: ",.0f",
      period: year,
      suppressionMin: ctx.minCount,
    });
    return {
      kind: "chart",
      id,
      chart,
      main: true,
      csv: chart.data,
      table: {
        columns: [
          { key: "cluster", label: ctx.t("col.cluster"), format: "text" },
          { key: "harmonised", label: ctx.t("col.harmonised"), format: "dec1" },
          { key: "registered", label: ctx.t("col.registered"), format: "dec1" },
          { key: "difference", label: ctx.t("col.difference"), format: "dec1" },
        ],
        rows: table,
      },
    };
  });
}

function questionItems(ctx: Ctx): ReportChartItem[] {
  const q = ctx.data.questions;
  if (q === null) return [];
  const year = String(ctx.data.lastYear);
  const common = { lang: ctx.lang, period: year, suppressionMin: ctx.minCount };
  const items: (ReportChartItem | null)[] = [
    attempt(ctx, "heatmap-65", (): ReportChartItem | null => {
      const chart = heatmapChart(q.heatmap, { ...common, id: "heatmap-65", title: ctx.t("t.heatmap", { year }) });
      const hours = Array.from({ length: 24 }, (_, h) => h);
      const rows = [0, 1, 2, 3, 4, 5, 6].map((w) => {
        const row: Record<string, unknown> = { weekday: weekdayName(w, ctx.lang) };
        const cells: string[] = [];
        for (const h of hours) {
          const c = q.heatmap.find((r) => r.weekday === w && r.hour === h);
          row[`h${h}`] = c?.suppressed ? null : (c?.count ?? null);
          if (c?.suppressed) cells.push(`h${h}`);
        }
        row.suppressedCells = cells;
        return row;
      });
      const columns: ReportTableColumn[] = [{ key: "weekday", label: ctx.t("col.weekday"), format: "text" }, ...hours.map((h) => ({ key: `h${h}`, label: String(h), format: "int" as const }))];
      return { kind: "chart", id: "heatmap-65", chart, main: true, csv: chart.data, table: { columns, rows } };
    }),
    attempt(ctx, "referral-65", (): ReportChartItem | null => {
      const chart = referralChart(q.referral, { ...common, id: "referral-65", title: ctx.t("t.referral", { year }) });
      return {
        kind: "chart",
        id: "referral-65",
        chart,
        main: true,
        csv: chart.data,
        table: {
          columns: [
            { key: "source", label: ctx.t("col.source"), format: "text" },
            { key: "count", label: ctx.t("col.count"), format: "int" },
          ],
          rows: [...q.referral].sort((a, b) => (b.count ?? -1) - (a.count ?? -1)).map((r) => ({ ...r })),
        },
      };
    }),
    attempt(ctx, "age-sex-65", (): ReportChartItem | null => {
      const chart = agePyramidChart(q.ageSex, { ...common, id: "age-sex-65", title: ctx.t("t.agePyramid", { year }), ageBands: q.ageBands });
      const rows = q.ageBands.map((band) => {
        const f = q.ageSex.find((r) => r.ageBand === band && r.sex === "F");
        const m = q.ageSex.find((r) => r.ageBand === band && r.sex === "M");
        const cells = [...(f?.suppressed ? ["women"] : []), ...(m?.suppressed ? ["men"] : [])];
        return { ageBand: band, women: f?.count ?? null, men: m?.count ?? null, suppressedCells: cells };
      });
      return {
        kind: "chart",
        id: "age-sex-65",
        chart,
        main: true,
        csv: chart.data,
        table: {
          columns: [
            { key: "ageBand", label: ctx.t("col.ageBand"), format: "text" },
            { key: "women", label: ctx.t("col.women"), format: "int" },
            { key: "men", label: ctx.t("col.men"), format: "int" },
          ],
          rows,
        },
      };
    }),
  ];
  return items.filter((x): x is ReportChartItem => x !== null);
}

/** The latest year with rows of the indicator at the level (readmissions lack the last year when its follow-up is incomplete). */
function latestYear(ctx: Ctx, indicator: string, group: string, level: IndicatorRow["level"]): string | null {
  const years = select(ctx, indicator, group, [level], YEAR).map((r) => r.period);
  return years.length === 0 ? null : years.reduce((a, b) => (a > b ? a : b));
}

function funnelItem(ctx: Ctx, id: string, indicator: string, group: string): ReportChartItem | null {
  return attempt(ctx, id, (): ReportChartItem | null => {
    const year = latestYear(ctx, indicator, group, "municipality");
    if (year === null) return null;
    const rows = select(ctx, indicator, group, ["municipality"], YEAR).filter((r) => r.period === year);
    const usable = rows.filter((r) => !r.suppressed && r.numerator !== null && r.denominator !== null && r.denominator > 0);
    const excluded = rows.filter((r) => !usable.includes(r)).map((r) => unitLabel(ctx, r));
    if (usable.length < 2) return null;
    // The indicator's kind and scale from its descriptor; the funnel draws proportions as shares (its own scale).
    const described = indicatorDescriptor(indicator);
    const type = described.kind === "proportion" ? "proportion" : "rate";
    const multiplier = type === "proportion" ? 1 : described.multiplier;
    const result = funnelPlotData(
      usable.map((r) => ({ unit: unitLabel(ctx, r), numerator: r.numerator as number, denominator: r.denominator as number })),
      { type, multiplier, overdispersion: true },
    );
    const measure = ctx.t(measureKey(indicator));
    // small numbers and cells hidden to protect one are named apart (never which protects which)
    const complement = indicatorMessages.suppressedComplement();
    const hiddenFor = (protecting: boolean) => rows.filter((r) => !usable.includes(r) && r.suppressed && (r.note === complement) === protecting).map((r) => unitLabel(ctx, r));
    const small = hiddenFor(false);
    const protecting = hiddenFor(true);
    const other = rows.filter((r) => !usable.includes(r) && !r.suppressed).map((r) => unitLabel(ctx, r));
    const notes = [
      ...(small.length > 0 ? [ctx.t("note.funnelSmall", { units: small.join(", ") })] : []),
      ...(protecting.length > 0 ? [ctx.t("note.funnelComplement", { units: protecting.join(", ") })] : []),
      ...(other.length > 0 ? [ctx.t("note.funnelExcluded", { units: other.join(", ") })] : []),
    ];
    const chart = funnelChart(result, {
      lang: ctx.lang,
      id,
      title: ctx.t("t.funnel", { measure, group: groupText(ctx, group), year }),
      period: year,
      valueFormat: type === "proportion" ? ".1%" : ",.1f",
      denominatorTitle: ctx.t(indicator === "readmission_30d" ? "t.funnelIndexAdmissions" : "t.funnelCitizens"),
      suppressionMin: ctx.minCount,
      notes,
    });
    const classOf = (u: (typeof result.units)[number], level: number) => {
      const c = u.classes.find((x) => Math.abs(x.level - level) < 1e-9)?.class ?? "not_significant";
      return ctx.t(c === "high" ? "val.high" : c === "low" ? "val.low" : "val.not_significant");
    };
    const tableRows: Record<string, unknown>[] = result.units.map((u) => ({
      unit: u.unit,
      numerator: u.numerator,
      denominator: u.denominator,
      value: u.value,
      class95: classOf(u, 0.95),
      class998: classOf(u, 0.998),
    }));
    tableRows.sort((a, b) => String(a.unit).localeCompare(String(b.unit), "da"));
    ctx.charts.set(`funnel|${indicator}|${group}`, id);
    for (const name of excluded) tableRows.push({ unit: name, numerator: null, denominator: null, value: null, class95: "–", class998: "–", suppressed: true });
    return {
      kind: "chart",
      id,
      chart,
      main: true,
      csv: chart.data,
      notes,
      table: {
        columns: [
          { key: "unit", label: ctx.t("col.municipality"), format: "text" },
          { key: "numerator", label: ctx.t("col.numerator"), format: "int" },
          { key: "denominator", label: ctx.t("col.denominator"), format: "int" },
          { key: "value", label: ctx.t("col.value"), format: type === "proportion" ? "pct1" : "dec1" },
          { key: "class95", label: ctx.t("col.class95"), format: "text" },
          { key: "class998", label: ctx.t("col.class998"), format: "text" },
        ],
        rows: tableRows,
      },
    };
  });
}

function caterpillarItem(ctx: Ctx, id: string, indicator: string, group: string): ReportChartItem | null {
  return attempt(ctx, id, (): ReportChartItem | null => {
    const year = latestYear(ctx, indicator, group, "cluster");
    if (year === null) return null;
    const rows = select(ctx, indicator, group, ["region", "cluster"], YEAR).filter((r) => r.period === year);
    const region = rows.find((r) => r.level === "region");
    if (!region || region.value === null) return null;
    const data: CaterpillarRow[] = rows
      .filter((r) => r.level === "cluster")
      .map((r) => ({ unit: r.unit, value: r.suppressed ? null : r.value, lower: r.suppressed ? null : r.lower, upper: r.suppressed ? null : r.upper, reference: region.value as number, suppressed: r.suppressed }));
    const measure = ctx.t(measureKey(indicator));
    const chart = caterpillarChart(data, { lang: ctx.lang, id, title: ctx.t("t.caterpillar", { measure, group: groupText(ctx, group), year }), valueTitle: measure, period: year, suppressionMin: ctx.minCount });
    return {
      kind: "chart",
      id,
      chart,
      main: true,
      csv: chart.data,
      table: {
        columns: [
          { key: "unit", label: ctx.t("col.cluster"), format: "text" },
          { key: "value", label: ctx.t("col.value"), format: "dec1" },
          { key: "lower", label: ctx.t("col.lower"), format: "dec1" },
          { key: "upper", label: ctx.t("col.upper"), format: "dec1" },
          { key: "reference", label: ctx.t("col.reference"), format: "dec1" },
        ],
        rows: data.map((r) => ({ ...r })),
      },
    };
  });
}

/** Fewest months with a (not suppressed) value for an SPC chart to be drawn (Anhøj rules need ≥ 12 useful points). */
const SPC_MIN_USEFUL = 12;

/**
 * Monthly SPC charts of readmissions 65+ per cluster: the chart of the overview layer
 * (unitSpcChart — the very chart whose latest point gives the first page's variation signal),
 * with a phase at each intervention start in the cluster.
 */
function spcItems(ctx: Ctx, skipped: string[]): ReportChartItem[] {
  const indicator = "readmission_30d";
  const group = "65+";
  const rows = select(ctx, indicator, group, ["cluster"], MONTH);
  const info = measureInfo(indicator, rows);
  const out: ReportChartItem[] = [];
  for (const cluster of clustersOf(rows)) {
    const id = `spc-readmission-65-${slug(cluster)}`;
    const item = attempt(ctx, id, (): ReportChartItem | null => {
      const series = rows.filter((r) => r.unit === cluster).sort((a, b) => a.period.localeCompare(b.period));
      const first = series[0].period;
      const last = series[series.length - 1].period;
      const phases = interventionPhases(ctx.data.interventions, "cluster", cluster, first, last);
      const drawn = unitSpcChart(series, info, { phases, firstPhaseLabel: ctx.t("t.phaseBefore"), minUseful: SPC_MIN_USEFUL });
      if (drawn === null) {
        skipped.push(cluster);
        return null;
      }
      const result = drawn.result;
      const chart = spcChart(result, {
        lang: ctx.lang,
        id,
        title: ctx.t("t.spc", { cluster }),
        subtitle: ctx.t("t.spcSub"),
        valueTitle: ctx.t("m.readmission_30d"),
        valueFormat: ",.1f",
        period: `${first} – ${last}`,
        suppressionMin: ctx.minCount,
      });
      const table: ReportTable = {
        columns: [
          { key: "phase", label: ctx.t("col.phase"), format: "text" },
          { key: "firstPeriod", label: ctx.t("col.start"), format: "text" },
          { key: "lastPeriod", label: ctx.t("col.period"), format: "text" },
          { key: "centre", label: ctx.t("col.centre"), format: "dec1" },
          { key: "signals", label: ctx.t("col.signal"), format: "int" },
        ],
        rows: result.phases.map((p) => ({ phase: p.phase, firstPeriod: p.firstPeriod, lastPeriod: p.lastPeriod, centre: p.centre, signals: p.signals })),
      };
      ctx.charts.set(`spc|${indicator}|${group}|${cluster}`, id);
      return { kind: "chart", id, chart, main: phases.length > 0, csv: chart.data, table, notes: drawn.warnings.map((n) => noteText(n, ctx.lang)) };
    });
    if (item) out.push(item);
  }
  return out;
}

/** A file-name-safe id part: lower case ASCII letters, digits and "-". */
export function slug(text: string): string {
  return text
    .toLowerCase()
    .replace(/æ/g, "ae")
    .replace(/ø/g, "oe")
    .replace(/å/g, "aa")
    .normalize("NFKD")
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "");
}

/** Yearly sums of a half-yearly proportion (experience) per unit; suppressed when any half is. */
function yearlyFromHalves(rows: readonly IndicatorRow[]): Map<string, Map<string, { value: number | null; suppressed: boolean }>> {
  const acc = new Map<string, Map<string, { num: number; den: number; suppressed: boolean }>>();
  for (const r of rows) {
    const year = String(periodOf(r.period).year);
    const unit = r.level === "region" ? "\u0000region" : r.unit;
    const byYear = acc.get(unit) ?? new Map();
    acc.set(unit, byYear);
    const cur = byYear.get(year) ?? { num: 0, den: 0, suppressed: false };
    if (r.suppressed || r.numerator === null || r.denominator === null) cur.suppressed = true;
    else {
      cur.num += r.numerator;
      cur.den += r.denominator;
    }
    byYear.set(year, cur);
  }
  const out = new Map<string, Map<string, { value: number | null; suppressed: boolean }>>();
  for (const [unit, byYear] of acc) {
    const m = new Map<string, { value: number | null; suppressed: boolean }>();
    for (const [year, c] of byYear) m.set(year, { value: c.suppressed || c.den === 0 ? null : (100 * c.num) / c.den, suppressed: c.suppressed });
    out.set(unit, m);
  }
  return out;
}

function tripleAimItem(ctx: Ctx, iv: Intervention, idBase: string): ReportChartItem | null {
  const id = `triple-aim-${idBase}`;
  return attempt(ctx, id, (): ReportChartItem | null => {
    const adopting = [...new Set(iv.adoptions.filter((a) => a.municipality === undefined && a.hospital === undefined).map((a) => a.cluster))];
    if (adopting.length === 0) return null;
    const health = iv.targets.find((t) => t.dimension === "population_health") ?? { indicator: "readmission_30d", group: "65+" };
    const costTarget = iv.targets.find((t) => t.dimension === "cost");
    const costGroup = costTarget?.group ?? "65+";
    const healthIndicator = ctx.data.indicators.some((r) => r.indicator === health.indicator) ? health.indicator : "readmission_30d";
    const series = (r: IndicatorRow) => (r.level === "region" ? ctx.t("val.region") : r.unit);
    const keep = (r: IndicatorRow) => r.level === "region" || adopting.includes(r.unit);
    const out: TripleAimRow[] = [];
    for (const r of select(ctx, healthIndicator, health.group, ["region", "cluster"], YEAR).filter(keep))
      out.push({ dimension: "health", measure: ctx.t(measureKey(healthIndicator)), period: r.period, value: r.suppressed ? null : r.value, lower: r.suppressed ? null : r.lower, upper: r.suppressed ? null : r.upper, suppressed: r.suppressed, series: series(r) });
    const exp = select(ctx, "experience_positive:patient_overall_satisfaction", "all", ["region", "cluster"], HALF).filter(keep);
    for (const [unit, byYear] of yearlyFromHalves(exp))
      for (const [year, v] of byYear)
        out.push({ dimension: "experience", measure: ctx.t("m.experience_positive"), period: year, value: v.value, suppressed: v.suppressed, series: unit === "\u0000region" ? ctx.t("val.region") : unit });
    for (const r of select(ctx, "cost_per_citizen", costGroup, ["region", "cluster"], YEAR).filter(keep))
      out.push({ dimension: "cost", measure: `${ctx.t("m.cost_per_citizen")} (${groupText(ctx, costGroup)})`, period: r.period, value: r.suppressed ? null : r.value, suppressed: r.suppressed, series: series(r) });
    if (out.length === 0) return null;
    const regionLabel = ctx.t("val.region");
    const dimOrder = ["health", "experience", "cost"];
    const seriesRank = (x: string | undefined) => (x === regionLabel ? "\uffff" : (x ?? ""));
    out.sort((a, b) => dimOrder.indexOf(a.dimension) - dimOrder.indexOf(b.dimension) || seriesRank(a.series).localeCompare(seriesRank(b.series), "da") || a.period.localeCompare(b.period));
    const chart = tripleAimChart(out, { lang: ctx.lang, id, title: ctx.t("t.tripleAim", { name: iv.name }), subject: adopting.join(", "), period: ctx.period, suppressionMin: ctx.minCount });
    const periods = [...new Set(out.map((r) => r.period))].sort().slice(-4);
    const wide = new Map<string, Record<string, unknown> & { suppressedCells: string[] }>();
    for (const r of out) {
      const key = `${r.dimension}|${r.series}`;
      let row = wide.get(key);
      if (!row) {
        row = { dimension: ctx.t(`val.${r.dimension}` as ReportTextKey), measure: r.measure, series: r.series, suppressedCells: [], ...(r.dimension === "cost" ? { format: "int" } : {}) };
        wide.set(key, row);
      }
      if (!periods.includes(r.period)) continue;
      row[r.period] = r.value;
      if (r.suppressed) row.suppressedCells.push(r.period);
    }
    const table: ReportTable = {
      columns: [
        { key: "dimension", label: ctx.t("col.dimension"), format: "text" },
        { key: "measure", label: ctx.t("col.measure"), format: "text" },
        { key: "series", label: ctx.t("col.series"), format: "text" },
        ...periods.map((p) => ({ key: p, label: p, format: "dec1" as const })),
      ],
      rows: [...wide.values()],
    };
    return { kind: "chart", id, chart, main: true, csv: chart.data, table };
  });
}

/** The unit column of an effect row: "alle klynger", "Midt (indført)", "Horsens (placebo: ingen indsats)". */
function effectUnitLabel(ctx: Ctx, r: InterventionEffectRow): string {
  if (r.method === "staggered_did") return ctx.t("val.all");
  return `${r.unit} (${ctx.t(r.placebo ? "val.placebo" : (`val.${r.role}` as ReportTextKey))})`;
}

/**
 * What the effect intervals assume, the parallel-trends breakdown value and the placebo warnings,
 * as sentences of the catalogue (a placebo warning also goes to the report's warning box).
 */
function effectSectionNotes(ctx: Ctx, rows: readonly InterventionEffectRow[]): string[] {
  const out: string[] = [];
  const codes = [...new Set(rows.map((r) => r.assumption?.code).filter((c): c is NonNullable<typeof c> => c !== undefined))];
  for (const code of codes) out.push(ctx.t(`t.assume.${code}` as ReportTextKey));
  const did = rows.find((r) => r.method === "staggered_did" && r.breakdown !== null);
  if (did && did.breakdown !== null) {
    out.push(
      did.breakdown === 0
        ? ctx.t("t.breakdownZero")
        : Number.isFinite(did.breakdown)
          ? ctx.t("t.breakdown", { m: formatChartNumber(did.breakdown, ctx.lang, did.breakdown < 1 ? 2 : 1) })
          : ctx.t("t.breakdownInfinite"),
    );
  }
  for (const r of rows.filter((x) => x.warning === "placebo_change")) {
    const warning = ctx.t("t.placeboWarning", { unit: r.unit });
    out.push(warning);
    ctx.warn(warning);
  }
  return out;
}

/** A target as readers know it: its measure and population group (a target's id is never a label). */
function targetLabel(ctx: Ctx, iv: Intervention, id: string): string {
  const t = iv.targets.find((x) => x.id === id);
  return t === undefined ? id : `${ctx.t(measureKey(t.indicator))}, ${groupText(ctx, t.group)}`;
}

/** A spread-layer note in words, its target and indicator ids shown as the measure readers know. */
function spreadNoteText(ctx: Ctx, iv: Intervention, n: Note): string {
  const values = { ...n.values };
  if (typeof values.target === "string") values.target = targetLabel(ctx, iv, values.target);
  if (typeof values.indicator === "string") values.indicator = ctx.t(measureKey(values.indicator));
  return noteText({ code: n.code, values }, ctx.lang);
}

/** The notes of an effect row in the report's language, as one cell of its table file. */
function effectRowNotes(ctx: { lang: Ctx["lang"] }, r: InterventionEffectRow): string | null {
  return r.notes.length === 0 ? null : r.notes.map((n) => noteText(n, ctx.lang)).join(" ");
}

function interventionSection(ctx: Ctx, iv: Intervention): ReportSection {
  const idBase = slug(iv.id);
  if (iv.kind === "programme") return programmeSection(ctx, iv, ctx.data.interventions, idBase);
  const items: ReportItem[] = [];
  items.push(...spreadRecordItems(ctx, iv, idBase));
  const matrix = attempt(ctx, `spread-${idBase}`, (): ReportChartItem | null => {
    const id = `spread-${idBase}`;
    const m = spreadMatrix(iv, { language: ctx.lang, unitName: (a) => adopterName(ctx, a) });
    if (m.cells.length === 0) return null;
    const chart = spreadMatrixChart(spreadMatrixRows(m.cells), { lang: ctx.lang, id, title: ctx.t("t.spread", { name: iv.name }) });
    const clusters = [...new Set(chart.data.map((r) => r.clusterLabel))];
    const items = [...new Set(chart.data.map((r) => r.item))];
    const rows = items.map((item) => {
      const row: Record<string, unknown> = { item };
      for (const [i, c] of clusters.entries()) row[`c${i}`] = chart.data.find((r) => r.item === item && r.clusterLabel === c)?.stateLabel ?? "";
      return row;
    });
    const columns: ReportTableColumn[] = [{ key: "item", label: ctx.t("col.item"), format: "text" }, ...clusters.map((c, i) => ({ key: `c${i}`, label: c, format: "text" as const }))];
    return { kind: "chart", id, chart, main: true, csv: chart.data, table: { columns, rows } };
  });
  if (matrix) items.push(matrix);

  const adopted = iv.adoptions.some((a) => a.municipality === undefined && a.hospital === undefined);
  if (adopted && iv.targets.length > 0) {
    const effect = attempt(ctx, `effect-${idBase}`, () => interventionEffect(iv, ctx.data.indicators, { simulations: 1000 }));
    if (effect && effect.rows.length > 0) {
      ctx.effects.set(iv.id, { name: iv.name, result: effect });
      ctx.charts.set(`effect|${iv.id}`, `effects-${idBase}`);
      const target = effect.rows[0].target;
      const plotted = effect.rows.filter((r) => r.target === target && r.rateRatio !== null);
      const model = effect.models[target];
      const did = model?.did ?? null;
      const effectNotes = effectSectionNotes(ctx, effect.rows.filter((r) => r.target === target));
      const chartItem = attempt(ctx, `effect-${idBase}`, (): ReportChartItem | null => {
        if (plotted.length === 0) return null;
        const id = `effect-${idBase}`;
        const rows: EffectChartRow[] = plotted.map((r) => ({
          unit: r.method === "staggered_did" ? null : r.unit,
          role: r.method === "staggered_did" ? "all" : r.placebo ? "placebo" : "adopting",
          value: r.rateRatio,
          lower: r.lower,
          upper: r.upper,
        }));
        const events: EffectEventRow[] = (did?.eventStudy ?? []).map((e) => ({ eventTime: e.eventTime, kind: e.kind, value: e.rateRatio, lower: e.lower, upper: e.upper }));
        const monthly = periodKindOf(plotted.find((r) => r.start !== null)?.start ?? "") === "month";
        const chart = effectChart(rows, events, {
          lang: ctx.lang,
          id,
          title: ctx.t("t.effect", { name: iv.name }),
          subtitle: `${ctx.t(measureKey(plotted[0].indicator))}, ${groupText(ctx, plotted[0].group)}. ${ctx.t("t.effectSub")}`,
          valueTitle: ctx.t("t.effectAxis"),
          periodUnit: monthly ? ctx.t("t.effectMonths") : undefined,
          period: ctx.period,
          suppressionMin: ctx.minCount,
          notes: effectNotes,
        });
        const label = (r: (typeof plotted)[number]) => effectUnitLabel(ctx, r);
        return {
          kind: "chart",
          id,
          chart,
          main: true,
          csv: chart.data,
          notes: effectNotes,
          table: {
            columns: [
              { key: "unit", label: ctx.t("col.unit"), format: "text" },
              { key: "value", label: ctx.t("col.rateRatio"), format: "dec2" },
              { key: "lower", label: ctx.t("col.lower"), format: "dec2" },
              { key: "upper", label: ctx.t("col.upper"), format: "dec2" },
            ],
            rows: plotted.map((r) => ({ unit: label(r), value: r.rateRatio, lower: r.lower, upper: r.upper })),
          },
        };
      });
      if (chartItem) {
        items.push(chartItem);
        ctx.charts.set(`effect|${iv.id}`, chartItem.id);
      }
      const effectTable: ReportTableItem = {
        kind: "table",
        id: `effects-${idBase}`,
        title: ctx.t("t.effectTable"),
        csv: effect.rows.map((r) => ({
          ...r,
          preTrend: r.preTrend === null ? null : `${r.preTrend.rateRatio} (${r.preTrend.lower}–${r.preTrend.upper})`,
          assumption: r.assumption === null ? null : r.assumption.code,
          notes: effectRowNotes(ctx, r),
        })),
        notes: effect.notes.map((n) => spreadNoteText(ctx, iv, n)),
        table: {
          columns: [
            { key: "target", label: ctx.t("col.target"), format: "text" },
            { key: "unit", label: ctx.t("col.unit"), format: "text" },
            { key: "method", label: ctx.t("col.method"), format: "text" },
            { key: "rateRatio", label: ctx.t("col.rateRatio"), format: "dec2" },
            { key: "lower", label: ctx.t("col.lower"), format: "dec2" },
            { key: "upper", label: ctx.t("col.upper"), format: "dec2" },
            { key: "effect", label: ctx.t("col.effect"), format: "text" },
          ],
          rows: effect.rows.map((r) => ({
            target: targetLabel(ctx, iv, r.target),
            unit: effectUnitLabel(ctx, r),
            method: ctx.t(`val.${r.method}` as ReportTextKey),
            rateRatio: r.rateRatio,
            lower: r.lower,
            upper: r.upper,
            effect: r.warning === "placebo_change" ? ctx.t("val.placebo_change") : r.placebo && r.effect !== "not_estimable" ? ctx.t("val.placebo_none") : ctx.t(`val.${r.effect}` as ReportTextKey),
          })),
        },
      };
      items.push(effectTable);
    }
    const ta = tripleAimItem(ctx, iv, idBase);
    if (ta) items.push(ta);
    const status = attempt(ctx, `status-${idBase}`, () => tripleAimStatus(iv, ctx.data.indicators));
    if (status && status.rows.length > 0) {
      items.push({
        kind: "table",
        id: `triple-aim-status-${idBase}`,
        title: ctx.t("t.statusTable"),
        csv: status.rows.map((r) => ({ ...r, spcRules: r.spcRules.join("; "), reason: spreadNoteText(ctx, iv, r.reason) })),
        notes: status.findings.map((f) => spreadFindingText(f, ctx.lang) + "."),
        table: {
          columns: [
            { key: "target", label: ctx.t("col.target"), format: "text" },
            { key: "unit", label: ctx.t("col.cluster"), format: "text" },
            { key: "baselineValue", label: ctx.t("col.baseline"), format: "dec1" },
            { key: "currentValue", label: ctx.t("col.current"), format: "dec1" },
            { key: "targetValue", label: ctx.t("col.target"), format: "dec1" },
            { key: "change", label: ctx.t("col.change"), format: "pct1" },
            { key: "status", label: ctx.t("col.status"), format: "text" },
          ],
          rows: status.rows.map((r) => ({
            target: `${ctx.t(measureKey(r.indicator))}, ${groupText(ctx, r.group)}`,
            unit: `${r.unit} (${ctx.t(`val.${r.role}` as ReportTextKey)})`,
            baselineValue: r.baselineValue,
            currentValue: r.currentValue,
            targetValue: r.targetValue,
            change: r.change,
            status: ctx.t(`val.${r.status}` as ReportTextKey),
          })),
        },
      });
    }
  }
  items.push(...spreadAnalysisItems(ctx, iv, idBase));
  const intro = [iv.description ?? "", ...spreadIntro(ctx, iv, ctx.data.interventions), ctx.t("intro.intervention")].filter((s) => s !== "");
  return { id: `sec-intervention-${idBase}`, dimension: "spread", title: ctx.t("sec.intervention", { name: iv.name }), intro, items };
}

function aboutSections(ctx: Ctx): ReportSection[] {
  const report = ctx.data.dataset.report;
  const tables = report.tables;
  const sum = (f: (t: (typeof tables)[number]) => number) => tables.reduce((s, t) => s + (t.present ? f(t) : 0), 0);
  const loadTable: ReportTableItem = {
    kind: "table",
    id: "load-report",
    title: ctx.t("sec.loadReport"),
    csv: tables.map((t) => ({ file: t.file, present: t.present, rowsRead: t.rowsRead, rowsAccepted: t.rowsAccepted, rowsRejected: t.rowsRejected, duplicates: t.duplicates, warnings: t.warnings })),
    table: {
      columns: [
        { key: "file", label: ctx.t("col.file"), format: "text" },
        { key: "rowsRead", label: ctx.t("col.rowsRead"), format: "int" },
        { key: "rowsAccepted", label: ctx.t("col.rowsAccepted"), format: "int" },
        { key: "rowsRejected", label: ctx.t("col.rowsRejected"), format: "int" },
        { key: "duplicates", label: ctx.t("col.duplicates"), format: "int" },
        { key: "warnings", label: ctx.t("col.warnings"), format: "int" },
      ],
      rows: tables.map((t) =>
        t.present
          ? { file: t.file, rowsRead: t.rowsRead, rowsAccepted: t.rowsAccepted, rowsRejected: t.rowsRejected, duplicates: t.duplicates, warnings: t.warnings }
          : { file: `${t.file} (${ctx.t("load.absent")})`, rowsRead: null, rowsAccepted: null, rowsRejected: null, duplicates: null, warnings: null },
      ),
    },
  };
  const counts = Object.entries(report.problemCounts).sort((a, b) => b[1] - a[1]);
  const fmtInt = (n: number) => n.toLocaleString(ctx.lang === "da" ? "da-DK" : "en-GB");
  const loadText = [
    ctx.t("load.summary", { read: fmtInt(sum((t) => t.rowsRead)), accepted: fmtInt(sum((t) => t.rowsAccepted)), rejected: fmtInt(sum((t) => t.rowsRejected)), duplicates: fmtInt(sum((t) => t.duplicates)) }),
    counts.length === 0 ? ctx.t("load.noProblems") : `${ctx.t("load.problems")} ${counts.map(([code, n]) => `${code} (${fmtInt(n)})`).join(", ")}.`,
  ];
  return [
    {
      id: "sec-definitions",
      dimension: "about",
      title: ctx.t("sec.definitions"),
      intro: [],
      items: [{ kind: "text", list: true, paragraphs: [ctx.t("def.stay"), ctx.t("def.admission"), ctx.t("def.readmission"), ctx.t("def.exclusions"), ctx.t("def.preventable"), ctx.t("def.focus"), ctx.t("def.rates"), ctx.t("def.cost")] }],
    },
    {
      id: "sec-suppression",
      dimension: "about",
      title: ctx.t("sec.suppression"),
      intro: [],
      items: [{ kind: "text", paragraphs: [ctx.minCount > 0 ? ctx.t("note.suppression", { min: ctx.minCount }) : ctx.t("note.suppressionOff"), ctx.t("note.noPatientIds")] }],
    },
    { id: "sec-load-report", dimension: "about", title: ctx.t("sec.loadReport"), intro: loadText, items: [{ ...loadTable, title: "" }] },
  ];
}

function compact<T>(xs: readonly (T | null)[]): T[] {
  return xs.filter((x): x is T => x !== null);
}

/**
 * The report's sections from the computed data.
 * @example const sections = reportSections(await prepareReportData(dataset), { lang: "da" });
 */
export function reportSections(data: ReportData, options: ReportSectionOptions = {}): ReportSection[] {
  const lang = options.lang ?? "da";
  const t = (key: ReportTextKey, params?: Readonly<Record<string, string | number>>) => reportText(lang, key, params);
  const ctx: Ctx = {
    data,
    lang,
    minCount: minCountOf(options.minCount),
    t,
    period: `${data.firstYear}–${data.lastYear}`,
    regionName: "region",
    muniName: new Map(data.dataset.geography.map((g) => [String(g.municipality_code), g.municipality_name])),
    warn: options.warn ?? (() => undefined),
    charts: new Map(),
    effects: new Map(),
  };
  const focus: FocusArea = options.focus ?? "all";
  if (!Object.hasOwn(FOCUS_AREAS, focus)) throw new RangeError(t("err.badFocus", { found: JSON.stringify(focus), allowed: Object.keys(FOCUS_AREAS).join(", ") }));
  const year = data.lastYear;
  const step = (id: string) => options.onSection?.(id);
  const sections: ReportSection[] = [];
  const add = (s: ReportSection) => {
    if (!inFocus(s, focus)) return;
    step(s.id);
    sections.push(s);
  };
  add({ id: "sec-admissions", dimension: "health", title: t("sec.admissions"), intro: [t("intro.admissions")], items: compact([trendItem(ctx, "trend-admission-all", "admission_rate", "all", true), trendItem(ctx, "trend-admission-65", "admission_rate", "65+", false)]) });
  add({ id: "sec-readmissions", dimension: "health", title: t("sec.readmissions"), intro: [t("intro.readmissions")], items: compact([trendItem(ctx, "trend-readmission-65", "readmission_30d", "65+", true), trendItem(ctx, "trend-readmission-all", "readmission_30d", "all", false)]) });
  add({ id: "sec-preventable", dimension: "health", title: t("sec.preventable"), intro: [t("intro.preventable")], items: compact([trendItem(ctx, "trend-preventable-65", "preventable_admission_rate", "65+", true)]) });
  add({
    id: "sec-focus-0-2",
    dimension: "focus",
    title: t("sec.focus02"),
    intro: [t("intro.focus02")],
    items: compact([trendItem(ctx, "trend-admission-0-2", "focus_admissions_0_2", "0-2", true), trendItem(ctx, "trend-readmission-0-2", "readmission_30d", "0-2", false), registrationItem(ctx)]),
  });
  add({
    id: "sec-focus-65",
    dimension: "focus",
    title: t("sec.focus65"),
    intro: [t("intro.focus65")],
    items: compact([
      trendItem(ctx, "trend-fractures-65", "focus_fractures", "65+", true),
      trendItem(ctx, "trend-lower-respiratory-65", "focus_lower_respiratory_infections", "65+", true),
      trendItem(ctx, "trend-unspecific-65", "focus_unspecific", "65+", true),
    ]),
  });
  add({ id: "sec-questions-65", dimension: "focus", title: t("sec.questions65"), intro: [t("intro.questions65", { year })], items: questionItems(ctx) });
  // one section per focus area, the minutes' questions in their order (areaSections.ts)
  if (data.questionRows !== undefined) {
    const input = { lang, t, minCount: ctx.minCount, year, questionRows: data.questionRows, indicators: data.indicators, practice: data.practice ?? [], muniName: ctx.muniName, cannotAnswer: cannotAnswerTexts(data.dataset, t), warn: ctx.warn };
    for (const { area, group } of REPORT_AREAS) {
      const s = attempt(ctx, `sec-area-${area}`, () => areaSection(input, area, group));
      if (s) add(s);
    }
  }
  add({ id: "sec-experience", dimension: "experience", title: t("sec.experience"), intro: [t("intro.experience")], items: compact([trendItem(ctx, "trend-experience", "experience_positive:patient_overall_satisfaction", "all", true), trendItem(ctx, "trend-experience-relatives", "experience_positive:relative_satisfaction", "all", false)]) });
  add({ id: "sec-cost", dimension: "cost", title: t("sec.cost"), intro: [t("intro.cost")], items: compact([trendItem(ctx, "trend-cost-all", "cost_per_citizen", "all", true), trendItem(ctx, "trend-cost-65", "cost_per_citizen", "65+", false)]) });
  add({
    id: "sec-funnel",
    dimension: "comparison",
    title: t("sec.funnel"),
    intro: [t("intro.funnel")],
    items: compact([funnelItem(ctx, "funnel-readmission-65", "readmission_30d", "65+"), funnelItem(ctx, "funnel-preventable-65", "preventable_admission_rate", "65+")]),
  });
  add({
    id: "sec-caterpillar",
    dimension: "comparison",
    title: t("sec.caterpillar"),
    intro: [t("intro.caterpillar")],
    items: compact([caterpillarItem(ctx, "caterpillar-preventable-65", "preventable_admission_rate", "65+"), caterpillarItem(ctx, "caterpillar-admission-all", "admission_rate", "all")]),
  });
  const spcSkipped: string[] = [];
  const spc = spcItems(ctx, spcSkipped);
  const spcIntro = [t("intro.spc"), ...(spcSkipped.length > 0 ? [t("note.spcSkipped", { units: spcSkipped.join(", "), min: SPC_MIN_USEFUL })] : [])];
  add({ id: "sec-spc", dimension: "comparison", title: t("sec.spc"), intro: spcIntro, items: spc });
  if (data.interventions.length === 0) add({ id: "sec-interventions", dimension: "spread", title: t("dim.spread"), intro: [t("intro.noInterventions")], items: [] });
  for (const iv of data.interventions) if (interventionInFocus(iv, focus)) add(interventionSection(ctx, iv));
  for (const s of aboutSections(ctx)) add(s);
  // The first page last (it links to the charts above and reuses their effect estimates), shown first.
  step("sec-overview");
  const overview = overviewSection(data, {
    lang,
    minCount: ctx.minCount,
    focus,
    municipalities: options.municipalities === true,
    effects: ctx.effects,
    charts: ctx.charts,
    unitName: (level, unit) => (level === "region" ? text(lang, "ov.region") : level === "municipality" ? unitLabel(ctx, { level, unit }) : unit),
    firstPhaseLabel: t("t.phaseBefore"),
    period: ctx.period,
  });
  return [overview, ...sections];
}

/**
 * The focus areas each section serves (`--focus`): a section is shown when the focus is "all", when
 * it serves the focus, or when it is not tied to one (definitions, suppression, loading; a section
 * another part of klynge adds without a tag). An intervention's section is shown when one of its
 * targets is a measure of the focus.
 */
const SECTION_FOCUS: Readonly<Record<string, readonly FocusArea[]>> = {
  "sec-admissions": ["admissions", "65+"],
  "sec-readmissions": ["readmissions", "65+", "0-2"],
  "sec-preventable": ["preventable", "65+"],
  "sec-focus-0-2": ["0-2", "admissions", "readmissions"],
  "sec-focus-65": ["65+", "preventable"],
  "sec-questions-65": ["65+", "preventable"],
  "sec-experience": ["experience"],
  "sec-cost": ["cost", "65+", "0-2"],
  "sec-funnel": ["readmissions", "preventable", "65+"],
  "sec-caterpillar": ["preventable", "admissions", "65+"],
  "sec-spc": ["readmissions", "65+"],
  "sec-interventions": [],
  // #17's focus-area sections (areaSections.ts): the 65+ areas are admissions of citizens 65+, 0–2 its own
  "sec-area-fractures": ["65+", "admissions"],
  "sec-area-lower-respiratory-infections": ["65+", "admissions"],
  "sec-area-unspecific": ["65+", "admissions"],
  "sec-area-0-2": ["0-2", "admissions"],
};

function inFocus(s: ReportSection, focus: FocusArea): boolean {
  if (focus === "all" || s.dimension === "about") return true;
  const tags = SECTION_FOCUS[s.id];
  if (tags !== undefined) return tags.includes(focus);
  return true;
}

/** An intervention serves the focus when one of its targets is a measure of the focus (its section and effects are then in the report). */
function interventionInFocus(iv: Intervention, focus: FocusArea): boolean {
  if (focus === "all") return true;
  const measures = FOCUS_AREAS[focus];
  return iv.targets.some((t) => measures.some((m) => m.group === t.group && (m.indicator === t.indicator || m.indicator.startsWith(`${t.indicator}:`))));
}
