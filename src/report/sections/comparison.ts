/**
 * Comparison across units: funnel plots of the municipalities, a caterpillar plot of the clusters
 * against the region, and SPC charts per cluster with phases at intervention starts (spc.ts).
 */
import { caterpillarChart, type CaterpillarRow } from "../../charts/index.js";
import { tableColumns } from "../columns.js";
import type { ReportChartItem } from "../reportTypes.js";
import { attempt, groupText, latestYear, measureKey, select, type SectionCtx } from "./context.js";
import { funnel } from "./funnel.js";
import type { ItemRecipe, SectionPart } from "./recipe.js";
import { SPC_SECTION } from "./spc.js";

function caterpillarItem(ctx: SectionCtx, id: string, indicator: string, group: string): ReportChartItem | null {
  return attempt(ctx, id, (): ReportChartItem | null => {
    const year = latestYear(ctx, indicator, group, "cluster");
    if (year === null) return null;
    const rows = select(ctx, indicator, group, ["region", "cluster"], "year").filter((r) => r.period === year);
    const region = rows.find((r) => r.level === "region");
    if (!region || region.value === null) return null;
    const data: CaterpillarRow[] = rows
      .filter((r) => r.level === "cluster")
      .map((r) => ({ unit: r.unit, value: r.suppressed ? null : r.value, lower: r.suppressed ? null : r.lower, upper: r.suppressed ? null : r.upper, reference: region.value as number, suppressed: r.suppressed }));
    const measure = ctx.t(measureKey(indicator));
    const chart = caterpillarChart(data, { lang: ctx.lang, id, title: ctx.t("t.caterpillar", { measure, group: groupText(ctx, group), year }), valueTitle: measure, period: year, suppressionMin: ctx.minCount });
    return { kind: "chart", id, chart, main: true, csv: chart.data, table: { columns: tableColumns(ctx.t, ["unitCluster", "value", "lower", "upper", "reference"]), rows: data.map((r) => ({ ...r })) } };
  });
}

/** The clusters of the latest year against the region: `caterpillar("caterpillar-admission-all", "admission_rate", "all")`. */
function caterpillar(id: string, indicator: string, group: string): ItemRecipe {
  return (ctx) => caterpillarItem(ctx, id, indicator, group);
}

export const COMPARISON: readonly SectionPart[] = [
  {
    id: "sec-funnel",
    dimension: "comparison",
    title: "sec.funnel",
    intro: ["intro.funnel"],
    focus: ["readmissions", "preventable", "65+"],
    items: [funnel("funnel-readmission-65", "readmission_30d", "65+"), funnel("funnel-preventable-65", "preventable_admission_rate", "65+")],
  },
  {
    id: "sec-caterpillar",
    dimension: "comparison",
    title: "sec.caterpillar",
    intro: ["intro.caterpillar"],
    focus: ["preventable", "admissions", "65+"],
    items: [caterpillar("caterpillar-preventable-65", "preventable_admission_rate", "65+"), caterpillar("caterpillar-admission-all", "admission_rate", "all")],
  },
  SPC_SECTION,
];
