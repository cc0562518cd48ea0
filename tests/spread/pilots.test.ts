// Pilots (one municipality, one hospital) and programmes on generated data with a known effect:
// municipality-level monthly counts from the effects layer's seeded simulator
// (simulateStaggeredPanel: Poisson counts, unit baselines, season, common shocks), where only the
// pilot's municipalities get the rate ratio 0.75 from their start.
import { describe, expect, it } from "vitest";
import type { GeographyRow } from "../../src/contract/tables.js";
import { simulateStaggeredPanel } from "../../src/effects/index.js";
import { MIDTJYLLAND_MUNICIPALITIES } from "../../src/generate/geography.js";
import type { IndicatorRow } from "../../src/indicators/table.js";
import { REST_OF_REGION, costPerAvoided, parseIntervention, pilotEffect, programmeOverview, spreadFindingText } from "../../src/spread/index.js";
import { pilotSeriesRows, pilotUnits } from "../../src/spread/pilotEffect.js";
import type { Intervention } from "../../src/spread/index.js";
import { minimalIntervention } from "./fixtures/minimal.js";

const GEO: GeographyRow[] = MIDTJYLLAND_MUNICIPALITIES.map((m) => ({
  municipality_code: m.code,
  municipality_name: m.name,
  cluster: m.cluster,
  hospital_unit: m.hospitalUnit,
}));
const MIDT = GEO.filter((g) => g.hospital_unit === "Hospitalsenhed Midt").map((g) => g.municipality_code); // 740, 779, 791

/** Municipality-level readmission rows (group 65+) with the effect in `treated` from month `start` (offset from 2016-01). */
function municipalityRows(seed: number, treated: readonly number[], effect = 0.75, start = 36, meanEvents = 60): IndicatorRow[] {
  const panel = simulateStaggeredPanel({
    seed,
    firstPeriod: "2016-01",
    periods: 72,
    starts: GEO.map((g) => (treated.includes(g.municipality_code) ? start : null)),
    effect,
    meanEvents,
    unitSd: 0.2,
    shockSd: 0.03,
    // No secular trend: with the simulator's default (−0.2 % a month) the comparison units fall
    // by about 9.6 % between the baseline and 2021 on their own, a coin flip against the −10 %
    // target, and the comparison's "not_met" below would hold only by chance.
    trend: 0,
  });
  return panel.map((r) => {
    const g = GEO[Number(r.unit.slice(4)) - 1];
    return {
      indicator: "readmission_30d",
      level: "municipality",
      unit: String(g.municipality_code),
      period: String(r.period),
      group: "65+",
      sex: "all",
      numerator: r.events,
      denominator: r.exposure,
      value: (r.events / r.exposure) * 100,
      lower: 0,
      upper: 1,
      method: "wilson",
      suppressed: false,
    };
  });
}

function pilotIntervention(adoption: Record<string, unknown>, extra: Record<string, unknown> = {}): Intervention {
  const raw = minimalIntervention();
  raw.target_population.clusters = ["Midt"];
  raw.pdsa_cycles = [];
  raw.adoptions = [{ cluster: "Midt", start: "2019-01-01", phase: "development", ...adoption }];
  Object.assign(raw, extra);
  return parseIntervention(raw, "pilot.yaml", { geography: GEO });
}

describe("pilotUnits and pilotSeriesRows", () => {
  it("finds a municipality's and a hospital's catchment municipalities and sums them against the rest of the region", () => {
    const muni = pilotIntervention({ municipality: 779 });
    const hosp = pilotIntervention({ hospital: "Hospitalsenhed Midt" });
    expect(pilotUnits(muni, GEO)).toEqual([
      { adoption: 0, kind: "municipality", unit: "779", name: "Skive", cluster: "Midt", municipalities: [779], start: "2019-01-01" },
    ]);
    const h = pilotUnits(hosp, GEO)[0];
    expect([h.kind, h.unit, [...h.municipalities].sort()]).toEqual(["hospital", "Hospitalsenhed Midt", [740, 779, 791]]);
    const rows = municipalityRows(1, [779]);
    const series = pilotSeriesRows(rows, pilotUnits(muni, GEO)[0], GEO);
    const jan = (unit: string) => series.find((r) => r.unit === unit && r.period === "2016-01")!;
    const source = rows.filter((r) => r.period === "2016-01");
    expect(jan("779").numerator).toBe(source.find((r) => r.unit === "779")!.numerator);
    expect(jan(REST_OF_REGION).numerator).toBe(source.filter((r) => r.unit !== "779").reduce((a, r) => a + r.numerator!, 0));
    expect(jan(REST_OF_REGION).denominator).toBe(18 * 1000); // 18 other municipalities × the simulator's 1,000 person-months
    expect(jan("779").value).toBeCloseTo((jan("779").numerator! / 1000) * 100, 12);
  });

  it("needs a geography for an indicator table", () => {
    expect(() => pilotEffect(pilotIntervention({ municipality: 779 }), [])).toThrow(/geography/);
  });
});

describe("pilotEffect on generated data with a known effect (rate ratio 0.75 in the pilot only)", () => {
  const opts = { geography: GEO, simulations: 400, targets: ["fewer-readmissions"] } as const;

  it("a one-municipality pilot: the effect in the pilot, none in the rest of the region", () => {
    const [p] = pilotEffect(pilotIntervention({ municipality: 779 }), municipalityRows(1, [779]), opts);
    const its = p.effect.rows.find((r) => r.unit === "779" && r.method === "its")!;
    expect(its.role).toBe("adopting");
    expect(its.lower!).toBeLessThan(0.75);
    expect(its.upper!).toBeGreaterThan(0.75);
    expect(its.effect).toBe("improvement");
    const rest = p.effect.rows.find((r) => r.unit === REST_OF_REGION && r.method === "its")!;
    expect(rest.role).toBe("comparison");
    expect(rest.lower!).toBeLessThan(1);
    expect(rest.upper!).toBeGreaterThan(1);
    const did = p.effect.rows.find((r) => r.method === "staggered_did")!;
    expect(did.lower!).toBeLessThan(0.75);
    expect(did.upper!).toBeGreaterThan(0.75);
    const status = p.status.rows.filter((r) => r.target === "fewer-readmissions");
    expect(status.map((r) => [r.unit, r.role])).toEqual([
      ["779", "adopting"],
      [REST_OF_REGION, "comparison"],
    ]);
    expect(status[0].status).toBe("met"); // −25 % against a −10 % target, beyond chance
    expect(status[1].status).toBe("not_met");
  });

  it("a hospital pilot is measured on the hospital's catchment municipalities", () => {
    const [p] = pilotEffect(pilotIntervention({ hospital: "Hospitalsenhed Midt" }), municipalityRows(11, MIDT), opts);
    const its = p.effect.rows.find((r) => r.unit === "Hospitalsenhed Midt" && r.method === "its")!;
    expect(its.lower!).toBeLessThan(0.75);
    expect(its.upper!).toBeGreaterThan(0.75);
    expect(its.upper!).toBeLessThan(1);
    const rest = p.effect.rows.find((r) => r.unit === REST_OF_REGION)!;
    expect(rest.effect).toBe("no_clear_effect");
  });

  it("no effect injected: the pilot shows no clear effect", () => {
    const [p] = pilotEffect(pilotIntervention({ municipality: 779 }), municipalityRows(5, [779], 1), opts);
    const its = p.effect.rows.find((r) => r.unit === "779" && r.method === "its")!;
    expect(its.lower!).toBeLessThan(1);
    expect(its.upper!).toBeGreaterThan(1);
  });

  it("the pilot-versus-rest DiD interval covers the true 0.75 in about 95 % of 200 seeds (one municipality)", () => {
    // Coverage off the simulator: 200 seeds give a standard error of 1.5 points, enough to tell 95 % from 90 %.
    const iv = pilotIntervention({ municipality: 779 });
    let covered = 0;
    const n = 200;
    for (let seed = 1; seed <= n; seed++) {
      const [p] = pilotEffect(iv, municipalityRows(1000 + seed, [779]), { ...opts, simulations: 50 });
      const did = p.effect.rows.find((r) => r.method === "staggered_did")!;
      if (did.lower! <= 0.75 && 0.75 <= did.upper!) covered++;
    }
    expect(covered / n).toBeGreaterThan(0.9);
    expect(covered / n).toBeLessThanOrEqual(1);
  }, 120_000);
});

describe("costPerAvoided", () => {
  const row = {
    intervention: "x",
    target: "t",
    indicator: "readmission_30d",
    group: "65+",
    dimension: "population_health",
    direction: "decrease",
    unit: "Midt",
    role: "adopting",
    method: "its",
    start: "2019-01",
    rateRatio: 0.8,
    lower: 0.7,
    upper: 0.9,
    level: 0.95,
    levelChange: null,
    levelChangePValue: null,
    preTrend: null,
    prePeriods: 36,
    postPeriods: 24,
    events: 800,
    effect: "improvement",
    placebo: false,
    warning: null,
    assumption: null,
    breakdown: null,
    ljungBoxP: null,
    notes: [],
  } as const;

  it("divides the cost over the post period by the avoided events, interval from the rate ratio's", () => {
    const c = costPerAvoided(row, { one_off: 100_000, per_year: 450_000 })!;
    expect(c.years).toBe(2);
    expect(c.cost).toBe(1_000_000); // 100,000 + 2 × 450,000
    expect(c.avoided).toBeCloseTo(200, 9); // 800 × (1/0.8 − 1)
    expect(c.avoidedLower).toBeCloseTo(800 / 9, 9); // 800 × (1/0.9 − 1)
    expect(c.avoidedUpper).toBeCloseTo(2400 / 7, 9); // 800 × (1/0.7 − 1)
    expect(c.perAvoided).toBeCloseTo(5000, 9);
    expect(c.lower).toBeCloseTo(1_000_000 / (2400 / 7), 9);
    expect(c.upper).toBeCloseTo(11_250, 9);
  });

  it("has no upper bound when the interval includes no effect, and none for an increase target", () => {
    expect(costPerAvoided({ ...row, upper: 1.05 }, { one_off: 0, per_year: 100 })!.upper).toBeNull();
    expect(costPerAvoided({ ...row, direction: "increase" }, { one_off: 0, per_year: 100 })).toBeNull();
  });
});

describe("programmeOverview", () => {
  it("puts the local initiatives of one frame side by side with their effects, and says what the data cannot separate", () => {
    const frame = parseIntervention(
      { ...minimalIntervention(), id: "frame", kind: "programme", kernel: [], adoptions: [], local_variation: [], pdsa_cycles: [], recommendations: [] },
      "frame.yaml",
    );
    const skive = pilotIntervention({ municipality: 779, cost: { per_year: 500_000 } }, { id: "skive-pilot", name: "Skive pilot", programme: "frame" });
    const hospital = pilotIntervention({ hospital: "Regionshospitalet Randers", cluster: "Randers", start: "2021-01-01" }, { id: "randers-pilot", name: "Randers pilot", programme: "frame" });
    const other = pilotIntervention({ municipality: 791 }, { id: "not-in-frame" });
    // 200 events a month: the effect (0.75) is clearly measurable in one municipality's ITS, whose
    // drift-aware interval is wider at small counts (docs/effects.md).
    const rows = municipalityRows(3, [779], 0.75, 36, 200);
    const o = programmeOverview(frame, [frame, skive, hospital, other], rows, { geography: GEO, simulations: 200, targets: ["fewer-readmissions"], at: "2020-12-31" });
    expect(o.rows.map((r) => [r.initiative, r.adopterKind, r.adopter, r.started])).toEqual([
      ["skive-pilot", "municipality", "779", true],
      ["randers-pilot", "hospital", "Regionshospitalet Randers", false],
    ]);
    expect(o.rows[0].effect).toBe("improvement");
    expect(o.rows[0].cost!.perAvoided).toBeGreaterThan(0);
    expect(o.rows[1].effect).toBe("not_estimable"); // starts after `at`
    expect(o.findings).toEqual([{ code: "programme_caveat", clusters: 5 }]);
    expect(spreadFindingText(o.findings[0], "da")).toMatch(/^Med 5 klynger kan data ikke adskille ét lokalt initiativs effekt/);
  });
});
