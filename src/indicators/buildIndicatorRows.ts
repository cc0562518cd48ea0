/**
 * Rows of one indicator from its event cubes: for every level × unit × period × group × sex, the
 * numerator and denominator are sums over the cube; the value and interval come from the stats
 * layer (rates: exact Poisson below 10 events, Byars from 10; proportions: Wilson — methods.md),
 * and, when asked, the directly standardised value (Dobson) and the indirectly standardised ratio
 * (observed/expected against the region).
 */
import {
  EUROPEAN_STANDARD_POPULATION_2013,
  directlyStandardisedRate,
  indirectlyStandardisedRatio,
  poissonInterval,
  rateWithInterval,
  wilsonInterval,
} from "../stats/index.js";
import type { Estimate } from "../stats/index.js";
import {
  STANDARD_BAND_STARTS,
  periodsOf,
  rollupUnits,
  standardBandLabel,
  type IndicatorContext,
  type Period,
} from "./indicatorContext.js";
import { indicatorMessages } from "./messages.js";
import type { IndicatorRow } from "./table.js";

export interface RowSpec {
  readonly indicator: string;
  /** "rate": events per person-time × multiplier; "proportion": percentage of the denominator cube. */
  readonly kind: "rate" | "proportion";
  /** [muni][month][class][sex] */
  readonly numerator: Float64Array;
  /** [muni][month][class][sex], for proportions. */
  readonly denominator?: Float64Array;
  readonly multiplier?: number;
  /** Only these group labels (default every requested group). */
  readonly groups?: readonly string[];
  /** Only these sexes (default the requested ones). */
  readonly sexes?: readonly ("all" | "F" | "M")[];
  /** Only these period kinds (default the requested ones). */
  readonly periodKinds?: readonly ("year" | "quarter" | "month")[];
  /** Which periods are complete enough to publish. */
  readonly periodOk: (p: Period) => boolean;
  /** Intervals and standardisation off (e.g. amounts in DKK). */
  readonly plain?: boolean;
  readonly note?: string;
}

const SEXES: Record<"all" | "F" | "M", readonly number[]> = { all: [0, 1], F: [0], M: [1] };

/**
 * Per context, what every call can share: the population rolled up to units (the same for every
 * rate), and two scratch arrays for the rolled-up numerator and denominator (refilled per call;
 * calls are synchronous). Saves ~8 MB of short-lived arrays per indicator at national scale.
 */
interface Shared {
  pop: Float64Array | null;
  num: Float64Array | undefined;
  den: Float64Array | undefined;
}
const sharedOf = new WeakMap<IndicatorContext, Shared>();

/** Strings made per row from few distinct values (method names, notes), kept once. */
const interned = new Map<string, string>();
function intern(s: string): string {
  let x = interned.get(s);
  if (x === undefined) {
    if (interned.size > 10000) interned.clear();
    interned.set(s, (x = s));
  }
  return x;
}

/** Strata of one row: events and population by (sex, standard band). */
interface Strata {
  readonly events: Float64Array; // [sex][band]
  readonly pop: Float64Array;
}

export function buildIndicatorRows(ctx: IndicatorContext, spec: RowSpec): IndicatorRow[] {
  const { resolved } = ctx;
  const C = ctx.classStarts.length;
  const T = ctx.nMonths;
  const Y = ctx.nYears;
  const B = STANDARD_BAND_STARTS.length;
  let shared = sharedOf.get(ctx);
  if (shared === undefined) sharedOf.set(ctx, (shared = { pop: null, num: undefined, den: undefined }));
  const num = (shared.num = rollupUnits(ctx, spec.numerator, T, shared.num));
  const den = spec.kind === "proportion" ? (shared.den = rollupUnits(ctx, spec.denominator as Float64Array, T, shared.den)) : null;
  const pop = spec.kind === "rate" ? (shared.pop ??= rollupUnits(ctx, ctx.population, Y)) : null;
  const multiplier = spec.multiplier ?? (spec.kind === "rate" ? 1000 : 100);
  const wanted = spec.groups ?? resolved.groups;
  const groups = ctx.groups.filter((g) => wanted.includes(g.group.label));
  const sexList = spec.sexes ?? resolved.sexes;
  const periodKinds = spec.periodKinds ?? resolved.periods;
  const level = resolved.confidence;
  const wantStd = !spec.plain && (resolved.direct !== false || resolved.indirect);

  // Standard population for "the Danish population of a year": region-wide by (sex, class).
  let dkStandard: Float64Array | null = null;
  if (resolved.direct !== false && resolved.direct !== "esp2013") {
    const year = resolved.direct.year;
    if (!ctx.populationYears.has(year)) throw new RangeError(indicatorMessages.standardYearMissing(year, [...ctx.populationYears].sort()));
    const yi = year - ctx.y0;
    dkStandard = new Float64Array(C * 2);
    for (let m = 0; m < ctx.muniCodes.length; m++)
      for (let k = 0; k < C * 2; k++) dkStandard[k] += ctx.population[((m * Y + yi) * C) * 2 + k];
  }

  // Strata are filled into two reused pairs of arrays (the region's reference, and the unit's),
  // read only while their row is built.
  const refStrata: Strata = { events: new Float64Array(2 * B), pop: new Float64Array(2 * B) };
  const unitStrata: Strata = { events: new Float64Array(2 * B), pop: new Float64Array(2 * B) };
  const strataOf = (ui: number, p: Period, classes: readonly number[], sexes: readonly number[], into: Strata): Strata => {
    const events = into.events.fill(0);
    const popS = into.pop.fill(0);
    for (const c of classes) {
      const b = ctx.bandOfClass[c];
      for (const sx of sexes) {
        let e = 0;
        let n = 0;
        for (const t of p.months) {
          const k = ((ui * T + t) * C + c) * 2 + sx;
          e += num[k];
          if (den) n += den[k];
        }
        if (pop) n = pop[((ui * Y + (p.year - ctx.y0)) * C + c) * 2 + sx] * p.fraction;
        events[sx * B + b] += e;
        popS[sx * B + b] += n;
      }
    }
    return into;
  };

  // Poisson limits depend on the count only: compute each distinct count once (methods.md: exact
  // below 10 events, Byars from 10), then scale by multiplier / person-time as rateWithInterval does.
  const countLimits = new Map<number, Estimate>();
  const rateOf = (x: number, n: number): Estimate => {
    if (n === 0 || !Number.isInteger(x)) return rateWithInterval(x, n, { multiplier, level });
    let c = countLimits.get(x);
    if (!c) countLimits.set(x, (c = poissonInterval(x, { level })));
    const k = multiplier / n;
    return {
      value: x * k,
      lower: c.lower === null ? null : c.lower * k,
      upper: c.upper === null ? null : c.upper * k,
      method: c.method,
      intervals: c.intervals.map((i) => ({ level: i.level, lower: i.lower === null ? null : i.lower * k, upper: i.upper === null ? null : i.upper * k })),
    };
  };
  const rows: IndicatorRow[] = [];
  for (const kind of periodKinds) {
    const periods = periodsOf(ctx, kind).filter(spec.periodOk);
    for (const p of periods) {
      for (const g of groups) {
        for (const sexLabel of sexList) {
          const sexes = SEXES[sexLabel];
          const reference = wantStd && resolved.indirect ? strataOf(0, p, g.classes, sexes, refStrata) : null;
          ctx.units.forEach((u, ui) => {
            if (!resolved.levels.includes(u.level)) return;
            const st = strataOf(ui, p, g.classes, sexes, unitStrata);
            let x = 0;
            let n = 0;
            for (let k = 0; k < 2 * B; k++) {
              x += st.events[k];
              n += st.pop[k];
            }
            let value: number | null = null;
            let lower: number | null = null;
            let upper: number | null = null;
            let method = "none";
            let note = spec.note;
            if (spec.plain) {
              value = n > 0 ? (x / n) * (spec.multiplier ?? 1) : null;
            } else {
              const est: Estimate =
                spec.kind === "rate" ? rateOf(x, n) : wilsonInterval(Math.min(x, n), n, { level });
              const f = spec.kind === "proportion" ? multiplier : 1;
              value = est.value === null ? null : est.value * f;
              lower = est.lower === null ? null : est.lower * f;
              upper = est.upper === null ? null : est.upper * f;
              method = est.method;
              if (est.note) {
                const said = indicatorMessages.statsNote(est.note);
                note = intern(note ? `${note}; ${said}` : said);
              }
            }
            const row: Record<string, unknown> = {
              indicator: spec.indicator,
              level: u.level,
              unit: u.name,
              period: p.label,
              group: g.group.label,
              sex: sexLabel,
              numerator: x,
              denominator: n,
              value,
              lower,
              upper,
              method,
              suppressed: false,
            };
            if (wantStd) Object.assign(row, standardise(ctx, st, reference, sexes, g.classes, dkStandard, multiplier, level));
            if (note) row.note = note;
            rows.push(row as unknown as IndicatorRow);
          });
        }
      }
    }
  }
  return rows;
}

function standardise(
  ctx: IndicatorContext,
  st: Strata,
  reference: Strata | null,
  sexes: readonly number[],
  classes: readonly number[],
  dkStandard: Float64Array | null,
  multiplier: number,
  level: number,
): Record<string, unknown> {
  const B = STANDARD_BAND_STARTS.length;
  const bands = [...new Set(classes.map((c) => ctx.bandOfClass[c]))].sort((a, b) => a - b);
  const out: Record<string, unknown> = {};
  const { direct, indirect } = ctx.resolved;
  const notes: string[] = [];
  if (direct !== false) {
    try {
      let est: Estimate;
      if (direct === "esp2013") {
        const strata = bands.map((b) => ({
          label: standardBandLabel(b),
          events: sexes.reduce((s, sx) => s + st.events[sx * B + b], 0),
          population: sexes.reduce((s, sx) => s + st.pop[sx * B + b], 0),
        }));
        const labels = new Set(strata.map((s) => s.label));
        const standard = EUROPEAN_STANDARD_POPULATION_2013.filter((s) => labels.has(s.label));
        est = directlyStandardisedRate(strata, { standard, multiplier, level });
        out.std_method = intern(`${est.method} (ESP 2013)`);
      } else {
        const strata: { label: string; events: number; population: number }[] = [];
        const standard: { label: string; population: number }[] = [];
        for (const sx of sexes)
          for (const b of bands) {
            const label = `${sx === 0 ? "F" : "M"}:${standardBandLabel(b)}`;
            strata.push({ label, events: st.events[sx * B + b], population: st.pop[sx * B + b] });
            let s = 0;
            for (const c of classes) if (ctx.bandOfClass[c] === b) s += (dkStandard as Float64Array)[c * 2 + sx];
            standard.push({ label, population: s });
          }
        est = directlyStandardisedRate(strata, { standard, multiplier, level });
        out.std_method = intern(`${est.method} (population ${direct.year})`);
      }
      out.std_value = est.value;
      out.std_lower = est.lower;
      out.std_upper = est.upper;
      if (est.note) notes.push(indicatorMessages.statsNote(est.note));
    } catch (e) {
      out.std_value = null;
      out.std_lower = null;
      out.std_upper = null;
      out.std_method = "dobson";
      notes.push(intern(indicatorMessages.dsrSkipped((e as Error).message)));
    }
  }
  if (indirect && reference) {
    const strata: { label: string; events: number; population: number }[] = [];
    const ref: { label: string; events: number; population: number }[] = [];
    for (const sx of sexes)
      for (const b of bands) {
        const label = `${sx === 0 ? "F" : "M"}:${standardBandLabel(b)}`;
        strata.push({ label, events: st.events[sx * B + b], population: st.pop[sx * B + b] });
        ref.push({ label, events: reference.events[sx * B + b], population: reference.pop[sx * B + b] });
      }
    try {
      const isr = indirectlyStandardisedRatio(strata, ref, { level });
      out.isr_value = isr.value;
      out.isr_lower = isr.lower;
      out.isr_upper = isr.upper;
      out.isr_expected = isr.expected;
      if (isr.note) notes.push(indicatorMessages.statsNote(isr.note));
    } catch (e) {
      out.isr_value = null;
      out.isr_lower = null;
      out.isr_upper = null;
      out.isr_expected = null;
      notes.push(indicatorMessages.dsrSkipped((e as Error).message));
    }
  }
  if (notes.length > 0) out.std_note = intern(notes.join("; "));
  return out;
}
