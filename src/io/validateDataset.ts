/** validateDataset(dir): what `klynge validate DIR` does — load, report, and say whether it passed. */

import type { LoadReport } from "../contract/dataset.js";
import { formatLoadReport } from "./formatLoadReport.js";
import { loadDataset } from "./loadDataset.js";
import type { LoadOptions } from "./loadDataset.js";

export interface ValidateResult {
  readonly report: LoadReport;
  /** The printable report. */
  readonly text: string;
  /** Process exit code for the CLI: 0 when no row was rejected and no file error, else 1. */
  readonly exitCode: number;
}

/**
 * Load `dir` (never strict) and return its report, the printable text and the exit code.
 * @throws DatasetError when `dir` is not a folder.
 * @example const { report } = await validateDataset("data/my-region"); if (!report.ok) process.exitCode = 1
 */
export async function validateDataset(dir: string, options: Omit<LoadOptions, "strict"> = {}): Promise<ValidateResult> {
  const ds = await loadDataset(dir, { ...options, strict: false });
  const report = ds.report;
  return { report, text: formatLoadReport(report), exitCode: report.ok ? 0 : 1 };
}
