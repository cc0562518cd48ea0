/**
 * One report section per focus area of seed 002 (fractures, lower respiratory infections and
 * unspecific diagnoses among citizens 65+, and admissions of 0–2-year-olds), answering the data
 * group's questions in the order of the minutes (Midtklyngen, 25 May 2018, item 11, and item 7's
 * "patienter der dør kort tid efter indlæggelse … der kun er indlagt i få timer"):
 * 1. who (age and sex, municipality, diagnosis mix, prior acute admissions), 2. from where,
 * 3. the most frequently admitted and their profile, 4. when (weekday × hour, weekend),
 * 5. admitted for only a few hours, 6. dying shortly after admission (also by weekday/weekend),
 * 7. readmissions. Nothing is counted here: every number is a row of the indicator engine's
 * question tables (`<table>@<area>:*`) or focus-area rows, suppressed there with every other table.
 */
import { agePyramidChart, heatmapChart, referralChart } from "../charts/index.js";
import { weekdayName } from "../charts/locale.js";
import { REFERRAL_SOURCES } from "../contract/codes.js";
import { periodKindOf } from "../contract/period.js";
import type { IndicatorRow } from "../indicators/index.js";
import type { RegistrationByHospitalRow } from "../indicators/registrationByHospital.js";
import { reportQuestionTables, referralSourceLabel } from "./reportQuestionTables.js";
import { isReportTextKey, type ReportLang, type ReportTextKey } from "../text/catalogue.js";
import type { ReportTableColumn } from "./reportTable.js";
import type { ReportChartItem, ReportItem, ReportSection, ReportTableItem } from "./reportTypes.js";

/** The focus areas, in the minutes' order, with the population each belongs to. */
export const REPORT_AREAS: readonly { readonly area: string; readonly group: string }[] = [
  { area: "fractures", group: "65+" },
  { area: "lower_respiratory_infections", group: "65+" },
  { area: "unspecific", group: "65+" },
  { area: "0_2", group: "0-2" },
];

export interface AreaSectionInput {
  readonly lang: ReportLang;
  readonly t: (key: ReportTextKey, params?: Readonly<Record<string, string | number>>) => string;
  readonly minCount: number;
  readonly year: number;
  /** Question rows: region and clusters, sexes all/F/M, groups 65+ and 0-2. */
  readonly questionRows: readonly IndicatorRow[];
  /** The indicator table (focus-area rates and readmissions by unit). */
  readonly indicators: readonly IndicatorRow[];
  readonly muniName: ReadonlyMap<string, string>;
  /** Registration practice of the 0–2-year-olds by registering hospital. */
  readonly practice?: readonly RegistrationByHospitalRow[];
  /** "cannot be answered with this extract" reasons by question code (registerCapabilities). */
  readonly cannotAnswer: ReadonlyMap<string, string>;
  readonly warn: (message: string) => void;
}

interface Cat {
  readonly label: string;
  readonly count: number | null;
  readonly share: number | null;
  readonly suppressed: boolean;
}

/** A share or rate as published: one decimal (the tables print one; full floats are not data). */
const round1 = (x: number | null | undefined): number | null => (x === null || x === undefined ? null : Math.round(x * 10) / 10);
const pct = (r: IndicatorRow | undefined): number | null => (r === undefined || r.suppressed ? null : round1(r.value));
const num = (r: IndicatorRow | undefined): number | null => (r === undefined || r.suppressed ? null : r.numerator);

/** The section of one focus area. */
export function areaSection(input: AreaSectionInput, area: string, group: string): ReportSection {
  const { t, lang, year } = input;
  const period = String(year);
  const sfx = `@${area}`;
  const region = input.questionRows.filter((r) => r.level === "region" && r.period === period && r.group === group);
  const row = (indicator: string, sex: "all" | "F" | "M" = "all") => region.find((r) => r.indicator === indicator && r.sex === sex);
  const cats = (table: string, label: (code: string) => string): Cat[] => {
    const prefix = `${table}${sfx}:`;
    return region
      .filter((r) => r.sex === "all" && r.indicator.startsWith(prefix))
      .map((r) => ({ label: label(r.indicator.slice(prefix.length)), count: num(r), share: pct(r), suppressed: r.suppressed }));
  };
  const areaName = t(`area.${area}` as ReportTextKey);
  const id = area.replace(/_/g, "-");
  const total = input.indicators.find((r) => r.indicator === (area === "0_2" ? "focus_admissions_0_2" : `focus_${area}`) && r.level === "region" && r.period === period && r.group === group && r.sex === "all");
  const items: ReportItem[] = [];
  const heading = (key: ReportTextKey, extra: string[] = []) => items.push({ kind: "text", paragraphs: [t(key), ...extra] });
  const catTable = (itemId: string, title: string, rows: readonly Cat[], firstLabel: string, notes: string[] = []): ReportTableItem => ({
    kind: "table",
    id: itemId,
    title,
    csv: rows.map((r) => ({ category: r.label, count: r.count, share_pct: r.share })),
    table: {
      columns: [
        { key: "label", label: firstLabel, format: "text" },
        { key: "count", label: t("col.count"), format: "int" },
        { key: "share", label: t("col.sharePct"), format: "dec1" },
      ],
      rows: rows.map((r) => ({ ...r, suppressed: r.suppressed })),
    },
    ...(notes.length > 0 ? { notes } : {}),
  });
  const cannot = (code: string): string[] => {
    const why = input.cannotAnswer.get(code);
    return why === undefined ? [] : [t("note.cannotAnswer", { reason: why })];
  };
  const attempt = <T>(itemId: string, build: () => T | null): T | null => {
    try {
      return build();
    } catch (err) {
      input.warn(t("warn.chart", { id: itemId, message: err instanceof Error ? err.message : String(err) }));
      return null;
    }
  };
  const q = reportQuestionTables(input.questionRows, { year, group, area, lang });
  const common = { lang, period, suppressionMin: input.minCount };

  // 1. who
  heading("q.who");
  if (area === "0_2") {
    const ages = ["0", "1", "2"].map((a) => {
      const f = row(`who_age_year${sfx}:${a}`, "F");
      const m = row(`who_age_year${sfx}:${a}`, "M");
      const cells = [...(f?.suppressed ? ["women"] : []), ...(m?.suppressed ? ["men"] : [])];
      return { age: t("val.years", { n: a }), women: num(f), men: num(m), suppressedCells: cells };
    });
    items.push({
      kind: "table",
      id: `who-age-${id}`,
      title: t("t.areaAgeYears", { area: areaName, year }),
      csv: ages.map(({ suppressedCells: _s, ...r }) => r),
      table: { columns: [{ key: "age", label: t("col.age"), format: "text" }, { key: "women", label: t("col.girls"), format: "int" }, { key: "men", label: t("col.boys"), format: "int" }], rows: ages },
    });
  } else {
    const pyramid = attempt(`age-sex-${id}`, (): ReportChartItem | null => {
      if (q.ageSex.length === 0) return null;
      const chart = agePyramidChart(q.ageSex, { ...common, id: `age-sex-${id}`, title: t("t.areaAgePyramid", { area: areaName, year }), ageBands: q.ageBands });
      const rows = q.ageBands.map((band) => {
        const f = q.ageSex.find((r) => r.ageBand === band && r.sex === "F");
        const m = q.ageSex.find((r) => r.ageBand === band && r.sex === "M");
        return { ageBand: band, women: f?.count ?? null, men: m?.count ?? null, suppressedCells: [...(f?.suppressed ? ["women"] : []), ...(m?.suppressed ? ["men"] : [])] };
      });
      const columns: ReportTableColumn[] = [
        { key: "ageBand", label: t("col.ageBand"), format: "text" },
        { key: "women", label: t("col.women"), format: "int" },
        { key: "men", label: t("col.men"), format: "int" },
      ];
      return { kind: "chart", id: `age-sex-${id}`, chart, main: false, csv: chart.data, table: { columns, rows } };
    });
    if (pyramid) items.push(pyramid);
  }
  // municipality: the focus-area rate's count by municipality
  const munis = input.indicators
    .filter((r) => r.indicator === (area === "0_2" ? "focus_admissions_0_2" : `focus_${area}`) && r.level === "municipality" && r.period === period && r.group === group && r.sex === "all")
    .map((r) => ({ municipality: r.unit.split("+").map((c) => input.muniName.get(c) ?? c).join(" + "), count: num(r), rate: r.suppressed ? null : round1(r.value), suppressed: r.suppressed }));
  if (munis.length > 0)
    items.push({
      kind: "table",
      id: `who-municipality-${id}`,
      title: t("t.areaMunicipality", { area: areaName, year }),
      csv: munis.map(({ suppressed: _s, ...r }) => r),
      table: { columns: [{ key: "municipality", label: t("col.municipality"), format: "text" }, { key: "count", label: t("col.count"), format: "int" }, { key: "rate", label: t("col.per1000"), format: "dec1" }], rows: munis },
    });
  const dxLabel = (code: string) => {
    const key = `dx.${code}`;
    return code === "other" ? t("val.otherDiagnoses") : isReportTextKey(key) ? `${code} ${t(key)}` : code;
  };
  items.push(catTable(`who-diagnosis-${id}`, t("t.areaDiagnosis", { area: areaName, year }), cats("who_diagnosis", dxLabel), t("col.diagnosis")));
  const prior = cats("who_prior", (c) => t("val.priorAdmissions", { n: c }));
  items.push(
    prior.length > 0
      ? catTable(`who-prior-${id}`, t("t.areaPrior", { area: areaName, year }), prior, t("col.priorAdmissions"))
      : { kind: "text", paragraphs: [t("note.priorNoYear")] },
  );

  // 2. from where
  heading("q.where", cannot("referral_source"));
  // "plejecenter?": municipal care status on the day of admission (care_status.csv), which answers
  // it also on an extract without a referral source; or that it is not given
  const careRows = cats("who_care", (c) => t(c === "nursing_home" ? "val.nursingHome" : c === "home_care" ? "val.homeCare" : "val.neitherCare"));
  if (careRows.length > 0) {
    items.push(catTable(`who-care-${id}`, t("t.areaCare", { area: areaName, year }), careRows, t("col.careStatus"), [t("note.careWhere")]));
  } else items.push({ kind: "text", paragraphs: [t("note.noCareStatus")] });
  if (!input.cannotAnswer.has("referral_source")) {
    const ref = attempt(`referral-${id}`, (): ReportChartItem | null => {
      if (q.referral.length === 0) return null;
      const chart = referralChart(q.referral, { ...common, id: `referral-${id}`, title: t("t.areaReferral", { area: areaName, year }) });
      return {
        kind: "chart",
        id: `referral-${id}`,
        chart,
        main: false,
        csv: chart.data,
        table: { columns: [{ key: "source", label: t("col.source"), format: "text" }, { key: "count", label: t("col.count"), format: "int" }], rows: q.referral.map((r) => ({ ...r })) },
      };
    });
    if (ref) items.push(ref);
  }

  // 3. the most frequently admitted, with their profile
  heading("q.frequent");
  const fp = row(`frequent_admitted${sfx}:patients`);
  const fa = row(`frequent_admitted${sfx}:admissions`);
  const freqRows = [
    { label: t("val.frequentPatients"), count: num(fp), of: fp?.denominator ?? null, share: pct(fp), suppressed: fp?.suppressed ?? true },
    { label: t("val.frequentAdmissions"), count: num(fa), of: fa?.denominator ?? null, share: pct(fa), suppressed: fa?.suppressed ?? true },
  ];
  items.push({
    kind: "table",
    id: `frequent-${id}`,
    title: t("t.areaFrequent", { area: areaName, year }),
    csv: freqRows.map(({ suppressed: _s, ...r }) => r),
    table: {
      columns: [
        { key: "label", label: "", format: "text" },
        { key: "count", label: t("col.count"), format: "int" },
        { key: "of", label: t("col.of"), format: "int" },
        { key: "share", label: t("col.sharePct"), format: "dec1" },
      ],
      rows: freqRows,
    },
  });
  const profile = [
    ...cats("frequent_age", (c) => t("val.ageBand", { band: c })),
    ...(input.cannotAnswer.has("referral_source") ? [] : cats("frequent_referral", (c) => referralSourceLabel(c === "not_given" ? "unknown" : c, lang))),
  ];
  items.push(catTable(`frequent-profile-${id}`, t("t.areaFrequentProfile", { area: areaName, year }), profile, t("col.profile")));

  // 4. when
  heading("q.when");
  const heat = attempt(`heatmap-${id}`, (): ReportChartItem | null => {
    if (q.heatmap.length === 0) return null;
    const chart = heatmapChart(q.heatmap, { ...common, id: `heatmap-${id}`, title: t("t.areaHeatmap", { area: areaName, year }) });
    const hours = Array.from({ length: 24 }, (_, h) => h);
    const rows = [0, 1, 2, 3, 4, 5, 6].map((w) => {
      const r: Record<string, unknown> = { weekday: weekdayName(w, lang) };
      const cells: string[] = [];
      for (const h of hours) {
        const c = q.heatmap.find((x) => x.weekday === w && x.hour === h);
        r[`h${h}`] = c?.suppressed ? null : (c?.count ?? null);
        if (c?.suppressed) cells.push(`h${h}`);
      }
      r.suppressedCells = cells;
      return r;
    });
    const columns: ReportTableColumn[] = [{ key: "weekday", label: t("col.weekday"), format: "text" }, ...hours.map((h) => ({ key: `h${h}`, label: String(h), format: "int" as const }))];
    return { kind: "chart", id: `heatmap-${id}`, chart, main: false, csv: chart.data, table: { columns, rows } };
  });
  if (heat) items.push(heat);
  items.push(catTable(`weekend-${id}`, t("t.areaWeekend", { area: areaName, year }), cats("weekend", (c) => t(c === "weekend" ? "val.weekend" : "val.weekdays")), t("col.partOfWeek")));

  // 5. admitted for only a few hours: every acute stay by its duration
  heading("q.short");
  items.push(catTable(`short-stays-${id}`, t("t.areaShort", { area: areaName, year, n: row(`short_stays${sfx}:under_4h`)?.denominator ?? "–" }), cats("short_stays", (c) => t(c === "under_4h" ? "val.under4h" : "val.under12h")), t("col.duration"), [t("note.shortStays")]));

  // 6. dying shortly after admission, also by the part of the week of admission
  heading("q.deaths");
  const d7 = row(`deaths_after_admission${sfx}:within_7d`);
  if (d7 === undefined) items.push({ kind: "text", paragraphs: [t("note.noDeaths")] });
  else {
    const deathRows = (["within_7d", "within_30d"] as const).map((w) => {
      const all = row(`deaths_after_admission${sfx}:${w}`);
      const wk = row(`deaths_${w === "within_7d" ? "7d" : "30d"}_weekpart${sfx}:weekday`);
      const we = row(`deaths_${w === "within_7d" ? "7d" : "30d"}_weekpart${sfx}:weekend`);
      const cells = [...(all?.suppressed ? ["all", "allShare"] : []), ...(wk?.suppressed ? ["weekday", "weekdayShare"] : []), ...(we?.suppressed ? ["weekend", "weekendShare"] : [])];
      return { label: t(w === "within_7d" ? "val.within7d" : "val.within30d"), all: num(all), allShare: pct(all), weekday: num(wk), weekdayShare: pct(wk), weekend: num(we), weekendShare: pct(we), suppressedCells: cells };
    });
    items.push({
      kind: "table",
      id: `deaths-${id}`,
      title: t("t.areaDeaths", { area: areaName, year }),
      csv: deathRows.map(({ suppressedCells: _s, ...r }) => r),
      table: {
        columns: [
          { key: "label", label: t("col.deathWithin"), format: "text" },
          { key: "all", label: t("col.allAdmissions"), format: "int" },
          { key: "allShare", label: t("col.sharePct"), format: "dec1" },
          { key: "weekday", label: t("col.weekdayAdmissions"), format: "int" },
          { key: "weekdayShare", label: t("col.sharePct"), format: "dec1" },
          { key: "weekend", label: t("col.weekendAdmissions"), format: "int" },
          { key: "weekendShare", label: t("col.sharePct"), format: "dec1" },
        ],
        rows: deathRows,
      },
    });
  }

  // 7. readmissions per focus area (by cluster, the region first)
  heading("q.readmissions");
  // the latest year with readmissions (the last year of the data lacks 30 days after its discharges)
  const readmAll = input.indicators.filter((r) => r.indicator === `focus_readmission_30d_${area}` && periodKindOf(r.period) === "year" && Number(r.period) <= year && r.group === group && r.sex === "all" && r.level !== "municipality");
  const readmYear = readmAll.reduce((m, r) => Math.max(m, Number(r.period)), -Infinity);
  const readm = readmAll
    .filter((r) => r.period === String(readmYear))
    .sort((a, b) => (a.level === "region" ? -1 : b.level === "region" ? 1 : a.unit.localeCompare(b.unit, "da")));
  const readmRows = readm.map((r) => ({ unit: r.level === "region" ? t("val.region") : r.unit, readmitted: num(r), index: r.suppressed ? null : r.denominator, pct: pct(r), suppressed: r.suppressed }));
  items.push(
    readmRows.length > 0
      ? {
          kind: "table",
          id: `readmissions-${id}`,
          title: t("t.areaReadmissions", { area: areaName, year: readmYear }),
          csv: readmRows.map(({ suppressed: _s, ...r }) => r),
          table: {
            columns: [
              { key: "unit", label: t("col.cluster"), format: "text" },
              { key: "readmitted", label: t("col.readmitted"), format: "int" },
              { key: "index", label: t("col.indexAdmissions"), format: "int" },
              { key: "pct", label: t("col.sharePct"), format: "dec1" },
            ],
            rows: readmRows,
          },
        }
      : { kind: "text", paragraphs: [t("note.readmissionNoYear", { year })] },
  );

  // beside readmissions, the reported adverse events (UTH) by cluster, as the minutes ask
  const uthYear = readmRows.length > 0 ? readmYear : year;
  const uth = input.indicators
    .filter((r) => r.indicator === "adverse_events" && r.period === String(uthYear) && r.group === "all" && r.sex === "all" && r.level !== "municipality")
    .sort((a, b) => (a.level === "region" ? -1 : b.level === "region" ? 1 : a.unit.localeCompare(b.unit, "da")));
  if (uth.length === 0 || uth.every((r) => r.numerator === null && !r.suppressed)) items.push({ kind: "text", paragraphs: [t("note.noAdverseEvents")] });
  else {
    const uthRows = uth.map((r) => ({ unit: r.level === "region" ? t("val.region") : r.unit, events: num(r), suppressed: r.suppressed }));
    items.push({
      kind: "table",
      id: `adverse-events-${id}`,
      title: t("t.adverseEvents", { year: uthYear }),
      csv: uthRows.map(({ suppressed: _s, ...r }) => r),
      table: { columns: [{ key: "unit", label: t("col.cluster"), format: "text" }, { key: "events", label: t("col.adverseEvents"), format: "int" }], rows: uthRows },
      notes: [t("note.adverseEvents")],
    });
  }

  // 0–2: registration practice by the hospital that registers (seed 002: Aarhus registers the
  // children as outpatients in the emergency department, Midt, Randers and Vest as inpatients)
  if (area === "0_2") {
    const practice = (input.practice ?? []).filter((r) => Number(r.period) > year - 3 && Number(r.period) <= year);
    const why = input.cannotAnswer.get("hospital") ?? input.cannotAnswer.get("registration_practice");
    if (why !== undefined) items.push({ kind: "text", paragraphs: [t("note.cannotAnswer", { reason: why })] });
    else if (practice.length > 0) {
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
      items.push({
        kind: "table",
        id: "practice-by-hospital-0-2",
        title: t("t.practiceByHospital"),
        csv: rows.map(({ suppressedCells: _s, ...r }) => r),
        notes: [t("note.practiceByHospital")],
        table: {
          columns: [
            { key: "hospital", label: t("col.hospital"), format: "text" },
            { key: "period", label: t("col.year"), format: "text" },
            { key: "phase", label: t("col.phase"), format: "text" },
            { key: "harmonised", label: t("col.harmonised"), format: "int" },
            { key: "registered", label: t("col.registered"), format: "int" },
            { key: "shortAdmittedPct", label: t("col.shortInpatientPct"), format: "dec1" },
            { key: "readmissionRegistered", label: t("col.readmissionRegisteredPct"), format: "dec1" },
          ],
          rows,
        },
      });
    }
  }

  const n = num(total);
  return {
    id: `sec-area-${id}`,
    dimension: "focus",
    title: t("sec.area", { area: areaName }),
    intro: [t(area === "0_2" ? "intro.area02" : "intro.area65", { area: areaName, year, n: n === null ? "–" : String(n) })],
    items,
  };
}

/** Referral source codes in display order (for tests). */
export const AREA_REFERRAL_CODES = [...REFERRAL_SOURCES, "not_given"] as const;
