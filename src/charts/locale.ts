/**
 * Number and time locales for charts, set TOGETHER in a vega-lite spec's `config.locale`
 * ({ number, time }) so that a Danish chart never mixes a decimal comma with English months.
 *
 * Values are copied verbatim from the locale files that ship with vega's own formatting libraries:
 * - d3-format 3.1.3, `locale/da-DK.json` and `locale/en-US.json` (number);
 * - d3-time-format 4.1.1, `locale/da-DK.json` and `locale/en-US.json` (time).
 * Embedding them keeps builders synchronous and free of file reads.
 */
import { formatNumber } from "../text/format.js";

/** Chart language: Danish (the default) or English. */
export const ChartLang = { da: "da", en: "en" } as const;
export type ChartLang = keyof typeof ChartLang;

/** The d3-format locale definition (vega-lite `config.locale.number`). */
export interface ChartNumberLocale {
  readonly decimal: string;
  readonly thousands: string;
  readonly grouping: readonly number[];
  readonly currency: readonly [string, string];
}

/** The d3-time-format locale definition (vega-lite `config.locale.time`). */
export interface ChartTimeLocale {
  readonly dateTime: string;
  readonly date: string;
  readonly time: string;
  readonly periods: readonly [string, string];
  /** Sunday first, as in d3. */
  readonly days: readonly string[];
  readonly shortDays: readonly string[];
  readonly months: readonly string[];
  readonly shortMonths: readonly string[];
}

export interface ChartLocale {
  readonly number: ChartNumberLocale;
  readonly time: ChartTimeLocale;
}

// d3-format 3.1.3 locale/da-DK.json; d3-time-format 4.1.1 locale/da-DK.json
const DA: ChartLocale = {
  number: { decimal: ",", thousands: ".", grouping: [3], currency: ["", " kr"] },
  time: {
    dateTime: "%A den %d %B %Y %X",
    date: "%d-%m-%Y",
    time: "%H:%M:%S",
    periods: ["AM", "PM"],
    days: ["søndag", "mandag", "tirsdag", "onsdag", "torsdag", "fredag", "lørdag"],
    shortDays: ["søn", "man", "tir", "ons", "tor", "fre", "lør"],
    months: ["januar", "februar", "marts", "april", "maj", "juni", "juli", "august", "september", "oktober", "november", "december"],
    shortMonths: ["jan", "feb", "mar", "apr", "maj", "jun", "jul", "aug", "sep", "okt", "nov", "dec"],
  },
};

// d3-format 3.1.3 locale/en-US.json; d3-time-format 4.1.1 locale/en-US.json
const EN: ChartLocale = {
  number: { decimal: ".", thousands: ",", grouping: [3], currency: ["$", ""] },
  time: {
    dateTime: "%x, %X",
    date: "%-m/%-d/%Y",
    time: "%-I:%M:%S %p",
    periods: ["AM", "PM"],
    days: ["Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"],
    shortDays: ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"],
    months: ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"],
    shortMonths: ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"],
  },
};

/**
 * The vega-lite `config.locale` for a chart language (number AND time).
 * Source: d3-format / d3-time-format `locale/da-DK.json` and `locale/en-US.json`.
 * @example chartLocale("da").number.decimal // ","
 */
export function chartLocale(lang: ChartLang = "da"): ChartLocale {
  return lang === "en" ? EN : DA;
}

/**
 * Weekday name for klynge's weekday numbers (0 = Monday … 6 = Sunday, ISO order, as in
 * src/contract/time.ts), taken from the time locale (which lists Sunday first).
 */
export function weekdayName(weekday: number, lang: ChartLang = "da", short = false): string {
  const t = chartLocale(lang).time;
  const names = short ? t.shortDays : t.days;
  return names[(weekday + 1) % 7];
}

/** A number for a chart label in the chart's language: the one formatter of the text catalogue (text/format.ts). */
export const formatChartNumber = formatNumber;
