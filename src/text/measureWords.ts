/**
 * A measure in words, for the first page (key messages, overview chart and table): its short name
 * and group ("akutte genindlæggelser inden for 30 dage (65+ år)"), its label with the unit of its
 * values, and a value on its scale ("14,2 %", "121,3 pr. 1.000", "34.512 kr."). The words are
 * the catalogue's ("ov." keys of overviewTexts.ts); numbers keep their decimals ("0,70").
 *
 * @example
 *   measureName("readmission_30d", "65+", "da")                  // "akutte genindlæggelser inden for 30 dage (65+ år)"
 *   formatMeasureValue(14.2, "proportion", 100, "da")            // "14,2 %"
 */
import type { Lang } from "../contract/note.js";
import { isTextKey, text } from "./catalogue.js";

/** The kind of a measure's values as the first page shows them (a ratio is shown as a rate). */
export type MeasureValueKind = "proportion" | "rate" | "amount";

const SEPARATORS: Readonly<Record<Lang, { decimal: string; thousands: string }>> = {
  da: { decimal: ",", thousands: "." },
  en: { decimal: ".", thousands: "," },
};

/** A number with exactly `decimals` decimals (trailing zeros kept: "0,70"), "−" for minus. */
export function fixedNumber(value: number, lang: Lang, decimals: number): string {
  const sep = SEPARATORS[lang];
  const fixed = Math.abs(value).toFixed(decimals);
  const [int, frac] = fixed.split(".");
  const sign = value < 0 && Number(fixed) !== 0 ? "−" : "";
  return sign + int.replace(/\B(?=(\d{3})+(?!\d))/g, sep.thousands) + (frac ? sep.decimal + frac : "");
}

/** A share as a percentage with its sign: "29 %" (da), "29%" (en). */
export function percentText(value: number, lang: Lang, decimals = 0): string {
  return text(lang, "ov.v.percent", { v: fixedNumber(value, lang, decimals) });
}

/** A value on a measure's scale with its unit: "14,2 %", "121,3 pr. 1.000", "34.512 kr.". */
export function formatMeasureValue(value: number, kind: MeasureValueKind, multiplier: number, lang: Lang): string {
  if (kind === "amount") return text(lang, "ov.v.amount", { v: fixedNumber(value, lang, 0) });
  if (kind === "proportion" && multiplier === 100) return text(lang, "ov.v.percent", { v: fixedNumber(value, lang, 1) });
  if (kind === "proportion" && multiplier === 1) return text(lang, "ov.v.percent", { v: fixedNumber(value * 100, lang, 1) });
  if (multiplier === 1000) return text(lang, "ov.v.per1000", { v: fixedNumber(value, lang, 1) });
  return text(lang, "ov.v.per", { v: fixedNumber(value, lang, 1), m: fixedNumber(multiplier, lang, 0) });
}

/** A value on a measure's scale without its unit (the unit is in the measure's label): "14,2", "12.826". */
export function formatMeasureNumber(value: number, kind: MeasureValueKind, multiplier: number, lang: Lang): string {
  if (kind === "amount") return fixedNumber(value, lang, 0);
  return fixedNumber(kind === "proportion" && multiplier === 1 ? value * 100 : value, lang, 1);
}

function shortName(indicator: string, lang: Lang): string {
  const exact = `ov.n.${indicator}`;
  const base = `ov.n.${indicator.split(":")[0]}`;
  return isTextKey(exact) ? text(lang, exact) : isTextKey(base) ? text(lang, base) : indicator;
}

function groupName(group: string, lang: Lang): string {
  const g = `ov.g.${group}`;
  return isTextKey(g) ? text(lang, g) : group;
}

/** "akutte genindlæggelser inden for 30 dage (65+ år)": the measure's short name and its group. */
export function measureName(indicator: string, group: string, lang: Lang): string {
  return text(lang, "ov.measure", { name: shortName(indicator, lang), group: groupName(group, lang) });
}

/** "indlæggelser, pr. 1.000 (alle aldre)": the measure's short name, the unit of its values and its group. */
export function measureLabel(indicator: string, group: string, kind: MeasureValueKind, multiplier: number, lang: Lang): string {
  const unit =
    kind === "amount"
      ? text(lang, "ov.unit.amount")
      : kind === "proportion"
        ? text(lang, "ov.unit.percent")
        : multiplier === 1000
          ? text(lang, "ov.unit.per1000")
          : text(lang, "ov.unit.per", { m: fixedNumber(multiplier, lang, 0) });
  return text(lang, "ov.measureUnit", { name: shortName(indicator, lang), unit, group: groupName(group, lang) });
}
