import { describe, expect, it } from "vitest";
import { funnelPlotData, type FunnelClass } from "../../src/compare/index.js";
import { readFixture } from "./funnelHelpers.js";
import { noteText } from "../../src/text/catalogue.js";
import type { Note } from "../../src/contract/note.js";

/** Notes in English, joined as the old `note` text was. */
const enNotes = (ns: readonly Note[]): string => ns.map((n) => noteText(n, "en")).join(" ");

const CODES: Record<string, [FunnelClass, FunnelClass]> = {
  H3: ["high", "high"],
  H2: ["high", "not_significant"],
  L3: ["low", "low"],
  L2: ["low", "not_significant"],
  NS: ["not_significant", "not_significant"],
  NA: ["not_significant", "not_significant"],
};

// PHEindicatormethods tests/testthat/testdata_funnel_rate_dsr_inputs.csv (assign_funnel_significance).
const rows = readFixture("phe_funnel_rate_dsr_inputs.csv");

describe("funnelPlotData — rates against PHEindicatormethods significance", () => {
  it.each([
    ["dsr", "with", "dsr_with_0"],
    ["dsr", "without", "dsr_without_0"],
    ["crude", "with", "crude_with_0"],
    ["crude", "without", "crude_without_0"],
  ] as const)("%s rates per 100,000, %s the zero-count area", (rateType, zero, column) => {
    const used = rows.filter((r) => zero === "with" || (r.count as number) > 0);
    const units = used.map((r, i) => ({
      unit: `area${i + 1}`,
      numerator: r.count as number,
      denominator: r.pop as number,
      value: rateType === "dsr" ? (r.count === 0 ? null : (r.rate_dsr as number)) : undefined,
    }));
    // PHE's own-interval test is the test of PHE's "observed" curves, so the reference uses them.
    const res = funnelPlotData(units, { type: "rate", rateType, multiplier: 100000, poissonLimits: "observed" });
    used.forEach((r, i) => {
      expect(res.units[i].classes.map((c) => c.class), `area ${i + 1}`).toEqual(CODES[r[column] as string]);
    });
    if (rateType === "dsr" && zero === "with")
      expect(enNotes(res.units[used.length - 1].notes)).toBe(
        "Numerator 0: the value is 0; its upper limit comes from the exact Poisson/Wilson interval. Fewer than 10 events: a directly standardised rate is not classed (PHE convention).",
      );
  });
});
