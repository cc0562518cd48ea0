/**
 * Event cubes [municipality][month][age class][sex] from the admissions of the context: one
 * linear pass each, no object per admission.
 */
import { MINUTES_PER_DAY, MISSING, completedYears, daysFromCivil } from "../contract/time.js";
import { ageCalculator } from "../stays/ageOnDay.js";
import { cubeSize, monthLookup, type IndicatorContext, type Period } from "./indicatorContext.js";

/** Which admissions to count and on which date (start, or discharge for index admissions). */
export interface AdmissionSelector {
  /** Keep admission j (row of the AdmissionTable) whose stay is s. */
  readonly keep: (j: number, s: number) => boolean;
  readonly on: "start" | "end";
}

export function admissionCube(ctx: IndicatorContext, sel: AdmissionSelector): Float64Array {
  const C = ctx.classStarts.length;
  const T = ctx.nMonths;
  const cube = new Float64Array(cubeSize(ctx, T));
  const month = monthLookup(ctx);
  const { stays, admissions } = ctx.computed;
  const time = sel.on === "start" ? stays.start : stays.end;
  for (let j = 0; j < admissions.length; j++) {
    const s = admissions.stay[j];
    if (!sel.keep(j, s)) continue;
    const when = time[s];
    if (when === MISSING) continue;
    const t = month(when);
    const m = ctx.muniIndex[stays.municipality[s]];
    if (t < 0 || m < 0) continue;
    const age = stays.age[s];
    const c = ctx.classOfAge[age < 0 ? 0 : age > 110 ? 110 : age];
    cube[((m * T + t) * C + c) * 2 + (stays.sex[s] === 2 ? 1 : 0)] += 1;
  }
  return cube;
}

/** Sum of cost_dkk of contacts by the month they start (age at the contact's admission). */
export function hospitalCostCube(ctx: IndicatorContext): Float64Array {
  const C = ctx.classStarts.length;
  const T = ctx.nMonths;
  const cube = new Float64Array(cubeSize(ctx, T));
  const month = monthLookup(ctx);
  const c0 = ctx.dataset.contacts;
  let minBirth = Infinity;
  for (let i = 0; i < c0.length; i++) if (c0.birthDate[i] < minBirth) minBirth = c0.birthDate[i];
  const lastDay = Math.floor(ctx.computed.report.latestAdmittedAt / MINUTES_PER_DAY);
  const ageOn = Number.isFinite(minBirth) ? ageCalculator(minBirth, lastDay) : completedYears;
  for (let i = 0; i < c0.length; i++) {
    const cost = c0.cost[i];
    if (!(cost > 0)) continue;
    const t = month(c0.admittedAt[i]);
    const m = ctx.muniIndex[c0.municipality[i]];
    if (t < 0 || m < 0) continue;
    const age = ageOn(c0.birthDate[i], Math.floor(c0.admittedAt[i] / MINUTES_PER_DAY));
    const c = ctx.classOfAge[age < 0 ? 0 : age > 110 ? 110 : age];
    cube[((m * T + t) * C + c) * 2 + (c0.sex[i] === 2 ? 1 : 0)] += cost;
  }
  return cube;
}

/** 1 January of the year of the earliest stay: the data start. */
function firstMonthDay(ctx: IndicatorContext): number {
  if (ctx.firstMinute === MISSING) return Infinity;
  const month = monthLookup(ctx)(ctx.firstMinute);
  return daysFromCivil(ctx.y0 + Math.floor(month / 12), 1, 1);
}

/** Periods complete in the data and with a population: rates by start date. */
export function ratePeriodOk(ctx: IndicatorContext): (p: Period) => boolean {
  const first = firstMonthDay(ctx);
  const last = ctx.computed.report.latestAdmittedAt === MISSING ? -Infinity : Math.floor(ctx.dataEnd / MINUTES_PER_DAY);
  return (p) => ctx.populationYears.has(p.year) && p.firstDay >= first && p.lastDay <= last;
}

/** Periods whose index discharges all have the readmission window inside the data. */
export function readmissionPeriodOk(ctx: IndicatorContext, windowDays: number): (p: Period) => boolean {
  const first = firstMonthDay(ctx);
  const last = ctx.computed.report.latestAdmittedAt === MISSING ? -Infinity : Math.floor(ctx.dataEnd / MINUTES_PER_DAY);
  return (p) => p.firstDay >= first && p.lastDay + windowDays <= last;
}
