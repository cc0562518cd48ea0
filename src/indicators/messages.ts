/** Message catalogue of the indicators layer: every user-facing text in one place. */
import type { Note } from "../contract/note.js";
import { noteText } from "../text/catalogue.js";

export const indicatorMessages = {
  badAgeGroup: (label: string) =>
    `age group "${label}" is not understood: use "all", "A-B" (e.g. "0-17") or "A+" (e.g. "65+")`,
  badLevel: (value: string) => `level must be region, cluster or municipality, got "${value}"`,
  badPeriod: (value: string) => `period must be year, quarter or month, got "${value}"`,
  badMinCount: (value: number) => `minCount must be a non-negative integer, got ${String(value)}`,
  standardYearMissing: (year: number, years: readonly number[]) =>
    `standard population year ${year} is not in population.csv (years there: ${years.join(", ")})`,
  noPopulation: () => "population.csv has no rows: population-based rates cannot be computed",
  dsrSkipped: (reason: string) => `standardised value not computed: ${reason}`,
  costSectors: (sectors: readonly string[]) => `cost sectors included: ${sectors.join(", ")}`,
  hospitalCostFromContacts: () =>
    "hospital cost is the sum of cost_dkk of contacts starting in the year; hospital rows of sector_costs.csv are not added (they would count the same cost twice)",
  suppressedSmall: (minCount: number) => `suppressed: a count below ${minCount}`,
  suppressedComplement: () => "suppressed: hidden to protect a small number",
  badPool: (member: string, host: string) =>
    `pool must pair two different municipality codes (member=host, e.g. 741=751), got "${member}=${host}"`,
  poolChain: (code: string) => `municipality ${code} is pooled and also has municipalities pooled with it: pool each one with the same host`,
  poolUnknown: (code: number) => `pool names municipality ${code}, which is not in the geography`,
  poolAcrossClusters: (member: number, host: number) =>
    `pool: municipality ${member} and ${host} are in different clusters; pool only within a cluster (cluster totals stay as they are)`,
  /**
   * A note of the stats layer (Estimate.note, a code plus values) as the indicator table's `note`
   * and `std_note` text: the catalogue's Danish wording (the table is language-neutral data; the
   * note's code is not kept in a text column).
   */
  statsNote: (n: Note) => noteText(n, "da"),
  noDeaths: () => "deaths.csv not given: deaths after admission not computed",
  /** An optional input table that is not given (issue 17). */
  inputAbsent: (file: string) => `ikke opgjort: ${file} er ikke givet`,
  /** A question the extract cannot answer (issue 17; Danish as the data group reads it). */
  cannotAnswer: (reason: string) =>
    `kan ikke besvares med dette udtræk: ${({ no_referral_column: "filen har intet felt for henvisning", referral_codes_not_mapped: "henvisningsmådens koder har ingen dokumenteret betydning (angiv dem med --map)", inpatient_derived: "indlagt/ambulant afledes af varigheden (mindst 12 timer), så »som registreret« er det samme som 12-timers-reglen", no_hospital_column: "ingen kontakt angiver sin sygehusenhed" } as Record<string, string>)[reason] ?? reason}`,
} as const;
