export type * from "./funnelTypes.js";
