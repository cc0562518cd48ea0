import { loadDataset } from "../src/io/index.js";
import { prepareIndicators, questionTables, costPerCitizen } from "../src/indicators/index.js";
import { buildStays, linkReadmissions } from "../src/stays/index.js";
const ds = await loadDataset("bench/data/region-2023");
for (let k = 0; k < 3; k++) {
  let t = performance.now();
  const lap = (l: string) => { const n = performance.now(); console.log(l, (n - t).toFixed(0)); t = n; };
  const { stays, report } = buildStays(ds.contacts); lap("buildStays");
  linkReadmissions(stays, ds.contacts, report.latestAdmittedAt, { diedOnByPatient: ds.deaths?.diedOnByPatient }); lap("link");
  const ctx = prepareIndicators(ds, { minCount: 0 }); lap("prepare");
  questionTables(ctx); lap("q");
  costPerCitizen(ctx); lap("cost");
}
