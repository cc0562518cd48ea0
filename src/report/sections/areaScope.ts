/**
 * One focus area as its section reads it: the region's question rows of the area's year and group,
 * its category tables (`<table>@<area>:<code>`), and the two table shapes the section prints — a
 * category table (label, count, share) and a table of rows whose suppression flags stay out of
 * its CSV file.
 */
import type { IndicatorRow } from "../../indicators/index.js";
import type { ReportTextKey } from "../../text/catalogue.js";
import { tableColumns, type ColumnRef } from "../columns.js";
import { reportQuestionTables, type ReportQuestionTables } from "../reportQuestionTables.js";
import type { ReportItem, ReportTableItem } from "../reportTypes.js";
import type { SectionCtx, Translate } from "./context.js";

/** One category of a question table: its label, count and share (suppressed: both null). */
export interface Cat {
  readonly label: string;
  readonly count: number | null;
  readonly share: number | null;
  readonly suppressed: boolean;
}

export interface AreaScope {
  readonly ctx: SectionCtx;
  readonly t: Translate;
  /** The area code ("fractures", …, "0_2") and its population group. */
  readonly area: string;
  readonly group: string;
  readonly year: number;
  readonly period: string;
  /** The suffix of the area's question tables ("@fractures"). */
  readonly sfx: string;
  /** The id part of the area's items ("lower-respiratory-infections"). */
  readonly id: string;
  readonly areaName: string;
  /** The area's admission rate ("focus_fractures", "focus_admissions_0_2"). */
  readonly rateIndicator: string;
  /** "cannot be answered with this extract" reasons by question code. */
  readonly cannotAnswer: ReadonlyMap<string, string>;
  /** The question charts' rows of the area. */
  readonly q: ReportQuestionTables;
  /** The region's row of a question-table indicator. */
  readonly row: (indicator: string, sex?: "all" | "F" | "M") => IndicatorRow | undefined;
  /** The region's categories of a question table, labelled. */
  readonly cats: (table: string, label: (code: string) => string) => Cat[];
}

/** A share or rate as published: one decimal (the tables print one; full floats are not data). */
export const round1 = (x: number | null | undefined): number | null => (x === null || x === undefined ? null : Math.round(x * 10) / 10);
export const pct = (r: IndicatorRow | undefined): number | null => (r === undefined || r.suppressed ? null : round1(r.value));
export const num = (r: IndicatorRow | undefined): number | null => (r === undefined || r.suppressed ? null : r.numerator);

/** The scope of one focus area in the report's context. */
export function areaScope(ctx: SectionCtx, cannotAnswer: ReadonlyMap<string, string>, area: string, group: string): AreaScope {
  const year = ctx.data.lastYear;
  const period = String(year);
  const sfx = `@${area}`;
  const questionRows = ctx.data.questionRows ?? [];
  const region = questionRows.filter((r) => r.level === "region" && r.period === period && r.group === group);
  const row = (indicator: string, sex: "all" | "F" | "M" = "all") => region.find((r) => r.indicator === indicator && r.sex === sex);
  const cats = (table: string, label: (code: string) => string): Cat[] => {
    const prefix = `${table}${sfx}:`;
    return region
      .filter((r) => r.sex === "all" && r.indicator.startsWith(prefix))
      .map((r) => ({ label: label(r.indicator.slice(prefix.length)), count: num(r), share: pct(r), suppressed: r.suppressed }));
  };
  return {
    ctx,
    t: ctx.t,
    area,
    group,
    year,
    period,
    sfx,
    id: area.replace(/_/g, "-"),
    areaName: ctx.t(`area.${area}` as ReportTextKey),
    rateIndicator: area === "0_2" ? "focus_admissions_0_2" : `focus_${area}`,
    cannotAnswer,
    q: reportQuestionTables(questionRows, { year, group, area, lang: ctx.lang }),
    row,
    cats,
  };
}

/** A heading paragraph of the section (a question), with further paragraphs. */
export function heading(s: AreaScope, key: ReportTextKey, extra: readonly string[] = []): ReportItem {
  return { kind: "text", paragraphs: [s.t(key), ...extra] };
}

/** A category table: the categories' label (under `header`), count and share. */
export function catTable(s: AreaScope, id: string, title: string, rows: readonly Cat[], header: ReportTextKey, notes: readonly string[] = []): ReportTableItem {
  return {
    kind: "table",
    id,
    title,
    csv: rows.map((r) => ({ category: r.label, count: r.count, share_pct: r.share })),
    table: { columns: tableColumns(s.t, [{ name: "label", header }, "count", "share"]), rows: rows.map((r) => ({ ...r })) },
    ...(notes.length > 0 ? { notes } : {}),
  };
}

type FlaggedRow = Readonly<Record<string, unknown>> & { readonly suppressed?: boolean; readonly suppressedCells?: readonly string[] };

/** A table of rows with suppression flags: the table prints them, its CSV file leaves them out. */
export function flaggedTable(s: AreaScope, id: string, title: string, columns: readonly ColumnRef[], rows: readonly FlaggedRow[], notes?: readonly string[]): ReportTableItem {
  return {
    kind: "table",
    id,
    title,
    csv: rows.map(({ suppressed: _s, suppressedCells: _c, ...r }) => r),
    table: { columns: tableColumns(s.t, columns), rows },
    ...(notes === undefined ? {} : { notes }),
  };
}
