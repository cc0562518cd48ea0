/**
 * An intervention's Triple Aim chart: the adopting clusters and the region on its population-
 * health target (readmissions 65+ when it has none), the patients' experience (yearly from the
 * half-yearly surveys) and the cost per citizen of its cost target's group; with the last four
 * periods as a wide key table.
 */
import { tripleAimChart, type TripleAimRow } from "../../charts/index.js";
import { periodOf } from "../../contract/period.js";
import type { IndicatorRow } from "../../indicators/index.js";
import type { Intervention } from "../../spread/index.js";
import type { ReportTextKey } from "../../text/catalogue.js";
import { dataColumns, tableColumns } from "../columns.js";
import type { ReportChartItem } from "../reportTypes.js";
import { attempt, groupText, measureKey, select, type SectionCtx } from "./context.js";

type YearValue = { value: number | null; suppressed: boolean };

/** Yearly sums of a half-yearly proportion (experience) per unit; suppressed when any half is. */
function yearlyFromHalves(rows: readonly IndicatorRow[]): Map<string, Map<string, YearValue>> {
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
  const out = new Map<string, Map<string, YearValue>>();
  for (const [unit, byYear] of acc) {
    const m = new Map<string, YearValue>();
    for (const [year, c] of byYear) m.set(year, { value: c.suppressed || c.den === 0 ? null : (100 * c.num) / c.den, suppressed: c.suppressed });
    out.set(unit, m);
  }
  return out;
}

/** The chart's rows: health, experience and cost of the adopting clusters and the region. */
function tripleAimRows(ctx: SectionCtx, iv: Intervention, adopting: readonly string[]): TripleAimRow[] {
  const health = iv.targets.find((t) => t.dimension === "population_health") ?? { indicator: "readmission_30d", group: "65+" };
  const costGroup = iv.targets.find((t) => t.dimension === "cost")?.group ?? "65+";
  const healthIndicator = ctx.data.indicators.some((r) => r.indicator === health.indicator) ? health.indicator : "readmission_30d";
  const series = (r: IndicatorRow) => (r.level === "region" ? ctx.t("val.region") : r.unit);
  const keep = (r: IndicatorRow) => r.level === "region" || adopting.includes(r.unit);
  const out: TripleAimRow[] = [];
  for (const r of select(ctx, healthIndicator, health.group, ["region", "cluster"], "year").filter(keep))
    out.push({ dimension: "health", measure: ctx.t(measureKey(healthIndicator)), period: r.period, value: r.suppressed ? null : r.value, lower: r.suppressed ? null : r.lower, upper: r.suppressed ? null : r.upper, suppressed: r.suppressed, series: series(r) });
  const exp = select(ctx, "experience_positive:patient_overall_satisfaction", "all", ["region", "cluster"], "half").filter(keep);
  for (const [unit, byYear] of yearlyFromHalves(exp))
    for (const [year, v] of byYear) out.push({ dimension: "experience", measure: ctx.t("m.experience_positive"), period: year, value: v.value, suppressed: v.suppressed, series: unit === "\u0000region" ? ctx.t("val.region") : unit });
  for (const r of select(ctx, "cost_per_citizen", costGroup, ["region", "cluster"], "year").filter(keep))
    out.push({ dimension: "cost", measure: `${ctx.t("m.cost_per_citizen")} (${groupText(ctx, costGroup)})`, period: r.period, value: r.suppressed ? null : r.value, suppressed: r.suppressed, series: series(r) });
  const regionLabel = ctx.t("val.region");
  const dimOrder = ["health", "experience", "cost"];
  const seriesRank = (x: string | undefined) => (x === regionLabel ? "\uffff" : (x ?? ""));
  return out.sort((a, b) => dimOrder.indexOf(a.dimension) - dimOrder.indexOf(b.dimension) || seriesRank(a.series).localeCompare(seriesRank(b.series), "da") || a.period.localeCompare(b.period));
}

export function tripleAimItem(ctx: SectionCtx, iv: Intervention, idBase: string): ReportChartItem | null {
  const id = `triple-aim-${idBase}`;
  return attempt(ctx, id, (): ReportChartItem | null => {
    const adopting = [...new Set(iv.adoptions.filter((a) => a.municipality === undefined && a.hospital === undefined).map((a) => a.cluster))];
    if (adopting.length === 0) return null;
    const out = tripleAimRows(ctx, iv, adopting);
    if (out.length === 0) return null;
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
    const columns = tableColumns(ctx.t, ["dimension", "measure", "series", ...dataColumns(periods, "dec1")]);
    return { kind: "chart", id, chart, main: true, csv: chart.data, table: { columns, rows: [...wide.values()] } };
  });
}
