/**
 * Exporting klynge's result tables for Excel, Power BI, R and Python.
 *
 * - CSV, Danish Excel variant: ";" separator, decimal comma, UTF-8 with BOM, CRLF — opens
 *   correctly by double-click in a Danish Excel.
 * - CSV, standard: "," and decimal point (R's read.csv, pandas, DuckDB).
 * - JSON: an array of row objects.
 * - Arrow IPC file (.arrow): typed columns for Power BI (via Python/R), R's arrow::read_feather,
 *   pandas.read_feather, DuckDB.
 * Suppressed cells stay empty (never 0), and no table ever carries patient ids (writeTable refuses).
 *
 * danfojs users: `toDataFrame(rows, dfd)` / `fromDataFrame(df)` convert to and from a danfojs
 * DataFrame (danfojs-node is an optional peer dependency: install it yourself).
 *
 * Run from the repository root: npx tsx examples/export-tables.ts [DATA_DIR] [OUT_DIR]
 * (defaults: data/demo and out/examples/tables).
 */
import { readFileSync, mkdirSync, statSync } from "node:fs";
import { join, relative } from "node:path";
import { fileURLToPath } from "node:url";
import { tableFromIPC } from "apache-arrow";
import { computeIndicators, loadDataset, writeTable } from "../src/index.js";

const root = fileURLToPath(new URL("..", import.meta.url));
const ds = await loadDataset(process.argv[2] ?? join(root, "data/demo"));
const outDir = process.argv[3] ?? join(root, "out/examples/tables");
mkdirSync(outDir, { recursive: true });

// The indicator table: clusters and the region, yearly, all ages and 65+ (suppressed at < 5).
const rows = computeIndicators(ds, {
  levels: ["region", "cluster"],
  groups: ["all", "65+"],
  sexes: ["all"],
  period: "year",
  indicators: ["admission_rate", "readmission_30d", "preventable_admission_rate"],
  regionName: "Region Midtjylland",
});
console.log(`Indicator table: ${rows.length} rows, ${rows.filter((r) => r.suppressed).length} suppressed`);

const files = {
  excel: join(outDir, "indicators-excel-da.csv"),
  csv: join(outDir, "indicators.csv"),
  json: join(outDir, "indicators.json"),
  arrow: join(outDir, "indicators.arrow"),
};
writeTable(rows, files.excel, { csvVariant: "excel-da" });
writeTable(rows, files.csv);
writeTable(rows, files.json);
writeTable(rows, files.arrow);
for (const [kind, file] of Object.entries(files)) console.log(`${kind.padEnd(6)} ${relative(process.cwd(), file)} (${statSync(file).size} bytes)`);

// What Excel sees: the first lines of the Danish variant.
const excel = readFileSync(files.excel, "utf8");
console.log(`Excel CSV starts with a BOM: ${excel.charCodeAt(0) === 0xfeff}`);
console.log(excel.replace(/^\uFEFF/, "").split("\r\n").slice(0, 3).join("\n"));

// Reading the Arrow file back, as Power BI, R or pandas would.
const table = tableFromIPC(readFileSync(files.arrow));
console.log(`Arrow file: ${table.numRows} rows, columns ${table.schema.fields.map((f) => `${f.name}:${f.type}`).slice(0, 6).join(", ")}, …`);
