/**
 * The sector checklist of a pathway programme as a chart (seed 000: "Årlig statusopgørelse på
 * anbefalingerne i forløbsprogrammet (sektorvis 'tjekliste' …)"): for each year (column) and
 * sector (row: the municipality, the hospital, the practice sector), one stacked bar per adopter
 * with the number of recommendations implemented, partly implemented, not implemented, not
 * relevant and not reported (src/spread/recommendationStatusTable.ts summary rows). Blues for
 * implemented/partly, vermillion for not implemented, greys for not relevant / not reported.
 */
import type { RecommendationStatusSummaryRow } from "../spread/recommendationStatusTable.js";
import type { RecommendationSector } from "../spread/vocabulary.js";
import { chartMeta, frameChart, type Chart, type ChartOptions } from "./chart.js";
import { chartLabel } from "../text/catalogue.js";
import { OKABE_ITO } from "./theme.js";

export const CHECKLIST_STATUSES = ["implemented", "partly", "not_implemented", "not_relevant", "not_reported"] as const;
export type ChecklistStatus = (typeof CHECKLIST_STATUSES)[number];

/** One bar segment: year × sector × adopter × status with its count. */
export interface SectorChecklistRow {
  readonly year: number;
  readonly sector: RecommendationSector;
  readonly sectorLabel: string;
  readonly adopter: string;
  readonly status: ChecklistStatus;
  readonly statusLabel: string;
  readonly order: number;
  readonly count: number;
}

const COLOURS: Record<ChecklistStatus, string> = {
  implemented: "#08519c",
  partly: "#6baed6",
  not_implemented: OKABE_ITO.vermillion,
  not_relevant: "#d9d9d9",
  not_reported: "#f7f7f7",
};

/**
 * Rows of the chart from the summary of recommendationStatusTable.
 * @param adopterName display name of an adopter (default cluster, or "cluster / municipality code")
 * @example sectorChecklistChart(sectorChecklistRows(recommendationStatusTable(interventions[0]).summary))
 */
export function sectorChecklistRows(
  summary: readonly RecommendationStatusSummaryRow[],
  options: { readonly lang?: "da" | "en"; readonly adopterName?: (r: RecommendationStatusSummaryRow) => string } = {},
): SectorChecklistRow[] {
  const lang = options.lang ?? "da";
  const name = options.adopterName ?? ((r: RecommendationStatusSummaryRow) => (r.municipality === null ? r.cluster : `${r.cluster} / ${r.municipality}`));
  return summary.flatMap((r) =>
    CHECKLIST_STATUSES.map((status, order) => ({
      year: r.year,
      sector: r.sector,
      sectorLabel: chartLabel(lang, `checklist.sector.${r.sector}`),
      adopter: name(r),
      status,
      statusLabel: chartLabel(lang, `checklist.status.${status}`),
      order,
      count: r[status],
    })),
  ).filter((r) => r.count > 0);
}

/**
 * Builds the checklist chart.
 * @example sectorChecklistChart(sectorChecklistRows(recommendationStatusTable(lowBackPain).summary))
 */
export function sectorChecklistChart(rows: readonly SectorChecklistRow[], options: ChartOptions = {}): Chart<SectorChecklistRow> {
  const lang = options.lang ?? "da";
  const data = [...rows];
  const years = [...new Set(data.map((r) => r.year))].sort((a, b) => a - b);
  const adopters = [...new Set(data.map((r) => r.adopter))];
  const sectors = (["municipality", "hospital", "practice_sector"] as const).filter((s) => data.some((r) => r.sector === s)).map((s) => chartLabel(lang, `checklist.sector.${s}`));
  const present = CHECKLIST_STATUSES.filter((s) => data.some((r) => r.status === s));
  const labels = present.map((s) => chartLabel(lang, `checklist.status.${s}`));
  const total = options.width ?? (options.size === "column" ? 300 : 560);
  const panel = Math.max(60, Math.floor((total - 120) / Math.max(1, years.length)) - 8);
  const body = {
    data: { values: data },
    facet: {
      row: { field: "sectorLabel", type: "nominal", sort: sectors, title: null, header: { labelAngle: 0, labelAlign: "left", labelAnchor: "start", labelOrient: "top", labelFontWeight: "bold" } },
      column: { field: "year", type: "ordinal", sort: years, title: null, header: { labelFontWeight: "bold" } },
    },
    spacing: { row: 8, column: 8 },
    spec: {
      width: panel,
      height: { step: 14 },
      mark: { type: "bar", stroke: "#bdbdbd", strokeWidth: 0.5 },
      encoding: {
        y: { field: "adopter", type: "nominal", sort: adopters, title: null, axis: { labelLimit: 140 } },
        x: { field: "count", type: "quantitative", stack: "zero", title: chartLabel(lang, "checklist.count"), axis: { tickMinStep: 1, format: "d" } },
        order: { field: "order", type: "quantitative" },
        color: {
          field: "statusLabel",
          type: "nominal",
          title: chartLabel(lang, "checklist.status"),
          scale: { domain: labels, range: present.map((s) => COLOURS[s]) },
          legend: { orient: "right", symbolStrokeColor: "#bdbdbd", symbolStrokeWidth: 0.5 },
        },
        tooltip: [
          { field: "year", title: chartLabel(lang, "period") },
          { field: "sectorLabel", title: chartLabel(lang, "unit") },
          { field: "adopter", title: chartLabel(lang, "cluster") },
          { field: "statusLabel", title: chartLabel(lang, "checklist.status") },
          { field: "count", title: chartLabel(lang, "checklist.count") },
        ],
      },
    },
    resolve: { scale: { x: "shared" } },
  };
  const meta = chartMeta(
    options,
    { id: "sector-checklist", title: chartLabel(lang, "checklist.title"), subtitle: chartLabel(lang, "checklist.subtitle") },
    options.definition ? [] : [chartLabel(lang, "checklist.definition") + "."],
  );
  return frameChart(body, data, meta, total);
}
