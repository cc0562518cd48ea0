/**
 * The SPC section: monthly SPC charts of readmissions 65+ per cluster — the chart of the overview
 * layer (unitSpcChart, the very chart whose latest point gives the first page's variation signal),
 * with a phase at each intervention start in the cluster. Clusters with too few useful months are
 * named in the intro.
 */
import { spcChart } from "../../charts/index.js";
import { measureInfo } from "../../overview/measureInfo.js";
import { interventionPhases, unitSpcChart } from "../../overview/unitSpcChart.js";
import { noteText } from "../../text/catalogue.js";
import { tableColumns } from "../columns.js";
import type { ReportChartItem } from "../reportTypes.js";
import { attempt, select, slug, type SectionCtx } from "./context.js";
import type { SectionGenerator } from "./recipe.js";

/** Fewest months with a (not suppressed) value for an SPC chart to be drawn (Anhøj rules need ≥ 12 useful points). */
const SPC_MIN_USEFUL = 12;

function clustersOf(rows: readonly { readonly level: string; readonly unit: string }[]): string[] {
  return [...new Set(rows.filter((r) => r.level === "cluster").map((r) => r.unit))].sort((a, b) => a.localeCompare(b, "da"));
}

function spcItems(ctx: SectionCtx, indicator: string, group: string, skipped: string[]): ReportChartItem[] {
  const rows = select(ctx, indicator, group, ["cluster"], "month");
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
      const table = {
        columns: tableColumns(ctx.t, ["phase", "firstPeriod", "lastPeriod", "centre", "signals"]),
        rows: result.phases.map((p) => ({ phase: p.phase, firstPeriod: p.firstPeriod, lastPeriod: p.lastPeriod, centre: p.centre, signals: p.signals })),
      };
      ctx.charts.set(`spc|${indicator}|${group}|${cluster}`, id);
      return { kind: "chart", id, chart, main: phases.length > 0, csv: chart.data, table, notes: drawn.warnings.map((n) => noteText(n, ctx.lang)) };
    });
    if (item) out.push(item);
  }
  return out;
}

export const SPC_SECTION: SectionGenerator = {
  *generate(ctx) {
    const skipped: string[] = [];
    const items = spcItems(ctx, "readmission_30d", "65+", skipped);
    const intro = [ctx.t("intro.spc"), ...(skipped.length > 0 ? [ctx.t("note.spcSkipped", { units: skipped.join(", "), min: SPC_MIN_USEFUL })] : [])];
    yield { section: { id: "sec-spc", dimension: "comparison", title: ctx.t("sec.spc"), intro, items }, focus: ["readmissions", "65+"] };
  },
};
