import { poissonCountLimits } from "../stats/poissonCountLimits.js";
import { resolveLevels } from "../stats/resolveLevels.js";
import { type LevelOptions } from "../stats/types.js";
import { funnelDenominatorGrid } from "./funnelDenominatorGrid.js";
import { funnelLimitAt, type FunnelLimitSpec, type FunnelPoissonLimits } from "./funnelLimitAt.js";
import { funnelMessages, funnelNotes, type FunnelNote } from "./funnelMessages.js";
import type { FunnelClass, FunnelDataType, FunnelMethod, FunnelResult, FunnelUnit } from "./funnelTypes.js";
import { funnelOverdispersion, type FunnelOverdispersionTrim } from "./overdispersion.js";

/** One unit to place on a funnel plot. */
export interface FunnelUnitInput {
  readonly unit: string;
  /** Events (rates, ratios: the observed count O) or successes (proportions). */
  readonly numerator: number;
  /** Population / person-time (proportions, rates) or expected count E (ratios). */
  readonly denominator: number;
  /** DSR rates only: the directly standardised rate on the plotted scale (× multiplier); null when not computed. */
  readonly value?: number | null;
}

/** Options of {@link funnelPlotData}. */
export interface FunnelPlotOptions extends LevelOptions {
  readonly type: FunnelDataType;
  /** "crude" (default) or "dsr" (give each unit's DSR as `value`; PHE derives its denominator). */
  readonly rateType?: "crude" | "dsr";
  /** Centre line before the multiplier. Default: pooled Σx/Σn (ratios: 1). */
  readonly target?: number;
  /** Scale of the plotted values (100 for %, 100000 per 100,000); default 1. */
  readonly multiplier?: number;
  /** Spiegelhalter overdispersion adjustment; false (default) gives the PHE method. */
  readonly overdispersion?: boolean | { readonly trim?: number; readonly trimMethod?: FunnelOverdispersionTrim };
  /** Unadjusted Poisson limit curves: "expected" (default) or PHE's "observed"; see funnelLimits. */
  readonly poissonLimits?: FunnelPoissonLimits;
  /** Points on each limit curve (log-spaced over the units' denominators); default 100. */
  readonly points?: number;
}

/**
 * The data behind a funnel plot: every unit's value, z-score and class (high / low / not significant)
 * at each level (default 95 % and 99.8 %), the limit curves, the method used, φ and τ², and notes
 * that explain zero numerators, tiny denominators, a single unit and the fallback.
 *
 * PHE method (default): limits as {@link funnelLimits}. Every point is classed by the limits that are
 * drawn, at its own denominator: proportions by the Wilson-based limits; rates and ratios with the
 * default "expected" Poisson limits (FunnelPlotR) by those exact limits of E; with
 * `poissonLimits: "observed"` (PHE's curves) by the unit's own Poisson interval (exact below 10
 * events, Byars from 10) against the target, as PHEindicatormethods `assign_funnel_significance` —
 * the test those curves draw. DSRs with fewer than 10 events are not classed. Spiegelhalter (overdispersion: true): φ and τ² from
 * {@link funnelOverdispersion}; when φ > 1 the limits are widened by τ² and each value is compared with the
 * widened limits at its own denominator (FunnelPlotR); when φ <= 1 the PHE limits and classes are used
 * and the method is "spiegelhalter-fallback". Values, targets and limits are all on the plotted scale
 * (× multiplier), so the outlier test uses the same multiplier as the curves.
 * @throws Error for no units, duplicate unit names, negative/non-finite numbers, a zero denominator
 * (other than a DSR unit without events), or a proportion above 1.
 * @example funnelPlotData(units, { type: "proportion", multiplier: 100, level: [0.95, 0.998] })
 */
export function funnelPlotData(units: readonly FunnelUnitInput[], options: FunnelPlotOptions): FunnelResult {
  const fn = "funnelPlotData";
  const levels = resolveLevels(fn, options.level ?? [0.95, 0.998]);
  const type = options.type;
  if (!["proportion", "rate", "ratio"].includes(type)) throw new Error(funnelMessages.badType(fn, type));
  if (units.length === 0) throw new Error(funnelMessages.noUnits(fn));
  const multiplier = options.multiplier ?? 1;
  if (!(multiplier > 0) || !Number.isFinite(multiplier)) throw new Error(funnelMessages.badPositive(fn, "multiplier", multiplier));
  const isDsr = type === "rate" && options.rateType === "dsr";
  const seen = new Set<string>();
  for (const u of units) {
    if (seen.has(u.unit)) throw new Error(funnelMessages.duplicateUnit(fn, u.unit));
    seen.add(u.unit);
    check(fn, `numerator of ${JSON.stringify(u.unit)}`, u.numerator);
    check(fn, `denominator of ${JSON.stringify(u.unit)}`, u.denominator);
    const dsrWithoutEvents = isDsr && u.numerator === 0;
    if (u.denominator === 0 && !dsrWithoutEvents)
      throw new Error(funnelMessages.badPositive(fn, `denominator of ${JSON.stringify(u.unit)}`, u.denominator));
    if (type === "proportion" && u.numerator > u.denominator)
      throw new Error(funnelMessages.proportionAboveOne(fn, u.unit, u.numerator, u.denominator));
  }
  // Denominator used for limits and tests: PHE derives it from the DSR (multiplier · O / DSR).
  const denominators = units.map((u) => {
    if (!isDsr) return u.denominator;
    if (u.numerator === 0 || u.value === null || u.value === undefined || !(u.value > 0)) return NaN;
    return (multiplier * u.numerator) / u.value;
  });
  let sumX = 0;
  let sumN = 0;
  units.forEach((u, i) => {
    if (Number.isFinite(denominators[i])) {
      sumX += u.numerator;
      sumN += denominators[i];
    }
  });
  const target = options.target ?? (type === "ratio" ? 1 : sumN > 0 ? sumX / sumN : 0);
  if (!(target >= 0) || !Number.isFinite(target)) throw new Error(funnelMessages.badNumber(fn, "target", target));
  if (type === "proportion" && target > 1) throw new Error(funnelMessages.targetOutOfRange(fn, target));
  const notes: FunnelNote[] = [];

  // Overdispersion.
  let method: FunnelMethod = "phe";
  let phi: number | null = null;
  let tau2: number | null = null;
  let zScores: readonly (number | null)[] = units.map(() => null);
  let zeroCorrected: readonly boolean[] = units.map(() => false);
  if (options.overdispersion) {
    const od = typeof options.overdispersion === "object" ? options.overdispersion : {};
    if (od.trim !== undefined && !(od.trim >= 0 && od.trim < 0.5)) throw new Error(funnelMessages.badTrim(fn, od.trim));
    const est = funnelOverdispersion(
      units.map((u, i) => ({ numerator: u.numerator, denominator: Number.isFinite(denominators[i]) ? denominators[i] : 0 })),
      { type, target, trim: od.trim, trimMethod: od.trimMethod },
    );
    zScores = est.z;
    zeroCorrected = est.zeroCorrected;
    if (est.n < 2) {
      method = "spiegelhalter-fallback";
      phi = Number.isFinite(est.phi) ? est.phi : null;
      tau2 = 0;
      notes.push(funnelNotes.tooFewForOverdispersion(est.n));
    } else if (est.phi <= 1) {
      method = "spiegelhalter-fallback";
      phi = est.phi;
      tau2 = 0;
      notes.push(funnelNotes.methodFallback(est.phi));
    } else {
      method = "spiegelhalter";
      phi = est.phi;
      tau2 = est.tau2;
      notes.push(funnelNotes.methodSpiegelhalter(est.phi, est.tau2, est.trimMethod, est.trim, est.n));
    }
  }
  if (method !== "spiegelhalter") notes.push(funnelNotes.methodPhe());
  notes.push(
    method === "spiegelhalter"
      ? funnelNotes.classRuleAdjusted()
      : funnelNotes.classRule(type === "proportion" ? "proportion" : (options.poissonLimits ?? "expected")),
  );
  if (units.length === 1 && options.target === undefined) notes.push(funnelNotes.singleUnit());

  const spec: FunnelLimitSpec = {
    type,
    target,
    multiplier,
    tau2: method === "spiegelhalter" ? tau2 : null,
    poissonLimits: options.poissonLimits ?? "expected",
  };

  const out: FunnelUnit[] = units.map((u, i) => {
    const n = denominators[i];
    const unitNotes: FunnelNote[] = [];
    const usable = Number.isFinite(n) && n > 0;
    let value: number;
    if (isDsr) value = u.value ?? 0;
    else value = usable ? (u.numerator / n) * multiplier : 0;
    if (u.numerator === 0) unitNotes.push(zeroCorrected[i] ? funnelNotes.zeroNumeratorLogZ() : funnelNotes.zeroNumerator());
    const classes = levels.map((level) => ({ level, class: "not_significant" as FunnelClass }));
    if (!usable || (isDsr && u.numerator < 10)) {
      unitNotes.push(isDsr ? funnelNotes.dsrFewEvents() : funnelNotes.zeroDenominator());
      return unitOf(u, value, zScores[i], classes, unitNotes);
    }
    const expectedCount = type === "ratio" ? n : type === "rate" ? target * n : n * Math.min(target, 1 - target);
    if (expectedCount < 5) unitNotes.push(funnelNotes.smallDenominator(n));
    levels.forEach((level, k) => {
      classes[k] = { level, class: classify(spec, method, u.numerator, n, value, level) };
    });
    return unitOf(u, value, zScores[i], classes, unitNotes);
  });

  // Limit curves over the units' denominators.
  const finite = denominators.filter((d) => Number.isFinite(d) && d > 0);
  const lo = Math.min(...finite);
  const hi = Math.max(...finite);
  const grid = finite.length === 0 ? [] : funnelDenominatorGrid(lo === hi ? lo / 2 : lo * 0.95, lo === hi ? hi * 2 : hi * 1.05, options.points ?? 100);
  const limits = grid.flatMap((denominator) =>
    levels.map((level) => ({ denominator, level, ...funnelLimitAt(spec, denominator, level) })),
  );
  return {
    type,
    method,
    target: target * multiplier,
    multiplier,
    levels,
    phi,
    tau2,
    units: out,
    limits,
    notes,
  };
}

function classify(
  spec: FunnelLimitSpec,
  method: FunnelMethod,
  numerator: number,
  n: number,
  value: number,
  level: number,
): FunnelClass {
  if (method === "spiegelhalter" || spec.type === "proportion" || spec.poissonLimits === "expected") {
    const { lower, upper } = funnelLimitAt(spec, n, level);
    if (value < lower) return "low";
    if (value > upper) return "high";
    return "not_significant";
  }
  // PHE "observed" limits: the unit's own Poisson interval of O, per unit of denominator, vs the
  // target — the same test as the drawn "observed" curves (they mark where that interval reaches E).
  const ci = poissonCountLimits(numerator, level);
  const lower = numerator === 0 ? 0 : ci.lower / n;
  const upper = ci.upper / n;
  if (spec.target < lower) return "high";
  if (spec.target > upper) return "low";
  return "not_significant";
}

function unitOf(
  u: FunnelUnitInput,
  value: number,
  z: number | null,
  classes: readonly { readonly level: number; readonly class: FunnelClass }[],
  notes: readonly FunnelNote[],
): FunnelUnit {
  return { unit: u.unit, numerator: u.numerator, denominator: u.denominator, value, z, classes, notes };
}

function check(fn: string, name: string, v: unknown): void {
  if (typeof v !== "number" || !Number.isFinite(v) || v < 0) throw new Error(funnelMessages.badNumber(fn, name, v));
}
