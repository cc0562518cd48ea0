import { poissonGlm } from "../stats/glm/poissonGlm.js";
import { indirectlyStandardisedRatio, rateWithInterval, wilsonInterval, type Stratum } from "../stats/index.js";
import { zForLevel } from "../stats/zForLevel.js";
import { CompareError, compareMessages, compareNotes, type CompareNote } from "./compareMessages.js";
import { trendStepOf, type TrendStep } from "./comparePeriods.js";
import { normalTwoSidedP } from "./normalTwoSidedP.js";

/** One unit (e.g. a cluster): events and population by stratum, and optionally a series for the trend. */
export interface CompareUnit {
  readonly unit: string;
  /** Events and population (person-years, or the denominator of a proportion) by stratum label. */
  readonly strata: readonly Stratum[];
  /** Events and population by period ("2016", "2016-Q1", "2016-07" or integers), for the trend. */
  readonly series?: readonly { readonly period: string | number; readonly events: number; readonly population: number }[];
}

/** The reference (e.g. the region, or the whole country) by the same stratum labels. */
export interface CompareReference {
  readonly name: string;
  readonly strata: readonly Stratum[];
}

export interface CompareToReferenceOptions {
  /** Confidence level as a fraction (default 0.95). */
  readonly level?: number;
  /** "rate" (events per person-time; default) or "proportion" (events out of a denominator). */
  readonly kind?: "rate" | "proportion";
  /** Multiplier of rates, proportions and differences, e.g. 1000 (default 1). */
  readonly multiplier?: number;
  /**
   * Compare each unit with the reference minus the unit (e.g. a cluster with the rest of the
   * region), so that the two sides are independent. Default false.
   */
  readonly excludeUnitFromReference?: boolean;
}

/** Trend of a unit over its periods: a Poisson slope as the rate ratio per step. */
export interface CompareTrend {
  readonly periods: number;
  readonly first: string;
  readonly last: string;
  readonly step: TrendStep;
  /** Rate ratio per step (per year for yearly periods). */
  readonly rateRatioPerStep: number;
  readonly lower: number;
  readonly upper: number;
  readonly pValue: number;
  readonly dispersion: number;
  readonly method: string;
}

/** One row of the comparison table. */
export interface CompareToReferenceRow {
  readonly unit: string;
  readonly reference: string;
  readonly observed: number;
  readonly population: number;
  /** Expected events at the reference's stratum rates. */
  readonly expected: number;
  /** Indirectly standardised ratio O/E and its interval (exact Poisson below 10 events, Byars from 10). */
  readonly ratio: number | null;
  readonly ratioLower: number | null;
  readonly ratioUpper: number | null;
  readonly ratioMethod: string;
  /** "higher"/"lower": the ratio's interval excludes 1; "similar": it includes 1. */
  readonly ratioClass: "higher" | "lower" | "similar" | "not_assessed";
  /** Crude value of the unit (× multiplier) with its interval (Poisson for rates, Wilson for proportions). */
  readonly value: number | null;
  readonly valueLower: number | null;
  readonly valueUpper: number | null;
  readonly referenceValue: number;
  /** Unit minus reference (× multiplier) with its interval. */
  readonly difference: number | null;
  readonly differenceLower: number | null;
  readonly differenceUpper: number | null;
  readonly differenceMethod: string;
  readonly trend: CompareTrend | null;
  /** Notes as codes plus values (text: `noteText(note, lang)`). */
  readonly notes: readonly CompareNote[];
}

export interface CompareToReferenceResult {
  readonly kind: "rate" | "proportion";
  readonly level: number;
  readonly multiplier: number;
  readonly reference: string;
  readonly rows: readonly CompareToReferenceRow[];
  /** Notes as codes plus values (text: `noteText(note, lang)`). */
  readonly notes: readonly CompareNote[];
}

function sumStrata(strata: readonly Stratum[]): { events: number; population: number } {
  let events = 0;
  let population = 0;
  for (const s of strata) {
    events += s.events;
    population += s.population;
  }
  return { events, population };
}

/**
 * Each unit against a reference (the region, or any reference):
 * - standardised ratio O/E by indirect standardisation with the reference's stratum rates, and
 *   its exact/Byars interval (stats' `indirectlyStandardisedRatio`; PHEindicatormethods
 *   `calculate_ISRatio`);
 * - the difference of crude values with a Wald interval for rates (Var = x/n² + X/N², Poisson
 *   counts) or Newcombe's hybrid score interval for proportions (Newcombe 1998, "Interval
 *   estimation for the difference between independent proportions", Stat Med 17:873–890,
 *   method 10, from the two Wilson intervals);
 * - the trend over the unit's periods: a quasi-Poisson regression of events on the period index
 *   with log population as offset, reported as the rate ratio per step (per year for years).
 * @throws CompareError / StatsError on invalid input (unknown stratum labels, negative counts,
 *   a proportion above 1, bad level).
 * @example
 * compareToReference(clusters, { name: "Region Midtjylland", strata: region }, { multiplier: 1000 }).rows
 */
export function compareToReference(
  units: readonly CompareUnit[],
  reference: CompareReference,
  options: CompareToReferenceOptions = {},
): CompareToReferenceResult {
  const fn = "compareToReference";
  if (units.length === 0) throw new CompareError(compareMessages.noUnits(fn));
  const level = options.level ?? 0.95;
  if (typeof level !== "number" || !(level > 0 && level < 1)) throw new CompareError(compareMessages.badLevel(fn, level));
  const kind = options.kind ?? "rate";
  const m = options.multiplier ?? 1;
  if (!(m > 0) || !Number.isFinite(m)) throw new CompareError(compareMessages.badNumber(fn, "multiplier", m));
  const seen = new Set<string>();
  for (const u of units) {
    if (seen.has(u.unit)) throw new CompareError(compareMessages.duplicateUnit(fn, u.unit));
    seen.add(u.unit);
  }
  const z = zForLevel(level);
  const notes: CompareNote[] = [];
  if (!options.excludeUnitFromReference) notes.push(compareNotes.referenceIncludesUnit());

  const rows = units.map((u): CompareToReferenceRow => {
    const rowNotes: CompareNote[] = [];
    let refStrata: readonly Stratum[] = reference.strata;
    if (options.excludeUnitFromReference) {
      const own = new Map(u.strata.map((s) => [s.label, s]));
      for (const label of own.keys()) {
        if (!reference.strata.some((r) => r.label === label)) throw new CompareError(compareMessages.excludeMissingStratum(u.unit, label));
      }
      refStrata = reference.strata.map((r) => {
        const s = own.get(r.label);
        if (s === undefined) return r;
        const events = r.events - s.events;
        const population = r.population - s.population;
        if (events < 0 || population < 0) throw new CompareError(compareMessages.excludeNegative(u.unit, r.label));
        return { label: r.label, events, population };
      });
    }
    const isr = indirectlyStandardisedRatio(u.strata, refStrata, { level });
    const { events: x, population: n } = sumStrata(u.strata);
    const { events: X, population: N } = sumStrata(refStrata);
    if (kind === "proportion" && x > n) throw new CompareError(compareMessages.proportionAboveOne(fn, u.unit, x, n));
    const refValue = (X / N) * m;
    let value: number | null = null;
    let valueLower: number | null = null;
    let valueUpper: number | null = null;
    let diff: number | null = null;
    let dLow: number | null = null;
    let dUp: number | null = null;
    let dMethod = kind === "rate" ? "wald-poisson" : "newcombe-hybrid-score";
    if (n === 0) {
      rowNotes.push(compareNotes.zeroPopulation(u.unit));
      dMethod = "none";
    } else if (kind === "rate") {
      const r = rateWithInterval(x, n, { level, multiplier: m });
      value = r.value;
      valueLower = r.lower;
      valueUpper = r.upper;
      diff = (x / n - X / N) * m;
      const se = Math.sqrt(x / (n * n) + X / (N * N)) * m;
      dLow = diff - z * se;
      dUp = diff + z * se;
    } else {
      const w1 = wilsonInterval(x, n, { level });
      const w2 = wilsonInterval(X, N, { level });
      const p1 = x / n;
      const p2 = X / N;
      const l1 = w1.lower as number;
      const u1 = w1.upper as number;
      const l2 = w2.lower as number;
      const u2 = w2.upper as number;
      value = p1 * m;
      valueLower = l1 * m;
      valueUpper = u1 * m;
      const d = p1 - p2;
      diff = d * m;
      dLow = Math.max(-1, d - Math.sqrt((p1 - l1) ** 2 + (u2 - p2) ** 2)) * m;
      dUp = Math.min(1, d + Math.sqrt((u1 - p1) ** 2 + (p2 - l2) ** 2)) * m;
    }
    const ratioClass =
      isr.value === null || isr.lower === null || isr.upper === null
        ? "not_assessed"
        : isr.lower > 1
          ? "higher"
          : isr.upper < 1
            ? "lower"
            : "similar";
    if (isr.note !== undefined) rowNotes.push(compareNotes.zeroExpected(u.unit));
    return {
      unit: u.unit,
      reference: reference.name,
      observed: isr.observed,
      population: n,
      expected: isr.expected,
      ratio: isr.value,
      ratioLower: isr.lower,
      ratioUpper: isr.upper,
      ratioMethod: isr.method,
      ratioClass,
      value,
      valueLower,
      valueUpper,
      referenceValue: refValue,
      difference: diff,
      differenceLower: dLow,
      differenceUpper: dUp,
      differenceMethod: dMethod,
      trend: u.series === undefined ? null : unitTrend(u.unit, u.series, level, z, rowNotes),
      notes: rowNotes,
    };
  });
  return { kind, level, multiplier: m, reference: reference.name, rows, notes };
}

function unitTrend(
  unit: string,
  series: NonNullable<CompareUnit["series"]>,
  level: number,
  z: number,
  notes: CompareNote[],
): CompareTrend | null {
  const points = series
    .filter((s) => s.population > 0)
    .map((s) => ({ s, p: trendStepOf(s.period) }))
    .filter((v): v is { s: (typeof series)[number]; p: { index: number; step: TrendStep } } => v.p !== null)
    .sort((a, b) => a.p.index - b.p.index);
  if (points.length < 3) {
    notes.push(compareNotes.trendTooShort(unit, points.length));
    return null;
  }
  const t0 = points[0].p.index;
  try {
    const fit = poissonGlm(
      {
        y: points.map((v) => v.s.events),
        x: points.map((v) => [1, v.p.index - t0]),
        names: ["(Intercept)", "step"],
        offset: points.map((v) => Math.log(v.s.population)),
      },
      { family: "quasipoisson" },
    );
    const b = fit.coefficients[1];
    const se = fit.standardErrors[1];
    return {
      periods: points.length,
      first: String(points[0].s.period),
      last: String(points[points.length - 1].s.period),
      step: points[0].p.step,
      rateRatioPerStep: Math.exp(b),
      lower: Math.exp(b - z * se),
      upper: Math.exp(b + z * se),
      pValue: normalTwoSidedP(b / se),
      dispersion: fit.dispersion,
      method: `quasi-Poisson regression on the period index with log population offset (SE × √max(1, φ)); ${Math.round(level * 1000) / 10} % Wald interval`,
    };
  } catch (e) {
    notes.push(compareNotes.trendFailed(unit, (e as Error).message));
    return null;
  }
}
