/**
 * Event rates of the generator, by single year of age, and the calibration targets they are
 * tuned to (shared/reference/danish-context.md). Rates are per citizen-year before the
 * individual propensity (frailty) is applied; frailty has mean 1 so averages are unchanged.
 *
 * Assumptions where no figure was found (stated in data/demo/README.md):
 * - 0–2-year-olds: about 120 admissions (stays ≥ 12 h) per 1,000 a year (highest in the first
 *   year), and about 300 short acute hospital contacts (< 12 h, emergency department) per 1,000
 *   — together ≈ 420 acute hospital contacts per 1,000, well under the 1,020–1,530 acute
 *   contacts per 1,000 small children of danish-context.md, which also count out-of-hours GP
 *   contacts that are not hospital contacts.
 * - Mortality: Gompertz q(age) = 0.00003·e^(0.094·age) (close to Danish life tables),
 *   infants 0.0035.
 */

import { MAX_AGE } from "./agePyramid.js";

function interpolate(points: readonly (readonly [number, number])[]): Float64Array {
  const out = new Float64Array(MAX_AGE + 1);
  for (let age = 0; age <= MAX_AGE; age++) {
    let k = 0;
    while (k < points.length - 1 && points[k + 1][0] <= age) k++;
    if (k === points.length - 1) {
      out[age] = points[k][1];
      continue;
    }
    const [a0, v0] = points[k];
    const [a1, v1] = points[k + 1];
    out[age] = v0 + ((v1 - v0) * (age - a0)) / (a1 - a0);
  }
  return out;
}

/** Calibration constants (tuned by measuring generated data against CALIBRATION_TARGETS). */
export const TUNING = {
  acuteStayScale: 0.86,
  shortAcuteScale: 1,
  plannedStayScale: 0.75,
  plannedOutpatientScale: 1,
  /** Multiplier of the nine preventable groups' weights at 65+. */
  preventable65Scale: 0.53,
  /** Base probability of a readmission-process event after a stay ≥ 12 h, by age group. */
  readmission65: 0.13,
  readmissionChild: 0.05,
  readmissionAdult: 0.045,
  /** Share of deaths preceded by a terminal acute admission (65+ / younger). */
  terminalAdmission65: 0.5,
  terminalAdmissionYoung: 0.3,
} as const;

/** Acute admissions (stays ≥ 12 h) per citizen-year, by age (before scaling). */
export const ACUTE_STAY_RATE = interpolate([
  [0, 0.24], [1, 0.13], [2, 0.09], [5, 0.03], [15, 0.03], [25, 0.035], [45, 0.05], [60, 0.08],
  [65, 0.11], [70, 0.15], [75, 0.21], [80, 0.29], [85, 0.38], [90, 0.45], [100, 0.5],
]);
/** Short acute contacts (< 12 h) per citizen-year. */
export const SHORT_ACUTE_RATE = interpolate([
  [0, 0.38], [1, 0.33], [2, 0.26], [5, 0.12], [15, 0.09], [30, 0.075], [60, 0.08], [75, 0.095], [85, 0.11],
]);
/** Planned admissions (≥ 12 h) per citizen-year. */
export const PLANNED_STAY_RATE = interpolate([
  [0, 0.015], [5, 0.008], [20, 0.02], [45, 0.04], [60, 0.06], [70, 0.075], [80, 0.06], [90, 0.03],
]);
/** Planned outpatient contacts per citizen-year (the extract holds only a sample of them). */
export const PLANNED_OUTPATIENT_RATE = interpolate([
  [0, 0.04], [5, 0.025], [20, 0.04], [45, 0.06], [65, 0.09], [80, 0.09], [95, 0.05],
]);

/** Annual probability of death by age (Gompertz, see header). */
export const DEATH_PROBABILITY = (() => {
  const out = new Float64Array(MAX_AGE + 1);
  for (let age = 0; age <= MAX_AGE; age++) out[age] = Math.min(0.5, Math.max(0.0001, 0.00003 * Math.exp(0.094 * age)));
  out[0] = 0.0035;
  return out;
})();

/** Births per woman-year by age (total fertility ≈ 1.6). */
export const FERTILITY = interpolate([
  [17, 0], [18, 0.005], [22, 0.03], [27, 0.1], [32, 0.12], [37, 0.055], [42, 0.01], [45, 0],
]);

/** Relative weights of weekdays for acute contacts, Monday … Sunday (more before and during weekends). */
export const ACUTE_WEEKDAY_WEIGHT = [1.0, 0.9, 0.9, 0.95, 1.15, 1.12, 1.05] as const;
/** Relative weights of the 24 hours for acute contacts of adults (day peak, low at night). */
export const ACUTE_HOUR_WEIGHT = [
  0.35, 0.3, 0.25, 0.22, 0.22, 0.25, 0.35, 0.55, 0.9, 1.25, 1.45, 1.5, 1.5, 1.45, 1.4, 1.35, 1.3, 1.25, 1.15, 1.0, 0.9, 0.75, 0.6, 0.45,
] as const;
/** Children: evening peak (after day care). */
export const CHILD_HOUR_WEIGHT = [
  0.4, 0.35, 0.3, 0.25, 0.25, 0.25, 0.3, 0.45, 0.6, 0.75, 0.85, 0.9, 0.95, 1.0, 1.05, 1.15, 1.3, 1.45, 1.55, 1.6, 1.5, 1.2, 0.8, 0.55,
] as const;

/** The calibration targets of the generator, each with its source and the test tolerance. */
export const CALIBRATION_TARGETS = [
  {
    id: "admissions_per_1000",
    definition: "stays ≥ 12 h (contacts ≤ 4 h apart merged), all ages, per 1,000 citizen-years",
    target: 121,
    tolerance: 0.1,
    source: "Statistics Denmark: Region Midtjylland 121 admissions per 1,000 citizens, 2021 (danish-context.md)",
  },
  {
    id: "preventable_65_per_1000",
    definition: "acute stays ≥ 12 h of citizens 65+ with a primary diagnosis in the nine preventable groups, per 1,000 citizens 65+",
    target: 66,
    tolerance: 0.12,
    source: "Danske Regioner: 66,189 preventable admissions of the elderly 2022; Region Hovedstaden 71 per 1,000 65+ (2023) (danish-context.md)",
  },
  {
    id: "readmission_65_share",
    definition: "share of stays ≥ 12 h of citizens 65+ followed by an acute stay ≥ 12 h starting within 30 days of discharge, in clusters and periods without the intervention",
    target: 0.16,
    tolerance: 0.15,
    source: "Sundhedsdatastyrelsen 2018: acute readmission 65+ by practice, best tenth < 11 %, worst tenth > 22 % (danish-context.md); 16 % assumed",
  },
  {
    id: "admissions_0_2_per_1000",
    definition: "stays ≥ 12 h of children 0–2 per 1,000 children 0–2 (assumption, no published figure)",
    target: 120,
    tolerance: 0.2,
    source: "assumption of the generator (no published figure found, danish-context.md)",
  },
] as const;
