/**
 * Inserts the missing periods of a monthly, quarterly or yearly series as gaps (value, numerator
 * and denominator null — never zeros) and warns about them, so that every chart shows the gap and
 * no rule counts across it as if the periods were adjacent.
 *
 * Period labels as read by the contract's Period (month "YYYY-MM", quarter "YYYY-Qn", half "YYYY-Hn", year "YYYY"). The series must be in
 * time order without duplicates; the first and last periods bound the completed series.
 *
 * @throws SpcError when a label does not match the kind, or the periods are not ascending
 * @example completePeriods([{ period: "2024-01", value: 3 }, { period: "2024-03", value: 4 }], "month")
 *   // => points 2024-01, 2024-02 (null), 2024-03; inserted ["2024-02"]; one warning
 */
import { PERIOD_LABEL_EXAMPLE, parsePeriod, periodFromOrdinal, periodLabel, periodOrdinal, type PeriodKind } from "../contract/period.js";
import type { SpcInputPoint } from "./spcInput.js";
import { spcMessages, type SpcNote } from "./messages.js";
import { SpcError } from "./spcError.js";

/** Kinds of series completePeriods fills (half-years too). */
export type SpcPeriodKind = PeriodKind;

export interface CompletedPeriods {
  readonly points: SpcInputPoint[];
  readonly inserted: readonly string[];
  readonly warnings: readonly SpcNote[];
}

function ordinal(kind: SpcPeriodKind, period: string): number {
  const p = parsePeriod(period);
  if (p === null || p.kind !== kind) {
    throw new SpcError("unknownPeriodFormat", spcMessages.unknownPeriodFormat("completePeriods", kind, period, PERIOD_LABEL_EXAMPLE[kind]));
  }
  return periodOrdinal(p);
}

const label = (kind: SpcPeriodKind, ord: number): string => periodLabel(periodFromOrdinal(kind, ord));

/**
 * Fill in the missing periods of a month, quarter or year series (value null), in order.
 * @example completePeriods([{ period: "2024-01", value: 3 }, { period: "2024-03", value: 5 }], "month").points // 2024-02 added with value null
 */
export function completePeriods(points: readonly SpcInputPoint[], kind: SpcPeriodKind): CompletedPeriods {
  const out: SpcInputPoint[] = [];
  const inserted: string[] = [];
  let prev: number | null = null;
  let prevLabel = "";
  for (const p of points) {
    const ord = ordinal(kind, p.period);
    if (prev !== null) {
      if (ord <= prev) throw new SpcError("periodsNotAscending", spcMessages.periodsNotAscending("completePeriods", prevLabel, p.period));
      for (let o = prev + 1; o < ord; o++) {
        const gap = label(kind, o);
        inserted.push(gap);
        out.push({ period: gap, value: null, numerator: null, denominator: null });
      }
    }
    out.push(p);
    prev = ord;
    prevLabel = p.period;
  }
  return { points: out, inserted, warnings: inserted.length > 0 ? [spcMessages.insertedGaps(inserted)] : [] };
}
