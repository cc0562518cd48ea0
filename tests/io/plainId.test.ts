import { describe, expect, it } from "vitest";
import { plainId } from "../../src/io/admissionsFastRow.js";
import { parsePatientId } from "../../src/contract/fields.js";

// The fast path adds a new patient id straight from its bytes when plainId says so; that must only
// happen when the shared rule (parsePatientId) accepts the id unchanged.
describe("plainId agrees with parsePatientId", () => {
  const cpr = ["0101", "90", "-", "1234"].join(""); // built at run time: never a CPR-shaped literal
  const cases = [
    "p7f3a0c21",
    "p1avejds",
    "A",
    "",
    " p1",
    "p1 ",
    "p 1",
    "p\t1",
    "æøå123",
    "p-123_456",
    "123456789",
    "1234567890",
    cpr,
    cpr.replace("-", ""),
    `x${cpr}y`,
    `id:${cpr.replace("-", "")}`,
    "~!@#$%^&*()",
    "p\u00a01",
  ];
  for (const allow of [false, true]) {
    for (const id of cases) {
      it(`${JSON.stringify(id)} (CPR-shaped allowed: ${allow})`, () => {
        const bytes = Buffer.from(id, "utf8");
        if (plainId(bytes, 0, bytes.length, allow)) {
          const r = parsePatientId(id, allow);
          expect(r.ok && r.value === id).toBe(true);
        }
      });
    }
  }
  it("accepts the usual pseudonyms and refuses what the rule would change or refuse", () => {
    const b = (s: string) => Buffer.from(s, "utf8");
    expect(plainId(b("p7f3a0c21"), 0, 9, false)).toBe(true);
    expect(plainId(b(" p7f3a0c21"), 0, 10, false)).toBe(false); // would be trimmed
    expect(plainId(b(cpr), 0, cpr.length, false)).toBe(false);
    expect(plainId(b(cpr), 0, cpr.length, true)).toBe(true);
    expect(plainId(b(""), 0, 0, true)).toBe(false);
  });
});
