/**
 * Event cubes [municipality][month][age class][sex] from the admissions of the context: one
 * linear pass each, no object per admission.
 */
import { MINUTES_PER_DAY, MISSING, completedYears, daysFromCivil } from "../contract/time.js";
import { ageCalculator } from "../stays/ageOnDay.js";
import { staySource } from "../stays/buildStays.js";
import { cubeSize, monthLookup, type IndicatorContext, type Period } from "./indicatorContext.js";

/**
 * Spare cubes of a context: an indicator hands its cubes back (releaseCubes) once its rows are
 * built, and the next one reuses them (zeroed) instead of a new ~4 MB array at national scale.
 */
const spare = new WeakMap<IndicatorContext, Float64Array[]>();

/** A zeroed cube of `size` cells for the context (a spare one when at hand). */
export function takeCube(ctx: IndicatorContext, size: number): Float64Array {
  const list = spare.get(ctx);
  if (list !== undefined) {
    for (let k = list.length - 1; k >= 0; k--) {
      if (list[k].length === size) {
        const [c] = list.splice(k, 1);
        return c.fill(0);
      }
    }
  }
  return new Float64Array(size);
}

/** Hand cubes back for reuse (they must not be read afterwards). */
export function releaseCubes(ctx: IndicatorContext, ...cubes: Float64Array[]): void {
  let list = spare.get(ctx);
  if (list === undefined) spare.set(ctx, (list = []));
  for (const c of cubes) if (list.length < 4 && !list.includes(c)) list.push(c);
}

/** Which admissions to count and on which date (start, or discharge for index admissions). */
export interface AdmissionSelector {
  /** Keep admission j (row of the AdmissionTable) whose stay is s. */
  readonly keep: (j: number, s: number) => boolean;
  readonly on: "start" | "end";
}

export function admissionCube(ctx: IndicatorContext, sel: AdmissionSelector): Float64Array {
  const C = ctx.classStarts.length;
  const T = ctx.nMonths;
  const cube = takeCube(ctx, cubeSize(ctx, T));
  const month = monthLookup(ctx);
  const { stays, admissions } = ctx.computed;
  // Start and municipality may be read from the contacts through firstContact (staySource).
  const startSrc = staySource(stays, "start");
  const muniSrc = staySource(stays, "municipality");
  const time = sel.on === "start" ? startSrc.values : stays.end;
  const timeIndex = sel.on === "start" ? startSrc.index : null;
  const muni = muniSrc.values;
  const muniIndex = muniSrc.index;
  for (let j = 0; j < admissions.length; j++) {
    const s = admissions.stay[j];
    if (!sel.keep(j, s)) continue;
    const when = time[timeIndex === null ? s : timeIndex[s]];
    if (when === MISSING) continue;
    const t = month(when);
    const m = ctx.muniIndex[muni[muniIndex === null ? s : muniIndex[s]]];
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
  const cube = takeCube(ctx, cubeSize(ctx, T));
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
