/**
 * The trend item of a recipe: an indicator's yearly (or half-yearly) rows of the region and the
 * clusters → the trend chart, with the wide key table (one row per unit, one column per period).
 */
import { describeIndicator } from "../../indicators/descriptor.js";
import { trendsChart } from "../../charts/index.js";
import { makePeriod, parsePeriod, periodFirstMonth, periodLabel, periodOf } from "../../contract/period.js";
import type { IndicatorRow } from "../../indicators/index.js";
import { dataColumns, tableColumns } from "../columns.js";
import type { ReportCellFormat, ReportTable } from "../reportTable.js";
import type { ReportChartItem } from "../reportTypes.js";
import { attempt, groupText, measureFormat, measureKey, select, unitKey, unitLabel, type SectionCtx } from "./context.js";
import type { ItemRecipe } from "./recipe.js";

export interface TrendOptions {
  /** A main chart (also rendered to PDF); default false. */
  readonly main?: boolean;
  /** The period kind drawn: "year" (default) or "half" (the experience surveys). */
  readonly periods?: "year" | "half";
}

/** "2016-H1" → "2016-01", "2016-H2" → "2016-07": half-years on the chart's time axis. */
function halfYearAsMonth(period: string): string {
  const p = parsePeriod(period);
  return p?.kind === "half" ? periodLabel(makePeriod("month", p.year, periodFirstMonth(p))) : period;
}

/** Wide key table: one row per unit (region first), one column per period (the last `maxPeriods`). */
export function wideTable(ctx: SectionCtx, rows: readonly IndicatorRow[], format: ReportCellFormat, maxPeriods = 8): ReportTable {
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
  return { columns: tableColumns(ctx.t, ["unit", ...dataColumns(periods, format)]), rows: order.map((u) => byUnit.get(u)!) };
}

function trendItem(ctx: SectionCtx, id: string, indicator: string, group: string, options: TrendOptions): ReportChartItem | null {
  return attempt(ctx, id, (): ReportChartItem | null => {
    const halfYearly = options.periods === "half";
    const rows = select(ctx, indicator, group, ["region", "cluster"], halfYearly ? "half" : "year");
    if (rows.length === 0) return null;
    const chartRows = halfYearly ? rows.map((r) => ({ ...r, period: halfYearAsMonth(r.period) })) : rows;
    const measure = ctx.t(measureKey(indicator));
    // The period of what is drawn: an indicator with follow-up (readmissions) ends a year early
    // when the last year's discharges lack it, and the footnote says so.
    const years = rows.map((r) => periodOf(r.period).year);
    const drawnLast = Math.max(...years);
    const period = halfYearly ? ctx.period : `${Math.min(...years)}–${drawnLast}`;
    const notes = describeIndicator(indicator)?.followUpDays !== undefined && drawnLast < ctx.data.lastYear ? [ctx.t("note.readmissionLastYear", { year: ctx.data.lastYear })] : [];
    const format = measureFormat(indicator);
    const chart = trendsChart(chartRows, {
      lang: ctx.lang,
      id,
      indicator,
      group,
      title: ctx.t("t.trend", { measure, group: groupText(ctx, group) }),
      subtitle: ctx.t(halfYearly ? "t.trendSubHalf" : "t.trendSub"),
      valueTitle: ctx.t(unitKey(indicator)),
      valueFormat: format === "int" ? ",.0f" : ",.1f",
      period,
      notes,
      suppressionMin: ctx.minCount,
    });
    ctx.charts.set(`trend|${indicator}|${group}`, id);
    return { kind: "chart", id, chart, table: wideTable(ctx, rows, format), csv: chart.data, main: options.main === true };
  });
}

/** A trend chart of the region and the clusters: `trend("trend-admission-all", "admission_rate", "all", { main: true })`. */
export function trend(id: string, indicator: string, group: string, options: TrendOptions = {}): ItemRecipe {
  return (ctx) => trendItem(ctx, id, indicator, group, options);
}
