/**
 * The one period type of klynge. A period is a calendar year, half-year, quarter or month;
 * its label (the `period` column of every tidy table) is "2019", "2019-H1", "2019-Q1" or
 * "2019-01". This file is the only place that reads or writes such a label: every layer parses
 * with {@link parsePeriod} and works on the parsed value (kind, ordinal, first and last day).
 *
 * @example
 *   const q = parsePeriod("2019-Q4");          // { kind: "quarter", year: 2019, part: 4 }
 *   periodLabel(nextPeriod(q!));               // "2020-Q1"
 *   formatPeriod(q!, "da");                    // "4. kvt. 2019"
 *   periodContains(parsePeriod("2019")!, q!);  // true
 */
import type { Lang } from "./note.js";
import { daysFromCivil, daysInMonth, formatDay } from "./time.js";

/** Kinds of period, from the coarsest to the finest. */
export const PERIOD_KINDS = ["year", "half", "quarter", "month"] as const;
export type PeriodKind = (typeof PERIOD_KINDS)[number];

/** A calendar period: `part` is the half (1–2), quarter (1–4) or month (1–12) within the year; 1 for a year. */
export interface Period {
  readonly kind: PeriodKind;
  readonly year: number;
  readonly part: number;
}

/** Periods of each kind in a year. */
export const PERIODS_PER_YEAR: Readonly<Record<PeriodKind, number>> = { year: 1, half: 2, quarter: 4, month: 12 };

/** Months in one period of each kind. */
export const MONTHS_PER_PERIOD: Readonly<Record<PeriodKind, number>> = { year: 12, half: 6, quarter: 3, month: 1 };

/** How a label of each kind is written, for messages and schemas. */
export const PERIOD_LABEL_EXAMPLE: Readonly<Record<PeriodKind, string>> = {
  year: '"YYYY", e.g. "2024"',
  half: '"YYYY-Hn", e.g. "2024-H1"',
  quarter: '"YYYY-Qn", e.g. "2024-Q1"',
  month: '"YYYY-MM", e.g. "2024-03"',
};

/** JSON-schema pattern of a period label of the given kinds (for generated schemas only; parse with {@link parsePeriod}). */
export function periodPattern(kinds: readonly PeriodKind[] = PERIOD_KINDS): string {
  const tails: string[] = [];
  if (kinds.includes("half")) tails.push("-H[12]");
  if (kinds.includes("quarter")) tails.push("-Q[1-4]");
  if (kinds.includes("month")) tails.push("-(0[1-9]|1[0-2])");
  const tail = tails.length === 0 ? "" : `(${tails.join("|")})`;
  return kinds.includes("year") ? `^\\d{4}${tail}${tail === "" ? "" : "?"}$` : `^\\d{4}${tail}$`;
}

const digit = (c: number): number => (c >= 48 && c <= 57 ? c - 48 : -1);

/**
 * The period of a label, or null when the text is not one ("2019", "2019-H2", "2019-Q3", "2019-07").
 * @example parsePeriod("2019-Q3") // { kind: "quarter", year: 2019, part: 3 }
 */
export function parsePeriod(label: string): Period | null {
  if (typeof label !== "string") return null;
  const n = label.length;
  if (n !== 4 && n !== 7) return null;
  let year = 0;
  for (let i = 0; i < 4; i++) {
    const d = digit(label.charCodeAt(i));
    if (d < 0) return null;
    year = year * 10 + d;
  }
  if (n === 4) return { kind: "year", year, part: 1 };
  if (label[4] !== "-") return null;
  const c = label[5];
  if (c === "H" || c === "Q") {
    const part = digit(label.charCodeAt(6));
    const kind: PeriodKind = c === "H" ? "half" : "quarter";
    return part >= 1 && part <= PERIODS_PER_YEAR[kind] ? { kind, year, part } : null;
  }
  const a = digit(label.charCodeAt(5));
  const b = digit(label.charCodeAt(6));
  if (a < 0 || b < 0) return null;
  const month = a * 10 + b;
  return month >= 1 && month <= 12 ? { kind: "month", year, part: month } : null;
}

/** The period of a label already validated at the boundary; throws a RangeError naming the text when it is not a period. */
export function periodOf(label: string): Period {
  const p = parsePeriod(label);
  if (p === null) throw new RangeError(`${JSON.stringify(label)} is not a period label ("2019", "2019-H1", "2019-Q1" or "2019-01")`);
  return p;
}

/** The kind of a period label, or null when it is none. */
export function periodKindOf(label: string): PeriodKind | null {
  return parsePeriod(label)?.kind ?? null;
}

/**
 * The label of a period: "2019", "2019-H1", "2019-Q1", "2019-01".
 * @example periodLabel({ kind: "month", year: 2019, part: 7 }) // "2019-07"
 */
export function periodLabel(p: Period): string {
  const y = String(p.year).padStart(4, "0");
  switch (p.kind) {
    case "year":
      return y;
    case "half":
      return `${y}-H${p.part}`;
    case "quarter":
      return `${y}-Q${p.part}`;
    case "month":
      return `${y}-${String(p.part).padStart(2, "0")}`;
  }
}

/** A period from its parts; throws on a part outside the year. */
export function makePeriod(kind: PeriodKind, year: number, part = 1): Period {
  if (!Number.isInteger(year) || !Number.isInteger(part) || part < 1 || part > PERIODS_PER_YEAR[kind]) {
    throw new RangeError(`makePeriod: ${kind} ${part} of ${year} does not exist`);
  }
  return { kind, year, part };
}

/** Position on the time line within the kind: year·n + part − 1 (n periods a year); consecutive periods differ by 1. */
export function periodOrdinal(p: Period): number {
  return p.year * PERIODS_PER_YEAR[p.kind] + p.part - 1;
}

/** Inverse of {@link periodOrdinal}. */
export function periodFromOrdinal(kind: PeriodKind, ordinal: number): Period {
  const n = PERIODS_PER_YEAR[kind];
  const year = Math.floor(ordinal / n);
  return { kind, year, part: ordinal - year * n + 1 };
}

/** The period `steps` later (earlier when negative) of the same kind. */
export function nextPeriod(p: Period, steps = 1): Period {
  return periodFromOrdinal(p.kind, periodOrdinal(p) + steps);
}

/** The period before. */
export function previousPeriod(p: Period, steps = 1): Period {
  return nextPeriod(p, -steps);
}

/** First month (1–12) of a period. */
export function periodFirstMonth(p: Period): number {
  return (p.part - 1) * MONTHS_PER_PERIOD[p.kind] + 1;
}

/** Last month (1–12) of a period. */
export function periodLastMonth(p: Period): number {
  return p.part * MONTHS_PER_PERIOD[p.kind];
}

/** The period of a kind that holds a month (1–12) of a year: `periodOfMonth("quarter", 2019, 8)` is 2019-Q3. */
export function periodOfMonth(kind: PeriodKind, year: number, month: number): Period {
  return { kind, year, part: Math.floor((month - 1) / MONTHS_PER_PERIOD[kind]) + 1 };
}

/** The coarser period that holds a period (`coarser` must be no finer than `p`'s kind). */
export function enclosingPeriod(p: Period, coarser: PeriodKind): Period {
  return periodOfMonth(coarser, p.year, periodFirstMonth(p));
}

/** True when every day of `inner` lies in `outer`. */
export function periodContains(outer: Period, inner: Period): boolean {
  return (
    outer.year === inner.year && periodFirstMonth(inner) >= periodFirstMonth(outer) && periodLastMonth(inner) <= periodLastMonth(outer)
  );
}

/** Same kind, year and part. */
export function samePeriod(a: Period, b: Period): boolean {
  return a.kind === b.kind && a.year === b.year && a.part === b.part;
}

/** Time order: by first day, then the longer period first. */
export function comparePeriods(a: Period, b: Period): number {
  return periodFirstDay(a) - periodFirstDay(b) || MONTHS_PER_PERIOD[b.kind] - MONTHS_PER_PERIOD[a.kind];
}

/** First day of a period (days since 1970-01-01). */
export function periodFirstDay(p: Period): number {
  return daysFromCivil(p.year, periodFirstMonth(p), 1);
}

/** Last day of a period (days since 1970-01-01). */
export function periodLastDay(p: Period): number {
  const m = periodLastMonth(p);
  return daysFromCivil(p.year, m, daysInMonth(p.year, m));
}

/** First day as ISO text YYYY-MM-DD. */
export function periodStartDate(p: Period): string {
  return formatDay(periodFirstDay(p));
}

/** Last day as ISO text YYYY-MM-DD. */
export function periodEndDate(p: Period): string {
  return formatDay(periodLastDay(p));
}

/** Days in a period. */
export function periodDays(p: Period): number {
  return periodLastDay(p) - periodFirstDay(p) + 1;
}


const MONTH_NAMES: Readonly<Record<Lang, readonly string[]>> = {
  da: ["jan.", "feb.", "mar.", "apr.", "maj", "jun.", "jul.", "aug.", "sep.", "okt.", "nov.", "dec."],
  en: ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"],
};

/**
 * A period as readers see it: da "2019", "1. halvår 2019", "3. kvt. 2019", "jul. 2019";
 * en "2019", "H1 2019", "Q3 2019", "Jul 2019".
 * @example formatPeriod(parsePeriod("2019-Q3")!, "da") // "3. kvt. 2019"
 */
export function formatPeriod(p: Period, lang: Lang = "da"): string {
  switch (p.kind) {
    case "year":
      return String(p.year);
    case "half":
      return lang === "da" ? `${p.part}. halvår ${p.year}` : `H${p.part} ${p.year}`;
    case "quarter":
      return lang === "da" ? `${p.part}. kvt. ${p.year}` : `Q${p.part} ${p.year}`;
    case "month":
      return `${MONTH_NAMES[lang][p.part - 1]} ${p.year}`;
  }
}

/** A label formatted for readers; text that is not a period label is returned unchanged. */
export function formatPeriodLabel(label: string, lang: Lang = "da"): string {
  const p = parsePeriod(label);
  return p === null ? label : formatPeriod(p, lang);
}

/** A span of periods for readers: "2016–2023", "1. kvt. 2019–4. kvt. 2020"; one period when first equals last. */
export function formatPeriodSpan(first: Period, last: Period, lang: Lang = "da"): string {
  return samePeriod(first, last) ? formatPeriod(first, lang) : `${formatPeriod(first, lang)}–${formatPeriod(last, lang)}`;
}
