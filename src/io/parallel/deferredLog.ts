/**
 * A ProblemLog that holds its problems back: the parallel loader logs into one while it reads,
 * and hands the problems on, in the order they were found, only when the read has succeeded (a
 * failed parallel read falls back to one thread, which reads and reports the whole file again).
 * Every call is held, also those beyond the list's cap per code (they are counted): a file with
 * millions of bad rows holds millions of small records until the read ends.
 */

import { ProblemLog } from "../problemLog.js";

type AddCall = Parameters<ProblemLog["add"]>;

export class DeferredLog extends ProblemLog {
  private readonly calls: AddCall[] = [];

  /**
   * @example
   * const staged = new DeferredLog(log);
   * staged.add("empty_file", "admissions.csv", null);
   * staged.replay(); // now in `log`
   */
  constructor(private readonly target: ProblemLog) {
    super(0, undefined, target.encoding);
  }

  override add(...call: AddCall): null {
    this.calls.push(call);
    return null;
  }

  /** Log every problem held back into the target log, in order (once). */
  replay(): void {
    for (const call of this.calls.splice(0)) this.target.add(...call);
  }
}
