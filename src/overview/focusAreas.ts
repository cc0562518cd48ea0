/**
 * The measures of the steering paper's first page, by focus area (`klynge report --focus 65+`):
 * each focus is the list of indicator × population group rows that one steering group's agenda
 * needs. "all" (the default) is the Triple Aim headline: admissions, readmissions and preventable
 * admissions of the elderly, admissions of the youngest, patient experience and cost per citizen.
 * The focus areas follow the data group's brief (seed 002, Midtklyngen 2018: fractures, lower
 * respiratory infections and unspecific diagnoses among citizens 65+, admissions and readmissions
 * of 0–2-year-olds) and the Triple Aim goals of seed 001.
 */

/** One measure of the overview: an indicator id of the indicator table and its population group. */
export interface OverviewMeasure {
  readonly indicator: string;
  readonly group: string;
}

const m = (indicator: string, group: string): OverviewMeasure => ({ indicator, group });

export const FOCUS_AREAS = {
  all: [
    m("admission_rate", "all"),
    m("readmission_30d", "65+"),
    m("preventable_admission_rate", "65+"),
    m("focus_admissions_0_2", "0-2"),
    m("experience_positive:patient_overall_satisfaction", "all"),
    m("cost_per_citizen", "all"),
  ],
  "65+": [
    m("admission_rate", "65+"),
    m("readmission_30d", "65+"),
    m("preventable_admission_rate", "65+"),
    m("focus_fractures", "65+"),
    m("focus_lower_respiratory_infections", "65+"),
    m("focus_unspecific", "65+"),
    m("cost_per_citizen", "65+"),
  ],
  "0-2": [m("focus_admissions_0_2", "0-2"), m("readmission_30d", "0-2"), m("cost_per_citizen", "0-2")],
  admissions: [m("admission_rate", "all"), m("admission_rate", "65+"), m("admission_rate", "0-2")],
  readmissions: [m("readmission_30d", "all"), m("readmission_30d", "65+"), m("readmission_30d", "0-2")],
  preventable: [m("preventable_admission_rate", "65+"), m("focus_fractures", "65+"), m("focus_lower_respiratory_infections", "65+"), m("focus_unspecific", "65+")],
  experience: [m("experience_positive:patient_overall_satisfaction", "all"), m("experience_positive:relative_satisfaction", "all")],
  cost: [m("cost_per_citizen", "all"), m("cost_per_citizen", "65+"), m("cost_per_citizen", "0-2")],
} as const satisfies Record<string, readonly OverviewMeasure[]>;
export type FocusArea = keyof typeof FOCUS_AREAS;
export const FOCUS_AREA_IDS = Object.keys(FOCUS_AREAS) as FocusArea[];

export function isFocusArea(x: unknown): x is FocusArea {
  return typeof x === "string" && Object.hasOwn(FOCUS_AREAS, x);
}

/** The measures of a focus area. */
export function focusMeasures(focus: FocusArea = "all"): readonly OverviewMeasure[] {
  return FOCUS_AREAS[focus];
}
