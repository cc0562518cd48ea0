/**
 * Collects Problems while loading: counts every problem by code (never capped) and keeps at most
 * `maxPerCode` of each code per file in the list; warnings also go to the onWarning callback.
 */

import type { Problem } from "../contract/dataset.js";
import { maskPersonNumbers } from "../contract/personNumber.js";
import { MESSAGES, formatMessage } from "./messages.js";
import type { MessageCode, MessageParams } from "./messages.js";

/**
 * How text files are decoded: "auto" reads UTF-8 and switches a file to Windows-1252 from the
 * first piece that is not valid UTF-8; "utf-8" and "windows-1252" force one.
 */
export type TextEncodingOption = "auto" | "utf-8" | "windows-1252";

export const TEXT_ENCODINGS: readonly TextEncodingOption[] = ["auto", "utf-8", "windows-1252"];

/** A problem's values as kept on the Problem: masked, and no value at all of a CPR-shaped id. */
function problemValues(code: MessageCode, params: MessageParams): Readonly<Record<string, string | number>> {
  const values: Record<string, string | number> = {};
  for (const [name, v] of Object.entries(params) as [string, string | number | undefined][]) {
    if (v === undefined || (code === "cpr_like_id" && name === "found")) continue;
    values[name] = typeof v === "string" ? maskPersonNumbers(v) : v;
  }
  return values;
}

export class ProblemLog {
  readonly problems: Problem[] = [];
  readonly counts: Record<string, number> = {};
  private readonly kept = new Map<string, number>();
  private readonly perFile = new Map<string, { errors: number; warnings: number }>();

  constructor(
    private readonly maxPerCode: number,
    private readonly onWarning?: (p: Problem) => void,
    /** How the files of this load are decoded (LoadOptions.encoding). */
    readonly encoding: TextEncodingOption = "auto",
  ) {}

  /**
   * Record a problem. `expected`/`found` default to the params'. The Problem object and its text
   * are only built when it is kept in the list or a warning goes to onWarning (counting is cheap,
   * so millions of capped problems cost little).
   */
  add(code: MessageCode, file: string, line: number | null, params: MessageParams = {}): Problem | null {
    const severity = MESSAGES[code].severity;
    this.counts[code] = (this.counts[code] ?? 0) + 1;
    let f = this.perFile.get(file);
    if (f === undefined) {
      f = { errors: 0, warnings: 0 };
      this.perFile.set(file, f);
    }
    if (severity === "error") f.errors++;
    else f.warnings++;
    const key = `${file}\u0000${code}`;
    const k = this.kept.get(key) ?? 0;
    const keep = k < this.maxPerCode;
    const notify = severity === "warning" && this.onWarning !== undefined;
    if (!keep && !notify) return null;
    const problem: Problem = {
      code,
      severity,
      file,
      line,
      column: params.column ?? null,
      expected: params.expected ?? "",
      found: code === "cpr_like_id" ? "(not shown)" : maskPersonNumbers(params.found ?? ""),
      message: formatMessage(code, file, line, params),
      values: problemValues(code, params),
    };
    if (keep) {
      this.kept.set(key, k + 1);
      this.problems.push(problem);
    }
    if (notify) this.onWarning!(problem);
    return problem;
  }

  warningsOf(file: string): number {
    return this.perFile.get(file)?.warnings ?? 0;
  }
  errorsOf(file: string): number {
    return this.perFile.get(file)?.errors ?? 0;
  }
  get errorCount(): number {
    let n = 0;
    for (const f of this.perFile.values()) n += f.errors;
    return n;
  }
}
