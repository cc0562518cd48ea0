/**
 * The funnel item of a recipe: an indicator's municipality rows of its latest year → the funnel
 * plot (the kind and scale from the indicator's descriptor), with the units left out named in the
 * notes and listed, suppressed, at the end of the key table.
 */
import { funnelChart } from "../../charts/index.js";
import { funnelPlotData } from "../../compare/index.js";
import { indicatorDescriptor } from "../../indicators/descriptor.js";
import { hiddenToProtect } from "../../indicators/suppressTable.js";
import { tableColumns } from "../columns.js";
import type { ReportChartItem } from "../reportTypes.js";
import { attempt, groupText, latestYear, measureKey, select, unitLabel, type SectionCtx } from "./context.js";
import type { ItemRecipe } from "./recipe.js";

function funnelItem(ctx: SectionCtx, id: string, indicator: string, group: string): ReportChartItem | null {
  return attempt(ctx, id, (): ReportChartItem | null => {
    const year = latestYear(ctx, indicator, group, "municipality");
    if (year === null) return null;
    const rows = select(ctx, indicator, group, ["municipality"], "year").filter((r) => r.period === year);
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
    const hiddenFor = (protecting: boolean) => rows.filter((r) => !usable.includes(r) && r.suppressed && hiddenToProtect(r) === protecting).map((r) => unitLabel(ctx, r));
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
      denominatorTitle: ctx.t(type === "proportion" ? "t.funnelIndexAdmissions" : "t.funnelCitizens"),
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
    const columns = tableColumns(ctx.t, ["unitMunicipality", "numerator", "denominator", ["value", type === "proportion" ? "pct1" : "dec1"], "class95", "class998"]);
    return { kind: "chart", id, chart, main: true, csv: chart.data, notes, table: { columns, rows: tableRows } };
  });
}

/** A funnel plot of the municipalities' latest year: `funnel("funnel-readmission-65", "readmission_30d", "65+")`. */
export function funnel(id: string, indicator: string, group: string): ItemRecipe {
  return (ctx) => funnelItem(ctx, id, indicator, group);
}
