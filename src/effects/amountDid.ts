/**
 * Staggered difference-in-differences for an amount per citizen (e.g. yearly cost in DKK per
 * citizen by cluster), on the log scale, so that the effect reads as a ratio (0.97 = 3 % lower
 * than expected without the intervention).
 *
 * Method (Callaway & Sant'Anna 2021, "Difference-in-differences with multiple time periods",
 * J. Econometrics 225:200–230, group-time effects with not-yet-treated controls, here on
 * log amounts instead of a Poisson model): for each adopting unit i with first treated period g,
 * base b = its last observed period before g, and each observed post period t ≥ g,
 *   ATT(i, t) = [log y(i,t) − log y(i,b)] − mean over controls c of [log y(c,t) − log y(c,b)],
 * controls = never-treated units and units not yet treated at t (treatedFrom > t), observed at
 * both b and t. The overall effect is the mean of ATT(i, t) weighted by the adopting unit's
 * weight (population) in t; ratio = exp(overall).
 *
 * Interval: with few clusters no cluster bootstrap or sandwich estimator is usable; instead the
 * estimator (linear in the log amounts) gets the variance σ² Σ c², where c are its coefficients
 * on the unit-period cells and σ² is the residual variance of a two-way (unit + period) fixed
 * effects model of log amount fitted to the untreated cells (never-treated units and adopters
 * before their start) — the spread of the controls' period-to-period log changes around the
 * common trend, the placebo variability of a DiD contrast where there is no effect. The interval
 * is a t-interval with that model's residual degrees of freedom (Bertrand, Duflo & Mullainathan
 * 2004 and Conley & Taber 2011 on inference with few groups). It assumes independent,
 * equal-variance period-to-period noise across units.
 *
 * Too few controls (fewer than `minControls` distinct control units) or too few untreated cells
 * for the variance (residual df < `minDf`) give `estimable: false`, null estimates and a note.
 * Partly treated periods (e.g. a year in which a unit started mid-year) must be left out of the
 * panel by the caller.
 */
import { studentTQuantile } from "../stats/studentT.js";
import { EffectsError, EffectsMessage, EffectsNotes, type EffectsNote } from "./messages.js";

/** One unit × period of an amount panel. */
export interface AmountDidRow {
  readonly unit: string;
  /** Integer period index (e.g. the year). */
  readonly period: number;
  /** The amount per citizen (> 0; the model is on its log). */
  readonly amount: number;
  /** Weight of the cell in the overall mean (e.g. the population); default 1. */
  readonly weight?: number;
  /** First (fully) treated period; null/absent for never-treated units. */
  readonly treatedFrom?: number | null;
}

export interface AmountDidOptions {
  /** Confidence level as a fraction (default 0.95). */
  readonly level?: number;
  /** Fewest distinct control units over all cells (default 2). */
  readonly minControls?: number;
  /** Fewest residual degrees of freedom of the variance model (default 2). */
  readonly minDf?: number;
}

/** One adopting unit × post period. */
export interface AmountDidCell {
  readonly unit: string;
  readonly treatedFrom: number;
  readonly base: number;
  readonly period: number;
  /** ATT on the log scale and as a ratio. */
  readonly logRatio: number;
  readonly ratio: number;
  readonly controls: readonly string[];
  readonly weight: number;
}

export interface AmountDidResult {
  readonly estimable: boolean;
  /** exp(weighted mean log ATT); null when not estimable. */
  readonly ratio: number | null;
  readonly lower: number | null;
  readonly upper: number | null;
  readonly level: number;
  readonly logEstimate: number | null;
  readonly standardError: number | null;
  /** Residual df of the untreated two-way model (the t-interval's df). */
  readonly df: number | null;
  /** Residual standard deviation of log amount in the untreated cells. */
  readonly residualSd: number | null;
  readonly cells: readonly AmountDidCell[];
  /** Distinct control units used. */
  readonly controls: readonly string[];
  /** Untreated cells in the variance model. */
  readonly untreatedCells: number;
  /** The same estimate per adopting unit (its own cells; same variance model); empty when not estimable. */
  readonly byUnit: readonly AmountDidUnitEstimate[];
  readonly notes: readonly EffectsNote[];
}

/** The effect of one adopting unit: weighted mean of its cells' log ratios, with its t-interval. */
export interface AmountDidUnitEstimate {
  readonly unit: string;
  readonly treatedFrom: number;
  readonly ratio: number;
  readonly lower: number;
  readonly upper: number;
  readonly standardError: number;
  readonly periods: number;
}

/**
 * @example amountDid([{ unit: "Midt", period: 2018, amount: 21000, weight: 3e5, treatedFrom: 2019 }, ...])
 */
export function amountDid(panel: readonly AmountDidRow[], options: AmountDidOptions = {}): AmountDidResult {
  const level = options.level ?? 0.95;
  if (!(level > 0 && level < 1)) throw new EffectsError("bad_level", EffectsMessage.badLevel("amountDid", level), { level });
  if (panel.length === 0) throw new EffectsError("empty_data", EffectsMessage.emptyData("amountDid"));
  const minControls = options.minControls ?? 2;
  const minDf = options.minDf ?? 2;

  const y = new Map<string, Map<number, number>>();
  const w = new Map<string, Map<number, number>>();
  const start = new Map<string, number | null>();
  panel.forEach((r, i) => {
    if (!Number.isInteger(r.period)) throw new EffectsError("bad_period", EffectsMessage.badPeriod("amountDid", r.period), { index: i });
    if (!(Number.isFinite(r.amount) && r.amount > 0))
      throw new EffectsError("bad_amount", EffectsMessage.nonPositiveAmount(i, r.amount), { index: i, value: r.amount });
    const g = r.treatedFrom ?? null;
    if (start.has(r.unit) && start.get(r.unit) !== g)
      throw new EffectsError("treated_from_inconsistent", EffectsMessage.treatedFromInconsistent(r.unit).replace("staggeredDid", "amountDid"), { unit: r.unit });
    start.set(r.unit, g);
    let m = y.get(r.unit);
    if (!m) {
      y.set(r.unit, (m = new Map()));
      w.set(r.unit, new Map());
    }
    if (m.has(r.period))
      throw new EffectsError("duplicate_period", EffectsMessage.duplicatePeriod("amountDid", String(r.period), r.unit), { unit: r.unit });
    m.set(r.period, Math.log(r.amount));
    w.get(r.unit)!.set(r.period, r.weight ?? 1);
  });

  const notes: EffectsNote[] = [];
  const units = [...y.keys()].sort();
  const untreatedAt = (u: string, t: number) => {
    const g = start.get(u) ?? null;
    return g === null || g > t;
  };

  // Group-time cells and the estimator's coefficients on log y.
  const cells: AmountDidCell[] = [];
  const controlsUsed = new Set<string>();
  let missingControls = 0;
  for (const u of units) {
    const g = start.get(u) ?? null;
    if (g === null) continue;
    const periods = [...y.get(u)!.keys()].sort((a, b) => a - b);
    const pre = periods.filter((p) => p < g);
    if (pre.length === 0) {
      notes.push(EffectsNotes.amountNoBase(u));
      continue;
    }
    const b = pre[pre.length - 1];
    for (const t of periods.filter((p) => p >= g)) {
      const controls = units.filter((c) => c !== u && untreatedAt(c, t) && y.get(c)!.has(b) && y.get(c)!.has(t));
      if (controls.length === 0) {
        missingControls += 1;
        continue;
      }
      const ctrl = controls.reduce((a, c) => a + (y.get(c)!.get(t)! - y.get(c)!.get(b)!), 0) / controls.length;
      const logRatio = y.get(u)!.get(t)! - y.get(u)!.get(b)! - ctrl;
      const weight = w.get(u)!.get(t)!;
      cells.push({ unit: u, treatedFrom: g, base: b, period: t, logRatio, ratio: Math.exp(logRatio), controls, weight });
      for (const c of controls) controlsUsed.add(c);
    }
  }
  if (missingControls > 0) notes.push(EffectsNotes.amountNoControlCells(missingControls));

  // Untreated cells: two-way fixed effects by alternating demeaning.
  const untreated: { u: string; t: number; v: number }[] = [];
  for (const u of units) for (const [t, v] of y.get(u)!) if (untreatedAt(u, t)) untreated.push({ u, t, v });
  const fit = twoWayResidual(untreated);
  const base = {
    level,
    cells,
    controls: [...controlsUsed].sort(),
    untreatedCells: untreated.length,
    df: fit.df,
    residualSd: fit.df > 0 ? Math.sqrt(fit.ss / fit.df) : null,
  };
  const none = (note: EffectsNote): AmountDidResult => ({
    ...base,
    byUnit: [],
    estimable: false,
    ratio: null,
    lower: null,
    upper: null,
    logEstimate: null,
    standardError: null,
    notes: [...notes, note],
  });
  if (![...start.values()].some((g) => g !== null)) return none(EffectsNotes.noTreatedUnits());
  if (cells.length === 0) return none(EffectsNotes.amountNoCells());
  if (controlsUsed.size < minControls) return none(EffectsNotes.amountTooFewControls(controlsUsed.size, minControls));
  if (fit.df < minDf) return none(EffectsNotes.amountTooFewDf(untreated.length, fit.df, minDf));

  const sigma2 = fit.ss / fit.df;
  const q = studentTQuantile(0.5 + level / 2, fit.df);
  const overall = weightedEstimate(cells, sigma2);
  const byUnit: AmountDidUnitEstimate[] = [];
  for (const u of [...new Set(cells.map((c) => c.unit))]) {
    const mine = cells.filter((c) => c.unit === u);
    const e = weightedEstimate(mine, sigma2);
    byUnit.push({
      unit: u,
      treatedFrom: mine[0].treatedFrom,
      ratio: Math.exp(e.log),
      lower: Math.exp(e.log - q * e.se),
      upper: Math.exp(e.log + q * e.se),
      standardError: e.se,
      periods: mine.length,
    });
  }
  notes.push(EffectsNotes.amountInterval(untreated.length, fit.df));
  return {
    ...base,
    estimable: true,
    ratio: Math.exp(overall.log),
    lower: Math.exp(overall.log - q * overall.se),
    upper: Math.exp(overall.log + q * overall.se),
    logEstimate: overall.log,
    standardError: overall.se,
    byUnit,
    notes,
  };
}

/**
 * Weighted mean of cells' log ratios and its standard error σ·√Σc², c = the mean's coefficients
 * on the log amounts of the unit-period cells (adopter at t and b, each control at t and b).
 */
function weightedEstimate(cells: readonly AmountDidCell[], sigma2: number): { log: number; se: number } {
  const total = cells.reduce((a, c) => a + c.weight, 0);
  const coefficient = new Map<string, number>();
  const add = (u: string, t: number, v: number) => coefficient.set(`${u}|${t}`, (coefficient.get(`${u}|${t}`) ?? 0) + v / total);
  for (const c of cells) {
    add(c.unit, c.period, c.weight);
    add(c.unit, c.base, -c.weight);
    for (const k of c.controls) {
      add(k, c.period, -c.weight / c.controls.length);
      add(k, c.base, c.weight / c.controls.length);
    }
  }
  let sumSq = 0;
  for (const v of coefficient.values()) sumSq += v * v;
  return { log: cells.reduce((a, c) => a + c.weight * c.logRatio, 0) / total, se: Math.sqrt(sigma2 * sumSq) };
}

/** Residual sum of squares and df of v ~ unit + period, by alternating projections (connected designs). */
function twoWayResidual(cells: readonly { u: string; t: number; v: number }[]): { ss: number; df: number } {
  if (cells.length === 0) return { ss: 0, df: 0 };
  const r = cells.map((c) => c.v);
  const demean = (key: (i: number) => string) => {
    const sum = new Map<string, number>();
    const n = new Map<string, number>();
    cells.forEach((_, i) => {
      const k = key(i);
      sum.set(k, (sum.get(k) ?? 0) + r[i]);
      n.set(k, (n.get(k) ?? 0) + 1);
    });
    let change = 0;
    cells.forEach((_, i) => {
      const m = sum.get(key(i))! / n.get(key(i))!;
      r[i] -= m;
      change = Math.max(change, Math.abs(m));
    });
    return change;
  };
  for (let it = 0; it < 10000; it++) {
    const a = demean((i) => `u${cells[i].u}`);
    const b = demean((i) => `t${cells[i].t}`);
    if (Math.max(a, b) < 1e-13) break;
  }
  const nUnits = new Set(cells.map((c) => c.u)).size;
  const nPeriods = new Set(cells.map((c) => c.t)).size;
  return { ss: r.reduce((a, x) => a + x * x, 0), df: cells.length - nUnits - nPeriods + 1 };
}

export { studentTQuantile };
