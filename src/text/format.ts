/**
 * Numbers, lists and dates as readers see them: Danish by default (decimal comma, thousands
 * point, "−" for minus), English on request. Used by the text catalogue and the charts.
 */
import type { Lang } from "../contract/note.js";
import { formatPeriod, parsePeriod } from "../contract/period.js";
import { civilFromDays } from "../contract/time.js";

const SEPARATORS: Readonly<Record<Lang, { decimal: string; thousands: string }>> = {
  da: { decimal: ",", thousands: "." },
  en: { decimal: ".", thousands: "," },
};

/**
 * A number with at most `maximumFractionDigits` decimals (trailing zeros dropped).
 * @example formatNumber(1234.56, "da", 1) // "1.234,6";  formatNumber(-0.5, "en") // "−0.5"
 */
export function formatNumber(value: number, lang: Lang = "da", maximumFractionDigits = 1): string {
  const sep = SEPARATORS[lang];
  const fixed = Math.abs(value).toFixed(maximumFractionDigits);
  let [int, frac] = fixed.split(".");
  if (frac !== undefined) frac = frac.replace(/0+$/, "");
  int = int.replace(/\B(?=(\d{3})+(?!\d))/g, sep.thousands);
  const sign = value < 0 && Number(fixed) !== 0 ? "−" : "";
  return sign + int + (frac ? sep.decimal + frac : "");
}

/** A list of names: "A, B og C" (da) / "A, B and C" (en). */
export function formatList(items: readonly string[], lang: Lang = "da"): string {
  if (items.length <= 1) return items.join("");
  return `${items.slice(0, -1).join(", ")} ${lang === "da" ? "og" : "and"} ${items[items.length - 1]}`;
}

const MONTHS: Readonly<Record<Lang, readonly string[]>> = {
  da: ["januar", "februar", "marts", "april", "maj", "juni", "juli", "august", "september", "oktober", "november", "december"],
  en: ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"],
};

/**
 * A period label in words for a sentence: a month with its full name ("juni 2023", "June 2023"),
 * other kinds as formatPeriod ("1. halvår 2023", "2023"); a label that is not a period as given.
 * @example formatPeriodWords("2023-06", "da") // "juni 2023"
 */
export function formatPeriodWords(label: string, lang: Lang = "da"): string {
  const p = parsePeriod(label);
  if (p === null) return label;
  return p.kind === "month" ? `${MONTHS[lang][p.part - 1]} ${p.year}` : formatPeriod(p, lang);
}

/**
 * A day (days since 1970-01-01) in words: "5. december 2026" (da), "5 December 2026" (en).
 * @example formatDate(daysFromCivil(2026, 12, 5), "da") // "5. december 2026"
 */
export function formatDate(day: number, lang: Lang = "da"): string {
  const [y, m, d] = civilFromDays(day);
  return lang === "da" ? `${d}. ${MONTHS.da[m - 1]} ${y}` : `${d} ${MONTHS.en[m - 1]} ${y}`;
}
