/**
 * An intervention's effect in its section: the estimate (interventionEffect) → the effect chart of
 * its first target, the table of every estimate, and the Triple Aim status of its targets. The
 * estimate is kept for the first page (no second estimate).
 */
import { effectChart, type EffectChartRow } from "../../charts/index.js";
import { type EffectEventRow } from "../../charts/effectChart.js";
import { formatChartNumber } from "../../charts/locale.js";
import { periodKindOf } from "../../contract/period.js";
import type { Note } from "../../contract/note.js";
import { interventionEffect, spreadFindingText, tripleAimStatus, type Intervention, type InterventionEffectRow } from "../../spread/index.js";
import { noteText, type ReportTextKey } from "../../text/catalogue.js";
import { tableColumns } from "../columns.js";
import type { ReportChartItem, ReportItem, ReportTableItem } from "../reportTypes.js";
import { attempt, groupText, measureKey, type SectionCtx } from "./context.js";

/** The unit column of an effect row: "alle klynger", "Midt (indført)", "Horsens (placebo: ingen indsats)". */
function effectUnitLabel(ctx: SectionCtx, r: InterventionEffectRow): string {
  if (r.method === "staggered_did") return ctx.t("val.all");
  return `${r.unit} (${ctx.t(r.placebo ? "val.placebo" : (`val.${r.role}` as ReportTextKey))})`;
}

/**
 * What the effect intervals assume, the parallel-trends breakdown value and the placebo warnings,
 * as sentences of the catalogue (a placebo warning also goes to the report's warning box).
 */
function effectSectionNotes(ctx: SectionCtx, rows: readonly InterventionEffectRow[]): string[] {
  const out: string[] = [];
  const codes = [...new Set(rows.map((r) => r.assumption?.code).filter((c): c is NonNullable<typeof c> => c !== undefined))];
  for (const code of codes) out.push(ctx.t(`t.assume.${code}` as ReportTextKey));
  const did = rows.find((r) => r.method === "staggered_did" && r.breakdown !== null);
  if (did && did.breakdown !== null) {
    out.push(
      did.breakdown === 0
        ? ctx.t("t.breakdownZero")
        : Number.isFinite(did.breakdown)
          ? ctx.t("t.breakdown", { m: formatChartNumber(did.breakdown, ctx.lang, did.breakdown < 1 ? 2 : 1) })
          : ctx.t("t.breakdownInfinite"),
    );
  }
  for (const r of rows.filter((x) => x.warning === "placebo_change")) {
    const warning = ctx.t("t.placeboWarning", { unit: r.unit });
    out.push(warning);
    ctx.warn(warning);
  }
  return out;
}

/** A target as readers know it: its measure and population group (a target's id is never a label). */
function targetName(ctx: SectionCtx, iv: Intervention, id: string): string {
  const t = iv.targets.find((x) => x.id === id);
  return t === undefined ? id : `${ctx.t(measureKey(t.indicator))}, ${groupText(ctx, t.group)}`;
}

/** A spread-layer note in words, its target and indicator ids shown as the measure readers know. */
function spreadNoteText(ctx: SectionCtx, iv: Intervention, n: Note): string {
  const values = { ...n.values };
  if (typeof values.target === "string") values.target = targetName(ctx, iv, values.target);
  if (typeof values.indicator === "string") values.indicator = ctx.t(measureKey(values.indicator));
  return noteText({ code: n.code, values }, ctx.lang);
}

/** The notes of an effect row in the report's language, as one cell of its table file. */
function effectRowNotes(ctx: SectionCtx, r: InterventionEffectRow): string | null {
  return r.notes.length === 0 ? null : r.notes.map((n) => noteText(n, ctx.lang)).join(" ");
}

/** The effect chart of the first target: rate ratios per unit and the event study. */
function effectChartItem(ctx: SectionCtx, iv: Intervention, idBase: string, plotted: readonly InterventionEffectRow[], events: readonly EffectEventRow[], notes: readonly string[]): ReportChartItem | null {
  if (plotted.length === 0) return null;
  const id = `effect-${idBase}`;
  const rows: EffectChartRow[] = plotted.map((r) => ({
    unit: r.method === "staggered_did" ? null : r.unit,
    role: r.method === "staggered_did" ? "all" : r.placebo ? "placebo" : "adopting",
    value: r.rateRatio,
    lower: r.lower,
    upper: r.upper,
  }));
  const monthly = periodKindOf(plotted.find((r) => r.start !== null)?.start ?? "") === "month";
  const chart = effectChart(rows, [...events], {
    lang: ctx.lang,
    id,
    title: ctx.t("t.effect", { name: iv.name }),
    subtitle: `${ctx.t(measureKey(plotted[0].indicator))}, ${groupText(ctx, plotted[0].group)}. ${ctx.t("t.effectSub")}`,
    valueTitle: ctx.t("t.effectAxis"),
    periodUnit: monthly ? ctx.t("t.effectMonths") : undefined,
    period: ctx.period,
    suppressionMin: ctx.minCount,
    notes: [...notes],
  });
  const columns = tableColumns(ctx.t, ["unit", { name: "rateRatio", key: "value" }, ["lower", "dec2"], ["upper", "dec2"]]);
  return { kind: "chart", id, chart, main: true, csv: chart.data, notes, table: { columns, rows: plotted.map((r) => ({ unit: effectUnitLabel(ctx, r), value: r.rateRatio, lower: r.lower, upper: r.upper })) } };
}

/** The effect chart and the table of every estimate of an intervention adopted by clusters (none when it cannot be estimated). */
export function effectItems(ctx: SectionCtx, iv: Intervention, idBase: string): ReportItem[] {
  const effect = attempt(ctx, `effect-${idBase}`, () => interventionEffect(iv, ctx.data.indicators, { simulations: 1000 }));
  if (!effect || effect.rows.length === 0) return [];
  ctx.effects.set(iv.id, { name: iv.name, result: effect });
  ctx.charts.set(`effect|${iv.id}`, `effects-${idBase}`);
  const items: ReportItem[] = [];
  const target = effect.rows[0].target;
  const plotted = effect.rows.filter((r) => r.target === target && r.rateRatio !== null);
  const did = effect.models[target]?.did ?? null;
  const notes = effectSectionNotes(ctx, effect.rows.filter((r) => r.target === target));
  const events: EffectEventRow[] = (did?.eventStudy ?? []).map((e) => ({ eventTime: e.eventTime, kind: e.kind, value: e.rateRatio, lower: e.lower, upper: e.upper }));
  const chartItem = attempt(ctx, `effect-${idBase}`, () => effectChartItem(ctx, iv, idBase, plotted, events, notes));
  if (chartItem) {
    items.push(chartItem);
    ctx.charts.set(`effect|${iv.id}`, chartItem.id);
  }
  const table: ReportTableItem = {
    kind: "table",
    id: `effects-${idBase}`,
    title: ctx.t("t.effectTable"),
    csv: effect.rows.map((r) => ({
      ...r,
      preTrend: r.preTrend === null ? null : `${r.preTrend.rateRatio} (${r.preTrend.lower}–${r.preTrend.upper})`,
      assumption: r.assumption === null ? null : r.assumption.code,
      notes: effectRowNotes(ctx, r),
    })),
    notes: effect.notes.map((n) => spreadNoteText(ctx, iv, n)),
    table: {
      columns: tableColumns(ctx.t, ["target", "unit", "method", "rateRatio", ["lower", "dec2"], ["upper", "dec2"], "effect"]),
      rows: effect.rows.map((r) => ({
        target: targetName(ctx, iv, r.target),
        unit: effectUnitLabel(ctx, r),
        method: ctx.t(`val.${r.method}` as ReportTextKey),
        rateRatio: r.rateRatio,
        lower: r.lower,
        upper: r.upper,
        effect: r.warning === "placebo_change" ? ctx.t("val.placebo_change") : r.placebo && r.effect !== "not_estimable" ? ctx.t("val.placebo_none") : ctx.t(`val.${r.effect}` as ReportTextKey),
      })),
    },
  };
  items.push(table);
  return items;
}

/** The Triple Aim status of an intervention's targets (baseline, current, target, change). */
export function statusItem(ctx: SectionCtx, iv: Intervention, idBase: string): ReportTableItem | null {
  const status = attempt(ctx, `status-${idBase}`, () => tripleAimStatus(iv, ctx.data.indicators));
  if (!status || status.rows.length === 0) return null;
  return {
    kind: "table",
    id: `triple-aim-status-${idBase}`,
    title: ctx.t("t.statusTable"),
    csv: status.rows.map((r) => ({ ...r, spcRules: r.spcRules.join("; "), reason: spreadNoteText(ctx, iv, r.reason) })),
    notes: status.findings.map((f) => spreadFindingText(f, ctx.lang) + "."),
    table: {
      columns: tableColumns(ctx.t, ["target", "unitCluster", "baselineValue", "currentValue", "targetValue", "change", "status"]),
      rows: status.rows.map((r) => ({
        target: `${ctx.t(measureKey(r.indicator))}, ${groupText(ctx, r.group)}`,
        unit: `${r.unit} (${ctx.t(`val.${r.role}` as ReportTextKey)})`,
        baselineValue: r.baselineValue,
        currentValue: r.currentValue,
        targetValue: r.targetValue,
        change: r.change,
        status: ctx.t(`val.${r.status}` as ReportTextKey),
      })),
    },
  };
}
