/**
 * A programme's section: local initiatives under one frame side by side (programmeOverview), then
 * the frame's timeline, targets, push and pull, and success factors and risks.
 */
import { programmeOverview, spreadFindingText, type Intervention } from "../../spread/index.js";
import type { ReportTextKey } from "../../text/catalogue.js";
import { tableColumns } from "../columns.js";
import type { ReportItem, ReportSection, ReportTableItem } from "../reportTypes.js";
import { attempt, type SectionCtx } from "./context.js";
import { csfRisksItem } from "./spreadAnalysis.js";
import { pushPullItem, targetsItem, timelineItem } from "./spreadRecord.js";
import { STAR, adopterName, spreadIntro, targetLabel } from "./spreadWords.js";

/** The initiatives side by side: adopter, start, phase, effect, status and cost per avoided event. */
function overviewItem(ctx: SectionCtx, programme: Intervention, all: readonly Intervention[], idBase: string): ReportTableItem | null {
  const overview = attempt(ctx, `programme-${idBase}`, () =>
    programmeOverview(programme, all, ctx.data.indicators, { geography: ctx.data.dataset.geography, pilotInput: ctx.data.dataset, simulations: 1000 }),
  );
  if (overview === null || overview.rows.length === 0) return null;
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
  return {
    kind: "table",
    id: `programme-${idBase}`,
    title: sameTarget ? `${ctx.t("t.programme")}: ${targetLabel(ctx, first.indicator ?? "", first.group ?? "")}` : ctx.t("t.programme"),
    csv: overview.rows.map((r) => ({ ...r, cost: r.cost?.perAvoided ?? null, costLower: r.cost?.lower ?? null, costUpper: r.cost?.upper ?? null })),
    notes: [...overview.findings.map((f) => spreadFindingText(f, ctx.lang) + "."), ...(overview.rows.some((r) => r.illustrative) ? [ctx.t("note.illustrative")] : [])],
    table: {
      columns: tableColumns(ctx.t, ["initiative", "adopter", "start", "phase", ...(sameTarget ? [] : ["target" as const]), "rateRatio", ["lower", "dec2"], ["upper", "dec2"], "effect", "status", "perAvoidedShort"]),
      rows,
    },
  };
}

/** A programme's section: the frame's targets and timeline, and its initiatives side by side. */
export function programmeSection(ctx: SectionCtx, programme: Intervention, all: readonly Intervention[], idBase: string): ReportSection {
  const items: ReportItem[] = [];
  const overview = overviewItem(ctx, programme, all, idBase);
  if (overview !== null) items.push(overview);
  for (const x of [timelineItem(ctx, programme, idBase), targetsItem(ctx, programme, idBase), pushPullItem(ctx, programme, idBase), csfRisksItem(ctx, programme, idBase)]) if (x !== null) items.push(x);
  const intro: string[] = [programme.description, ctx.t("intro.programme"), ...spreadIntro(ctx, programme, all)];
  return { id: `sec-programme-${idBase}`, dimension: "spread", title: ctx.t("sec.programme", { name: programme.name }), intro, items };
}
