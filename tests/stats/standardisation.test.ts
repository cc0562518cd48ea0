import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { buildStandardPopulation, directlyStandardisedRate, EUROPEAN_STANDARD_POPULATION_2013, indirectlyStandardisedRatio, poissonInterval, standardPopulationFromTable } from "../../src/stats/index.js";
import { ageBandLabel } from "../../src/stats/ageBandLabel.js";
import { standardStratumLabel } from "../../src/stats/standardPopulationFromTable.js";
import { expectRel } from "./helpers.js";
import { noteText } from "../../src/text/catalogue.js";

// methods.md: DSR example (19 ESP 2013 bands, per 100,000).
const population = [636, 558, 609, 543, 384, 594, 669, 843, 660, 576, 606, 522, 426, 273, 300, 288, 153, 123, 207];
const events = [12, 4, 3, 2, 3, 4, 8, 2, 2, 3, 4, 5, 6, 8, 5, 6, 5, 5, 4];
const labels = EUROPEAN_STANDARD_POPULATION_2013.map((b) => b.label);
const strata = labels.map((label, i) => ({ label, events: events[i], population: population[i] }));

describe("EUROPEAN_STANDARD_POPULATION_2013", () => {
  it("has the 19 bands of methods.md and agrees with data/standard-populations/esp2013.csv", () => {
    expect(labels[0]).toBe("0-4");
    expect(labels[18]).toBe("90+");
    expect(EUROPEAN_STANDARD_POPULATION_2013.reduce((s, b) => s + b.population, 0)).toBe(100000);
    const csv = readFileSync(new URL("../../data/standard-populations/esp2013.csv", import.meta.url), "utf8")
      .trim()
      .split("\n")
      .slice(1)
      .map((l) => l.split(","))
      .map(([label, p]) => ({ label, population: Number(p) }));
    expect(csv).toEqual(EUROPEAN_STANDARD_POPULATION_2013.map((b) => ({ ...b })));
  });
});

describe("directlyStandardisedRate (Dobson)", () => {
  it("matches methods.md at 95 % and 99.8 %", () => {
    const e = directlyStandardisedRate(strata, {
      standard: EUROPEAN_STANDARD_POPULATION_2013,
      multiplier: 100000,
      level: [0.95, 0.998],
    });
    expect(e.method).toBe("dobson");
    expectRel(e.value, 1103.212025); // methods.md
    expectRel(e.intervals[0].lower, 877.455768); // methods.md
    expectRel(e.intervals[0].upper, 1367.088223); // methods.md
    expectRel(e.intervals[1].lower, 763.642036); // methods.md
    expectRel(e.intervals[1].upper, 1530.032895); // methods.md
    expect(e.lower).toBe(e.intervals[0].lower);
  });
  it("joins by label, not position: shuffled strata give the same result", () => {
    const shuffled = [...strata].reverse();
    const a = directlyStandardisedRate(strata, { standard: EUROPEAN_STANDARD_POPULATION_2013 });
    const b = directlyStandardisedRate(shuffled, { standard: EUROPEAN_STANDARD_POPULATION_2013 });
    expectRel(b.value, a.value as number, 1e-14);
    expectRel(b.upper, a.upper as number, 1e-14);
  });
  it("names labels missing on either side", () => {
    const bad = strata.filter((s) => s.label !== "90+").map((s) => (s.label === "0-4" ? { ...s, label: "00-04" } : s));
    expect(() => directlyStandardisedRate(bad, { standard: EUROPEAN_STANDARD_POPULATION_2013 })).toThrow(
      'directlyStandardisedRate: strata are joined to the standard population by label, and the labels do not match — strata label(s) not in the standard population: "00-04"; standard population label(s) not in the strata: "0-4", "90+".',
    );
  });
  it("rejects duplicate labels", () => {
    expect(() =>
      directlyStandardisedRate([...strata, strata[0]], { standard: EUROPEAN_STANDARD_POPULATION_2013 }),
    ).toThrow('directlyStandardisedRate: duplicate label(s) in the strata: "0-4". Each stratum must appear once.');
  });
  it("O < 10: value null and the reason given", () => {
    const few = strata.map((s, i) => ({ ...s, events: i < 9 ? 1 : 0 }));
    const e = directlyStandardisedRate(few, { standard: EUROPEAN_STANDARD_POPULATION_2013, level: [0.95, 0.998] });
    expect(e.value).toBeNull();
    expect(e.intervals).toEqual([
      { level: 0.95, lower: null, upper: null },
      { level: 0.998, lower: null, upper: null },
    ]);
    expect(e.note).toEqual({ code: "stats.note.dsrTooFewEvents", values: { observed: 9, min: 10 } });
    expect(noteText(e.note!, "da")).toBe(
      "Direkte standardiseret rate ikke beregnet: 9 hændelser i alt, færre end 10; Dobson-intervallet er upålideligt ved færre end 10 hændelser (PHE-konvention).",
    );
    expect(noteText(e.note!, "en")).toBe(
      "Directly standardised rate not calculated: 9 events in total, fewer than 10; the Dobson interval is unreliable for fewer than 10 events (PHE convention).",
    );
  });
  it("events with population 0 is an error", () => {
    const bad = strata.map((s, i) => (i === 3 ? { ...s, population: 0 } : s));
    expect(() => directlyStandardisedRate(bad, { standard: EUROPEAN_STANDARD_POPULATION_2013 })).toThrow(
      'directlyStandardisedRate: stratum "15-19" has 2 event(s) but population 0.',
    );
  });
});

describe("indirectlyStandardisedRatio", () => {
  const reference = [
    { label: "0-64", events: 300, population: 100000 },
    { label: "65-79", events: 900, population: 30000 },
    { label: "80+", events: 1200, population: 10000 },
  ];
  const local = [
    { label: "80+", events: 20, population: 200 },
    { label: "0-64", events: 10, population: 2000 },
    { label: "65-79", events: 15, population: 500 },
  ];
  it("O/E with the Byars interval of O divided by E (methods.md definition)", () => {
    const e = indirectlyStandardisedRatio(local, reference, { level: [0.95, 0.998] });
    // E = 2000·0.003 + 500·0.03 + 200·0.12 = 6 + 15 + 24 = 45; O = 45.
    expect(e.observed).toBe(45);
    expectRel(e.expected, 45, 1e-12);
    expectRel(e.value, 1, 1e-12);
    const o = poissonInterval(45, { level: [0.95, 0.998] });
    expect(e.method).toBe("byars");
    expectRel(e.intervals[1].lower, (o.intervals[1].lower as number) / 45, 1e-12);
    expectRel(e.upper, (o.upper as number) / 45, 1e-12);
  });
  it("exact below 10 events; referenceRate gives the indirectly standardised rate", () => {
    const small = local.map((s) => ({ ...s, events: s.label === "80+" ? 5 : 0 }));
    const e = indirectlyStandardisedRatio(small, reference, { referenceRate: true, multiplier: 1000 });
    expect(e.method).toBe("exact-poisson");
    const refRate = (2400 / 140000) * 1000;
    expectRel(e.value, (5 / 45) * refRate, 1e-12);
    expectRel(e.lower, (1.623486390 / 45) * refRate, 1e-8); // R: poisson.test(5)$conf.int[1]
  });
  it("E = 0 gives null with a note", () => {
    const e = indirectlyStandardisedRatio(
      [{ label: "a", events: 0, population: 0 }],
      [{ label: "a", events: 1, population: 10 }],
    );
    expect(e.value).toBeNull();
    expect(e.note).toEqual({ code: "stats.note.zeroExpected", values: {} });
    expect(noteText(e.note!, "da")).toBe("Forventet antal 0: forholdet mellem observeret og forventet er udefineret.");
    expect(noteText(e.note!, "en")).toBe("Expected count 0: the ratio of observed to expected is undefined.");
  });
});

describe("building a standard population", () => {
  it("sums rows by label and keeps first-seen order", () => {
    const rows = [
      { label: "0-4 F", population: 100 },
      { label: "0-4 M", population: 110 },
      { label: "0-4 F", population: 50 },
    ];
    expect(buildStandardPopulation(rows)).toEqual([
      { label: "0-4 F", population: 150 },
      { label: "0-4 M", population: 110 },
    ]);
    expect(() => buildStandardPopulation([{ label: "x", population: -1 }])).toThrow(
      'buildStandardPopulation: population of "x" must be a finite number >= 0; received -1.',
    );
  });
  it("maps ages to bands", () => {
    expect(ageBandLabel(0, labels)).toBe("0-4");
    expect(ageBandLabel(89, labels)).toBe("85-89");
    expect(ageBandLabel(104, labels)).toBe("90+");
    expect(ageBandLabel(3, ["65+"])).toBeNull();
  });
});

describe("standardPopulationFromTable (Danish standard of a chosen year)", () => {
  const rows = [
    // year, sex (1 F, 2 M), age, count
    [2020, 1, 0, 100],
    [2020, 2, 3, 120],
    [2020, 1, 67, 50],
    [2020, 1, 69, 25],
    [2020, 2, 95, 7],
    [2021, 1, 0, 999],
  ];
  const table = {
    length: rows.length,
    year: Int16Array.from(rows.map((r) => r[0])),
    municipality: Int16Array.from(rows.map(() => 101)),
    sex: Uint8Array.from(rows.map((r) => r[1])),
    age: Int16Array.from(rows.map((r) => r[2])),
    ageOpen: Uint8Array.from(rows.map(() => 0)),
    count: Float64Array.from(rows.map((r) => r[3])),
  };
  it("sums one year into ESP bands by sex, in a fixed order", () => {
    const std = standardPopulationFromTable(table, { year: 2020 });
    expect(std).toHaveLength(38);
    expect(std[0]).toEqual({ label: "0-4 F", population: 100 });
    expect(std[1]).toEqual({ label: "0-4 M", population: 120 });
    expect(std.find((b) => b.label === "65-69 F")?.population).toBe(75);
    expect(std.find((b) => b.label === "90+ M")?.population).toBe(7);
    expect(standardStratumLabel("65-69", "F")).toBe("65-69 F");
  });
  it("without sex, and an absent year is an error", () => {
    const std = standardPopulationFromTable(table, { year: 2020, bySex: false, bands: ["0-64", "65+"] });
    expect(std).toEqual([
      { label: "0-64", population: 220 },
      { label: "65+", population: 82 },
    ]);
    expect(() => standardPopulationFromTable(table, { year: 2019 })).toThrow(
      "standardPopulationFromTable: the population table has no rows for 2019; choose a year that the data covers.",
    );
  });
});
