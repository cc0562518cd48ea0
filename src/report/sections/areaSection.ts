/**
 * One report section per focus area of seed 002 (fractures, lower respiratory infections and
 * unspecific diagnoses among citizens 65+, and admissions of 0–2-year-olds), answering the data
 * group's questions in the order of the minutes (Midtklyngen, 25 May 2018, item 11, and item 7's
 * "patienter der dør kort tid efter indlæggelse … der kun er indlagt i få timer"):
 * 1. who (age and sex, municipality, diagnosis mix, prior acute admissions), 2. from where,
 * 3. the most frequently admitted and their profile, 4. when (weekday × hour, weekend),
 * 5. admitted for only a few hours, 6. dying shortly after admission (also by weekday/weekend),
 * 7. readmissions (areaOutcomes.ts). Nothing is counted here: every number is a row of the
 * indicator engine's question tables (`<table>@<area>:*`) or focus-area rows, suppressed there
 * with every other table.
 */
import type { FocusArea } from "../../overview/focusAreas.js";
import { isReportTextKey } from "../../text/catalogue.js";
import { referralSourceLabel } from "../reportQuestionTables.js";
import type { ReportItem, ReportSection } from "../reportTypes.js";
import { deathsItems, practiceItems, readmissionItems, shortStayItems } from "./areaOutcomes.js";
import { areaScope, catTable, flaggedTable, heading, num, pct, round1, type AreaScope } from "./areaScope.js";
import { attempt, type SectionCtx } from "./context.js";
import { agePyramidItem, heatmapItem, referralItem } from "./questionCharts.js";

/** The focus areas, in the minutes' order, with the population each belongs to and the focus areas (`--focus`) each serves. */
export const REPORT_AREAS: readonly { readonly area: string; readonly group: string; readonly focus: readonly FocusArea[] }[] = [
  { area: "fractures", group: "65+", focus: ["65+", "admissions"] },
  { area: "lower_respiratory_infections", group: "65+", focus: ["65+", "admissions"] },
  { area: "unspecific", group: "65+", focus: ["65+", "admissions"] },
  { area: "0_2", group: "0-2", focus: ["0-2", "admissions"] },
];

const chart = (s: AreaScope, id: string, title: string) => ({ id: `${id}-${s.id}`, title, year: s.period, main: false });

/** 1. who: age and sex, municipality, diagnosis mix, prior acute admissions. */
function whoItems(s: AreaScope): ReportItem[] {
  const { t, sfx, year, areaName } = s;
  const items: ReportItem[] = [heading(s, "q.who")];
  if (s.area === "0_2") {
    const ages = ["0", "1", "2"].map((a) => {
      const f = s.row(`who_age_year${sfx}:${a}`, "F");
      const m = s.row(`who_age_year${sfx}:${a}`, "M");
      const cells = [...(f?.suppressed ? ["women"] : []), ...(m?.suppressed ? ["men"] : [])];
      return { age: t("val.years", { n: a }), women: num(f), men: num(m), suppressedCells: cells };
    });
    items.push(flaggedTable(s, `who-age-${s.id}`, t("t.areaAgeYears", { area: areaName, year }), ["age", { name: "women", header: "col.girls" }, { name: "men", header: "col.boys" }], ages));
  } else {
    const pyramid = attempt(s.ctx, `age-sex-${s.id}`, () => (s.q.ageSex.length === 0 ? null : agePyramidItem(s.ctx, s.q, chart(s, "age-sex", t("t.areaAgePyramid", { area: areaName, year })))));
    if (pyramid) items.push(pyramid);
  }
  // municipality: the focus-area rate's count by municipality
  const munis = s.ctx.data.indicators
    .filter((r) => r.indicator === s.rateIndicator && r.level === "municipality" && r.period === s.period && r.group === s.group && r.sex === "all")
    .map((r) => ({ municipality: r.unit.split("+").map((c) => s.ctx.muniName.get(c) ?? c).join(" + "), count: num(r), rate: r.suppressed ? null : round1(r.value), suppressed: r.suppressed }));
  if (munis.length > 0) items.push(flaggedTable(s, `who-municipality-${s.id}`, t("t.areaMunicipality", { area: areaName, year }), ["municipality", "count", "per1000"], munis));
  const dxLabel = (code: string) => {
    const key = `dx.${code}`;
    return code === "other" ? t("val.otherDiagnoses") : isReportTextKey(key) ? `${code} ${t(key)}` : code;
  };
  items.push(catTable(s, `who-diagnosis-${s.id}`, t("t.areaDiagnosis", { area: areaName, year }), s.cats("who_diagnosis", dxLabel), "col.diagnosis"));
  const prior = s.cats("who_prior", (c) => t("val.priorAdmissions", { n: c }));
  items.push(prior.length > 0 ? catTable(s, `who-prior-${s.id}`, t("t.areaPrior", { area: areaName, year }), prior, "col.priorAdmissions") : { kind: "text", paragraphs: [t("note.priorNoYear")] });
  return items;
}

/** 2. from where: municipal care status on the day of admission ("plejecenter?") and the referral source. */
function whereItems(s: AreaScope): ReportItem[] {
  const { t, year, areaName } = s;
  const why = s.cannotAnswer.get("referral_source");
  const items: ReportItem[] = [heading(s, "q.where", why === undefined ? [] : [t("note.cannotAnswer", { reason: why })])];
  // care_status.csv answers "plejecenter?" also on an extract without a referral source; or it is not given
  const careRows = s.cats("who_care", (c) => t(c === "nursing_home" ? "val.nursingHome" : c === "home_care" ? "val.homeCare" : "val.neitherCare"));
  items.push(careRows.length > 0 ? catTable(s, `who-care-${s.id}`, t("t.areaCare", { area: areaName, year }), careRows, "col.careStatus", [t("note.careWhere")]) : { kind: "text", paragraphs: [t("note.noCareStatus")] });
  if (why === undefined) {
    const ref = attempt(s.ctx, `referral-${s.id}`, () => (s.q.referral.length === 0 ? null : referralItem(s.ctx, s.q, chart(s, "referral", t("t.areaReferral", { area: areaName, year })))));
    if (ref) items.push(ref);
  }
  return items;
}

/** 3. the most frequently admitted, with their profile. */
function frequentItems(s: AreaScope): ReportItem[] {
  const { t, sfx, year, areaName } = s;
  const fp = s.row(`frequent_admitted${sfx}:patients`);
  const fa = s.row(`frequent_admitted${sfx}:admissions`);
  const freqRows = [
    { label: t("val.frequentPatients"), count: num(fp), of: fp?.denominator ?? null, share: pct(fp), suppressed: fp?.suppressed ?? true },
    { label: t("val.frequentAdmissions"), count: num(fa), of: fa?.denominator ?? null, share: pct(fa), suppressed: fa?.suppressed ?? true },
  ];
  const profile = [
    ...s.cats("frequent_age", (c) => t("val.ageBand", { band: c })),
    ...(s.cannotAnswer.has("referral_source") ? [] : s.cats("frequent_referral", (c) => referralSourceLabel(c === "not_given" ? "unknown" : c, s.ctx.lang))),
  ];
  return [
    heading(s, "q.frequent"),
    flaggedTable(s, `frequent-${s.id}`, t("t.areaFrequent", { area: areaName, year }), ["label", "count", "of", "share"], freqRows),
    catTable(s, `frequent-profile-${s.id}`, t("t.areaFrequentProfile", { area: areaName, year }), profile, "col.profile"),
  ];
}

/** 4. when: weekday × hour, and weekend against weekdays. */
function whenItems(s: AreaScope): ReportItem[] {
  const { t, year, areaName } = s;
  const heat = attempt(s.ctx, `heatmap-${s.id}`, () => (s.q.heatmap.length === 0 ? null : heatmapItem(s.ctx, s.q, chart(s, "heatmap", t("t.areaHeatmap", { area: areaName, year })))));
  const weekend = catTable(s, `weekend-${s.id}`, t("t.areaWeekend", { area: areaName, year }), s.cats("weekend", (c) => t(c === "weekend" ? "val.weekend" : "val.weekdays")), "col.partOfWeek");
  return [heading(s, "q.when"), ...(heat ? [heat] : []), weekend];
}

/** The questions of a focus area's section, in the minutes' order. */
const AREA_QUESTIONS: readonly ((s: AreaScope) => ReportItem[])[] = [whoItems, whereItems, frequentItems, whenItems, shortStayItems, deathsItems, readmissionItems, practiceItems];

/** The section of one focus area. */
export function areaSection(ctx: SectionCtx, cannotAnswer: ReadonlyMap<string, string>, area: string, group: string): ReportSection {
  const s = areaScope(ctx, cannotAnswer, area, group);
  const total = ctx.data.indicators.find((r) => r.indicator === s.rateIndicator && r.level === "region" && r.period === s.period && r.group === group && r.sex === "all");
  const items = AREA_QUESTIONS.flatMap((question) => question(s));
  const n = num(total);
  return {
    id: `sec-area-${s.id}`,
    dimension: "focus",
    title: ctx.t("sec.area", { area: s.areaName }),
    intro: [ctx.t(area === "0_2" ? "intro.area02" : "intro.area65", { area: s.areaName, year: s.year, n: n === null ? "–" : String(n) })],
    items,
  };
}
