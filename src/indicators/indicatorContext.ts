/**
 * The shared frame of every indicator: units (region, clusters, municipalities), the month axis,
 * age classes (the coarsest partition of ages that refines every requested group and the 5-year
 * standardisation bands), the population cube, and the stays/admissions of the dataset. Events
 * are counted once into cubes [municipality][month][age class][sex]; every row of every indicator
 * is a sum over such a cube, so there is one linear pass over the admissions per indicator.
 */
import type { Dataset } from "../contract/dataset.js";
import { MINUTES_PER_DAY, MISSING, civilFromDays, dayOfMinutes, daysFromCivil } from "../contract/time.js";
import { computeStays, type ComputedStays } from "../stays/computeStays.js";
import { staySource } from "../stays/buildStays.js";
import { parseAgeGroup, type AgeGroup } from "./ageGroup.js";
import { resolveOptions, type IndicatorOptions, type ResolvedOptions } from "./indicatorOptions.js";
import { indicatorMessages } from "./messages.js";
import { periodLabel, periodOfMonth } from "../contract/period.js";
import type { Level, IndicatorPeriodKind } from "./table.js";

/** Ages at or above this are counted in the top class. */
export const AGE_CAP = 110;
/** Lower bounds of the 5-year bands of the European Standard Population 2013 (0-4 … 85-89, 90+). */
export const STANDARD_BAND_STARTS = [0, 5, 10, 15, 20, 25, 30, 35, 40, 45, 50, 55, 60, 65, 70, 75, 80, 85, 90] as const;

export function standardBandLabel(b: number): string {
  const lo = STANDARD_BAND_STARTS[b];
  return b === STANDARD_BAND_STARTS.length - 1 ? `${lo}+` : `${lo}-${STANDARD_BAND_STARTS[b + 1] - 1}`;
}

export interface Unit {
  readonly level: Level;
  readonly name: string;
  /** Municipality indexes (into muniCodes) that make up the unit. */
  readonly munis: readonly number[];
  /** The cluster of a municipality unit (when the geography names one). */
  readonly cluster?: string;
}

export interface Period {
  readonly kind: IndicatorPeriodKind;
  readonly label: string;
  readonly year: number;
  /** Month indexes on the month axis. */
  readonly months: readonly number[];
  /** Share of the year's person-time (days in period / days in year). */
  readonly fraction: number;
  readonly firstDay: number;
  readonly lastDay: number;
}

export interface GroupClasses {
  readonly group: AgeGroup;
  readonly classes: readonly number[];
}

export interface IndicatorContext {
  readonly dataset: Dataset;
  readonly options: IndicatorOptions;
  readonly resolved: ResolvedOptions;
  readonly computed: ComputedStays;
  readonly muniCodes: readonly number[];
  /** Municipality index by code (−1 when unknown). */
  readonly muniIndex: Int32Array;
  readonly units: readonly Unit[];
  /** First calendar year of the month axis, and its number of years. */
  readonly y0: number;
  readonly nYears: number;
  readonly nMonths: number;
  readonly classStarts: readonly number[];
  readonly classOfAge: Int16Array;
  /** Standard band (index into STANDARD_BAND_STARTS) of each class. */
  readonly bandOfClass: Int16Array;
  /** Requested groups first, then "all", "0-2" and "65+" when not requested (used by fixed-group indicators). */
  readonly groups: readonly GroupClasses[];
  /** Population [muni][year][class][sex], sex 0 = F, 1 = M. */
  readonly population: Float64Array;
  readonly populationYears: ReadonlySet<number>;
  /** Earliest admitted_at and the data end (wall-clock minutes). */
  readonly firstMinute: number;
  readonly dataEnd: number;
}

/** Month index on the context's axis of a wall-clock minute, or −1 outside the axis. */
export function monthOf(ctx: Pick<IndicatorContext, "y0" | "nMonths">, minutes: number): number {
  const [y, m] = civilFromDays(dayOfMinutes(minutes));
  const t = (y - ctx.y0) * 12 + m - 1;
  return t >= 0 && t < ctx.nMonths ? t : -1;
}

/** A fast month lookup for many calls: day → month index, over the axis's days. */
export function monthLookup(ctx: Pick<IndicatorContext, "y0" | "nYears" | "nMonths">): (minutes: number) => number {
  const d0 = daysFromCivil(ctx.y0, 1, 1);
  const d1 = daysFromCivil(ctx.y0 + ctx.nYears, 1, 1);
  const table = new Int16Array(d1 - d0);
  for (let d = d0; d < d1; d++) {
    const [y, m] = civilFromDays(d);
    table[d - d0] = (y - ctx.y0) * 12 + m - 1;
  }
  return (minutes: number): number => {
    const d = Math.floor(minutes / MINUTES_PER_DAY) - d0;
    return d >= 0 && d < table.length ? table[d] : -1;
  };
}

/** Cube index of [muni][month or year][class][sex code 1|2]. */
export function cubeSize(ctx: IndicatorContext, timeSlots: number): number {
  return ctx.muniCodes.length * timeSlots * ctx.classStarts.length * 2;
}

/**
 * Build the shared frame and compute stays once.
 * @example
 * const ctx = prepareIndicators(dataset, { period: "quarter" });
 * const rows = computeIndicators(ctx, { indicators: ["admission_rate"] });
 */
export function prepareIndicators(dataset: Dataset, options: IndicatorOptions = {}): IndicatorContext {
  const resolved = resolveOptions(options);
  const computed = computeStays(dataset, { ...options.stays, registration: resolved.registration });
  return buildContext(dataset, options, resolved, computed);
}

export function buildContext(dataset: Dataset, options: IndicatorOptions, resolved: ResolvedOptions, computed: ComputedStays): IndicatorContext {
  const { contacts, population, geography } = dataset;
  // Municipalities: geography first (its order), then any code seen in population or contacts.
  const muniIndex = new Int32Array(10000).fill(-1);
  const muniCodes: number[] = [];
  const addMuni = (code: number): void => {
    if (code >= 0 && code < 10000 && muniIndex[code] < 0) {
      muniIndex[code] = muniCodes.length;
      muniCodes.push(code);
    }
  };
  for (const g of geography) addMuni(g.municipality_code);
  for (let i = 0; i < population.length; i++) addMuni(population.municipality[i]);
  const stays = computed.stays;
  const muniSrc = staySource(stays, "municipality");
  const startSrc = staySource(stays, "start");
  for (let s = 0; s < stays.length; s++) {
    const code = muniSrc.values[muniSrc.index === null ? s : muniSrc.index[s]];
    if (muniIndex[code] < 0) addMuni(code);
  }

  const units: Unit[] = [];
  units.push({ level: "region", name: resolved.regionName, munis: muniCodes.map((_, i) => i) });
  const clusters = new Map<string, number[]>();
  for (const g of geography) {
    let list = clusters.get(g.cluster);
    if (!list) clusters.set(g.cluster, (list = []));
    list.push(muniIndex[g.municipality_code]);
  }
  for (const [name, munis] of clusters) units.push({ level: "cluster", name, munis });
  const clusterOfCode = new Map(geography.map((g) => [g.municipality_code, g.cluster] as const));
  // Pooled municipalities are published with their host, as one unit named "host+member".
  for (const [member, host] of resolved.pool) {
    for (const code of [member, host]) if (!clusterOfCode.has(code)) throw new RangeError(indicatorMessages.poolUnknown(code));
    if (clusterOfCode.get(member) !== clusterOfCode.get(host)) throw new RangeError(indicatorMessages.poolAcrossClusters(member, host));
  }
  muniCodes.forEach((code, i) => {
    if (resolved.pool.has(code)) return;
    const members = muniCodes.map((c, j) => [c, j] as const).filter(([c]) => resolved.pool.get(c) === code).sort((a, b) => a[0] - b[0]);
    const cluster = clusterOfCode.get(code);
    const name = [String(code), ...members.map(([c]) => String(c))].join("+");
    units.push({ level: "municipality", name, munis: [i, ...members.map(([, j]) => j)], ...(cluster === undefined ? {} : { cluster }) });
  });

  // Year axis: population years and contact years.
  let yMin = Infinity;
  let yMax = -Infinity;
  const populationYears = new Set<number>();
  for (let i = 0; i < population.length; i++) populationYears.add(population.year[i]);
  for (const y of populationYears) {
    yMin = Math.min(yMin, y);
    yMax = Math.max(yMax, y);
  }
  let firstMinute = MISSING;
  for (let s = 0; s < stays.length; s++) {
    const t = startSrc.values[startSrc.index === null ? s : startSrc.index[s]];
    if (firstMinute === MISSING || t < firstMinute) firstMinute = t;
  }
  const dataEnd = computed.admissions.dataEnd;
  if (firstMinute !== MISSING) {
    yMin = Math.min(yMin, civilFromDays(dayOfMinutes(firstMinute))[0]);
    yMax = Math.max(yMax, civilFromDays(dayOfMinutes(computed.report.latestAdmittedAt))[0]);
  }
  if (!Number.isFinite(yMin)) {
    yMin = 2000;
    yMax = 2000;
  }
  const y0 = yMin;
  const nYears = yMax - yMin + 1;

  // Age classes: boundaries of every group and every standard band.
  const starts = new Set<number>(STANDARD_BAND_STARTS);
  // The requested groups plus those the focus areas and preventable admissions are defined for.
  const groupLabels = [...new Set([...resolved.groups, "all", "0-2", "65+"])];
  const groups = groupLabels.map(parseAgeGroup);
  for (const g of groups) {
    starts.add(Math.min(g.lo, AGE_CAP));
    if (Number.isFinite(g.hi) && g.hi + 1 <= AGE_CAP) starts.add(g.hi + 1);
  }
  const classStarts = [...starts].filter((a) => a <= AGE_CAP).sort((a, b) => a - b);
  const classOfAge = new Int16Array(AGE_CAP + 1);
  for (let c = 0; c < classStarts.length; c++) {
    const hi = c + 1 < classStarts.length ? classStarts[c + 1] : AGE_CAP + 1;
    for (let a = classStarts[c]; a < hi; a++) classOfAge[a] = c;
  }
  const bandOfClass = new Int16Array(classStarts.length);
  for (let c = 0; c < classStarts.length; c++) {
    let b = 0;
    while (b + 1 < STANDARD_BAND_STARTS.length && STANDARD_BAND_STARTS[b + 1] <= classStarts[c]) b++;
    bandOfClass[c] = b;
  }
  const groupClasses: GroupClasses[] = groups.map((group) => ({
    group,
    classes: classStarts.map((lo, c) => ({ lo, c })).filter(({ lo }) => lo >= group.lo && lo <= group.hi).map(({ c }) => c),
  }));

  const C = classStarts.length;
  const pop = new Float64Array(muniCodes.length * nYears * C * 2);
  for (let i = 0; i < population.length; i++) {
    const m = muniIndex[population.municipality[i]];
    const y = population.year[i] - y0;
    const a = Math.max(0, Math.min(AGE_CAP, population.age[i]));
    const sx = population.sex[i] === 2 ? 1 : 0;
    pop[((m * nYears + y) * C + classOfAge[a]) * 2 + sx] += population.count[i];
  }

  return {
    dataset,
    options,
    resolved,
    computed,
    muniCodes,
    muniIndex,
    units,
    y0,
    nYears,
    nMonths: nYears * 12,
    classStarts,
    classOfAge,
    bandOfClass,
    groups: groupClasses,
    population: pop,
    populationYears,
    firstMinute,
    dataEnd,
  };
}

/** Age class of an age (clamped to [0, AGE_CAP]). */
export function classOf(ctx: IndicatorContext, age: number): number {
  return ctx.classOfAge[age < 0 ? 0 : age > AGE_CAP ? AGE_CAP : age];
}

/** The periods of one kind on the axis, each with its months and person-time fraction. */
export function periodsOf(ctx: IndicatorContext, kind: IndicatorPeriodKind): Period[] {
  const out: Period[] = [];
  for (let yi = 0; yi < ctx.nYears; yi++) {
    const year = ctx.y0 + yi;
    const yearDays = daysFromCivil(year + 1, 1, 1) - daysFromCivil(year, 1, 1);
    const span = kind === "year" ? 12 : kind === "quarter" ? 3 : 1;
    for (let m0 = 0; m0 < 12; m0 += span) {
      const firstDay = daysFromCivil(year, m0 + 1, 1);
      const lastDay = (m0 + span === 12 ? daysFromCivil(year + 1, 1, 1) : daysFromCivil(year, m0 + span + 1, 1)) - 1;
      const label = periodLabel(periodOfMonth(kind, year, m0 + 1));
      const months: number[] = [];
      for (let k = 0; k < span; k++) months.push(yi * 12 + m0 + k);
      out.push({ kind, label, year, months, fraction: (lastDay - firstDay + 1) / yearDays, firstDay, lastDay });
    }
  }
  return out;
}

/**
 * Sum a [muni][month][class][sex] cube over the municipalities of each unit: [unit][month][class][sex].
 * `into`: an array of the right length to fill (zeroed here) instead of a new one.
 */
export function rollupUnits(ctx: IndicatorContext, cube: Float64Array, slots: number, into?: Float64Array): Float64Array {
  const C = ctx.classStarts.length;
  const stride = slots * C * 2;
  const size = ctx.units.length * stride;
  const out = into !== undefined && into.length === size ? into.fill(0) : new Float64Array(size);
  ctx.units.forEach((u, ui) => {
    const base = ui * stride;
    for (const m of u.munis) {
      const mb = m * stride;
      for (let k = 0; k < stride; k++) out[base + k] += cube[mb + k];
    }
  });
  return out;
}

/** Years complete in the data (used by tables that have no population denominator). */
export function ratePeriodOkExport(ctx: IndicatorContext): (p: Period) => boolean {
  const last = Math.floor(ctx.dataEnd / MINUTES_PER_DAY);
  let first = Infinity;
  if (ctx.firstMinute !== MISSING) first = daysFromCivil(civilFromDays(dayOfMinutes(ctx.firstMinute))[0], 1, 1);
  return (p) => p.firstDay >= first && p.lastDay <= last;
}
