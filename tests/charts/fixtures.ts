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
      return { ...u, value, z: null, classes: levels.map((level) => ({ level, class: classify(value, u.denominator, level) })) };
    }),
    limits,
    notes: [],
  };
})();
