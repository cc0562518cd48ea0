import { parseGenerateSettings, type GenerateProgress, type GenerateSettings } from "./options.js";
import { runGenerator, type GeneratorTruth } from "./runGenerator.js";
import { memoryOutput } from "./textOutput.js";

/** A dataset generated in memory: the CSV texts by file name and the manifest. */
export interface GeneratedFiles {
  readonly truth: GeneratorTruth;
  /** CSV text by file name (admissions.csv, population.csv, …; never gzip). */
  readonly files: Readonly<Record<string, string>>;
}

/**
 * Generate a dataset in memory (same model and bytes as {@link generateDataset} without gzip),
 * for validation runs over many seeds at a small fraction (fraction 0.02 of the region for
 * 2016–2023, ≈ 26,000 citizens and 60,000 contacts, takes about a second of CPU time). Runs with
 * the same seed and different `interventionRateRatio` are paired: only citizens whose acute
 * contact was dropped by the intervention differ.
 *
 * @example
 * const { files, truth } = await generateToMemory({ seed: 7, fraction: 0.02, interventionRateRatio: 1 });
 */
export async function generateToMemory(
  options: Partial<GenerateSettings> & { readonly progress?: (p: GenerateProgress) => void } = {},
): Promise<GeneratedFiles> {
  const settings = parseGenerateSettings({ ...options, gzip: false });
  const outs = {
    admissions: memoryOutput(),
    population: memoryOutput(),
    geography: memoryOutput(),
    deaths: memoryOutput(),
    sectorCosts: memoryOutput(),
    experience: memoryOutput(),
  };
  const truth = await runGenerator(settings, outs, options.progress);
  return {
    truth,
    files: {
      "admissions.csv": outs.admissions.text(),
      "population.csv": outs.population.text(),
      "geography.csv": outs.geography.text(),
      "deaths.csv": outs.deaths.text(),
      "sector_costs.csv": outs.sectorCosts.text(),
      "experience.csv": outs.experience.text(),
      "truth.json": JSON.stringify(truth, null, 2) + "\n",
    },
  };
}
