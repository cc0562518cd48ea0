/**
 * Information loss of suppression (issue 12, "How it is shown"): on a dataset, the yearly
 * municipality tables of admission_rate and readmission_30d for 65+ and 0–2 (sex "all"), the share
 * of published cells hidden, the share of the population behind them, and the hidden units with
 * more than 10,000 citizens in the group — without and with pooling.
 *
 *   npx tsx bench/disclosureLoss.ts DIR [--pool 741=751] [--before PATH/src/indicators/index.ts]
 *
 * --before runs the same call with another klynge source tree (e.g. a checkout of an older
 * commit) for the "before" figures.
 */
import { loadDataset } from "../src/io/index.js";
import type { IndicatorRow } from "../src/indicators/index.js";

const arg = (name: string): string | undefined => {
  const i = process.argv.indexOf(name);
  return i >= 0 ? process.argv[i + 1] : undefined;
};

type Compute = (ds: unknown, o: Record<string, unknown>) => IndicatorRow[];

function loss(rows: readonly IndicatorRow[], raw: readonly IndicatorRow[], names: Map<string, string>): string[] {
  const population = new Map<string, number>();
  for (const r of raw) if (r.indicator === "admission_rate" && r.level === "municipality" && r.sex === "all") population.set(`${r.unit}|${r.period}|${r.group}`, r.denominator ?? 0);
  const out: string[] = [];
  for (const indicator of ["admission_rate", "readmission_30d"])
    for (const group of ["65+", "0-2"]) {
      const cells = rows.filter((r) => r.indicator === indicator && r.level === "municipality" && r.group === group && r.sex === "all" && /^\d{4}$/.test(r.period));
      const hidden = cells.filter((r) => r.suppressed);
      const pop = (r: IndicatorRow) => r.unit.split("+").reduce((s, u) => s + (population.get(`${u}|${r.period}|${group}`) ?? 0), 0);
      const total = cells.reduce((s, r) => s + pop(r), 0);
      const hiddenPop = hidden.reduce((s, r) => s + pop(r), 0);
      const large = hidden.filter((r) => pop(r) > 10000).map((r) => `${r.unit.split("+").map((u) => names.get(u) ?? u).join("+")} ${r.period}`);
      out.push(
        `${indicator.padEnd(16)} ${group.padEnd(4)} cells ${String(cells.length).padStart(4)}  hidden ${String(hidden.length).padStart(4)} (${((100 * hidden.length) / Math.max(1, cells.length)).toFixed(1)} %)  population hidden ${((100 * hiddenPop) / Math.max(1, total)).toFixed(1)} %  units > 10,000 hidden: ${large.length === 0 ? "none" : large.join(", ")}`,
      );
    }
  return out;
}

async function main(): Promise<void> {
  const dir = process.argv[2];
  if (!dir) throw new Error("usage: tsx bench/disclosureLoss.ts DIR [--pool 741=751] [--before PATH]");
  const ds = await loadDataset(dir);
  const names = new Map(ds.geography.map((g) => [String(g.municipality_code), g.municipality_name] as const));
  const request = { levels: ["region", "cluster", "municipality"], period: "year", groups: ["all", "0-2", "65+"], indicators: ["admission_rate", "readmission_30d"] };
  const mine = (await import("../src/indicators/index.js")) as unknown as { computeIndicators: Compute };
  const raw = mine.computeIndicators(ds, { ...request, minCount: 0 });
  const before = arg("--before");
  if (before) {
    const old = (await import(before)) as { computeIndicators: Compute };
    console.log(`before (${before}):`);
    for (const l of loss(old.computeIndicators(ds, request), raw, names)) console.log(`  ${l}`);
  }
  console.log("now:");
  for (const l of loss(mine.computeIndicators(ds, request), raw, names)) console.log(`  ${l}`);
  const poolText = arg("--pool");
  if (poolText) {
    const pool = Object.fromEntries(poolText.split(",").map((p) => p.split("=") as [string, string]));
    console.log(`now, pooled ${poolText}:`);
    for (const l of loss(mine.computeIndicators(ds, { ...request, pool }), raw, names)) console.log(`  ${l}`);
  }
}

void main().catch((e: unknown) => {
  console.error(e);
  process.exitCode = 1;
});
