import { validateDataset, loadDataset } from "./src/index.ts";
const c0 = process.cpuUsage(); const t0 = performance.now();
const v = await validateDataset("data/demo");
console.log(v.text.slice(0, 3000));
console.log("cpu ms", Math.round(process.cpuUsage(c0).user / 1000), "wall", Math.round(performance.now() - t0));
const a = await loadDataset("data/demo", { maxProblemsPerCode: 1e9 });
const b = await loadDataset("data/demo", { fastPath: false, maxProblemsPerCode: 1e9 });
const same = JSON.stringify(a.report) === JSON.stringify(b.report) && Array.from(a.contacts.cost).every((x, i) => Object.is(x, b.contacts.cost[i])) && Array.from(a.contacts.admittedAt).every((x, i) => x === b.contacts.admittedAt[i]) && Array.from(a.contacts.patient).every((x, i) => x === b.contacts.patient[i]);
console.log("fast = slow on demo:", same);
