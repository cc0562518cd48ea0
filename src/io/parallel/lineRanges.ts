/**
 * Laying out a plain admissions.csv for the parser threads: its header (read and checked here,
 * as the one-thread reader would) and byte ranges of about `rangeBytes` each, cut just after a
 * line break, so every range holds whole lines. A file the parallel read does not take on — no
 * usable header, a header that is not UTF-8, a line over the limit at a cut — gives null.
 */

import { isUtf8 } from "node:buffer";
import { ProblemLog } from "../problemLog.js";
import { openRegular } from "../regularFile.js";
import { readHeader, type Header, type TableSpec } from "../tableReader.js";
import type { RangeTask } from "./parseRange.js";

export interface FileLayout {
  readonly header: Header;
  /** The header line as text (no byte-order mark, no line break): a line equal to it is a repeated header. */
  readonly headerText: string;
  readonly ranges: readonly RangeTask[];
}

/** Bytes read at a time while looking for a line break. */
const PROBE = 64 * 1024;

/**
 * The header and the ranges of the file at `path`.
 *
 * @example
 * const layout = await layoutFile("data/x/admissions.csv", admissionsSpec("admissions.csv"), 8 << 20, 16 << 20);
 */
export async function layoutFile(path: string, spec: TableSpec, rangeBytes: number, maxLineBytes: number): Promise<FileLayout | null> {
  const fh = await openRegular(path);
  try {
    const size = (await fh.stat()).size;
    const buf = Buffer.allocUnsafe(PROBE);
    /** Offset just after the first "\n" at or after `from`, or the file's end; null when the line is over the limit. */
    const lineEnd = async (from: number): Promise<number | null> => {
      for (let at = from; at < size; at += PROBE) {
        if (at - from > maxLineBytes) return null;
        const { bytesRead } = await fh.read(buf, 0, PROBE, at);
        if (bytesRead === 0) break;
        const nl = buf.subarray(0, bytesRead).indexOf(10);
        if (nl >= 0) return at + nl + 1;
      }
      return size;
    };
    const bodyStart = await lineEnd(0);
    if (bodyStart === null || bodyStart >= size) return null;
    const line = Buffer.allocUnsafe(bodyStart);
    await fh.read(line, 0, bodyStart, 0);
    let s = 0;
    let e = bodyStart - 1;
    if (e > s && line[e - 1] === 13) e--;
    if (e - s >= 3 && line[0] === 0xef && line[1] === 0xbb && line[2] === 0xbf) s = 3;
    if (!isUtf8(line.subarray(0, bodyStart))) return null;
    const headerText = line.toString("utf8", s, e);
    // Problems of the header are the one-thread reader's to report.
    const header = readHeader(headerText, spec, new ProblemLog(0));
    if (header === null) return null;
    const ranges: RangeTask[] = [];
    for (let start = bodyStart; start < size; ) {
      const end = start + rangeBytes >= size ? size : await lineEnd(start + rangeBytes - 1);
      if (end === null) return null;
      ranges.push({ index: ranges.length, start, end });
      start = end;
    }
    return { header, headerText, ranges };
  } finally {
    await fh.close();
  }
}
