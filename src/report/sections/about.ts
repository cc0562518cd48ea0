/**
 * About the report: the definitions, the suppression note and the load report (what was read,
 * accepted and rejected). Always shown, whatever the focus.
 */
import { tableColumns } from "../columns.js";
import type { ReportTableItem } from "../reportTypes.js";
import type { SectionCtx } from "./context.js";
import type { ItemRecipe, SectionPart } from "./recipe.js";

/** The load report of the dataset: one row per file (an absent file says so). */
function loadTable(ctx: SectionCtx): ReportTableItem {
  const tables = ctx.data.dataset.report.tables;
  return {
    kind: "table",
    id: "load-report",
    title: "",
    csv: tables.map((t) => ({ file: t.file, present: t.present, rowsRead: t.rowsRead, rowsAccepted: t.rowsAccepted, rowsRejected: t.rowsRejected, duplicates: t.duplicates, warnings: t.warnings })),
    table: {
      columns: tableColumns(ctx.t, ["file", "rowsRead", "rowsAccepted", "rowsRejected", "duplicates", "warnings"]),
      rows: tables.map((t) =>
        t.present
          ? { file: t.file, rowsRead: t.rowsRead, rowsAccepted: t.rowsAccepted, rowsRejected: t.rowsRejected, duplicates: t.duplicates, warnings: t.warnings }
          : { file: `${t.file} (${ctx.t("load.absent")})`, rowsRead: null, rowsAccepted: null, rowsRejected: null, duplicates: null, warnings: null },
      ),
    },
  };
}

/** The totals of the load report and its problems by code. */
function loadIntro(ctx: SectionCtx): string[] {
  const report = ctx.data.dataset.report;
  const sum = (f: (t: (typeof report.tables)[number]) => number) => report.tables.reduce((s, t) => s + (t.present ? f(t) : 0), 0);
  const counts = Object.entries(report.problemCounts).sort((a, b) => b[1] - a[1]);
  const fmtInt = (n: number) => n.toLocaleString(ctx.lang === "da" ? "da-DK" : "en-GB");
  return [
    ctx.t("load.summary", { read: fmtInt(sum((t) => t.rowsRead)), accepted: fmtInt(sum((t) => t.rowsAccepted)), rejected: fmtInt(sum((t) => t.rowsRejected)), duplicates: fmtInt(sum((t) => t.duplicates)) }),
    counts.length === 0 ? ctx.t("load.noProblems") : `${ctx.t("load.problems")} ${counts.map(([code, n]) => `${code} (${fmtInt(n)})`).join(", ")}.`,
  ];
}

const DEFINITIONS = ["def.stay", "def.admission", "def.readmission", "def.exclusions", "def.preventable", "def.focus", "def.rates", "def.cost"] as const;

const definitions: ItemRecipe = (ctx) => ({ kind: "text", list: true, paragraphs: DEFINITIONS.map((key) => ctx.t(key)) });

const suppression: ItemRecipe = (ctx) => ({ kind: "text", paragraphs: [ctx.minCount > 0 ? ctx.t("note.suppression", { min: ctx.minCount }) : ctx.t("note.suppressionOff"), ctx.t("note.noPatientIds")] });

export const ABOUT: readonly SectionPart[] = [
  { id: "sec-definitions", dimension: "about", title: "sec.definitions", intro: [], focus: [], items: [definitions] },
  { id: "sec-suppression", dimension: "about", title: "sec.suppression", intro: [], focus: [], items: [suppression] },
  { id: "sec-load-report", dimension: "about", title: "sec.loadReport", intro: loadIntro, focus: [], items: [loadTable] },
];
