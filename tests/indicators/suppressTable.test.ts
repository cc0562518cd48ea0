import { describe, expect, it } from "vitest";
import { suppressTable } from "../../src/indicators/index.js";
import type { IndicatorRow } from "../../src/indicators/index.js";

const CLUSTERS: Record<string, string[]> = { Horsens: ["615", "727", "746"], Aarhus: ["751", "741"] };
const CLUSTER_OF: Record<string, string> = Object.fromEntries(Object.entries(CLUSTERS).flatMap(([c, ms]) => ms.map((m) => [m, c])));

/** Deterministic pseudo-random numbers (mulberry32). */
function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function row(level: IndicatorRow["level"], unit: string, period: string, sex: IndicatorRow["sex"], numerator: number, denominator: number): IndicatorRow {
  return { indicator: "admission_rate", level, unit, period, group: "65+", sex, numerator, denominator, value: (numerator / denominator) * 1000, lower: 0, upper: 1, method: "byars", suppressed: false };
}

/** A full table: municipalities × quarters × sex with small counts, and every total derived from them. */
function makeTable(seed: number): IndicatorRow[] {
  const r = rng(seed);
  const base = new Map<string, [number, number]>();
  const munis = Object.values(CLUSTERS).flat();
  for (const m of munis) for (let q = 1; q <= 4; q++) for (const s of ["F", "M"]) base.set(`${m}|${q}|${s}`, [Math.floor(r() * (r() < 0.3 ? 5 : 40)), 200 + Math.floor(r() * 800)]);
  const rows: IndicatorRow[] = [];
  const units: [IndicatorRow["level"], string, string[]][] = [
    ["region", "region", munis],
    ...Object.entries(CLUSTERS).map(([c, ms]) => ["cluster", c, ms] as [IndicatorRow["level"], string, string[]]),
    ...munis.map((m) => ["municipality", m, [m]] as [IndicatorRow["level"], string, string[]]),
  ];
  for (const [level, unit, ms] of units)
    for (const period of ["2019", "2019-Q1", "2019-Q2", "2019-Q3", "2019-Q4"])
      for (const sex of ["all", "F", "M"] as const) {
        let x = 0;
        let n = 0;
        for (const m of ms)
          for (let q = 1; q <= 4; q++) {
            if (period !== "2019" && period !== `2019-Q${q}`) continue;
            for (const s of ["F", "M"]) {
              if (sex !== "all" && sex !== s) continue;
              const [a, b] = base.get(`${m}|${q}|${s}`) as [number, number];
              x += a;
              n += b;
            }
          }
        rows.push(row(level, unit, period, sex, x, n));
      }
  return rows;
}

/**
 * The adversary: every additive relation it knows about the table (geography, sex, quarters →
 * year), published numerators moved to the right-hand side, solved exactly by Gaussian elimination.
 * Returns the suppressed cells whose numerator it can determine, with the value it finds.
 */
function attack(published: IndicatorRow[], truth: IndicatorRow[]): { cell: number; found: number; truth: number }[] {
  const key = (r: IndicatorRow) => `${r.level}|${r.unit}|${r.period}|${r.sex}`;
  const idx = new Map(published.map((r, i) => [key(r), i]));
  const at = (level: string, unit: string, period: string, sex: string) => idx.get(`${level}|${unit}|${period}|${sex}`) as number;
  const eqs: { parent: number; children: number[] }[] = [];
  const periods = ["2019", "2019-Q1", "2019-Q2", "2019-Q3", "2019-Q4"];
  const munis = Object.values(CLUSTERS).flat();
  for (const p of periods)
    for (const s of ["all", "F", "M"]) {
      eqs.push({ parent: at("region", "region", p, s), children: Object.keys(CLUSTERS).map((c) => at("cluster", c, p, s)) });
      eqs.push({ parent: at("region", "region", p, s), children: munis.map((m) => at("municipality", m, p, s)) });
      for (const [c, ms] of Object.entries(CLUSTERS)) eqs.push({ parent: at("cluster", c, p, s), children: ms.map((m) => at("municipality", m, p, s)) });
    }
  const units: [string, string][] = [["region", "region"], ...Object.keys(CLUSTERS).map((c) => ["cluster", c] as [string, string]), ...munis.map((m) => ["municipality", m] as [string, string])];
  for (const [l, u] of units) {
    for (const p of periods) eqs.push({ parent: at(l, u, p, "all"), children: [at(l, u, p, "F"), at(l, u, p, "M")] });
    for (const s of ["all", "F", "M"]) eqs.push({ parent: at(l, u, "2019", s), children: periods.slice(1).map((p) => at(l, u, p, s)) });
  }
  const unknown = published.map((r, i) => (r.numerator === null ? i : -1)).filter((i) => i >= 0);
  const col = new Map(unknown.map((k, j) => [k, j]));
  const n = unknown.length;
  const A: number[][] = [];
  for (const e of eqs) {
    const rowv = new Array<number>(n + 1).fill(0);
    let any = false;
    const term = (k: number, sign: number) => {
      const v = published[k].numerator;
      if (v === null) {
        rowv[col.get(k) as number] += sign;
        any = true;
      } else rowv[n] -= sign * v;
    };
    term(e.parent, -1);
    for (const c of e.children) term(c, 1);
    if (any) A.push(rowv);
  }
  let r = 0;
  const piv: number[] = [];
  for (let c = 0; c < n && r < A.length; c++) {
    let p = -1;
    for (let i = r; i < A.length; i++) if (Math.abs(A[i][c]) > 1e-9) { p = i; break; }
    if (p < 0) continue;
    [A[r], A[p]] = [A[p], A[r]];
    const pv = A[r][c];
    for (let j = 0; j <= n; j++) A[r][j] /= pv;
    for (let i = 0; i < A.length; i++) if (i !== r && Math.abs(A[i][c]) > 1e-9) { const f = A[i][c]; for (let j = 0; j <= n; j++) A[i][j] -= f * A[r][j]; }
    piv.push(c);
    r++;
  }
  const found: { cell: number; found: number; truth: number }[] = [];
  for (let i = 0; i < r; i++) {
    let nz = 0;
    for (let j = 0; j < n; j++) if (Math.abs(A[i][j]) > 1e-9) nz++;
    if (nz === 1) { const cell = unknown[piv[i]]; found.push({ cell, found: -A[i][n] === 0 ? 0 : A[i][n], truth: truth[cell].numerator as number }); }
  }
  return found;
}

describe("suppressTable", () => {
  it("blanks cells with a numerator or denominator below the threshold (primary)", () => {
    const rows = [row("region", "region", "2019", "all", 3, 1000), row("region", "region", "2020", "all", 50, 4)];
    const out = suppressTable(rows);
    expect(out.map((r) => r.suppressed)).toEqual([true, true]);
    expect(out[0]).toMatchObject({ numerator: null, denominator: null, value: null, lower: null, upper: null });
    expect(out[0].note).toBe("suppressed: a count below 5");
    expect(rows[0].numerator).toBe(3); // the input is not changed
    expect(suppressTable(rows, { minCount: 0 }).every((r) => !r.suppressed)).toBe(true);
    expect(suppressTable([row("region", "region", "2019", "all", 5, 5)])[0].suppressed).toBe(false);
    expect(() => suppressTable(rows, { minCount: -1 })).toThrow(/minCount/);
  });

  it("suppresses the next-smallest complementary cell: F + M = all", () => {
    const rows = [row("region", "region", "2019", "all", 53, 1000), row("region", "region", "2019", "F", 3, 500), row("region", "region", "2019", "M", 50, 500)];
    const out = suppressTable(rows);
    expect(out.map((r) => r.suppressed)).toEqual([false, true, true]);
    expect(out[2].note).toMatch(/hidden to protect a small number/);
  });

  it("no suppressed cell can be recovered from the published totals (adversary, 40 random tables)", () => {
    let suppressedCells = 0;
    for (let seed = 1; seed <= 40; seed++) {
      const truth = makeTable(seed);
      const out = suppressTable(truth, { clusterOf: CLUSTER_OF });
      suppressedCells += out.filter((r) => r.suppressed).length;
      // every primary cell is suppressed
      truth.forEach((r, i) => {
        if ((r.numerator as number) < 5) expect(out[i].suppressed).toBe(true);
      });
      expect(attack(out, truth)).toEqual([]);
      // without secondary suppression the adversary would succeed on some table
    }
    expect(suppressedCells).toBeGreaterThan(0);
  });

  it("the adversary does recover cells when only primary suppression is applied", () => {
    let recovered = 0;
    for (let seed = 1; seed <= 10; seed++) {
      const truth = makeTable(seed);
      const primaryOnly = truth.map((r) => ((r.numerator as number) < 5 ? { ...r, numerator: null, denominator: null, suppressed: true } : r));
      const hits = attack(primaryOnly, truth);
      for (const h of hits) expect(h.found).toBeCloseTo(h.truth, 9);
      recovered += hits.length;
    }
    expect(recovered).toBeGreaterThan(0);
  });

  it("relates disjoint age bands to the band they cover, and months to quarters and years", () => {
    const mk = (group: string, period: string, x: number): IndicatorRow => ({ ...row("region", "region", period, "all", x, 1000), group });
    const out = suppressTable([mk("all", "2019", 100), mk("0-17", "2019", 2), mk("18-64", "2019", 40), mk("65+", "2019", 58)]);
    expect(out.map((r) => r.suppressed)).toEqual([false, true, true, false]);
    const months = suppressTable([mk("all", "2019-Q1", 30), mk("all", "2019-01", 3), mk("all", "2019-02", 12), mk("all", "2019-03", 15)]);
    expect(months.map((r) => r.suppressed)).toEqual([false, true, true, false]);
  });

  it("question-table categories share their total: one small category hides another", () => {
    const mk = (cat: string, x: number): IndicatorRow => ({ ...row("region", "region", "2019", "all", x, 100), indicator: `who_referral:${cat}` });
    const out = suppressTable([mk("gp", 60), mk("nursing_home", 2), mk("self", 8), mk("other", 30)]);
    expect(out.map((r) => r.suppressed)).toEqual([false, true, true, false]);
  });

  it("a small municipality is protected inside its own cluster, not by the smallest count elsewhere in the region", () => {
    // Samsø (741) is small; Aarhus (751) is its cluster's only other municipality, so it must be hidden.
    // Hidden together they also protect the region's total. Odder (727, the smallest elsewhere) stays
    // published; taking municipalities → region first would hide Odder and then a second Horsens municipality.
    const counts: Record<string, number> = { "751": 400, "741": 1, "615": 120, "727": 7, "746": 30 };
    const rows: IndicatorRow[] = [
      row("region", "region", "2019", "all", Object.values(counts).reduce((a, b) => a + b, 0), 90_000),
      row("cluster", "Aarhus", "2019", "all", counts["751"] + counts["741"], 40_000),
      row("cluster", "Horsens", "2019", "all", counts["615"] + counts["727"] + counts["746"], 50_000),
      ...Object.entries(counts).map(([m, n]) => row("municipality", m, "2019", "all", n, 10_000)),
    ];
    const hidden = suppressTable(rows, { clusterOf: CLUSTER_OF })
      .filter((r) => r.suppressed)
      .map((r) => r.unit)
      .sort();
    expect(hidden).toEqual(["741", "751"]);
  });
});
