/**
 * admissionMembership: one pass marks, per admission row, every population that counts it — the
 * same answer as asking each population about each admission in turn, also past eight populations
 * (a second byte per row).
 */
import { describe, expect, it } from "vitest";
import { prepareIndicators } from "../../src/indicators/index.js";
import { admissionMembership, type AdmissionPredicate } from "../../src/indicators/admissionMembership.js";
import type { ContactRow } from "../stays/contactsFromRows.js";
import { datasetFrom, flatPopulation } from "./datasetFromRows.js";

const ROWS: ContactRow[] = [
  { patient: "a", admitted: "2020-01-06T09:15", discharged: "2020-01-08T09:00", birth: "1940-06-15", diagnosis: "J189" },
  { patient: "a", admitted: "2020-03-10T08:00", discharged: "2020-03-11T08:00", birth: "1940-06-15", diagnosis: "S720", acute: false },
  { patient: "b", admitted: "2020-02-01T14:00", discharged: "2020-02-03T10:00", birth: "2019-05-01", diagnosis: "R509" },
  { patient: "c", admitted: "2020-04-01T03:00", discharged: "2020-04-05T03:00", birth: "1930-01-01", diagnosis: "J22", municipality: 615 },
  { patient: "d", admitted: "2020-06-01T10:00", discharged: "2020-06-02T12:00", birth: "1980-01-01", diagnosis: "R509" },
];

describe("admissionMembership", () => {
  const ctx = prepareIndicators(datasetFrom(ROWS, flatPopulation([2020], [615, 727, 751], 100)), { minCount: 0 });
  const { stays, admissions } = ctx.computed;
  const diagnoses = ctx.dataset.contacts.diagnoses;
  const codeOf = (d: number) => diagnoses[d];
  // ten populations: the bits of row j must agree with each predicate asked directly
  const predicates: AdmissionPredicate[] = [
    (acute) => acute === 1,
    (_a, age) => age <= 2,
    (_a, age) => age >= 65,
    (_a, _age, d) => codeOf(d).startsWith("J"),
    (_a, _age, d) => codeOf(d).startsWith("R"),
    (acute, age) => acute === 1 && age >= 65,
    () => true,
    () => false,
    (acute, _age, d) => acute === 0 && codeOf(d).startsWith("S"),
    (_a, age, d) => age < 65 && codeOf(d).startsWith("R"),
  ];

  it("agrees with each predicate asked directly, in both bytes", () => {
    const m = admissionMembership(ctx, predicates);
    expect(admissions.length).toBe(5);
    expect(m.bits.length).toBe(2);
    for (let j = 0; j < admissions.length; j++) {
      const s = admissions.stay[j];
      const d = ctx.dataset.contacts.diagnosis[stays.firstContact[s]];
      predicates.forEach((p, i) => expect(m.has(i, j)).toBe(p(stays.acute[s], stays.age[s], d)));
    }
    // by hand: the one planned admission (a's fracture) is population 8's only row; the 0-2 one is b's
    expect(Array.from({ length: 5 }, (_, j) => m.has(8, j)).filter(Boolean).length).toBe(1);
    expect(Array.from({ length: 5 }, (_, j) => m.has(1, j)).filter(Boolean).length).toBe(1);
    expect(Array.from({ length: 5 }, (_, j) => m.has(9, j)).filter(Boolean).length).toBe(2);
  });

  it("leaves out the rows rowOk refuses", () => {
    const m = admissionMembership(ctx, predicates, (j) => j !== 0);
    expect(predicates.some((_, i) => m.has(i, 0))).toBe(false);
    expect(m.has(6, 1)).toBe(true);
  });
});
