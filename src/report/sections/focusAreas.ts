/**
 * The focus areas: 0–2-year-olds (admissions, readmissions and the registration-practice
 * difference), citizens 65+ (fractures, lower respiratory infections, unspecific diagnoses), the
 * data group's questions about the 65+ (when, from where, who), and one section per focus area
 * answering the minutes' questions (areaSection.ts).
 */
import { registrationChart, type RegistrationRow } from "../../charts/index.js";
import { cannotAnswerTexts } from "../cannotAnswer.js";
import { tableColumns } from "../columns.js";
import type { ReportChartItem } from "../reportTypes.js";
import { areaSection, REPORT_AREAS } from "./areaSection.js";
import { attempt, select, type SectionCtx } from "./context.js";
import { agePyramidItem, heatmapItem, referralItem } from "./questionCharts.js";
import type { ItemRecipe, SectionGenerator, SectionPart } from "./recipe.js";
import { trend } from "./trend.js";

/** The 0–2-year-olds' admission rate of the last year per cluster: harmonised against as registered. */
function registrationItem(ctx: SectionCtx): ReportChartItem | null {
  const id = "registration-0-2";
  return attempt(ctx, id, (): ReportChartItem | null => {
    const year = String(ctx.data.lastYear);
    const harmonised = select(ctx, "admission_rate", "0-2", ["cluster"], "year").filter((r) => r.period === year);
    const registered = ctx.data.registered.filter((r) => r.level === "cluster" && r.group === "0-2" && r.sex === "all" && r.period === year);
    if (harmonised.length === 0 || registered.length === 0) return null;
    const rows: RegistrationRow[] = [];
    const table: Record<string, unknown>[] = [];
    for (const h of [...harmonised].sort((a, b) => a.unit.localeCompare(b.unit, "da"))) {
      const g = registered.find((r) => r.unit === h.unit);
      const hv = h.suppressed ? null : h.value;
      const gv = g === undefined || g.suppressed ? null : g.value;
      rows.push({ cluster: h.unit, basis: "harmonised", value: hv, lower: h.suppressed ? null : h.lower, upper: h.suppressed ? null : h.upper, suppressed: h.suppressed });
      rows.push({ cluster: h.unit, basis: "registered", value: gv, lower: gv === null ? null : (g?.lower ?? null), upper: gv === null ? null : (g?.upper ?? null), suppressed: gv === null });
      const cells: string[] = [];
      if (hv === null) cells.push("harmonised", "difference");
      if (gv === null) cells.push("registered", "difference");
      table.push({ cluster: h.unit, harmonised: hv, registered: gv, difference: hv !== null && gv !== null ? gv - hv : null, suppressedCells: cells });
    }
    const chart = registrationChart(rows, {
      lang: ctx.lang,
      id,
      title: ctx.t("t.registration", { year }),
      subtitle: ctx.t("t.registrationSub"),
      valueTitle: ctx.t("m.admission_rate"),
      valueFormat: ",.0f",
      period: year,
      suppressionMin: ctx.minCount,
    });
    return { kind: "chart", id, chart, main: true, csv: chart.data, table: { columns: tableColumns(ctx.t, ["cluster", "harmonised", "registered", "difference"]), rows: table } };
  });
}

/** The data group's questions about the 65+ of the last year: when, from where, who. */
const questions65: ItemRecipe = (ctx) => {
  const q = ctx.data.questions;
  if (q === null) return null;
  const year = String(ctx.data.lastYear);
  const chart = (id: string, title: string) => ({ id, title, year, main: true });
  const byCount = [...q.referral].sort((a, b) => (b.count ?? -1) - (a.count ?? -1));
  return [
    attempt(ctx, "heatmap-65", () => heatmapItem(ctx, q, chart("heatmap-65", ctx.t("t.heatmap", { year })))),
    attempt(ctx, "referral-65", () => referralItem(ctx, q, chart("referral-65", ctx.t("t.referral", { year })), byCount)),
    attempt(ctx, "age-sex-65", () => agePyramidItem(ctx, q, chart("age-sex-65", ctx.t("t.agePyramid", { year })))),
  ].filter((x): x is ReportChartItem => x !== null);
};

/** One section per focus area, the minutes' questions in their order. */
const AREA_SECTIONS: SectionGenerator = {
  *generate(ctx) {
    if (ctx.data.questionRows === undefined) return;
    const cannotAnswer = cannotAnswerTexts(ctx.data.dataset, ctx.t);
    for (const { area, group, focus } of REPORT_AREAS) {
      const section = attempt(ctx, `sec-area-${area}`, () => areaSection(ctx, cannotAnswer, area, group));
      if (section) yield { section, focus };
    }
  },
};

export const FOCUS_AREA_SECTIONS: readonly SectionPart[] = [
  {
    id: "sec-focus-0-2",
    dimension: "focus",
    title: "sec.focus02",
    intro: ["intro.focus02"],
    focus: ["0-2", "admissions", "readmissions"],
    items: [trend("trend-admission-0-2", "focus_admissions_0_2", "0-2", { main: true }), trend("trend-readmission-0-2", "readmission_30d", "0-2"), registrationItem],
  },
  {
    id: "sec-focus-65",
    dimension: "focus",
    title: "sec.focus65",
    intro: ["intro.focus65"],
    focus: ["65+", "preventable"],
    items: [
      trend("trend-fractures-65", "focus_fractures", "65+", { main: true }),
      trend("trend-lower-respiratory-65", "focus_lower_respiratory_infections", "65+", { main: true }),
      trend("trend-unspecific-65", "focus_unspecific", "65+", { main: true }),
    ],
  },
  {
    id: "sec-questions-65",
    dimension: "focus",
    title: "sec.questions65",
    intro: (ctx) => [ctx.t("intro.questions65", { year: ctx.data.lastYear })],
    focus: ["65+", "preventable"],
    items: [questions65],
  },
  AREA_SECTIONS,
];
