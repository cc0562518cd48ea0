import { parsePeriod, periodFromOrdinal, periodLabel as contractPeriodLabel, periodOrdinal } from "../contract/period.js";
import { EffectsError, EffectsMessage } from "./messages.js";

/** A period as given by the user: a month "YYYY-MM" or an integer month index. */
export type PeriodInput = string | number;

/** Parsed periods: a month index per input (months since year 0 for "YYYY-MM"), and the format. */
export interface ParsedPeriods {
  readonly index: number[];
  readonly kind: "month" | "index";
}

/** Month index of one period; "YYYY-MM" → year·12 + month − 1, integers as they are. */
export function periodIndex(fn: string, period: PeriodInput): { index: number; kind: "month" | "index" } {
  if (typeof period === "number") {
    if (!Number.isInteger(period)) throw new EffectsError("bad_period", EffectsMessage.badPeriod(fn, period));
    return { index: period, kind: "index" };
  }
  const p = parsePeriod(period);
  if (p !== null && p.kind === "month") return { index: periodOrdinal(p), kind: "month" };
  const digits = period.startsWith("-") ? period.slice(1) : period;
  if (digits.length > 0 && [...digits].every((c) => c >= "0" && c <= "9")) return { index: Number(period), kind: "index" };
  throw new EffectsError("bad_period", EffectsMessage.badPeriod(fn, period));
}

/** Parses a list of periods, requiring one form throughout. */
export function parsePeriods(fn: string, periods: readonly PeriodInput[]): ParsedPeriods {
  let kind: "month" | "index" | null = null;
  const index = periods.map((p) => {
    const r = periodIndex(fn, p);
    if (kind !== null && r.kind !== kind) throw new EffectsError("mixed_periods", EffectsMessage.mixedPeriods(fn));
    kind = r.kind;
    return r.index;
  });
  return { index, kind: kind ?? "index" };
}

/** Label of a month index: "YYYY-MM" for months, the integer as text otherwise. */
export function periodLabel(index: number, kind: "month" | "index"): string {
  return kind === "index" ? String(index) : contractPeriodLabel(periodFromOrdinal("month", index));
}

/** Month of year 0–11 (January = 0) of a month index; for integer indices, index mod 12. */
export function monthOfYear(index: number): number {
  return ((index % 12) + 12) % 12;
}
