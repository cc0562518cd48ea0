/**
 * The spread-model parts of an intervention's report section (issue 18), in the order a steering
 * group reads them: decision and programme (intro lines) → timeline → Triple Aim targets (with
 * their dimension) → implementation keys with their questions and each receiver's choice →
 * local adaptations and protected core-task items per receiver → push and pull per receiver →
 * the sector checklist → pilots (one municipality or one hospital against the rest of the
 * region) → the spread potential with its findings → cost per avoided event → critical success
 * factors and risks. And the programme section: local initiatives under one frame side by side.
 * Every label comes from the report catalogue; ids never appear as labels.
 */
import { sectorChecklistChart, sectorChecklistRows, spreadTimelineChart, spreadTimelineRows } from "../charts/index.js";
import type { Dataset } from "../contract/dataset.js";
import type { IndicatorRow } from "../indicators/index.js";
import { IMPLEMENTATION_KEYS, IMPLEMENTATION_KEY_LABELS, IMPLEMENTATION_KEY_QUESTIONS, REST_OF_REGION, adoptionTimeline, costPerAvoided, implementationKeysAt, pilotEffect, programmeOverview, recommendationStatusTable, spreadFindingText, spreadPotential, type Intervention, type TimelineEvent } from "../spread/index.js";
import { type Adoption } from "../spread/interventionSchema.js";
import { isReportTextKey, noteText, type ReportLang, type ReportTextKey } from "../text/catalogue.js";
import type { ReportTableColumn } from "./reportTable.js";
import type { ReportChartItem, ReportItem, ReportSection, ReportTableItem } from "./reportTypes.js";

/** What the spread parts need of the report's context. */
export interface SpreadReportCtx {
  readonly data: { readonly dataset: Dataset; readonly indicators: readonly IndicatorRow[] };
  readonly lang: ReportLang;
  readonly t: (key: ReportTextKey, params?: Readonly<Record<string, string | number>>) => string;
  readonly muniName: ReadonlyMap<string, string>;
  readonly warn: (message: string) => void;
}

const STAR = " *";

function tryItem<T>(ctx: SpreadReportCtx, id: string, build: () => T | null): T | null {
  try {
    return build();
  } catch (err) {
    ctx.warn(ctx.t("warn.chart", { id, message: err instanceof Error ? err.message : String(err) }));
    return null;
  }
}

function tv(ctx: SpreadReportCtx, key: string, fallback: string): string {
  return isReportTextKey(key) ? ctx.t(key) : fallback;
}

/** Display name of an adopter: cluster, municipality name, or hospital unit. */
export function adopterName(ctx: SpreadReportCtx, a: Pick<Adoption, "cluster" | "municipality" | "hospital">): string {
  if (a.municipality !== undefined && a.municipality !== null) {
    const name = ctx.muniName.get(String(a.municipality));
    return name === undefined ? `${ctx.t("col.municipality")} ${a.municipality}` : ctx.t("val.municipalityName", { name });
  }
  if (a.hospital !== undefined && a.hospital !== null) return a.hospital;
  return a.cluster;
}

function targetLabel(ctx: SpreadReportCtx, indicator: string, group: string): string {
  const m = tv(ctx, `m.${indicator.split(":")[0]}`, indicator);
  return `${m}, ${tv(ctx, `g.${group}`, group)}`;
}

/** Intro lines: the decision to spread and the programme the intervention belongs to. */
export function spreadIntro(ctx: SpreadReportCtx, iv: Intervention, all: readonly Intervention[]): string[] {
  const out: string[] = [];
  const frame = iv.programme === undefined ? undefined : all.find((x) => x.id === iv.programme);
  if (frame !== undefined) out.push(ctx.t("intro.initiative", { name: frame.name }));
  const d = iv.decision;
  if (d === undefined) out.push(ctx.t("intro.noDecision"));
  else
    out.push(
      ctx.t(`intro.decision.${d.basis}`, {
        by: d.approved_by === undefined ? "" : ctx.t("intro.decisionBy", { body: d.approved_by }),
        date: d.date === undefined ? "" : ctx.t("intro.decisionDate", { date: d.date }),
      }) + (d.note === undefined ? "" : ` ${d.note}`),
    );
  return out;
}

export function timelineItem(ctx: SpreadReportCtx, iv: Intervention, idBase: string): ReportChartItem | null {
  const id = `timeline-${idBase}`;
  return tryItem(ctx, id, () => {
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
        columns: [
          { key: "date", label: ctx.t("col.start"), format: "text" },
          { key: "lane", label: ctx.t("col.unit"), format: "text" },
          { key: "kindLabel", label: ctx.t("col.kind"), format: "text" },
          { key: "text", label: ctx.t("col.what"), format: "text" },
          { key: "state", label: ctx.t("col.status"), format: "text" },
        ],
        rows: chart.data.map((r) => ({ ...r, date: r.end === null ? r.date : `${r.date} – ${r.end}`, text: r.illustrative ? r.text + STAR : r.text })),
      },
      notes: rows.some((r) => r.illustrative) ? [ctx.t("note.illustrative")] : [],
    };
  });
}

export function targetsItem(ctx: SpreadReportCtx, iv: Intervention, idBase: string): ReportTableItem | null {
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
    table: {
      columns: [
        { key: "measure", label: ctx.t("col.measure"), format: "text" },
        { key: "dimension", label: ctx.t("col.tripleAim"), format: "text" },
        { key: "target", label: ctx.t("col.target"), format: "text" },
        { key: "baseline", label: ctx.t("col.baseline"), format: "text" },
        { key: "deadline", label: ctx.t("col.deadline"), format: "text" },
      ],
      rows,
    },
  };
}

export function keysItem(ctx: SpreadReportCtx, iv: Intervention, idBase: string): ReportTableItem | null {
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
  const columns: ReportTableColumn[] = [
    { key: "key", label: ctx.t("col.key"), format: "text" },
    { key: "question", label: ctx.t("col.question"), format: "text" },
    ...adopters.map((a, i) => ({ key: `a${i}`, label: adopterName(ctx, a), format: "text" as const })),
  ];
  return {
    kind: "table",
    id: `keys-${idBase}`,
    title: ctx.t("t.keys"),
    csv: adopters.flatMap((a, i) => IMPLEMENTATION_KEYS.map((k) => ({ adopter: adopterName(ctx, a), key: k, state: states[i][k]?.state ?? "not_assessed", assessed: states[i][k]?.assessed ?? null }))),
    notes: [ctx.t("note.keysSelection")],
    table: { columns, rows },
  };
}

export function adaptationsItem(ctx: SpreadReportCtx, iv: Intervention, idBase: string): ReportTableItem | null {
  const rows: Record<string, unknown>[] = [];
  for (const a of iv.adoptions) {
    const who = adopterName(ctx, a);
    for (const ad of a.adaptations) rows.push({ receiver: who, kind: `${ctx.t("val.adaptation")} (${ctx.t(`val.kdim.${ad.dimension}`)})`, what: ad.what, why: ad.why });
    const p = a.protected;
    if (p !== undefined)
      for (const part of ["activities", "principles", "structures"] as const) for (const x of p[part]) rows.push({ receiver: who, kind: ctx.t(`val.protected.${part}`), what: x, why: "" });
  }
  if (rows.length === 0) return null;
  return {
    kind: "table",
    id: `adaptations-${idBase}`,
    title: ctx.t("t.adaptations"),
    csv: rows,
    table: {
      columns: [
        { key: "receiver", label: ctx.t("col.receiver"), format: "text" },
        { key: "kind", label: ctx.t("col.kind"), format: "text" },
        { key: "what", label: ctx.t("col.what"), format: "text" },
        { key: "why", label: ctx.t("col.why"), format: "text" },
      ],
      rows,
    },
  };
}

export function pushPullItem(ctx: SpreadReportCtx, iv: Intervention, idBase: string): ReportTableItem | null {
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
  return {
    kind: "table",
    id: `push-pull-${idBase}`,
    title: ctx.t("t.pushPull"),
    csv: rows,
    notes,
    table: {
      columns: [
        { key: "receiver", label: ctx.t("col.receiver"), format: "text" },
        { key: "incentive", label: ctx.t("col.incentive"), format: "text" },
        { key: "actor", label: ctx.t("col.actor"), format: "text" },
        { key: "motive", label: ctx.t("col.motive"), format: "text" },
      ],
      rows,
    },
  };
}

export function checklistItem(ctx: SpreadReportCtx, iv: Intervention, idBase: string): ReportChartItem | null {
  const id = `checklist-${idBase}`;
  return tryItem(ctx, id, () => {
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
    const col = (k: string, key: string): ReportTableColumn => ({ key: k, label: tv(ctx, key, k), format: "int" });
    return {
      kind: "chart",
      id,
      chart,
      main: false,
      csv: table.summary,
      table: {
        columns: [
          { key: "year", label: ctx.t("col.period"), format: "text" },
          { key: "sector", label: ctx.t("col.unit"), format: "text" },
          { key: "adopter", label: ctx.t("col.adopter"), format: "text" },
          col("implemented", "val.checklist.implemented"),
          col("partly", "val.checklist.partly"),
          col("not_implemented", "val.checklist.not_implemented"),
          col("not_relevant", "val.checklist.not_relevant"),
          col("not_reported", "val.checklist.not_reported"),
        ],
        rows,
      },
    };
  });
}

export function pilotsItem(ctx: SpreadReportCtx, iv: Intervention, idBase: string): ReportTableItem | null {
  const hasPilot = iv.adoptions.some((a) => a.municipality !== undefined || a.hospital !== undefined);
  if (!hasPilot || iv.targets.length === 0) return null;
  return tryItem(ctx, `pilots-${idBase}`, () => {
    // From the dataset: municipality counts must not be suppressed before they are summed.
    const results = pilotEffect(iv, ctx.data.dataset, { simulations: 1000 });
    const rows: Record<string, unknown>[] = [];
    for (const p of results) {
      const a = iv.adoptions[p.pilot.adoption];
      const pilotLabel = adopterName(ctx, a);
      for (const t of iv.targets) {
        const unitText = (unit: string) => (unit === REST_OF_REGION ? ctx.t("val.rest_of_region") : pilotLabel);
        for (const e of p.effect.rows.filter((r) => r.target === t.id)) {
          const s = p.status.rows.find((r) => r.target === t.id && r.unit === e.unit);
          rows.push({
            target: targetLabel(ctx, t.indicator, t.group),
            unit: e.method === "staggered_did" ? `${pilotLabel} − ${ctx.t("val.rest_of_region")}` : `${unitText(e.unit)} (${ctx.t(`val.${e.role}` as ReportTextKey)})`,
            method: ctx.t(`val.${e.method}` as ReportTextKey),
            start: p.pilot.start,
            rateRatio: e.rateRatio,
            lower: e.lower,
            upper: e.upper,
            effect: ctx.t(`val.${e.effect}` as ReportTextKey),
            status: s === undefined ? "" : ctx.t(`val.${s.status}` as ReportTextKey),
          });
        }
      }
    }
    if (rows.length === 0) return null;
    return {
      kind: "table",
      id: `pilots-${idBase}`,
      title: ctx.t("t.pilots"),
      csv: results.flatMap((p) => p.effect.rows.map((r) => ({ ...r, preTrend: r.preTrend === null ? null : `${r.preTrend.rateRatio} (${r.preTrend.lower}–${r.preTrend.upper})`, notes: r.notes.length === 0 ? null : r.notes.map((n) => noteText(n, ctx.lang)).join(" ") }))),
      notes: [spreadFindingText({ code: "pilot_scope" }, ctx.lang)],
      table: {
        columns: [
          { key: "target", label: ctx.t("col.target"), format: "text" },
          { key: "unit", label: ctx.t("col.unit"), format: "text" },
          { key: "method", label: ctx.t("col.method"), format: "text" },
          { key: "start", label: ctx.t("col.start"), format: "text" },
          { key: "rateRatio", label: ctx.t("col.rateRatio"), format: "dec2" },
          { key: "lower", label: ctx.t("col.lower"), format: "dec2" },
          { key: "upper", label: ctx.t("col.upper"), format: "dec2" },
          { key: "effect", label: ctx.t("col.effect"), format: "text" },
          { key: "status", label: ctx.t("col.status"), format: "text" },
        ],
        rows,
      },
    };
  });
}

/** The spread potential (findings as text, one row per cluster) and the cost per avoided event. */
export function potentialItems(ctx: SpreadReportCtx, iv: Intervention, idBase: string): ReportItem[] {
  const hasCluster = iv.adoptions.some((a) => a.municipality === undefined && a.hospital === undefined);
  if (!hasCluster || iv.targets.length === 0) return [];
  const p = tryItem(ctx, `potential-${idBase}`, () => spreadPotential(iv, ctx.data.indicators, { simulations: 1000 }));
  if (p === null) return [];
  const out: ReportItem[] = [];
  const kernelSize = iv.kernel.length;
  const rows = p.rows.map((r) => ({
    unit: `${r.cluster} (${ctx.t(r.adopted ? "val.adopting" : "val.comparison")})`,
    start: r.start ?? "",
    rateRatio: r.rateRatio,
    lower: r.lower,
    upper: r.upper,
    effect: ctx.t(`val.${r.effect}` as ReportTextKey),
    fidelity: r.adopted ? `${r.fidelityKept}/${kernelSize}` : "",
    keys: r.adopted ? `${r.keysInPlace.length}/${r.keysChosen.length}` : "",
  }));
  const target = iv.targets.find((t) => t.id === p.target);
  out.push({
    kind: "table",
    id: `potential-${idBase}`,
    title: target ? `${ctx.t("t.potential")}: ${targetLabel(ctx, target.indicator, target.group)}` : ctx.t("t.potential"),
    csv: p.rows.map((r) => ({ ...r, weakenedElements: r.weakenedElements.join("; "), adaptations: r.adaptations.join("; "), adaptationDetails: undefined, protected: undefined, pull: r.pull.length, keysChosen: r.keysChosen.join("; "), keysInPlace: r.keysInPlace.join("; "), keysEmerging: r.keysEmerging.join("; ") })),
    notes: p.findings.map((f) => spreadFindingText(f, ctx.lang) + "."),
    table: {
      columns: [
        { key: "unit", label: ctx.t("col.unit"), format: "text" },
        { key: "start", label: ctx.t("col.start"), format: "text" },
        { key: "rateRatio", label: ctx.t("col.rateRatio"), format: "dec2" },
        { key: "lower", label: ctx.t("col.lower"), format: "dec2" },
        { key: "upper", label: ctx.t("col.upper"), format: "dec2" },
        { key: "effect", label: ctx.t("col.effect"), format: "text" },
        { key: "fidelity", label: ctx.t("col.fidelity"), format: "text" },
        { key: "keys", label: ctx.t("col.keysInPlace"), format: "text" },
      ],
      rows,
    },
  });
  // Cost per avoided event, per adopting cluster that records its cost.
  const costRows: Record<string, unknown>[] = [];
  for (const a of iv.adoptions) {
    if (a.cost === undefined || a.municipality !== undefined || a.hospital !== undefined) continue;
    const e = p.effects.rows.find((r) => r.target === p.target && r.unit === a.cluster && r.role === "adopting" && r.method === "its");
    const c = e === undefined ? null : costPerAvoided(e, a.cost);
    if (c === null) continue;
    costRows.push({ unit: a.cluster + (c.illustrative ? STAR : ""), cost: c.cost, avoided: c.avoided, perAvoided: c.perAvoided, lower: c.lower, upper: c.upper });
  }
  if (costRows.length > 0)
    out.push({
      kind: "table",
      id: `cost-${idBase}`,
      title: target ? `${ctx.t("t.cost")}: ${targetLabel(ctx, target.indicator, target.group)}` : ctx.t("t.cost"),
      csv: costRows,
      notes: [ctx.t("note.costMethod"), ctx.t("note.costUnbounded"), ...(costRows.some((r) => String(r.unit).endsWith(STAR)) ? [ctx.t("note.illustrative")] : [])],
      table: {
        columns: [
          { key: "unit", label: ctx.t("col.cluster"), format: "text" },
          { key: "cost", label: ctx.t("col.costTotal"), format: "int" },
          { key: "avoided", label: ctx.t("col.avoided"), format: "int" },
          { key: "perAvoided", label: ctx.t("col.perAvoided"), format: "int" },
          { key: "lower", label: ctx.t("col.lower"), format: "int" },
          { key: "upper", label: ctx.t("col.upper"), format: "int" },
        ],
        rows: costRows,
      },
    });
  return out;
}

export function csfRisksItem(ctx: SpreadReportCtx, iv: Intervention, idBase: string): ReportTableItem | null {
  const rows = [
    ...iv.critical_success_factors.map((c) => ({ kind: ctx.t("val.csf"), what: c.description, consequence: "", mitigation: "" })),
    ...iv.risks.map((r) => ({ kind: ctx.t("val.risk"), what: r.description, consequence: r.consequence ?? "", mitigation: r.mitigation ?? "" })),
  ];
  if (rows.length === 0) return null;
  return {
    kind: "table",
    id: `csf-risks-${idBase}`,
    title: ctx.t("t.csfRisks"),
    csv: rows,
    table: {
      columns: [
        { key: "kind", label: ctx.t("col.kind"), format: "text" },
        { key: "what", label: ctx.t("col.what"), format: "text" },
        { key: "consequence", label: ctx.t("col.consequence"), format: "text" },
        { key: "mitigation", label: ctx.t("col.mitigation"), format: "text" },
      ],
      rows,
    },
  };
}

/** The spread items of one intervention that come before its effect (timeline … checklist). */
export function spreadRecordItems(ctx: SpreadReportCtx, iv: Intervention, idBase: string): ReportItem[] {
  return [timelineItem(ctx, iv, idBase), targetsItem(ctx, iv, idBase), keysItem(ctx, iv, idBase), adaptationsItem(ctx, iv, idBase), pushPullItem(ctx, iv, idBase), checklistItem(ctx, iv, idBase)].filter(
    (x): x is ReportChartItem | ReportTableItem => x !== null,
  );
}

/** The spread items that come after the effect: pilots, spread potential, cost, success factors and risks. */
export function spreadAnalysisItems(ctx: SpreadReportCtx, iv: Intervention, idBase: string): ReportItem[] {
  return [pilotsItem(ctx, iv, idBase), ...potentialItems(ctx, iv, idBase), csfRisksItem(ctx, iv, idBase)].filter((x): x is ReportItem => x !== null);
}

/** A programme's section: the frame's targets and timeline, and its initiatives side by side. */
export function programmeSection(ctx: SpreadReportCtx, programme: Intervention, all: readonly Intervention[], idBase: string): ReportSection {
  const items: ReportItem[] = [];
  const overview = tryItem(ctx, `programme-${idBase}`, () =>
    programmeOverview(programme, all, ctx.data.indicators, { geography: ctx.data.dataset.geography, pilotInput: ctx.data.dataset, simulations: 1000 }),
  );
  if (overview !== null && overview.rows.length > 0) {
    const byId = new Map(all.map((x) => [x.id, x]));
    const rows = overview.rows.map((r) => {
      const iv = byId.get(r.initiative);
      const a = iv?.adoptions.find((x) => (x.municipality !== undefined ? String(x.municipality) : x.hospital ?? x.cluster) === r.adopter);
      return {
        initiative: r.initiativeName,
        adopter: (a ? adopterName(ctx, a) : r.adopter) + (r.adopterKind === "municipality" ? "" : ` (${ctx.t(`val.pilot.${r.adopterKind}`)})`) + (r.illustrative ? STAR : ""),
        start: r.started ? r.start : `${r.start} (${ctx.t("val.notStarted")})`,
        phase: ctx.t(`val.phase.${r.phase}`),
        rateRatio: r.rateRatio,
        lower: r.lower,
        upper: r.upper,
        effect: ctx.t(`val.${r.effect}` as ReportTextKey),
        status: r.status === null ? "" : ctx.t(`val.${r.status}` as ReportTextKey),
        perAvoided: r.cost?.perAvoided ?? null,
        target: r.indicator !== null && r.group !== null ? targetLabel(ctx, r.indicator, r.group) : "",
      };
    });
    const first = overview.rows[0];
    const sameTarget = first.indicator !== null && overview.rows.every((r) => r.indicator === first.indicator && r.group === first.group);
    const table: ReportTableItem = {
      kind: "table",
      id: `programme-${idBase}`,
      title: sameTarget ? `${ctx.t("t.programme")}: ${targetLabel(ctx, first.indicator ?? "", first.group ?? "")}` : ctx.t("t.programme"),
      csv: overview.rows.map((r) => ({ ...r, cost: r.cost?.perAvoided ?? null, costLower: r.cost?.lower ?? null, costUpper: r.cost?.upper ?? null })),
      notes: [...overview.findings.map((f) => spreadFindingText(f, ctx.lang) + "."), ...(overview.rows.some((r) => r.illustrative) ? [ctx.t("note.illustrative")] : [])],
      table: {
        columns: [
          { key: "initiative", label: ctx.t("col.initiative"), format: "text" },
          { key: "adopter", label: ctx.t("col.adopter"), format: "text" },
          { key: "start", label: ctx.t("col.start"), format: "text" },
          { key: "phase", label: ctx.t("col.phase"), format: "text" },
          ...(sameTarget ? [] : [{ key: "target", label: ctx.t("col.target"), format: "text" as const }]),
          { key: "rateRatio", label: ctx.t("col.rateRatio"), format: "dec2" },
          { key: "lower", label: ctx.t("col.lower"), format: "dec2" },
          { key: "upper", label: ctx.t("col.upper"), format: "dec2" },
          { key: "effect", label: ctx.t("col.effect"), format: "text" },
          { key: "status", label: ctx.t("col.status"), format: "text" },
          { key: "perAvoided", label: ctx.t("col.perAvoidedShort"), format: "int" },
        ],
        rows,
      },
    };
    items.push(table);
  }
  for (const x of [timelineItem(ctx, programme, idBase), targetsItem(ctx, programme, idBase), pushPullItem(ctx, programme, idBase), csfRisksItem(ctx, programme, idBase)]) if (x !== null) items.push(x);
  const intro: string[] = [programme.description, ctx.t("intro.programme"), ...spreadIntro(ctx, programme, all)];
  return { id: `sec-programme-${idBase}`, dimension: "spread", title: ctx.t("sec.programme", { name: programme.name }), intro, items };
}
