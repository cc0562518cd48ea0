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
    expect(table.rows).toHaveLength(2 * 5 * 9);
    const vest2015 = table.rows.filter((r) => r.year === 2015 && r.cluster === "Vest");
    expect(vest2015.map((r) => r.status)).toEqual(Array(9).fill("not_reported"));
    expect(table.rows.slice(0, 3).map((r) => [r.year, r.cluster, r.sector, r.recommendation, r.status])).toEqual([
      [2014, "Horsens", "municipality", "municipality-early-effort", "partly"],
      [2014, "Horsens", "municipality", "municipality-labour-market", "not_implemented"],
      [2014, "Horsens", "municipality", "municipality-joint-school-bench", "implemented"],
    ]);
    expect(table.rows.find((r) => r.year === 2014 && r.cluster === "Horsens" && r.recommendation === "gp-start-screening")!.note).toBe(
      "Omkring halvdelen af praksis bruger skemaet.",
    );
    // The practice sector: general practitioners, physiotherapists and chiropractors (seed 000).
    expect(lbp.recommendations.filter((r) => r.sector === "practice_sector").flatMap((r) => r.professions)).toContain("chiropractors");
  });

  it("summarises per year, adopter and sector", () => {
    const s = (year: number, cluster: string, sector: string) =>
      table.summary.find((r) => r.year === year && r.cluster === cluster && r.sector === sector)!;
    expect(s(2014, "Horsens", "municipality")).toMatchObject({ recommendations: 3, implemented: 1, partly: 1, not_implemented: 1 });
    expect(s(2014, "Horsens", "municipality").share_implemented).toBeCloseTo(1 / 3, 12);
    expect(s(2014, "Horsens", "hospital").share_implemented).toBe(1);
    expect(s(2014, "Horsens", "practice_sector").share_implemented).toBeCloseTo(2 / 4, 12);
    // Randers: one not relevant (left out of the denominator), one not reported (counted in it).
    expect(s(2014, "Randers", "municipality")).toMatchObject({ not_relevant: 1, not_reported: 1, share_implemented: 0.5 });
    expect(s(2015, "Horsens", "practice_sector").share_implemented).toBeCloseTo(2 / 4, 12);
    expect(table.summary).toHaveLength(2 * 5 * 3);
  });

  it("takes the years asked for, leaving out adopters that had not started", () => {
    const t = recommendationStatusTable(lbp, { years: [2012, 2016] });
    expect(t.rows.filter((r) => r.year === 2012)).toEqual([]);
    expect(t.rows.filter((r) => r.year === 2016)).toHaveLength(45);
  });

  it("is empty for an intervention without recommendations", () => {
    expect(recommendationStatusTable(frail).rows).toEqual([]);
  });
});

describe("implementationKeysAt", () => {
  it("carries a key's latest state forward", () => {
    const midt = frail.adoptions[0];
    const mid2019 = implementationKeysAt(midt, "2019-06-01");
    expect(mid2019.leadership).toEqual({ state: "in_place", assessed: "2018-12-01", note: "Klyngestyregruppen går forrest." });
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
    expect(m.cells).toHaveLength(5 * 10);
    const cell = (unit: string, column: string) => m.cells.find((c) => c.unit === unit && c.column === column)!;
    expect(cell("Randers", "cross-sector-audit")).toMatchObject({ kind: "kernel", state: "partly", phase: "spread", note: "Audit to gange årligt i stedet for hvert kvartal." });
    expect(cell("Vest", "contagious_stories")).toMatchObject({ kind: "key", state: "absent", assessed: "2021-03-01" });
    expect(cell("Aarhus", "leadership")).toMatchObject({ state: "not_adopted", adopted: false, phase: null });
  });

  it("reads the matrix at a date", () => {
    const m = spreadMatrix(frail, { at: "2019-12-31", language: "da" });
    const cell = (unit: string, column: string) => m.cells.find((c) => c.unit === unit && c.column === column)!;
    expect(cell("Vest", "follow-up-home-visit")).toMatchObject({ state: "not_adopted", adopted: false, start: "2020-04-01" });
    expect(cell("Randers", "leadership").state).toBe("in_place");
    expect(cell("Randers", "viability").state).toBe("not_recorded");
    expect(cell("Midt", "contagious_stories").state).toBe("not_chosen"); // the keys are a selection (seed 003)
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
    expect(t).toHaveLength(3 + 6 + 2 + 1 + 4); // adoptions, key assessments, PDSA cycles, status report, target deadlines
    expect(t[0]).toMatchObject({ date: "2018-09-03", kind: "pdsa_cycle", id: "midt-1", end: "2018-10-26" });
    expect(t.filter((e) => e.kind === "adoption_start").map((e) => [e.cluster, e.date])).toEqual([
      ["Midt", "2019-01-01"],
      ["Randers", "2019-07-01"],
      ["Vest", "2020-04-01"],
    ]);
    const midt2019 = t.find((e) => e.kind === "key_assessment" && e.date === "2019-12-01")!;
    expect(midt2019.state).toBeNull(); // no score out of seven
    expect(midt2019.keysChosen).toHaveLength(6); // contagious stories not chosen
    expect(midt2019.keysInPlace).toHaveLength(6);
    expect(t.filter((e) => e.kind === "target_deadline").every((e) => e.illustrative)).toBe(true);
    const tobs = adoptionTimeline(get("acute-cooperation-pilot"));
    expect(tobs.filter((e) => e.kind === "adoption_start").map((e) => [e.municipality, e.hospital])).toEqual([
      [779, null],
      [null, "Hospitalsenhed Midt"],
    ]);
    const dates = t.map((e) => e.date);
    expect([...dates].sort()).toEqual(dates);
  });
});
