/**
 * Collects Problems while loading: counts every problem by code (never capped) and keeps at most
 * `maxPerCode` of each code per file in the list; warnings also go to the onWarning callback.
 */

import type { Problem } from "../contract/dataset.js";
import { MESSAGES, formatMessage } from "./messages.js";
import type { MessageCode, MessageParams } from "./messages.js";

export class ProblemLog {
  readonly problems: Problem[] = [];
  readonly counts: Record<string, number> = {};
  private readonly kept = new Map<string, number>();
  private readonly perFile = new Map<string, { errors: number; warnings: number }>();

  constructor(
    private readonly maxPerCode: number,
    private readonly onWarning?: (p: Problem) => void,
  ) {}

  /** Record a problem. `expected`/`found` default to the params'. */
  add(code: MessageCode, file: string, line: number | null, params: MessageParams = {}): Problem {
    const severity = MESSAGES[code].severity;
    const problem: Problem = {
      code,
      severity,
      file,
      line,
      column: params.column ?? null,
      expected: params.expected ?? "",
      found: code === "cpr_like_id" ? "(not shown)" : (params.found ?? ""),
      message: formatMessage(code, file, line, params),
    };
    this.counts[code] = (this.counts[code] ?? 0) + 1;
    const f = this.perFile.get(file) ?? { errors: 0, warnings: 0 };
    if (severity === "error") f.errors++;
    else f.warnings++;
    this.perFile.set(file, f);
    const key = `${file}\u0000${code}`;
    const k = this.kept.get(key) ?? 0;
    if (k < this.maxPerCode) {
      this.kept.set(key, k + 1);
      this.problems.push(problem);
    }
    if (severity === "warning" && this.onWarning !== undefined) this.onWarning(problem);
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
