/**
 * The words the spread parts of an intervention's section share: an adopter's name, a target's
 * measure and group, the decision and programme intro lines, and the mark of an illustrative
 * value. Every label comes from the report catalogue; ids never appear as labels.
 */
import type { Intervention } from "../../spread/index.js";
import type { Adoption } from "../../spread/interventionSchema.js";
import { isReportTextKey } from "../../text/catalogue.js";
import type { SectionCtx } from "./context.js";

/** Marks an illustrative value (a note under the table explains it). */
export const STAR = " *";

/** The catalogue text of a key built at run time, or `fallback` when the catalogue has no such key. */
export function tv(ctx: Pick<SectionCtx, "t">, key: string, fallback: string): string {
  return isReportTextKey(key) ? ctx.t(key) : fallback;
}

/** Display name of an adopter: cluster, municipality name, or hospital unit. */
export function adopterName(ctx: Pick<SectionCtx, "t" | "muniName">, a: Pick<Adoption, "cluster" | "municipality" | "hospital">): string {
  if (a.municipality !== undefined && a.municipality !== null) {
    const name = ctx.muniName.get(String(a.municipality));
    return name === undefined ? `${ctx.t("col.municipality")} ${a.municipality}` : ctx.t("val.municipalityName", { name });
  }
  if (a.hospital !== undefined && a.hospital !== null) return a.hospital;
  return a.cluster;
}

/** A target's measure and group ("Genindlæggelser inden for 30 dage, borgere på 65 år og derover"); an unknown id as itself. */
export function targetLabel(ctx: Pick<SectionCtx, "t">, indicator: string, group: string): string {
  const m = tv(ctx, `m.${indicator.split(":")[0]}`, indicator);
  return `${m}, ${tv(ctx, `g.${group}`, group)}`;
}

/** Intro lines: the decision to spread and the programme the intervention belongs to. */
export function spreadIntro(ctx: SectionCtx, iv: Intervention, all: readonly Intervention[]): string[] {
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
