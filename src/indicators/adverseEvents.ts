/**
 * `adverse_events`: reported adverse events (utilsigtede hændelser, UTH) by cluster and year, from
 * the optional input adverse_events.csv (issue 17; seed 002: patient safety "skal sammenholdes med
 * antal genindlæggelser og UTH'er"). A count (value = the count), cluster and region levels, group
 * "all", sex "all"; suppressed with the question tables. When the file is not given there are no
 * counts and computeIndicators adds a row per year saying so (markUnanswerable.ts).
 */
import type { IndicatorContext } from "./indicatorContext.js";
import type { IndicatorRow, Level } from "./table.js";

export function adverseEventRows(ctx: IndicatorContext, levels: readonly Level[]): IndicatorRow[] {
  const events = ctx.dataset.adverseEvents;
  if (events === null || events === undefined || !ctx.resolved.groups.includes("all") || !ctx.resolved.sexes.includes("all")) return [];
  const years = [...new Set(events.map((e) => e.year))].sort((a, b) => a - b);
  const rows: IndicatorRow[] = [];
  const row = (level: Level, unit: string, year: number, n: number): IndicatorRow => ({
    indicator: "adverse_events",
    level,
    unit,
    period: String(year),
    group: "all",
    sex: "all",
    numerator: n,
    denominator: null,
    value: n,
    lower: null,
    upper: null,
    method: "count",
    suppressed: false,
  });
  const clusters = ctx.units.filter((u) => u.level === "cluster").map((u) => u.name);
  for (const y of years) {
    let total = 0;
    for (const c of clusters) {
      const n = events.reduce((s, e) => (e.year === y && e.cluster === c ? s + e.events : s), 0);
      total += n;
      if (levels.includes("cluster")) rows.push(row("cluster", c, y, n));
    }
    if (levels.includes("region")) rows.push(row("region", ctx.resolved.regionName, y, total));
  }
  return rows;
}
