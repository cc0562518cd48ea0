/**
 * The data group's questions as the report shows them (seed 002: who are they, where are they
 * referred from, when are they admitted) for one group, region and year: acute admissions by
 * weekday × hour, by referral source, and by 5-year age band × sex. Nothing is counted here: the
 * counts are the question tables of the indicator engine (indicators/questionTables.ts,
 * `weekday_hour:*`, `who_referral:*`, `who_age:*`), suppressed there with every other table
 * (primary and secondary, the same lattice), so the report publishes exactly what
 * `klynge indicators` publishes. This only reshapes the rows for the charts.
 */
import type { AgeSexRow, HeatmapRow, ReferralRow } from "../charts/index.js";
import { REFERRAL_SOURCES } from "../contract/codes.js";
import type { IndicatorRow } from "../indicators/index.js";
import { isReportTextKey, reportText, type ReportLang } from "../text/catalogue.js";

export interface ReportQuestionOptions {
  /** Calendar year shown. */
  readonly year: number;
  /** The population group (default "65+"). */
  readonly group?: string;
  /** The unit (default: the region row's unit). */
  readonly unit?: string;
  /** A focus area (`fractures`, …, `0_2`): its tables `<table>@<area>:*` (default: all acute admissions). */
  readonly area?: string;
  readonly lang?: ReportLang;
}

export interface ReportQuestionTables {
  readonly heatmap: HeatmapRow[];
  readonly referral: ReferralRow[];
  readonly ageSex: AgeSexRow[];
  readonly ageBands: string[];
  /** Acute admissions of the group (the tables' total; null when suppressed or absent). */
  readonly admissions: number | null;
}

/** The label of a referral source code in the report language. */
export function referralSourceLabel(source: string, lang: ReportLang = "da"): string {
  const key = `referral.${source}`;
  return isReportTextKey(key) ? reportText(lang, key) : source;
}

/**
 * The report's question tables from the indicator rows (sexes all, F and M; region level).
 * @example reportQuestionTables(computeIndicators(ctx, { indicators: ["questions"] }), { year: 2023 })
 */
export function reportQuestionTables(rows: readonly IndicatorRow[], options: ReportQuestionOptions): ReportQuestionTables {
  const group = options.group ?? "65+";
  const sfx = options.area === undefined ? "" : `@${options.area}`;
  const lang = options.lang ?? "da";
  const period = String(options.year);
  const unit = options.unit ?? rows.find((r) => r.level === "region")?.unit;
  const mine = rows.filter((r) => r.level === "region" && r.unit === unit && r.period === period && r.group === group);
  const cell = (indicator: string, sex: "all" | "F" | "M"): { count: number | null; suppressed: boolean } | null => {
    const r = mine.find((x) => x.indicator === indicator && x.sex === sex);
    return r === undefined ? null : { count: r.suppressed ? null : r.numerator, suppressed: r.suppressed };
  };
  const heatmap: HeatmapRow[] = [];
  const days = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"];
  for (let w = 0; w < 7; w++)
    for (let h = 0; h < 24; h++) {
      const c = cell(`weekday_hour${sfx}:${days[w]}-${String(h).padStart(2, "0")}`, "all");
      if (c) heatmap.push({ weekday: w, hour: h, ...c });
    }
  const referral: ReferralRow[] = [];
  for (const code of [...REFERRAL_SOURCES, "not_given"]) {
    const c = cell(`who_referral${sfx}:${code}`, "all");
    if (c === null || (code === "not_given" && c.count === 0)) continue;
    referral.push({ source: referralSourceLabel(code === "not_given" ? "unknown" : code, lang), ...c });
  }
  const agePrefix = `who_age${sfx}:`;
  const ageBands = [...new Set(mine.filter((r) => r.indicator.startsWith(agePrefix)).map((r) => r.indicator.slice(agePrefix.length)))];
  const ageSex: AgeSexRow[] = [];
  for (const ageBand of ageBands)
    for (const sex of ["F", "M"] as const) {
      const c = cell(`${agePrefix}${ageBand}`, sex);
      if (c) ageSex.push({ ageBand, sex, ...c });
    }
  const total = mine.find((r) => r.indicator.startsWith(`who_referral${sfx}:`) && r.sex === "all" && !r.suppressed);
  return { heatmap, referral, ageSex, ageBands, admissions: total?.denominator ?? null };
}
