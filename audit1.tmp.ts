import { loadDataset } from "./src/io/index.js";
import { computeIndicators, auditDisclosure, prepareIndicators } from "./src/indicators/index.js";
const ds = await loadDataset("data/demo");
const clusterOf = new Map(ds.geography.map((g) => [String(g.municipality_code), g.cluster] as const));
const periods = process.argv[2].split(",");
let t = performance.now();
const ctx = prepareIndicators(ds, { period: periods as any });
console.log("prepare", (performance.now()-t).toFixed(0)); t = performance.now();
const out = computeIndicators(ctx);
console.log(periods.join(","), "rows", out.length, "suppressed", out.filter(r=>r.suppressed).length, "ms", (performance.now()-t).toFixed(0));
if (process.argv[3] === "audit") {
  const t0 = performance.now(); const a = await auditDisclosure(out, { clusterOf, onProgress: (p) => { if (p.component > 50) console.log("comp", p.component, "narrow", p.narrowAfterDirections, "programs", p.programs, ((performance.now()-t0)/1000).toFixed(1)); } });
  console.log(JSON.stringify({ ...a, unprotected: a.unprotected.length, examples: a.unprotected.slice(0, 8) }));
}
if (process.argv[4]) {
  const { disclosureModel } = await import("./src/indicators/index.js");
  const m = disclosureModel(out, { clusterOf });
  const target = process.argv[4];
  for (let c = 0; c < m.cellCount; c++) if (m.label(c) === target) {
    for (let r = 0; r < m.relations.count; r++) {
      const mem = [m.relations.parent[r], ...Array.from(m.relations.child.subarray(m.relations.off[r], m.relations.off[r+1]))];
      if (!mem.includes(c)) continue;
      console.log("REL", mem.map((x) => `${m.label(x)}=${m.value[x]}`).join("  "));
    }
  }
}
