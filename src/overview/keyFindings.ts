/**
 * Key findings ("hovedbudskaber") as structured data: what stands out in an overview and in the
 * interventions' effect estimates, each with the numbers behind it and the chart it is read from.
 * The sentences are made from these by keyMessages (text from the overview catalogue), so every
 * sentence traces back to a finding and every finding to rows of the overview or the effect table.
 *
 * Kinds (one finding groups the units of one measure that share a reading):
 * - `special_cause`: the latest point of the units' SPC charts is special cause (improvement,
 *   concern, or special cause without a better direction) — variationSignal;
 * - `funnel_outlier`: units outside the 99.8 % limits of the latest funnel plot, above or below
 *   (better or worse when the measure has a better direction);
 * - `target`: units whose target will consistently be met, consistently be missed, or be hit and
 *   missed at random (Making Data Count assurance);
 * - `effect`: an intervention's effect on a target's indicator — the overall estimate (staggered
 *   difference-in-differences when estimable, else each adopting cluster's interrupted time
 *   series) with its interval, its reading, what the interval assumes, the parallel-trends
 *   breakdown value, the pre-trend placebo and the comparison clusters whose placebo changed;
 * - `nothing_stands_out`: none of the above (common cause everywhere, no outliers, no target
 *   signal, no clear effect).
 * Effects that are not estimable give no finding; an effect with no clear change does (saying that
 * nothing changed beyond chance is a finding).
 */
import type { IntervalAssumption } from "../effects/index.js";
import type { AssuranceSignal } from "../spc/assuranceSignal.js";
import type { VariationSignal } from "../spc/variationSignal.js";
import type { EffectClass, InterventionEffectResult } from "../spread/index.js";
import type { OverviewRow, TargetSource } from "./overviewTypes.js";

/** What a finding links to: a chart of the report (the report maps it to an anchor). */
export type ChartRef =
  | { readonly kind: "spc"; readonly indicator: string; readonly group: string; readonly level: OverviewRow["level"]; readonly unit: string }
  | { readonly kind: "funnel"; readonly indicator: string; readonly group: string; readonly level: OverviewRow["level"] }
  | { readonly kind: "effect"; readonly intervention: string; readonly target: string }
  | { readonly kind: "overview" };

export type VariationReadingKind = "improvement" | "concern" | "neutral";

export interface SpecialCauseUnit {
  readonly unit: string;
  readonly level: OverviewRow["level"];
  readonly signal: VariationSignal;
  readonly period: string;
  /** Value of the point read, on the measure's scale. */
  readonly value: number;
  readonly rules: readonly string[];
  readonly kind: OverviewRow["kind"];
  readonly multiplier: number;
}

export interface SpecialCauseFinding {
  readonly code: "special_cause";
  readonly indicator: string;
  readonly group: string;
  readonly reading: VariationReadingKind;
  readonly units: readonly SpecialCauseUnit[];
  readonly charts: readonly ChartRef[];
}

export interface FunnelOutlierFinding {
  readonly code: "funnel_outlier";
  readonly indicator: string;
  readonly group: string;
  readonly level: OverviewRow["level"];
  readonly period: string;
  readonly side: "above" | "below";
  /** True when the side is the better one, false when worse, null when no direction is better. */
  readonly better: boolean | null;
  readonly units: readonly { readonly unit: string; readonly value: number; readonly kind: OverviewRow["kind"]; readonly multiplier: number }[];
  readonly charts: readonly ChartRef[];
}

export interface TargetFinding {
  readonly code: "target";
  readonly indicator: string;
  readonly group: string;
  readonly assurance: Exclude<AssuranceSignal, "not_assessable">;
  readonly units: readonly {
    readonly unit: string;
    readonly level: OverviewRow["level"];
    readonly target: number;
    readonly source: TargetSource;
    readonly processLower: number;
    readonly processUpper: number;
    readonly period: string | null;
    readonly kind: OverviewRow["kind"];
    readonly multiplier: number;
  }[];
  readonly charts: readonly ChartRef[];
}

export interface EffectFinding {
  readonly code: "effect";
  readonly intervention: string;
  readonly interventionName: string;
  readonly target: string;
  readonly indicator: string;
  readonly group: string;
  /** "staggered_did" over all clusters, or "its" for one adopting cluster. */
  readonly method: "staggered_did" | "its";
  /** Cluster of an ITS estimate; null for the DiD. */
  readonly unit: string | null;
  readonly rateRatio: number;
  readonly lower: number;
  readonly upper: number;
  readonly level: number;
  readonly effect: Exclude<EffectClass, "not_estimable">;
  /** "amount" when the ratio is a ratio of amounts (cost per citizen). */
  readonly outcome: "count" | "amount";
  readonly assumption: IntervalAssumption | null;
  /** Parallel-trends breakdown value M̄ (Rambachan & Roth 2023); null when not computed. */
  readonly breakdown: number | null;
  /** DiD placebo estimate before the starts: its interval excludes 1 when the pre-trend is not flat. */
  readonly preTrend: { readonly rateRatio: number; readonly lower: number; readonly upper: number } | null;
  /** Comparison clusters whose placebo ITS changed without the intervention (the design is in doubt). */
  readonly placeboChanges: readonly string[];
  readonly charts: readonly ChartRef[];
}

export interface NothingStandsOutFinding {
  readonly code: "nothing_stands_out";
  /** Measures and units looked at. */
  readonly measures: number;
  readonly units: number;
  readonly effects: number;
  readonly charts: readonly ChartRef[];
}

export type KeyFinding = SpecialCauseFinding | FunnelOutlierFinding | TargetFinding | EffectFinding | NothingStandsOutFinding;

export interface KeyFindingOptions {
  /** Effect estimates of the interventions (interventionEffect results), with the intervention names. */
  readonly effects?: readonly { readonly name: string; readonly result: InterventionEffectResult }[];
  /** Levels whose special-cause signals count (default region and cluster: a municipality's monthly series is too noisy for a first page). */
  readonly levels?: readonly OverviewRow["level"][];
  /** Levels whose funnel outliers count (default cluster and municipality, as the report's funnel plots). */
  readonly funnelLevels?: readonly OverviewRow["level"][];
}

function readingOf(signal: VariationSignal): VariationReadingKind | null {
  if (signal === "common_cause") return null;
  if (signal.startsWith("improvement")) return "improvement";
  if (signal.startsWith("concern")) return "concern";
  return "neutral";
}

const key = (r: Pick<OverviewRow, "indicator" | "group">) => `${r.indicator}\u0000${r.group}`;

/** Findings in reading order: clear effects, then what is worse (missed targets, concerns, worse outliers), then what is better, then the rest (effects without a clear change among them). */
function rank(f: KeyFinding): number {
  switch (f.code) {
    case "effect":
      return f.effect === "no_clear_effect" ? 6 : 0;
    case "target":
      return f.assurance === "consistent_fail" ? 1 : f.assurance === "consistent_pass" ? 4 : 6;
    case "special_cause":
      return f.reading === "concern" ? 2 : f.reading === "improvement" ? 5 : 7;
    case "funnel_outlier":
      return f.better === false ? 3 : f.better === true ? 5 : 7;
    default:
      return 9;
  }
}

/**
 * The key findings of an overview and of effect estimates.
 * @example keyFindings(overviewTable(rows, { interventions }).rows, { effects: [{ name: iv.name, result: interventionEffect(iv, rows) }] })
 */
export function keyFindings(rows: readonly OverviewRow[], options: KeyFindingOptions = {}): KeyFinding[] {
  const levels = options.levels ?? ["region", "cluster"];
  const funnelLevels = options.funnelLevels ?? ["cluster", "municipality"];
  const out: KeyFinding[] = [];
  const measures = [...new Map(rows.map((r) => [key(r), r])).values()];
  for (const m of measures) {
    const mine = rows.filter((r) => key(r) === key(m) && levels.includes(r.level));
    const inFunnel = rows.filter((r) => key(r) === key(m) && funnelLevels.includes(r.level));
    // special-cause signals of the latest point
    for (const reading of ["concern", "improvement", "neutral"] as const) {
      const hit = mine.filter((r) => r.variation !== null && r.variationPeriod !== null && r.variationValue !== null && readingOf(r.variation) === reading);
      if (hit.length === 0) continue;
      out.push({
        code: "special_cause",
        indicator: m.indicator,
        group: m.group,
        reading,
        units: hit.map((r) => ({ unit: r.unit, level: r.level, signal: r.variation as VariationSignal, period: r.variationPeriod as string, value: r.variationValue as number, rules: r.variationRules, kind: r.kind, multiplier: r.multiplier })),
        charts: hit.map((r) => ({ kind: "spc", indicator: r.indicator, group: r.group, level: r.level, unit: r.unit })),
      });
    }
    // funnel outliers at 99.8 %
    for (const level of funnelLevels) {
      for (const side of ["above", "below"] as const) {
        const hit = inFunnel.filter((r) => r.level === level && r.funnel === `${side}_998` && r.value !== null && r.funnelPeriod !== null);
        if (hit.length === 0) continue;
        const better = m.improvement === "neutral" ? null : (m.improvement === "increase") === (side === "above");
        out.push({
          code: "funnel_outlier",
          indicator: m.indicator,
          group: m.group,
          level,
          period: hit[0].funnelPeriod as string,
          side,
          better,
          units: hit.map((r) => ({ unit: r.unit, value: r.value as number, kind: r.kind, multiplier: r.multiplier })),
          charts: [{ kind: "funnel", indicator: m.indicator, group: m.group, level }],
        });
      }
    }
    // targets (every level: a target is stated for the unit it names)
    const withTarget = rows.filter((r) => key(r) === key(m) && r.target !== null && r.assurance !== null && r.assurance !== "not_assessable");
    for (const assurance of ["consistent_fail", "consistent_pass", "inconsistent"] as const) {
      const hit = withTarget.filter((r) => r.assurance === assurance && r.processLower !== null && r.processUpper !== null && r.targetSource !== null);
      if (hit.length === 0) continue;
      out.push({
        code: "target",
        indicator: m.indicator,
        group: m.group,
        assurance,
        units: hit.map((r) => ({
          unit: r.unit,
          level: r.level,
          target: r.target as number,
          source: r.targetSource as TargetSource,
          processLower: r.processLower as number,
          processUpper: r.processUpper as number,
          period: r.variationPeriod,
          kind: r.kind,
          multiplier: r.multiplier,
        })),
        charts: hit.map((r) => ({ kind: "spc", indicator: r.indicator, group: r.group, level: r.level, unit: r.unit })),
      });
    }
  }
  let effects = 0;
  for (const { name, result } of options.effects ?? []) {
    const targets = [...new Set(result.rows.map((r) => r.target))];
    for (const target of targets) {
      const rs = result.rows.filter((r) => r.target === target);
      effects += 1;
      const placeboChanges = rs.filter((r) => r.placebo && r.warning === "placebo_change").map((r) => r.unit);
      const did = rs.find((r) => r.method === "staggered_did" && r.rateRatio !== null && r.lower !== null && r.upper !== null && r.effect !== "not_estimable");
      const chosen = did ? [did] : rs.filter((r) => r.method === "its" && !r.placebo && r.rateRatio !== null && r.lower !== null && r.upper !== null && r.effect !== "not_estimable");
      for (const r of chosen) {
        out.push({
          code: "effect",
          intervention: result.intervention,
          interventionName: name,
          target,
          indicator: r.indicator,
          group: r.group,
          method: r.method,
          unit: r.method === "its" ? r.unit : null,
          rateRatio: r.rateRatio as number,
          lower: r.lower as number,
          upper: r.upper as number,
          level: r.level,
          effect: r.effect as Exclude<EffectClass, "not_estimable">,
          outcome: r.outcome ?? "count",
          assumption: r.assumption,
          breakdown: r.breakdown,
          preTrend: r.preTrend,
          placeboChanges,
          charts: [{ kind: "effect", intervention: result.intervention, target }],
        });
      }
    }
  }
  const ranked = out.map((f, i) => ({ f, i })).sort((a, b) => rank(a.f) - rank(b.f) || a.i - b.i).map((x) => x.f);
  if (ranked.length > 0) return ranked;
  return [
    {
      code: "nothing_stands_out",
      measures: measures.length,
      units: new Set(rows.filter((r) => levels.includes(r.level) || funnelLevels.includes(r.level)).map((r) => `${r.level}\u0000${r.unit}`)).size,
      effects,
      charts: [{ kind: "overview" }],
    },
  ];
}
