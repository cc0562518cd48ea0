import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { generateDataset } from "../../src/generate/index.js";
import { loadDataset } from "../../src/io/index.js";

describe("generated data passes the loader (src/io) without a single problem", () => {
  it("every row accepted, no warnings, counts agree with truth.json", async () => {
    const dir = mkdtempSync(join(tmpdir(), "klynge-load-"));
    try {
      const truth = await generateDataset({ seed: 8, years: [2019, 2020], fraction: 0.005, gzip: true, outDir: dir });
      const ds = await loadDataset(dir);
      expect(ds.report.problems.map((p) => p.message)).toEqual([]);
      expect(ds.report.ok).toBe(true);
      expect(ds.contacts.length).toBe(truth.counts.contacts);
      let lastYear = 0;
      for (let i = 0; i < ds.population.length; i++) if (ds.population.year[i] === 2020) lastYear += ds.population.count[i];
      expect(lastYear).toBe(truth.counts.citizensLastYear);
      expect(ds.geography.length).toBe(19);
      expect(ds.experience?.length).toBeGreaterThan(0);
      expect(ds.sectorCosts?.length).toBe(19 * 2 * 5 * 4);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
