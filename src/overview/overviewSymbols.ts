/**
 * The overview's symbols: each signal is a shape that reads in black and white — filled for
 * improvement, hollow for concern, pointing up for high and down for low, a circle for common
 * cause — and the colour (Making Data Count blue and orange) only repeats what the shape says.
 * Assurance: ✔ met every time, ✘ missed without a change, ≈ hit and miss. Funnel position: arrows,
 * doubled beyond 99.8 %. Every glyph is in DejaVu Sans, the font the charts ship with.
 */
import type { AssuranceSignal } from "../spc/assuranceSignal.js";
import type { VariationSignal } from "../spc/variationSignal.js";
import type { FunnelPosition, VariationGap } from "./overviewTypes.js";

/** How a symbol is coloured: improvement (blue), concern (orange), neutral (dark grey), common (grey), none. */
export type SymbolTone = "improvement" | "concern" | "neutral" | "common" | "none";

export const VARIATION_SYMBOLS: Readonly<Record<VariationSignal, { readonly glyph: string; readonly tone: SymbolTone }>> = {
  common_cause: { glyph: "○", tone: "common" },
  improvement_high: { glyph: "▲", tone: "improvement" },
  improvement_low: { glyph: "▼", tone: "improvement" },
  concern_high: { glyph: "△", tone: "concern" },
  concern_low: { glyph: "▽", tone: "concern" },
  neutral_high: { glyph: "◇↑", tone: "neutral" },
  neutral_low: { glyph: "◇↓", tone: "neutral" },
  neutral: { glyph: "◇", tone: "neutral" },
};

export const VARIATION_GAP_SYMBOL: Readonly<Record<VariationGap, string>> = { too_few_points: "–", no_series: "–" };

export const ASSURANCE_SYMBOLS: Readonly<Record<AssuranceSignal, { readonly glyph: string; readonly tone: SymbolTone }>> = {
  consistent_pass: { glyph: "✔", tone: "improvement" },
  consistent_fail: { glyph: "✘", tone: "concern" },
  inconsistent: { glyph: "≈", tone: "common" },
  not_assessable: { glyph: "?", tone: "none" },
};

export const FUNNEL_SYMBOLS: Readonly<Record<FunnelPosition, string>> = {
  above_998: "↑↑",
  above_95: "↑",
  within: "·",
  below_95: "↓",
  below_998: "↓↓",
};
