/**
 * The registration-practice report (seed 002; danish-context.md): per cluster (and the region),
 * year and age group, acute admissions and 30-day readmissions under both admission rules —
 * "harmonised" (stays ≥ 12 h, the national definition) and "as-registered" (any inpatient
 * contact) — and the difference, so the analyst sees how much harmonisation changes each
 * cluster's figures (e.g. Aarhus registering children in the emergency department as outpatients).
 * Stays are built once; readmission links are made under each rule. Counts are suppressed as in
 * the indicator table (primary and secondary, per rule), and a difference is blank when either
 * side is.
 */
import { cannotAnswerOf, type Dataset } from "../contract/dataset.js";
import { indicatorMessages } from "./messages.js";
import { linkReadmissions } from "../stays/linkReadmissions.js";
import type { Registration } from "../stays/stayTable.js";
import { admissionRate } from "./admissionRate.js";
import { buildContext, prepareIndicators, type IndicatorContext } from "./indicatorContext.js";
import type { IndicatorOptions } from "./indicatorOptions.js";
import { readmission30d } from "./readmission30d.js";
import { suppressTable } from "./suppressTable.js";
import type { IndicatorRow, Level } from "./table.js";

export interface RegistrationPracticeRow {
  readonly level: Level;
  readonly unit: string;
  readonly period: string;
  readonly group: string;
  readonly admissions_harmonised: number | null;
  readonly admissions_as_registered: number | null;
  /** as-registered − harmonised */
  readonly admissions_difference: number | null;
  readonly admission_rate_harmonised: number | null;
  readonly admission_rate_as_registered: number | null;
  readonly index_harmonised: number | null;
  readonly readmitted_harmonised: number | null;
  readonly readmission_pct_harmonised: number | null;
  readonly index_as_registered: number | null;
  readonly readmitted_as_registered: number | null;
  readonly readmission_pct_as_registered: number | null;
  /** as-registered − harmonised, percentage points */
  readonly readmission_pct_difference: number | null;
  readonly suppressed: boolean;
  /** "kan ikke besvares med dette udtræk: …" when inpatient/outpatient is derived from the duration (LPR3). */
  readonly note?: string;
}

function contextFor(base: IndicatorContext, registration: Registration): IndicatorContext {
  if (base.resolved.registration === registration) return base;
  const { stays, report } = base.computed;
  const admissions = linkReadmissions(stays, base.dataset.contacts, report.latestAdmittedAt, {
    ...base.options.stays,
    registration,
    diedOnByPatient: base.dataset.deaths?.diedOnByPatient ?? null,
  });
  let indexAdmissions = 0;
  let readmitted = 0;
  for (let j = 0; j < admissions.length; j++) {
    indexAdmissions += admissions.index[j];
    readmitted += admissions.readmitted[j];
  }
  const computed = { stays, admissions, report: { ...report, admissions: admissions.length, indexAdmissions, readmitted } };
  return buildContext(base.dataset, base.options, { ...base.resolved, registration }, computed);
}

/**
 * Admissions and readmissions under both registration rules, per cluster and the region.
 * @example registrationPractice(dataset, { groups: ["0-2", "all"] }).filter((r) => r.group === "0-2")
 */
export function registrationPractice(input: Dataset | IndicatorContext, options: IndicatorOptions = {}): RegistrationPracticeRow[] {
  const base = "computed" in input ? input : prepareIndicators(input, options);
  const opts: IndicatorOptions = { ...base.options, levels: ["region", "cluster"], sexes: ["all"], period: "year" };
  const minCount = base.resolved.minCount;
  const clusterOf = new Map(base.dataset.geography.map((g) => [String(g.municipality_code), g.cluster] as const));
  const side = (registration: Registration) => {
    const ctx = contextFor(base, registration);
    const narrowed: IndicatorContext = { ...ctx, resolved: { ...ctx.resolved, levels: ["region", "cluster"], sexes: ["all"], periods: ["year"] }, options: opts };
    const rows = [...admissionRate(narrowed), ...readmission30d(narrowed)];
    return minCount === 0 ? rows : suppressTable(rows, { minCount, clusterOf });
  };
  const key = (r: IndicatorRow) => `${r.level}|${r.unit}|${r.period}|${r.group}`;
  const index = (rows: IndicatorRow[]) => new Map(rows.map((r) => [`${r.indicator}|${key(r)}`, r] as const));
  const h = index(side("harmonised"));
  const a = index(side("as-registered"));
  const out: RegistrationPracticeRow[] = [];
  // on LPR3, "as registered" is derived from the duration: the comparison shows nothing, and says why
  const derived = cannotAnswerOf(base.dataset.report).get("registration_practice");
  const diff = (x: number | null | undefined, y: number | null | undefined) => (x === null || x === undefined || y === null || y === undefined ? null : y - x);
  for (const [k, ah] of h) {
    if (!k.startsWith("admission_rate|")) continue;
    const rest = k.slice("admission_rate|".length);
    const ar = a.get(k);
    const rh = h.get(`readmission_30d|${rest}`);
    const rr = a.get(`readmission_30d|${rest}`);
    out.push({
      level: ah.level,
      unit: ah.unit,
      period: ah.period,
      group: ah.group,
      admissions_harmonised: ah.numerator,
      admissions_as_registered: ar?.numerator ?? null,
      admissions_difference: diff(ah.numerator, ar?.numerator),
      admission_rate_harmonised: ah.value,
      admission_rate_as_registered: ar?.value ?? null,
      index_harmonised: rh?.denominator ?? null,
      readmitted_harmonised: rh?.numerator ?? null,
      readmission_pct_harmonised: rh?.value ?? null,
      index_as_registered: rr?.denominator ?? null,
      readmitted_as_registered: rr?.numerator ?? null,
      readmission_pct_as_registered: rr?.value ?? null,
      readmission_pct_difference: diff(rh?.value, rr?.value),
      suppressed: ah.suppressed || !!ar?.suppressed || !!rh?.suppressed || !!rr?.suppressed,
      ...(derived === undefined ? {} : { note: indicatorMessages.cannotAnswer(derived) }),
    });
  }
  return out;
}
