// Calibration, registration difference and injected effect, measured independently with the
// simple code of simpleMeasures.ts on one in-memory region dataset (2 % of citizens, 2016–2023).
import { readFileSync } from "node:fs";
import { beforeAll, describe, expect, it } from "vitest";
import { DEMO_INTERVENTION, generateToMemory } from "../../src/generate/index.js";
import { CALIBRATION_TARGETS } from "../../src/generate/rates.js";
import {
  type Contact,
  type Stay,
  inGroups,
  isAdmission,
  parseAdmissions,
  parseGeography,
  parseGroupFile,
  parsePopulation,
  populationSum,
  readmissionShare,
  toStays,
  utcMinutes,
} from "./simpleMeasures.js";

const FRACTION = 0.02;
let contacts: Contact[];
let stays: Stay[];
let pop: Map<string, number>;
let cluster: Map<number, string>;
const END = utcMinutes(2024, 1, 1);
const target = (id: string) => CALIBRATION_TARGETS.find((t) => t.id === id)!;
const within = (value: number, id: string) => {
  const t = target(id);
  expect(Math.abs(value / t.target - 1), `${id}: ${value.toFixed(3)} vs ${t.target}`).toBeLessThanOrEqual(t.tolerance);
};
const starts = new Map(DEMO_INTERVENTION.adoptions.map((a) => [a.cluster, utcMinutes(...(a.start.split("-").map(Number) as [number, number, number]))]));

beforeAll(async () => {
  const { files } = await generateToMemory({ seed: 11, years: [2016, 2023], fraction: FRACTION });
  contacts = parseAdmissions(files["admissions.csv"]);
  stays = toStays(contacts);
  pop = parsePopulation(files["population.csv"]);
  cluster = parseGeography(files["geography.csv"]);
});

describe("calibration (targets and tolerances: CALIBRATION_TARGETS, sources named there)", () => {
  it("population near Statistics Denmark's figures", () => {
    // danish-context.md: region ≈ 1.27 million in 2013, 1.36 million in 2024; Aarhus 319,094 in 2013
    const region2016 = populationSum(pop, (y) => y === 2016) / FRACTION;
    const region2023 = populationSum(pop, (y) => y === 2023) / FRACTION;
    expect(region2016).toBeGreaterThan(1.26e6);
    expect(region2016).toBeLessThan(1.34e6);
    expect(region2023).toBeGreaterThan(region2016);
    expect(region2023).toBeLessThan(1.39e6);
    const aarhus2016 = populationSum(pop, (y, m) => y === 2016 && m === 751) / FRACTION;
    expect(aarhus2016).toBeGreaterThan(319094 * 0.97);
    expect(aarhus2016).toBeLessThan(319094 * 1.1);
  });

  it("admissions (stays >= 12 h) per 1,000 citizen-years, all ages and 0-2", () => {
    const adm = stays.filter(isAdmission);
    within((adm.length / populationSum(pop, () => true)) * 1000, "admissions_per_1000");
    const adm02 = adm.filter((s) => s.ageAtStart <= 2).length;
    within((adm02 / populationSum(pop, (_y, _m, a) => a <= 2)) * 1000, "admissions_0_2_per_1000");
  });

  it("preventable admissions 65+ per 1,000 citizens 65+ (groups read from data/diagnosis-groups)", () => {
    const groups = parseGroupFile(readFileSync("data/diagnosis-groups/preventable-admissions.csv", "utf8"));
    expect(groups.size).toBe(9);
    const n = stays.filter((s) => isAdmission(s) && s.acute && s.ageAtStart >= 65 && inGroups(s.diagnosis, groups)).length;
    within((n / populationSum(pop, (_y, _m, a) => a >= 65)) * 1000, "preventable_65_per_1000");
  });

  it("acute 30-day readmission share 65+ where the intervention is not active", () => {
    const r = readmissionShare(stays, (s) => s.ageAtStart >= 65 && s.end < (starts.get(cluster.get(s.municipality)!) ?? Infinity), END);
    within(r.readmitted / r.index, "readmission_65_share");
  });

  it("more acute admissions before and during weekends; winter peak of respiratory infections; day-time peak", () => {
    const acute = stays.filter((s) => isAdmission(s) && s.acute);
    const byWeekday = new Array(7).fill(0);
    for (const s of acute) byWeekday[new Date(s.start * 60000).getUTCDay()]++; // 0 = Sunday
    const friSun = (byWeekday[5] + byWeekday[6] + byWeekday[0]) / 3;
    const tueThu = (byWeekday[2] + byWeekday[3] + byWeekday[4]) / 3;
    expect(friSun / tueThu).toBeGreaterThan(1.1);
    const lri = acute.filter((s) => /^J(1[2-8]|2[0-2])/.test(s.diagnosis));
    const month = (s: Stay) => new Date(s.start * 60000).getUTCMonth();
    const winter = lri.filter((s) => [11, 0, 1].includes(month(s))).length;
    const summer = lri.filter((s) => [5, 6, 7].includes(month(s))).length;
    expect(winter / summer).toBeGreaterThan(1.8);
    const hour = (s: Stay) => new Date(s.start * 60000).getUTCHours();
    const night = acute.filter((s) => hour(s) < 6).length / 6;
    const day = acute.filter((s) => hour(s) >= 10 && hour(s) < 16).length / 6;
    expect(day / night).toBeGreaterThan(3);
  });

  it("contains transfers (<= 4 h gaps), 4-6 h gaps, short stays, deaths soon after admission and still-admitted contacts", () => {
    expect(stays.filter((s) => s.contacts.length > 1).length).toBeGreaterThan(1000);
    const byPatient = new Map<string, Contact[]>();
    for (const c of contacts) byPatient.set(c.patient, [...(byPatient.get(c.patient) ?? []), c]);
    let longGaps = 0;
    for (const list of byPatient.values()) {
      list.sort((a, b) => a.admitted - b.admitted);
      for (let i = 1; i < list.length; i++) {
        const gap = list[i].admitted - list[i - 1].discharged;
        if (gap > 240 && gap <= 360) longGaps++;
      }
    }
    expect(longGaps).toBeGreaterThan(20);
    expect(stays.filter((s) => !isAdmission(s) && s.acute).length).toBeGreaterThan(5000);
    expect(contacts.filter((c) => Number.isNaN(c.discharged)).length).toBeGreaterThan(0);
    expect(contacts.filter((c) => Number.isNaN(c.discharged)).every((c) => c.admitted >= utcMinutes(2023, 9, 1))).toBe(true);
  });
});

describe("registration difference (seed 002)", () => {
  it("Aarhus registers 0-2-year-olds' short emergency contacts as outpatients, the others as inpatients; the 12 h rule makes them comparable", () => {
    const kids = stays.filter((s) => s.ageAtStart <= 2 && s.acute);
    const isAarhus = (s: Stay) => cluster.get(s.municipality) === "Aarhus";
    const shortInpatientShare = (list: Stay[]) => {
      const short = list.filter((s) => !isAdmission(s));
      return short.filter((s) => s.contacts.some((c) => c.inpatient)).length / short.length;
    };
    expect(shortInpatientShare(kids.filter(isAarhus))).toBe(0);
    expect(shortInpatientShare(kids.filter((s) => !isAarhus(s)))).toBeGreaterThan(0.95);
    const py = (aarhus: boolean) => populationSum(pop, (_y, m, a) => a <= 2 && (cluster.get(m) === "Aarhus") === aarhus);
    const registered = (aarhus: boolean) => kids.filter((s) => isAarhus(s) === aarhus && s.contacts[0].inpatient).length / py(aarhus);
    const harmonised = (aarhus: boolean) => kids.filter((s) => isAarhus(s) === aarhus && isAdmission(s)).length / py(aarhus);
    expect(registered(false) / registered(true)).toBeGreaterThan(2);
    const h = harmonised(false) / harmonised(true);
    // same underlying rates: equal up to sampling noise (about ±8 % per cluster group at 2 %)
    expect(h).toBeGreaterThan(0.75);
    expect(h).toBeLessThan(1.33);
  });
});

describe("injected intervention (DEMO_INTERVENTION, rate ratio 0.75)", () => {
  const ratio = (clusters: string[], split: (c: string) => number) => {
    const inSet = (s: Stay) => s.ageAtStart >= 65 && clusters.includes(cluster.get(s.municipality)!);
    const before = readmissionShare(stays, (s) => inSet(s) && s.end < split(cluster.get(s.municipality)!), END);
    const after = readmissionShare(stays, (s) => inSet(s) && s.end >= split(cluster.get(s.municipality)!), END);
    return after.readmitted / after.index / (before.readmitted / before.index);
  };
  it("crude before/after ratio of the readmission share is near 0.75 in adopting clusters and near 1 elsewhere", () => {
    const adopting = DEMO_INTERVENTION.adoptions.map((a) => a.cluster);
    const r = ratio(adopting, (c) => starts.get(c)!);
    expect(r).toBeGreaterThan(0.6);
    expect(r).toBeLessThan(0.88);
    const control = ratio([...DEMO_INTERVENTION.nonAdopting], () => utcMinutes(2019, 7, 1));
    expect(control).toBeGreaterThan(0.87);
    expect(control).toBeLessThan(1.15);
  });
});
