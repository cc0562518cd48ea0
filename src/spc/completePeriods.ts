/**
 * Inserts the missing periods of a monthly, quarterly or yearly series as gaps (value, numerator
 * and denominator null — never zeros) and warns about them, so that every chart shows the gap and
 * no rule counts across it as if the periods were adjacent.
 *
 * Period labels: month "YYYY-MM", quarter "YYYY-Qn" (n = 1..4), year "YYYY". The series must be in
 * time order without duplicates; the first and last periods bound the completed series.
 *
 * @throws SpcError when a label does not match the kind, or the periods are not ascending
 * @example completePeriods([{ period: "2024-01", value: 3 }, { period: "2024-03", value: 4 }], "month")
 *   // => points 2024-01, 2024-02 (null), 2024-03; inserted ["2024-02"]; one warning
 */
import type { SpcInputPoint } from "./spcInput.js";
import { spcMessages } from "./messages.js";
import { SpcError } from "./spcError.js";

export type SpcPeriodKind = "month" | "quarter" | "year";

export interface CompletedPeriods {
  readonly points: SpcInputPoint[];
  readonly inserted: readonly string[];
  readonly warnings: readonly string[];
}

const FORMATS: Record<SpcPeriodKind, { re: RegExp; expected: string; perYear: number }> = {
  month: { re: /^(\d{4})-(0[1-9]|1[0-2])$/, expected: '"YYYY-MM", e.g. "2024-03"', perYear: 12 },
  quarter: { re: /^(\d{4})-Q([1-4])$/, expected: '"YYYY-Qn", e.g. "2024-Q1"', perYear: 4 },
  year: { re: /^(\d{4})$/, expected: '"YYYY", e.g. "2024"', perYear: 1 },
};

function ordinal(kind: SpcPeriodKind, period: string): number {
  const f = FORMATS[kind];
  const m = f.re.exec(period);
  if (!m) throw new SpcError("unknownPeriodFormat", spcMessages.unknownPeriodFormat("completePeriods", kind, period, f.expected));
  const year = Number(m[1]);
  return kind === "year" ? year : year * f.perYear + (Number(m[2]) - 1);
}

function label(kind: SpcPeriodKind, ord: number): string {
  if (kind === "year") return String(ord);
  const per = FORMATS[kind].perYear;
  const year = Math.floor(ord / per);
  const sub = (ord % per) + 1;
  return kind === "month" ? `${year}-${String(sub).padStart(2, "0")}` : `${year}-Q${sub}`;
}

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
