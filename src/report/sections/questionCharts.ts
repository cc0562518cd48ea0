/**
 * The data group's question charts with their key tables, shared by the 65+ questions section and
 * each focus area's section: when (weekday × hour), from where (referral source) and who (age
 * band × sex). The rows are the question tables of the indicator engine (reportQuestionTables).
 */
import { agePyramidChart, heatmapChart, referralChart } from "../../charts/index.js";
import { weekdayName } from "../../charts/locale.js";
import { dataColumns, tableColumns } from "../columns.js";
import type { ReportQuestionTables } from "../reportQuestionTables.js";
import type { ReportChartItem } from "../reportTypes.js";
import type { SectionCtx } from "./context.js";

/** The chart's id, title and year, and whether it is a main chart. */
export interface QuestionChartOptions {
  readonly id: string;
  readonly title: string;
  readonly year: string;
  readonly main: boolean;
}

const common = (ctx: SectionCtx, o: QuestionChartOptions) => ({ lang: ctx.lang, period: o.year, suppressionMin: ctx.minCount });

/** Acute admissions by weekday × hour: one table row per weekday, one column per hour. */
export function heatmapItem(ctx: SectionCtx, q: ReportQuestionTables, o: QuestionChartOptions): ReportChartItem {
  const chart = heatmapChart(q.heatmap, { ...common(ctx, o), id: o.id, title: o.title });
  const hours = Array.from({ length: 24 }, (_, h) => `h${h}`);
  const rows = [0, 1, 2, 3, 4, 5, 6].map((w) => {
    const row: Record<string, unknown> = { weekday: weekdayName(w, ctx.lang) };
    const cells: string[] = [];
    for (const [h, key] of hours.entries()) {
      const c = q.heatmap.find((r) => r.weekday === w && r.hour === h);
      row[key] = c?.suppressed ? null : (c?.count ?? null);
      if (c?.suppressed) cells.push(key);
    }
    row.suppressedCells = cells;
    return row;
  });
  const columns = tableColumns(ctx.t, ["weekday", ...dataColumns(hours, "int", (_, h) => String(h))]);
  return { kind: "chart", id: o.id, chart, main: o.main, csv: chart.data, table: { columns, rows } };
}

/** Acute admissions by referral source, the table's rows in the order given. */
export function referralItem(ctx: SectionCtx, q: ReportQuestionTables, o: QuestionChartOptions, rows = q.referral): ReportChartItem {
  const chart = referralChart(q.referral, { ...common(ctx, o), id: o.id, title: o.title });
  return { kind: "chart", id: o.id, chart, main: o.main, csv: chart.data, table: { columns: tableColumns(ctx.t, ["source", "count"]), rows: rows.map((r) => ({ ...r })) } };
}

/** Acute admissions by age band and sex (a population pyramid). */
export function agePyramidItem(ctx: SectionCtx, q: ReportQuestionTables, o: QuestionChartOptions): ReportChartItem {
  const chart = agePyramidChart(q.ageSex, { ...common(ctx, o), id: o.id, title: o.title, ageBands: q.ageBands });
  const rows = q.ageBands.map((band) => {
    const f = q.ageSex.find((r) => r.ageBand === band && r.sex === "F");
    const m = q.ageSex.find((r) => r.ageBand === band && r.sex === "M");
    return { ageBand: band, women: f?.count ?? null, men: m?.count ?? null, suppressedCells: [...(f?.suppressed ? ["women"] : []), ...(m?.suppressed ? ["men"] : [])] };
  });
  return { kind: "chart", id: o.id, chart, main: o.main, csv: chart.data, table: { columns: tableColumns(ctx.t, ["ageBand", "women", "men"]), rows } };
}
