/**
 * The self-describing indicator table: each indicator carries, once, what a reader or a layer
 * above needs to use its rows — the kind of value (rate, proportion, amount, ratio), the
 * multiplier and unit (value = numerator / denominator × multiplier), the direction that is
 * better, the Triple Aim dimension, its definition and source in Danish and English. The row
 * builders take their multiplier from here; spread, compare, charts and the report read these
 * facts and never work them out again.
 *
 * Ids: an indicator id ("admission_rate"), or a family and a part ("experience_positive:<measure>",
 * "cost_per_citizen:hospital", "who_age:65-69"): the part shares the family's descriptor.
 *
 * @example
 *   describeIndicator("readmission_30d")?.multiplier         // 100
 *   describeIndicator("experience_positive:relatives")?.better // "increase"
 *   describeIndicators(rows).indicators.map((d) => d.id)     // the ids present, with their period kinds and groups
 */
import type { Lang } from "../contract/note.js";
import { comparePeriods, parsePeriod, periodLabel, type PeriodKind, PERIOD_KINDS } from "../contract/period.js";
import type { IndicatorRow } from "./table.js";

/** What a value is: events per person-time, a share of a denominator, a sum of money per citizen, or observed/expected. */
export type IndicatorKind = "rate" | "proportion" | "amount" | "ratio";

/** The direction that is better ("neutral": a description, neither direction is better). */
export type BetterDirection = "increase" | "decrease" | "neutral";

/** The Triple Aim dimension an indicator measures ("context": describes the population, e.g. the data group's question tables). */
export type IndicatorDimension = "population_health" | "experience" | "cost" | "context";

/** Danish and English text. */
export type Texts = Readonly<Record<Lang, string>>;

export interface IndicatorDescriptor {
  /** The indicator id, or the family of "family:part" ids. */
  readonly id: string;
  readonly kind: IndicatorKind;
  /** value = numerator / denominator × multiplier (1000 for rates per 1,000 citizens, 100 for percentages). */
  readonly multiplier: number;
  /** The unit of `value`, as read after the number: "pr. 1.000 borgere", "%", "kr. pr. borger". */
  readonly unit: Texts;
  readonly better: BetterDirection;
  readonly dimension: IndicatorDimension;
  /** The population the denominator counts (the group column narrows it by age). */
  readonly population: Texts;
  /** What is counted, in one sentence. */
  readonly definition: Texts;
  /** Where the numbers come from. */
  readonly source: Texts;
  /** Method of the interval ("" when there is none). */
  readonly interval: string;
  /**
   * Days of follow-up after the event that the numerator needs (30 for 30-day readmissions), so
   * the latest period's events may lack it; absent when the indicator needs none.
   */
  readonly followUpDays?: number;
}

const PER_1000: Texts = { da: "pr. 1.000 borgere", en: "per 1,000 citizens" };
const PERCENT: Texts = { da: "%", en: "%" };
const CITIZENS: Texts = { da: "Borgere i kommunerne 1. januar (population.csv)", en: "Citizens of the municipalities on 1 January (population.csv)" };
const LPR: Texts = {
  da: "Landspatientregisteret: somatiske kontakter (admissions.csv); befolkningstal (population.csv)",
  en: "National Patient Register: somatic contacts (admissions.csv); population (population.csv)",
};
const RATE_INTERVAL = "exact-poisson below 10 events, byars from 10";

function rate(id: string, definition: Texts): IndicatorDescriptor {
  return { id, kind: "rate", multiplier: 1000, unit: PER_1000, better: "decrease", dimension: "population_health", population: CITIZENS, definition, source: LPR, interval: RATE_INTERVAL };
}

/** The descriptors of the indicators computeIndicators produces, by id or family. */
export const INDICATOR_DESCRIPTORS: Readonly<Record<string, IndicatorDescriptor>> = Object.freeze({
  admission_rate: rate("admission_rate", {
    da: "Indlæggelser (ophold på mindst 12 timer) pr. 1.000 borgere pr. år.",
    en: "Admissions (stays of at least 12 hours) per 1,000 citizens per year.",
  }),
  readmission_30d: {
    id: "readmission_30d",
    kind: "proportion",
    multiplier: 100,
    unit: PERCENT,
    better: "decrease",
    dimension: "population_health",
    population: { da: "Indlæggelser med 30 dages opfølgning (udgangsindlæggelser)", en: "Admissions with 30 days of follow-up (index admissions)" },
    definition: {
      da: "Andel af indlæggelser efterfulgt af en akut indlæggelse inden for 30 dage efter udskrivelse.",
      en: "Share of admissions followed by an acute admission within 30 days of discharge.",
    },
    source: LPR,
    interval: "wilson",
    followUpDays: 30,
  },
  preventable_admission_rate: rate("preventable_admission_rate", {
    da: "Forebyggelige indlæggelser (ni diagnosegrupper) pr. 1.000 borgere pr. år.",
    en: "Preventable admissions (nine diagnosis groups) per 1,000 citizens per year.",
  }),
  focus_fractures: rate("focus_fractures", { da: "Akutte indlæggelser med brud pr. 1.000 borgere pr. år.", en: "Acute admissions with a fracture per 1,000 citizens per year." }),
  focus_lower_respiratory_infections: rate("focus_lower_respiratory_infections", {
    da: "Akutte indlæggelser med nedre luftvejsinfektion pr. 1.000 borgere pr. år.",
    en: "Acute admissions with a lower respiratory infection per 1,000 citizens per year.",
  }),
  focus_unspecific: rate("focus_unspecific", {
    da: "Akutte indlæggelser med uspecifik diagnose pr. 1.000 borgere pr. år.",
    en: "Acute admissions with an unspecific diagnosis per 1,000 citizens per year.",
  }),
  focus_admissions_0_2: rate("focus_admissions_0_2", { da: "Indlæggelser af 0–2-årige pr. 1.000 borgere pr. år.", en: "Admissions of 0–2-year-olds per 1,000 citizens per year." }),
  cost_per_citizen: {
    id: "cost_per_citizen",
    kind: "amount",
    multiplier: 1,
    unit: { da: "kr. pr. borger", en: "DKK per citizen" },
    better: "decrease",
    dimension: "cost",
    population: CITIZENS,
    definition: {
      da: "Sygehusets DRG-værdi af borgernes kontakter plus almen praksis, kommunal pleje og andet, divideret med befolkningen.",
      en: "The hospital DRG value of the citizens' contacts plus general practice, municipal care and other sectors, divided by the population.",
    },
    source: { da: "admissions.csv (cost_dkk), sector_costs.csv, population.csv", en: "admissions.csv (cost_dkk), sector_costs.csv, population.csv" },
    interval: "",
  },
  experience_positive: {
    id: "experience_positive",
    kind: "proportion",
    multiplier: 100,
    unit: PERCENT,
    better: "increase",
    dimension: "experience",
    population: { da: "Besvarelser af spørgeskemaet", en: "Answers to the survey" },
    definition: { da: "Andel positive svar på spørgsmålet (målingen).", en: "Share of positive answers to the question (the measure)." },
    source: { da: "Patientoplevelser (experience.csv)", en: "Patient experience survey (experience.csv)" },
    interval: "wilson",
  },
  ...Object.fromEntries(
    [
      "who_age",
      "who_age_year",
      "who_referral",
      "who_diagnosis",
      "who_prior",
      "who_care",
      "weekday_hour",
      "weekend",
      "short_stays",
      "deaths_after_admission",
      "deaths_7d_weekpart",
      "deaths_30d_weekpart",
      "frequent_admitted",
      "frequent_age",
      "frequent_referral",
    ].map((id) => [
      id,
      {
        id,
        kind: "proportion",
        multiplier: 100,
        unit: PERCENT,
        better: "neutral",
        dimension: "context",
        population: { da: "Akutte indlæggelser i gruppen", en: "Acute admissions of the group" },
        definition: { da: "Fordeling af indlæggelserne (datagruppens spørgsmål).", en: "Distribution of the admissions (the data group's questions)." },
        source: LPR,
        interval: "wilson",
      } satisfies IndicatorDescriptor,
    ]),
  ),
  adverse_events: {
    id: "adverse_events",
    kind: "amount",
    multiplier: 1,
    unit: { da: "hændelser", en: "events" },
    better: "neutral",
    dimension: "experience",
    population: { da: "Alle patienter på enheden", en: "All patients of the unit" },
    definition: { da: "Rapporterede utilsigtede hændelser (UTH'er) pr. år.", en: "Reported adverse events (UTH) per year." },
    source: { da: "adverse_events.csv", en: "adverse_events.csv" },
    interval: "",
  },
});

/** The readmissions of a focus area's admissions (`focus_readmission_30d_<area>`): a share, like readmission_30d. */
function areaReadmission(id: string): IndicatorDescriptor {
  const base = INDICATOR_DESCRIPTORS.readmission_30d;
  return {
    ...base,
    id,
    population: { da: "Fokusområdets indlæggelser med 30 dages opfølgning", en: "The focus area's admissions with 30 days of follow-up" },
    definition: {
      da: "Andel af fokusområdets indlæggelser efterfulgt af en akut indlæggelse inden for 30 dage efter udskrivelse.",
      en: "Share of the focus area's admissions followed by an acute admission within 30 days of discharge.",
    },
  };
}

/**
 * The family of an id: "experience_positive:relatives" → "experience_positive"; an id without ":"
 * is its own family. A focus area or target population after "@" shares the family's descriptor:
 * "who_age@fractures:65-69" → "who_age", "admission_rate@medical" → "admission_rate".
 */
export function indicatorFamily(id: string): string {
  const i = id.indexOf(":");
  const head = i < 0 ? id : id.slice(0, i);
  const at = head.indexOf("@");
  return at < 0 ? head : head.slice(0, at);
}

/** The descriptor of an indicator id (or of its family), or null when klynge does not know it. */
export function describeIndicator(id: string): IndicatorDescriptor | null {
  const own = Object.prototype.hasOwnProperty.call(INDICATOR_DESCRIPTORS, id) ? INDICATOR_DESCRIPTORS[id] : undefined;
  const family = indicatorFamily(id);
  const d = own ?? (Object.prototype.hasOwnProperty.call(INDICATOR_DESCRIPTORS, family) ? INDICATOR_DESCRIPTORS[family] : undefined);
  if (d !== undefined) return d;
  if (id.startsWith("focus_readmission_30d_")) return areaReadmission(id);
  // A focus area of the user's own diagnosis-group file: "focus_<group>".
  return id.startsWith("focus_") ? rate(id, { da: "Akutte indlæggelser i fokusområdet pr. 1.000 borgere pr. år.", en: "Acute admissions of the focus area per 1,000 citizens per year." }) : null;
}

/**
 * The descriptor of an indicator the engine computes; throws for an id it does not know (a programming error).
 * @example indicatorDescriptor("readmission_30d").multiplier // 100 (a percentage)
 */
export function indicatorDescriptor(id: string): IndicatorDescriptor {
  const d = describeIndicator(id);
  if (d === null) throw new Error(`indicatorDescriptor: no descriptor for indicator ${JSON.stringify(id)}`);
  return d;
}

/** One indicator as present in a table: its descriptor plus the period kinds, periods and groups of its rows. */
export interface PresentIndicator extends IndicatorDescriptor {
  /** The id as in the rows (a "family:part" id keeps its part). */
  readonly id: string;
  readonly periodKinds: readonly PeriodKind[];
  readonly firstPeriod: string | null;
  readonly lastPeriod: string | null;
  readonly groups: readonly string[];
}

/** The descriptor that travels with an indicator table (written beside CSV/JSON/Arrow as `<file>.meta.json`). */
export interface IndicatorTableDescriptor {
  readonly table: "klynge-indicators";
  /** The tidy columns, in order. */
  readonly columns: readonly string[];
  readonly indicators: readonly PresentIndicator[];
  /** Ids in the rows that klynge has no descriptor for (a user's own indicators). */
  readonly undescribed: readonly string[];
}

/**
 * The descriptor of a table: every indicator id present, with its descriptor, period kinds,
 * first and last period and groups, in the order the rows first name them.
 * @example writeFileSync("indicators.csv.meta.json", JSON.stringify(describeIndicators(rows), null, 2))
 */
export function describeIndicators(rows: readonly IndicatorRow[], columns: readonly string[] = []): IndicatorTableDescriptor {
  const seen = new Map<string, { kinds: Set<PeriodKind>; periods: Set<string>; groups: Set<string> }>();
  for (const r of rows) {
    let s = seen.get(r.indicator);
    if (s === undefined) seen.set(r.indicator, (s = { kinds: new Set(), periods: new Set(), groups: new Set() }));
    s.periods.add(r.period);
    s.groups.add(r.group);
  }
  const indicators: PresentIndicator[] = [];
  const undescribed: string[] = [];
  for (const [id, s] of seen) {
    const d = describeIndicator(id);
    if (d === null) {
      undescribed.push(id);
      continue;
    }
    const periods = [...s.periods].flatMap((label) => {
      const p = parsePeriod(label);
      return p === null ? [] : [p];
    });
    periods.sort(comparePeriods);
    const kinds = new Set(periods.map((p) => p.kind));
    indicators.push({
      ...d,
      id,
      periodKinds: PERIOD_KINDS.filter((k) => kinds.has(k)),
      firstPeriod: periods.length === 0 ? null : periodLabel(periods[0]),
      lastPeriod: periods.length === 0 ? null : periodLabel(periods[periods.length - 1]),
      groups: [...s.groups],
    });
  }
  return { table: "klynge-indicators", columns: [...columns], indicators, undescribed };
}

/**
 * The facts of an indicator klynge has no descriptor for (a user's own, named in an intervention
 * file), read from its rows once: a proportion when its interval is Wilson, an amount when it has
 * no interval, else a rate; the multiplier is value ÷ (numerator ÷ denominator) rounded to a power of 10.
 */
export function ownIndicatorDescriptor(rows: readonly IndicatorRow[]): Pick<IndicatorDescriptor, "kind" | "multiplier"> {
  let multiplier = 1;
  for (const r of rows) {
    if (r.value !== null && r.numerator !== null && r.denominator !== null && r.numerator > 0 && r.denominator > 0) {
      multiplier = 10 ** Math.round(Math.log10(r.value / (r.numerator / r.denominator)));
      break;
    }
  }
  const method = rows.find((r) => r.method)?.method ?? "";
  const kind: IndicatorKind = method.startsWith("wilson") ? "proportion" : rows.every((r) => r.lower === null && r.upper === null) ? "amount" : "rate";
  return { kind, multiplier };
}
