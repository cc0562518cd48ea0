/** Turns zod issues into spread problems with catalogue messages; internal to the spread layer. */
import type { z } from "zod";
import { InterventionSchema, SPREAD_AGE_GROUP_PATTERN, SPREAD_ID_PATTERN, SPREAD_PERIOD_PATTERN } from "./interventionSchema.js";
import { EXPECTED_TYPE_TEXT, describeFound, quotedList } from "./messages.js";
import type { NoteValue } from "../contract/note.js";
import { spreadProblem } from "./spreadProblem.js";
import type { SpreadProblem } from "./spreadProblem.js";

export type LineOf = (path: readonly (string | number)[]) => number | null;
type Path = readonly (string | number)[];

/** Value of a path in raw input, or undefined. */
export function valueAt(raw: unknown, path: Path): unknown {
  let v: unknown = raw;
  for (const p of path) {
    if (v === null || typeof v !== "object") return undefined;
    v = (v as Record<string | number, unknown>)[p];
  }
  return v;
}

interface DefLike {
  readonly type: string;
  readonly shape?: Record<string, { _zod: { def: DefLike } }>;
  readonly element?: { _zod: { def: DefLike } };
  readonly innerType?: { _zod: { def: DefLike } };
  readonly out?: { _zod: { def: DefLike } };
}

/** Field names allowed at a path of the intervention schema (for "did you mean"). */
function allowedKeysAt(path: Path): string[] {
  let def = (InterventionSchema as unknown as { _zod: { def: DefLike } })._zod.def;
  const unwrap = (d: DefLike): DefLike => {
    let x = d;
    while ((x.type === "optional" || x.type === "default") && x.innerType) x = x.innerType._zod.def;
    return x;
  };
  for (const p of path) {
    def = unwrap(def);
    if (typeof p === "number" && def.type === "array" && def.element) def = def.element._zod.def;
    else if (typeof p === "string" && def.type === "object" && def.shape && def.shape[p]) def = def.shape[p]._zod.def;
    else return [];
  }
  def = unwrap(def);
  return def.type === "object" && def.shape ? Object.keys(def.shape) : [];
}

function editDistance(a: string, b: string): number {
  const d = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    let prev = d[0];
    d[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const tmp = d[j];
      d[j] = Math.min(d[j] + 1, d[j - 1] + 1, prev + (a[i - 1] === b[j - 1] ? 0 : 1));
      prev = tmp;
    }
  }
  return d[b.length];
}

/** The closest allowed name within 2 edits (or 1/3 of its length), else null. */
export function closestName(key: string, allowed: readonly string[]): string | null {
  let best: string | null = null;
  let bestD = Infinity;
  for (const a of allowed) {
    const dist = editDistance(key.toLowerCase(), a.toLowerCase());
    if (dist < bestD) {
      bestD = dist;
      best = a;
    }
  }
  return best !== null && bestD <= Math.max(2, Math.floor(best.length / 3)) ? best : null;
}

/** Problems for the issues of a failed `InterventionSchema.safeParse`. */
export function schemaIssueProblems(issues: readonly z.core.$ZodIssue[], raw: unknown, file: string, lineOf: LineOf): SpreadProblem[] {
  const out: SpreadProblem[] = [];
  for (const issue of issues) {
    const path = issue.path.filter((p): p is string | number => typeof p !== "symbol");
    const found = valueAt(raw, path);
    const f = describeFound(found);
    const add = (code: Parameters<typeof spreadProblem>[0], p: Path, values: Readonly<Record<string, NoteValue>>, expected: string, fnd = f) =>
      out.push(spreadProblem(code, "error", file, lineOf(p), p, values, expected, fnd));
    switch (issue.code) {
      case "invalid_type": {
        if (path.length === 0) add("not_an_object", path, { found: f }, "a mapping of fields");
        else if (found === undefined) add("missing_field", path, {}, "a value");
        else {
          const expected = EXPECTED_TYPE_TEXT[issue.expected] ?? issue.expected;
          add("wrong_type", path, { expected, found: f }, expected);
        }
        break;
      }
      case "unrecognized_keys": {
        const allowed = allowedKeysAt(path);
        for (const key of issue.keys) {
          const p = [...path, key];
          const suggestion = closestName(key, allowed);
          add("unknown_field", p, suggestion === null ? { key } : { key, suggestion }, allowed.join(", "), key);
        }
        break;
      }
      case "invalid_value": {
        const values = issue.values.map(String);
        add("invalid_choice", path, { values: quotedList(values), found: f }, values.join(" | "));
        break;
      }
      case "invalid_format": {
        const pattern = "pattern" in issue ? String(issue.pattern) : "";
        if (issue.format === "date") add("invalid_date", path, { found: f }, "YYYY-MM-DD");
        else if (pattern === String(SPREAD_ID_PATTERN)) add("invalid_id", path, { found: f }, "an id");
        else if (pattern === String(SPREAD_PERIOD_PATTERN))
          add("invalid_period", path, { found: f }, "a period label");
        else if (pattern === String(SPREAD_AGE_GROUP_PATTERN))
          add("invalid_age_group", path, { found: f }, "a population group");
        else add("invalid_value", path, { found: f }, issue.format);
        break;
      }
      case "too_small": {
        if (issue.origin === "string" || issue.origin === "array") add("empty", path, {}, "not empty");
        else add("too_small", path, { minimum: String(issue.minimum), found: f }, `>= ${String(issue.minimum)}`);
        break;
      }
      case "too_big":
        add("too_large", path, { maximum: String(issue.maximum), found: f }, `<= ${String(issue.maximum)}`);
        break;
      default:
        add("invalid_value", path, { found: f }, "a valid value");
    }
  }
  return out;
}
