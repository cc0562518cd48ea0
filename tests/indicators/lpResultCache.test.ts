import { describe, expect, it } from "vitest";
import type { LpSet } from "../../src/indicators/lpRanges.js";
import { lpRangesSync } from "../../src/indicators/lpWorker.js";

/**
 * x0 + x1 + x2 = total, x0 + x3 = 4 (a small count's relation): x0 ∈ [0, 4], x1 and x2 ∈ [0, total],
 * x3 ∈ [0, 4]. Fresh arrays on every call, as the decision builds them.
 */
function system(total: number): LpSet {
  return {
    columns: 4,
    rowLower: Float64Array.of(total, 4),
    rowUpper: Float64Array.of(total, 4),
    starts: Int32Array.of(0, 3, 5),
    indices: Int32Array.of(0, 1, 2, 0, 3),
    values: Float64Array.of(1, 1, 1, 1, 1),
  };
}

describe("lpRangesSync answers a system it has solved from its store", () => {
  it("solves a new system, then answers an equal one without a program, with the same ranges", () => {
    const first = lpRangesSync([system(41)], 5)[0];
    expect(first.programs).toBeGreaterThan(0);
    expect([...first.upper]).toEqual([4, 41, 41, 4]);
    expect([...first.lower]).toEqual([0, 0, 0, 0]);
    const again = lpRangesSync([system(41)], 5)[0];
    expect(again.programs).toBe(0);
    expect([...again.lower]).toEqual([...first.lower]);
    expect([...again.upper]).toEqual([...first.upper]);
  });

  it("solves a system that differs in one right-hand side, one index or the threshold", () => {
    expect(lpRangesSync([system(42)], 5)[0].programs).toBeGreaterThan(0);
    const moved = system(42);
    const other = { ...moved, indices: Int32Array.of(0, 1, 3, 0, 2) };
    const r = lpRangesSync([other], 5)[0];
    expect(r.programs).toBeGreaterThan(0);
    expect([...r.upper]).toEqual([4, 42, 4, 42]);
    expect(lpRangesSync([system(42)], 6)[0].programs).toBeGreaterThan(0);
    // a known point is part of the system's identity (it can widen the inner bounds)
    expect(lpRangesSync([{ ...system(42), point: Float64Array.of(1, 20, 21, 3) }], 5)[0].programs).toBeGreaterThan(0);
  });

  it("solves a system met twice in one call once", () => {
    const [a, b] = lpRangesSync([system(43), system(43)], 5);
    expect(a.programs).toBeGreaterThan(0);
    expect(b.programs).toBe(0);
    expect([...b.upper]).toEqual([...a.upper]);
  });

  it("gives each caller its own arrays: changing one answer does not change the next", () => {
    const one = lpRangesSync([system(44)], 5)[0];
    one.upper[1] = -1;
    const two = lpRangesSync([system(44)], 5)[0];
    expect(two.programs).toBe(0);
    expect(two.upper[1]).toBe(44);
  });
});
