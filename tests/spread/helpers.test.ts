import { join } from "node:path";
import { describe, expect, it } from "vitest";
import {
  adoptionTimeline,
  implementationKeysAt,
  loadInterventions,
  recommendationStatusTable,
  spreadMatrix,
} from "../../src/spread/index.js";

const set = loadInterventions(join(__dirname, "..", "..", "data", "interventions"));
const get = (id: string) => set.interventions.find((i) => i.id === id)!;
const lbp = get("low-back-pain-pathway");
const frail = get("frail-elderly-follow-up");

// Expected figures below are counted by hand from data/interventions/*.yaml.
describe("recommendationStatusTable (seed 000 sector checklist)", () => {
  const table = recommendationStatusTable(lbp);

  it("has a row per reported year × adopter × recommendation, not reported included", () => {
    expect(table.years).toEqual([2014, 2015]);
    expect(table.rows).toHaveLength(2 * 5 * 8);
    const vest2015 = table.rows.filter((r) => r.year === 2015 && r.cluster === "Vest");
    expect(vest2015.map((r) => r.status)).toEqual(Array(8).fill("not_reported"));
    expect(table.rows.slice(0, 3).map((r) => [r.year, r.cluster, r.sector, r.recommendation, r.status])).toEqual([
      [2014, "Horsens", "municipality", "municipality-early-training", "partly"],
      [2014, "Horsens", "municipality", "municipality-job-centre", "not_implemented"],
      [2014, "Horsens", "municipality", "municipality-joint-school-bench", "implemented"],
    ]);
    expect(table.rows.find((r) => r.year === 2014 && r.cluster === "Horsens" && r.recommendation === "gp-start-screening")!.note).toBe(
      "About half of the practices use the form.",
    );
  });

  it("summarises per year, adopter and sector", () => {
    const s = (year: number, cluster: string, sector: string) =>
      table.summary.find((r) => r.year === year && r.cluster === cluster && r.sector === sector)!;
    expect(s(2014, "Horsens", "municipality")).toMatchObject({ recommendations: 3, implemented: 1, partly: 1, not_implemented: 1 });
    expect(s(2014, "Horsens", "municipality").share_implemented).toBeCloseTo(1 / 3, 12);
    expect(s(2014, "Horsens", "hospital").share_implemented).toBe(1);
    expect(s(2014, "Horsens", "general_practice").share_implemented).toBeCloseTo(2 / 3, 12);
    // Randers: one not relevant (left out of the denominator), one not reported (counted in it).
    expect(s(2014, "Randers", "municipality")).toMatchObject({ not_relevant: 1, not_reported: 1, share_implemented: 0.5 });
    expect(s(2015, "Horsens", "general_practice").share_implemented).toBeCloseTo(1 / 3, 12);
    expect(table.summary).toHaveLength(2 * 5 * 3);
  });

  it("takes the years asked for, leaving out adopters that had not started", () => {
    const t = recommendationStatusTable(lbp, { years: [2012, 2016] });
    expect(t.rows.filter((r) => r.year === 2012)).toEqual([]);
    expect(t.rows.filter((r) => r.year === 2016)).toHaveLength(40);
  });

  it("is empty for an intervention without recommendations", () => {
    expect(recommendationStatusTable(frail).rows).toEqual([]);
  });
});

describe("implementationKeysAt", () => {
  it("carries a key's latest state forward", () => {
    const midt = frail.adoptions[0];
    const mid2019 = implementationKeysAt(midt, "2019-06-01");
    expect(mid2019.leadership).toEqual({ state: "in_place", assessed: "2018-12-01", note: "The cluster steering group goes first." });
    expect(mid2019.documentation!.state).toBe("emerging");
    expect(mid2019.viability).toBeNull();
    expect(implementationKeysAt(midt).viability!.state).toBe("in_place");
    expect(implementationKeysAt(midt, "2018-01-01").leadership).toBeNull();
  });
});

describe("spreadMatrix", () => {
  it("has clusters × (kernel elements + 7 keys), non-adopting target clusters included", () => {
    const m = spreadMatrix(frail);
    expect(m.columns.map((c) => c.id)).toEqual([
      "follow-up-home-visit",
      "joint-coordinator-function",
      "resource-persons",
      "cross-sector-audit",
      "viability",
      "learning_community",
      "leadership",
      "guidance_education",
      "people_move_people",
      "contagious_stories",
      "documentation",
    ]);
    expect(m.units.map((u) => [u.unit, u.adopted])).toEqual([
      ["Midt", true],
      ["Randers", true],
      ["Vest", true],
      ["Horsens", false],
      ["Aarhus", false],
    ]);
    expect(m.cells).toHaveLength(5 * 11);
    const cell = (unit: string, column: string) => m.cells.find((c) => c.unit === unit && c.column === column)!;
    expect(cell("Randers", "cross-sector-audit")).toMatchObject({ kind: "kernel", state: "partly", phase: "spread", note: "Audit twice a year instead of quarterly." });
    expect(cell("Vest", "contagious_stories")).toMatchObject({ kind: "key", state: "absent", assessed: "2021-03-01" });
    expect(cell("Aarhus", "leadership")).toMatchObject({ state: "not_adopted", adopted: false, phase: null });
  });

  it("reads the matrix at a date", () => {
    const m = spreadMatrix(frail, { at: "2019-12-31", language: "da" });
    const cell = (unit: string, column: string) => m.cells.find((c) => c.unit === unit && c.column === column)!;
    expect(cell("Vest", "follow-up-home-visit")).toMatchObject({ state: "not_adopted", adopted: false, start: "2020-04-01" });
    expect(cell("Randers", "leadership").state).toBe("in_place");
    expect(cell("Randers", "viability").state).toBe("not_recorded");
    expect(cell("Midt", "contagious_stories").state).toBe("emerging");
    expect(m.columns.find((c) => c.id === "people_move_people")!.label).toBe("Mennesker flytter mennesker");
    const inPlace = m.cells.filter((c) => c.unit === "Midt" && c.kind === "key" && c.state === "in_place");
    expect(inPlace).toHaveLength(6);
  });

  it("takes several interventions and an explicit cluster list", () => {
    const m = spreadMatrix([frail, lbp], { clusters: ["Horsens", "Midt"] });
    expect(m.units.filter((u) => u.intervention === "frail-elderly-follow-up").map((u) => u.unit)).toEqual(["Midt", "Randers", "Vest", "Horsens"]);
    expect(m.units.filter((u) => u.intervention === "low-back-pain-pathway")).toHaveLength(5);
    expect(m.cells.find((c) => c.intervention === "low-back-pain-pathway" && c.unit === "Vest" && c.column === "start-screening")!.state).toBe("not_kept");
  });
});

describe("adoptionTimeline", () => {
  it("orders every dated event", () => {
    const t = adoptionTimeline(frail);
    expect(t).toHaveLength(3 + 6 + 2 + 5 + 2 + 4);
    expect(t[0]).toMatchObject({ date: "2018-02-01", kind: "milestone", id: "project-group", state: "reached" });
    expect(t.filter((e) => e.kind === "adoption_start").map((e) => [e.cluster, e.date])).toEqual([
      ["Midt", "2019-01-01"],
      ["Randers", "2019-07-01"],
      ["Vest", "2020-04-01"],
    ]);
    expect(t.find((e) => e.kind === "key_assessment" && e.date === "2019-12-01")!.state).toBe("6/7 keys in place");
    const dates = t.map((e) => e.date);
    expect([...dates].sort()).toEqual(dates);
  });
});
