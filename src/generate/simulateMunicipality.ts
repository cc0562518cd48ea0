/**
 * The core of the generator: simulates every (sampled) citizen of one municipality over the
 * years of the dataset, one citizen at a time, and hands each hospital contact and death to a
 * sink. A generator function: it yields every few hundred citizens so that the caller can wait
 * for the output streams to drain (backpressure) — nothing but one citizen is held in memory.
 *
 * Model (per citizen): a frailty (Gamma, mean 1) multiplies acute rates; yearly Poisson counts
 * of acute stays, short acute contacts, planned stays, planned outpatient contacts and births
 * (rates.ts), each placed on a day by weekday/season weights and an hour by time-of-day
 * weights; events are then processed in time order: overlapping events are dropped, a stay
 * ≥ 12 h may trigger a readmission-process event 1–30 days later, and the injected intervention
 * thins acute contacts within 30 days of a discharge of a 65+ citizen (demoIntervention.ts).
 * Deaths follow Gompertz mortality; a share is preceded by a terminal acute admission.
 */

import { MINUTES_PER_DAY, MISSING, daysFromCivil, isSkippedLocalTime, weekdayOfDays } from "../contract/time.js";
import { MAX_AGE, agePyramid } from "./agePyramid.js";
import { CHILDBIRTH_CODES, CHILDBIRTH_COST, DIAGNOSIS_CATEGORIES, ageBand, type DiagnosisCategory } from "./diagnosisMix.js";
import { AARHUS_UNIVERSITY_HOSPITAL, expectedPopulation, type GeneratorMunicipality } from "./geography.js";
import { Random, cumulative } from "../stats/random.js";
import {
  ACUTE_HOUR_WEIGHT,
  ACUTE_STAY_RATE,
  ACUTE_WEEKDAY_WEIGHT,
  CHILD_HOUR_WEIGHT,
  DEATH_PROBABILITY,
  FERTILITY,
  PLANNED_OUTPATIENT_RATE,
  PLANNED_STAY_RATE,
  SHORT_ACUTE_RATE,
  TUNING,
} from "./rates.js";

/** One generated hospital contact, as handed to a sink. */
export interface GeneratedContact {
  readonly patientId: string;
  readonly birthDay: number;
  /** 1 = F, 2 = M. */
  readonly sex: number;
  readonly municipality: number;
  readonly hospital: string;
  readonly admittedAt: number;
  /** Local wall-clock minutes, or MISSING when still admitted at the end of the data. */
  readonly dischargedAt: number;
  readonly acute: boolean;
  readonly inpatient: boolean;
  /** The diagnosis as written (J18.9 or DJ189). */
  readonly diagnosis: string;
  readonly referral: string;
  readonly cost: number;
}

export interface GeneratorSink {
  contact(c: GeneratedContact): void;
  death(patientId: string, diedAt: number): void;
}

/** Settings shared by all municipalities of one run. */
export interface SimulationSettings {
  readonly seed: number;
  readonly fromYear: number;
  readonly toYear: number;
  readonly fraction: number;
  readonly rateRatio: number;
  /** Start day of the intervention by cluster (days since 1970-01-01). */
  readonly adoptionStart: ReadonlyMap<string, number>;
  /** The cluster whose hospital registers children seen in the emergency department as outpatients. */
  readonly outpatientChildCluster: string;
}

/** Per-municipality aggregates returned when the municipality is done. */
export interface MunicipalityResult {
  /** Citizens on 1 January: index ((year − from) × 2 + sex − 1) × 101 + age. */
  readonly population: Float64Array;
  /** Hospital cost by year of admission and age group: (year − from) × 5 + band. */
  readonly hospitalCost: Float64Array;
  readonly contacts: number;
  readonly patients: number;
  readonly deaths: number;
}

const enum Kind {
  AcuteStay = 0,
  AcuteShort = 1,
  PlannedStay = 2,
  PlannedOut = 3,
  Birth = 4,
  Terminal = 5,
  Readmission = 6,
}

interface Candidate {
  start: number;
  kind: Kind;
  category: DiagnosisCategory | null;
  code: string;
}

const H12 = 12 * 60;
const DAY = MINUTES_PER_DAY;
const AGES = MAX_AGE + 1;

// Cumulative diagnosis weights per age band, for acute and planned contacts (+ infant variant).
function buildMix(planned: boolean, infant: boolean): Float64Array[] {
  return [0, 1, 2, 3, 4].map((band) =>
    cumulative(
      DIAGNOSIS_CATEGORIES.map((c) => {
        if (c.infantOnly && !infant) return 0;
        const w = planned ? c.planned[band] : c.acute[band];
        return c.preventable && band >= 3 && !planned ? w * TUNING.preventable65Scale : w;
      }),
    ),
  );
}
const ACUTE_MIX = buildMix(false, false);
const ACUTE_MIX_INFANT = buildMix(false, true);
const PLANNED_MIX = buildMix(true, false);
const CODE_CUM = DIAGNOSIS_CATEGORIES.map((c) => cumulative(c.codes.map((x) => x[1])));
const BIRTH_CUM = cumulative(CHILDBIRTH_CODES.map((x) => x[1]));
const ACUTE_HOUR_CUM = cumulative([...ACUTE_HOUR_WEIGHT]);
const CHILD_HOUR_CUM = cumulative([...CHILD_HOUR_WEIGHT]);
const MAX_WEEKDAY = Math.max(...ACUTE_WEEKDAY_WEIGHT);
const LOS_MEDIAN_DAYS = [1.2, 1.1, 2.0, 3.4, 4.4];
const AGE_GROUP_COUNT = 5;

const REFERRAL_ACUTE_ADULT = { names: ["gp", "out_of_hours", "emergency_call", "hospital", "self", "other", ""], cum: cumulative([32, 18, 22, 6, 12, 5, 3]) };
const REFERRAL_ACUTE_CHILD = { names: ["out_of_hours", "gp", "emergency_call", "self", "hospital", "other", ""], cum: cumulative([40, 25, 12, 15, 5, 3, 2]) };
const REFERRAL_NURSING_HOME = { names: ["nursing_home", "emergency_call", "out_of_hours", "gp"], cum: cumulative([60, 20, 10, 10]) };
const REFERRAL_PLANNED = { names: ["gp", "hospital", "other", ""], cum: cumulative([50, 43, 5, 2]) };
const REFERRAL_BIRTH = { names: ["self", "gp", "other"], cum: cumulative([70, 10, 20]) };

/** Births per citizen-year: the size of the age-0 cohort of the profile's pyramid (keeps 0–2 stable). */
function birthRate(profile: GeneratorMunicipality["profile"]): number {
  const p = agePyramid(profile);
  return p[0] + p[AGES];
}
function deathRate(profile: GeneratorMunicipality["profile"]): number {
  const p = agePyramid(profile);
  let s = 0;
  for (let age = 0; age < AGES; age++) s += (p[age] + p[AGES + age]) * DEATH_PROBABILITY[age];
  return s;
}

/** Pseudonymous patient id: "p" + 7 base-36 characters from a bijective 32-bit scramble. */
export function patientIdFor(seed: number, municipality: number, index: number): string {
  let x = (municipality * 4194304 + index) >>> 0;
  x = (x ^ Math.imul(seed | 0, 0x27d4eb2d)) >>> 0;
  x = Math.imul(x, 0x9e3779b1) >>> 0;
  x = (x ^ (x >>> 15)) >>> 0;
  x = Math.imul(x, 0x85ebca77) >>> 0;
  x = (x ^ (x >>> 13)) >>> 0;
  return "p" + x.toString(36).padStart(7, "0");
}

/**
 * Simulate one municipality (see file header). Yields regularly for backpressure; returns the
 * municipality's population counts and hospital costs.
 */
export function* simulateMunicipality(
  s: SimulationSettings,
  m: GeneratorMunicipality,
  cluster: string,
  sink: GeneratorSink,
): Generator<void, MunicipalityResult, void> {
  // Two streams: demography (who lives where, births, deaths, frailty) and events (contacts,
  // restarted for each citizen), so that a different intervention effect leaves the population,
  // the deaths and every citizen it does not touch unchanged.
  const demo = new Random(s.seed, `demography:${m.code}`);
  const rng = new Random(s.seed, `events:${m.code}`);
  const years = s.toYear - s.fromYear + 1;
  const population = new Float64Array(years * 2 * AGES);
  const hospitalCost = new Float64Array(years * AGE_GROUP_COUNT);
  const yearStartDay: number[] = [];
  for (let y = s.fromYear; y <= s.toYear + 1; y++) yearStartDay.push(daysFromCivil(y, 1, 1));
  const dataEnd = yearStartDay[years] * DAY;
  const adoption = s.adoptionStart.get(cluster) ?? Infinity;
  const thinning = adoption !== Infinity; // draw even when rateRatio = 1 so runs with different effects stay paired
  const outpatientChildren = cluster === s.outpatientChildCluster;
  const ownHospital = m.hospitalUnit;
  const isAarhusHospital = ownHospital === AARHUS_UNIVERSITY_HOSPITAL;
  const births = birthRate(m.profile);
  const deaths = deathRate(m.profile);
  const stats = { contacts: 0, patients: 0, deaths: 0 };
  let index = 0;

  // the patient id is made only for citizens with a contact
  let citizenIndex = 0;
  let citizenId: string | null = null;
  const currentId = (): string => (citizenId ??= patientIdFor(s.seed, m.code, citizenIndex));
  const runCitizen = (birthDay: number, sex: number, entryDay: number): void => {
    rng.reseed(s.seed, m.code, index);
    citizenIndex = index++;
    citizenId = null;
    simulateCitizen(birthDay, sex, entryDay);
  };

  // ---- one citizen --------------------------------------------------------------------------
  const simulateCitizen = (birthDay: number, sex: number, entryDay: number): void => {
    const frailty = demo.gamma(1.3) / 1.3;
    const nursingHomeAge = frailty > 1.6 ? 80 + demo.int(12) : demo.chance(0.15) ? 88 + demo.int(8) : Infinity;
    const birthYear = civilYear(birthDay);
    const bornOnJan1 = birthDay === daysFromCivil(birthYear, 1, 1);
    let deathMinute = Infinity;
    let exitDay = Infinity;
    const cands: Candidate[] = [];
    const netRate = m.growth - 1 - births + deaths;
    const outRate = netRate < 0 ? -netRate : 0;

    for (let yi = 0; yi < years; yi++) {
      const y = s.fromYear + yi;
      const yStart = yearStartDay[yi];
      const yEnd = yearStartDay[yi + 1];
      if (entryDay >= yEnd) continue;
      if (deathMinute < yStart * DAY || exitDay < yStart) break;
      const startDay = Math.max(entryDay, yStart);
      const ageJan1 = y - birthYear - (bornOnJan1 ? 0 : 1);
      if (entryDay <= yStart && ageJan1 >= 0) population[(yi * 2 + sex - 1) * AGES + Math.min(MAX_AGE, ageJan1)] += 1;
      const age = Math.min(MAX_AGE, Math.max(0, y - birthYear));
      const exposure = (yEnd - startDay) / (yEnd - yStart);
      // death and out-migration this year
      const q = DEATH_PROBABILITY[age] * exposure; // independent of frailty: no selection drift over the years
      if (demo.next() < q) {
        const d = startDay + demo.int(yEnd - startDay);
        deathMinute = d * DAY + demo.int(DAY);
      }
      if (outRate > 0 && demo.next() < outRate * exposure) exitDay = startDay + demo.int(yEnd - startDay);
      // events
      const lA = ACUTE_STAY_RATE[age] * TUNING.acuteStayScale * frailty;
      const lS = SHORT_ACUTE_RATE[age] * TUNING.shortAcuteScale * (0.5 + 0.5 * frailty);
      const lP = PLANNED_STAY_RATE[age] * TUNING.plannedStayScale;
      const lO = PLANNED_OUTPATIENT_RATE[age] * TUNING.plannedOutpatientScale;
      const lB = sex === 1 ? FERTILITY[age] : 0;
      const total = lA + lS + lP + lO + lB;
      const n = rng.poisson(total * exposure);
      for (let k = 0; k < n; k++) {
        const u = rng.next() * total;
        const kind = u < lA ? Kind.AcuteStay : u < lA + lS ? Kind.AcuteShort : u < lA + lS + lP ? Kind.PlannedStay : u < lA + lS + lP + lO ? Kind.PlannedOut : Kind.Birth;
        cands.push(makeCandidate(kind, age, startDay, yEnd, yStart));
      }
    }
    // terminal admission before a death inside the data period
    if (deathMinute < dataEnd) {
      const deathAge = Math.min(MAX_AGE, civilYear(Math.floor(deathMinute / DAY)) - birthYear);
      if (rng.chance(deathAge >= 65 ? TUNING.terminalAdmission65 : TUNING.terminalAdmissionYoung)) {
        const start = deathMinute - (rng.int(10) * DAY + rng.int(DAY));
        const cat = pickCategory(deathAge, false);
        cands.push({ start: fixSkipped(start), kind: Kind.Terminal, category: cat, code: pickCode(cat) });
      }
    }
    if (cands.length === 0) return;
    cands.sort((a, b) => a.start - b.start || a.kind - b.kind);

    // ---- process events in time order ----
    const endLimit = Math.min(deathMinute, exitDay * DAY, dataEnd);
    const firstDay = Math.max(entryDay, yearStartDay[0]) * DAY;
    let busyUntil = -Infinity;
    let lastIndexEnd = -Infinity;
    let lastIndexThinned = false;
    let emitted = 0;
    for (let i = 0; i < cands.length; i++) {
      const ev = cands[i];
      if (ev.start >= endLimit) break;
      if (ev.start < firstDay || ev.start < busyUntil) continue;
      const acute = ev.kind !== Kind.PlannedStay && ev.kind !== Kind.PlannedOut;
      if (thinning && acute && lastIndexThinned && ev.start - lastIndexEnd <= 30 * DAY && rng.next() >= s.rateRatio) continue;
      const age = Math.min(MAX_AGE, civilYear(Math.floor(ev.start / DAY)) - birthYear);
      const end = emitEpisode(ev, birthDay, sex, age, frailty, age >= nursingHomeAge, deathMinute);
      emitted++;
      busyUntil = end.end;
      if (end.stay && end.end < deathMinute) {
        lastIndexEnd = end.end;
        const dischargeAge = Math.min(MAX_AGE, civilYear(Math.floor(end.end / DAY)) - birthYear);
        lastIndexThinned = dischargeAge >= 65 && Math.floor(end.end / DAY) >= adoption;
        // readmission process
        const base = dischargeAge >= 65 ? TUNING.readmission65 : dischargeAge < 18 ? TUNING.readmissionChild : TUNING.readmissionAdult;
        const p = Math.min(0.7, base * Math.pow(frailty, 0.6));
        if (rng.next() < p) {
          const gapDays = 1 + Math.floor(29 * Math.pow(rng.next(), 1.7));
          const start = fixSkipped(end.end + gapDays * DAY + rng.int(DAY) - DAY / 2 + 360);
          const cat = ev.category !== null && rng.chance(0.5) ? ev.category : pickCategory(dischargeAge, false);
          const cand: Candidate = { start, kind: Kind.Readmission, category: cat, code: pickCode(cat) };
          let j = i + 1;
          while (j < cands.length && cands[j].start <= start) j++;
          cands.splice(j, 0, cand);
        }
      }
    }
    if (emitted > 0) {
      stats.patients++;
      if (deathMinute < dataEnd && deathMinute < exitDay * DAY) {
        sink.death(currentId(), deathMinute);
        stats.deaths++;
      }
    }
  };

  // ---- helpers using the municipality's stream ---------------------------------------------
  const pickCategory = (age: number, planned: boolean): DiagnosisCategory => {
    const band = ageBand(age);
    const mix = planned ? PLANNED_MIX : age === 0 ? ACUTE_MIX_INFANT : ACUTE_MIX;
    return DIAGNOSIS_CATEGORIES[rng.pickCumulative(mix[band])];
  };
  const pickCode = (cat: DiagnosisCategory): string => cat.codes[rng.pickCumulative(CODE_CUM[DIAGNOSIS_CATEGORIES.indexOf(cat)])][0];

  const makeCandidate = (kind: Kind, age: number, startDay: number, endDay: number, yStart: number): Candidate => {
    if (kind === Kind.Birth) {
      const day = startDay + rng.int(endDay - startDay);
      const start = fixSkipped(day * DAY + rng.pickCumulative(ACUTE_HOUR_CUM) * 60 + rng.int(60));
      return { start, kind, category: null, code: CHILDBIRTH_CODES[rng.pickCumulative(BIRTH_CUM)][0] };
    }
    const planned = kind === Kind.PlannedStay || kind === Kind.PlannedOut;
    const cat = pickCategory(age, planned);
    const span = endDay - startDay;
    let day = startDay;
    for (let tries = 0; tries < 50; tries++) {
      day = startDay + rng.int(span);
      const wd = weekdayOfDays(day);
      if (planned) {
        if (wd < 5) break;
        continue;
      }
      const doy = day - yStart;
      const w = ((1 + cat.season * Math.cos((2 * Math.PI * (doy - 15)) / 365.25)) / (1 + cat.season)) * (ACUTE_WEEKDAY_WEIGHT[wd] / MAX_WEEKDAY);
      if (rng.next() < w) break;
    }
    const minuteOfDay = planned
      ? (7 + rng.int(7)) * 60 + rng.int(60)
      : rng.pickCumulative(age < 18 ? CHILD_HOUR_CUM : ACUTE_HOUR_CUM) * 60 + rng.int(60);
    return { start: fixSkipped(day * DAY + minuteOfDay), kind, category: cat, code: pickCode(cat) };
  };

  const writeCode = (code: string, hospital: string): string => {
    const sks = rng.chance(hospital === AARHUS_UNIVERSITY_HOSPITAL ? 0.8 : 0.45);
    return sks ? "D" + code.replace(".", "") : code;
  };

  const pickReferral = (table: { names: string[]; cum: Float64Array }): string => table.names[rng.pickCumulative(table.cum)];

  /** Emit the contacts of one episode; returns its end and whether it is a stay ≥ 12 h. */
  const emitEpisode = (
    ev: Candidate,
    birthDay: number,
    sex: number,
    age: number,
    frailty: number,
    nursingHome: boolean,
    deathMinute: number,
  ): { end: number; stay: boolean } => {
    const band = ageBand(age);
    const child = age < 18;
    const cat = ev.category;
    let kind = ev.kind;
    if (kind === Kind.Readmission && rng.chance(0.12)) kind = Kind.AcuteShort;
    const acute = kind !== Kind.PlannedStay && kind !== Kind.PlannedOut;
    // duration
    let duration: number;
    let stay = true;
    if (kind === Kind.AcuteShort) {
      duration = child ? 120 + rng.int(420) : 120 + rng.int(560);
      stay = false;
    } else if (kind === Kind.PlannedOut) {
      duration = 20 + rng.int(160);
      stay = false;
    } else if (kind === Kind.Birth) {
      if (rng.chance(0.35)) {
        duration = 240 + rng.int(420);
        stay = false;
      } else duration = H12 + rng.int(60 * 60);
    } else {
      const median = (kind === Kind.PlannedStay ? 2 : LOS_MEDIAN_DAYS[band]) * (cat?.los ?? 1);
      const days = Math.min(60, median * Math.exp(0.8 * rng.normal()));
      duration = Math.max(H12 + rng.int(240), Math.round(days * DAY));
    }
    const start = ev.start;
    let end = start + duration;
    if (kind === Kind.Terminal) {
      // dies in hospital (60 %) or shortly after discharge
      if (rng.chance(0.6) || deathMinute - start < H12 + 600) end = deathMinute;
      else end = Math.max(start + H12, deathMinute - (360 + rng.int(3 * DAY)));
    }
    if (end > deathMinute) end = deathMinute;
    if (end - start < H12) stay = false;
    // hospital
    let hospital = ownHospital;
    if (!child && !isAarhusHospital && rng.chance(kind === Kind.PlannedStay || kind === Kind.PlannedOut ? 0.2 : 0.07)) hospital = AARHUS_UNIVERSITY_HOSPITAL;
    // referral
    const referral =
      kind === Kind.Birth
        ? pickReferral(REFERRAL_BIRTH)
        : !acute
          ? pickReferral(REFERRAL_PLANNED)
          : nursingHome
            ? pickReferral(REFERRAL_NURSING_HOME)
            : child
              ? pickReferral(REFERRAL_ACUTE_CHILD)
              : pickReferral(REFERRAL_ACUTE_ADULT);
    // cost (DRG-like)
    const noise = Math.exp(0.25 * rng.normal());
    const base = kind === Kind.Birth ? CHILDBIRTH_COST : (cat?.cost ?? 20000);
    let cost: number;
    if (kind === Kind.PlannedOut) cost = Math.max(900, 0.08 * base * noise);
    else if (!stay) cost = Math.max(1500, 0.15 * base * noise);
    else {
      const median = (kind === Kind.PlannedStay ? 2 : LOS_MEDIAN_DAYS[band]) * (cat?.los ?? 1);
      cost = base * (0.55 + 0.45 * Math.min(4, (end - start) / DAY / median)) * noise;
    }
    cost = Math.round(cost);
    const diagnosis = writeCode(ev.code, hospital);
    const inpatientReg = kind === Kind.AcuteShort ? (child ? !outpatientChildren : rng.chance(0.3)) : kind !== Kind.PlannedOut;

    const emit = (a: number, d: number, h: string, inpatient: boolean, isAcute: boolean, ref: string, c: number): void => {
      // no time in the hour skipped at the start of summer time: move it out of the gap
      if (isSkippedLocalTime(a)) a += 60;
      if (d <= a) d = a + 60;
      if (isSkippedLocalTime(d)) d = d - 60 > a ? d - 60 : d + 60;
      sink.contact({
        patientId: currentId(),
        birthDay,
        sex,
        municipality: m.code,
        hospital: h,
        admittedAt: a,
        dischargedAt: d >= dataEnd ? MISSING : d,
        acute: isAcute,
        inpatient,
        diagnosis,
        referral: ref,
        cost: c,
      });
      stats.contacts++;
      const yi = civilYear(Math.floor(a / DAY)) - s.fromYear;
      if (yi >= 0 && yi < years) hospitalCost[yi * AGE_GROUP_COUNT + band] += c;
    };

    // Aarhus: children's acute stays start as an outpatient emergency contact
    if (child && outpatientChildren && acute && stay && kind !== Kind.Birth) {
      const ed = Math.min(end - start - 60, 120 + rng.int(240));
      const edCost = Math.round(Math.max(1500, 0.15 * base * noise));
      emit(start, start + ed, hospital, false, true, referral, edCost);
      if (start + ed < dataEnd) emit(start + ed, end, hospital, true, true, "hospital", Math.max(0, cost - edCost));
      return { end, stay };
    }
    // transfers between wards/hospitals
    if (stay && kind !== Kind.Birth && end - start > DAY && rng.chance(0.12)) {
      const cut = start + Math.round((end - start) * rng.uniform(0.2, 0.6));
      const longGap = rng.chance(0.12);
      const gap = longGap ? 241 + rng.int(120) : Math.floor(Math.pow(rng.next(), 2) * 240);
      const second = fixSkipped(cut + gap);
      const to = !isAarhusHospital && rng.chance(0.5) ? AARHUS_UNIVERSITY_HOSPITAL : hospital;
      const firstCost = Math.round(cost * 0.6);
      emit(start, cut, hospital, true, acute, referral, firstCost);
      const secondEnd = Math.max(end + gap, second + 60);
      if (second < dataEnd && second < deathMinute) {
        // a transfer after a 4–6 h gap is registered as a planned contact (not a readmission)
        emit(second, Math.min(secondEnd, deathMinute), to, true, longGap ? false : acute, "hospital", cost - firstCost);
        return { end: Math.min(secondEnd, deathMinute), stay };
      }
      return { end: cut, stay };
    }
    emit(start, end, hospital, inpatientReg, acute, referral, cost);
    return { end, stay };
  };

  // ---- the initial cohort on 1 January of the first year, then entrants year by year -------
  const pyramid = agePyramid(m.profile);
  const n0 = expectedPopulation(m, s.fromYear) * s.fraction;
  for (let sex = 1; sex <= 2; sex++) {
    for (let age = 0; age <= MAX_AGE; age++) {
      const n = demo.roundStochastic(n0 * pyramid[(sex - 1) * AGES + age]);
      for (let k = 0; k < n; k++) {
        const a = age === MAX_AGE ? MAX_AGE + Math.floor(-2.5 * Math.log(1 - demo.next())) : age;
        // completed age `a` on 1 January of fromYear: born between 2 Jan (from − a − 1) and 1 Jan (from − a)
        const lo = daysFromCivil(s.fromYear - a - 1, 1, 2);
        const hi = daysFromCivil(s.fromYear - a, 1, 1);
        runCitizen(lo + demo.int(hi - lo + 1), sex, yearStartDay[0]);
        if ((index & 255) === 0) yield;
      }
    }
  }
  for (let yi = 0; yi < years; yi++) {
    const y = s.fromYear + yi;
    const expected = expectedPopulation(m, y) * s.fraction;
    const nb = demo.roundStochastic(expected * births);
    for (let k = 0; k < nb; k++) {
      const day = yearStartDay[yi] + demo.int(yearStartDay[yi + 1] - yearStartDay[yi]);
      runCitizen(day, demo.chance(0.513) ? 2 : 1, day);
      if ((index & 255) === 0) yield;
    }
    const netRate = m.growth - 1 - births + deaths;
    const nm = netRate > 0 ? demo.roundStochastic(expected * netRate) : 0;
    for (let k = 0; k < nm; k++) {
      const entry = yearStartDay[yi] + demo.int(yearStartDay[yi + 1] - yearStartDay[yi]);
      const age = demo.chance(0.75) ? 18 + demo.int(22) : demo.chance(0.5) ? demo.int(18) : 40 + demo.int(45);
      const birth = entry - age * 365 - demo.int(365);
      runCitizen(birth, demo.chance(0.5) ? 2 : 1, entry);
      if ((index & 255) === 0) yield;
    }
  }
  return { population, hospitalCost, contacts: stats.contacts, patients: stats.patients, deaths: stats.deaths };
}

/** The age group labels of hospitalCost and sector_costs.csv (the diagnosis-mix age bands). */
export const AGE_GROUP_LABELS = ["0-2", "3-17", "18-64", "65-79", "80+"] as const;

function civilYear(day: number): number {
  // year of a day number: an estimate corrected by at most one year
  const y = 1970 + Math.floor((day + 0.5) / 365.2425);
  const jan1 = daysFromCivil(y, 1, 1);
  if (day < jan1) return y - 1;
  if (day >= daysFromCivil(y + 1, 1, 1)) return y + 1;
  return y;
}

function fixSkipped(minute: number): number {
  return isSkippedLocalTime(minute) ? minute + 60 : minute;
}
