export * from "./time.js";
export * from "./codes.js";
export type * from "./tables.js";
export type * from "./dataset.js";
