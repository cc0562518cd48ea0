import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { gunzipSync } from "node:zlib";
import { describe, expect, it } from "vitest";
import { generateDataset, type GenerateProgress } from "../../src/generate/index.js";

describe("nation scale (streamed) on a tiny fraction", () => {
  it("98 municipalities, ~5.9 million citizens and ~1.5 million contacts a year when scaled up", async () => {
    const dir = mkdtempSync(join(tmpdir(), "klynge-nation-"));
    try {
      const fraction = 0.001;
      const seen: GenerateProgress[] = [];
      const truth = await generateDataset({ seed: 2, scale: "nation", years: [2023, 2023], fraction, gzip: true, outDir: dir, progress: (p) => seen.push(p) });
      expect(seen.length).toBe(98);
      expect(seen[97].municipalitiesDone).toBe(98);
      const geo = readFileSync(join(dir, "geography.csv"), "utf8").trim().split("\n").slice(1);
      expect(geo.length).toBe(98);
      expect(new Set(geo.map((l) => l.split(",")[0])).size).toBe(98);
      expect(geo.every((l) => /^\d{3},/.test(l))).toBe(true);
      // Statistics Denmark: 5.93 million on 1 January 2023
      const citizens = truth.counts.citizensLastYear / fraction;
      expect(citizens).toBeGreaterThan(5.6e6);
      expect(citizens).toBeLessThan(6.2e6);
      const rows = gunzipSync(readFileSync(join(dir, "admissions.csv.gz"))).toString("utf8").trim().split("\n").length - 1;
      expect(rows).toBe(truth.counts.contacts);
      // issue 2: ~1.5 million contacts a year nationally
      expect(rows / fraction).toBeGreaterThan(1.2e6);
      expect(rows / fraction).toBeLessThan(2.0e6);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
