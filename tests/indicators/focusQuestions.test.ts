/**
 * The minutes' questions (seed 002) per focus area and for the 0–2-year-olds, on a hand-built
 * region: every count below is worked out by hand from the contacts (comments name them).
 * Calendar: 2020-01-01 was a Wednesday, so 2020-01-06 Mon, 01-11 Sat, 02-01 Sat, 02-10 Mon,
 * 02-20 Thu, 03-05 Thu, 03-10 Tue, 04-01 Wed, 06-01 Mon, 07-04 Sat, 07-20 Mon, 09-07 Mon.
 */
import { describe, expect, it } from "vitest";
import { computeIndicators, type IndicatorRow } from "../../src/indicators/index.js";
import { disclosureModel } from "../../src/indicators/disclosureModel.js";
import { questionTables } from "../../src/indicators/questionTables.js";
import { focusAreaRates } from "../../src/indicators/focusAreaRates.js";
import type { ContactRow } from "../stays/contactsFromRows.js";
import { datasetFrom, flatPopulation, GEO } from "./datasetFromRows.js";
import { day } from "../stays/contactsFromRows.js";
import { MISSING } from "../../src/contract/time.js";

function c(patient: string, from: string, to: string, extra: Partial<ContactRow> = {}): ContactRow {
  return { patient, admitted: from, discharged: to, ...extra };
}
const A = { birth: "1940-06-15" }; // 79 in the first half of 2020 (band 75-79)
const ROWS: ContactRow[] = [
  // data start: a planned outpatient hour on 2019-01-01 (so 2020 has 365 days of look-back)
  c("z0", "2019-01-01T00:30", "2019-01-01T01:30", { birth: "1980-01-01", acute: false, inpatient: false, diagnosis: "Z000" }),
  // a: one acute admission in 2019, then three lower respiratory infection (LRI) admissions in 2020
  c("a", "2019-03-01T10:00", "2019-03-03T10:00", { ...A, diagnosis: "J189" }),
  c("a", "2020-01-06T09:15", "2020-01-08T09:00", { ...A, diagnosis: "J189", referral: "gp" }), // prior 1; readmitted 02-01 (24 d)
  c("a", "2020-02-01T14:00", "2020-02-03T10:00", { ...A, diagnosis: "J159", referral: "nursing_home" }), // Sat; prior 2
  c("a", "2020-03-10T08:00", "2020-03-11T08:00", { ...A, diagnosis: "J209", referral: "gp" }), // prior 2: 2019-03-01 is 375 days before
  // b: man 69, Saturday 23:30, by ambulance, dies 4 days later
  c("b", "2020-01-11T23:30", "2020-01-13T10:00", { birth: "1950-05-01", sex: "M", diagnosis: "J181", referral: "emergency_call" }),
  // c: woman 90 in Horsens, no referral given, dies 24 days later
  c("c", "2020-04-01T03:00", "2020-04-05T03:00", { birth: "1930-01-01", municipality: 615, diagnosis: "J22" }),
  // d: two short acute LRI stays (2.5 h, 6 h; not admissions) and a 26 h admission
  c("d", "2020-05-05T10:00", "2020-05-05T12:30", { ...A, diagnosis: "J189", inpatient: false }),
  c("d", "2020-05-20T10:00", "2020-05-20T16:00", { ...A, diagnosis: "J189", inpatient: true }),
  c("d", "2020-06-01T10:00", "2020-06-02T12:00", { ...A, diagnosis: "J189" }),
  // e: woman 85, hip fracture on a Saturday by ambulance, readmitted with pneumonia after 10 days
  c("e", "2020-07-04T16:00", "2020-07-10T10:00", { birth: "1935-03-01", diagnosis: "S720", referral: "emergency_call" }),
  c("e", "2020-07-20T08:00", "2020-07-22T08:00", { birth: "1935-03-01", diagnosis: "J189", referral: "gp" }), // prior 1
  // f: man 75 in Odder, unspecific: a 13 h admission (R50-R69 block) and a 1 h stay (R00-R09)
  c("f", "2020-09-07T20:00", "2020-09-08T09:00", { birth: "1945-01-01", sex: "M", municipality: 727, diagnosis: "R509", referral: "out_of_hours" }),
  c("f", "2020-10-01T10:00", "2020-10-01T11:00", { birth: "1945-01-01", sex: "M", municipality: 727, diagnosis: "R074" }),
  // g: boy aged 0, acute (J) then planned (P) 10 days later: not a readmission (planned)
  c("g", "2020-02-10T02:00", "2020-02-11T02:00", { birth: "2019-06-01", sex: "M", diagnosis: "J219", referral: "out_of_hours" }),
  c("g", "2020-02-20T10:00", "2020-02-21T09:00", { birth: "2019-06-01", sex: "M", diagnosis: "P599", referral: "gp", acute: false }),
  // h: girl aged 2 in Horsens: a 2 h stay (not an admission) and a 16 h admission (A09)
  c("h", "2020-03-02T15:00", "2020-03-02T17:00", { birth: "2018-01-15", municipality: 615, diagnosis: "R509" }),
  c("h", "2020-03-05T16:00", "2020-03-06T08:00", { birth: "2018-01-15", municipality: 615, diagnosis: "A099", referral: "gp" }),
  // data end 2021-03-01 (every 2020 discharge has its 30 days)
  c("z9", "2021-03-01T08:00", "2021-03-01T09:00", { birth: "1980-01-01", acute: false, inpatient: false, diagnosis: "Z000" }),
];
const POP = flatPopulation([2019, 2020], [615, 727, 751], 10);
const ds = datasetFrom(ROWS, POP, { died: { b: "2020-01-15", c: "2020-04-25" } });

const open = questionTables(ds, { minCount: 0, sexes: ["all", "F", "M"] });
const focus = focusAreaRates(ds, { minCount: 0 });
function get(rows: readonly IndicatorRow[], indicator: string, unit = "region", sex: "all" | "F" | "M" = "all", period = "2020"): IndicatorRow | undefined {
  return rows.find((r) => r.indicator === indicator && r.unit === unit && r.sex === sex && r.period === period);
}
function counts(prefix: string, unit = "region", sex: "all" | "F" | "M" = "all"): Record<string, number | null> {
  const out: Record<string, number | null> = {};
  for (const r of open) if (r.indicator.startsWith(prefix) && r.unit === unit && r.sex === sex && r.period === "2020") out[r.indicator.slice(prefix.length)] = r.numerator;
  return out;
}
const LRI = "lower_respiratory_infections";

describe("the minutes' questions per focus area (hand-built region, 2020)", () => {
  it("who: age, sex, municipality, diagnosis mix and prior acute admissions — lower respiratory infections 65+", () => {
    // a ×3, b, c, d (06-01), e (07-20): 7 acute admissions with J12-J22 among citizens 65+
    expect(get(focus, `focus_${LRI}`)?.numerator).toBe(7);
    expect(get(open, `who_referral@${LRI}:gp`)?.denominator).toBe(7);
    expect(counts(`who_age@${LRI}:`)).toEqual({ "65-69": 1, "70-74": 0, "75-79": 4, "80-84": 0, "85-89": 1, "90+": 1 });
    // sex: b is the only man
    expect(get(open, `who_age@${LRI}:65-69`, "region", "M")?.numerator).toBe(1);
    expect(get(open, `who_referral@${LRI}:gp`, "region", "M")?.denominator).toBe(1);
    // municipality: c lives in Horsens (cluster Horsens), the other six in Aarhus
    expect(get(focus, `focus_${LRI}`, "615")?.numerator).toBe(1);
    expect(get(focus, `focus_${LRI}`, "751")?.numerator).toBe(6);
    expect(get(open, `who_referral@${LRI}:gp`, "Horsens")?.denominator).toBe(1);
    // diagnosis mix: J18 (a1, b, d, e), J15 (a2), J20 (a3), J22 (c)
    const mix = counts(`who_diagnosis@${LRI}:`);
    expect([mix.J18, mix.J15, mix.J20, mix.J22, mix.J12, mix.other]).toEqual([4, 1, 1, 1, 0, 0]);
    // prior acute admissions in 365 days: b, c, d none (d's short stays are not admissions); a1 and e
    // one; a2 two (2019-03-01 is 337 days before, and a1); a3 two (a1, a2: 2019-03-01 is 375 days before)
    expect(counts(`who_prior@${LRI}:`)).toEqual({ "0": 3, "1": 2, "2": 2, "3+": 0 });
  });

  it("from where, when, the most frequently admitted with their profile — lower respiratory infections 65+", () => {
    expect(counts(`who_referral@${LRI}:`)).toEqual({ gp: 3, out_of_hours: 0, nursing_home: 1, emergency_call: 1, hospital: 0, self: 0, other: 0, not_given: 2 });
    // Saturdays: a2 (14:00) and b (23:30)
    expect(counts(`weekend@${LRI}:`)).toEqual({ weekday: 5, weekend: 2 });
    expect(get(open, `weekday_hour@${LRI}:sat-23`)?.numerator).toBe(1);
    expect(get(open, `weekday_hour@${LRI}:sat-14`)?.numerator).toBe(1);
    expect(get(open, `weekday_hour@${LRI}:mon-09`)?.numerator).toBe(1);
    expect(get(open, `weekday_hour@${LRI}:mon-08`)?.numerator).toBe(1); // e
    // frequent: a (3 LRI admissions) of 5 patients; her 3 of 7 admissions
    expect(get(open, `frequent_admitted@${LRI}:patients`)?.numerator).toBe(1);
    expect(get(open, `frequent_admitted@${LRI}:patients`)?.denominator).toBe(5);
    expect(get(open, `frequent_admitted@${LRI}:admissions`)?.numerator).toBe(3);
    expect(get(open, `frequent_admitted@${LRI}:admissions`)?.denominator).toBe(7);
    // profile: a is 79, referred twice by her GP and once from the nursing home
    expect(get(open, `frequent_age@${LRI}:75-79`)?.numerator).toBe(1);
    expect(get(open, `frequent_age@${LRI}:90+`)?.numerator).toBe(0);
    expect(get(open, `frequent_referral@${LRI}:gp`)?.numerator).toBe(2);
    expect(get(open, `frequent_referral@${LRI}:nursing_home`)?.numerator).toBe(1);
    expect(get(open, `frequent_referral@${LRI}:gp`)?.denominator).toBe(3);
  });

  it("short stays, deaths after admission (also by weekday/weekend) and readmissions — lower respiratory infections 65+", () => {
    // 9 acute LRI stays of citizens 65+: the 7 admissions and d's 2.5 h and 6 h stays
    expect(get(open, `short_stays@${LRI}:under_4h`)?.numerator).toBe(1);
    expect(get(open, `short_stays@${LRI}:under_12h`)?.numerator).toBe(2);
    expect(get(open, `short_stays@${LRI}:under_12h`)?.denominator).toBe(9);
    // b dies 4 days after admission, c 24 days after
    expect(get(open, `deaths_after_admission@${LRI}:within_7d`)?.numerator).toBe(1);
    expect(get(open, `deaths_after_admission@${LRI}:within_30d`)?.numerator).toBe(2);
    expect(get(open, `deaths_after_admission@${LRI}:within_30d`)?.denominator).toBe(7);
    // b was admitted on a Saturday (1 of 2 weekend admissions); c on a Wednesday (1 of 5)
    expect(get(open, `deaths_7d_weekpart@${LRI}:weekend`)?.numerator).toBe(1);
    expect(get(open, `deaths_7d_weekpart@${LRI}:weekend`)?.denominator).toBe(2);
    expect(get(open, `deaths_7d_weekpart@${LRI}:weekday`)?.numerator).toBe(0);
    expect(get(open, `deaths_30d_weekpart@${LRI}:weekday`)?.numerator).toBe(1);
    expect(get(open, `deaths_30d_weekpart@${LRI}:weekday`)?.denominator).toBe(5);
    expect(get(open, `deaths_30d_weekpart@${LRI}:weekend`)?.value).toBeCloseTo(50, 10);
    // 7 index admissions; a's first (discharged 01-08) is readmitted on 02-01
    const r = get(focus, `focus_readmission_30d_${LRI}`);
    expect([r?.numerator, r?.denominator, r?.group]).toEqual([1, 7, "65+"]);
  });

  it("fractures 65+ and unspecific diagnoses 65+", () => {
    // e's hip fracture: Saturday 16:00 by ambulance, 85 years, readmitted with pneumonia 10 days after discharge
    expect(get(focus, "focus_fractures")?.numerator).toBe(1);
    expect(get(open, "who_referral@fractures:emergency_call")?.numerator).toBe(1);
    expect(get(open, "who_diagnosis@fractures:S72")?.numerator).toBe(1);
    expect(get(open, "who_age@fractures:85-89")?.numerator).toBe(1);
    expect(get(open, "weekday_hour@fractures:sat-16")?.numerator).toBe(1);
    expect(get(open, "who_prior@fractures:0")?.numerator).toBe(1);
    expect(get(open, "short_stays@fractures:under_12h")?.denominator).toBe(1);
    const fr = get(focus, "focus_readmission_30d_fractures");
    expect([fr?.numerator, fr?.denominator]).toEqual([1, 1]);
    // f: a 13 h admission (R50-R69) by the out-of-hours doctor, Monday 20:00, and a 1 h stay
    expect(get(open, "who_diagnosis@unspecific:R50-R69")?.numerator).toBe(1);
    expect(get(open, "who_diagnosis@unspecific:R00-R09")?.numerator).toBe(0); // the 1 h stay is not an admission
    expect(get(open, "who_referral@unspecific:out_of_hours")?.numerator).toBe(1);
    expect(get(open, "weekday_hour@unspecific:mon-20")?.numerator).toBe(1);
    expect(get(open, "who_referral@unspecific:out_of_hours", "Horsens")?.numerator).toBe(1);
    expect(get(open, "short_stays@unspecific:under_4h")?.numerator).toBe(1);
    expect(get(open, "short_stays@unspecific:under_4h")?.denominator).toBe(2);
  });

  it("the 0–2-year-olds: all their admissions, acute and planned", () => {
    // g (acute J21, planned P59, aged 0) and h (A09, aged 2): 3 admissions
    expect(get(focus, "focus_admissions_0_2")?.numerator).toBe(3);
    expect(counts("who_age_year@0_2:")).toEqual({ "0": 2, "1": 0, "2": 1 });
    expect(counts("who_referral@0_2:")).toMatchObject({ gp: 2, out_of_hours: 1, not_given: 0 });
    expect(counts("who_diagnosis@0_2:")).toMatchObject({ "A00-B99": 1, J: 1, P: 1, R: 0, other: 0 });
    // g's planned admission comes 10 days after an acute one
    expect(counts("who_prior@0_2:")).toEqual({ "0": 2, "1": 1, "2": 0, "3+": 0 });
    expect(counts("weekend@0_2:")).toEqual({ weekday: 3, weekend: 0 });
    expect(get(open, "weekday_hour@0_2:mon-02")?.numerator).toBe(1);
    expect(get(open, "frequent_admitted@0_2:patients")?.numerator).toBe(0);
    expect(get(open, "frequent_admitted@0_2:patients")?.denominator).toBe(2);
    // acute stays of 0–2: g's 24 h, h's 2 h and 16 h (g's planned stay is not acute)
    expect(get(open, "short_stays@0_2:under_4h")?.numerator).toBe(1);
    expect(get(open, "short_stays@0_2:under_12h")?.denominator).toBe(3);
    // index admissions g1, g2, h; the planned admission is no readmission
    const r = get(focus, "focus_readmission_30d_0_2");
    expect([r?.numerator, r?.denominator, r?.group]).toEqual([0, 3, "0-2"]);
    // age bands do not lie inside 0-2: no who_age@0_2 table
    expect(open.some((x) => x.indicator.startsWith("who_age@0_2"))).toBe(false);
  });

  it("prior admissions are published only for years with 365 days of data before them", () => {
    expect(open.some((x) => x.indicator.startsWith("who_prior") && x.period === "2019")).toBe(false);
    expect(open.some((x) => x.indicator.startsWith("who_referral") && x.period === "2019")).toBe(true);
  });

  it("the area tables' categories add up to the area's admissions: one cell in the disclosure model", () => {
    const rows = [...focus, ...open].filter((r) => r.period === "2020");
    const model = disclosureModel(rows, { clusterOf: Object.fromEntries(GEO.map((g) => [String(g.municipality_code), g.cluster])) });
    const parents = new Set<string>();
    for (let r = 0; r < model.relations.count; r++) parents.add(model.label(model.relations.parent[r]).split("|")[0] + "<-" + model.label(model.relations.child[model.relations.off[r]]).split("|")[0].split(":")[0]);
    for (const t of ["who_referral", "who_prior", "who_diagnosis", "who_age", "weekend", "weekday_hour"]) expect(parents.has(`focus_${LRI}<-${t}@${LRI}`)).toBe(true);
    expect(parents.has(`focus_admissions_0_2<-who_age_year@0_2`)).toBe(true);
    expect(parents.has(`frequent_admitted@${LRI}:patients<-frequent_age@${LRI}`)).toBe(true);
    expect(parents.has(`deaths_after_admission@${LRI}:within_30d<-deaths_30d_weekpart@${LRI}`)).toBe(true);
    expect(parents.has(`weekend@${LRI}:weekend<-weekday_hour@${LRI}`)).toBe(true);
    expect(parents.has(`weekend:weekday<-weekday_hour`)).toBe(true);
  });

  it("suppressed by the one engine: small counts hidden, never recomputable from the totals", () => {
    const rows = computeIndicators(ds, { groups: ["65+", "0-2"], levels: ["region", "cluster"] });
    const area = rows.filter((r) => r.indicator.includes(`@${LRI}`) && r.period === "2020" && r.unit === "region" && r.sex === "all");
    expect(area.length).toBeGreaterThan(0);
    for (const r of area) if (!r.suppressed) expect(r.numerator === 0 || (r.numerator as number) >= 5).toBe(true);
    // the referral categories of 7 admissions: the only ones ≥ 5 would betray the small ones — all hidden or zero
    const ref = area.filter((r) => r.indicator.startsWith(`who_referral@${LRI}:`));
    const published = ref.filter((r) => !r.suppressed).reduce((s, r) => s + (r.numerator as number), 0);
    const total = get(rows, `focus_${LRI}`)?.numerator;
    if (total !== null && total !== undefined) expect(total - published === 0 || total - published >= 5).toBe(true);
  });
});

describe("care status (care_status.csv) names nursing-home residents and home care", () => {
  it("who_care: the status covering the day of admission, per focus area", () => {
    const base = datasetFrom(ROWS, POP, { died: { b: "2020-01-15", c: "2020-04-25" } });
    const ids = base.contacts.patientIds;
    // a: nursing home from 2019-12-01 (open); b: home care in 2019 only; c: home care 2020-03-01..04-10
    const periods = [
      { p: "a", status: 1, from: day("2019-12-01"), to: MISSING },
      { p: "b", status: 2, from: day("2019-01-01"), to: day("2019-12-31") },
      { p: "c", status: 2, from: day("2020-03-01"), to: day("2020-04-10") },
    ];
    const careStatus = {
      patient: Int32Array.from(periods.map((x) => ids.indexOf(x.p))),
      status: Uint8Array.from(periods.map((x) => x.status)),
      from: Int32Array.from(periods.map((x) => x.from)),
      to: Int32Array.from(periods.map((x) => x.to)),
      unmatched: 0,
    };
    const rows = questionTables({ ...base, careStatus }, { minCount: 0, sexes: ["all"] });
    const c = (cat: string) => rows.find((r) => r.indicator === `who_care@${LRI}:${cat}` && r.unit === "region" && r.period === "2020")?.numerator;
    // a's three LRI admissions in a nursing home; c's on 04-01 with home care; b (ended 2019), d, e neither
    expect([c("nursing_home"), c("home_care"), c("neither")]).toEqual([3, 1, 3]);
    // without the file: no who_care table, and computeIndicators says it is not given
    expect(open.some((r) => r.indicator.startsWith("who_care"))).toBe(false);
    const all = computeIndicators(base, { minCount: 0, groups: ["all"], sexes: ["all"], levels: ["region"], indicators: ["questions"] });
    expect(all.find((r) => r.indicator === "who_care" && r.period === "2020")?.note).toBe("ikke opgjort: care_status.csv er ikke givet");
  });
});
