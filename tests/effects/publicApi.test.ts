import { describe, expect, it } from "vitest";
import * as compare from "../../src/compare/index.js";
import * as effects from "../../src/effects/index.js";
import * as stats from "../../src/stats/index.js";

describe("public API of the effects layer and the cluster comparison", () => {
  it("exports the functions by name", () => {
    expect(typeof stats.poissonGlm).toBe("function"); // the GLM is a shared numerical tool, below effects/ and compare/
    for (const name of ["interruptedTimeSeries", "staggeredDid", "simulateStaggeredPanel"] as const) {
      expect(typeof effects[name]).toBe("function");
    }
    for (const name of ["compareToReference", "clusterProfile", "rankIntervals"] as const) {
      expect(typeof compare[name]).toBe("function");
    }
    expect(new effects.EffectsError("x", "y").code).toBe("x");
    expect(compare.defaultProfileDirections.readmission_30d).toBe("lower");
  });
});
