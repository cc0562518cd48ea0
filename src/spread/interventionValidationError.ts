/** The error thrown when intervention files have errors: it lists every problem, not only the first. */
import type { Lang } from "../contract/note.js";
import { spreadProblemText } from "../text/catalogue.js";
import { spreadProblemLine, type SpreadProblem } from "./spreadProblem.js";

export class InterventionValidationError extends Error {
  /** Every error (and warning) found, in file order. */
  readonly problems: readonly SpreadProblem[];

  /** The message is in Danish; `text("en")` gives it in English. */
  constructor(problems: readonly SpreadProblem[]) {
    super(errorText(problems, "da"));
    this.name = "InterventionValidationError";
    this.problems = problems;
  }

  /** The summary line and every error, one per line, in Danish (the default) or English. */
  text(lang: Lang = "da"): string {
    return errorText(this.problems, lang);
  }
}

function errorText(problems: readonly SpreadProblem[], lang: Lang): string {
  const errors = problems.filter((p) => p.severity === "error");
  const files = new Set(errors.map((p) => p.file)).size;
  return [spreadProblemText("error_summary", { errors: errors.length, files }, lang), ...errors.map((p) => `  ${spreadProblemLine(p, lang)}`)].join("\n");
}
