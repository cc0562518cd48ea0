/**
 * The feasible interval of every unknown of one linear system, as an attacker with a solver finds
 * it (Hundepool, A. et al. (2012), Statistical Disclosure Control, Wiley, ch. 4): unknowns ≥ 0,
 * rows `rowLower ≤ Σ values·x ≤ rowUpper`; for each unknown, its smallest and largest value over
 * all solutions. Shared by the audit of published tables (auditDisclosure.ts) and by the decision
 * itself (suppressTable.ts, through lpWorker.ts), so the two answer the same question the same way.
 *
 * Solver: HiGHS (Huangfu, Q. & Hall, J. A. J. (2018), Parallelizing the dual revised simplex
 * method, Math. Prog. Comp. 10:119–142) compiled to WebAssembly, the npm package `highs`. The set
 * is loaded once; only the objective changes between programs and the solver continues from the
 * previous optimal basis (primal simplex, no presolve). Every solution is a feasible point, so it
 * widens the known interval of every unknown at once; an unknown whose known interval is already
 * `minCount` wide needs no program of its own: the total (both senses) and seeded random positive
 * weightings of the unknowns still narrow first, then a pair of programs for each one left.
 *
 * The function is self-contained (no imports, no outer names): lpWorker.ts runs its source in a
 * worker thread.
 */

/** One connected linear system: columns are the unknowns, rows in CSR form. */
export interface LpSet {
  readonly columns: number;
  readonly rowLower: Float64Array;
  readonly rowUpper: Float64Array;
  readonly starts: Int32Array;
  readonly indices: Int32Array;
  readonly values: Float64Array;
  /** A known feasible point (e.g. the true values, when the publisher audits itself). */
  readonly point?: Float64Array;
}

/**
 * Per unknown: `lower`/`upper` proved by the solver when the interval is narrower than
 * `minCount`; otherwise seen at feasible points (an inner bound, already wide enough).
 */
export interface LpRanges {
  readonly lower: Float64Array;
  readonly upper: Float64Array;
  readonly programs: number;
}

/** The part of the `highs` runtime used here (structural, so a worker can pass its own). */
export interface HighsLike {
  readonly infinity: number;
  readonly constants: {
    readonly modelStatus: { readonly optimal: number; readonly unbounded: number; readonly unboundedOrInfeasible: number };
    readonly objectiveSense: { readonly minimize: number; readonly maximize: number };
  };
  createModel(data: unknown): {
    readonly options: { set(o: Record<string, unknown>): void };
    changeObjectiveSense(sense: number): void;
    changeColsCost(range: { kind: "range"; from: number; to: number }, cost: Float64Array): void;
    changeColCost(col: number, cost: number): void;
    run(): void;
    getModelStatus(): number;
    getSolution(): { colValue: ArrayLike<number> };
    getObjectiveValue(): number;
    dispose(): void;
  };
}

/**
 * The feasible interval of each unknown of `set` (see the module comment).
 * @example lpRanges(await loadHighs(), { columns: 2, rowLower: Float64Array.of(12), rowUpper: Float64Array.of(12), starts: Int32Array.of(0, 2), indices: Int32Array.of(0, 1), values: Float64Array.of(1, 1) }, 5).upper // [12, 12]
 */
export function lpRanges(highs: HighsLike, set: LpSet, minCount: number): LpRanges {
  const m = set.columns;
  const lower = new Float64Array(m).fill(Infinity);
  const upper = new Float64Array(m).fill(-Infinity);
  const provedLower = new Float64Array(m).fill(Number.NaN);
  const provedUpper = new Float64Array(m).fill(Number.NaN);
  let programs = 0;
  const see = (x: ArrayLike<number>): void => {
    for (let j = 0; j < m; j++) {
      if (x[j] < lower[j]) lower[j] = x[j];
      if (x[j] > upper[j]) upper[j] = x[j];
    }
  };
  if (set.point) see(set.point);
  const inf = highs.infinity;
  const rows = set.rowLower.length;
  if (rows === 0) {
    // no constraint: each unknown is free above 0
    return { lower: new Float64Array(m), upper: new Float64Array(m).fill(Infinity), programs: 0 };
  }
  const lp = highs.createModel({
    numCols: m,
    numRows: rows,
    colCost: new Float64Array(m),
    colLower: new Float64Array(m),
    colUpper: new Float64Array(m).fill(inf),
    rowLower: Float64Array.from(set.rowLower, (v) => (v === -Infinity ? -inf : v)),
    rowUpper: Float64Array.from(set.rowUpper, (v) => (v === Infinity ? inf : v)),
    matrix: { format: "csr", numRows: rows, numCols: m, starts: set.starts, indices: set.indices, values: set.values },
  });
  try {
    // each program starts from the previous optimal basis (only the objective changes, so that
    // basis stays primal feasible) and primal simplex continues from it
    lp.options.set({ output_flag: false, presolve: "off", simplex_strategy: 4 });
    const status = highs.constants.modelStatus;
    const solve = (cost: Float64Array | null, maximise: boolean): number => {
      programs++;
      lp.changeObjectiveSense(maximise ? highs.constants.objectiveSense.maximize : highs.constants.objectiveSense.minimize);
      if (cost) lp.changeColsCost({ kind: "range", from: 0, to: m - 1 }, cost);
      lp.run();
      const st = lp.getModelStatus();
      if (st === status.unbounded || st === status.unboundedOrInfeasible) return maximise ? Infinity : -Infinity;
      if (st !== status.optimal) throw new Error(`lpRanges: the solver stopped with status ${st} on a set of ${m} unknowns`);
      see(lp.getSolution().colValue);
      return lp.getObjectiveValue();
    };
    const cost = new Float64Array(m).fill(1);
    solve(cost, true);
    solve(cost, false);
    let seed = 12345;
    const random = (): number => {
      seed = (Math.imul(seed, 1103515245) + 12345) >>> 0;
      return seed / 4294967296;
    };
    const narrowCount = (): number => {
      let n = 0;
      for (let j = 0; j < m; j++) if (upper[j] - lower[j] < minCount) n++;
      return n;
    };
    // Lift the unknowns not yet seen `minCount` apart: maximise a random positive weighting of them
    // (their lower bound is mostly seen already, at 0 in the totals' vertices). A vertex has at most
    // one non-zero unknown per row, so a set with many more unknowns than rows needs many rounds;
    // on the national bench's 734 sets (up to 2,219 unknowns and 228 rows) weights of both signs
    // over 12 rounds took 19,159 programs and 9.8 s, positive ones over up to 40 rounds 10,764 and
    // 7.6 s (one thread), with the same narrow unknowns.
    for (let round = 0; round < 40 && m > 8; round++) {
      const before = narrowCount();
      if (before === 0) break;
      for (let j = 0; j < m; j++) cost[j] = upper[j] - lower[j] < minCount ? random() + 0.01 : 0;
      solve(cost, true);
      if (round >= 2 && narrowCount() > before * 0.95) break;
    }
    cost.fill(0);
    lp.changeColsCost({ kind: "range", from: 0, to: m - 1 }, cost);
    const one = (j: number, maximise: boolean): number => {
      lp.changeColCost(j, 1);
      const x = solve(null, maximise);
      lp.changeColCost(j, 0);
      return x;
    };
    for (let j = 0; j < m; j++) {
      if (upper[j] - lower[j] >= minCount) continue;
      const hi = one(j, true);
      provedUpper[j] = hi;
      if (hi - lower[j] < minCount) provedLower[j] = one(j, false);
    }
  } finally {
    lp.dispose();
  }
  for (let j = 0; j < m; j++) {
    if (!Number.isNaN(provedLower[j])) lower[j] = provedLower[j];
    if (!Number.isNaN(provedUpper[j])) upper[j] = provedUpper[j];
  }
  return { lower, upper, programs };
}
