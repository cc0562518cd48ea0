import { loadDataset } from "../src/io/index.js";
import { admissionRate, readmission30d, focusAreaRates, costPerCitizen, preventableAdmissionRate, suppressTable, prepareIndicators, computeIndicators, questionTables } from "../src/indicators/index.js";
const ds = await loadDataset("bench/data/region-2023");
for (let k = 0; k < 2; k++) {
let t = performance.now();
const lap = (l: string) => { const n = performance.now(); console.log(l, (n - t).toFixed(0)); t = n; };
const ctx = prepareIndicators(ds, { minCount: 0 }); lap("prepare");
admissionRate(ctx); lap("adm");
readmission30d(ctx); lap("readm");
preventableAdmissionRate(ctx); lap("prev");
focusAreaRates(ctx); lap("focus");
costPerCitizen(ctx); lap("cost");
questionTables(ctx); lap("questions");
const raw = computeIndicators(ctx); lap("all " + raw.length);
suppressTable(raw, { clusterOf: new Map(ds.geography.map(g => [String(g.municipality_code), g.cluster])) }); lap("suppress");
}
