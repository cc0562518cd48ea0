/**
 * The shared frame of reading one CSV table: header (BOM, delimiter sniffed from the header,
 * column names matched trimmed/lower-case, required columns, extra columns noted), line
 * numbering, empty lines, UTF-8 check, unreadable files, and the counts of the table report.
 * What a data line means is left to a row handler (small tables: zod per row; admissions: the
 * columnar fast path of admissionsReader.ts).
 */

import { isUtf8 } from "node:buffer";
import type { TableReport } from "../contract/dataset.js";
import { DecompressionLimitError, forEachPiece, LineTooLongError } from "./chunks.js";
import { isSafetyError } from "./safetyMessages.js";
import { delimiterName, normaliseColumnName, otherDelimiter, sniffDelimiter, splitCsvLine } from "./csvLine.js";
import type { ProblemLog } from "./problemLog.js";
import { shownHeader } from "./shownHeader.js";

/** Columns of a table in the contract. */
export interface TableSpec {
  /** File name in messages, e.g. "admissions.csv". */
  readonly file: string;
  readonly columns: readonly string[];
  readonly required: readonly string[];
}

export interface Header {
  readonly delimiter: "," | ";";
  /** Normalised names, in file order. */
  readonly names: readonly string[];
  /** Index in the line of each contract column present (first occurrence). */
  readonly index: ReadonlyMap<string, number>;
  readonly extra: readonly string[];
}

/** Mutable counts of one table. rowsRead = accepted + rejected + duplicates + excluded. */
export interface Counts {
  rowsRead: number;
  accepted: number;
  rejected: number;
  duplicates: number;
  blankLines: number;
  /** Rows the admissions fast path handed to the zod row path (0 for other tables). */
  rowPath: number;
  /** Register presets: rows left out by a documented filter or an unmapped code (0 for contract tables). */
  excluded: number;
}

export function newCounts(): Counts {
  return { rowsRead: 0, accepted: 0, rejected: 0, duplicates: 0, blankLines: 0, rowPath: 0, excluded: 0 };
}

/** Outcome of a row handler. */
export type RowOutcome = "accepted" | "rejected" | "duplicate";

/**
 * A reader of data lines. `piece` gets whole lines [start, end) and must return the number of
 * lines it consumed; the default reader (`lineByLine`) hands each line to `line`.
 */
export interface RowSink {
  /** Optional fast reader of a piece of whole lines; returns nothing, counts itself. */
  piece?(buf: Buffer, start: number, end: number, firstLine: number, counts: Counts): number;
  /** One data line (without line break). */
  line(text: string, lineNo: number, counts: Counts): void;
}

/** Read the header line; log a whole-file problem and return null when it cannot be used. */
export function readHeader(text: string, spec: TableSpec, log: ProblemLog): Header | null {
  const delimiter = sniffDelimiter(text);
  const names = (splitCsvLine(text, delimiter) ?? text.split(delimiter)).map(normaliseColumnName);
  const index = new Map<string, number>();
  names.forEach((n, i) => {
    if (spec.columns.includes(n) && !index.has(n)) index.set(n, i);
  });
  const missing = spec.required.filter((c) => !index.has(c));
  if (missing.length > 0) {
    const other = otherDelimiter(text, spec.required);
    if (other !== null && other !== delimiter) {
      log.add("wrong_delimiter", spec.file, 1, { found: delimiterName(other), expected: '"," or ";"' });
    } else {
      log.add("missing_columns", spec.file, 1, {
        list: missing.join(", "),
        found: shownHeader(names),
        expected: spec.required.join(", "),
        column: missing[0],
      });
    }
    return null;
  }
  const extra = names.filter((n) => !spec.columns.includes(n));
  return { delimiter, names, index, extra };
}

export interface ReadResult {
  readonly header: Header | null;
  readonly counts: Counts;
  readonly present: boolean;
}

/**
 * Read a table file: header, then every line through `makeSink(header)`. Whole-file failures
 * (empty file, unusable header) count every later non-empty line as rejected with one problem.
 */
export async function readTable(
  path: string,
  spec: TableSpec,
  log: ProblemLog,
  makeSink: (header: Header) => RowSink,
  chunkSize?: number,
): Promise<ReadResult> {
  const counts = newCounts();
  let header: Header | null = null;
  let sink: RowSink | null = null;
  let lineNo = 0; // lines fully handled so far
  let headerSeen = false;
  let headerFailed = false;
  let utf8Warned = false;
  const file = spec.file;

  const handleLine = (buf: Buffer, s: number, e: number): void => {
    lineNo++;
    if (e > s && buf[e - 1] === 13) e--;
    if (!headerSeen) {
      headerSeen = true;
      if (e - s >= 3 && buf[s] === 0xef && buf[s + 1] === 0xbb && buf[s + 2] === 0xbf) s += 3;
      header = readHeader(buf.toString("utf8", s, e), spec, log);
      if (header === null) headerFailed = true;
      else sink = makeSink(header);
      return;
    }
    if (e === s) {
      counts.blankLines++;
      return;
    }
    if (headerFailed || sink === null) {
      counts.rowsRead++;
      counts.rejected++;
      return;
    }
    sink.line(buf.toString("utf8", s, e), lineNo, counts);
  };

  try {
    await forEachPiece(path, (buf, start, end) => {
      // UTF-8 check: the first piece whole, later pieces by their first 64 KiB (cheap sample).
      const probeEnd = headerSeen ? Math.min(end, start + 65536) : end;
      let cut = probeEnd;
      if (probeEnd < end) while (cut > start && (buf[cut] & 0xc0) === 0x80) cut--;
      if (!utf8Warned && !isUtf8(buf.subarray(start, cut))) {
        utf8Warned = true;
        log.add("not_utf8", file, null, { expected: "UTF-8" });
      }
      let p = start;
      if (headerSeen && sink !== null && sink.piece !== undefined) {
        const consumed = sink.piece(buf, start, end, lineNo + 1, counts);
        lineNo += consumed;
        return;
      }
      while (p < end) {
        let nl = buf.indexOf(10, p);
        if (nl < 0 || nl >= end) nl = end;
        handleLine(buf, p, nl);
        p = nl + 1;
        if (headerSeen && sink !== null && sink.piece !== undefined && p < end) {
          lineNo += sink.piece(buf, p, end, lineNo + 1, counts);
          return;
        }
      }
    }, chunkSize);
  } catch (err) {
    if (err instanceof LineTooLongError) log.add("line_too_long", file, lineNo + 1, { n: err.limit });
    else if (err instanceof DecompressionLimitError) log.add("too_much_data", file, null, { n: err.freeBytes / (1024 * 1024), m: err.ratio, lineRef: lineNo });
    else if (isSafetyError(err) && err.code === "not_regular") log.add("not_regular_file", file, null, { found: err.values.other ?? "other" });
    else log.add("unreadable", file, null, { found: errorText(err), n: lineNo });
  }
  if (!headerSeen) log.add("empty_file", file, null, {});
  return { header, counts, present: true };
}

function errorText(err: unknown): string {
  const e = err as { code?: string; message?: string };
  return e.code ?? e.message ?? String(err);
}

/** The TableReport of a read table. */
export function tableReport(spec: TableSpec, result: ReadResult | null, log: ProblemLog, source?: string): TableReport {
  if (result === null) {
    return { file: spec.file, present: false, rowsRead: 0, rowsAccepted: 0, rowsRejected: 0, duplicates: 0, warnings: 0 };
  }
  const c = result.counts;
  const base: TableReport = {
    file: spec.file,
    present: result.present,
    rowsRead: c.rowsRead,
    rowsAccepted: c.accepted,
    rowsRejected: c.rejected,
    duplicates: c.duplicates,
    warnings: log.warningsOf(spec.file),
    extraColumns: result.header?.extra ?? [],
    blankLines: c.blankLines,
    ...(c.rowPath > 0 ? { rowPathRows: c.rowPath } : {}),
    ...(c.excluded > 0 ? { rowsExcluded: c.excluded } : {}),
  };
  const withDelim = result.header ? { ...base, delimiter: result.header.delimiter } : base;
  return source === undefined ? withDelim : { ...withDelim, source };
}
