/**
 * How many worker threads parse admissions.csv: the `workers` load option, else the environment
 * variable KLYNGE_WORKERS, else 1 (no workers: the file is read on the calling thread).
 */

import { REPORT_TEXT } from "../messages.js";
import { DatasetError } from "../datasetError.js";

/** The most workers used (more would only add threads competing for the same cores). */
export const MAX_WORKERS = 16;

/**
 * The number of parser threads of a load: validated, 1 = none.
 *
 * @throws DatasetError when the option or KLYNGE_WORKERS is not a whole number from 1 to MAX_WORKERS.
 * @example
 * workerCount(2); // 2
 * workerCount(undefined); // KLYNGE_WORKERS, or 1
 */
export function workerCount(option: number | undefined, env: string | undefined = process.env.KLYNGE_WORKERS): number {
  const given: unknown = option ?? (env === undefined || env.trim() === "" ? 1 : Number(env.trim()));
  if (typeof given !== "number" || !Number.isInteger(given) || given < 1 || given > MAX_WORKERS) {
    throw new DatasetError(REPORT_TEXT.badWorkers(String(option ?? env), MAX_WORKERS), []);
  }
  return given;
}
