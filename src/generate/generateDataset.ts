import { mkdir, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { parseGenerateSettings, type GenerateOptions } from "./options.js";
import { runGenerator, type GeneratorTruth } from "./runGenerator.js";
import { fileOutput } from "./textOutput.js";

/**
 * Generate a complete synthetic dataset in the klynge data contract (issue 2) into
 * `options.outDir`: admissions.csv(.gz), population.csv, geography.csv, deaths.csv,
 * sector_costs.csv, experience.csv and truth.json (the manifest: seed, options, the injected
 * intervention with its clusters, start dates and true effect, and the calibration targets).
 *
 * Method: a seeded micro-simulation of every sampled citizen (see simulateMunicipality.ts),
 * calibrated to the published figures of shared/reference/danish-context.md (rates.ts).
 * Output is streamed in ~1 MB chunks honouring backpressure; the same options give
 * byte-identical files.
 *
 * @example
 * const truth = await generateDataset({ seed: 1, years: [2016, 2023], fraction: 0.1, gzip: true, outDir: "data/demo" });
 */
export async function generateDataset(options: GenerateOptions): Promise<GeneratorTruth> {
  const settings = parseGenerateSettings(options);
  await mkdir(options.outDir, { recursive: true });
  const p = (name: string): string => join(options.outDir, name);
  const truth = await runGenerator(
    settings,
    {
      admissions: fileOutput(p(settings.gzip ? "admissions.csv.gz" : "admissions.csv"), settings.gzip),
      population: fileOutput(p("population.csv"), false),
      geography: fileOutput(p("geography.csv"), false),
      deaths: fileOutput(p("deaths.csv"), false),
      sectorCosts: fileOutput(p("sector_costs.csv"), false),
      experience: fileOutput(p("experience.csv"), false),
    },
    options.progress,
  );
  await writeFile(p("truth.json"), JSON.stringify(truth, null, 2) + "\n", "utf8");
  return truth;
}
