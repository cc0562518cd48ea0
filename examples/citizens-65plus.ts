/**
 * Citizens 65+: readmission share, preventable admissions and the focus areas by cluster for the
 * latest year with complete follow-up, and the referral sources of their acute admissions.
 *
 * Run from the repository root: npx tsx examples/citizens-65plus.ts [DATA_DIR]
 */
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { REFERRAL_SOURCES, computeIndicators, computeStays, loadDataset, yearOfMinutes } from "../src/index.js";

const root = fileURLToPath(new URL("..", import.meta.url));
const ds = await loadDataset(process.argv[2] ?? join(root, "data/demo"));

const rows = computeIndicators(ds, {
  levels: ["region", "cluster"],
  groups: ["65+"],
  sexes: ["all"],
  period: "year",
  indicators: ["readmission_30d", "preventable_admission_rate", "focus"],
});
// The latest year in which the readmission share is known (the last one lacks 30 days of follow-up).
const year = rows.filter((r) => r.indicator === "readmission_30d" && r.value !== null).map((r) => r.period).sort().at(-1);
console.log(`Citizens 65+, ${year} (suppressed values shown as "-")`);
const indicators = [...new Set(rows.map((r) => r.indicator))].filter((i) => rows.some((r) => r.indicator === i && r.group === "65+"));
const units = [...new Set(rows.map((r) => r.unit))];
console.log(["unit".padEnd(12), ...indicators.map((i) => i.replace("focus_", "").slice(0, 14).padStart(15))].join(""));
for (const unit of units) {
  const cells = indicators.map((i) => {
    const r = rows.find((x) => x.indicator === i && x.unit === unit && x.period === year && x.group === "65+");
    return (r === undefined || r.value === null ? "-" : r.value.toFixed(1)).padStart(15);
  });
  console.log([unit.padEnd(12), ...cells].join(""));
}

// Referral sources of acute admissions (stays >= 12 h) of citizens 65+ in that year: counts only.
const { stays, admissions } = computeStays(ds);
const counts = new Map<string, number>();
for (let j = 0; j < admissions.length; j++) {
  const s = admissions.stay[j];
  if (stays.acute[s] !== 1 || stays.age[s] < 65 || String(yearOfMinutes(stays.start[s])) !== year) continue;
  const code = ds.contacts.referral[stays.firstContact[s]];
  const source = code < 0 ? "not given" : REFERRAL_SOURCES[code];
  counts.set(source, (counts.get(source) ?? 0) + 1);
}
console.log(`Referral sources of acute admissions of citizens 65+, ${year}`);
for (const [source, n] of [...counts].sort((a, b) => b[1] - a[1])) console.log(`  ${source.padEnd(15)} ${n < 5 ? "-" : n}`);
