import { existsSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import type { IndicatorRow } from "../../src/indicators/table.js";
import { interventionEffect, loadInterventions } from "../../src/spread/index.js";
import { fixtureRows } from "./fixtures/indicatorRows.js";
import { noteText } from "../../src/text/catalogue.js";
import type { Note } from "../../src/contract/note.js";

/** A note in English words. */
const en = (n: Note): string => noteText(n, "en");


const frail = loadInterventions(join(__dirname, "..", "..", "data", "interventions")).interventions.find(
  (i) => i.id === "frail-elderly-follow-up",
)!;

/**
 * Yearly cost_per_citizen rows (DKK per citizen, as src/indicators costPerCitizen: numerator =
 * total DKK, denominator = population, no interval) for the 5 fixture clusters: a cluster level ×
 * 3 %/year trend × `effect` from the first whole year after the adoption (Midt 2019, Randers 2020 —
 * 2019 is partly treated —, Vest 2021), times a small deterministic wobble.
 */
function costRows(effect: number, clusters = ["Horsens", "Midt", "Randers", "Vest", "Aarhus"]): IndicatorRow[] {
  const first: Record<string, number> = { Midt: 2019, Randers: 2020, Vest: 2021 };
  const partial: Record<string, number> = { Randers: 2019, Vest: 2020 };
  const rows: IndicatorRow[] = [];
  clusters.forEach((unit, i) => {
    const pop = 100000 + 50000 * i;
    for (let y = 2016; y <= 2022; y++) {
      const wobble = 1 + 0.01 * Math.sin(1.7 * y + 2.3 * i); // deterministic noise of ±1 %
      const eff = y >= (first[unit] ?? 9999) ? effect : y === partial[unit] ? Math.sqrt(effect) : 1;
      const perCitizen = (20000 + 1000 * i) * 1.03 ** (y - 2016) * eff * wobble;
      rows.push({
        indicator: "cost_per_citizen",
        level: "cluster",
        unit,
        period: String(y),
        group: "all",
        sex: "all",
        numerator: perCitizen * pop,
        denominator: pop,
        value: perCitizen,
        lower: null,
        upper: null,
        method: "sum",
        suppressed: false,
      });
    }
  });
  return rows;
}

const costRow = (rows: IndicatorRow[]) =>
  interventionEffect(frail, rows, { simulations: 200, targets: ["lower-cost-per-citizen"] });

describe("interventionEffect on an amount target (cost per citizen)", () => {
  it("gives one staggered DiD row on the log amount that recovers a 10 % reduction", () => {
    const e = costRow([...fixtureRows(), ...costRows(0.9)]);
    expect(e.rows).toHaveLength(1);
    const r = e.rows[0];
    expect([r.target, r.unit, r.role, r.method, r.outcome, r.dimension]).toEqual([
      "lower-cost-per-citizen",
      "all clusters",
      "all",
      "staggered_did",
      "amount",
      "cost",
    ]);
    expect(r.rateRatio!).toBeCloseTo(0.9, 1); // injected: × 0.90 from each whole treated year
    expect(Math.abs(r.rateRatio! - 0.9)).toBeLessThan(0.01);
    expect(r.lower!).toBeLessThan(0.9);
    expect(r.upper!).toBeGreaterThan(0.9);
    expect(r.effect).toBe("improvement");
    expect(r.notes.map(en).at(-1)).toMatch(/^Interval: t-interval \(df \d+\)/);
    expect(e.notes).toContainEqual({ code: "spread.note.effectAmountPartial", values: { target: "lower-cost-per-citizen", unit: "Randers", periods: ["2019"] } });
    const byUnit = e.models["lower-cost-per-citizen"].amount!.byUnit;
    expect(byUnit.map((u) => u.unit).sort()).toEqual(["Midt", "Randers", "Vest"]);
    expect(e.rows.some((x) => x.method === "its")).toBe(false);
  });

  it("covers 1 when there is no effect", () => {
    const r = costRow(costRows(1)).rows[0];
    expect(r.lower!).toBeLessThan(1);
    expect(r.upper!).toBeGreaterThan(1);
    expect(r.effect).toBe("no_clear_effect");
  });

  it("is not estimable with too few controls, and says why", () => {
    const r = costRow(costRows(0.9, ["Midt", "Aarhus"])).rows[0];
    expect([r.rateRatio, r.lower, r.upper, r.effect]).toEqual([null, null, null, "not_estimable"]);
    expect(r.notes.map(en)).toContain("Only 1 control unit (never-treated or not yet treated); at least 2 are needed for an estimate.");
    expect(r.notes.map((n) => noteText(n, "da"))).toContain("Kun 1 sammenligningsenhed (uden indsatsen eller endnu ikke startet); mindst 2 kræves for et estimat.");
  });
});

const DEMO = join(__dirname, "..", "..", "data", "demo");
describe.skipIf(!existsSync(join(DEMO, "truth.json")))("the demo dataset: cost per citizen", () => {
  it("gets an amount DiD row", async () => {
    const { loadDataset } = await import("../../src/io/index.js");
    const iv = loadInterventions(DEMO).interventions.find((i) => i.id === frail.id) ?? frail;
    const dataset = await loadDataset(DEMO);
    const e = interventionEffect(iv, dataset, { simulations: 200, targets: ["lower-cost-per-citizen"] });
    const r = e.rows.find((x) => x.target === "lower-cost-per-citizen")!;
    expect([r.method, r.outcome, r.unit]).toEqual(["staggered_did", "amount", "all clusters"]);
    expect(r.rateRatio).not.toBeNull();
    expect(r.lower!).toBeLessThan(r.rateRatio!);
    expect(r.upper!).toBeGreaterThan(r.rateRatio!);
  }, 120_000);
});
