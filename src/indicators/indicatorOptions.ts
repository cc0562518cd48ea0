/** Options of the indicator engine, with defaults. */
import type { ComputeStaysOptions } from "../stays/computeStays.js";
import type { DiagnosisGroup } from "../stays/diagnosisGroups.js";
import type { Registration } from "../stays/stayTable.js";
import { parseAgeGroup } from "./ageGroup.js";
import { indicatorMessages } from "./messages.js";
import type { Level, IndicatorPeriodKind } from "./table.js";

export type SexFilter = "all" | "F" | "M";

/** Direct standardisation: the European Standard Population 2013, or the data's population of one year. */
export type DirectStandard = "esp2013" | { readonly year: number };

export interface IndicatorOptions {
  /** Geographic levels (default all three). */
  readonly levels?: readonly Level[];
  /** Period kinds (default "year"). Sub-year rates use person-time pro rata. */
  readonly period?: IndicatorPeriodKind | readonly IndicatorPeriodKind[];
  /** Population groups (default ["all", "0-2", "65+"]); any "A-B" or "A+" band. */
  readonly groups?: readonly string[];
  /** Sexes (default ["all", "F", "M"]). */
  readonly sexes?: readonly SexFilter[];
  /** Admission rule (default "harmonised"). */
  readonly registration?: Registration;
  /** Confidence level of the intervals as a fraction (default 0.95). */
  readonly confidence?: number;
  /** Suppression threshold (default 5; 0 disables). */
  readonly minCount?: number;
  /** Standardised columns: direct (std_*) and indirect O/E against the region (isr_*). */
  readonly standardise?: { readonly direct?: DirectStandard | false; readonly indirect?: boolean };
  /** Name of the region unit (default "region"). */
  readonly regionName?: string;
  /** Options of the stays layer (gap, 12 h rule, data end, window, exclusions). */
  readonly stays?: Omit<ComputeStaysOptions, "registration">;
  /** Preventable-admission groups (default data/diagnosis-groups/preventable-admissions.csv). */
  readonly preventableGroups?: readonly DiagnosisGroup[];
  /** Focus-area diagnosis groups (default data/diagnosis-groups/focus-areas.csv). */
  readonly focusGroups?: readonly DiagnosisGroup[];
  /**
   * A target population by diagnosis (an intervention's `target_population.diagnosis_groups`, e.g.
   * `medical`): admission_rate and readmission_30d count only stays whose primary diagnosis is in
   * these groups (readmission_30d: index admissions; the readmission may have any diagnosis), and
   * their ids get the groups as a suffix (`admission_rate@medical`), so a restricted count is
   * never published under the unrestricted id.
   */
  readonly diagnosisGroups?: readonly DiagnosisGroup[];
  /** Levels of the question tables (default region and cluster). */
  readonly questionLevels?: readonly Level[];
  /** Only these indicator families (default all; see INDICATOR_FAMILIES). */
  readonly indicators?: readonly string[];
  /**
   * Pooling instead of suppression: a small municipality published together with a neighbour of
   * the same cluster, as one municipality-level unit named by both codes ("751+741"), e.g.
   * `{ "741": "751" }` publishes Samsø with Aarhus. Clusters and the region are unchanged.
   */
  readonly pool?: Readonly<Record<string, string>>;
}

export interface ResolvedOptions {
  readonly levels: readonly Level[];
  readonly periods: readonly IndicatorPeriodKind[];
  readonly groups: readonly string[];
  readonly sexes: readonly SexFilter[];
  readonly registration: Registration;
  readonly confidence: number;
  readonly minCount: number;
  readonly direct: DirectStandard | false;
  readonly indirect: boolean;
  readonly regionName: string;
  /** Pooled municipality code → the code it is published with. */
  readonly pool: ReadonlyMap<number, number>;
  /** Levels of the question tables (default region and cluster). */
  readonly questionLevels: readonly Level[];
  /** Days of follow-up of a readmission (the stays option windowDays, default 30), whole days. */
  readonly windowDays: number;
}

/** The suppression threshold when none is given: counts below 5 are hidden (the one default of klynge). */
export const DEFAULT_MIN_COUNT = 5;

/** The suppression threshold of an option: the given one, or {@link DEFAULT_MIN_COUNT}. */
export function minCountOf(minCount: number | undefined): number {
  return minCount ?? DEFAULT_MIN_COUNT;
}

export function resolveOptions(o: IndicatorOptions): ResolvedOptions {
  const levels = o.levels ?? ["region", "cluster", "municipality"];
  for (const l of levels) if (l !== "region" && l !== "cluster" && l !== "municipality") throw new RangeError(indicatorMessages.badLevel(String(l)));
  const periods = o.period === undefined ? ["year" as const] : typeof o.period === "string" ? [o.period] : o.period;
  for (const p of periods) if (p !== "year" && p !== "quarter" && p !== "month") throw new RangeError(indicatorMessages.badPeriod(String(p)));
  const groups = o.groups ?? ["all", "0-2", "65+"];
  for (const g of groups) parseAgeGroup(g);
  const minCount = minCountOf(o.minCount);
  if (!Number.isInteger(minCount) || minCount < 0) throw new RangeError(indicatorMessages.badMinCount(minCount));
  const pool = new Map<number, number>();
  for (const [member, host] of Object.entries(o.pool ?? {})) {
    const m = Number(member);
    const h = Number(host);
    if (!/^\d{1,4}$/.test(member.trim()) || !/^\d{1,4}$/.test(String(host).trim()) || m === h) throw new RangeError(indicatorMessages.badPool(member, String(host)));
    pool.set(m, h);
  }
  for (const h of pool.values()) if (pool.has(h)) throw new RangeError(indicatorMessages.poolChain(String(h)));
  return {
    levels,
    periods,
    groups,
    sexes: o.sexes ?? ["all", "F", "M"],
    registration: o.registration ?? "harmonised",
    confidence: o.confidence ?? 0.95,
    minCount,
    direct: o.standardise?.direct ?? false,
    indirect: o.standardise?.indirect ?? false,
    regionName: o.regionName ?? "region",
    pool,
    questionLevels: o.questionLevels ?? ["region", "cluster"],
    windowDays: Math.ceil(o.stays?.windowDays ?? 30),
  };
}
