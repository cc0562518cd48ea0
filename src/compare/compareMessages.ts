/**
 * Message catalogue of the cluster-comparison files (compareToReference, clusterProfile,
 * rankIntervals). The funnel files keep their own catalogue (funnelMessages.ts).
 */
export const compareMessages = {
  noUnits: (fn: string) => `${fn} requires at least one unit`,
  duplicateUnit: (fn: string, unit: string) => `${fn}: unit "${unit}" occurs more than once; give each unit once`,
  badLevel: (fn: string, level: unknown) =>
    `${fn}: level is ${String(level)}; give the confidence level as a fraction strictly between 0 and 1 (e.g. 0.95)`,
  badNumber: (fn: string, what: string, value: unknown) =>
    `${fn}: ${what} is ${String(value)}; expected a finite number >= 0`,
  proportionAboveOne: (fn: string, unit: string, x: number, n: number) =>
    `${fn}: unit "${unit}" has ${x} events out of ${n}; a proportion needs events <= population`,
  zeroPopulation: (unit: string) => `unit "${unit}" has population 0: no rate, difference or trend`,
  trendTooShort: (unit: string, n: number) =>
    `unit "${unit}": ${n} period(s) with population; a trend needs at least 3`,
  trendFailed: (unit: string, reason: string) => `unit "${unit}": trend not estimated (${reason})`,
  referenceIncludesUnit: () =>
    `when the reference includes the units (e.g. the region and its clusters), the intervals of the difference treat the two as independent and are somewhat too wide; use excludeUnitFromReference to compare each unit with the rest`,
  excludeMissingStratum: (unit: string, label: string) =>
    `excludeUnitFromReference: stratum "${label}" of unit "${unit}" is not in the reference`,
  excludeNegative: (unit: string, label: string) =>
    `excludeUnitFromReference: the reference minus unit "${unit}" is negative in stratum "${label}"; the unit is not part of this reference`,
  profileNoRows: () => `clusterProfile: no indicator rows at the chosen level, period, group and sex`,
  profileNoReference: (indicator: string, period: string, group: string, sex: string) =>
    `no reference row for ${indicator} ${period} ${group} ${sex}: compared with nothing`,
  profileNoDirection: (indicator: string) =>
    `no direction of improvement is known for "${indicator}"; give it in options.directions`,
  profileDuplicate: (indicator: string, unit: string, period: string) =>
    `clusterProfile: more than one row for ${indicator}, unit "${unit}", period ${period}; filter by group and sex first`,
  rankNeedsTwo: () => `rankIntervals requires at least two estimates with a value`,
  rankBadSimulations: (n: unknown) => `rankIntervals: simulations is ${String(n)}; expected an integer >= 100`,
  rankNoSpread: (unit: string) =>
    `rankIntervals: estimate "${unit}" has neither a standard error nor an interval around its value`,
  rankLogScaleInvalid: (unit: string) =>
    `rankIntervals: estimate "${unit}" has a value or interval <= 0, so the log scale cannot be used; use scale "linear"`,
  rankSkipped: (unit: string) => `estimate "${unit}" has no value (suppressed or not computed) and is left out of the ranking`,
  rankNote: () =>
    `ranks are uncertain: read each unit's rank interval, not its position in the list; overlapping intervals mean the order is not established`,
} as const;

/** Error thrown by the cluster-comparison functions; the text comes from compareMessages. */
export class CompareError extends Error {
  override readonly name = "CompareError";
  constructor(message: string) {
    super(message);
  }
}
