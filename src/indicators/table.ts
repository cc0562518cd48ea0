/** The tidy indicator table: one row per indicator × level × unit × period × group × sex. */

export const Level = { region: "region", cluster: "cluster", municipality: "municipality" } as const;
export type Level = keyof typeof Level;

/** Period kinds the indicator engine computes (the contract's Period also has half-years, as given in experience files). */
export type IndicatorPeriodKind = "year" | "quarter" | "month";

export interface IndicatorRow {
  /** Indicator id, e.g. "admission_rate", "readmission_30d". */
  readonly indicator: string;
  readonly level: Level;
  /** Region name, cluster name, or municipality code as text. */
  readonly unit: string;
  /** Period label ("2019", "2019-Q1", "2019-01"; experience files may give "2019-H1"); read it with `parsePeriod` (contract). */
  readonly period: string;
  /** Population group: "0-2", "65+", "all", or a user band like "0-17". */
  readonly group: string;
  readonly sex: "all" | "F" | "M";
  readonly numerator: number | null;
  readonly denominator: number | null;
  readonly value: number | null;
  readonly lower: number | null;
  readonly upper: number | null;
  /** Method of the interval, e.g. "wilson", "byars", "exact-poisson". */
  readonly method: string;
  readonly suppressed: boolean;
  /** Directly standardised value and interval, where asked. */
  readonly std_value?: number | null;
  readonly std_lower?: number | null;
  readonly std_upper?: number | null;
  readonly std_method?: string;
  /** Indirectly standardised ratio (observed/expected against the region, by sex and 5-year age band), where asked. */
  readonly isr_value?: number | null;
  readonly isr_lower?: number | null;
  readonly isr_upper?: number | null;
  readonly isr_expected?: number | null;
  /** Why a standardised value is missing (e.g. fewer than 10 events). */
  readonly std_note?: string;
  readonly note?: string;
}
