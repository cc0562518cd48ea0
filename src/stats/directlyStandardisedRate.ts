import { checkNonNegative } from "./checkNumber.js";
import { joinByLabel } from "./joinByLabel.js";
import { statsMessages, statsNotes } from "./messages.js";
import { poissonCountLimits } from "./poissonCountLimits.js";
import { resolveLevels } from "./resolveLevels.js";
import { StatsError } from "./statsError.js";
import type { Estimate, LevelOptions } from "./types.js";

/** One stratum (e.g. an age band × sex) of events and population. */
export interface Stratum {
  readonly label: string;
  readonly events: number;
  readonly population: number;
}

/** One band of a standard population. */
export interface StandardBand {
  readonly label: string;
  readonly population: number;
}

/**
 * Directly standardised rate with Dobson's interval (PHEindicatormethods `calculate_dsr`;
 * methods.md, "Directly standardised rate").
 *
 * DSR = Σ xᵢ·sᵢ/nᵢ / Σ sᵢ × m;  var = Σ xᵢ(sᵢ/nᵢ)² / (Σ sᵢ)²;  O = Σ xᵢ;
 * limits = DSR + √(var/O)·(B(O) − O)·m, B(O) the Byars limit of O.
 * Source: A. J. Dobson et al., "Confidence intervals for weighted sums of Poisson parameters",
 * Stat. Med. 10 (1991) 457–462.
 *
 * Strata are joined to `standard` by label (never by position); labels missing on either side are
 * named in the error. With O < 10 the value is null and `note` says why (PHE convention).
 * multiplier defaults to 1 (give 100000 for "per 100,000").
 * @throws StatsError for unmatched/duplicate labels, events with population 0, bad numbers or levels.
 * @example directlyStandardisedRate(strata, { standard: EUROPEAN_STANDARD_POPULATION_2013, multiplier: 1e5 })
 */
export function directlyStandardisedRate(
  strata: readonly Stratum[],
  options: LevelOptions & { readonly standard: readonly StandardBand[]; readonly multiplier?: number },
): Estimate {
  const fn = "directlyStandardisedRate";
  const levels = resolveLevels(fn, options.level);
  const m = checkNonNegative(fn, "multiplier", options.multiplier ?? 1, true);
  if (strata.length === 0) throw new StatsError(statsMessages.emptyStrata(fn));
  const joined = joinByLabel(fn, strata, options.standard, "standard population");
  let sumS = 0;
  let weighted = 0;
  let varSum = 0;
  let observed = 0;
  for (const { stratum, other } of joined) {
    const x = checkNonNegative(fn, `events of ${JSON.stringify(stratum.label)}`, stratum.events);
    const n = checkNonNegative(fn, `population of ${JSON.stringify(stratum.label)}`, stratum.population);
    const s = checkNonNegative(fn, `standard population of ${JSON.stringify(stratum.label)}`, other.population);
    sumS += s;
    observed += x;
    if (n === 0) {
      if (x > 0) throw new StatsError(statsMessages.eventsWithoutPopulation(fn, stratum.label, x));
      continue;
    }
    const w = s / n;
    weighted += x * w;
    varSum += x * w * w;
  }
  if (sumS === 0) throw new StatsError(statsMessages.standardEmpty(fn));
  const method = "dobson";
  if (observed < 10) {
    const intervals = levels.map((level) => ({ level, lower: null, upper: null }));
    return { value: null, lower: null, upper: null, method, note: statsNotes.dsrTooFewEvents(observed, 10), intervals };
  }
  const dsr = (weighted / sumS) * m;
  const variance = varSum / (sumS * sumS);
  const k = Math.sqrt(variance / observed) * m;
  const intervals = levels.map((level) => {
    const b = poissonCountLimits(observed, level, "byars");
    return { level, lower: dsr + k * (b.lower - observed), upper: dsr + k * (b.upper - observed) };
  });
  return { value: dsr, lower: intervals[0].lower, upper: intervals[0].upper, method, intervals };
}
