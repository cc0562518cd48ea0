import { loadDataset } from "./src/index.ts";
const t0 = performance.now(); const c0 = process.cpuUsage();
const ds = await loadDataset(process.env.DIR ?? "/tmp/big", { fastPath: process.argv[2] !== "slow" });
const c1 = process.cpuUsage(c0);
console.log("rows", ds.contacts.length, "wall ms", Math.round(performance.now() - t0), "cpu user ms", Math.round(c1.user / 1000), "sys", Math.round(c1.system / 1000), "rss MB", Math.round(process.memoryUsage().rss / 1e6));
