/** One problem found in an intervention file; a contract `Problem` with the path inside the file. */
import type { Problem } from "../contract/dataset.js";
import { formatSpreadPath, formatSpreadProblem } from "./messages.js";
import type { SpreadMessageCode } from "./messages.js";

export interface SpreadProblem extends Problem {
  readonly code: SpreadMessageCode;
  /** Path inside the file, e.g. ["adoptions", 0, "fidelity", 1, "element"]; `column` holds it as text. */
  readonly path: readonly (string | number)[];
}

/** Builds a problem; the message is `file:line: path: text`. */
export function spreadProblem(
  code: SpreadMessageCode,
  severity: "error" | "warning",
  file: string,
  line: number | null,
  path: readonly (string | number)[],
  text: string,
  expected: string,
  found: string,
): SpreadProblem {
  return {
    code,
    severity,
    file,
    line,
    column: path.length === 0 ? null : formatSpreadPath(path),
    path,
    expected,
    found,
    message: formatSpreadProblem(file, line, path, text),
  };
}
