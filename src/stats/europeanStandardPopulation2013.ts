import type { StandardBand } from "./directlyStandardisedRate.js";

/**
 * European Standard Population 2013: 19 age bands "0-4", "5-9", …, "85-89", "90+", total 100,000.
 * Source: Eurostat, "Revision of the European Standard Population — Report of Eurostat's task
 * force", 2013 edition, doi:10.2785/11470 (methods.md). The same table is in
 * data/standard-populations/esp2013.csv; a test checks that they agree.
 */
export const EUROPEAN_STANDARD_POPULATION_2013: readonly StandardBand[] = Object.freeze(
  (
    [
      ["0-4", 5000], ["5-9", 5500], ["10-14", 5500], ["15-19", 5500], ["20-24", 6000],
      ["25-29", 6000], ["30-34", 6500], ["35-39", 7000], ["40-44", 7000], ["45-49", 7000],
      ["50-54", 7000], ["55-59", 6500], ["60-64", 6000], ["65-69", 5500], ["70-74", 5000],
      ["75-79", 4000], ["80-84", 2500], ["85-89", 1500], ["90+", 1000],
    ] as const
  ).map(([label, population]) => Object.freeze({ label, population })),
);
