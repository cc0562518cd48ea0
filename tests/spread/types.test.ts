import { describe, expectTypeOf, it } from "vitest";
import type { ImplementationKey, Intervention, InterventionInput, SpreadMatrixCell, TripleAimStatusRow } from "../../src/spread/index.js";
import type { Adoption } from "../../src/spread/interventionSchema.js";
import type { FidelityState, InterventionPhase, KeyState } from "../../src/spread/vocabulary.js";
import type { SpreadProblem } from "../../src/spread/spreadProblem.js";
import type { Problem } from "../../src/contract/dataset.js";

describe("types of the spread model", () => {
  it("are inferred from the schemas", () => {
    expectTypeOf<Intervention["phase"]>().toEqualTypeOf<InterventionPhase>();
    expectTypeOf<Adoption["fidelity"][number]["state"]>().toEqualTypeOf<FidelityState>();
    expectTypeOf<NonNullable<Adoption["key_assessments"][number]["keys"]["leadership"]>["state"]>().toEqualTypeOf<KeyState>();
    expectTypeOf<Intervention["milestones"]>().not.toBeUndefined(); // defaults filled in after parsing
    expectTypeOf<InterventionInput["milestones"]>().toMatchTypeOf<unknown[] | undefined>(); // optional in the file
    expectTypeOf<ImplementationKey>().toEqualTypeOf<
      "viability" | "learning_community" | "leadership" | "guidance_education" | "people_move_people" | "contagious_stories" | "documentation"
    >();
  });

  it("a spread problem is a contract Problem", () => {
    expectTypeOf<SpreadProblem>().toMatchTypeOf<Problem>();
  });

  it("analysis rows carry their states as literal unions", () => {
    expectTypeOf<TripleAimStatusRow["status"]>().toEqualTypeOf<"met" | "on_track" | "not_met" | "not_yet_measurable">();
    expectTypeOf<SpreadMatrixCell["state"]>().toEqualTypeOf<FidelityState | KeyState | "not_recorded" | "not_adopted">();
  });
});
