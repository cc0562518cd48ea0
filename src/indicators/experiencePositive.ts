import { wilsonInterval } from "../stats/index.js";
import { indicatorDescriptor } from "./descriptor.js";
import { indicatorMessages } from "./messages.js";
import type { Dataset } from "../contract/dataset.js";
import type { IndicatorOptions } from "./indicatorOptions.js";
import { resolveOptions } from "./indicatorOptions.js";
import type { IndicatorRow, Level } from "./table.js";

/**
 * `experience_positive:<measure>` (Triple Aim: patient experience): share of positive answers in
 * percent with the Wilson score interval (methods.md), from experience.csv. Rows given per
 * municipality are also summed to their cluster and the region; rows given per cluster are
 * summed to the region (a cluster given both ways uses its own cluster rows). Group and sex "all";
 * the period as given in the file.
 */
export function experiencePositive(dataset: Pick<Dataset, "experience" | "geography">, options: IndicatorOptions = {}): IndicatorRow[] {
  const r = resolveOptions(options);
  const clusterOf = new Map(dataset.geography.map((g) => [g.municipality_code, g.cluster] as const));
  type Acc = { positive: number; total: number };
  const cells = new Map<string, Acc>();
  const add = (measure: string, level: Level, unit: string, period: string, pos: number, tot: number): void => {
    const key = JSON.stringify([measure, level, unit, period]);
    const a = cells.get(key) ?? { positive: 0, total: 0 };
    a.positive += pos;
    a.total += tot;
    cells.set(key, a);
  };
  // pooled municipalities (options.pool) are published with their host, as in the indicator engine
  const unitOf = (code: number): string => {
    const host = r.pool.get(code) ?? code;
    const members = [...r.pool].filter(([, h]) => h === host).map(([m]) => m).sort((a, b) => a - b);
    return [host, ...members].join("+");
  };
  const rows = dataset.experience ?? [];
  const directClusters = new Set(rows.filter((e) => e.cluster && e.municipality_code === null).map((e) => `${e.measure}|${e.period}|${e.cluster}`));
  for (const e of rows) {
    if (e.municipality_code !== null) {
      const cl = e.cluster ?? clusterOf.get(e.municipality_code) ?? null;
      add(e.measure, "municipality", unitOf(e.municipality_code), e.period, e.positive, e.total);
      if (cl && !directClusters.has(`${e.measure}|${e.period}|${cl}`)) {
        add(e.measure, "cluster", cl, e.period, e.positive, e.total);
        add(e.measure, "region", r.regionName, e.period, e.positive, e.total);
      } else if (!cl) add(e.measure, "region", r.regionName, e.period, e.positive, e.total);
    } else if (e.cluster) {
      add(e.measure, "cluster", e.cluster, e.period, e.positive, e.total);
      add(e.measure, "region", r.regionName, e.period, e.positive, e.total);
    }
  }
  const scale = indicatorDescriptor("experience_positive").multiplier;
  const out: IndicatorRow[] = [];
  for (const [key, a] of cells) {
    const [measure, level, unit, period] = JSON.parse(key) as [string, Level, string, string];
    if (!r.levels.includes(level)) continue;
    const est = wilsonInterval(Math.min(a.positive, a.total), a.total, { level: r.confidence });
    out.push({
      indicator: `experience_positive:${measure}`,
      level,
      unit,
      period,
      group: "all",
      sex: "all",
      numerator: a.positive,
      denominator: a.total,
      value: est.value === null ? null : est.value * scale,
      lower: est.lower === null ? null : est.lower * scale,
      upper: est.upper === null ? null : est.upper * scale,
      method: est.method,
      suppressed: false,
      ...(est.note ? { note: indicatorMessages.statsNote(est.note) } : {}),
    });
  }
  const order: Record<Level, number> = { region: 0, cluster: 1, municipality: 2 };
  return out.sort((x, y) => x.indicator.localeCompare(y.indicator) || x.period.localeCompare(y.period) || order[x.level] - order[y.level] || x.unit.localeCompare(y.unit));
}
