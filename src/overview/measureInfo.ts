/**
 * What the overview needs to know about a measure: which direction is better, the kind of value
 * (proportion, rate or amount) and its multiplier — read from the indicator descriptor
 * (src/indicators/descriptor.ts, by the id or its family), never worked out again here. An
 * indicator klynge has no descriptor for (a user's own) takes kind and multiplier from its rows
 * (ownIndicatorDescriptor) and is "neutral": no improvement or concern is claimed for it.
 * A ratio (observed/expected) is shown as a rate.
 */
import type { IndicatorRow } from "../indicators/index.js";
import { describeIndicator, ownIndicatorDescriptor } from "../indicators/descriptor.js";
import type { ImprovementDirection } from "../spc/index.js";
import type { MeasureValueKind } from "../text/measureWords.js";

export type MeasureKind = MeasureValueKind;

export interface MeasureInfo {
  readonly improvement: ImprovementDirection;
  readonly kind: MeasureKind;
  readonly multiplier: number;
}


export function measureInfo(indicator: string, all: readonly IndicatorRow[]): MeasureInfo {
  const described = describeIndicator(indicator);
  const { kind, multiplier } = described ?? ownIndicatorDescriptor(all.filter((r) => !r.suppressed));
  return { improvement: described?.better ?? "neutral", kind: kind === "ratio" ? "rate" : kind, multiplier };
}
