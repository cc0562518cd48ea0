/**
 * The generator's driver, shared by the file and in-memory entry points: writes geography,
 * streams admissions and deaths municipality by municipality (awaiting backpressure), then
 * population, sector costs and experience counts, and returns the manifest (truth.json).
 */

import { daysFromCivil } from "../contract/time.js";
import { CALIBRATION_TARGETS } from "./rates.js";
import { DEMO_INTERVENTION, type InjectedIntervention } from "./demoIntervention.js";
import { MIDTJYLLAND_MUNICIPALITIES, nationMunicipalities, type GeneratorMunicipality } from "./geography.js";
import { cprSafeInteger, dayToText, minutesToText } from "./format.js";
import { GENERATE_MESSAGES } from "./messages.js";
import type { GenerateProgress, GenerateSettings } from "./options.js";
import { Random } from "../stats/random.js";
import { AGE_GROUP_LABELS, simulateMunicipality, type GeneratedContact, type MunicipalityResult } from "./simulateMunicipality.js";
import type { TextOutput } from "./textOutput.js";
import { MISSING } from "../contract/time.js";
import { MAX_AGE } from "./agePyramid.js";

/** The outputs one run writes, by file role. */
export interface GeneratorOutputs {
  readonly admissions: TextOutput;
  readonly population: TextOutput;
  readonly geography: TextOutput;
  readonly deaths: TextOutput;
  readonly sectorCosts: TextOutput;
  readonly experience: TextOutput;
}

/** The manifest written as truth.json: what was injected and what the data is calibrated to. */
export interface GeneratorTruth {
  readonly generator: string;
  readonly formatVersion: 1;
  readonly seed: number;
  readonly options: Omit<GenerateSettings, never>;
  readonly files: readonly string[];
  readonly intervention: InjectedIntervention & { readonly mechanism: string };
  readonly registrationDifference: {
    readonly enabled: boolean;
    readonly cluster: string;
    readonly description: string;
  };
  readonly calibrationTargets: typeof CALIBRATION_TARGETS;
  readonly assumptions: readonly string[];
  readonly counts: {
    readonly municipalities: number;
    readonly contacts: number;
    readonly patients: number;
    readonly deaths: number;
    readonly citizensFirstYear: number;
    readonly citizensLastYear: number;
  };
}

const ADMISSIONS_HEADER =
  "patient_id,birth_date,sex,municipality_code,hospital,admitted_at,discharged_at,admission_type,contact_type,primary_diagnosis,referral_source,cost_dkk";

/** Per-citizen yearly costs in DKK (2016 prices) of the non-hospital sectors by age group (assumptions). */
const SECTOR_UNIT_COSTS: Readonly<Record<"general_practice" | "municipal_care" | "other", readonly number[]>> = {
  general_practice: [2000, 900, 1400, 2600, 3400],
  municipal_care: [1500, 600, 1200, 9000, 55000],
  other: [700, 500, 900, 1300, 1800],
};

export const GENERATOR_ASSUMPTIONS: readonly string[] = [
  "Age pyramid: Danish five-year band shares around 2013 interpolated to single years; city (Aarhus) and rural profiles shift young adults and 65+ (agePyramid.ts).",
  "Municipal growth factors per year fitted to the region's 1.36 million in 2024 and Aarhus > 373,000 in 2025 (geography.ts).",
  "Children 0–2: about 120 admissions (stays >= 12 h) and about 300 short acute contacts per 1,000 a year (no published figure found).",
  "Readmission 65+: about 16 % of stays >= 12 h are followed by an acute stay >= 12 h within 30 days (middle of the 11–22 % range by practice, 2018).",
  "Frailty: Gamma(1.3) with mean 1 multiplies acute rates and readmission probability (the frequently admitted).",
  "Costs: DRG-like values per diagnosis category scaled by length of stay with 25 % log-normal noise; sector costs for general practice, municipal care and other are unit costs per citizen by age group, +2 % a year.",
  "Experience: survey counts per cluster and half-year, about 80 % positive, +4 points after adoption of the intervention.",
  "Nation scale: the other regions' 79 municipalities have real codes and names but approximate populations and synthetic clusters.",
];

function contactLine(c: GeneratedContact): string {
  const adm = minutesToText(c.admittedAt);
  const dis = c.dischargedAt === MISSING ? "" : minutesToText(c.dischargedAt);
  return `${c.patientId},${dayToText(c.birthDay)},${c.sex === 1 ? "F" : "M"},${c.municipality},${c.hospital},${adm},${dis},${c.acute ? "acute" : "planned"},${c.inpatient ? "inpatient" : "outpatient"},${c.diagnosis},${c.referral},${cprSafeInteger(c.cost)}`;
}

/** Run the generator on validated settings, writing to the given outputs. */
export async function runGenerator(
  settings: GenerateSettings,
  out: GeneratorOutputs,
  progress?: (p: GenerateProgress) => void,
): Promise<GeneratorTruth> {
  const municipalities: readonly GeneratorMunicipality[] =
    settings.scale === "nation" ? nationMunicipalities() : MIDTJYLLAND_MUNICIPALITIES;
  const clusters = new Set(municipalities.map((m) => m.cluster));
  const intervention = { ...DEMO_INTERVENTION, rateRatio: settings.interventionRateRatio };
  const adoptionStart = new Map<string, number>();
  for (const a of intervention.adoptions) {
    if (!clusters.has(a.cluster)) throw new Error(GENERATE_MESSAGES.unknownCluster(a.cluster));
    const [y, mo, d] = a.start.split("-").map(Number);
    adoptionStart.set(a.cluster, daysFromCivil(y, mo, d));
  }
  const [fromYear, toYear] = settings.years;
  const years = toYear - fromYear + 1;
  const sim = {
    seed: settings.seed,
    fromYear,
    toYear,
    fraction: settings.fraction,
    rateRatio: settings.interventionRateRatio,
    adoptionStart,
    outpatientChildCluster: settings.registrationDifference ? "Aarhus" : "",
  };

  out.geography.line("municipality_code,municipality_name,cluster,hospital_unit");
  for (const m of municipalities) out.geography.line(`${m.code},${m.name},${m.cluster},${m.hospitalUnit}`);
  out.admissions.line(ADMISSIONS_HEADER);
  out.deaths.line("patient_id,died_at");
  out.population.line("year,municipality_code,sex,age,count");
  out.sectorCosts.line("year,municipality_code,sector,age_group,cost_dkk");

  const sink = {
    contact: (c: GeneratedContact) => out.admissions.line(contactLine(c)),
    death: (id: string, at: number) => out.deaths.line(`${id},${minutesToText(at)}`),
  };
  let contacts = 0;
  let patients = 0;
  let deaths = 0;
  let citizensFirstYear = 0;
  let citizensLastYear = 0;
  // population 65+ by cluster and year (for experience survey sizes)
  const pop65 = new Map<string, Float64Array>();
  for (let mi = 0; mi < municipalities.length; mi++) {
    const m = municipalities[mi];
    const it = simulateMunicipality(sim, m, m.cluster, sink);
    let r = it.next();
    while (!r.done) {
      await out.admissions.maybeFlush();
      await out.deaths.maybeFlush();
      r = it.next();
    }
    const res: MunicipalityResult = r.value;
    contacts += res.contacts;
    patients += res.patients;
    deaths += res.deaths;
    // population.csv rows of this municipality
    for (let yi = 0; yi < years; yi++) {
      for (let sex = 1; sex <= 2; sex++) {
        for (let age = 0; age <= MAX_AGE; age++) {
          const n = res.population[(yi * 2 + sex - 1) * (MAX_AGE + 1) + age];
          out.population.line(`${fromYear + yi},${m.code},${sex === 1 ? "F" : "M"},${age === MAX_AGE ? "100+" : age},${n}`);
          if (yi === 0) citizensFirstYear += n;
          if (yi === years - 1) citizensLastYear += n;
          if (age >= 65) {
            let arr = pop65.get(m.cluster);
            if (!arr) pop65.set(m.cluster, (arr = new Float64Array(years)));
            arr[yi] += n;
          }
        }
      }
    }
    await out.population.maybeFlush();
    writeSectorCosts(settings.seed, m, res, fromYear, years, out.sectorCosts);
    await out.sectorCosts.maybeFlush();
    progress?.({ municipalitiesDone: mi + 1, municipalitiesTotal: municipalities.length, municipality: m.name, contacts });
  }
  writeExperience(settings.seed, [...clusters], pop65, adoptionStart, fromYear, years, out.experience);

  await Promise.all([
    out.admissions.close(),
    out.population.close(),
    out.geography.close(),
    out.deaths.close(),
    out.sectorCosts.close(),
    out.experience.close(),
  ]);
  return {
    generator: "klynge generateDataset",
    formatVersion: 1,
    seed: settings.seed,
    options: settings,
    files: [
      settings.gzip ? "admissions.csv.gz" : "admissions.csv",
      "population.csv",
      "geography.csv",
      "deaths.csv",
      "sector_costs.csv",
      "experience.csv",
      "truth.json",
    ],
    intervention: {
      ...intervention,
      mechanism:
        "From a cluster's start date, every acute contact of a citizen 65+ of that cluster that would start within 30 days after a discharge (stay >= 12 h ending on or after the start date) is kept with probability rateRatio; so the acute 30-day readmission rate of 65+ is multiplied by rateRatio there and unchanged elsewhere.",
    },
    registrationDifference: {
      enabled: settings.registrationDifference,
      cluster: "Aarhus",
      description:
        "Aarhus registers children (< 18) seen in the emergency department as outpatients: short stays as one outpatient contact, longer stays as an outpatient emergency contact followed without gap by an inpatient contact. The other clusters register them as inpatients from the start. Stays merged by the 4 h rule and counted by the 12 h rule are comparable.",
    },
    calibrationTargets: CALIBRATION_TARGETS,
    assumptions: GENERATOR_ASSUMPTIONS,
    counts: { municipalities: municipalities.length, contacts, patients, deaths, citizensFirstYear, citizensLastYear },
  };
}

function writeSectorCosts(
  seed: number,
  m: GeneratorMunicipality,
  res: MunicipalityResult,
  fromYear: number,
  years: number,
  out: TextOutput,
): void {
  const rng = new Random(seed, `sector-costs:${m.code}`);
  const bandOfAge = (age: number): number => (age <= 2 ? 0 : age < 18 ? 1 : age < 65 ? 2 : age < 80 ? 3 : 4);
  for (let yi = 0; yi < years; yi++) {
    const people = new Float64Array(5);
    for (let sex = 0; sex < 2; sex++)
      for (let age = 0; age <= MAX_AGE; age++) people[bandOfAge(age)] += res.population[(yi * 2 + sex) * (MAX_AGE + 1) + age];
    const price = Math.pow(1.02, fromYear + yi - 2016);
    for (let g = 0; g < 5; g++) {
      const year = fromYear + yi;
      const label = AGE_GROUP_LABELS[g];
      out.line(`${year},${m.code},hospital,${label},${cprSafeInteger(res.hospitalCost[yi * 5 + g])}`);
      for (const sector of ["general_practice", "municipal_care", "other"] as const) {
        const v = people[g] * SECTOR_UNIT_COSTS[sector][g] * price * Math.exp(0.03 * rng.normal());
        out.line(`${year},${m.code},${sector},${label},${cprSafeInteger(v)}`);
      }
    }
  }
}

function writeExperience(
  seed: number,
  clusters: readonly string[],
  pop65: ReadonlyMap<string, Float64Array>,
  adoptionStart: ReadonlyMap<string, number>,
  fromYear: number,
  years: number,
  out: TextOutput,
): void {
  const rng = new Random(seed, "experience");
  out.line("period,cluster,measure,positive,total");
  for (const cluster of clusters) {
    const p65 = pop65.get(cluster) ?? new Float64Array(years);
    const start = adoptionStart.get(cluster) ?? Infinity;
    for (let yi = 0; yi < years; yi++) {
      for (let half = 0; half < 2; half++) {
        const periodStart = daysFromCivil(fromYear + yi, half === 0 ? 1 : 7, 1);
        const adopted = periodStart >= start;
        for (const [measure, base] of [["patient_overall_satisfaction", 0.8], ["relative_satisfaction", 0.76]] as const) {
          const total = Math.max(10, rng.roundStochastic(0.015 * p65[yi] * Math.exp(0.1 * rng.normal())));
          const p = Math.min(0.98, base + (adopted ? 0.04 : 0));
          let positive = 0;
          for (let k = 0; k < total; k++) if (rng.next() < p) positive++;
          out.line(`${fromYear + yi}-H${half + 1},${cluster},${measure},${positive},${total}`);
        }
      }
    }
  }
}
