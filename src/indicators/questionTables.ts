/**
 * The data group's questions (seed 002, Midtklyngen 2018) as ready tables, in the tidy indicator
 * shape: indicator "<table>:<category>", numerator = count, denominator = the table's total,
 * value = share in percent with the Wilson interval (methods.md). Counts only — never ids.
 *
 * - `who_age:<band>` — acute admissions by 5-year age band (ESP 2013 bands), in each group the
 *   bands that lie inside it (group "all": every band; "65+": 65-69 … 90+; "0-2": none);
 * - `who_referral:<source>` — acute admissions by referral source (gp, out_of_hours,
 *   nursing_home, emergency_call, hospital, self, other, not_given): where they come from and how
 *   many are referred from nursing homes;
 * - `frequent_admitted:patients` — patients with ≥ 3 admissions in the year, of the patients with
 *   any admission; `frequent_admitted:admissions` — their admissions, of all admissions (a patient
 *   belongs to the municipality, age group and sex of their first admission of the year);
 * - `weekday_hour:<mon-08>` — acute admissions by weekday and hour of admission (region and
 *   cluster, sex "all");
 * - `weekend:<weekday|weekend>` — acute admissions starting on Saturday or Sunday;
 * - `short_stays:<under_4h|under_24h>` — acute stays registered as inpatient (any inpatient
 *   contact) that last under 4 and under 24 hours (elapsed), of all such stays;
 * - `deaths_after_admission:<within_7d|within_30d>` — acute admissions followed by death within
 *   7 / 30 days of the admission day (when deaths.csv is given).
 * Periods: years. Levels: region and cluster unless `questionLevels` says otherwise.
 */
import { indicatorDescriptor } from "./descriptor.js";
import { appendRows } from "./appendRows.js";
import { REFERRAL_SOURCES } from "../contract/codes.js";
import { MINUTES_PER_DAY, MISSING, weekdayOfDays } from "../contract/time.js";
import { elapsedAtLeast } from "../stays/elapsed.js";
import { staySource } from "../stays/buildStays.js";
import { wilsonInterval } from "../stats/index.js";
import { contextOf, type IndicatorInput } from "./contextOf.js";
import { STANDARD_BAND_STARTS, classOf, monthLookup, periodsOf, ratePeriodOkExport, standardBandLabel, type IndicatorContext } from "./indicatorContext.js";
import type { AgeGroup } from "./ageGroup.js";
import type { IndicatorOptions, SexFilter } from "./indicatorOptions.js";
import type { IndicatorRow, Level } from "./table.js";

export type QuestionOptions = IndicatorOptions;

const WEEKDAYS = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"];

interface Table {
  readonly name: string;
  readonly labels: readonly string[];
  readonly counts: Int32Array; // [m][y][c][sx][k]
  readonly totals: Int32Array | null; // [m][y][c][sx] when the categories do not add up to the total
  readonly levels?: readonly Level[];
  readonly sexes?: readonly SexFilter[];
  /** Which categories exist in a group (default all): an age band only inside the groups it lies in. */
  readonly inGroup?: (k: number, group: AgeGroup) => boolean;
}

export function questionTables(input: IndicatorInput, options: QuestionOptions = {}): IndicatorRow[] {
  const ctx = contextOf(input, options);
  const opts = ctx.resolved.questionLevels;
  const { stays, admissions } = ctx.computed;
  const contacts = ctx.dataset.contacts;
  const M = ctx.muniCodes.length;
  const Y = ctx.nYears;
  const C = ctx.classStarts.length;
  const cell = (m: number, y: number, c: number, sx: number) => ((m * Y + y) * C + c) * 2 + sx;
  const make = (name: string, labels: readonly string[], withTotals: boolean, extra: Partial<Table> = {}): Table => ({
    name,
    labels,
    counts: new Int32Array(M * Y * C * 2 * labels.length),
    totals: withTotals ? new Int32Array(M * Y * C * 2) : null,
    ...extra,
  });
  const bands = STANDARD_BAND_STARTS.map((_, b) => standardBandLabel(b));
  // An age band is a category of a group only when it lies inside it (no 65-69 band in group 0-2).
  const who = make("who_age", bands, false, {
    inGroup: (k, g) => STANDARD_BAND_STARTS[k] >= g.lo && (k + 1 < STANDARD_BAND_STARTS.length ? STANDARD_BAND_STARTS[k + 1] - 1 : Infinity) <= g.hi,
  });
  const referral = make("who_referral", [...REFERRAL_SOURCES, "not_given"], false);
  const wh = make("weekday_hour", WEEKDAYS.flatMap((d) => Array.from({ length: 24 }, (_, h) => `${d}-${String(h).padStart(2, "0")}`)), false, {
    sexes: ["all"],
  });
  const weekend = make("weekend", ["weekday", "weekend"], false);
  const short = make("short_stays", ["under_4h", "under_24h"], true);
  const deaths = ctx.dataset.deaths ? make("deaths_after_admission", ["within_7d", "within_30d"], true) : null;
  const frequent = make("frequent_admitted", ["patients", "admissions"], false);
  const freqTotals = [new Int32Array(M * Y * C * 2), new Int32Array(M * Y * C * 2)];

  // Year index on the axis (−1 outside it) by a day table; 5-year band of an age by a table.
  const month = monthLookup(ctx);
  // Start and municipality of a stay, possibly read from the contacts through firstContact.
  const startSrc = staySource(stays, "start");
  const muniSrc = staySource(stays, "municipality");
  const startOf = (s: number): number => startSrc.values[startSrc.index === null ? s : startSrc.index[s]];
  const muniOf = (s: number): number => muniSrc.values[muniSrc.index === null ? s : muniSrc.index[s]];
  const yearOf = (minutes: number): number => {
    const t = month(minutes);
    return t < 0 ? -1 : (t / 12) | 0;
  };
  const bandOfAge = new Int8Array(256);
  for (let a = 0, b = 0; a < 256; a++) {
    while (b + 1 < STANDARD_BAND_STARTS.length && STANDARD_BAND_STARTS[b + 1] <= a) b++;
    bandOfAge[a] = b;
  }
  const lastBand = STANDARD_BAND_STARTS.length - 1;
  const add = (t: Table, base: number, k: number) => (t.counts[base * t.labels.length + k] += 1);
  const died = ctx.dataset.deaths?.diedOnByPatient ?? null;

  // Per admission.
  let curPatient = -1;
  let curYear = -1;
  let curCell = -1;
  let curCount = 0;
  const flushPatientYear = () => {
    if (curCell < 0) return;
    freqTotals[0][curCell] += 1;
    freqTotals[1][curCell] += curCount;
    if (curCount >= 3) {
      frequent.counts[curCell * 2] += 1;
      frequent.counts[curCell * 2 + 1] += curCount;
    }
  };
  for (let j = 0; j < admissions.length; j++) {
    const s = admissions.stay[j];
    const start = startOf(s);
    const m = ctx.muniIndex[muniOf(s)];
    const y = yearOf(start);
    if (m < 0 || y < 0 || y >= Y) continue;
    const base = cell(m, y, classOf(ctx, stays.age[s]), stays.sex[s] === 2 ? 1 : 0);
    // frequent admitted: admissions are in patient, start order
    const patient = contacts.patient[stays.firstContact[s]];
    if (patient !== curPatient || y !== curYear) {
      flushPatientYear();
      curPatient = patient;
      curYear = y;
      curCell = base;
      curCount = 0;
    }
    curCount++;
    if (!stays.acute[s]) continue;
    const age = stays.age[s];
    add(who, base, age < 0 ? 0 : age > 255 ? lastBand : bandOfAge[age]);
    const ref = contacts.referral[stays.firstContact[s]];
    add(referral, base, ref >= 0 ? ref : REFERRAL_SOURCES.length);
    const day = Math.floor(start / MINUTES_PER_DAY);
    const wd = weekdayOfDays(day);
    const hour = Math.floor((start - day * MINUTES_PER_DAY) / 60);
    add(wh, base, wd * 24 + hour);
    add(weekend, base, wd >= 5 ? 1 : 0);
    if (deaths && died) {
      deaths.totals![base] += 1;
      const d = died[patient];
      if (d !== MISSING && d !== undefined && d >= day) {
        if (d - day <= 7) add(deaths, base, 0);
        if (d - day <= 30) add(deaths, base, 1);
      }
    }
  }
  flushPatientYear();

  // Short stays: every acute stay with an inpatient contact (not only admissions).
  for (let s = 0; s < stays.length; s++) {
    if (!stays.acute[s] || !stays.anyInpatient[s] || stays.end[s] === MISSING) continue;
    const start = startOf(s);
    const m = ctx.muniIndex[muniOf(s)];
    const y = yearOf(start);
    if (m < 0 || y < 0 || y >= Y) continue;
    const base = cell(m, y, classOf(ctx, stays.age[s]), stays.sex[s] === 2 ? 1 : 0);
    short.totals![base] += 1;
    if (!elapsedAtLeast(start, stays.end[s], 240)) add(short, base, 0);
    if (!elapsedAtLeast(start, stays.end[s], 1440)) add(short, base, 1);
  }

  const rows: IndicatorRow[] = [];
  const tables: Table[] = [who, referral, frequent, wh, weekend, short, ...(deaths ? [deaths] : [])];
  for (const t of tables) {
    if (t === frequent) appendRows(rows, emit(ctx, t, opts, freqTotals));
    else appendRows(rows, emit(ctx, t, opts, null));
  }
  return rows;
}

function emit(ctx: IndicatorContext, t: Table, levels: readonly Level[], perCategoryTotals: Int32Array[] | null): IndicatorRow[] {
  const Y = ctx.nYears;
  const C = ctx.classStarts.length;
  const K = t.labels.length;
  const ok = ratePeriodOkExport(ctx);
  const periods = periodsOf(ctx, "year").filter(ok);
  const rows: IndicatorRow[] = [];
  const sexes = t.sexes ?? ctx.resolved.sexes;
  const lv = t.levels ?? levels;
  const counts = new Float64Array(K);
  const totals = new Float64Array(K);
  const tc = t.counts;
  const tt = t.totals;
  const groups = ctx.groups.filter((x) => ctx.resolved.groups.includes(x.group.label));
  const scale = indicatorDescriptor(t.name).multiplier;
  const names = t.labels.map((l) => `${t.name}:${l}`);
  const intervals = new Map<string, ReturnType<typeof wilsonInterval>>();
  for (const p of periods) {
    const y = p.year - ctx.y0;
    for (const g of groups) {
      for (const sex of sexes) {
        const sxs = sex === "all" ? [0, 1] : sex === "F" ? [0] : [1];
        for (const u of ctx.units) {
          if (!lv.includes(u.level)) continue;
          counts.fill(0);
          totals.fill(0);
          let total = 0;
          for (const m of u.munis)
            for (const c of g.classes)
              for (const sx of sxs) {
                const base = ((m * Y + y) * C + c) * 2 + sx;
                const at = base * K;
                for (let k = 0; k < K; k++) counts[k] += tc[at + k];
                if (tt) total += tt[base];
                if (perCategoryTotals) for (let k = 0; k < K; k++) totals[k] += perCategoryTotals[k][base];
              }
          if (!tt && !perCategoryTotals) for (let k = 0; k < K; k++) total += counts[k];
          for (let k = 0; k < K; k++) {
            if (t.inGroup && !t.inGroup(k, g.group)) continue;
            const n = perCategoryTotals ? totals[k] : total;
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
