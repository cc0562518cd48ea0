/**
 * The one catalogue of user-facing text of the SPC layer: errors thrown at the boundary, warnings
 * and the plain-language notes attached to every chart. Each entry is a function of the facts it
 * reports, so that the text lives here and nowhere else; tests check the text word for word.
 */
const list = (xs: readonly string[]): string => xs.map((x) => JSON.stringify(x)).join(", ");

export const spcMessages = {
  // Errors (thrown as SpcError with the key as code).
  invalidInput: (fn: string, detail: string) => `${fn}: invalid input — ${detail}`,
  duplicatePeriods: (fn: string, periods: readonly string[]) =>
    `${fn}: period(s) appear more than once: ${list(periods)}. Give one row per period, in time order.`,
  phaseStartNotFound: (fn: string, start: string) =>
    `${fn}: phase start ${JSON.stringify(start)} is not a period of the series. A phase starts at the first period of a real event (e.g. an intervention start); use completePeriods() first if the period is missing.`,
  phasesOutOfOrder: (fn: string, starts: readonly string[]) =>
    `${fn}: phase starts must follow the order of the series and be distinct; received ${list(starts)}.`,
  excludeNotFound: (fn: string, periods: readonly string[]) =>
    `${fn}: excluded period(s) not in the series: ${list(periods)}.`,
  numeratorAboveDenominator: (fn: string, period: string, y: number, n: number) =>
    `${fn}: period ${JSON.stringify(period)} has numerator ${y} above denominator ${n}; a proportion cannot exceed 1.`,
  unknownPeriodFormat: (fn: string, kind: string, period: string, expected: string) =>
    `${fn}: period ${JSON.stringify(period)} is not a ${kind} label; expected ${expected}.`,
  periodsNotAscending: (fn: string, a: string, b: string) =>
    `${fn}: periods must be in time order; ${JSON.stringify(b)} follows ${JSON.stringify(a)}.`,

  // Warnings and notes (attached to results, not thrown).
  insertedGaps: (periods: readonly string[]) =>
    `${periods.length} missing period(s) inserted as gaps (not zeros): ${periods.join(", ")}.`,
  missingPeriods: (periods: readonly string[]) =>
    `${periods.length} period(s) have no value and are shown as gaps, never as zeros; they are not counted in runs, crossings or limits: ${periods.join(", ")}.`,
  zeroDenominator: (periods: readonly string[]) =>
    `Denominator 0 in ${periods.join(", ")}: no rate can be computed, so these periods are gaps.`,
  excludedPoints: (periods: readonly string[]) =>
    `Excluded from the centre and limits (still plotted and still tested by the rules): ${periods.join(", ")}.`,
  frozenBaseline: (phase: string, k: number, used: number) =>
    `Phase ${JSON.stringify(phase)}: centre and limits frozen on its first ${k} point(s) (${used} used after exclusions and gaps); later points are judged against them.`,
  fewBaselinePoints: (phase: string, n: number, min: number) =>
    `Phase ${JSON.stringify(phase)}: only ${n} point(s) set the centre and limits; at least ${min} are recommended, so read its signals with care.`,
  noBaseline: (phase: string) =>
    `Phase ${JSON.stringify(phase)}: no usable point to compute a centre line from; its points are shown without centre or limits.`,
  phaseRule: () =>
    "Each phase has its own centre and limits, computed only from that phase's own baseline points; phases come from real events, never from automatic rebasing.",
  fewUsefulRunPoints: (phase: string, n: number) =>
    `Phase ${JSON.stringify(phase)}: ${n} useful point(s) (not on the median); the Anhøj rules are meant for at least 10.`,
  runsSignal: (phase: string, longest: number, longestMax: number, crossings: number, crossingsMin: number) =>
    `Phase ${JSON.stringify(phase)}: non-random variation — longest run ${longest} (limit ${longestMax}), crossings ${crossings} (minimum ${crossingsMin}).`,
  screenedMovingRanges: (phase: string, removed: number, threshold: number) =>
    `Phase ${JSON.stringify(phase)}: ${removed} moving range(s) ≥ 3.267 × the mean moving range (${threshold.toPrecision(6)}) left out before the limits were computed (Making Data Count screening).`,
  varyingLimits: () =>
    "The limits vary from point to point because each point has its own denominator: a larger denominator gives narrower limits. This is correct, not an error.",
  laneyRecommended: (phase: string, sigmaZ: number, meanDenominator: number) =>
    `Phase ${JSON.stringify(phase)}: sigma_z = ${sigmaZ.toFixed(2)} with mean denominator ${Math.round(meanDenominator)}; the plain limits assume sigma_z ≈ 1 and are likely far too ${sigmaZ > 1 ? "tight" : "wide"}. Consider Laney's adjusted chart (laney: true).`,
  laneyApplied: (phase: string, sigmaZ: number) =>
    `Phase ${JSON.stringify(phase)}: Laney adjustment, limits multiplied by sigma_z = ${sigmaZ.toPrecision(4)}.`,
  signalConflict: (periods: readonly string[]) =>
    `Point(s) flagged by rules pointing in opposite directions: ${periods.join(", ")}; the highest-priority rule decides the colour and the point is marked signalConflict.`,

  /** Default label of the points before the first given phase start. */
  firstPhaseLabel: "Før",
} as const;
