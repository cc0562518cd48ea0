import { checkNonNegative } from "./checkNumber.js";
import type { Stratum } from "./directlyStandardisedRate.js";
import { joinByLabel } from "./joinByLabel.js";
import { statsMessages, statsNotes } from "./messages.js";
import { poissonCountLimits, type PoissonLimitMethod } from "./poissonCountLimits.js";
import { resolveLevels } from "./resolveLevels.js";
import { StatsError } from "./statsError.js";
import type { Estimate, LevelOptions } from "./types.js";

/** Result of {@link indirectlyStandardisedRatio}: the estimate plus O and E. */
export type IndirectlyStandardisedEstimate = Estimate & { readonly observed: number; readonly expected: number };

/**
 * Indirectly standardised ratio O/E (SMR-style), with E = Σ nᵢ·(reference eventsᵢ / reference
 * populationᵢ) and the exact (O < 10) or Byars (O >= 10) interval of O divided by E —
 * PHEindicatormethods `calculate_ISRatio` (methods.md, "Indirectly standardised ratio").
 *
 * With `referenceRate: true` the value is the indirectly standardised rate instead: the ratio ×
 * the reference's crude rate (Σ reference events / Σ reference population) × `multiplier`
 * (default 1) — PHEindicatormethods `calculate_ISRate`.
 * Strata are joined to the reference by label; E = 0 gives value null with a note.
 * @throws StatsError for unmatched/duplicate labels, a reference stratum with population 0 where the
 * strata have population, bad numbers or levels.
 * @example indirectlyStandardisedRatio(strata, regionStrata, { level: [0.95, 0.998] })
 */
export function indirectlyStandardisedRatio(
  strata: readonly Stratum[],
  reference: readonly Stratum[],
  options: LevelOptions & { readonly referenceRate?: boolean; readonly multiplier?: number } = {},
): IndirectlyStandardisedEstimate {
  const fn = "indirectlyStandardisedRatio";
  const levels = resolveLevels(fn, options.level);
  const m = checkNonNegative(fn, "multiplier", options.multiplier ?? 1, true);
  if (strata.length === 0) throw new StatsError(statsMessages.emptyStrata(fn));
  const joined = joinByLabel(fn, strata, reference, "reference");
  let observed = 0;
  let expected = 0;
  let refEvents = 0;
  let refPop = 0;
  for (const { stratum, other } of joined) {
    const x = checkNonNegative(fn, `events of ${JSON.stringify(stratum.label)}`, stratum.events);
    const n = checkNonNegative(fn, `population of ${JSON.stringify(stratum.label)}`, stratum.population);
    const rx = checkNonNegative(fn, `reference events of ${JSON.stringify(stratum.label)}`, other.events);
    const rn = checkNonNegative(fn, `reference population of ${JSON.stringify(stratum.label)}`, other.population);
    observed += x;
    refEvents += rx;
    refPop += rn;
    if (n === 0) continue;
    if (rn === 0) throw new StatsError(statsMessages.referenceWithoutPopulation(fn, stratum.label));
    expected += (n * rx) / rn;
  }
  const method: PoissonLimitMethod = observed < 10 ? "exact-poisson" : "byars";
  if (expected === 0) {
    const intervals = levels.map((level) => ({ level, lower: null, upper: null }));
    return { value: null, lower: null, upper: null, method, note: statsNotes.zeroExpected(), intervals, observed, expected };
  }
  const scale = options.referenceRate ? ((refEvents / refPop) * m) / expected : 1 / expected;
  const intervals = levels.map((level) => {
    const l = poissonCountLimits(observed, level);
    return { level, lower: l.lower * scale, upper: l.upper * scale };
  });
  return {
    value: observed * scale,
    lower: intervals[0].lower,
    upper: intervals[0].upper,
    method,
    intervals,
    observed,
    expected,
  };
}
