/** One problem found in an intervention file; a contract `Problem` with the path inside the file. */
import type { Lang, NoteValue } from "../contract/note.js";
import type { Problem } from "../contract/dataset.js";
import { isTextKey, spreadProblemText, text } from "../text/catalogue.js";
import { formatSpreadPath, formatSpreadProblem } from "./messages.js";
import type { SpreadMessageCode } from "./messages.js";

export interface SpreadProblem extends Problem {
  readonly code: SpreadMessageCode;
  /** Path inside the file, e.g. ["adoptions", 0, "fidelity", 1, "element"]; `column` holds it as text. */
  readonly path: readonly (string | number)[];
  /**
   * The values the problem reports (ids, names, the value found, quoted); with `code` they give its
   * sentence in Danish or English from the text catalogue. `message` is the Danish line.
   */
  readonly values: Readonly<Record<string, NoteValue>>;
}

/** A word of the catalogue (a kind of value found) in English, for the `found`/`expected` fields. */
const plain = (s: string): string => (/^spread\.(found|type)\.|^spread\.problem\.none$/.test(s) && isTextKey(s) ? text("en", s) : s);

/** Builds a problem; its `message` is the Danish line `file:line: path: text` (any language: spreadProblemLine). */
export function spreadProblem(
  code: SpreadMessageCode,
  severity: "error" | "warning",
  file: string,
  line: number | null,
  path: readonly (string | number)[],
  values: Readonly<Record<string, NoteValue>>,
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
    values,
    expected: plain(expected),
    found: plain(found),
    message: formatSpreadProblem(file, line, path, spreadProblemText(code, values, "da")),
  };
}

/**
 * A problem as one line in a language: `file:line: path: text`.
 * @example spreadProblemLine(problem, "en") // 'test.yaml: owner: is required'
 */
export function spreadProblemLine(p: Pick<SpreadProblem, "code" | "file" | "line" | "path" | "values">, lang: Lang = "da"): string {
  return formatSpreadProblem(p.file, p.line, p.path, spreadProblemText(p.code, p.values, lang));
}
