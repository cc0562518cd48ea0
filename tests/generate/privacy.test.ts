import { readFileSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { gunzipSync } from "node:zlib";
import { describe, expect, it } from "vitest";
import { generateToMemory } from "../../src/generate/index.js";

// The CPR shape of helper-brief.md, assembled at run time so no CPR-shaped text is in this file.
const CPR = new RegExp(["\\b(0[1-9]|[12][0-9]|3[01])", "(0[1-9]|1[0-2])", "[0-9]{2}-?[0-9]{4}\\b"].join(""));

describe("no CPR-shaped strings", () => {
  it("the pattern itself works", () => {
    expect(CPR.test(["0101", "90", "-", "1234"].join(""))).toBe(true);
    expect(CPR.test(["0101", "90", "1234"].join(""))).toBe(true);
  });

  it("in a generated dataset, and patient ids contain letters", async () => {
    const { files } = await generateToMemory({ seed: 21, years: [2020, 2021], fraction: 0.005 });
    for (const [name, text] of Object.entries(files)) expect(CPR.test(text), name).toBe(false);
    const ids = files["admissions.csv"].split("\n").slice(1, -1).map((l) => l.split(",")[0]);
    expect(ids.length).toBeGreaterThan(100);
    expect(ids.every((id) => /^p[0-9a-z]{7}$/.test(id) && /[a-z]/.test(id))).toBe(true);
  });

  it("in the committed demo dataset", () => {
    const files = readdirSync("data/demo", { recursive: true, withFileTypes: true }).filter((e) => e.isFile());
    expect(files.length).toBeGreaterThan(6);
    for (const entry of files) {
      const name = entry.name;
      const raw = readFileSync(join(entry.parentPath, name));
      const text = name.endsWith(".gz") ? gunzipSync(raw).toString("utf8") : raw.toString("utf8");
      expect(CPR.test(text), name).toBe(false);
    }
  });
});

describe("cprSafeInteger", () => {
  it("moves a ten-digit number with a CPR shape by < 1 % and leaves others alone", async () => {
    const { cprSafeInteger } = await import("../../src/generate/format.js");
    const shaped = Number(["2105", "16", "1234"].join(""));
    const safe = cprSafeInteger(shaped);
    expect(CPR.test(safe)).toBe(false);
    expect(Math.abs(Number(safe) - shaped) / shaped).toBeLessThan(0.01);
    expect(cprSafeInteger(987654321)).toBe("987654321");
  });
});
