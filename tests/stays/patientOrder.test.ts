import { describe, expect, it } from "vitest";
import { loadDataset } from "../../src/io/index.js";
import { computeStays } from "../../src/stays/index.js";

// The loader hands the stays layer its grouping by patient (ContactTable.patientOrder); the stays
// layer checks it and reuses it. Reusing it must give exactly the stays of a fresh sort.
describe("reusing the loader's patient order", () => {
  it("gives the same stays and admissions as sorting afresh (demo data)", async () => {
    const ds = await loadDataset("data/demo");
    expect(ds.contacts.patientOrder).toBeTruthy();
    const reused = computeStays(ds);
    const fresh = computeStays({ ...ds, contacts: { ...ds.contacts, patientOrder: null } });
    expect(reused.report).toEqual(fresh.report);
    expect(reused.stays.length).toBe(fresh.stays.length);
    for (const key of ["start", "end", "patient", "firstContact"] as const) {
      const a = (reused.stays as unknown as Record<string, ArrayLike<number>>)[key];
      const b = (fresh.stays as unknown as Record<string, ArrayLike<number>>)[key];
      expect(a).toBeDefined();
      expect(Array.from(a)).toEqual(Array.from(b));
    }
  });
  it("falls back to its own sort when the order does not fit the table", async () => {
    const ds = await loadDataset("data/demo");
    const order = ds.contacts.patientOrder!;
    const broken = { start: order.start, order: order.order.slice().reverse() };
    const a = computeStays({ ...ds, contacts: { ...ds.contacts, patientOrder: broken } });
    const b = computeStays({ ...ds, contacts: { ...ds.contacts, patientOrder: null } });
    expect(a.report).toEqual(b.report);
  });
});
