/**
 * The spread matrix of an intervention: kernel elements and implementation keys (rows, in two
 * groups) × clusters (columns, each with its phase in brackets), cells coloured by fidelity
 * (kernel) or state (keys), with the states of the spread layer (src/spread/spreadMatrix.ts):
 * dark blue kept / in place, mid blue partly / emerging, vermillion kernel not kept, orange key
 * chosen but not established, pale beige key not chosen, grey not recorded, white not adopted (Okabe–Ito based, colour-blind safe).
 * Model: Region Midtjylland's "Model for spredning" (kernel, local variation, spread platform,
 * implementation keys).
 */
import type { SpreadMatrixCell, SpreadMatrixState } from "../spread/spreadMatrix.js";
import { chartMeta, frameChart, wrapText, type Chart, type ChartOptions } from "./chart.js";
import { chartLabel, isChartLabelKey } from "../text/catalogue.js";
import type { ChartLang } from "./locale.js";
import { OKABE_ITO } from "./theme.js";

/** One cluster × item cell of the chart. */
export interface SpreadMatrixRow {
  readonly cluster: string;
  /** Kernel element or implementation key as shown, e.g. "TOBS-scoreskema" or "Ledelse". */
  readonly item: string;
  readonly itemKind: "kernel" | "key";
  readonly state: SpreadMatrixState;
  /** The cluster's phase ("development", "spread", "operation") or any label; "" when not adopted. */
  readonly phase: string;
}

const STATE_ORDER: SpreadMatrixState[] = ["kept", "partly", "not_kept", "in_place", "emerging", "absent", "not_chosen", "not_recorded", "not_adopted"];
const STATE_COLOURS: Record<SpreadMatrixState, string> = {
  kept: "#08519c",
  partly: "#6baed6",
  not_kept: OKABE_ITO.vermillion,
  in_place: "#08519c",
  emerging: "#6baed6",
  absent: OKABE_ITO.orange,
  not_chosen: "#f2efe6",
  not_recorded: "#9e9e9e",
  not_adopted: "#ffffff",
};

/**
 * Rows of the chart from the spread layer's matrix cells (unit → cluster, label → item).
 * @example spreadMatrixChart(spreadMatrixRows(spreadMatrix(interventions).cells))
 */
export function spreadMatrixRows(cells: readonly SpreadMatrixCell[]): SpreadMatrixRow[] {
  return cells.map((c) => ({ cluster: c.unit, item: c.label, itemKind: c.kind, state: c.state, phase: c.phase ?? "" }));
}

function phaseLabel(phase: string, lang: ChartLang): string {
  const key = `spread.phase.${phase === "" ? "none" : phase}`;
  return isChartLabelKey(key) ? chartLabel(lang, key) : phase;
}

/**
 * Builds the spread matrix chart (clusters × kernel elements and implementation keys).
 * @example spreadMatrixChart(spreadMatrixRows(spreadMatrix(tobs).cells), { subtitle: "TOBS" })
 */
export function spreadMatrixChart(
  rows: readonly SpreadMatrixRow[],
  options: ChartOptions = {},
): Chart<SpreadMatrixRow & { clusterLabel: string; kindLabel: string; stateLabel: string }> {
  const lang = options.lang ?? "da";
  const stateLabel = (s: SpreadMatrixState) => chartLabel(lang, `spread.state.${s}`);
  const kindLabel = { kernel: chartLabel(lang, "spread.kind.kernel"), key: chartLabel(lang, "spread.kind.key") };
  const clusters = [...new Set(rows.map((r) => r.cluster))];
  const phaseOf = new Map(rows.map((r) => [r.cluster, r.phase]));
  const clusterLabel = (c: string) => `${c} (${phaseLabel(phaseOf.get(c) ?? "", lang)})`;
  const data = rows.map((r) => ({ ...r, clusterLabel: clusterLabel(r.cluster), kindLabel: kindLabel[r.itemKind], stateLabel: stateLabel(r.state) }));
  const items = [...new Set(rows.map((r) => r.item))];
  const present = STATE_ORDER.filter((s) => rows.some((r) => r.state === s));
  // Row labels are often sentences (a kernel element's description): wrapped into lines, never cut.
  const labelChars = options.size === "column" ? 30 : 56;
  const lines = Object.fromEntries(items.map((item) => [item, wrapText(item, labelChars)]));
  const maxLines = Math.max(1, ...Object.values(lines).map((l) => l.length));
  const step = Math.max(options.size === "column" ? 18 : 22, maxLines * 12 + 4);
  const colStep = options.size === "column" ? 34 : 56;
  const body = {
    data: { values: data },
    facet: {
      row: {
        field: "kindLabel",
        type: "nominal",
        title: null,
        sort: [kindLabel.kernel, kindLabel.key],
        header: { labelAngle: 0, labelAlign: "left", labelAnchor: "start", labelOrient: "top", labelFontWeight: "bold" },
      },
    },
    spacing: 10,
    spec: {
      width: { step: colStep },
      height: { step },
      mark: { type: "rect", stroke: "#bdbdbd", strokeWidth: 0.5 },
      encoding: {
        x: {
          field: "clusterLabel",
          type: "nominal",
          sort: clusters.map(clusterLabel),
          title: null,
          axis: { orient: "top", labelAngle: -90, labelAlign: "left", labelBaseline: "middle", labelLimit: 0 },
        },
        y: { field: "item", type: "nominal", sort: items, title: null, axis: { labelLimit: 0, labelExpr: `${JSON.stringify(lines)}[datum.value]`, labelLineHeight: 12 } },
        color: {
          field: "stateLabel",
          type: "nominal",
          title: chartLabel(lang, "spread.state"),
          sort: present.map(stateLabel),
          scale: { domain: present.map(stateLabel), range: present.map((s) => STATE_COLOURS[s]) },
          legend: { orient: "right", symbolStrokeColor: "#bdbdbd", symbolStrokeWidth: 0.5 },
        },
        tooltip: [
          { field: "cluster", title: chartLabel(lang, "cluster") },
          { field: "phase", title: chartLabel(lang, "spc.phase") },
          { field: "item", title: chartLabel(lang, "spread.item") },
          { field: "stateLabel", title: chartLabel(lang, "spread.state") },
        ],
      },
    },
    resolve: { scale: { y: "independent" } },
  };
  const meta = chartMeta(
    options,
    { id: "spread-matrix", title: chartLabel(lang, "spread.title"), subtitle: chartLabel(lang, "spread.subtitle") },
    options.definition ? [] : [chartLabel(lang, "spread.definition") + "."],
  );
  const labelWidth = Math.min(labelChars, Math.max(...items.map((i) => i.length), 10)) * 5.6 + 10;
  const width = Math.max(320, clusters.length * colStep + labelWidth);
  return frameChart(body, data, meta, width);
}
