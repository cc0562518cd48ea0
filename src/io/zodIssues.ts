/** Turning zod issues of the contract schemas into Problems (via the message catalogue). */

import type { z } from "zod";
import type { CellIssueParams } from "../contract/schemas/cell.js";
import { MESSAGES } from "./messages.js";
import type { MessageCode } from "./messages.js";
import type { ProblemLog } from "./problemLog.js";

/** Log one problem per issue, in the order zod reported them. */
export function logIssues(issues: readonly z.core.$ZodIssue[], file: string, line: number, log: ProblemLog): void {
  for (const issue of issues) {
    const column = issue.path.length > 0 ? String(issue.path[0]) : "";
    const params = (issue as { params?: CellIssueParams }).params;
    if (params !== undefined && params.klynge in MESSAGES) {
      log.add(params.klynge as MessageCode, file, line, {
        column,
        found: params.found,
        expected: params.expected,
        ...(params.other === undefined ? {} : { other: params.other }),
      });
    } else {
      log.add("empty", file, line, { column, expected: issue.message });
    }
  }
}
