/**
 * The spread record of an intervention (issue 18), the items before its effect, in the order a
 * steering group reads them: timeline → Triple Aim targets (with their dimension) → implementation
 * keys with their questions and each receiver's choice → local adaptations and protected
 * core-task items per receiver → push and pull per receiver → the sector checklist.
 */
import { sectorChecklistChart, sectorChecklistRows, spreadTimelineChart, spreadTimelineRows } from "../../charts/index.js";
import { IMPLEMENTATION_KEYS, IMPLEMENTATION_KEY_LABELS, IMPLEMENTATION_KEY_QUESTIONS, adoptionTimeline, implementationKeysAt, recommendationStatusTable, type Intervention, type TimelineEvent } from "../../spread/index.js";
import { dataColumns, tableColumns } from "../columns.js";
import type { ReportChartItem, ReportItem, ReportTableItem } from "../reportTypes.js";
import { attempt, type SectionCtx } from "./context.js";
import { STAR, adopterName, targetLabel, tv } from "./spreadWords.js";

export function timelineItem(ctx: SectionCtx, iv: Intervention, idBase: string): ReportChartItem | null {
  const id = `timeline-${idBase}`;
  return attempt(ctx, id, () => {
    const events = adoptionTimeline(iv);
    if (events.length === 0) return null;
    const name = (e: TimelineEvent) => adopterName(ctx, { cluster: e.cluster ?? "", municipality: e.municipality ?? undefined, hospital: e.hospital ?? undefined });
    const stateText = (e: TimelineEvent) =>
      e.kind === "milestone" ? tv(ctx, `val.milestone.${e.state}`, e.state ?? "") : e.kind === "decision" ? tv(ctx, `val.decision.${e.state}`, e.state ?? "") : tv(ctx, `val.phase.${e.state}`, e.state ?? "");
    const target = (e: TimelineEvent) => {
      const t = iv.targets.find((x) => x.id === e.id);
      return t ? targetLabel(ctx, t.indicator, t.group) : e.label;
    };
    const rows = spreadTimelineRows(events, { lang: ctx.lang, adopterName: name, stateText, targetText: target });
    const chart = spreadTimelineChart(rows, { lang: ctx.lang, id, title: ctx.t("t.timeline", { name: iv.name }), source: iv.sources[0] ?? undefined });
    return {
      kind: "chart",
      id,
      chart,
      main: false,
      csv: chart.data,
      table: {
        columns: tableColumns(ctx.t, ["date", "lane", "kindLabel", "textWhat", "state"]),
        rows: chart.data.map((r) => ({ ...r, date: r.end === null ? r.date : `${r.date} – ${r.end}`, text: r.illustrative ? r.text + STAR : r.text })),
      },
      notes: rows.some((r) => r.illustrative) ? [ctx.t("note.illustrative")] : [],
    };
  });
}

export function targetsItem(ctx: SectionCtx, iv: Intervention, idBase: string): ReportTableItem | null {
  if (iv.targets.length === 0) return null;
  const pct = (x: number) => `${x > 0 ? "+" : ""}${Math.round(x * 1000) / 10} %`;
  const rows = iv.targets.map((t) => ({
    measure: targetLabel(ctx, t.indicator, t.group) + (t.illustrative ? STAR : ""),
    dimension: ctx.t(`val.tdim.${t.dimension}`),
    target: t.relative_change !== undefined ? pct(t.relative_change) : t.target_value,
    baseline: `${t.baseline.start}–${t.baseline.end}`,
    deadline: t.deadline,
  }));
  return {
    kind: "table",
    id: `targets-${idBase}`,
    title: ctx.t("t.targets"),
    csv: iv.targets.map((t) => ({ indicator: t.indicator, group: t.group, dimension: t.dimension, relative_change: t.relative_change ?? null, target_value: t.target_value ?? null, baseline_start: t.baseline.start, baseline_end: t.baseline.end, deadline: t.deadline, illustrative: t.illustrative === true })),
    notes: [ctx.t("note.tripleAimDefault"), ...(iv.targets.some((t) => t.illustrative) ? [ctx.t("note.illustrative")] : [])],
    table: { columns: tableColumns(ctx.t, ["measure", "tripleAim", "target", "baselinePeriod", "deadline"]), rows },
  };
}

export function keysItem(ctx: SectionCtx, iv: Intervention, idBase: string): ReportTableItem | null {
  const adopters = iv.adoptions.filter((a) => a.key_assessments.length > 0);
  if (adopters.length === 0) return null;
  const states = adopters.map((a) => implementationKeysAt(a));
  const rows = IMPLEMENTATION_KEYS.map((k) => {
    const row: Record<string, unknown> = { key: IMPLEMENTATION_KEY_LABELS[k][ctx.lang], question: IMPLEMENTATION_KEY_QUESTIONS[k][ctx.lang] };
    states.forEach((s, i) => {
      const e = s[k];
      row[`a${i}`] = e === null ? ctx.t("val.key.not_assessed") : ctx.t(`val.key.${e.state}`) + (e.note === null ? "" : ` — ${e.note}`);
    });
    return row;
  });
  const adopterColumns = dataColumns(
    adopters.map((_, i) => `a${i}`),
    "text",
    (_, i) => adopterName(ctx, adopters[i]),
  );
  return {
    kind: "table",
    id: `keys-${idBase}`,
    title: ctx.t("t.keys"),
    csv: adopters.flatMap((a, i) => IMPLEMENTATION_KEYS.map((k) => ({ adopter: adopterName(ctx, a), key: k, state: states[i][k]?.state ?? "not_assessed", assessed: states[i][k]?.assessed ?? null }))),
    notes: [ctx.t("note.keysSelection")],
    table: { columns: tableColumns(ctx.t, ["key", "question", ...adopterColumns]), rows },
  };
}

export function adaptationsItem(ctx: SectionCtx, iv: Intervention, idBase: string): ReportTableItem | null {
  const rows: Record<string, unknown>[] = [];
  for (const a of iv.adoptions) {
    const who = adopterName(ctx, a);
    for (const ad of a.adaptations) rows.push({ receiver: who, kind: `${ctx.t("val.adaptation")} (${ctx.t(`val.kdim.${ad.dimension}`)})`, what: ad.what, why: ad.why });
    const p = a.protected;
    if (p !== undefined)
      for (const part of ["activities", "principles", "structures"] as const) for (const x of p[part]) rows.push({ receiver: who, kind: ctx.t(`val.protected.${part}`), what: x, why: "" });
  }
  if (rows.length === 0) return null;
  return { kind: "table", id: `adaptations-${idBase}`, title: ctx.t("t.adaptations"), csv: rows, table: { columns: tableColumns(ctx.t, ["receiver", "kind", "what", "why"]), rows } };
}

export function pushPullItem(ctx: SectionCtx, iv: Intervention, idBase: string): ReportTableItem | null {
  const rows: Record<string, unknown>[] = [];
  const sp = iv.spread_platform;
  for (const x of sp?.push ?? []) rows.push({ receiver: ctx.t("val.platform"), incentive: ctx.t("val.push"), actor: x.actor, motive: x.motive });
  for (const x of sp?.pull ?? []) rows.push({ receiver: ctx.t("val.platform"), incentive: ctx.t("val.pull"), actor: x.actor, motive: x.motive });
  for (const a of iv.adoptions) {
    if (a.pull.length === 0) rows.push({ receiver: adopterName(ctx, a), incentive: ctx.t("val.pull"), actor: "–", motive: "–" });
    for (const x of a.pull) rows.push({ receiver: adopterName(ctx, a), incentive: ctx.t("val.pull"), actor: x.actor, motive: x.motive });
  }
  if (rows.length === 0) return null;
  const notes = [
    ...(sp?.strategy === undefined ? [] : [`${ctx.t("note.strategy")} ${sp.strategy}`]),
    ...(sp === undefined || sp.co_created_by.length === 0 ? [] : [ctx.t("note.coCreated", { who: sp.co_created_by.join(", ") })]),
  ];
  return { kind: "table", id: `push-pull-${idBase}`, title: ctx.t("t.pushPull"), csv: rows, notes, table: { columns: tableColumns(ctx.t, ["receiver", "incentive", "actor", "motive"]), rows } };
}

export function checklistItem(ctx: SectionCtx, iv: Intervention, idBase: string): ReportChartItem | null {
  const id = `checklist-${idBase}`;
  return attempt(ctx, id, () => {
    const table = recommendationStatusTable(iv);
    if (table.summary.length === 0) return null;
    const name = (r: { cluster: string; municipality: number | null }) => adopterName(ctx, { cluster: r.cluster, municipality: r.municipality ?? undefined, hospital: undefined });
    const chart = sectorChecklistChart(sectorChecklistRows(table.summary, { lang: ctx.lang, adopterName: name }), { lang: ctx.lang, id, title: ctx.t("t.checklist", { name: iv.name }), source: iv.sources[0] ?? undefined });
    const rows = table.summary.map((r) => ({
      year: String(r.year),
      sector: chart.data.find((d) => d.sector === r.sector)?.sectorLabel ?? r.sector,
      adopter: name(r),
      implemented: r.implemented,
      partly: r.partly,
      not_implemented: r.not_implemented,
      not_relevant: r.not_relevant,
      not_reported: r.not_reported,
      share: r.share_implemented,
    }));
    const columns = tableColumns(ctx.t, ["year", "sector", "adopter", "implemented", "partly", "notImplemented", "notRelevant", "notReported"]);
    return { kind: "chart", id, chart, main: false, csv: table.summary, table: { columns, rows } };
  });
}

/** The spread items of one intervention that come before its effect (timeline … checklist). */
export function spreadRecordItems(ctx: SectionCtx, iv: Intervention, idBase: string): ReportItem[] {
  return [timelineItem(ctx, iv, idBase), targetsItem(ctx, iv, idBase), keysItem(ctx, iv, idBase), adaptationsItem(ctx, iv, idBase), pushPullItem(ctx, iv, idBase), checklistItem(ctx, iv, idBase)].filter(
    (x): x is ReportChartItem | ReportTableItem => x !== null,
  );
}
