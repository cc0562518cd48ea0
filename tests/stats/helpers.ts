import { expect } from "vitest";

/** Assert |actual − expected| <= tol·|expected| (relative; absolute when expected is 0). */
export function expectRel(actual: number | null | undefined, expected: number, tol = 1e-6): void {
  expect(actual).not.toBeNull();
  expect(actual).not.toBeUndefined();
  const a = actual as number;
  const err = expected === 0 ? Math.abs(a) : Math.abs(a - expected) / Math.abs(expected);
  expect(err, `actual ${a}, expected ${expected}, relative error ${err}`).toBeLessThanOrEqual(tol);
}
