/**
 * klynge — Triple Aim indicators, cross-cluster comparison, SPC and the spread model for the
 * data groups of Danish cross-sector health clusters. This file only re-exports the layers:
 * data in (contract, io, generate) → stays → indicators → comparisons (compare, spc, effects)
 * → spread model → charts and report.
 */
export * from "./contract/index.js";
export * from "./io/index.js";
export * from "./generate/index.js";
export * from "./stats/index.js";
export * from "./stays/index.js";
export * from "./indicators/index.js";
export * from "./spc/index.js";
export * from "./compare/index.js";
export * from "./effects/index.js";
export * from "./spread/index.js";
export * from "./overview/index.js";
export * from "./charts/index.js";
export * from "./report/index.js";
export * from "./interop/index.js";
