/**
 * How many worker threads parse admissions.csv: the `workers` load option, else the environment
 * variable KLYNGE_WORKERS, else chosen by the file (`autoWorkers`): two threads for a plain file of
 * AUTO_PARALLEL_BYTES or more on a machine with two cores or more, otherwise none (the file is
 * read on the calling thread).
 */

import { availableParallelism } from "node:os";
import { REPORT_TEXT } from "../messages.js";
import { DatasetError } from "../datasetError.js";

/** The most workers used (more would only add threads competing for the same cores). */
export const MAX_WORKERS = 16;

/**
 * From this size of a plain admissions.csv on, a load without a `workers` setting parses it on two
 * threads (when the machine has two cores or more). Measured on the bench's generated national
 * data (built package, each run its own process; docs/cache.md "Parser threads"): 2.2 GB,
 * row-shuffled, 11.1–12.2 s on two threads against 14.6–15.3 s on one (on a machine whose two cores
 * were also busy with two other processes: 19.9–20.7 s against 24.7–25.1 s); 222 MB, 2.37–2.50 s
 * against 2.54–2.71 s; a region-year of 47 MB 0.61–0.65 s against 0.43–0.50 s (starting the
 * threads costs more than they give).
 */
export const AUTO_PARALLEL_BYTES = 512 * 1024 * 1024;

/**
 * The number of parser threads of a load: validated, 1 = none, undefined = not set (`autoWorkers`
 * chooses by the file).
 *
 * @throws DatasetError when the option or KLYNGE_WORKERS is not a whole number from 1 to MAX_WORKERS.
 * @example
 * workerCount(2); // 2
 * workerCount(undefined); // KLYNGE_WORKERS, or undefined
 */
export function workerCount(option: number | undefined, env: string | undefined = process.env.KLYNGE_WORKERS): number | undefined {
  if (option === undefined && (env === undefined || env.trim() === "")) return undefined;
  const given: unknown = option ?? Number((env as string).trim());
  if (typeof given !== "number" || !Number.isInteger(given) || given < 1 || given > MAX_WORKERS) {
    throw new DatasetError(REPORT_TEXT.badWorkers(String(option ?? env), MAX_WORKERS), []);
  }
  return given;
}

/**
 * Parser threads for a plain file of `bytes` (null: not a plain file) when none are set: 2 from
 * AUTO_PARALLEL_BYTES on, given two cores or more; else 1.
 *
 * @example
 * autoWorkers(2_215_649_022, 2); // 2
 * autoWorkers(46_596_985, 2); // 1
 */
export function autoWorkers(bytes: number | null, cores: number = availableParallelism()): number {
  return bytes !== null && bytes >= AUTO_PARALLEL_BYTES && cores >= 2 ? 2 : 1;
}
