import type { PopulationTable } from "../contract/tables.js";
import { ageBandLabel } from "./ageBandLabel.js";
import { buildStandardPopulation } from "./buildStandardPopulation.js";
import type { StandardBand } from "./directlyStandardisedRate.js";
import { EUROPEAN_STANDARD_POPULATION_2013 } from "./europeanStandardPopulation2013.js";
import { statsMessages } from "./messages.js";
import { StatsError } from "./statsError.js";

/**
 * The label of a standardisation stratum: the age band, or the age band and sex ("65-69 F",
 * "65-69 M") when standardising by sex as well. Use the same function to label the strata of the
 * rates, so that {@link directlyStandardisedRate} can join them by label.
 */
export function standardStratumLabel(band: string, sex?: "F" | "M" | null): string {
  return sex ? `${band} ${sex}` : band;
}

/**
 * A standard population from the population table of the data: the Danish population (all
 * municipalities in the table) on 1 January of `year`, summed into age bands (default the 19 bands
 * of the European Standard Population 2013) and, with `bySex` (default true), by sex — labels from
 * {@link standardStratumLabel}. The analyst chooses the year; an absent year is an error.
 * @throws StatsError when the table has no rows for `year`.
 * @example standardPopulationFromTable(dataset.population, { year: 2020 }) // [{ label: "0-4 F", population: … }, …]
 */
export function standardPopulationFromTable(
  table: PopulationTable,
  options: { readonly year: number; readonly bands?: readonly string[]; readonly bySex?: boolean },
): StandardBand[] {
  const bands = options.bands ?? EUROPEAN_STANDARD_POPULATION_2013.map((b) => b.label);
  const bySex = options.bySex ?? true;
  const sums = new Map<string, number>();
  // Fixed order: bands, then F before M, so the result does not depend on row order.
  for (const band of bands) {
    if (bySex) {
      sums.set(standardStratumLabel(band, "F"), 0);
      sums.set(standardStratumLabel(band, "M"), 0);
    } else sums.set(band, 0);
  }
  let rows = 0;
  for (let i = 0; i < table.length; i++) {
    if (table.year[i] !== options.year) continue;
    rows++;
    const band = ageBandLabel(table.age[i], bands);
    if (band === null) continue;
    const sex = table.sex[i] === 1 ? "F" : table.sex[i] === 2 ? "M" : null;
    const label = bySex ? standardStratumLabel(band, sex) : band;
    if (!sums.has(label)) continue;
    sums.set(label, (sums.get(label) as number) + table.count[i]);
  }
  if (rows === 0) throw new StatsError(statsMessages.noPopulationForYear("standardPopulationFromTable", options.year));
  return buildStandardPopulation([...sums].map(([label, population]) => ({ label, population })));
}
