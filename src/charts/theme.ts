/**
 * The chart theme: colour-blind-safe colours, the shipped font, and the vega-lite `config`
 * (font + locale + quiet defaults) shared by every builder.
 */
import { chartLocale, type ChartLang } from "./locale.js";

/** Font family of every text on a chart; the TTF ships in the `dejavu-fonts-ttf` package. */
export const CHART_FONT = "DejaVu Sans";

/**
 * Okabe–Ito palette (Okabe & Ito 2008, "Color Universal Design"), distinguishable with the
 * common colour-vision deficiencies. Black first is left out of categorical use.
 */
export const OKABE_ITO = {
  black: "#000000",
  orange: "#E69F00",
  skyBlue: "#56B4E9",
  bluishGreen: "#009E73",
  yellow: "#F0E442",
  blue: "#0072B2",
  vermillion: "#D55E00",
  reddishPurple: "#CC79A7",
} as const;

/** Categorical order used for series (clusters, bases, sexes). */
export const CATEGORY_COLOURS: readonly string[] = [
  OKABE_ITO.blue,
  OKABE_ITO.orange,
  OKABE_ITO.bluishGreen,
  OKABE_ITO.reddishPurple,
  OKABE_ITO.skyBlue,
  OKABE_ITO.vermillion,
  OKABE_ITO.yellow,
];

/**
 * SPC signal colours of Making Data Count, as in NHSRplotthedots `ptd_spc_colours()`
 * (special_cause_improvement "#289de0" blue, special_cause_concern "#fab428" orange,
 * common_cause "#7b7d7d" grey). A special cause where no direction is better is dark grey.
 */
export const SPC_COLOURS = {
  improvement: "#289de0",
  concern: "#fab428",
  neutral: "#3d3d3d",
  common: "#a6a6a6",
  line: "#4d4d4d",
  centre: "#231f20",
  limits: "#7b7d7d",
} as const;

/** Greys for neutral marks, reference lines, suppressed cells and footnotes. */
export const GREYS = {
  text: "#222222",
  footnote: "#555555",
  reference: "#555555",
  grid: "#e5e5e5",
  suppressed: "#d9d9d9",
  suppressedText: "#595959",
} as const;

/** Sequential scheme for counts (colour-blind safe, perceptually ordered). */
export const SEQUENTIAL_SCHEME = "blues";

/** Plot widths (CSS px of the chart body) for the two print presets. */
export const CHART_WIDTHS = { page: 560, column: 300 } as const;
export type ChartSize = keyof typeof CHART_WIDTHS;

/**
 * The vega-lite `config` of every klynge chart: the shipped font everywhere, the locale (number and
 * time together), left-anchored titles, and no view border.
 */
export function chartConfig(lang: ChartLang = "da"): Record<string, unknown> {
  const locale = chartLocale(lang);
  return {
    font: CHART_FONT,
    locale: {
      number: { ...locale.number, grouping: [...locale.number.grouping], currency: [...locale.number.currency] },
      time: {
        ...locale.time,
        periods: [...locale.time.periods],
        days: [...locale.time.days],
        shortDays: [...locale.time.shortDays],
        months: [...locale.time.months],
        shortMonths: [...locale.time.shortMonths],
      },
    },
    background: "white",
    padding: 8,
    view: { stroke: null },
    title: { anchor: "start", fontSize: 14, subtitleFontSize: 11, subtitleColor: GREYS.footnote, color: GREYS.text, offset: 8 },
    axis: { labelFontSize: 10, titleFontSize: 10, titleFontWeight: "normal", labelColor: GREYS.text, titleColor: GREYS.text, gridColor: GREYS.grid },
    legend: { labelFontSize: 10, titleFontSize: 10, titleFontWeight: "normal", labelLimit: 260 },
    header: { labelFontSize: 10, titleFontSize: 10 },
    range: { category: [...CATEGORY_COLOURS] },
    concat: { spacing: 16 },
  };
}
