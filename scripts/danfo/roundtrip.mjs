// The danfojs adapter against the real danfojs-node (scripts/danfo-test.sh installs it with the two
// overrides it needs): klynge rows → DataFrame → rows is lossless, and a danfojs group-by on the
// DataFrame gives the numbers klynge computed.
import assert from "node:assert/strict";
import { createRequire } from "node:module";
import * as dfd from "danfojs-node";
import { computeIndicators, demoDataDir, fromDataFrame, loadDataset, toDataFrame } from "klynge";

const dataset = await loadDataset(demoDataDir());
const rows = computeIndicators(dataset, { levels: ["region", "cluster"], period: "year", groups: ["65+"], indicators: ["readmission_30d"], sexes: ["all"], minCount: 0 });
assert.ok(rows.length > 0);

const df = toDataFrame(rows, dfd);
assert.ok(df instanceof dfd.DataFrame, "toDataFrame returns a danfojs DataFrame");
assert.deepEqual(df.shape, [rows.length, Object.keys(rows[0]).length]);
assert.deepEqual(df.columns, Object.keys(rows[0]));

const back = fromDataFrame(df);
const normalise = (r) => Object.fromEntries(Object.entries(r).map(([k, v]) => [k, v === undefined ? null : v]));
assert.deepEqual(back.map(normalise), rows.map(normalise), "rows → DataFrame → rows is lossless");

// danfojs works on it: the clusters' index admissions per year add up to the region's.
const clusters = df.query(df["level"].eq("cluster"));
const byYear = clusters.groupby(["period"]).col(["denominator"]).sum();
const sums = Object.fromEntries(fromDataFrame(byYear).map((r) => [r.period, r.denominator_sum]));
for (const r of rows.filter((x) => x.level === "region")) assert.equal(sums[r.period], r.denominator, `index admissions ${r.period}`);

// CommonJS users get the same.
const require = createRequire(import.meta.url);
const cjs = require("klynge");
const dfdCjs = require("danfojs-node");
assert.deepEqual(cjs.fromDataFrame(cjs.toDataFrame(rows, dfdCjs)).map(normalise), rows.map(normalise));

console.log(`danfojs-node round trip: OK (${rows.length} rows × ${df.columns.length} columns; danfojs group-by equals the region's index admissions in ${Object.keys(sums).length} years; ESM and CommonJS)`);
