import type { IndicatorRow, Level } from "../indicators/table.js";
import { CompareError, compareMessages, compareNotes, type CompareNote } from "./compareMessages.js";

/** Which way an indicator improves: a lower value is better, a higher is better, or neither. */
export type ProfileDirection = "lower" | "higher" | "none";

/**
 * Directions of improvement of the Triple Aim indicators of klynge (issue 3): fewer (preventable)
 * admissions, readmissions and focus-area admissions, and lower cost per citizen are better;
 * more positive patient experience is better. `focus_*` indicators inherit "lower".
 */
export const defaultProfileDirections: Readonly<Record<string, ProfileDirection>> = {
  admission_rate: "lower",
  readmission_30d: "lower",
  preventable_admission_rate: "lower",
  cost_per_citizen: "lower",
  experience_positive: "higher",
};

export interface ClusterProfileOptions {
  /** Level of the units to profile (default "cluster"). */
  readonly level?: Level;
  /** Period to show; default: the latest period of each indicator at that level. */
  readonly period?: string;
  /** Population groups to keep (default: all groups present). */
  readonly groups?: readonly string[];
  /** Sex (default "all"). */
  readonly sex?: "all" | "F" | "M";
  /** Level of the reference rows (default "region"). */
  readonly referenceLevel?: Level;
  /** Unit of the reference rows, when several exist at that level. */
  readonly referenceUnit?: string;
  /** Directions of improvement, overriding and extending the defaults. */
  readonly directions?: Readonly<Record<string, ProfileDirection>>;
  /** Use the standardised value and interval (std_value, std_lower, std_upper) where present. */
  readonly standardised?: boolean;
}

/** One row of the profile: one indicator × group × unit, beside the reference. */
export interface ClusterProfileRow {
  readonly indicator: string;
  readonly direction: ProfileDirection;
  readonly group: string;
  readonly sex: "all" | "F" | "M";
  readonly period: string;
  readonly unit: string;
  readonly numerator: number | null;
  readonly denominator: number | null;
  readonly value: number | null;
  readonly lower: number | null;
  readonly upper: number | null;
  readonly method: string;
  readonly suppressed: boolean;
  readonly reference: string | null;
  readonly referenceValue: number | null;
  /** The unit's interval lies above ("higher") or below ("lower") the reference value, or includes it. */
  readonly versusReference: "higher" | "lower" | "similar" | "not_assessed";
  /** versusReference read with the direction of improvement. */
  readonly assessment: "better" | "worse" | "similar" | "no_direction" | "not_assessed";
}

export interface ClusterProfileResult {
  readonly level: Level;
  readonly referenceLevel: Level;
  readonly units: readonly string[];
  readonly indicators: readonly { readonly indicator: string; readonly direction: ProfileDirection; readonly period: string }[];
  readonly rows: readonly ClusterProfileRow[];
  /** Notes as codes plus values (text: `noteText(note, lang)`). */
  readonly notes: readonly CompareNote[];
}

function directionOf(indicator: string, dirs: Readonly<Record<string, ProfileDirection>>): ProfileDirection | undefined {
  if (dirs[indicator] !== undefined) return dirs[indicator];
  if (indicator.startsWith("focus_")) return "lower";
  return undefined;
}

/**
 * The cluster profile: every indicator side by side per unit (cluster), for one period, with its
 * interval, the reference (region) value, and the direction of improvement — as a tidy table,
 * one row per indicator × group × unit. A unit is "higher"/"lower" than the reference when its
 * interval excludes the reference value (the comparison of the PHE Fingertips spine charts),
 * and "better"/"worse" when that is read with the direction of improvement. Suppressed or
 * missing values are "not_assessed", never guessed.
 * @throws CompareError when no row matches, or one unit has two rows for the same key.
 * @example
 * clusterProfile(indicatorRows, { period: "2022", groups: ["65+"] }).rows
 */
export function clusterProfile(indicatorRows: readonly IndicatorRow[], options: ClusterProfileOptions = {}): ClusterProfileResult {
  const level = options.level ?? "cluster";
  const refLevel = options.referenceLevel ?? "region";
  const sex = options.sex ?? "all";
  const dirs = { ...defaultProfileDirections, ...(options.directions ?? {}) };
  const groups = options.groups === undefined ? null : new Set(options.groups);
  const keep = (r: IndicatorRow) => r.sex === sex && (groups === null || groups.has(r.group));
  const unitRows = indicatorRows.filter((r) => r.level === level && keep(r));
  if (unitRows.length === 0) throw new CompareError(compareMessages.profileNoRows());
  const notes: CompareNote[] = [];
  const indicators = [...new Set(unitRows.map((r) => r.indicator))].sort();
  const periodOf = new Map<string, string>();
  for (const ind of indicators) {
    if (options.period !== undefined) periodOf.set(ind, options.period);
    else periodOf.set(ind, unitRows.filter((r) => r.indicator === ind).map((r) => r.period).sort().at(-1) as string);
  }
  const pick = (r: IndicatorRow) => {
    const std = options.standardised === true && r.std_value !== undefined && r.std_value !== null;
    return {
      value: std ? (r.std_value ?? null) : r.value,
      lower: std ? (r.std_lower ?? null) : r.lower,
      upper: std ? (r.std_upper ?? null) : r.upper,
      method: std ? (r.std_method ?? r.method) : r.method,
    };
  };
  const rows: ClusterProfileRow[] = [];
  const unitSet = new Set<string>();
  for (const ind of indicators) {
    const period = periodOf.get(ind) as string;
    const direction = directionOf(ind, dirs);
    if (direction === undefined) notes.push(compareNotes.profileNoDirection(ind));
    const dir = direction ?? "none";
    const inPeriod = unitRows.filter((r) => r.indicator === ind && r.period === period);
    const groupList = [...new Set(inPeriod.map((r) => r.group))].sort();
    for (const group of groupList) {
      const refCandidates = indicatorRows.filter(
        (r) =>
          r.level === refLevel && r.indicator === ind && r.period === period && r.group === group && r.sex === sex &&
          (options.referenceUnit === undefined || r.unit === options.referenceUnit),
      );
      const ref = refCandidates.length === 1 ? refCandidates[0] : null;
      if (ref === null) notes.push(compareNotes.profileNoReference(ind, period, group, sex));
      const refValue = ref === null ? null : pick(ref).value;
      const seenUnits = new Set<string>();
      for (const r of inPeriod.filter((x) => x.group === group).sort((a, b) => a.unit.localeCompare(b.unit))) {
        if (seenUnits.has(r.unit)) throw new CompareError(compareMessages.profileDuplicate(ind, r.unit, period));
        seenUnits.add(r.unit);
        unitSet.add(r.unit);
        const v = pick(r);
        let versus: ClusterProfileRow["versusReference"] = "not_assessed";
        if (!r.suppressed && v.value !== null && v.lower !== null && v.upper !== null && refValue !== null) {
          versus = v.lower > refValue ? "higher" : v.upper < refValue ? "lower" : "similar";
        }
        let assessment: ClusterProfileRow["assessment"] = "not_assessed";
        if (versus === "similar") assessment = "similar";
        else if (versus !== "not_assessed") {
          assessment = dir === "none" ? "no_direction" : (versus === "lower") === (dir === "lower") ? "better" : "worse";
        }
        rows.push({
          indicator: ind,
          direction: dir,
          group,
          sex,
          period,
          unit: r.unit,
          numerator: r.numerator,
          denominator: r.denominator,
          value: v.value,
          lower: v.lower,
          upper: v.upper,
          method: v.method,
          suppressed: r.suppressed,
          reference: ref === null ? null : ref.unit,
          referenceValue: refValue,
          versusReference: versus,
          assessment,
        });
      }
    }
  }
  return {
    level,
    referenceLevel: refLevel,
    units: [...unitSet].sort(),
    indicators: indicators.map((indicator) => ({
      indicator,
      direction: directionOf(indicator, dirs) ?? "none",
      period: periodOf.get(indicator) as string,
    })),
    rows,
    notes,
  };
}
