export * from "./time.js";
export * from "./codes.js";
export * from "./fields.js";
export * from "./schemas/index.js";
export * from "./jsonSchemas.js";
export type * from "./tables.js";
export type * from "./dataset.js";
export { cannotAnswerOf } from "./dataset.js";
