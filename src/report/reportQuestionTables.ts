/**
 * The data group's questions as count tables (seed 002: who are they, where are they referred
 * from, when are they admitted): acute admissions of an age group in one year by weekday × hour,
 * by referral source, and by 5-year age band × sex. Admissions follow the harmonised rule (stays
 * ≥ 12 h, src/stays); the weekday and hour are those of the stay's first admitted_at (local time).
 * Counts of 1 … minCount − 1 are suppressed (primary suppression; 0 is shown as 0 since it
 * identifies nobody). No total is printed next to these tables, so no secondary suppression is
 * needed.
 */
import { REFERRAL_SOURCES } from "../contract/codes.js";
import type { Dataset } from "../contract/dataset.js";
import { MINUTES_PER_DAY, yearOfMinutes, weekdayOfDays } from "../contract/time.js";
import type { AgeSexRow, HeatmapRow, ReferralRow } from "../charts/index.js";
import type { ComputedStays } from "../stays/computeStays.js";
import type { ReportLang } from "./reportMessages.js";

export interface ReportQuestionOptions {
  /** Calendar year counted. */
  readonly year: number;
  /** Lowest age (completed years at the stay's start); default 65. */
  readonly minAge?: number;
  /** Highest age; default none. */
  readonly maxAge?: number;
  /** Suppression threshold (default 5; 0 disables). */
  readonly minCount?: number;
  readonly lang?: ReportLang;
}

export interface ReportQuestionTables {
  readonly heatmap: HeatmapRow[];
  readonly referral: ReferralRow[];
  readonly ageSex: AgeSexRow[];
  readonly ageBands: string[];
  /** Acute admissions counted (internal total; not printed beside the tables). */
  readonly admissions: number;
}

const REFERRAL_LABELS: Record<ReportLang, Record<string, string>> = {
  da: {
    gp: "Egen læge",
    out_of_hours: "Lægevagt",
    nursing_home: "Plejehjem",
    emergency_call: "Ambulance (112)",
    hospital: "Andet sygehus/afdeling",
    self: "Selvhenvendt",
    other: "Anden",
    unknown: "Ikke oplyst",
  },
  en: {
    gp: "General practice",
    out_of_hours: "Out-of-hours doctor",
    nursing_home: "Nursing home",
    emergency_call: "Ambulance (112)",
    hospital: "Other hospital/ward",
    self: "Self-referred",
    other: "Other",
    unknown: "Not given",
  },
};

/** The label of a referral source code in the report language. */
export function referralSourceLabel(source: string, lang: ReportLang = "da"): string {
  return REFERRAL_LABELS[lang][source] ?? source;
}

/**
 * Counts acute admissions of the age group in `year` for the three question charts.
 * @example reportQuestionTables(dataset, computeStays(dataset), { year: 2023, minAge: 65 })
 */
export function reportQuestionTables(dataset: Pick<Dataset, "contacts">, computed: ComputedStays, options: ReportQuestionOptions): ReportQuestionTables {
  const minAge = options.minAge ?? 65;
  const maxAge = options.maxAge ?? Infinity;
  const minCount = options.minCount ?? 5;
  const lang = options.lang ?? "da";
  const { stays } = computed;
  const contacts = dataset.contacts;
  const cells = new Float64Array(7 * 24);
  const referral = new Float64Array(REFERRAL_SOURCES.length + 1);
  const bandStarts: number[] = [];
  for (let a = minAge; a < Math.min(maxAge + 1, 95); a += 5) bandStarts.push(a);
  const topBand = bandStarts.length - 1;
  const ageSex = new Float64Array(bandStarts.length * 2);
  let admissions = 0;
  for (let s = 0; s < stays.length; s++) {
    if (stays.admissionHarmonised[s] !== 1 || stays.acute[s] !== 1) continue;
    const age = stays.age[s];
    if (age < minAge || age > maxAge) continue;
    const start = stays.start[s];
    if (yearOfMinutes(start) !== options.year) continue;
    admissions++;
    const day = Math.floor(start / MINUTES_PER_DAY);
    const hour = Math.floor((start - day * MINUTES_PER_DAY) / 60);
    cells[weekdayOfDays(day) * 24 + hour]++;
    const ref = contacts.referral[stays.firstContact[s]];
    referral[ref >= 0 && ref < REFERRAL_SOURCES.length ? ref : REFERRAL_SOURCES.length]++;
    const band = Math.min(topBand, Math.floor((age - minAge) / 5));
    const sex = stays.sex[s] === 2 ? 1 : 0;
    ageSex[band * 2 + sex]++;
  }
  const suppressed = (n: number): boolean => minCount > 0 && n > 0 && n < minCount;
  const heatmap: HeatmapRow[] = [];
  for (let w = 0; w < 7; w++)
    for (let h = 0; h < 24; h++) {
      const n = cells[w * 24 + h];
      heatmap.push({ weekday: w, hour: h, count: suppressed(n) ? null : n, suppressed: suppressed(n) });
    }
  const referralRows: ReferralRow[] = [];
  const codes = [...REFERRAL_SOURCES, "unknown"];
  codes.forEach((code, i) => {
    const n = referral[i];
    if (n === 0 && code === "unknown") return;
    referralRows.push({ source: referralSourceLabel(code, lang), count: suppressed(n) ? null : n, suppressed: suppressed(n) });
  });
  const ageBands = bandStarts.map((lo, i) => (i === topBand && (maxAge === Infinity || maxAge >= lo + 5) ? `${lo}+` : `${lo}-${lo + 4}`));
  const ageRows: AgeSexRow[] = [];
  ageBands.forEach((ageBand, b) => {
    for (const [k, sex] of [[0, "F"], [1, "M"]] as const) {
      const n = ageSex[b * 2 + k];
      ageRows.push({ ageBand, sex, count: suppressed(n) ? null : n, suppressed: suppressed(n) });
    }
  });
  return { heatmap, referral: referralRows, ageSex: ageRows, ageBands, admissions };
}
