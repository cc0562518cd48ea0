import { loadDataset } from "./src/io/index.js";
import { computeIndicators, prepareIndicators, disclosureModel } from "./src/indicators/index.js";
const ds = await loadDataset("data/demo");
const clusterOf = new Map(ds.geography.map((g) => [String(g.municipality_code), g.cluster] as const));
const raw = computeIndicators(prepareIndicators(ds, { period: ["year","quarter","month"], minCount: 0 }));
const m = disclosureModel(raw, { clusterOf, checkSums: false });
const m2 = disclosureModel(raw, { clusterOf, checkSums: true });
console.log("relations unchecked", m.relations.count, "checked", m2.relations.count, "cells", m.cellCount);
let bad = 0;
for (let r = 0; r < m.relations.count; r++) {
  const p = m.relations.parent[r]; let s = 0;
  for (let x = m.relations.off[r]; x < m.relations.off[r+1]; x++) s += m.value[m.relations.child[x]];
  if (Math.abs(s - m.value[p]) > 1e-6) { if (bad++ < 10) console.log(m.label(p), m.value[p], s, m.relations.off[r+1]-m.relations.off[r], m.label(m.relations.child[m.relations.off[r]])); }
}
console.log("bad", bad);
