/** The shapes of the report: sections by Triple Aim dimension, each with charts and tables. */
import type { Chart } from "../charts/index.js";
import type { ReportLang } from "../text/catalogue.js";
import type { ReportTable } from "./reportTable.js";

/** The table of contents' first level: Triple Aim dimensions, focus areas, comparison, spread. */
export type ReportDimension = "overview" | "health" | "focus" | "experience" | "cost" | "comparison" | "spread" | "about";

/** "overview" is the first page (key messages and the overview), printed before the table of contents. */
export const REPORT_DIMENSIONS: readonly ReportDimension[] = ["overview", "health", "focus", "experience", "cost", "comparison", "spread", "about"];

/** A chart with its key table and the data behind it (written to tables/<id>.csv). */
export interface ReportChartItem {
  readonly kind: "chart";
  /** File-name-safe id: charts/<id>.svg, tables/<id>.csv, and the HTML anchor. */
  readonly id: string;
  readonly chart: Chart<unknown>;
  /** The key table printed under the chart. */
  readonly table: ReportTable;
  /** The data behind the chart (CSV), suppressed cells empty. */
  readonly csv: readonly object[];
  /** A main chart (rendered to PDF too with the default options). */
  readonly main: boolean;
  /** Notes printed under the table (e.g. units left out of a funnel plot). */
  readonly notes?: readonly string[];
}

/** A table without a chart (e.g. the Triple Aim status of an intervention). */
export interface ReportTableItem {
  readonly kind: "table";
  readonly id: string;
  readonly title: string;
  readonly table: ReportTable;
  readonly csv: readonly object[];
  readonly notes?: readonly string[];
}

/** Paragraphs or a definition list without a table. */
export interface ReportTextItem {
  readonly kind: "text";
  readonly paragraphs: readonly string[];
  /** Render as a bulleted list instead of paragraphs. */
  readonly list?: boolean;
}

/** Key messages: sentences, each linked to the chart (anchor id) it is read from. */
export interface ReportMessagesItem {
  readonly kind: "messages";
  readonly id: string;
  readonly title: string;
  /** Each message with the anchor ids of the charts it is read from. */
  readonly messages: readonly { readonly text: string; readonly hrefs: readonly string[]; readonly code: string }[];
  /** The findings behind the messages (tables/<id>.csv): number, code, text, charts, the finding's numbers as JSON. */
  readonly csv: readonly object[];
}

export type ReportItem = ReportChartItem | ReportTableItem | ReportTextItem | ReportMessagesItem;

export interface ReportSection {
  /** Anchor id of the section, e.g. "sec-readmissions". */
  readonly id: string;
  readonly dimension: ReportDimension;
  readonly title: string;
  readonly intro: readonly string[];
  readonly items: readonly ReportItem[];
}

/** Everything the HTML writer needs besides the rendered SVGs. */
export interface ReportDocument {
  readonly lang: ReportLang;
  readonly title: string;
  readonly subtitle: string;
  /** Data period, e.g. "2016–2023". */
  readonly period: string;
  /** Name of the dataset folder (no full path). */
  readonly dataset: string;
  readonly sections: readonly ReportSection[];
  /** Warnings shown in a box at the top (e.g. a chart left out). */
  readonly warnings: readonly string[];
}

/** Progress callback: a message for step i of n (1-based). */
export type ReportProgress = (step: string, i: number, n: number) => void;
