/**
 * The collection computeIndicators asks for before the suppression (src/indicators/collectGarbage.ts):
 * it runs in plain node (no --expose-gc), frees typed arrays dropped just before it, and leaves no
 * `gc` behind in contexts made after it.
 */
import { runInNewContext } from "node:vm";
import { describe, expect, it } from "vitest";
import { collectGarbage } from "../../src/indicators/collectGarbage.js";

const MB = 1048576;

function dropBigArray(): number {
  const a = new Float64Array((64 * MB) / 8);
  a.fill(1); // touched, so resident
  return a.length;
}

describe("collectGarbage", () => {
  it("frees arrays that were dropped, at once", () => {
    const exposedBefore = typeof (globalThis as { gc?: unknown }).gc === "function";
    collectGarbage();
    const before = process.memoryUsage().arrayBuffers;
    expect(dropBigArray()).toBe(8 * MB);
    const dropped = process.memoryUsage().arrayBuffers;
    expect(dropped - before).toBeGreaterThanOrEqual(64 * MB);
    expect(collectGarbage()).toBe(true);
    const after = process.memoryUsage().arrayBuffers;
    expect(dropped - after).toBeGreaterThanOrEqual(60 * MB);
    // the flag is set back: a context made now has no gc unless node was started with it
    if (!exposedBefore) expect(runInNewContext("typeof gc")).toBe("undefined");
  });
});
