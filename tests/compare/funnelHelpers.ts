import { readFileSync } from "node:fs";
import { expect } from "vitest";

/** Assert |actual − expected| <= tol·|expected| (absolute when expected is 0). */
export function expectRel(actual: number, expected: number, tol = 1e-6, what = ""): void {
  const err = expected === 0 ? Math.abs(actual) : Math.abs(actual - expected) / Math.abs(expected);
  expect(err, `${what} actual ${actual}, expected ${expected}, relative error ${err}`).toBeLessThanOrEqual(tol);
}

/** Read a numeric CSV fixture (first row = header) into objects; non-numeric cells stay strings. */
export function readFixture(name: string): Record<string, number | string>[] {
  const text = readFileSync(new URL(`./fixtures/${name}`, import.meta.url), "utf8").trim();
  const [head, ...rows] = text.split("\n");
  const cols = head.split(",");
  return rows.map((r) => {
    const cells = r.split(",");
    return Object.fromEntries(cols.map((c, i) => [c, Number.isNaN(Number(cells[i])) ? cells[i] : Number(cells[i])]));
  });
}
