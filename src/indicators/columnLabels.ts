/**
 * Header labels of the tidy indicator table (IndicatorRow) in Danish and English, for exports
 * read by people (the Danish Excel CSV of `klynge indicators --excel`). Column names stay the
 * stable English identifiers in every machine-readable export.
 */

export const INDICATOR_COLUMN_LABELS = {
  da: {
    indicator: "indikator",
    level: "niveau",
    unit: "enhed",
    period: "periode",
    group: "gruppe",
    sex: "køn",
    numerator: "tæller",
    denominator: "nævner",
    value: "værdi",
    lower: "nedre grænse",
    upper: "øvre grænse",
    method: "metode",
    suppressed: "undertrykt",
    note: "note",
    std_value: "standardiseret værdi",
    std_lower: "standardiseret nedre grænse",
    std_upper: "standardiseret øvre grænse",
    std_method: "standardiseringsmetode",
    isr_value: "ISR",
    isr_lower: "ISR nedre grænse",
    isr_upper: "ISR øvre grænse",
    isr_expected: "forventet antal (ISR)",
    std_note: "note om standardisering",
  },
  en: {
    indicator: "indicator",
    level: "level",
    unit: "unit",
    period: "period",
    group: "group",
    sex: "sex",
    numerator: "numerator",
    denominator: "denominator",
    value: "value",
    lower: "lower limit",
    upper: "upper limit",
    method: "method",
    suppressed: "suppressed",
    note: "note",
    std_value: "standardised value",
    std_lower: "standardised lower limit",
    std_upper: "standardised upper limit",
    std_method: "standardisation method",
    isr_value: "ISR",
    isr_lower: "ISR lower limit",
    isr_upper: "ISR upper limit",
    isr_expected: "expected count (ISR)",
    std_note: "standardisation note",
  },
} as const satisfies Record<"da" | "en", Record<string, string>>;

/** Words for the suppressed flag in a table for people. */
export const INDICATOR_BOOLEAN_WORDS = { da: ["ja", "nej"], en: ["yes", "no"] } as const satisfies Record<"da" | "en", readonly [string, string]>;

/**
 * The columns of the indicator table in their fixed order (the same with or without rows).
 * @example indicatorColumns(false) // the tidy columns of an IndicatorRow, in order
 */
export function indicatorColumns(standardised: boolean): readonly string[] {
  const base = ["indicator", "level", "unit", "period", "group", "sex", "numerator", "denominator", "value", "lower", "upper", "method", "suppressed", "note"];
  return standardised ? [...base, "std_value", "std_lower", "std_upper", "std_method", "isr_value", "isr_lower", "isr_upper", "isr_expected", "std_note"] : base;
}
