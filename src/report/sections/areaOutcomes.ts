/**
 * The outcome questions of a focus area's section (see areaSection.ts): 5. admitted for only a
 * few hours, 6. dying shortly after admission, 7. readmissions with the reported adverse events
 * beside them, and for the 0–2-year-olds the registration practice by registering hospital.
 */
import type { IndicatorRow } from "../../indicators/index.js";
import { periodKindOf } from "../../contract/period.js";
import type { ReportTextKey } from "../../text/catalogue.js";
import type { ReportItem } from "../reportTypes.js";
import { catTable, flaggedTable, heading, num, pct, round1, type AreaScope } from "./areaScope.js";

/** Region first, then the clusters by name. */
const regionFirst = (a: IndicatorRow, b: IndicatorRow) => (a.level === "region" ? -1 : b.level === "region" ? 1 : a.unit.localeCompare(b.unit, "da"));

/** 5. admitted for only a few hours: every acute stay by its duration. */
export function shortStayItems(s: AreaScope): ReportItem[] {
  const { t, year, areaName } = s;
  const title = t("t.areaShort", { area: areaName, year, n: s.row(`short_stays${s.sfx}:under_4h`)?.denominator ?? "–" });
  return [heading(s, "q.short"), catTable(s, `short-stays-${s.id}`, title, s.cats("short_stays", (c) => t(c === "under_4h" ? "val.under4h" : "val.under12h")), "col.duration", [t("note.shortStays")])];
}

/** 6. dying shortly after admission, also by the part of the week of admission. */
export function deathsItems(s: AreaScope): ReportItem[] {
  const { t, sfx, year, areaName } = s;
  if (s.row(`deaths_after_admission${sfx}:within_7d`) === undefined) return [heading(s, "q.deaths"), { kind: "text", paragraphs: [t("note.noDeaths")] }];
  const deathRows = (["within_7d", "within_30d"] as const).map((w) => {
    const all = s.row(`deaths_after_admission${sfx}:${w}`);
    const wk = s.row(`deaths_${w === "within_7d" ? "7d" : "30d"}_weekpart${sfx}:weekday`);
    const we = s.row(`deaths_${w === "within_7d" ? "7d" : "30d"}_weekpart${sfx}:weekend`);
    const cells = [...(all?.suppressed ? ["all", "allShare"] : []), ...(wk?.suppressed ? ["weekday", "weekdayShare"] : []), ...(we?.suppressed ? ["weekend", "weekendShare"] : [])];
    return { label: t(w === "within_7d" ? "val.within7d" : "val.within30d"), all: num(all), allShare: pct(all), weekday: num(wk), weekdayShare: pct(wk), weekend: num(we), weekendShare: pct(we), suppressedCells: cells };
  });
  const columns = [{ name: "label", header: "col.deathWithin" }, "deathsAll", "deathsAllShare", "deathsWeekday", "deathsWeekdayShare", "deathsWeekend", "deathsWeekendShare"] as const;
  return [heading(s, "q.deaths"), flaggedTable(s, `deaths-${s.id}`, t("t.areaDeaths", { area: areaName, year }), columns, deathRows)];
}

/** 7. readmissions per focus area (by cluster, the region first), and the reported adverse events (UTH) beside them, as the minutes ask. */
export function readmissionItems(s: AreaScope): ReportItem[] {
  const { t, year, area, group } = s;
  const items: ReportItem[] = [heading(s, "q.readmissions")];
  // the latest year with readmissions (the last year of the data lacks 30 days after its discharges)
  const readmAll = s.ctx.data.indicators.filter((r) => r.indicator === `focus_readmission_30d_${area}` && periodKindOf(r.period) === "year" && Number(r.period) <= year && r.group === group && r.sex === "all" && r.level !== "municipality");
  const readmYear = readmAll.reduce((m, r) => Math.max(m, Number(r.period)), -Infinity);
  const readm = readmAll.filter((r) => r.period === String(readmYear)).sort(regionFirst);
  const readmRows = readm.map((r) => ({ unit: r.level === "region" ? t("val.region") : r.unit, readmitted: num(r), index: r.suppressed ? null : r.denominator, pct: pct(r), suppressed: r.suppressed }));
  items.push(
    readmRows.length > 0
      ? flaggedTable(s, `readmissions-${s.id}`, t("t.areaReadmissions", { area: s.areaName, year: readmYear }), ["unitCluster", "readmitted", "indexAdmissions", "readmittedPct"], readmRows)
      : { kind: "text", paragraphs: [t("note.readmissionNoYear", { year })] },
  );
  const uthYear = readmRows.length > 0 ? readmYear : year;
  const uth = s.ctx.data.indicators.filter((r) => r.indicator === "adverse_events" && r.period === String(uthYear) && r.group === "all" && r.sex === "all" && r.level !== "municipality").sort(regionFirst);
  if (uth.length === 0 || uth.every((r) => r.numerator === null && !r.suppressed)) items.push({ kind: "text", paragraphs: [t("note.noAdverseEvents")] });
  else {
    const uthRows = uth.map((r) => ({ unit: r.level === "region" ? t("val.region") : r.unit, events: num(r), suppressed: r.suppressed }));
    items.push(flaggedTable(s, `adverse-events-${s.id}`, t("t.adverseEvents", { year: uthYear }), ["unitCluster", "adverseEvents"], uthRows, [t("note.adverseEvents")]));
  }
  return items;
}

/**
 * 0–2: registration practice by the hospital that registers (seed 002: Aarhus registers the
 * children as outpatients in the emergency department, Midt, Randers and Vest as inpatients).
 */
export function practiceItems(s: AreaScope): ReportItem[] {
  if (s.area !== "0_2") return [];
  const { t, year } = s;
  const practice = (s.ctx.data.practice ?? []).filter((r) => Number(r.period) > year - 3 && Number(r.period) <= year);
  const why = s.cannotAnswer.get("hospital") ?? s.cannotAnswer.get("registration_practice");
  if (why !== undefined) return [{ kind: "text", paragraphs: [t("note.cannotAnswer", { reason: why })] }];
  if (practice.length === 0) return [];
  const rows = practice
    .sort((a, b) => (a.level === b.level ? a.hospital.localeCompare(b.hospital, "da") || a.period.localeCompare(b.period) : a.level === "region" ? -1 : 1))
    .map((r) => ({
      hospital: r.level === "region" ? t("val.region") : r.hospital,
      period: r.period,
      phase: r.phase === null ? "" : t(`val.phase_${r.phase}` as ReportTextKey),
      harmonised: r.admissions_harmonised,
      registered: r.admissions_as_registered,
      shortAdmittedPct: round1(r.short_registered_inpatient_pct),
      readmissionRegistered: round1(r.readmission_pct_as_registered),
      suppressedCells: [
        ...(r.admissions_harmonised === null ? ["harmonised"] : []),
        ...(r.admissions_as_registered === null ? ["registered"] : []),
        ...(r.short_registered_inpatient_pct === null && r.suppressed ? ["shortAdmittedPct"] : []),
      ],
    }));
  const columns = ["hospital", "calendarYear", "phase", ["harmonised", "int"], ["registered", "int"], "shortInpatientPct", "readmissionRegisteredPct"] as const;
  return [flaggedTable(s, "practice-by-hospital-0-2", t("t.practiceByHospital"), columns, rows, [t("note.practiceByHospital")])];
}
