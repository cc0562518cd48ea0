export * from "./columns.js";
export * from "./toCsv.js";
export * from "./toJson.js";
export * from "./toArrow.js";
export * from "./writeTable.js";
export * from "./danfo.js";
