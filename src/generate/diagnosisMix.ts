/**
 * The diagnosis mix the generator draws from: categories of ICD-10 codes with relative weights
 * by age band, for acute and for planned contacts. The weights are assumptions tuned so that
 * the focus groups of danish-context.md occur at the calibration targets (see rates.ts); each
 * code falls in the group files of data/diagnosis-groups/ (checked by a test).
 *
 * Age bands: 0 = 0–2, 1 = 3–17, 2 = 18–64, 3 = 65–79, 4 = 80+.
 */

export interface DiagnosisCategory {
  readonly id: string;
  /** ICD-10 codes with a dot (J18.9) and their relative weight within the category. */
  readonly codes: readonly (readonly [string, number])[];
  /** Relative weight among acute contacts, by age band. */
  readonly acute: readonly [number, number, number, number, number];
  /** Relative weight among planned contacts, by age band. */
  readonly planned: readonly [number, number, number, number, number];
  /** Amplitude of the winter peak (0 = no seasonality). */
  readonly season: number;
  /** DRG-like base value of an admission in DKK (outpatient contacts get a fraction). */
  readonly cost: number;
  /** Multiplier of the length of stay. */
  readonly los: number;
  /** One of the nine preventable groups (used to scale them in calibration). */
  readonly preventable: boolean;
  /** Only for age 0 (neonatal codes). */
  readonly infantOnly?: boolean;
}

export function ageBand(age: number): number {
  return age <= 2 ? 0 : age < 18 ? 1 : age < 65 ? 2 : age < 80 ? 3 : 4;
}

const Z = [0, 0, 0, 0, 0] as const;

/** The categories. Preventable groups are flagged; their 65+ weights are scaled in rates.ts. */
export const DIAGNOSIS_CATEGORIES: readonly DiagnosisCategory[] = [
  { id: "lower_respiratory_infection", codes: [["J18.9", 6], ["J15.9", 2], ["J18.0", 1], ["J20.9", 2], ["J21.9", 3], ["J22", 2], ["J12.9", 1]],
    acute: [16, 5, 5, 9, 11], planned: Z, season: 0.55, cost: 32000, los: 1.1, preventable: true },
  { id: "copd", codes: [["J44.1", 5], ["J44.0", 2], ["J47", 1]],
    acute: [1, 3, 3, 6, 4], planned: [0, 0.3, 0.5, 1, 0.5], season: 0.3, cost: 30000, los: 1, preventable: true },
  { id: "fracture", codes: [["S72.0", 5], ["S72.1", 2], ["S32.0", 2], ["S42.2", 2], ["S52.5", 3], ["S22.4", 1], ["S82.8", 2]],
    acute: [1, 5, 4, 5, 9], planned: [0, 0.2, 0.5, 0.5, 0.3], season: 0.1, cost: 60000, los: 1.5, preventable: true },
  { id: "injury_other", codes: [["S06.0", 3], ["S01.0", 2], ["T14.0", 2], ["S93.4", 2], ["S61.0", 1]],
    acute: [6, 14, 9, 2, 2], planned: Z, season: 0, cost: 15000, los: 0.6, preventable: false },
  { id: "dehydration", codes: [["E86.9", 1]], acute: [3, 1, 0.4, 1.2, 2.5], planned: Z, season: 0.15, cost: 22000, los: 0.8, preventable: true },
  { id: "constipation", codes: [["K59.0", 1]], acute: [1, 1, 0.4, 0.8, 1.2], planned: Z, season: 0, cost: 15000, los: 0.6, preventable: true },
  { id: "urinary_tract_infection", codes: [["N39.0", 4], ["N30.0", 2], ["N10", 1]],
    acute: [1, 1, 2, 3.5, 5], planned: Z, season: 0.05, cost: 24000, los: 0.9, preventable: true },
  { id: "gastroenteritis", codes: [["A09.9", 3], ["A08.4", 2], ["K52.9", 2]],
    acute: [12, 6, 3, 2, 2], planned: Z, season: 0.25, cost: 18000, los: 0.7, preventable: true },
  { id: "nutritional_anaemia", codes: [["D50.9", 3], ["D51.0", 1], ["D52.9", 1], ["D53.9", 1]],
    acute: [0, 0.2, 0.3, 0.7, 1], planned: [0, 0, 0.3, 0.8, 0.8], season: 0, cost: 20000, los: 0.8, preventable: true },
  { id: "social_care", codes: [["Z74.1", 2], ["Z75.1", 1], ["Z74.9", 1], ["Z60.2", 1]],
    acute: [0, 0, 0.2, 0.6, 1.8], planned: Z, season: 0.05, cost: 20000, los: 1.2, preventable: true },
  { id: "pressure_sore", codes: [["L89.1", 2], ["L89.2", 1]], acute: [0, 0, 0, 0.3, 0.7], planned: Z, season: 0, cost: 40000, los: 1.4, preventable: true },
  { id: "unspecific_child", codes: [["R50.9", 4], ["R56.0", 2], ["R11", 2], ["R06.8", 1], ["Z03.9", 3]],
    acute: [22, 12, 0, 0, 0], planned: Z, season: 0.2, cost: 9000, los: 0.5, preventable: false },
  { id: "unspecific_adult", codes: [["R07.4", 4], ["R10.4", 3], ["R55", 2], ["R53", 2], ["R06.0", 2], ["Z03.9", 3], ["R41.0", 1]],
    acute: [0, 6, 22, 16, 15], planned: Z, season: 0.05, cost: 11000, los: 0.6, preventable: false },
  { id: "cardiovascular", codes: [["I50.9", 3], ["I48.9", 3], ["I21.9", 2], ["I63.9", 2], ["I10", 1]],
    acute: [0, 0.3, 8, 16, 15], planned: [0, 0.2, 4, 10, 7], season: 0.1, cost: 42000, los: 1.1, preventable: false },
  { id: "child_infection", codes: [["J06.9", 4], ["H66.9", 2], ["B34.9", 2], ["J05.0", 1]],
    acute: [24, 12, 1, 0.3, 0.2], planned: Z, season: 0.45, cost: 9000, los: 0.5, preventable: false },
  { id: "neonatal", codes: [["P59.9", 3], ["P07.3", 1], ["P22.1", 1], ["P92.9", 1]],
    acute: [14, 0, 0, 0, 0], planned: Z, season: 0, cost: 35000, los: 1.3, preventable: false, infantOnly: true },
  { id: "cancer", codes: [["C34.9", 2], ["C18.9", 2], ["C50.9", 2], ["C61", 2], ["C44.9", 1], ["D05.1", 1]],
    acute: [0, 0.2, 2, 5, 4], planned: [0, 0.3, 8, 14, 9], season: 0, cost: 55000, los: 1.3, preventable: false },
  { id: "other_medical", codes: [["E11.9", 2], ["K92.2", 2], ["K85.9", 1], ["F10.0", 2], ["G40.9", 2], ["N17.9", 1], ["K35.8", 2], ["M54.5", 2], ["J45.9", 2]],
    acute: [3, 12, 26, 15, 11], planned: [1, 3, 6, 6, 5], season: 0.05, cost: 26000, los: 1, preventable: false },
  { id: "orthopaedic_elective", codes: [["M17.1", 3], ["M16.1", 3], ["M75.1", 2], ["M23.2", 2]],
    acute: Z, planned: [0, 1, 10, 14, 5], season: 0, cost: 58000, los: 1, preventable: false },
  { id: "surgery_elective", codes: [["K80.2", 3], ["K40.9", 2], ["N40", 2], ["H25.9", 3], ["J35.3", 1]],
    acute: Z, planned: [1, 4, 10, 12, 8], season: 0, cost: 30000, los: 0.8, preventable: false },
  { id: "follow_up", codes: [["Z09.8", 3], ["Z08.9", 2], ["Z01.8", 1]],
    acute: Z, planned: [6, 8, 10, 10, 10], season: 0, cost: 6000, los: 0.5, preventable: false },
  { id: "child_elective", codes: [["H65.3", 2], ["J35.1", 2], ["Q21.1", 1], ["K21.9", 1]],
    acute: Z, planned: [6, 6, 0, 0, 0], season: 0, cost: 15000, los: 0.6, preventable: false },
];

/** Childbirth codes (women 18–44; an acute contact generated from fertility, rates.ts). */
export const CHILDBIRTH_CODES: readonly (readonly [string, number])[] = [["O80.0", 7], ["O82.0", 2], ["O70.0", 1]];
export const CHILDBIRTH_COST = 28000;
