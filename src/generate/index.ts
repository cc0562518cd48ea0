// Re-exports of the generate layer.
export { generateDataset } from "./generateDataset.js";
export { generateToMemory, type GeneratedFiles } from "./generateToMemory.js";
export { DEMO_INTERVENTION, withRateRatio, type InjectedIntervention } from "./demoIntervention.js";
export { GenerateOptionsSchema, type GenerateOptions, type GenerateSettings, type GenerateProgress } from "./options.js";
export type { GeneratorTruth } from "./runGenerator.js";
export { CALIBRATION_TARGETS } from "./rates.js";
export { MIDTJYLLAND_MUNICIPALITIES, MIDTJYLLAND_CLUSTERS, nationMunicipalities, type GeneratorMunicipality } from "./geography.js";
export { Random as GeneratorRandom } from "./random.js";
export * from "./registerShape/index.js";
