/**
 * What the overview needs to know about a measure: which direction is better, the kind of value
 * (proportion, rate or amount) and its multiplier.
 *
 * Which direction is better comes from the indicator descriptor of the spread layer
 * (KNOWN_INDICATOR_INFO, by the id before any ":" part); an unknown indicator is "neutral" (no
 * improvement or concern is claimed). Kind and multiplier are read from the rows themselves, as
 * the spread layer's analysis series do: Wilson intervals mark a proportion, rows without
 * intervals an amount, others a rate; the multiplier is value ÷ (numerator/denominator) rounded to
 * a power of ten.
 */
import type { IndicatorRow } from "../indicators/index.js";
import type { ImprovementDirection } from "../spc/index.js";
import { KNOWN_INDICATOR_INFO, isKnownIndicator } from "../spread/index.js";

export type MeasureKind = "proportion" | "rate" | "amount";

export interface MeasureInfo {
  readonly improvement: ImprovementDirection;
  readonly kind: MeasureKind;
  readonly multiplier: number;
}

export function improvementOf(indicator: string): ImprovementDirection {
  const base = indicator.split(":")[0];
  return isKnownIndicator(base) ? KNOWN_INDICATOR_INFO[base].improvement : "neutral";
}

export function measureInfo(indicator: string, all: readonly IndicatorRow[]): MeasureInfo {
  const rows = all.filter((r) => !r.suppressed);
  let multiplier = 1;
  for (const r of rows) {
    if (r.value !== null && r.numerator !== null && r.denominator !== null && r.numerator > 0 && r.denominator > 0) {
      multiplier = 10 ** Math.round(Math.log10(r.value / (r.numerator / r.denominator)));
      break;
    }
  }
  const method = rows.find((r) => r.method)?.method ?? "";
  const kind: MeasureKind = method.startsWith("wilson") ? "proportion" : rows.every((r) => r.lower === null && r.upper === null) ? "amount" : "rate";
  return { improvement: improvementOf(indicator), kind, multiplier };
}
