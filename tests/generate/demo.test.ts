import { readFileSync, readdirSync, statSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { DEMO_INTERVENTION } from "../../src/generate/index.js";

describe("the bundled demo dataset (data/demo)", () => {
  it("is complete, small enough to commit, and its truth.json names the injected intervention", () => {
    const names = readdirSync("data/demo");
    for (const n of ["admissions.csv.gz", "population.csv", "geography.csv", "deaths.csv", "sector_costs.csv", "experience.csv", "truth.json", "README.md"])
      expect(names).toContain(n);
    const total = names.reduce((s, n) => s + statSync(`data/demo/${n}`).size, 0);
    expect(total).toBeLessThan(15e6);
    const truth = JSON.parse(readFileSync("data/demo/truth.json", "utf8"));
    expect(truth.seed).toBe(1);
    expect(truth.options).toMatchObject({ years: [2016, 2023], scale: "region", fraction: 0.1, gzip: true });
    expect(truth.intervention.id).toBe(DEMO_INTERVENTION.id);
    expect(truth.intervention.adoptions).toEqual(DEMO_INTERVENTION.adoptions);
    expect(truth.intervention.rateRatio).toBe(DEMO_INTERVENTION.rateRatio);
    const readme = readFileSync("data/demo/README.md", "utf8");
    expect(readme).toContain('generateDataset({ seed: 1, years: [2016, 2023], scale: "region", fraction: 0.1, gzip: true, outDir: "data/demo" })');
    for (const a of DEMO_INTERVENTION.adoptions) expect(readme).toContain(a.start);
  });
});
