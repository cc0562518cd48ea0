/** The loader's one typed error: thrown in strict mode (and for a missing folder), holding every problem. */

import type { LoadReport, Problem } from "../contract/dataset.js";

export class DatasetError extends Error {
  override readonly name = "DatasetError";
  /** Every problem found (errors and warnings, capped per code as in the report). */
  readonly problems: readonly Problem[];
  /** The load report, when loading got that far. */
  readonly report: LoadReport | null;

  constructor(message: string, problems: readonly Problem[], report: LoadReport | null = null) {
    super(message);
    this.problems = problems;
    this.report = report;
  }
}

/**
 * True when `e` is a DatasetError (also across bundles, by name).
 * @example try { await loadDataset("data/my-region", { strict: true }); } catch (e) { if (isDatasetError(e)) console.error(e.message); }
 */
export function isDatasetError(e: unknown): e is DatasetError {
  return e instanceof DatasetError || (e instanceof Error && e.name === "DatasetError" && "problems" in e);
}
