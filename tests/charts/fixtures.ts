/**
 * Small realistic inputs for the chart builders, conforming to the shared types. Values are made
 * up but plausible for a Danish region with five clusters (seeded arithmetic, no randomness).
 */
import type { FunnelResult } from "../../src/compare/funnelTypes.js";

/** z for 95 % and 99.8 % (methods.md: 1.959964, 3.090232). */
const Z = { 0.95: 1.959964, 0.998: 3.090232 } as const;

/** Normal-approximation proportion limits around p0 at denominator n (fixture only). */
function propLimits(p0: number, n: number, level: 0.95 | 0.998): [number, number] {
  const s = Math.sqrt((p0 * (1 - p0)) / n);
  return [Math.max(0, p0 - Z[level] * s), Math.min(1, p0 + Z[level] * s)];
}

export const funnelFixture: FunnelResult = (() => {
  const p0 = 0.112;
  const units = [
    { unit: "Klynge Aarhus", numerator: 412, denominator: 3650 },
    { unit: "Klynge Randers", numerator: 171, denominator: 1420 },
    { unit: "Klynge Herning", numerator: 139, denominator: 1510 },
    { unit: "Klynge Horsens", numerator: 160, denominator: 1210 },
    { unit: "Klynge Viborg", numerator: 97, denominator: 980 },
    { unit: "Klynge Holstebro", numerator: 58, denominator: 760 },
    { unit: "Klynge Silkeborg", numerator: 121, denominator: 1005 },
  ];
  const levels = [0.95, 0.998] as const;
  const classify = (v: number, n: number, level: 0.95 | 0.998) => {
    const [lo, hi] = propLimits(p0, n, level);
    return v > hi ? ("high" as const) : v < lo ? ("low" as const) : ("not_significant" as const);
  };
  const limits = [];
  for (let n = 500; n <= 4000; n += 50) {
    for (const level of levels) {
      const [lower, upper] = propLimits(p0, n, level);
      limits.push({ denominator: n, level, lower, upper });
    }
  }
  return {
    type: "proportion",
    method: "spiegelhalter",
    target: p0,
    multiplier: 1,
    levels: [...levels],
    phi: 1.84,
    tau2: 0.00213,
    units: units.map((u) => {
      const value = u.numerator / u.denominator;
      return { ...u, value, z: null, classes: levels.map((level) => ({ level, class: classify(value, u.denominator, level) })), notes: [] };
    }),
    limits,
    notes: [],
  };
})();

import type { SpcPoint, SpcResult } from "../../src/spc/types.js";

/**
 * A monthly p chart of 30-day readmissions, 2019-01 … 2022-12, in two phases (before / after an
 * intervention that starts 2021-01), with two missing months (2020-04, 2020-05) and flagged points.
 * Centre and limits are computed from each phase's own points (p̄ = Σy/Σn, p̄ ± 3√(p̄(1−p̄)/n)).
 */
export const spcFixture: SpcResult = (() => {
  const periods: string[] = [];
  for (let y = 2019; y <= 2022; y++) for (let m = 1; m <= 12; m++) periods.push(`${y}-${String(m).padStart(2, "0")}`);
  const missing = new Set(["2020-04", "2020-05"]);
  // Deterministic wiggle: denominators 180–260, proportions around 0.14 before, 0.11 after.
  const raw = periods.map((period, i) => {
    const n = 180 + ((i * 37) % 81);
    const before = period < "2021-01";
    const base = before ? 0.14 : 0.11;
    const wiggle = (((i * 53) % 17) - 8) / 400;
    let p = base + wiggle;
    if (period === "2019-10") p = 0.215; // a single high month (outside the limits: concern)
    const y = Math.round(p * n);
    return { period, n, y, phase: before ? "Før" : "Efter indsats (2021)" };
  });
  const phaseStats = new Map<string, { p: number }>();
  for (const phase of ["Før", "Efter indsats (2021)"]) {
    const rs = raw.filter((r) => r.phase === phase && !missing.has(r.period));
    phaseStats.set(phase, { p: rs.reduce((a, r) => a + r.y, 0) / rs.reduce((a, r) => a + r.n, 0) });
  }
  const points: SpcPoint[] = raw.map((r, index) => {
    const gap = missing.has(r.period);
    const pbar = phaseStats.get(r.phase)!.p;
    const s = Math.sqrt((pbar * (1 - pbar)) / r.n);
    const value = gap ? null : r.y / r.n;
    const rules: string[] = [];
    let signal: SpcPoint["signal"] = null;
    if (value !== null && value > pbar + 3 * s) {
      rules.push("outside-limits");
      signal = "concern";
    }
    if (r.period >= "2021-03" && r.period <= "2021-10") {
      rules.push("shift");
      signal = signal ?? "improvement";
    }
    return {
      period: r.period,
      index,
      value,
      numerator: gap ? null : r.y,
      denominator: gap ? null : r.n,
      centre: pbar,
      lower3: Math.max(0, pbar - 3 * s),
      upper3: Math.min(1, pbar + 3 * s),
      lower2: Math.max(0, pbar - 2 * s),
      upper2: Math.min(1, pbar + 2 * s),
      phase: r.phase,
      baseline: !gap,
      excluded: false,
      rules,
      signal,
    };
  });
  return {
    chart: "p",
    improvement: "decrease",
    points,
    phases: ["Før", "Efter indsats (2021)"].map((phase) => {
      const ps = points.filter((p) => p.phase === phase);
      return {
        phase,
        firstPeriod: ps[0].period,
        lastPeriod: ps[ps.length - 1].period,
        points: ps.length,
        usefulPoints: ps.filter((p) => p.value !== null).length,
        baselinePoints: ps.filter((p) => p.baseline).length,
        centre: phaseStats.get(phase)!.p,
        signals: ps.filter((p) => p.signal !== null).length,
      };
    }),
    missingPeriods: [...missing],
    notes: [],
  };
})();

import type { IndicatorRow } from "../../src/indicators/table.js";
import type { CaterpillarRow } from "../../src/charts/caterpillarChart.js";
import type { HeatmapRow } from "../../src/charts/heatmapChart.js";
import type { ReferralRow } from "../../src/charts/referralChart.js";
import type { AgeSexRow } from "../../src/charts/agePyramidChart.js";
import type { RegistrationRow } from "../../src/charts/registrationChart.js";
import type { TripleAimRow } from "../../src/charts/tripleAimChart.js";
import type { SpreadMatrixRow } from "../../src/charts/spreadMatrixChart.js";

export const CLUSTERS = ["Klynge Aarhus", "Klynge Herning", "Klynge Horsens", "Klynge Randers", "Klynge Viborg"] as const;

/** Yearly admissions of 65+ per 1,000 citizens, 2016–2023, per cluster and the region; one suppressed cell. */
export const indicatorFixture: IndicatorRow[] = (() => {
  const out: IndicatorRow[] = [];
  const units: [IndicatorRow["level"], string, number][] = [["region", "Region Midtjylland", 0], ...CLUSTERS.map((c, i): [IndicatorRow["level"], string, number] => ["cluster", c, i + 1])];
  for (const [level, unit, k] of units) {
    for (let year = 2016; year <= 2023; year++) {
      const denominator = level === "region" ? 270_000 : 30_000 + k * 9_000;
      const rate = 232 + k * 6 - (year - 2016) * 3.5 + (((year * 7 + k * 13) % 11) - 5);
      const numerator = Math.round((rate * denominator) / 1000);
      const suppressed = unit === "Klynge Viborg" && year === 2019;
      const value = suppressed ? null : (numerator / denominator) * 1000;
      const se = suppressed ? 0 : (Math.sqrt(numerator) / denominator) * 1000;
      out.push({
        indicator: "admission_rate",
        level,
        unit,
        period: String(year),
        group: "65+",
        sex: "all",
        numerator: suppressed ? null : numerator,
        denominator,
        value,
        lower: suppressed ? null : value! - 1.959964 * se,
        upper: suppressed ? null : value! + 1.959964 * se,
        method: "byars",
        suppressed,
      });
    }
  }
  return out;
})();

export const caterpillarFixture: CaterpillarRow[] = [
  { unit: "Klynge Aarhus", value: 241.3, lower: 236.1, upper: 246.6, reference: 238.4 },
  { unit: "Klynge Herning", value: 226.8, lower: 219.9, upper: 233.9, reference: 238.4 },
  { unit: "Klynge Horsens", value: 252.1, lower: 244.0, upper: 260.4, reference: 238.4 },
  { unit: "Klynge Randers", value: 239.0, lower: 231.2, upper: 247.0, reference: 238.4 },
  { unit: "Klynge Viborg", value: 1234.5, lower: 1190.2, upper: 1280.1, reference: 238.4 },
  { unit: "Klynge Holstebro", value: null, lower: null, upper: null, reference: 238.4, suppressed: true },
].map((r) => (r.unit === "Klynge Viborg" ? { ...r, value: 231.5, lower: 223.4, upper: 239.8 } : r));

/** Acute admissions by weekday × hour: a daytime peak, quieter weekends, two suppressed night cells. */
export const heatmapFixture: HeatmapRow[] = (() => {
  const out: HeatmapRow[] = [];
  for (let weekday = 0; weekday < 7; weekday++) {
    for (let hour = 0; hour < 24; hour++) {
      const day = Math.exp(-((hour - 14) ** 2) / 30);
      const base = weekday >= 5 ? 60 : 95;
      const count = Math.round(6 + base * day + ((weekday * 7 + hour * 3) % 5));
      const suppressed = (weekday === 6 && hour === 4) || (weekday === 2 && hour === 3);
      out.push({ weekday, hour, count: suppressed ? null : count, suppressed });
    }
  }
  return out;
})();

export const referralFixture: ReferralRow[] = [
  { source: "Egen læge", count: 4821, suppressed: false },
  { source: "Lægevagt / 1813", count: 3210, suppressed: false },
  { source: "Ambulance (112)", count: 2689, suppressed: false },
  { source: "Anden afdeling", count: 1234, suppressed: false },
  { source: "Kommunal akutfunktion", count: 388, suppressed: false },
  { source: "Speciallæge", count: null, suppressed: true },
];

export const ageSexFixture: AgeSexRow[] = ["65-69", "70-74", "75-79", "80-84", "85-89", "90-94", "95+"].flatMap((ageBand, i) => [
  { ageBand, sex: "F" as const, count: i === 6 ? null : [812, 1034, 1190, 1122, 903, 511][i], suppressed: i === 6 },
  { ageBand, sex: "M" as const, count: [905, 1102, 1156, 987, 640, 268, 41][i], suppressed: false },
]);

export const registrationFixture: RegistrationRow[] = CLUSTERS.flatMap((cluster, i) => [
  { cluster, basis: "harmonised" as const, value: 182.4 + i * 4.1, lower: 176.0 + i * 4.1, upper: 189.0 + i * 4.1, suppressed: false },
  { cluster, basis: "registered" as const, value: i === 3 ? null : 182.4 + i * 4.1 + [31.2, 2.1, 18.7, 0, 44.9][i], suppressed: i === 3 },
]);

export const tripleAimFixture: TripleAimRow[] = ["2019", "2020", "2021", "2022", "2023"].flatMap((period, i) => [
  { dimension: "health" as const, measure: "Forebyggelige indlæggelser pr. 1.000", period, value: 41.2 - i * 1.3, lower: 39.0 - i * 1.3, upper: 43.5 - i * 1.3, suppressed: false, series: "Klynge Randers" },
  { dimension: "health" as const, measure: "Forebyggelige indlæggelser pr. 1.000", period, value: 40.1 - i * 0.6, suppressed: false, series: "Region" },
  { dimension: "experience" as const, measure: "Genindlagt inden for 30 dage, %", period, value: i === 1 ? null : 12.4 - i * 0.4, suppressed: i === 1, series: "Klynge Randers" },
  { dimension: "experience" as const, measure: "Genindlagt inden for 30 dage, %", period, value: 12.0 - i * 0.2, suppressed: false, series: "Region" },
  { dimension: "cost" as const, measure: "Kr. pr. borger 65+", period, value: 18_250 + i * 410, suppressed: false, series: "Klynge Randers" },
  { dimension: "cost" as const, measure: "Kr. pr. borger 65+", period, value: 17_900 + i * 520, suppressed: false, series: "Region" },
]);

const KERNEL = ["TOBS-scoreskema", "Fælles observationsrutine", "Lægelig opfølgning"];
const KEYS = ["Levedygtighed", "Læringsfællesskab", "Ledelse", "Vejledning og uddannelse", "Mennesker flytter mennesker", "Smittende fortællinger", "Skab dokumentation"];
/** TOBS in five clusters: operation, spread ×2, development, not adopted; one kernel element not kept. */
export const spreadFixture: SpreadMatrixRow[] = CLUSTERS.flatMap((cluster, c) => {
  const phase = ["operation", "spread", "spread", "development", ""][c];
  const kernelStates = [
    ["kept", "kept", "kept"],
    ["kept", "partly", "kept"],
    ["kept", "partly", "not_kept"],
    ["partly", "not_recorded", "partly"],
    ["not_adopted", "not_adopted", "not_adopted"],
  ][c] as SpreadMatrixRow["state"][];
  const keyState = (k: number): SpreadMatrixRow["state"] =>
    c === 4 ? "not_adopted" : (["in_place", "emerging", "absent", "not_recorded"] as const)[Math.min(3, Math.max(0, c + (k % 3) - 1))];
  return [
    ...KERNEL.map((item, k) => ({ cluster, item, itemKind: "kernel" as const, state: kernelStates[k], phase })),
    ...KEYS.map((item, k) => ({ cluster, item, itemKind: "key" as const, state: keyState(k), phase })),
  ];
});
