/**
 * The spread analysis of an intervention (issue 18), the items after its effect: pilots (one
 * municipality or one hospital against the rest of the region) → the spread potential with its
 * findings → cost per avoided event → critical success factors and risks.
 */
import { REST_OF_REGION, costPerAvoided, pilotEffect, spreadFindingText, spreadPotential, type Intervention } from "../../spread/index.js";
import { noteText, type ReportTextKey } from "../../text/catalogue.js";
import { tableColumns } from "../columns.js";
import type { ReportItem, ReportTableItem } from "../reportTypes.js";
import { attempt, type SectionCtx } from "./context.js";
import { STAR, adopterName, targetLabel } from "./spreadWords.js";

export function pilotsItem(ctx: SectionCtx, iv: Intervention, idBase: string): ReportTableItem | null {
  const hasPilot = iv.adoptions.some((a) => a.municipality !== undefined || a.hospital !== undefined);
  if (!hasPilot || iv.targets.length === 0) return null;
  return attempt(ctx, `pilots-${idBase}`, () => {
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
      table: { columns: tableColumns(ctx.t, ["target", "unit", "method", "start", "rateRatio", ["lower", "dec2"], ["upper", "dec2"], "effect", "status"]), rows },
    };
  });
}

/** The spread potential (findings as text, one row per cluster) and the cost per avoided event. */
export function potentialItems(ctx: SectionCtx, iv: Intervention, idBase: string): ReportItem[] {
  const hasCluster = iv.adoptions.some((a) => a.municipality === undefined && a.hospital === undefined);
  if (!hasCluster || iv.targets.length === 0) return [];
  const p = attempt(ctx, `potential-${idBase}`, () => spreadPotential(iv, ctx.data.indicators, { simulations: 1000 }));
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
  const ofTarget = (title: string) => (target ? `${title}: ${targetLabel(ctx, target.indicator, target.group)}` : title);
  out.push({
    kind: "table",
    id: `potential-${idBase}`,
    title: ofTarget(ctx.t("t.potential")),
    csv: p.rows.map((r) => ({ ...r, weakenedElements: r.weakenedElements.join("; "), adaptations: r.adaptations.join("; "), adaptationDetails: undefined, protected: undefined, pull: r.pull.length, keysChosen: r.keysChosen.join("; "), keysInPlace: r.keysInPlace.join("; "), keysEmerging: r.keysEmerging.join("; ") })),
    notes: p.findings.map((f) => spreadFindingText(f, ctx.lang) + "."),
    table: { columns: tableColumns(ctx.t, ["unit", "start", "rateRatio", ["lower", "dec2"], ["upper", "dec2"], "effect", "fidelity", "keysInPlace"]), rows },
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
      title: ofTarget(ctx.t("t.cost")),
      csv: costRows,
      notes: [ctx.t("note.costMethod"), ctx.t("note.costUnbounded"), ...(costRows.some((r) => String(r.unit).endsWith(STAR)) ? [ctx.t("note.illustrative")] : [])],
      table: { columns: tableColumns(ctx.t, ["unitCluster", "costTotal", "avoided", "perAvoided", ["lower", "int"], ["upper", "int"]]), rows: costRows },
    });
  return out;
}

export function csfRisksItem(ctx: SectionCtx, iv: Intervention, idBase: string): ReportTableItem | null {
  const rows = [
    ...iv.critical_success_factors.map((c) => ({ kind: ctx.t("val.csf"), what: c.description, consequence: "", mitigation: "" })),
    ...iv.risks.map((r) => ({ kind: ctx.t("val.risk"), what: r.description, consequence: r.consequence ?? "", mitigation: r.mitigation ?? "" })),
  ];
  if (rows.length === 0) return null;
  return { kind: "table", id: `csf-risks-${idBase}`, title: ctx.t("t.csfRisks"), csv: rows, table: { columns: tableColumns(ctx.t, ["kind", "what", "consequence", "mitigation"]), rows } };
}

/** The spread items that come after the effect: pilots, spread potential, cost, success factors and risks. */
export function spreadAnalysisItems(ctx: SectionCtx, iv: Intervention, idBase: string): ReportItem[] {
  return [pilotsItem(ctx, iv, idBase), ...potentialItems(ctx, iv, idBase), csfRisksItem(ctx, iv, idBase)].filter((x): x is ReportItem => x !== null);
}
