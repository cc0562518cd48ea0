/**
 * What every section recipe reads: the computed data, the language, the suppression threshold,
 * and the few words and selections all sections share (a unit's name, a measure's name, the rows
 * of one indicator, group, level and period kind). Also collects what the first page reuses: the
 * chart ids drawn and the effect estimates computed.
 */
import type { Dataset } from "../../contract/dataset.js";
import { periodKindOf, type PeriodKind } from "../../contract/period.js";
import { indicatorDescriptor } from "../../indicators/descriptor.js";
import type { IndicatorRow } from "../../indicators/index.js";
import type { RegistrationByHospitalRow } from "../../indicators/registrationByHospital.js";
import type { Intervention, InterventionEffectResult } from "../../spread/index.js";
import { isReportTextKey, reportText, type ReportLang, type ReportTextKey } from "../../text/catalogue.js";
import type { ReportQuestionTables } from "../reportQuestionTables.js";
import type { ReportCellFormat } from "../reportTable.js";

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

/** A text of the catalogue in the report language. */
export type Translate = (key: ReportTextKey, params?: Readonly<Record<string, string | number>>) => string;

export interface SectionCtx {
  readonly data: ReportData;
  readonly lang: ReportLang;
  readonly minCount: number;
  readonly t: Translate;
  /** The data period, e.g. "2016–2023". */
  readonly period: string;
  readonly muniName: ReadonlyMap<string, string>;
  readonly warn: (message: string) => void;
  /** Chart ids drawn, for the first page's links: "trend|indicator|group", "funnel|indicator|group", "spc|indicator|group|unit", "effect|intervention". */
  readonly charts: Map<string, string>;
  /** Effect estimates computed by the intervention sections (the first page reuses them). */
  readonly effects: Map<string, { readonly name: string; readonly result: InterventionEffectResult }>;
}

/** The context of one report run. */
export function sectionCtx(data: ReportData, lang: ReportLang, minCount: number, warn: (message: string) => void): SectionCtx {
  return {
    data,
    lang,
    minCount,
    t: (key, params) => reportText(lang, key, params),
    period: `${data.firstYear}–${data.lastYear}`,
    muniName: new Map(data.dataset.geography.map((g) => [String(g.municipality_code), g.municipality_name])),
    warn,
    charts: new Map(),
    effects: new Map(),
  };
}

/** How a measure's values are printed: whole kroner for amounts, else one decimal (from the indicator's descriptor). */
export function measureFormat(indicator: string): ReportCellFormat {
  return indicatorDescriptor(indicator).kind === "amount" ? "int" : "dec1";
}

/** The catalogue key of a measure's name ("m.<family>"), or the generic "value". */
export function measureKey(indicator: string): ReportTextKey {
  const key = `m.${indicator.split(":")[0]}`;
  return isReportTextKey(key) ? key : "col.value";
}

/** The catalogue key of a measure's unit ("u.<family>"), or the generic "value". */
export function unitKey(indicator: string): ReportTextKey {
  const key = `u.${indicator.split(":")[0]}`;
  return isReportTextKey(key) ? key : "col.value";
}

/** A population group as readers know it ("65+" → "borgere på 65 år og derover"). */
export function groupText(ctx: Pick<SectionCtx, "t">, group: string): string {
  const key = `g.${group}`;
  return isReportTextKey(key) ? ctx.t(key) : group;
}

/** A unit's name: "Region", a cluster, a municipality by name (a pooled unit "751+741" as "Aarhus og Samsø"). */
export function unitLabel(ctx: Pick<SectionCtx, "t" | "muniName">, r: Pick<IndicatorRow, "level" | "unit">): string {
  if (r.level === "region") return ctx.t("val.region");
  if (r.level === "municipality") {
    const names = r.unit.split("+").map((code) => ctx.muniName.get(code) ?? code);
    return names.length === 1 ? names[0] : `${names.slice(0, -1).join(", ")} ${ctx.t("val.and")} ${names[names.length - 1]}`;
  }
  return r.unit;
}

/** The rows of one indicator and group (sex "all") at the levels, of one period kind. */
export function select(ctx: Pick<SectionCtx, "data">, indicator: string, group: string, levels: readonly IndicatorRow["level"][], kind: PeriodKind): IndicatorRow[] {
  return ctx.data.indicators.filter((r) => r.indicator === indicator && r.group === group && r.sex === "all" && levels.includes(r.level) && periodKindOf(r.period) === kind);
}

/** The latest year with rows of the indicator at the level (readmissions lack the last year when its follow-up is incomplete). */
export function latestYear(ctx: Pick<SectionCtx, "data">, indicator: string, group: string, level: IndicatorRow["level"]): string | null {
  const years = select(ctx, indicator, group, [level], "year").map((r) => r.period);
  return years.length === 0 ? null : years.reduce((a, b) => (a > b ? a : b));
}

/** Runs a builder; a failure becomes a warning and no item. */
export function attempt<T>(ctx: Pick<SectionCtx, "t" | "warn">, id: string, build: () => T | null): T | null {
  try {
    return build();
  } catch (err) {
    ctx.warn(ctx.t("warn.chart", { id, message: err instanceof Error ? err.message : String(err) }));
    return null;
  }
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
