/**
 * Effect and Triple Aim status of pilots: adoptions by one municipality or by one hospital
 * ("afprøves/igangsættes i en enkelt klynge, i få kommuner … eller ved et enkelt hospital",
 * seed 003; "en klyngekommune og Hospitalsenhed Midt afprøver … et år", seed 002; "pilotere
 * pasientforløpet i utvalgte kommuner", seed 004).
 *
 * Method. The pilot unit is the municipality, or the hospital's catchment area: the municipalities
 * whose `hospital_unit` in the geography is the hospital (a hospital's pilot is measured on the
 * citizens it serves, including those admitted elsewhere). Its comparison is the rest of the
 * region: every other municipality of the geography. From municipality-level indicator rows the
 * numerators and denominators of each side are summed per period, and the two series are given to
 * the same estimators as a cluster adoption (interventionEffect → the ITS of src/effects on the
 * pilot, the same ITS on the rest of the region as a placebo, and the staggered DiD of the pilot
 * against the rest), and to tripleAimStatus with the rest of the region as comparison.
 * The estimators are called through their public functions, so their intervals are theirs.
 */
import type { Dataset } from "../contract/dataset.js";
import type { GeographyRow } from "../contract/tables.js";
import type { IndicatorRow } from "../indicators/index.js";
import { interventionEffect } from "./interventionEffect.js";
import type { InterventionEffectOptions, InterventionEffectResult } from "./interventionEffect.js";
import { interventionIndicatorRows } from "./interventionIndicatorRows.js";
import type { Adoption, Intervention } from "./interventionSchema.js";
import { tripleAimStatus } from "./tripleAimStatus.js";
import type { TripleAimStatusOptions, TripleAimStatusResult } from "./tripleAimStatus.js";

/** Unit name of the comparison series (the report shows it as "resten af regionen"). */
export const REST_OF_REGION = "rest_of_region";

export interface PilotEffectOptions extends InterventionEffectOptions, Omit<TripleAimStatusOptions, "comparison" | "level" | "at"> {
  /** Geography (needed when the input is an indicator table; a dataset brings its own). */
  readonly geography?: readonly GeographyRow[];
}

export interface PilotUnit {
  /** Index of the adoption in the intervention's adoption list. */
  readonly adoption: number;
  readonly kind: "municipality" | "hospital";
  /** Municipality code as text, or the hospital unit's name: the unit name in the result rows. */
  readonly unit: string;
  /** Municipality name or hospital unit, for display. */
  readonly name: string;
  readonly cluster: string;
  readonly municipalities: readonly number[];
  readonly start: string;
}

export interface PilotResult {
  readonly pilot: PilotUnit;
  /** Rows with unit = pilot.unit (adopting) and REST_OF_REGION (comparison), and the DiD row. */
  readonly effect: InterventionEffectResult;
  readonly status: TripleAimStatusResult;
}

/** The pilot adoptions of an intervention (municipality or hospital), with their municipalities. */
export function pilotUnits(intervention: Intervention, geography: readonly GeographyRow[]): PilotUnit[] {
  const out: PilotUnit[] = [];
  intervention.adoptions.forEach((a: Adoption, i) => {
    if (a.municipality !== undefined) {
      const g = geography.find((x) => x.municipality_code === a.municipality);
      out.push({ adoption: i, kind: "municipality", unit: String(a.municipality), name: g?.municipality_name ?? String(a.municipality), cluster: a.cluster, municipalities: [a.municipality], start: a.start });
    } else if (a.hospital !== undefined) {
      const ms = geography.filter((x) => x.hospital_unit === a.hospital).map((x) => x.municipality_code);
      out.push({ adoption: i, kind: "hospital", unit: a.hospital, name: a.hospital, cluster: a.cluster, municipalities: ms, start: a.start });
    }
  });
  return out;
}

/**
 * Sums municipality-level rows into two "cluster" series: the pilot unit and the rest of the region.
 * Internal; exported for tests.
 */
export function pilotSeriesRows(rows: readonly IndicatorRow[], pilot: PilotUnit, geography: readonly GeographyRow[]): IndicatorRow[] {
  const inPilot = new Set(pilot.municipalities.map(String));
  const known = new Set(geography.map((g) => String(g.municipality_code)));
  const cells = new Map<string, { row: IndicatorRow; num: number | null; den: number | null; bounded: boolean }>();
  const scale = new Map<string, number>();
  for (const r of rows) {
    if (r.level !== "municipality" || r.sex !== "all" || !known.has(r.unit)) continue;
    if (!scale.has(r.indicator) && r.value !== null && r.numerator !== null && r.denominator !== null && r.numerator > 0 && r.denominator > 0)
      scale.set(r.indicator, 10 ** Math.round(Math.log10(r.value / (r.numerator / r.denominator))));
    const unit = inPilot.has(r.unit) ? pilot.unit : REST_OF_REGION;
    const key = `${r.indicator}\u0000${r.group}\u0000${r.period}\u0000${unit}`;
    const c = cells.get(key);
    if (c === undefined) cells.set(key, { row: { ...r, level: "cluster", unit }, num: r.numerator, den: r.denominator, bounded: r.lower !== null || r.upper !== null });
    else {
      c.num = c.num === null || r.numerator === null ? null : c.num + r.numerator;
      c.den = c.den === null || r.denominator === null ? null : c.den + r.denominator;
      c.bounded ||= r.lower !== null || r.upper !== null;
    }
  }
  return [...cells.values()].map(({ row, num, den, bounded }) => {
    const value = num !== null && den !== null && den > 0 ? (num / den) * (scale.get(row.indicator) ?? 1) : null;
    // The summed series carries no interval of its own; a bounded (count) indicator keeps non-null
    // bounds equal to its value so that the analysis reads it as a count, not an amount.
    return { ...row, numerator: num, denominator: den, value, lower: bounded ? value : null, upper: bounded ? value : null, suppressed: false };
  });
}

/**
 * @param input a dataset (municipality-level indicators are computed), or municipality-level indicator rows with `options.geography`
 * @example pilotEffect(acutePilot, dataset).map((p) => p.effect.rows)
 * @throws Error when the input is a table and no geography is given
 */
export function pilotEffect(intervention: Intervention, input: Dataset | readonly IndicatorRow[], options: PilotEffectOptions = {}): PilotResult[] {
  const isTable = Array.isArray(input);
  const geography = options.geography ?? (isTable ? undefined : (input as Dataset).geography);
  if (geography === undefined) throw new Error("pilotEffect needs options.geography when given an indicator table");
  const pilots = pilotUnits(intervention, geography);
  if (pilots.length === 0) return [];
  const rows = isTable ? (input as readonly IndicatorRow[]) : interventionIndicatorRows(intervention, input as Dataset, { levels: ["municipality"] });
  return pilots.map((pilot) => {
    const series = pilotSeriesRows(rows, pilot, geography);
    const a = intervention.adoptions[pilot.adoption];
    const single: Intervention = {
      ...intervention,
      target_population: { ...intervention.target_population, clusters: [pilot.unit, REST_OF_REGION] },
      adoptions: [{ ...a, cluster: pilot.unit, municipality: undefined, hospital: undefined }],
    };
    const effect = interventionEffect(single, series, options);
    const status = tripleAimStatus(single, series, {
      ...(options.at !== undefined ? { at: options.at } : {}),
      ...(options.level !== undefined ? { level: options.level } : {}),
      ...(options.windowMonths !== undefined ? { windowMonths: options.windowMonths } : {}),
      ...(options.minPeriods !== undefined ? { minPeriods: options.minPeriods } : {}),
      ...(options.minEvents !== undefined ? { minEvents: options.minEvents } : {}),
      comparison: [REST_OF_REGION],
    });
    return { pilot, effect, status };
  });
}
