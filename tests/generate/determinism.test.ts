import { mkdtempSync, readFileSync, readdirSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { generateDataset, generateToMemory } from "../../src/generate/index.js";

const dirs: string[] = [];
const fresh = () => {
  const d = mkdtempSync(join(tmpdir(), "klynge-gen-"));
  dirs.push(d);
  return d;
};
afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));

const small = { years: [2019, 2020] as [number, number], fraction: 0.005 };

describe("generator determinism", () => {
  it("same seed gives byte-identical files (gzip included); another seed differs", async () => {
    const a = fresh();
    const b = fresh();
    const c = fresh();
    await generateDataset({ ...small, seed: 5, gzip: true, outDir: a });
    await generateDataset({ ...small, seed: 5, gzip: true, outDir: b });
    await generateDataset({ ...small, seed: 6, gzip: true, outDir: c });
    const names = readdirSync(a).sort();
    expect(names).toEqual([
      "admissions.csv.gz",
      "deaths.csv",
      "experience.csv",
      "geography.csv",
      "population.csv",
      "sector_costs.csv",
      "truth.json",
    ]);
    for (const n of names) expect(readFileSync(join(b, n)).equals(readFileSync(join(a, n))), n).toBe(true);
    expect(readFileSync(join(c, "admissions.csv.gz")).equals(readFileSync(join(a, "admissions.csv.gz")))).toBe(false);
    expect(readFileSync(join(c, "population.csv")).equals(readFileSync(join(a, "population.csv")))).toBe(false);
  });

  it("generateToMemory writes the same bytes as generateDataset without gzip", async () => {
    const d = fresh();
    const truth = await generateDataset({ ...small, seed: 9, outDir: d });
    const mem = await generateToMemory({ ...small, seed: 9 });
    for (const [name, text] of Object.entries(mem.files)) expect(readFileSync(join(d, name), "utf8"), name).toBe(text);
    expect(mem.truth).toEqual(truth);
  });

  it("rejects invalid options with every problem named", async () => {
    await expect(generateToMemory({ fraction: 0, years: [2020, 2019] })).rejects.toThrow(/fraction.*years|years.*fraction/s);
  });

  it("the null effect changes only what the intervention touches", async () => {
    const withEffect = await generateToMemory({ ...small, seed: 3 });
    const none = await generateToMemory({ ...small, seed: 3, interventionRateRatio: 1 });
    expect(none.truth.intervention.rateRatio).toBe(1);
    expect(none.files["population.csv"]).toBe(withEffect.files["population.csv"]);
    // Horsens and Aarhus never adopt: their municipalities' rows are identical
    const rows = (text: string, muni: string) => text.split("\n").filter((l) => l.split(",")[3] === muni).join("\n");
    expect(rows(none.files["admissions.csv"], "751")).toBe(rows(withEffect.files["admissions.csv"], "751"));
    expect(rows(none.files["admissions.csv"], "791")).not.toBe(rows(withEffect.files["admissions.csv"], "791"));
    // in an adopting municipality (Viborg, Midt), citizens who are under 65 throughout are untouched
    const young = (text: string) => text.split("\n").filter((l) => l.split(",")[3] === "791" && l.split(",")[1] > "1956-12-31").join("\n");
    expect(young(none.files["admissions.csv"]).length).toBeGreaterThan(1000);
    expect(young(none.files["admissions.csv"])).toBe(young(withEffect.files["admissions.csv"]));
  });
});
