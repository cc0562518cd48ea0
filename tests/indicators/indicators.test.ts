import { describe, expect, it } from "vitest";
import { computeIndicators, prepareIndicators } from "../../src/indicators/index.js";
import { questionTables } from "../../src/indicators/questionTables.js";
import { registrationPractice } from "../../src/indicators/registrationPractice.js";
import { admissionRate } from "../../src/indicators/admissionRate.js";
import { costPerCitizen } from "../../src/indicators/costPerCitizen.js";
import { experiencePositive } from "../../src/indicators/experiencePositive.js";
import { readmission30d } from "../../src/indicators/readmission30d.js";
import { preventableAdmissionRate } from "../../src/indicators/preventableAdmissionRate.js";
import { focusAreaRates } from "../../src/indicators/focusAreaRates.js";
import { groupsFromPrefixes } from "../../src/stays/diagnosisGroups.js";
import { directlyStandardisedRate, EUROPEAN_STANDARD_POPULATION_2013, rateWithInterval, wilsonInterval } from "../../src/stats/index.js";
import type { ContactRow } from "../stays/contactsFromRows.js";
import { datasetFrom, flatPopulation } from "./datasetFromRows.js";

const EXCL = ["C", "D00-D09", "O", "S", "T"];
const PREVENTABLE = groupsFromPrefixes({ dehydration: ["E86"], lower_respiratory: ["J13-J18", "J20-J22"], fractures: ["S72"] });
const FOCUS = groupsFromPrefixes({ fractures: ["S"], lower_respiratory_infection: ["J12-J18", "J20-J22"], unspecific: ["R", "Z03"] });
const base = { stays: { exclusions: EXCL }, preventableGroups: PREVENTABLE, focusGroups: FOCUS };

function adm(patient: string, from: string, to: string, extra: Partial<ContactRow> = {}): ContactRow {
  return { patient, admitted: from, discharged: to, ...extra };
}

// 2019–2020, 3 municipalities, 10 citizens per sex per single year of age (1,000 per sex).
const POP = flatPopulation([2019, 2020], [615, 727, 751], 10);
const ROWS: ContactRow[] = [
  adm("p1", "2019-02-01T08:00", "2019-02-03T08:00", { municipality: 615, birth: "1940-01-01" }), // index, readmitted
  adm("p1", "2019-02-20T08:00", "2019-02-22T08:00", { municipality: 615, birth: "1940-01-01", diagnosis: "E869" }),
  adm("p2", "2019-05-01T08:00", "2019-05-01T10:00", { municipality: 727, birth: "2018-03-01" }), // 2 h: not an admission
  adm("p3", "2019-07-01T08:00", "2019-07-02T08:00", { municipality: 751, birth: "2018-03-01", sex: "M", acute: false }),
  adm("p3", "2019-07-10T08:00", "2019-07-11T08:00", { municipality: 751, birth: "2018-03-01", sex: "M", diagnosis: "S720" }), // excluded readmission
  adm("p4", "2019-11-01T08:00", "2019-11-02T08:00", { municipality: 751, birth: "1980-01-01", cost: 10000 }),
  adm("p9", "2020-12-31T08:00", "2020-12-31T22:00", { municipality: 751, birth: "1980-01-01" }), // data end
];

describe("admission_rate", () => {
  const ds = datasetFrom(ROWS, POP);
  const rows = admissionRate(ds, { ...base, minCount: 0 });
  const get = (level: string, unit: string, period: string, group: string, sex = "all") =>
    rows.find((r) => r.level === level && r.unit === unit && r.period === period && r.group === group && r.sex === sex);

  it("counts acute admissions per 1,000 citizens of the group, by unit, year, group and sex", () => {
    const region = get("region", "region", "2019", "all");
    // acute admissions 2019: p1 ×2, p3 (second), p4 = 4; population 3 municipalities × 2 sexes × 100 ages × 10
    expect(region?.numerator).toBe(4);
    expect(region?.denominator).toBe(6000);
    const ref = rateWithInterval(4, 6000, { multiplier: 1000 }); // exact Poisson (methods.md)
    expect(region?.value).toBeCloseTo(ref.value as number, 12);
    expect(region?.lower).toBeCloseTo(ref.lower as number, 12);
    expect(region?.method).toBe("exact-poisson");
    expect(get("cluster", "Horsens", "2019", "65+")?.numerator).toBe(2);
    expect(get("cluster", "Horsens", "2019", "65+")?.denominator).toBe(2 * 2 * 35 * 10); // ages 65–99
    expect(get("municipality", "751", "2019", "0-2", "M")?.numerator).toBe(1);
    expect(get("municipality", "751", "2019", "0-2", "F")?.numerator).toBe(0);
    expect(get("municipality", "751", "2019", "0-2", "M")?.denominator).toBe(30);
  });

  it("uses person-time pro rata for quarters and months", () => {
    const q = admissionRate(ds, { ...base, period: ["quarter", "month"], levels: ["region"], groups: ["all"], sexes: ["all"] });
    const q1 = q.find((r) => r.period === "2019-Q1");
    expect(q1?.numerator).toBe(2);
    expect(q1?.denominator).toBeCloseTo((6000 * 90) / 365, 9);
    const feb = q.find((r) => r.period === "2019-02");
    expect(feb?.denominator).toBeCloseTo((6000 * 28) / 365, 9);
    expect(q.filter((r) => r.period.startsWith("2019-")).length).toBe(16);
  });

  it("follows the registration rule", () => {
    const rows2 = [...ROWS, adm("p5", "2019-03-01T08:00", "2019-03-01T11:00", { municipality: 751, inpatient: true })];
    const h = admissionRate(datasetFrom(rows2, POP), { ...base, levels: ["region"], groups: ["all"], sexes: ["all"] });
    const r = admissionRate(datasetFrom(rows2, POP), { ...base, levels: ["region"], groups: ["all"], sexes: ["all"], registration: "as-registered" });
    expect(h.find((x) => x.period === "2019")?.numerator).toBe(4);
    expect(r.find((x) => x.period === "2019")?.numerator).toBe(6); // + p2 (inpatient 2 h) + p5
  });

  it("adds directly (ESP 2013, Danish population of a year) and indirectly standardised columns", () => {
    const many: ContactRow[] = [];
    for (let i = 0; i < 30; i++)
      many.push(adm(`q${i}`, `2019-0${1 + (i % 9)}-1${i % 10}T08:00`, `2019-0${1 + (i % 9)}-1${i % 10}T23:00`, { birth: `${1930 + i * 2}-06-01`, municipality: i % 2 ? 751 : 615 }));
    many.push(adm("z", "2020-12-31T08:00", "2020-12-31T22:00"));
    const d = datasetFrom(many, POP);
    const esp = admissionRate(d, { ...base, levels: ["region", "municipality"], groups: ["all"], sexes: ["all"], standardise: { direct: "esp2013", indirect: true } });
    const r = esp.find((x) => x.level === "region" && x.period === "2019");
    // independent: strata by 5-year band, events counted by hand from the birth years
    const events = new Map<string, number>();
    for (let i = 0; i < 30; i++) {
      const age = 2019 - (1930 + i * 2) - ((1 + (i % 9)) < 6 || ((1 + (i % 9)) === 6 && 10 + (i % 10) < 1) ? 1 : 0);
      const b = Math.min(90, Math.floor(age / 5) * 5);
      const label = b === 90 ? "90+" : `${b}-${b + 4}`;
      events.set(label, (events.get(label) ?? 0) + 1);
    }
    const strata = EUROPEAN_STANDARD_POPULATION_2013.map((s) => ({ label: s.label, events: events.get(s.label) ?? 0, population: s.label === "90+" ? 10 * 2 * 3 * 10 : 5 * 2 * 3 * 10 }));
    const ref = directlyStandardisedRate(strata, { standard: EUROPEAN_STANDARD_POPULATION_2013, multiplier: 1000 });
    expect(r?.std_value).toBeCloseTo(ref.value as number, 9);
    expect(r?.std_lower).toBeCloseTo(ref.lower as number, 9);
    expect(r?.isr_value).toBeCloseTo(1, 12); // the region against itself
    const m = esp.find((x) => x.unit === "751" && x.period === "2019");
    expect(m?.isr_expected).toBeGreaterThan(0);
    expect(m?.isr_value).toBeCloseTo((m?.numerator as number) / (m?.isr_expected as number), 12);
    const dk = admissionRate(d, { ...base, levels: ["region"], groups: ["all"], sexes: ["all"], standardise: { direct: { year: 2019 } } });
    // with a uniform population the Danish standard equals the population itself: DSR = crude rate
    const dr = dk.find((x) => x.period === "2019");
    expect(dr?.std_value).toBeCloseTo(dr?.value as number, 9);
    expect(dr?.std_method).toMatch(/2019/);
    expect(() => admissionRate(d, { ...base, standardise: { direct: { year: 1999 } } })).toThrow(/1999/);
  });

  it("says why a standardised value is missing (fewer than 10 events)", () => {
    const r = admissionRate(ds, { ...base, levels: ["region"], groups: ["all"], sexes: ["all"], standardise: { direct: "esp2013" } });
    expect(r[0].std_value).toBeNull();
    expect(r[0].std_note).toBe("Direkte standardiseret rate ikke beregnet: 4 hændelser i alt, færre end 10; Dobson-intervallet er upålideligt ved færre end 10 hændelser (PHE-konvention).");
  });
});

describe("readmission_30d", () => {
  it("is the percentage of index admissions with a readmission, attributed to the index", () => {
    const rows = readmission30d(datasetFrom(ROWS, POP), { ...base, minCount: 0 });
    const region = rows.find((r) => r.level === "region" && r.period === "2019" && r.group === "all" && r.sex === "all");
    // index admissions 2019: p1 ×2, p3 ×2, p4 = 5; readmitted: p1's first (p3's readmission is an excluded S-code)
    expect(region?.denominator).toBe(5);
    expect(region?.numerator).toBe(1);
    const w = wilsonInterval(1, 5);
    expect(region?.value).toBeCloseTo(20, 12);
    expect(region?.lower).toBeCloseTo((w.lower as number) * 100, 12);
    expect(rows.find((r) => r.unit === "615" && r.period === "2019" && r.group === "65+" && r.sex === "all")?.numerator).toBe(1);
    expect(rows.find((r) => r.unit === "751" && r.period === "2019" && r.group === "0-2" && r.sex === "M")?.denominator).toBe(2);
    // 2020: discharges after the data end − 30 days are not published
    expect(rows.some((r) => r.period === "2020")).toBe(false);
  });
});

describe("preventable, focus areas, cost, experience", () => {
  it("counts preventable admissions of 65+ only and the focus areas", () => {
    const ds = datasetFrom(ROWS, POP);
    const p = preventableAdmissionRate(ds, { ...base, minCount: 0 });
    expect(new Set(p.map((r) => r.group))).toEqual(new Set(["65+"]));
    expect(p.find((r) => r.level === "region" && r.period === "2019" && r.sex === "all")?.numerator).toBe(2); // p1's J18.9 (lower respiratory) and E86 (dehydration)
    const f = focusAreaRates(ds, { ...base, minCount: 0 });
    const kids = f.find((r) => r.indicator === "focus_admissions_0_2" && r.level === "region" && r.period === "2019" && r.sex === "all");
    expect(kids?.numerator).toBe(2); // p3's planned and acute admissions (p2's 2 h stay is not one)
    expect(f.find((r) => r.indicator === "focus_fractures" && r.level === "region" && r.period === "2019" && r.sex === "all")?.numerator).toBe(0);
  });

  it("cost per citizen: hospital from the contacts plus sector costs", () => {
    const ds = datasetFrom(ROWS, POP, {
      sectorCosts: [
        { year: 2019, municipality_code: 751, sector: "municipal_care", age_group: null, cost_dkk: 20000 },
        { year: 2019, municipality_code: 751, sector: "hospital", age_group: null, cost_dkk: 99999 },
      ],
    });
    const rows = costPerCitizen(ds, { ...base, minCount: 0 });
    const tot = rows.find((r) => r.indicator === "cost_per_citizen" && r.unit === "751" && r.period === "2019");
    expect(tot?.numerator).toBe(30000);
    expect(tot?.value).toBeCloseTo(30000 / 2000, 12);
    expect(rows.find((r) => r.indicator === "cost_per_citizen:municipal_care" && r.level === "region" && r.period === "2019")?.numerator).toBe(20000);
  });

  it("experience: Wilson interval in percent, summed from municipalities to clusters and the region", () => {
    const rows = experiencePositive(
      { geography: datasetFrom([], []).geography, experience: [
        { period: "2019", cluster: null, municipality_code: 615, measure: "overall", positive: 65, total: 80 },
        { period: "2019", cluster: null, municipality_code: 727, measure: "overall", positive: 0, total: 20 },
      ] },
      {},
    );
    const cl = rows.find((r) => r.level === "cluster" && r.unit === "Horsens");
    expect(cl?.numerator).toBe(65);
    expect(cl?.denominator).toBe(100);
    // methods.md: Wilson 65/100 → [0.5525444330, 0.7363575176]
    expect(cl?.lower).toBeCloseTo(55.25444330, 7);
    expect(cl?.upper).toBeCloseTo(73.63575176, 7);
    expect(cl?.indicator).toBe("experience_positive:overall");
  });
});

describe("computeIndicators", () => {
  it("returns one tidy table, suppressed at 5 by default", () => {
    const ds = datasetFrom(ROWS, POP);
    const all = computeIndicators(ds, base);
    expect(new Set(all.map((r) => r.indicator.split(":")[0].split("@")[0]))).toEqual(
      new Set(["admission_rate", "readmission_30d", "preventable_admission_rate", "focus_fractures", "focus_lower_respiratory_infection", "focus_unspecific", "focus_admissions_0_2", "cost_per_citizen",
        "focus_readmission_30d_fractures", "focus_readmission_30d_lower_respiratory_infection", "focus_readmission_30d_unspecific", "focus_readmission_30d_0_2",
        // no who_prior: the data start on 2019-02-01, so no year has 365 days of look-back
        "who_age", "who_age_year", "who_diagnosis", "who_referral",
        // adverse_events.csv and care_status.csv are not given: a row per year says so
        "adverse_events", "who_care", "frequent_admitted", "frequent_age", "frequent_referral", "weekday_hour", "weekend", "short_stays"]),
    );
    // every question table also per focus area and for the 0-2-year-olds
    const areas = new Set(all.filter((x) => x.indicator.includes("@")).map((x) => x.indicator.split(":")[0].split("@")[1]));
    expect(areas).toEqual(new Set(["fractures", "lower_respiratory_infection", "unspecific", "0_2"]));
    const r = all.find((x) => x.indicator === "admission_rate" && x.level === "region" && x.period === "2019" && x.group === "all" && x.sex === "all");
    expect(r?.suppressed).toBe(true);
    expect(r?.numerator).toBeNull();
    const open = computeIndicators(ds, { ...base, minCount: 0 });
    expect(open.every((x) => !x.suppressed)).toBe(true);
    // a prepared context is reused
    const ctx = prepareIndicators(ds, { ...base, minCount: 0 });
    expect(computeIndicators(ctx).length).toBe(open.length);
    // the same options again, or another choice of indicators, are fine; another threshold is refused, not ignored
    expect(computeIndicators(ctx, { ...base, minCount: 0 }).length).toBe(open.length);
    expect(computeIndicators(ctx, { indicators: ["admission_rate"] }).every((x) => x.indicator === "admission_rate")).toBe(true);
    expect(() => computeIndicators(ctx, { minCount: 5 })).toThrow(/computeIndicators: minCount given with a prepared context.*prepareIndicators/);
  });
});

describe("question tables and the registration-practice report", () => {
  const rows: ContactRow[] = [
    // three admissions in 2019 for p1 (frequent), referred from a nursing home, Saturday 2019-03-02
    adm("p1", "2019-03-02T10:00", "2019-03-03T10:00", { referral: "nursing_home", birth: "1940-01-01" }),
    adm("p1", "2019-04-01T10:00", "2019-04-02T10:00", { referral: "gp", birth: "1940-01-01" }),
    adm("p1", "2019-05-01T10:00", "2019-05-02T10:00", { birth: "1940-01-01" }),
    // a 3 h inpatient stay (under 4 h), a child admitted as inpatient for 6 h (as-registered only)
    adm("p2", "2019-06-03T08:00", "2019-06-03T11:00", { birth: "1980-01-01" }),
    adm("p3", "2019-06-04T08:00", "2019-06-04T14:00", { birth: "2018-01-01", municipality: 615 }),
    adm("p3", "2019-06-10T08:00", "2019-06-10T14:00", { birth: "2018-01-01", municipality: 615 }),
    adm("p4", "2019-07-01T08:00", "2019-07-03T08:00", { birth: "1950-01-01" }), // died 5 days after admission
    adm("z", "2020-12-31T08:00", "2020-12-31T22:00"),
  ];
  const ds = datasetFrom(rows, POP, { died: { p4: "2019-07-06" } });

  it("answers who, from where, when, how short and deaths after admission (counts, never ids)", () => {
    const q = questionTables(ds, { ...base, minCount: 0, groups: ["all"], sexes: ["all"] });
    const get = (ind: string) => q.find((r) => r.indicator === ind && r.level === "region" && r.period === "2019");
    expect(get("who_referral:nursing_home")?.numerator).toBe(1);
    expect(get("who_referral:nursing_home")?.denominator).toBe(4); // acute admissions (≥ 12 h) in 2019
    expect(get("who_referral:not_given")?.numerator).toBe(2);
    expect(get("frequent_admitted:patients")?.numerator).toBe(1);
    expect(get("frequent_admitted:patients")?.denominator).toBe(2);
    expect(get("frequent_admitted:admissions")?.numerator).toBe(3);
    expect(get("weekend:weekend")?.numerator).toBe(1);
    expect(get("weekday_hour:sat-10")?.numerator).toBe(1);
    expect(get("short_stays:under_4h")?.numerator).toBe(1);
    // every acute stay by its duration: p2 3 h (< 4 h); p2 and p3's two 6 h stays (< 12 h); of 7
    expect(get("short_stays:under_12h")?.numerator).toBe(3);
    expect(get("short_stays:under_12h")?.denominator).toBe(7);
    expect(get("deaths_after_admission:within_7d")?.numerator).toBe(1);
    expect(get("who_age:75-79")?.numerator).toBe(3);
    expect(JSON.stringify(q)).not.toMatch(/"p[0-9]"/);
  });

  it("shows admissions and readmissions under both rules and the difference", () => {
    const r = registrationPractice(ds, { ...base, minCount: 0, groups: ["0-2", "all"] });
    const kids = r.find((x) => x.level === "cluster" && x.unit === "Horsens" && x.period === "2019" && x.group === "0-2");
    expect(kids?.admissions_harmonised).toBe(0);
    expect(kids?.admissions_as_registered).toBe(2);
    expect(kids?.admissions_difference).toBe(2);
    expect(kids?.index_as_registered).toBe(2);
    expect(kids?.readmitted_as_registered).toBe(1);
    expect(kids?.readmission_pct_as_registered).toBeCloseTo(50, 12);
    const sup = registrationPractice(ds, { ...base, groups: ["0-2"] });
    expect(sup.find((x) => x.unit === "Horsens" && x.period === "2019")?.suppressed).toBe(true);
  });
});
