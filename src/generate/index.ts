// Re-exports of the generate layer.
export { DEMO_INTERVENTION } from "./demoIntervention.js";
export { generateDataset } from "./generateDataset.js";
export { generateToMemory } from "./generateToMemory.js";
export type { GeneratedFiles } from "./generateToMemory.js";
export type { GenerateOptions, GenerateProgress } from "./options.js";
export { REGISTER_SHAPE_FORMATS } from "./registerShape/registerFormat.js";
export type { RegisterShapeFormat, RegisterWriteOptions, RegisterWriteResult } from "./registerShape/registerFormat.js";
export { writeRegisterFiles } from "./registerShape/writeRegisterFiles.js";
export type { GeneratorTruth } from "./runGenerator.js";
export type { InjectedIntervention } from "./demoIntervention.js";
export type { GenerateSettings } from "./options.js";
