/**
 * Reading a plain admissions.csv with parser threads (issue 16, "both cores in the loader"): the
 * file is laid out in line-aligned byte ranges (lineRanges.ts), each parsed by a thread with the
 * fast path (parseRange.ts), and merged in file order on this thread (mergeRange.ts), where every
 * line the threads did not accept goes through the row path. The table, the counts and the
 * problems are those of the one-thread reader. Returns null — read it on one thread — for a
 * `.gz` file, forced Windows-1252 decoding, a file of a single range, or any failure.
 */

import { CHUNK, MAX_LINE_BYTES, meanLineBytes } from "../chunks.js";
import type { AdmissionsRows } from "../admissionsReader.js";
import type { ProblemLog } from "../problemLog.js";
import { newCounts, type ReadResult, type TableSpec } from "../tableReader.js";
import { PATIENTS_PER_ROW } from "../contactBuilder.js";
import { layoutFile } from "./lineRanges.js";
import { mergeRange, type MergeTarget } from "./mergeRange.js";
import { runRanges } from "./rangePool.js";

export interface ParallelReadOptions {
  /** Municipality codes of the geography; undefined = do not check. */
  readonly municipalities: ReadonlySet<number> | undefined;
  readonly allowCprLikeIds: boolean;
  /** Parser threads (at least 2 to be worth it). */
  readonly workers: number;
  /** Bytes per range (default chunks.ts CHUNK, 8 MiB). */
  readonly chunkSize?: number;
}

/**
 * Read admissions.csv at `path` with parser threads into `rows`, logging into `log`; null when
 * the file is to be read on one thread instead (nothing is then in `rows` worth keeping).
 *
 * @example
 * const read = await readAdmissionsInParallel(path, admissionsSpec("admissions.csv"), rows, log, { municipalities, allowCprLikeIds: false, workers: 2 });
 */
export async function readAdmissionsInParallel(
  path: string,
  spec: TableSpec,
  rows: AdmissionsRows,
  log: ProblemLog,
  options: ParallelReadOptions,
): Promise<ReadResult | null> {
  if (options.workers < 2 || path.endsWith(".gz") || log.encoding === "windows-1252") return null;
  const rangeBytes = Math.max(1, options.chunkSize ?? CHUNK);
  const layout = await layoutFile(path, spec, rangeBytes, MAX_LINE_BYTES);
  if (layout === null || layout.ranges.length < 2) return null;
  const { header, headerText, ranges } = layout;
  // Size the columns once, as the one-thread reader does (2 % margin; they grow beyond that).
  const size = ranges[ranges.length - 1].end;
  const meanLine = await meanLineBytes(path, size).catch(() => null);
  if (meanLine !== null) {
    const estimate = (size / meanLine) * 1.02 + 1024;
    rows.builder.reserve(estimate);
    rows.builder.patients.reserve(estimate * PATIENTS_PER_ROW);
  }
  const counts = newCounts();
  const target: MergeTarget = { rows, rowPath: rows.rowPath(header), headerText, file: spec.file, counts, log };
  let firstLine = 2; // line 1 is the header
  const setup = {
    path,
    header,
    municipalities: options.municipalities === undefined ? null : [...options.municipalities],
    allowCprLikeIds: options.allowCprLikeIds,
    maxLineBytes: MAX_LINE_BYTES,
  };
  const ok = await runRanges(setup, ranges, options.workers, (r) => {
    mergeRange(target, r, firstLine);
    firstLine += r.lines;
  });
  return ok ? { header, counts, present: true } : null;
}
