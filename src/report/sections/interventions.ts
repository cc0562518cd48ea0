/**
 * One section per intervention (the spread model): its spread record (spreadRecord.ts) → the
 * spread matrix → its effect, Triple Aim chart and Triple Aim status (effect.ts, tripleAim.ts) →
 * its spread analysis (spreadAnalysis.ts); a programme gets its own section (programme.ts). With
 * `--focus`, an intervention is in the report when one of its targets is a measure of the focus.
 */
import { spreadMatrixChart, spreadMatrixRows } from "../../charts/index.js";
import { FOCUS_AREAS, type FocusArea } from "../../overview/focusAreas.js";
import { spreadMatrix, type Intervention } from "../../spread/index.js";
import { dataColumns, tableColumns } from "../columns.js";
import type { ReportChartItem, ReportItem, ReportSection } from "../reportTypes.js";
import { attempt, slug, type SectionCtx } from "./context.js";
import { effectItems, statusItem } from "./effect.js";
import { programmeSection } from "./programme.js";
import type { SectionGenerator } from "./recipe.js";
import { spreadAnalysisItems } from "./spreadAnalysis.js";
import { spreadRecordItems } from "./spreadRecord.js";
import { adopterName, spreadIntro } from "./spreadWords.js";
import { tripleAimItem } from "./tripleAim.js";

/** The spread matrix: each kernel element's state per adopting cluster. */
function matrixItem(ctx: SectionCtx, iv: Intervention, idBase: string): ReportChartItem | null {
  const id = `spread-${idBase}`;
  return attempt(ctx, id, (): ReportChartItem | null => {
    const m = spreadMatrix(iv, { language: ctx.lang, unitName: (a) => adopterName(ctx, a) });
    if (m.cells.length === 0) return null;
    const chart = spreadMatrixChart(spreadMatrixRows(m.cells), { lang: ctx.lang, id, title: ctx.t("t.spread", { name: iv.name }) });
    const clusters = [...new Set(chart.data.map((r) => r.clusterLabel))];
    const elements = [...new Set(chart.data.map((r) => r.item))];
    const rows = elements.map((item) => {
      const row: Record<string, unknown> = { item };
      for (const [i, c] of clusters.entries()) row[`c${i}`] = chart.data.find((r) => r.item === item && r.clusterLabel === c)?.stateLabel ?? "";
      return row;
    });
    const columns = tableColumns(ctx.t, [
      "item",
      ...dataColumns(
        clusters.map((_, i) => `c${i}`),
        "text",
        (_, i) => clusters[i],
      ),
    ]);
    return { kind: "chart", id, chart, main: true, csv: chart.data, table: { columns, rows } };
  });
}

function interventionSection(ctx: SectionCtx, iv: Intervention): ReportSection {
  const idBase = slug(iv.id);
  if (iv.kind === "programme") return programmeSection(ctx, iv, ctx.data.interventions, idBase);
  const items: ReportItem[] = [...spreadRecordItems(ctx, iv, idBase)];
  const matrix = matrixItem(ctx, iv, idBase);
  if (matrix) items.push(matrix);
  const adopted = iv.adoptions.some((a) => a.municipality === undefined && a.hospital === undefined);
  if (adopted && iv.targets.length > 0) {
    items.push(...effectItems(ctx, iv, idBase));
    const ta = tripleAimItem(ctx, iv, idBase);
    if (ta) items.push(ta);
    const status = statusItem(ctx, iv, idBase);
    if (status) items.push(status);
  }
  items.push(...spreadAnalysisItems(ctx, iv, idBase));
  const intro = [iv.description ?? "", ...spreadIntro(ctx, iv, ctx.data.interventions), ctx.t("intro.intervention")].filter((s) => s !== "");
  return { id: `sec-intervention-${idBase}`, dimension: "spread", title: ctx.t("sec.intervention", { name: iv.name }), intro, items };
}

/** An intervention serves the focus when one of its targets is a measure of the focus (its section and effects are then in the report). */
function interventionInFocus(iv: Intervention, focus: FocusArea): boolean {
  if (focus === "all") return true;
  const measures = FOCUS_AREAS[focus];
  return iv.targets.some((t) => measures.some((m) => m.group === t.group && (m.indicator === t.indicator || m.indicator.startsWith(`${t.indicator}:`))));
}

/** A section per intervention in focus; without interventions, a section saying so. */
export const INTERVENTIONS: SectionGenerator = {
  *generate(ctx, focus) {
    if (ctx.data.interventions.length === 0) yield { section: { id: "sec-interventions", dimension: "spread", title: ctx.t("dim.spread"), intro: [ctx.t("intro.noInterventions")], items: [] }, focus: [] };
    for (const iv of ctx.data.interventions) if (interventionInFocus(iv, focus)) yield { section: interventionSection(ctx, iv) };
  },
};
