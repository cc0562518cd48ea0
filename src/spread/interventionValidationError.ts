/** The error thrown when intervention files have errors: it lists every problem, not only the first. */
import { SPREAD_MESSAGES } from "./messages.js";
import type { SpreadProblem } from "./spreadProblem.js";

export class InterventionValidationError extends Error {
  /** Every error (and warning) found, in file order. */
  readonly problems: readonly SpreadProblem[];

  constructor(problems: readonly SpreadProblem[]) {
    const errors = problems.filter((p) => p.severity === "error");
    const files = new Set(errors.map((p) => p.file)).size;
    super([SPREAD_MESSAGES.error_summary(errors.length, files), ...errors.map((p) => `  ${p.message}`)].join("\n"));
    this.name = "InterventionValidationError";
    this.problems = problems;
  }
}
