/**
 * The timeline of an intervention (src/spread/adoptionTimeline.ts): one lane for the decision to
 * spread, the milestones, the PDSA cycles, the status reports and the target deadlines, and one lane
 * per adopter (cluster, municipality or hospital) with its start and its implementation-key
 * assessments. PDSA cycles are bars from start to end; everything else a symbol, shape and colour by
 * kind (Okabe–Ito, colour-blind safe). Illustrative items (marked so in the file) are drawn hollow.
 * The text of each event is in the tooltip and in the table behind the chart.
 */
import type { TimelineEvent, TimelineEventKind } from "../spread/adoptionTimeline.js";
import { chartMeta, frameChart, type Chart, type ChartOptions } from "./chart.js";
import { chartLabel, type ChartLabelKey } from "../text/catalogue.js";
import type { ChartLang } from "./locale.js";
import { OKABE_ITO } from "./theme.js";

/** One mark of the timeline chart. */
export interface SpreadTimelineRow {
  readonly lane: string;
  readonly laneOrder: number;
  readonly date: string;
  /** End date of a PDSA cycle, else null. */
  readonly end: string | null;
  readonly kind: TimelineEventKind;
  readonly kindLabel: string;
  readonly text: string;
  readonly state: string;
  readonly illustrative: boolean;
}

const KIND_STYLE: Record<TimelineEventKind, { colour: string; shape: string }> = {
  decision: { colour: OKABE_ITO.black, shape: "diamond" },
  milestone: { colour: OKABE_ITO.reddishPurple, shape: "triangle-up" },
  pdsa_cycle: { colour: OKABE_ITO.bluishGreen, shape: "square" },
  status_report: { colour: OKABE_ITO.skyBlue, shape: "circle" },
  target_deadline: { colour: OKABE_ITO.vermillion, shape: "cross" },
  adoption_start: { colour: OKABE_ITO.blue, shape: "triangle-right" },
  key_assessment: { colour: OKABE_ITO.orange, shape: "circle" },
};
const KIND_ORDER: TimelineEventKind[] = ["decision", "milestone", "pdsa_cycle", "status_report", "target_deadline", "adoption_start", "key_assessment"];
const LANE_KEY: Partial<Record<TimelineEventKind, ChartLabelKey>> = {
  decision: "timeline.lane.decision",
  milestone: "timeline.lane.milestone",
  pdsa_cycle: "timeline.lane.pdsa",
  status_report: "timeline.lane.status",
  target_deadline: "timeline.lane.deadline",
};

export interface SpreadTimelineRowOptions {
  readonly lang?: ChartLang;
  /** Display name of an adopter (default: cluster, "cluster / municipality code", "cluster / hospital"). */
  readonly adopterName?: (e: TimelineEvent) => string;
  /** Text of a state code (phase, milestone state, decision basis); default the code. */
  readonly stateText?: (e: TimelineEvent) => string;
  /** Display text of a target deadline (default the event's label). */
  readonly targetText?: (e: TimelineEvent) => string;
}

/**
 * Rows of the chart from the spread layer's timeline events.
 * @example spreadTimelineChart(spreadTimelineRows(adoptionTimeline(interventions), { lang: "da" }))
 */
export function spreadTimelineRows(events: readonly TimelineEvent[], options: SpreadTimelineRowOptions = {}): SpreadTimelineRow[] {
  const lang = options.lang ?? "da";
  const adopter = options.adopterName ?? ((e: TimelineEvent) => (e.municipality !== null ? `${e.cluster} / ${e.municipality}` : e.hospital !== null ? `${e.cluster} / ${e.hospital}` : (e.cluster ?? "")));
  const lanes: string[] = [];
  const laneOf = (e: TimelineEvent): string => {
    const key = LANE_KEY[e.kind];
    return key !== undefined ? chartLabel(lang, key) : adopter(e);
  };
  const fixed = KIND_ORDER.map((k) => LANE_KEY[k]).filter((k): k is ChartLabelKey => k !== undefined).map((k) => chartLabel(lang, k));
  for (const e of events) {
    const lane = laneOf(e);
    if (!lanes.includes(lane)) lanes.push(lane);
  }
  const order = [...fixed.filter((l) => lanes.includes(l)), ...lanes.filter((l) => !fixed.includes(l))];
  return events.map((e) => {
    const keys = e.kind === "key_assessment" ? chartLabel(lang, "timeline.keys", { inPlace: e.keysInPlace.length, chosen: e.keysChosen.length }) : "";
    const text = e.kind === "target_deadline" && options.targetText ? options.targetText(e) : e.kind === "key_assessment" || e.kind === "adoption_start" ? adopter(e) : e.label;
    return {
      lane: laneOf(e),
      laneOrder: order.indexOf(laneOf(e)),
      date: e.date,
      end: e.end,
      kind: e.kind,
      kindLabel: chartLabel(lang, `timeline.kind.${e.kind}`),
      text,
      state: e.kind === "key_assessment" ? keys : e.state === null ? "" : options.stateText ? options.stateText(e) : e.state,
      illustrative: e.illustrative,
    };
  });
}

/**
 * Builds the timeline chart.
 * @example spreadTimelineChart(spreadTimelineRows(adoptionTimeline(frail)), { period: "2018–2022" })
 */
export function spreadTimelineChart(rows: readonly SpreadTimelineRow[], options: ChartOptions = {}): Chart<SpreadTimelineRow> {
  const lang = options.lang ?? "da";
  const data = [...rows];
  const lanes = [...new Set([...data].sort((a, b) => a.laneOrder - b.laneOrder).map((r) => r.lane))];
  const kinds = KIND_ORDER.filter((k) => data.some((r) => r.kind === k));
  const kindLabels = kinds.map((k) => chartLabel(lang, `timeline.kind.${k}`));
  const width = options.width ?? (options.size === "column" ? 220 : 400);
  const dates = data.flatMap((r) => [r.date, r.end ?? r.date]).sort();
  const spanYears = dates.length === 0 ? 0 : (Date.parse(dates[dates.length - 1]) - Date.parse(dates[0])) / (365.25 * 864e5);
  // Year ticks for long spans; quarters (month and year) for a plan of a year or two.
  const axis = spanYears > 2.5 ? { format: "%Y", tickCount: "year", grid: true } : { format: "%b %Y", tickCount: { interval: "month", step: 3 }, grid: true, labelAngle: 0 };
  const x = { field: "date", type: "temporal", title: null, scale: { padding: 12 }, axis };
  const y = { field: "lane", type: "nominal", sort: lanes, title: null, axis: { labelLimit: 200 } };
  const colour = {
    field: "kindLabel",
    type: "nominal",
    title: chartLabel(lang, "timeline.kind"),
    scale: { domain: kindLabels, range: kinds.map((k) => KIND_STYLE[k].colour) },
    legend: { orient: "right" },
  };
  const shape = { field: "kindLabel", type: "nominal", scale: { domain: kindLabels, range: kinds.map((k) => KIND_STYLE[k].shape) }, title: chartLabel(lang, "timeline.kind") };
  const tooltip = [
    { field: "kindLabel", title: chartLabel(lang, "timeline.kind") },
    { field: "date", type: "temporal", title: chartLabel(lang, "timeline.date"), format: "%d-%m-%Y" },
    { field: "text", title: chartLabel(lang, "timeline.what") },
    { field: "state", title: chartLabel(lang, "timeline.state") },
  ];
  const body = {
    data: { values: data },
    width,
    height: { step: 22 },
    layer: [
      {
        transform: [{ filter: "datum.kind === 'pdsa_cycle' && isValid(datum.end)" }],
        mark: { type: "bar", height: 8, opacity: 0.6, color: KIND_STYLE.pdsa_cycle.colour },
        encoding: { x, x2: { field: "end" }, y, tooltip },
      },
      {
        mark: { type: "point", filled: true, size: 70, strokeWidth: 1.5, opacity: 1 },
        encoding: {
          x,
          y,
          color: colour,
          shape,
          stroke: { field: "kindLabel", type: "nominal", title: chartLabel(lang, "timeline.kind"), scale: { domain: kindLabels, range: kinds.map((k) => KIND_STYLE[k].colour) } },
          fillOpacity: { condition: { test: "datum.illustrative", value: 0 }, value: 1 },
          tooltip,
        },
      },
    ],
  };
  const notes = [chartLabel(lang, "timeline.definition") + "."];
  if (data.some((r) => r.illustrative)) notes.push(chartLabel(lang, "timeline.illustrative") + ".");
  const meta = chartMeta(options, { id: "spread-timeline", title: chartLabel(lang, "timeline.title"), subtitle: chartLabel(lang, "timeline.subtitle") }, options.definition ? [] : notes);
  return frameChart(body, data, meta, width + 200);
}
