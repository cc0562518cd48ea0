/**
 * Internal first step of every chart: validate the series against the options and split it into
 * phases, marking each point's phase, whether it is a gap, whether it is excluded, and whether it is
 * part of its phase's baseline (the points that set the centre and limits).
 *
 * Definitions (documented in the README section of the SPC layer):
 * - A gap is a period whose value cannot be formed (null value, null numerator/denominator, or a
 *   denominator of 0). Gaps are reported, never read as 0, and take part in nothing.
 * - freeze = k: the first k non-gap points of each phase (by position, excluded points counted in
 *   that position) form the baseline window; baseline = in the window and not excluded.
 *   This is qicharts2's positional freeze applied inside each phase.
 * - Without freeze, every non-gap, non-excluded point of a phase is a baseline point.
 */
import type { SpcCommonOptions, SpcInputPoint } from "./spcInput.js";
import { spcMessages, type SpcNote } from "./messages.js";
import { SpcError } from "./spcError.js";

export type ValueMode = "value" | "proportion" | "rate";

export interface PreparedPoint {
  readonly period: string;
  readonly index: number;
  readonly value: number | null;
  readonly numerator: number | null;
  readonly denominator: number | null;
  readonly phase: string;
  readonly phaseIndex: number;
  readonly baseline: boolean;
  readonly excluded: boolean;
}

export interface PreparedPhase {
  readonly label: string;
  readonly index: number;
  /** The phase's points, gaps included, in time order. */
  readonly points: readonly PreparedPoint[];
  /** The freeze that applies to this phase, if any. */
  readonly freeze: number | undefined;
}

export interface PreparedSeries {
  readonly points: readonly PreparedPoint[];
  readonly phases: readonly PreparedPhase[];
  readonly missingPeriods: readonly string[];
  readonly notes: SpcNote[];
}

function formValue(fn: string, p: SpcInputPoint, mode: ValueMode): { value: number | null; zeroDen: boolean } {
  const y = p.numerator ?? null;
  const n = p.denominator ?? null;
  if (mode === "value") {
    if (p.value !== undefined && p.value !== null) return { value: p.value, zeroDen: false };
    if (y !== null && n !== null) return n > 0 ? { value: y / n, zeroDen: false } : { value: null, zeroDen: true };
    return { value: null, zeroDen: false };
  }
  if (y === null || n === null) return { value: null, zeroDen: false };
  if (n === 0) return { value: null, zeroDen: true };
  if (mode === "proportion" && y > n)
    throw new SpcError("numeratorAboveDenominator", spcMessages.numeratorAboveDenominator(fn, p.period, y, n));
  return { value: y / n, zeroDen: false };
}

export function prepareSeries(
  fn: string,
  input: readonly SpcInputPoint[],
  options: SpcCommonOptions,
  mode: ValueMode,
): PreparedSeries {
  const seen = new Set<string>();
  const dup = new Set<string>();
  for (const p of input) (seen.has(p.period) ? dup : seen).add(p.period);
  if (dup.size > 0) throw new SpcError("duplicatePeriods", spcMessages.duplicatePeriods(fn, [...dup]));

  const position = new Map(input.map((p, i) => [p.period, i] as const));
  const exclude = new Set(options.exclude ?? []);
  const unknown = [...exclude].filter((e) => !position.has(e));
  if (unknown.length > 0) throw new SpcError("excludeNotFound", spcMessages.excludeNotFound(fn, unknown));

  // Phase boundaries: [startIndex, label, freeze]
  const given = options.phases ?? [];
  const starts: { at: number; label: string; freeze: number | undefined }[] = [];
  for (const ph of given) {
    const at = position.get(ph.start);
    if (at === undefined) throw new SpcError("phaseStartNotFound", spcMessages.phaseStartNotFound(fn, ph.start));
    starts.push({ at, label: ph.label, freeze: ph.freeze ?? options.freeze });
  }
  for (let i = 1; i < starts.length; i++)
    if (starts[i].at <= starts[i - 1].at)
      throw new SpcError("phasesOutOfOrder", spcMessages.phasesOutOfOrder(fn, given.map((g) => g.start)));
  if (starts.length === 0 || starts[0].at > 0)
    starts.unshift({ at: 0, label: options.firstPhaseLabel ?? spcMessages.firstPhaseLabel, freeze: options.freeze });

  const points: PreparedPoint[] = [];
  const phases: PreparedPhase[] = [];
  const missing: string[] = [];
  const zeroDen: string[] = [];
  const notes: SpcNote[] = [];
  for (let ph = 0; ph < starts.length; ph++) {
    const from = starts[ph].at;
    const to = ph + 1 < starts.length ? starts[ph + 1].at : input.length;
    const k = starts[ph].freeze;
    const phasePoints: PreparedPoint[] = [];
    let seenValues = 0;
    let used = 0;
    for (let i = from; i < to; i++) {
      const p = input[i];
      const { value, zeroDen: zd } = formValue(fn, p, mode);
      if (value === null) (zd ? zeroDen : missing).push(p.period);
      const excluded = exclude.has(p.period);
      let inWindow = false;
      if (value !== null) {
        seenValues += 1;
        inWindow = k === undefined || seenValues <= k;
      }
      const baseline = inWindow && !excluded;
      if (baseline) used += 1;
      const point: PreparedPoint = {
        period: p.period,
        index: i,
        value,
        numerator: p.numerator ?? null,
        denominator: p.denominator ?? null,
        phase: starts[ph].label,
        phaseIndex: ph,
        baseline,
        excluded,
      };
      phasePoints.push(point);
      points.push(point);
    }
    if (k !== undefined && seenValues > k) notes.push(spcMessages.frozenBaseline(starts[ph].label, k, used));
    phases.push({ label: starts[ph].label, index: ph, points: phasePoints, freeze: k });
  }
  if (missing.length > 0) notes.push(spcMessages.missingPeriods(missing));
  if (zeroDen.length > 0) notes.push(spcMessages.zeroDenominator(zeroDen));
  const excludedPeriods = input.filter((p) => exclude.has(p.period)).map((p) => p.period);
  if (excludedPeriods.length > 0) notes.push(spcMessages.excludedPoints(excludedPeriods));
  if (phases.length > 1) notes.push(spcMessages.phaseRule());
  return { points, phases, missingPeriods: [...missing, ...zeroDen].sort((a, b) => position.get(a)! - position.get(b)!), notes };
}
