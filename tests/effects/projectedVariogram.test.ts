import { describe, expect, it } from "vitest";
import { projectVariogramComponents } from "../../src/effects/projectedVariogram.js";
import { cholesky, inverseCrossProductFromR } from "../../src/stats/glm/linalg.js";
import { Random } from "../../src/stats/random.js";

describe("projected variogram of several series sharing a two-way design", () => {
  it("the expected residual variogram of a pure random walk through a unit + period model matches a Monte Carlo estimate", () => {
    // The DiD's untreated cells in miniature: 4 clusters, 40 periods; two leave the untreated set
    // at periods 14 and 26 (staggered starts), so the period effects are weighted means over a
    // changing set of clusters with unequal, growing expected counts.
    const nT = 40;
    const lastPeriod = [nT, nT, 26, 14];
    const cells: { u: number; t: number; mu: number }[] = [];
    lastPeriod.forEach((end, u) => {
      for (let t = 0; t < end; t++) cells.push({ u, t, mu: (1 + u) * 100 * (1 + (u % 2 === 0 ? 0.02 : 0.005) * t) });
    });
    const n = cells.length;
    const p = 1 + 3 + (nT - 1);
    const x = cells.map(({ u, t }) => {
      const row = new Array<number>(p).fill(0);
      row[0] = 1;
      if (u > 0) row[u] = 1;
      if (t > 0) row[3 + t] = 1;
      return row;
    });
    const xtwx = Array.from({ length: p }, (_, j) => Array.from({ length: p }, (_, l) => cells.reduce((s, c, i) => s + x[i][j] * x[i][l] * c.mu, 0)));
    const l = cholesky(xtwx);
    const U = inverseCrossProductFromR(l.map((_, i) => l.map((row) => row[i])));
    const pc = projectVariogramComponents({
      residual: new Array<number>(n).fill(0),
      times: cells.map((c) => c.t),
      series: cells.map((c) => c.u),
      x,
      unscaledCovariance: U,
      mu: cells.map((c) => c.mu),
      sampling: new Array<number>(n).fill(0),
      maxLag: nT - 1,
    });
    expect(pc).not.toBeNull();
    const lags = pc!.lags;
    // Monte Carlo: δ_u a random walk per cluster (step SD 0.02, γ(h) = 0.0002·h), residuals
    // r = Mδ = δ − X(XᵀWX)⁻¹XᵀWδ (the first-order residuals of the Poisson fit).
    const omega = 0.02 ** 2 / 2;
    const G = x.map((row) => Array.from({ length: p }, (_, m) => row.reduce((s, v, j) => s + v * U[j][m], 0)));
    const rng = new Random(11);
    const sims = 4000;
    const sums = new Float64Array(lags.length);
    const counts = new Float64Array(lags.length);
    const lagAt = new Map(lags.map((h, m) => [h, m]));
    for (let r = 0; r < sims; r++) {
      const walk = [0, 1, 2, 3].map(() => {
        const d = new Float64Array(nT);
        for (let t = 1; t < nT; t++) d[t] = d[t - 1] + 0.02 * rng.normal();
        return d;
      });
      const delta = cells.map((c) => walk[c.u][c.t]);
      const xtw = new Float64Array(p);
      cells.forEach((c, i) => x[i].forEach((v, j) => (xtw[j] += v * c.mu * delta[i])));
      const res = delta.map((d, i) => d - G[i].reduce((s, g, m) => s + g * xtw[m], 0));
      for (let i = 0; i < n; i++) {
        for (let k = i + 1; k < n && cells[k].u === cells[i].u; k++) {
          const m = lagAt.get(cells[k].t - cells[i].t);
          if (m === undefined) continue;
          sums[m] += 0.5 * (res[k] - res[i]) ** 2;
          if (r === 0) counts[m]++;
        }
      }
    }
    lags.forEach((h, m) => {
      const simulated = sums[m] / counts[m] / sims;
      const projected = omega * pc!.colWalk[m];
      // Each lag's Monte Carlo mean over 4,000 draws has a relative SE of about 1–2 %.
      expect(Math.abs(simulated / projected - 1)).toBeLessThan(0.06);
    });
    // The residuals lose part of the walk's long-lag variance: at the longest lag the projected
    // variogram is well below ω·h times the period-mean shrink factor 1 − 2w + Σw², averaged over
    // the pairs, that the DiD used before (exact only for weights constant between the periods).
    const h = lags[lags.length - 1];
    const m = lags.length - 1;
    const total = new Float64Array(nT);
    const squares = new Float64Array(nT);
    for (const c of cells) total[c.t] += c.mu;
    for (const c of cells) squares[c.t] += (c.mu / total[c.t]) ** 2;
    const shrink = (c: { u: number; t: number; mu: number }) => 1 - 2 * (c.mu / total[c.t]) + squares[c.t];
    let naive = 0;
    let pairs = 0;
    for (let i = 0; i < n; i++) {
      for (let k = i + 1; k < n && cells[k].u === cells[i].u; k++) {
        if (cells[k].t - cells[i].t !== h) continue;
        naive += omega * h * (shrink(cells[i]) + shrink(cells[k])) / 2;
        pairs++;
      }
    }
    naive /= pairs;
    const simulated = sums[m] / counts[m] / sims;
    expect(simulated / naive).toBeLessThan(0.9);
  });
});
