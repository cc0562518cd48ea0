import { defineConfig } from "tsup";

// One source, two module formats: ESM for modern tools, CommonJS for tslab notebooks
// (tslab compiles cells to CommonJS and cannot import ESM-only modules). vega and
// vega-lite stay external and are loaded with import() inside async functions.
export default defineConfig({
  // rangeWorker: the parallel loader's thread code, found beside the bundles (src/io/parallel/workerFile.ts).
  entry: { index: "src/index.ts", cli: "src/cli/main.ts", rangeWorker: "src/io/parallel/rangeWorker.ts" },
  format: ["esm", "cjs"],
  outDir: "dist",
  outExtension: ({ format }) => ({ js: format === "cjs" ? ".cjs" : ".js" }),
  // Type declarations take the longest; `npm start` skips them (KLYNGE_NO_DTS=1), `npm run build` makes them.
  dts: process.env.KLYNGE_NO_DTS !== "1",
  // No source maps: the bundles are not minified, and maps would be a third of the package.
  sourcemap: false,
  clean: true,
  target: "node20",
  platform: "node",
  splitting: false,
  shims: true,
});
