/**
 * Reads the text of one intervention file (YAML, or JSON — JSON is read by the YAML 1.2
 * parser too) and validates it; problems carry the line of the offending field.
 */
import { LineCounter, isMap, isScalar, isSeq, parseDocument } from "yaml";
import type { Node } from "yaml";
import { safeValue } from "../contract/personNumber.js";
import { spreadProblem } from "./spreadProblem.js";
import { validateIntervention } from "./validateIntervention.js";
import type { InterventionCheck, InterventionCheckOptions } from "./validateIntervention.js";

/**
 * @example validateInterventionText(fs.readFileSync("tobs.yaml", "utf8"), "tobs.yaml").problems
 */
export function validateInterventionText(text: string, file: string, options: InterventionCheckOptions = {}): InterventionCheck {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, prettyErrors: false, uniqueKeys: true });
  if (doc.errors.length > 0) {
    const problems = doc.errors.map((e) => {
      const line = lineCounter.linePos(e.pos[0]).line;
      // File content quoted by the parser is cut and masked (contract/personNumber.ts safeValue).
      const detail = safeValue(e.message.split("\n")[0]);
      return spreadProblem("parse_error", "error", file, line, [], { detail }, "YAML or JSON", detail);
    });
    return { intervention: null, problems, ok: false };
  }
  const lineOf = (path: readonly (string | number)[]): number | null => {
    let node: unknown = doc.contents;
    let offset: number | null = rangeStart(node);
    for (const seg of path) {
      if (isMap(node)) {
        const pair = node.items.find((p) => isScalar(p.key) && String(p.key.value) === String(seg));
        if (!pair) break;
        offset = rangeStart(pair.key) ?? offset;
        node = pair.value;
      } else if (isSeq(node) && typeof seg === "number") {
        node = node.items[seg];
        if (node === undefined) break;
        offset = rangeStart(node) ?? offset;
      } else break;
    }
    return offset === null ? null : lineCounter.linePos(offset).line;
  };
  let value: unknown;
  try {
    value = doc.toJS();
  } catch (err) {
    // The yaml library stops an alias bomb ("billion laughs") with a ReferenceError: one problem, no stack trace.
    if (err instanceof ReferenceError && /alias/i.test(err.message)) {
      const detail = "too many aliases (an alias bomb); the file is not read";
      return { intervention: null, problems: [spreadProblem("parse_error", "error", file, null, [], { detail }, "YAML or JSON", detail)], ok: false };
    }
    throw err;
  }
  return validateIntervention(value, file, { ...options, lineOf });
}

function rangeStart(node: unknown): number | null {
  const r = (node as Node | null | undefined)?.range;
  return r ? r[0] : null;
}
