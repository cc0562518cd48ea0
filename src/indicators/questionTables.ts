/**
 * The data group's questions (seed 002, Midtklyngen 2018: "et datagrundlag, der beskriver de fire
 * områder") as ready tables, in the tidy indicator shape: indicator "<table>:<category>",
 * numerator = count, denominator = the table's total, value = share in percent with the Wilson
 * interval (methods.md). Counts only — never ids.
 *
 * Each table is made for all acute admissions of each group (`<table>:<category>`) and for each
 * focus area (`<table>@<area>:<category>`, group = the area's population): `fractures`,
 * `lower_respiratory_infections`, `unspecific` (acute admissions of citizens 65+ whose primary
 * diagnosis is in the area's group, data/diagnosis-groups/focus-areas.csv) and `0_2` (all
 * admissions, acute and planned, of 0–2-year-olds) — the admissions counted by the focus-area
 * rates (focusAreaRates.ts), whose numerator is these tables' denominator. In the minutes' order:
 *
 * Who ("Hvilke borgere … ud over alder?")
 * - `who_age:<band>` — 5-year age band (ESP 2013), the bands inside the group (none in 0-2);
 *   `who_age_year@0_2:<0|1|2>` — completed years of the 0–2-year-olds; sex: the rows' `sex`;
 *   municipality: the focus-area rates by municipality;
 * - `who_diagnosis@<area>:<code>` — diagnosis mix within the area (diagnosisMix.ts), sex "all";
 * - `who_prior:<0|1|2|3+>` — acute admissions of the patient in the 365 days before the
 *   admission (any diagnosis). Only years with 365 days of data before them are published.
 * - `who_care:<nursing_home|home_care|neither>` — the municipal care status on the day of
 *   admission, when care_status.csv is given (a nursing-home period first, then home care);
 * From where ("Hvor henvises målgruppen fra – almen praksis, plejecenter?")
 * - `who_referral:<source>` — referral source (gp, out_of_hours, nursing_home, emergency_call,
 *   hospital, self, other, not_given). Where an extract has no referral field, the rows carry the
 *   note `cannot_answer:referral_source` (registerCapabilities.ts) instead of a count of "not given".
 * The most frequently admitted ("Hvem er de hyppigste indlagte?")
 * - `frequent_admitted:patients` — patients with ≥ 3 admissions (of the table's kind) in the year,
 *   of the patients with any; `frequent_admitted:admissions` — their admissions, of all. A patient
 *   belongs to the municipality, age class and sex of their first admission of the year.
 * - their profile: `frequent_age@<area>:<band>` (the frequent patients by age band, per focus
 *   area) and `frequent_referral:<source>` (their admissions by referral source);
 * When ("Hvilken tid på dagen … og på hvilke ugedage?")
 * - `weekday_hour:<mon-08>` (sex "all") and `weekend:<weekday|weekend>`;
 * Admitted for only a few hours (item 7 of the minutes)
 * - `short_stays:<under_4h|under_12h>` — every acute stay (not only admissions, whatever its
 *   registered contact type: the same on every register) by its elapsed duration, of all acute
 *   stays of the table's population (the stay's first contact gives its diagnosis);
 * Dying shortly after admission (item 7 of the minutes), when deaths.csv is given
 * - `deaths_after_admission:<within_7d|within_30d>` — admissions followed by death within 7 / 30
 *   days of the admission day; `deaths_7d_weekpart:<weekday|weekend>` and
 *   `deaths_30d_weekpart:<weekday|weekend>` — the same by the part of the week of admission, of the
 *   admissions on weekdays / at weekends (the minutes: "op til eller i weekenden").
 * Readmissions per focus area are `focus_readmission_30d_<area>` (focusAreaRates.ts); beside them
 * `adverse_events` (UTH by cluster and year, adverseEvents.ts) when adverse_events.csv is given.
 *
 * Periods: years. Levels: region and cluster unless `questionLevels` says otherwise.
 */
import { indicatorDescriptor } from "./descriptor.js";
import { appendRows } from "./appendRows.js";
import { REFERRAL_SOURCES } from "../contract/codes.js";
import { MINUTES_PER_DAY, MISSING, daysFromCivil, dayOfMinutes, weekdayOfDays } from "../contract/time.js";
import { elapsedAtLeast } from "../stays/elapsed.js";
import { firstContactPatientReferral, staySource } from "../stays/buildStays.js";
import { groupIndexByDiagnosis } from "../stays/diagnosisGroups.js";
import { wilsonInterval } from "../stats/index.js";
import { parseAgeGroup, type AgeGroup } from "./ageGroup.js";
import { contextOf, type IndicatorInput } from "./contextOf.js";
import { defaultFocusGroups } from "./diagnosisGroupFiles.js";
import { mixCategories, mixIndexByDiagnosis } from "./diagnosisMix.js";
import { STANDARD_BAND_STARTS, classOf, monthLookup, periodsOf, ratePeriodOkExport, standardBandLabel, type IndicatorContext } from "./indicatorContext.js";
import { AREA_0_2 } from "./questionFamilies.js";
import { adverseEventRows } from "./adverseEvents.js";
import { admissionMembership, type AdmissionMembership, type AdmissionPredicate } from "./admissionMembership.js";
import type { IndicatorOptions, SexFilter } from "./indicatorOptions.js";
import type { IndicatorRow, Level } from "./table.js";

export type QuestionOptions = IndicatorOptions;

const WEEKDAYS = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"];
/** Categories of who_prior: acute admissions in the 365 days before. */
export const PRIOR_CATEGORIES = ["0", "1", "2", "3+"] as const;
/** Categories of who_care: the municipal care status on the day of admission (care_status.csv). */
export const CARE_CATEGORIES = ["nursing_home", "home_care", "neither"] as const;
/** Look-back of who_prior, in days. */
export const PRIOR_DAYS = 365;
/** Admissions in a year that make a patient "frequently admitted". */
export const FREQUENT_MIN = 3;

/**
 * A table with every field set, in one order: the tables of a population are read in one loop,
 * and objects of one shape keep V8's property reads there monomorphic.
 */
function newTable(name: string, labels: readonly string[], cells: number, withTotals: boolean, group: string | null, extra: Partial<Table> = {}): Table {
  return {
    name,
    labels,
    counts: new Int32Array(cells * labels.length),
    totals: withTotals ? new Int32Array(cells) : null,
    perCategory: extra.perCategory,
    levels: extra.levels,
    sexes: extra.sexes,
    inGroup: extra.inGroup,
    group: group ?? undefined,
    yearOk: extra.yearOk,
  };
}

interface Table {
  readonly name: string;
  readonly labels: readonly string[];
  readonly counts: Int32Array; // [m][y][c][sx][k]
  totals: Int32Array | null; // [m][y][c][sx] when the categories do not add up to the total
  /** Per-category totals [k][m][y][c][sx] (the denominator differs per category). */
  perCategory?: Int32Array[];
  readonly levels?: readonly Level[];
  readonly sexes?: readonly SexFilter[];
  /** Which categories exist in a group (default all): an age band only inside the groups it lies in. */
  readonly inGroup?: (k: number, group: AgeGroup) => boolean;
  /** The only group the table is published in (a focus area's population). */
  readonly group?: string;
  /** Years (calendar) the table is published for (default every year). */
  readonly yearOk?: (year: number) => boolean;
}

/** The admissions one set of question tables describes. */
interface Population {
  /** "" (all acute admissions, every group) or "@<area>". */
  readonly suffix: string;
  /** The only group (a focus area's population), or null. */
  readonly group: string | null;
  /** Admissions the tables count, by the stay's acute flag, age and diagnosis (code index). */
  readonly counted: AdmissionPredicate;
  /** Admissions counted by frequent_admitted: every admission (acute or not) for "", else those counted. */
  readonly frequentAll: boolean;
  /** Acute stays counted by short_stays. */
  readonly shortCounted: (age: number, diagnosis: number) => boolean;
  /** Diagnosis mix: categories and each diagnosis's category, or null. */
  readonly mix: { readonly codes: readonly string[]; readonly index: Int16Array } | null;
  /** Also the table of completed years (0–2-year-olds). */
  readonly years0to2: boolean;
}

/** The populations: all acute admissions by group, then each focus area present in the groups. */
function populations(ctx: IndicatorContext): Population[] {
  const out: Population[] = [
    {
      suffix: "",
      group: null,
      counted: (acute) => acute === 1,
      frequentAll: true,
      shortCounted: () => true,
      mix: null,
      years0to2: false,
    },
  ];
  const has = (label: string) => ctx.groups.some((g) => g.group.label === label);
  for (const g of ctx.options.focusGroups ?? defaultFocusGroups()) {
    const pop = parseAgeGroup(g.age_group ?? "65+");
    if (!has(pop.label)) continue;
    const inGroup = groupIndexByDiagnosis(ctx.dataset.contacts.diagnoses, [g]);
    const cats = mixCategories(g);
    const inArea = (age: number, diagnosis: number) => age >= pop.lo && age <= pop.hi && inGroup[diagnosis] === 0;
    out.push({
      suffix: `@${g.group}`,
      group: pop.label,
      counted: (acute, age, diagnosis) => acute === 1 && inArea(age, diagnosis),
      frequentAll: false,
      shortCounted: inArea,
      mix: { codes: cats.map((c) => c.code), index: mixIndexByDiagnosis(ctx.dataset.contacts.diagnoses, cats) },
      years0to2: false,
    });
  }
  if (has("0-2")) {
    const cats = mixCategories(null);
    out.push({
      suffix: `@${AREA_0_2}`,
      group: "0-2",
      counted: (_acute, age) => age <= 2,
      frequentAll: false,
      shortCounted: (age) => age <= 2,
      mix: { codes: cats.map((c) => c.code), index: mixIndexByDiagnosis(ctx.dataset.contacts.diagnoses, cats) },
      years0to2: true,
    });
  }
  return out;
}

export function questionTables(input: IndicatorInput, options: QuestionOptions = {}): IndicatorRow[] {
  const ctx = contextOf(input, options);
  const levels = ctx.resolved.questionLevels;
  const rows: IndicatorRow[] = [];
  const pops = populations(ctx);
  const shared = sharedColumns(ctx, pops);
  const short = shortStays(ctx, pops);
  pops.forEach((pop, i) => {
    for (const t of countPopulation(ctx, pop, i, shared, short[i])) appendRows(rows, emit(ctx, t, levels));
  });
  // beside readmissions, the reported adverse events (UTH) when adverse_events.csv is given
  appendRows(rows, adverseEventRows(ctx, levels));
  return rows;
}

interface Shared {
  /** 5-year band (STANDARD_BAND_STARTS index) of an age 0–255. */
  readonly bandOfAge: Uint8Array;
  /** First calendar year with PRIOR_DAYS of data before it. */
  readonly firstPriorYear: number;
  readonly startOf: (s: number) => number;
  /** Care status category of a patient on a day, or null without care_status.csv. */
  readonly careOf: ((patient: number, day: number) => number) | null;
  /**
   * Per admission row, computed once for every population (each recomputed them for every
   * admission before, and read the diagnosis of every admission to find its own few): the cell
   * [m][y][c][sx] (-1 outside the municipalities and years); who_prior's category in bits 0–1 and,
   * in bit 7, whether the row starts a new patient; and whether each population counts it
   * (population p in `populations` order is p in `member`).
   */
  readonly cellOf: Int32Array;
  readonly priorAndStart: Uint8Array;
  readonly member: AdmissionMembership;
  /**
   * Per admission row in a cell, read from its first contact once for every population (on rows
   * not grouped by patient the first contact lies at a random place of the contact table, and
   * every population read it again): the referral source (its index, REFERRAL_SOURCES.length for
   * none), and the death after the admission day (0: none within 30 days; else days from the
   * admission day to the death + 1; null without deaths.csv).
   */
  readonly referralAt: Uint8Array;
  readonly deathAt: Uint8Array | null;
}

/** The cell [m][y][c][sx] of a stay, or -1 outside the table's municipalities and years; and its start. */
function stayCells(ctx: IndicatorContext): { readonly cellOfStay: (s: number) => number; readonly startOf: (s: number) => number } {
  const { stays } = ctx.computed;
  const month = monthLookup(ctx);
  const startSrc = staySource(stays, "start");
  const muniSrc = staySource(stays, "municipality");
  const startOf = (s: number): number => startSrc.values[startSrc.index === null ? s : startSrc.index[s]];
  const muniOf = (s: number): number => muniSrc.values[muniSrc.index === null ? s : muniSrc.index[s]];
  const Y = ctx.nYears;
  const C = ctx.classStarts.length;
  const cellOfStay = (s: number): number => {
    const m = ctx.muniIndex[muniOf(s)];
    const t = month(startOf(s));
    const y = t < 0 ? -1 : (t / 12) | 0;
    if (m < 0 || y < 0 || y >= Y) return -1;
    return ((m * Y + y) * C + classOf(ctx, stays.age[s])) * 2 + (stays.sex[s] === 2 ? 1 : 0);
  };
  return { cellOfStay, startOf };
}

function sharedColumns(ctx: IndicatorContext, pops: readonly Population[]): Shared {
  const { stays, admissions } = ctx.computed;
  const contacts = ctx.dataset.contacts;
  const { cellOfStay, startOf } = stayCells(ctx);
  const n = admissions.length;
  const cellOf = new Int32Array(n);
  const priorAndStart = new Uint8Array(n);
  const referralAt = new Uint8Array(n);
  const died = ctx.dataset.deaths?.diedOnByPatient ?? null;
  const deathAt = died !== null ? new Uint8Array(n) : null;
  // Prior acute admissions: admissions are in patient, start order, so look back within the patient.
  const window = PRIOR_DAYS * MINUTES_PER_DAY;
  let lastPatient = -1;
  let patientFrom = 0;
  // the first contacts' patient and referral source, per admission (read in row order when the
  // rows are out of patient order)
  const firsts = firstContactPatientReferral(stays, contacts, admissions.stay);
  for (let j = 0; j < n; j++) {
    const s = admissions.stay[j];
    const patient = firsts.patient[j];
    let flags = 0;
    if (patient !== lastPatient) {
      lastPatient = patient;
      patientFrom = j;
      flags = 128;
    }
    const cell = cellOfStay(s);
    cellOf[j] = cell;
    if (cell < 0) {
      priorAndStart[j] = flags;
      continue;
    }
    const start = startOf(s);
    const r = firsts.referral[j];
    referralAt[j] = r >= 0 ? r : REFERRAL_SOURCES.length;
    if (deathAt !== null && died !== null) {
      const d = died[patient];
      const day = Math.floor(start / MINUTES_PER_DAY);
      if (d !== MISSING && d !== undefined && d >= day && d - day <= 30) deathAt[j] = d - day + 1;
    }
    let k = 0;
    for (let i = j - 1; i >= patientFrom && k < 3; i--) {
      const t = admissions.stay[i];
      if (start - startOf(t) > window) break;
      k += stays.acute[t];
    }
    priorAndStart[j] = flags | (k >= 3 ? 3 : k);
  }
  const member = admissionMembership(ctx, pops.map((p) => p.counted), (j) => cellOf[j] >= 0);
  const bandOfAge = new Uint8Array(256);
  for (let a = 0, b = 0; a < 256; a++) {
    while (b + 1 < STANDARD_BAND_STARTS.length && STANDARD_BAND_STARTS[b + 1] <= a) b++;
    bandOfAge[a] = b;
  }
  let firstPriorYear = Infinity;
  if (ctx.firstMinute !== MISSING) {
    const firstDay = dayOfMinutes(ctx.firstMinute);
    for (let y = ctx.y0; y < ctx.y0 + ctx.nYears + 1; y++)
      if (daysFromCivil(y, 1, 1) - PRIOR_DAYS >= firstDay) {
        firstPriorYear = y;
        break;
      }
  }
  return { bandOfAge, firstPriorYear, startOf, careOf: careLookup(ctx), cellOf, priorAndStart, member, referralAt, deathAt };
}

/** Care status on a day: a nursing-home period covering it, else a home-care period, else neither. */
function careLookup(ctx: IndicatorContext): ((patient: number, day: number) => number) | null {
  const t = ctx.dataset.careStatus;
  if (t === null || t === undefined) return null;
  const byPatient = new Map<number, number[]>();
  for (let i = 0; i < t.patient.length; i++) {
    let list = byPatient.get(t.patient[i]);
    if (!list) byPatient.set(t.patient[i], (list = []));
    list.push(i);
  }
  return (patient, day) => {
    let best = 2; // neither
    for (const i of byPatient.get(patient) ?? []) {
      if (t.from[i] > day || (t.to[i] !== MISSING && t.to[i] < day)) continue;
      best = Math.min(best, t.status[i] === 1 ? 0 : 1);
    }
    return best;
  };
}

/**
 * short_stays of every population in one pass over the stays: every acute stay (not only
 * admissions, whatever its registered contact type) by its elapsed duration.
 */
function shortStays(ctx: IndicatorContext, pops: readonly Population[]): Table[] {
  const { stays } = ctx.computed;
  const contacts = ctx.dataset.contacts;
  const { cellOfStay, startOf } = stayCells(ctx);
  const dx = staySource(stays, "diagnosis");
  const dxValues = dx.values;
  const dxIndex = dx.index;
  const cells = ctx.muniCodes.length * ctx.nYears * ctx.classStarts.length * 2;
  const tables = pops.map((pop): Table => newTable(`short_stays${pop.suffix}`, ["under_4h", "under_12h"], cells, true, pop.group));
  for (let s = 0; s < stays.length; s++) {
    if (!stays.acute[s] || stays.end[s] === MISSING) continue;
    const base = cellOfStay(s);
    if (base < 0) continue;
    const start = startOf(s);
    const under4 = !elapsedAtLeast(start, stays.end[s], 240);
    const under12 = !elapsedAtLeast(start, stays.end[s], 720);
    const age = stays.age[s];
    const diagnosis = dxValues[dxIndex === null ? s : dxIndex[s]];
    for (let p = 0; p < pops.length; p++) {
      if (!pops[p].shortCounted(age, diagnosis)) continue;
      const t = tables[p];
      (t.totals as Int32Array)[base] += 1;
      if (under4) t.counts[base * 2] += 1;
      if (under12) t.counts[base * 2 + 1] += 1;
    }
  }
  return tables;
}

/** Count one population's tables (one pass over the admissions, one over the stays). */
function countPopulation(ctx: IndicatorContext, pop: Population, index: number, sh: Shared, short: Table): Table[] {
  const { stays, admissions } = ctx.computed;
  const contacts = ctx.dataset.contacts;
  const M = ctx.muniCodes.length;
  const Y = ctx.nYears;
  const C = ctx.classStarts.length;
  const cells = M * Y * C * 2;
  const sfx = pop.suffix;
  const make = (name: string, labels: readonly string[], withTotals: boolean, extra: Partial<Table> = {}): Table => newTable(`${name}${sfx}`, labels, cells, withTotals, pop.group, extra);
  const bands = STANDARD_BAND_STARTS.map((_, b) => standardBandLabel(b));
  // An age band is a category of a group only when it lies inside it (no 65-69 band in group 0-2).
  const bandInGroup = (k: number, g: AgeGroup) => STANDARD_BAND_STARTS[k] >= g.lo && (k + 1 < STANDARD_BAND_STARTS.length ? STANDARD_BAND_STARTS[k + 1] - 1 : Infinity) <= g.hi;
  const areaGroup = pop.group === null ? null : parseAgeGroup(pop.group);
  const withBands = areaGroup === null || bands.some((_, k) => bandInGroup(k, areaGroup));
  const who = withBands ? make("who_age", bands, false, { inGroup: bandInGroup }) : null;
  const whoYear = pop.years0to2 ? make("who_age_year", ["0", "1", "2"], false) : null;
  const referralLabels = [...REFERRAL_SOURCES, "not_given"];
  const referral = make("who_referral", referralLabels, false);
  // municipal care status on the day of admission, when care_status.csv is given
  const care = sh.careOf === null ? null : make("who_care", CARE_CATEGORIES, false);
  const prior = make("who_prior", PRIOR_CATEGORIES, false, { yearOk: (y) => y >= sh.firstPriorYear });
  // by sex "all" only: split by sex as well, the many small categories of a cluster left hidden
  // counts the LP attacker could bound below the threshold (auditDisclosure on the demo)
  const mix = pop.mix ? make("who_diagnosis", pop.mix.codes, false, { sexes: ["all"] }) : null;
  const wh = make("weekday_hour", WEEKDAYS.flatMap((d) => Array.from({ length: 24 }, (_, h) => `${d}-${String(h).padStart(2, "0")}`)), false, { sexes: ["all"] });
  const weekend = make("weekend", ["weekday", "weekend"], false);
  const died = ctx.dataset.deaths?.diedOnByPatient ?? null;
  const deaths = died !== null ? make("deaths_after_admission", ["within_7d", "within_30d"], true) : null;
  const deaths7 = died !== null ? make("deaths_7d_weekpart", ["weekday", "weekend"], false) : null;
  const deaths30 = died !== null ? make("deaths_30d_weekpart", ["weekday", "weekend"], false) : null;
  const frequent = make("frequent_admitted", ["patients", "admissions"], false, { perCategory: [new Int32Array(cells), new Int32Array(cells)] });
  // by age band only inside one group (a band's count in group "all" and "65+" would be two cells)
  const freqAge = withBands && pop.group !== null ? make("frequent_age", bands, false, { inGroup: bandInGroup }) : null;
  const freqRef = make("frequent_referral", referralLabels, false);

  const add = (t: Table | null, base: number, k: number) => {
    if (t !== null) t.counts[base * t.labels.length + k] += 1;
  };

  // Frequent admitted: admissions are in patient, start order; a patient-year is flushed at its end.
  let curPatient = -1;
  let curYear = -1;
  let curCell = -1;
  let curBand = 0;
  const curRefs: number[] = [];
  const flushPatientYear = () => {
    if (curCell < 0) return;
    const perCat = frequent.perCategory as Int32Array[];
    perCat[0][curCell] += 1;
    perCat[1][curCell] += curRefs.length;
    if (curRefs.length >= FREQUENT_MIN) {
      frequent.counts[curCell * 2] += 1;
      frequent.counts[curCell * 2 + 1] += curRefs.length;
      add(freqAge, curCell, curBand);
      for (const r of curRefs) add(freqRef, curCell, r);
    }
  };
  const { cellOf, priorAndStart, referralAt, deathAt } = sh;
  const dx = staySource(stays, "diagnosis");
  const dxValues = dx.values;
  const dxIndex = dx.index;
  const lastBand = STANDARD_BAND_STARTS.length - 1;
  const bandOf = (age: number) => (age < 0 ? 0 : age > 255 ? lastBand : sh.bandOfAge[age]);
  const mixIndex = pop.mix === null ? null : pop.mix.index;
  const member = sh.member.bits[index >> 3];
  const bit = 1 << (index & 7);
  let patientRun = -1;
  for (let j = 0; j < admissions.length; j++) {
    if (priorAndStart[j] & 128) patientRun++;
    const base = cellOf[j];
    if (base < 0) continue;
    const counted = (member[j] & bit) !== 0;
    if (!counted && !pop.frequentAll) continue;
    const s = admissions.stay[j];
    const age = stays.age[s];
    // frequent_admitted counts this admission (all of them for "", the counted ones for an area)
    const y = (((base >> 1) / C) | 0) % Y;
    if (patientRun !== curPatient || y !== curYear) {
      flushPatientYear();
      curPatient = patientRun;
      curYear = y;
      curCell = base;
      curBand = bandOf(age);
      curRefs.length = 0;
    }
    curRefs.push(referralAt[j]);
    if (!counted) continue;
    const start = sh.startOf(s);
    add(who, base, bandOf(age));
    if (whoYear !== null && age >= 0 && age <= 2) add(whoYear, base, age);
    add(referral, base, referralAt[j]);
    const day = Math.floor(start / MINUTES_PER_DAY);
    if (care !== null && sh.careOf !== null) add(care, base, sh.careOf(contacts.patient[stays.firstContact[s]], day));
    add(prior, base, priorAndStart[j] & 3);
    if (mix !== null && mixIndex !== null) add(mix, base, mixIndex[dxValues[dxIndex === null ? s : dxIndex[s]]]);
    const wd = weekdayOfDays(day);
    add(wh, base, wd * 24 + Math.floor((start - day * MINUTES_PER_DAY) / 60));
    const part = wd >= 5 ? 1 : 0;
    add(weekend, base, part);
    if (deaths !== null && deathAt !== null) {
      (deaths.totals as Int32Array)[base] += 1;
      const d = deathAt[j]; // days from the admission day to the death + 1, 0 for none within 30
      if (d !== 0) {
        if (d - 1 <= 7) {
          add(deaths, base, 0);
          add(deaths7, base, part);
        }
        add(deaths, base, 1);
        add(deaths30, base, part);
      }
    }
  }
  flushPatientYear();

  // Deaths by the part of the week: of the admissions on weekdays / at weekends.
  const weekendTotals = [new Int32Array(cells), new Int32Array(cells)];
  for (let b = 0; b < cells; b++) {
    weekendTotals[0][b] = weekend.counts[b * 2];
    weekendTotals[1][b] = weekend.counts[b * 2 + 1];
  }
  if (deaths7 !== null) deaths7.perCategory = weekendTotals;
  if (deaths30 !== null) deaths30.perCategory = weekendTotals;
  const tables: (Table | null)[] = [who, whoYear, mix, prior, care, referral, frequent, freqAge, freqRef, wh, weekend, short, deaths, deaths7, deaths30];
  return tables.filter((t): t is Table => t !== null);
}

function emit(ctx: IndicatorContext, t: Table, levels: readonly Level[]): IndicatorRow[] {
  const Y = ctx.nYears;
  const C = ctx.classStarts.length;
  const M = ctx.muniCodes.length;
  const K = t.labels.length;
  const ok = ratePeriodOkExport(ctx);
  const periods = periodsOf(ctx, "year").filter((p) => ok(p) && (t.yearOk === undefined || t.yearOk(p.year)));
  const rows: IndicatorRow[] = [];
  const sexes = t.sexes ?? ctx.resolved.sexes;
  const lv = t.levels ?? levels;
  const units = ctx.units.filter((u) => lv.includes(u.level));
  const counts = new Float64Array(K);
  const totals = new Float64Array(K);
  const tc = t.counts;
  const tt = t.totals;
  const perCategory = t.perCategory ?? null;
  // A period and group's counts by municipality and sex, summed over the group's age classes once
  // (every unit and sex filter below adds municipalities' sums: counts are whole numbers, so the
  // order of the additions does not change a sum).
  const byMuni = new Float64Array(M * 2 * K);
  const totalByMuni = tt ? new Float64Array(M * 2) : null;
  const perCategoryByMuni = perCategory ? new Float64Array(M * 2 * K) : null;
  const groups = ctx.groups.filter((x) => ctx.resolved.groups.includes(x.group.label) && (t.group === undefined || x.group.label === t.group));
  const scale = indicatorDescriptor(t.name).multiplier;
  const names = t.labels.map((l) => `${t.name}:${l}`);
  const intervals = new Map<string, ReturnType<typeof wilsonInterval>>();
  for (const p of periods) {
    const y = p.year - ctx.y0;
    for (const g of groups) {
      byMuni.fill(0);
      totalByMuni?.fill(0);
      perCategoryByMuni?.fill(0);
      for (let m = 0; m < M; m++)
        for (const c of g.classes)
          for (let sx = 0; sx < 2; sx++) {
            const base = ((m * Y + y) * C + c) * 2 + sx;
            const at = base * K;
            const to = (m * 2 + sx) * K;
            for (let k = 0; k < K; k++) byMuni[to + k] += tc[at + k];
            if (tt && totalByMuni) totalByMuni[m * 2 + sx] += tt[base];
            if (perCategory && perCategoryByMuni) for (let k = 0; k < K; k++) perCategoryByMuni[to + k] += perCategory[k][base];
          }
      for (const sex of sexes) {
        const sxs = sex === "all" ? [0, 1] : sex === "F" ? [0] : [1];
        for (const u of units) {
          counts.fill(0);
          totals.fill(0);
          let total = 0;
          for (const m of u.munis)
            for (const sx of sxs) {
              const from = (m * 2 + sx) * K;
              for (let k = 0; k < K; k++) counts[k] += byMuni[from + k];
              if (totalByMuni) total += totalByMuni[m * 2 + sx];
              if (perCategoryByMuni) for (let k = 0; k < K; k++) totals[k] += perCategoryByMuni[from + k];
            }
          if (!tt && !perCategory) for (let k = 0; k < K; k++) total += counts[k];
          for (let k = 0; k < K; k++) {
            if (t.inGroup && !t.inGroup(k, g.group)) continue;
            const n = perCategory ? totals[k] : total;
            const x = Math.min(counts[k], n);
            // The interval depends on (x, n) only: many cells repeat a pair (zero counts above all).
            const memoKey = `${x}|${n}`;
            let est = intervals.get(memoKey);
            if (est === undefined) intervals.set(memoKey, (est = wilsonInterval(x, n, { level: ctx.resolved.confidence })));
            rows.push({
              indicator: names[k],
              level: u.level,
              unit: u.name,
              period: p.label,
              group: g.group.label,
              sex,
              numerator: counts[k],
              denominator: n,
              value: est.value === null ? null : est.value * scale,
              lower: est.lower === null ? null : est.lower * scale,
              upper: est.upper === null ? null : est.upper * scale,
              method: est.method,
              suppressed: false,
            });
          }
        }
      }
    }
  }
  return rows;
}
