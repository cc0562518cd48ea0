/**
 * Registration practice by the registering hospital (issue 17; seed 002: "I Aarhus registrerer man
 * børnene som ambulante i akutmodtagelsen … I Midt, Randers og Vest registreres børnene som indlagte
 * … men HE Midt ønsker, at lægge sig op ad Aarhus"). Practice belongs to the hospital that
 * registers, not to the citizen's cluster of residence, so this groups each acute stay by the
 * hospital of its first contact (the `hospital` column), by year of start, for one age group:
 *
 * - acute admissions under both rules: "harmonised" (≥ 12 h) and "as registered" (any inpatient
 *   contact), and the difference;
 * - the short acute stays (under 12 h) and how many of them were registered as inpatient — the
 *   practice itself (near 0 % in Aarhus, high where children are admitted from the start);
 * - 30-day readmissions under both rules (index admissions attributed to the hospital of the index
 *   stay and the year of discharge), since the minutes expect a change of practice to reduce them.
 *
 * A dated change of practice (`changes`: hospital and date) gives each year a phase: `before` (years
 * before the change's year), `change` (the year it happens: neither side), `after`. Counts are
 * suppressed by the one engine (suppressTable: each count a cell, hospitals → the region). When
 * inpatient/outpatient is derived from the duration (LPR3), or no contact names its hospital, the
 * rows say the comparison cannot be answered with this extract (note), instead of showing no
 * difference.
 */
import { cannotAnswerOf, type Dataset } from "../contract/dataset.js";
import { MISSING, civilFromDays, dayOfMinutes, daysFromCivil } from "../contract/time.js";
import { elapsedAtLeast } from "../stays/elapsed.js";
import { staySource } from "../stays/buildStays.js";
import { linkReadmissions } from "../stays/linkReadmissions.js";
import type { AdmissionTable, Registration } from "../stays/stayTable.js";
import { parseAgeGroup } from "./ageGroup.js";
import { prepareIndicators, type IndicatorContext } from "./indicatorContext.js";
import type { IndicatorOptions } from "./indicatorOptions.js";
import { indicatorMessages } from "./messages.js";
import { suppressTable } from "./suppressTable.js";
import type { IndicatorRow } from "./table.js";

/** A dated change of registration practice at one hospital (as named in the `hospital` column). */
export interface PracticeChange {
  readonly hospital: string;
  /** The day the new practice starts, YYYY-MM-DD. */
  readonly from: string;
}

export interface RegistrationByHospitalOptions extends IndicatorOptions {
  /** The age group (default "0-2", the minutes' children). */
  readonly group?: string;
  readonly changes?: readonly PracticeChange[];
}

export type PracticePhase = "before" | "change" | "after";

export interface RegistrationByHospitalRow {
  /** The registering hospital, or the region (all hospitals). */
  readonly level: "hospital" | "region";
  readonly hospital: string;
  readonly period: string;
  readonly group: string;
  /** Phase of the year relative to the hospital's change of practice, or null when none is given. */
  readonly phase: PracticePhase | null;
  readonly admissions_harmonised: number | null;
  readonly admissions_as_registered: number | null;
  /** as registered − harmonised */
  readonly admissions_difference: number | null;
  /** Acute stays under 12 h, and those of them registered as inpatient. */
  readonly short_acute_stays: number | null;
  readonly short_registered_inpatient: number | null;
  readonly short_registered_inpatient_pct: number | null;
  readonly index_harmonised: number | null;
  readonly readmitted_harmonised: number | null;
  readonly readmission_pct_harmonised: number | null;
  readonly index_as_registered: number | null;
  readonly readmitted_as_registered: number | null;
  readonly readmission_pct_as_registered: number | null;
  readonly suppressed: boolean;
  /** "kan ikke besvares med dette udtræk: …" when the extract cannot show practice. */
  readonly note?: string;
}

const QUANTITIES = [
  "admissions_harmonised",
  "admissions_as_registered",
  "short_acute_stays",
  "short_registered_inpatient",
  "index_harmonised",
  "readmitted_harmonised",
  "index_as_registered",
  "readmitted_as_registered",
] as const;
type Quantity = (typeof QUANTITIES)[number];

/** The phase of a year relative to a change date (YYYY-MM-DD). */
export function phaseOfYear(year: number, from: string): PracticePhase {
  const y = Number(from.slice(0, 4));
  return year < y ? "before" : year > y ? "after" : "change";
}

/**
 * @example registrationByHospital(dataset, { changes: [{ hospital: "HE Midt", from: "2019-03-01" }] })
 */
export function registrationByHospital(input: Dataset | IndicatorContext, options: RegistrationByHospitalOptions = {}): RegistrationByHospitalRow[] {
  const ctx = "computed" in input ? input : prepareIndicators(input, options);
  const group = parseAgeGroup(options.group ?? "0-2");
  const contacts = ctx.dataset.contacts;
  const { stays, report } = ctx.computed;
  const regionName = ctx.resolved.regionName;
  const cannot = cannotAnswerOf(ctx.dataset.report);
  const reason = cannot.get("hospital") ?? cannot.get("registration_practice");
  const note = reason === undefined ? undefined : indicatorMessages.cannotAnswer(reason);
  const H = contacts.hospitals.length;
  const years = new Map<number, number>();
  const startSrc = staySource(stays, "start");
  const startOf = (s: number) => startSrc.values[startSrc.index === null ? s : startSrc.index[s]];
  const yearOfMinute = (m: number) => civilFromDays(dayOfMinutes(m))[0];
  // counts[q][hospital][year slot]
  const slots: number[] = [];
  const slot = (y: number): number => {
    let k = years.get(y);
    if (k === undefined) {
      years.set(y, (k = slots.length));
      slots.push(y);
    }
    return k;
  };
  const counts = new Map<Quantity, Map<number, Map<number, number>>>(QUANTITIES.map((q) => [q, new Map()]));
  const add = (q: Quantity, h: number, y: number) => {
    const byH = counts.get(q) as Map<number, Map<number, number>>;
    let m = byH.get(h);
    if (!m) byH.set(h, (m = new Map()));
    const k = slot(y);
    m.set(k, (m.get(k) ?? 0) + 1);
  };
  const inGroup = (s: number) => stays.age[s] >= group.lo && stays.age[s] <= group.hi;
  for (let s = 0; s < stays.length; s++) {
    if (!stays.acute[s] || !inGroup(s)) continue;
    const h = contacts.hospital[stays.firstContact[s]];
    if (h < 0) continue;
    const start = startOf(s);
    const y = yearOfMinute(start);
    if (stays.admissionHarmonised[s]) add("admissions_harmonised", h, y);
    if (stays.admissionAsRegistered[s]) add("admissions_as_registered", h, y);
    if (stays.end[s] !== MISSING && !elapsedAtLeast(start, stays.end[s], 720)) {
      add("short_acute_stays", h, y);
      if (stays.anyInpatient[s]) add("short_registered_inpatient", h, y);
    }
  }
  // readmissions only for years whose every discharge has its window inside the data
  const windowDays = Math.ceil(ctx.options.stays?.windowDays ?? 30);
  const endDay = report.latestAdmittedAt === MISSING ? -Infinity : dayOfMinutes(ctx.computed.admissions.dataEnd);
  let lastReadmissionYear = -Infinity;
  for (let y = ctx.y0; y < ctx.y0 + ctx.nYears; y++) if (daysFromCivil(y, 12, 31) + windowDays <= endDay) lastReadmissionYear = y;
  const readmissions = (registration: Registration, idx: Quantity, readm: Quantity) => {
    const a: AdmissionTable =
      ctx.computed.admissions.registration === registration
        ? ctx.computed.admissions
        : linkReadmissions(stays, contacts, report.latestAdmittedAt, { ...ctx.options.stays, registration, diedOnByPatient: ctx.dataset.deaths?.diedOnByPatient ?? null });
    for (let j = 0; j < a.length; j++) {
      if (!a.index[j]) continue;
      const s = a.stay[j];
      if (!inGroup(s)) continue;
      const h = contacts.hospital[stays.firstContact[s]];
      if (h < 0) continue;
      const y = yearOfMinute(stays.end[s]);
      if (y > lastReadmissionYear) continue;
      add(idx, h, y);
      if (a.readmitted[j]) add(readm, h, y);
    }
  };
  readmissions("harmonised", "index_harmonised", "readmitted_harmonised");
  readmissions("as-registered", "index_as_registered", "readmitted_as_registered");

  // One tidy row per count (hospitals and the region), suppressed by the one engine.
  const rows: IndicatorRow[] = [];
  const row = (q: Quantity, level: "cluster" | "region", unit: string, period: string, n: number): IndicatorRow => ({
    indicator: `practice_${q}`,
    level,
    unit,
    period,
    group: group.label,
    sex: "all",
    numerator: n,
    denominator: null,
    value: n,
    lower: null,
    upper: null,
    method: "count",
    suppressed: false,
  });
  const sortedYears = [...slots].sort((a, b) => a - b);
  const isReadmission = (q: Quantity) => q.startsWith("index_") || q.startsWith("readmitted_");
  for (const q of QUANTITIES) {
    const byH = counts.get(q) as Map<number, Map<number, number>>;
    for (const y of sortedYears) {
      if (isReadmission(q) && y > lastReadmissionYear) continue;
      const k = years.get(y) as number;
      let total = 0;
      for (let h = 0; h < H; h++) {
        const n = byH.get(h)?.get(k) ?? 0;
        total += n;
        rows.push(row(q, "cluster", contacts.hospitals[h], String(y), n));
      }
      rows.push(row(q, "region", regionName, String(y), total));
    }
  }
  const minCount = ctx.resolved.minCount;
  const published = minCount === 0 ? rows : suppressTable(rows, { minCount });
  const get = new Map(published.map((r) => [`${r.indicator}|${r.level}|${r.unit}|${r.period}`, r] as const));
  const out: RegistrationByHospitalRow[] = [];
  const pct = (x: number | null, n: number | null) => (x === null || n === null || n === 0 ? null : (100 * x) / n);
  const change = new Map((options.changes ?? []).map((c) => [c.hospital, c.from] as const));
  for (const [level, units] of [["hospital", contacts.hospitals], ["region", [regionName]]] as const) {
    for (const unit of units) {
      for (const y of sortedYears) {
        let hidden = false;
        const v = (q: Quantity): number | null => {
          const r = get.get(`practice_${q}|${level === "hospital" ? "cluster" : "region"}|${unit}|${y}`);
          if (r?.suppressed) hidden = true;
          return r === undefined || r.suppressed ? null : r.numerator;
        };
        const hAdm = v("admissions_harmonised");
        const rAdm = v("admissions_as_registered");
        const short = v("short_acute_stays");
        const shortIn = v("short_registered_inpatient");
        const ih = v("index_harmonised");
        const rh = v("readmitted_harmonised");
        const ir = v("index_as_registered");
        const rr = v("readmitted_as_registered");
        const from = level === "hospital" ? change.get(unit) : undefined;
        out.push({
          level,
          hospital: unit,
          period: String(y),
          group: group.label,
          phase: from === undefined ? null : phaseOfYear(y, from),
          admissions_harmonised: hAdm,
          admissions_as_registered: rAdm,
          admissions_difference: hAdm === null || rAdm === null ? null : rAdm - hAdm,
          short_acute_stays: short,
          short_registered_inpatient: shortIn,
          short_registered_inpatient_pct: pct(shortIn, short),
          index_harmonised: ih,
          readmitted_harmonised: rh,
          readmission_pct_harmonised: pct(rh, ih),
          index_as_registered: ir,
          readmitted_as_registered: rr,
          readmission_pct_as_registered: pct(rr, ir),
          suppressed: hidden,
          ...(note === undefined ? {} : { note }),
        });
      }
    }
  }
  if (H === 0 && note !== undefined) return [];
  return out;
}
