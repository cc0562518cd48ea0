import { loadDataset } from "./src/index.ts";
const t0 = performance.now();
const ds = await loadDataset(process.env.DIR ?? "/tmp/big", { fastPath: process.argv[2] !== "slow" });
const t1 = performance.now();
console.log("rows", ds.contacts.length, "ms", Math.round(t1 - t0), "rss MB", Math.round(process.memoryUsage().rss / 1e6), ds.report.problemCounts, ds.report.tables[0]);
