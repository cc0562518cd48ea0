import { checkNonNegative } from "./checkNumber.js";
import type { StandardBand } from "./directlyStandardisedRate.js";
import { statsMessages } from "./messages.js";
import { StatsError } from "./statsError.js";

/**
 * Build a standard population from population rows of a chosen year — typically the Danish
 * population by age band and sex (labels such as "65-69 F"), so that rates can be standardised to
 * Denmark instead of the European Standard Population. Rows with the same label (e.g. several
 * municipalities or single years of age already mapped to their band) are summed; bands keep the
 * order of their first appearance. The labels must match those of the strata passed to
 * {@link directlyStandardisedRate}, which joins by label.
 * @throws StatsError for a negative/non-finite population, no rows, or a total of 0.
 * @example buildStandardPopulation([{ label: "0-4 F", population: 140000 }, { label: "0-4 M", population: 147000 }])
 */
export function buildStandardPopulation(
  rows: readonly { readonly label: string; readonly population: number }[],
): StandardBand[] {
  const fn = "buildStandardPopulation";
  if (rows.length === 0) throw new StatsError(statsMessages.emptyStrata(fn));
  const sums = new Map<string, number>();
  for (const r of rows) {
    const p = checkNonNegative(fn, `population of ${JSON.stringify(r.label)}`, r.population);
    sums.set(r.label, (sums.get(r.label) ?? 0) + p);
  }
  const bands = [...sums].map(([label, population]) => ({ label, population }));
  if (bands.every((b) => b.population === 0)) throw new StatsError(statsMessages.standardEmpty(fn));
  return bands;
}
