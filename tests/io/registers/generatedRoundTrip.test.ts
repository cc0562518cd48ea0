/**
 * Register import on generated data (issue 7): a synthetic region written in the shape of each
 * LPR3 extract (src/generate/registerShape) and imported again gives the contract load's stays,
 * admissions and readmissions (harmonised), indicator for indicator, and the same total cost.
 * (LPR2 and NPR lose information by design — discharge minutes, birth dates — see
 * docs/registers.md, so they are checked on the hand-made samples instead.)
 */

import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import type { Dataset } from "../../../src/contract/dataset.js";
import { generateDataset } from "../../../src/generate/generateDataset.js";
import { writeRegisterFiles } from "../../../src/generate/registerShape/index.js";
import { computeIndicators } from "../../../src/indicators/computeIndicators.js";
import { loadDataset } from "../../../src/io/loadDataset.js";

const KEY = "generated round trip key 16+";
let contract: Dataset;
let dir: string;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), "klynge-regrt-"));
  await generateDataset({ outDir: join(dir, "contract"), seed: 7, scale: "region", years: [2019, 2020], fraction: 0.03, gzip: false });
  contract = await loadDataset(join(dir, "contract"));
}, 60_000);

function byKey(ds: Dataset): Map<string, string> {
  const rows = computeIndicators(ds, { levels: ["municipality", "cluster"], period: "year", registration: "harmonised", minCount: 0 });
  const out = new Map<string, string>();
  for (const r of rows) {
    // Costs are shared again by duration within a course (checked as a total); experience and
    // sector costs are not register data (the writer leaves them out).
    // Referral source and hospital are not in LPR_A (docs/registers.md). Short stays are defined
    // by duration on every register, so they must agree (issue 17).
    if (/^(cost|experience|who_referral|frequent_referral|where_hospital)/.test(r.indicator)) continue;
    out.set([r.indicator, r.level, r.unit, r.period, r.group, r.sex].join("|"), `${r.numerator}/${r.denominator}/${r.value}`);
  }
  return out;
}

describe.each(["lpr3-a", "lpr3-f"] as const)("%s written from generated data and imported", (format) => {
  it("gives the contract's indicators and total cost", async () => {
    const out = join(dir, format);
    await writeRegisterFiles(contract, format, out, { dateStyle: format === "lpr3-a" ? "sas" : "iso", delimiter: ";" });
    const ds = await loadDataset(out, { format, pseudonymKey: KEY });
    expect(ds.report.ok).toBe(true);
    expect(ds.contacts.length).toBe(contract.contacts.length);
    expect(ds.contacts.patientIds.length).toBe(contract.contacts.patientIds.length);
    const a = byKey(contract);
    const b = byKey(ds);
    expect(b.size).toBe(a.size);
    const differ = [...a].filter(([k, v]) => b.get(k) !== v).map(([k]) => k);
    expect(differ).toEqual([]);
    expect(a.size).toBeGreaterThan(1000);
    const total = (d: Dataset) => Array.from(d.contacts.cost).reduce((s, x) => (x === x ? s + x : s), 0);
    expect(Math.abs(total(ds) - total(contract))).toBeLessThan(1e-6 * total(contract));
  }, 60_000);
});
