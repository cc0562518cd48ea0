/**
 * Rows an extract cannot answer say so instead of printing zeros or "not given" (issue 17): when
 * the load report says the referral source cannot be answered (contract/dataset.ts CannotAnswer),
 * the referral tables' rows (`who_referral…`, `frequent_referral…`) get no counts and the note
 * "kan ikke besvares med dette udtræk: …". Applied after suppression, so the disclosure engine
 * decides on the true counts and nothing here can reveal one. An optional input that is not given
 * (adverse_events.csv, care_status.csv) gets a row per year with no count and a note saying it is absent.
 */
import { cannotAnswerOf, type LoadReport } from "../contract/dataset.js";
import { indicatorMessages } from "./messages.js";
import type { IndicatorRow } from "./table.js";

const REFERRAL_TABLES = /^(who_referral|frequent_referral)[@:]/;

export function markUnanswerable(rows: IndicatorRow[], report: LoadReport, given: { readonly adverseEvents: boolean; readonly careStatus: boolean } = { adverseEvents: true, careStatus: true }): IndicatorRow[] {
  // an optional input not given: one row per region-year of the question tables says so
  const absent = [...(given.adverseEvents ? [] : [["adverse_events", "adverse_events.csv"]]), ...(given.careStatus ? [] : [["who_care", "care_status.csv"]])];
  for (const [indicator, file] of absent) {
    const seen = new Set<string>();
    for (const r of rows.slice()) {
      if (r.level !== "region" || r.group !== "all" || r.sex !== "all" || !r.indicator.startsWith("weekend:") || seen.has(r.period)) continue;
      seen.add(r.period);
      rows.push({ indicator, level: "region", unit: r.unit, period: r.period, group: "all", sex: "all", numerator: null, denominator: null, value: null, lower: null, upper: null, method: "count", suppressed: false, note: indicatorMessages.inputAbsent(file) });
    }
  }
  const reason = cannotAnswerOf(report).get("referral_source");
  if (reason === undefined) return rows;
  const note = indicatorMessages.cannotAnswer(reason);
  for (let i = 0; i < rows.length; i++) {
    const r = rows[i];
    if (!REFERRAL_TABLES.test(r.indicator)) continue;
    rows[i] = { ...r, numerator: null, denominator: null, value: null, lower: null, upper: null, suppressed: false, note };
  }
  return rows;
}
