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
  let headerBytes: Buffer | null = null;
  const file = spec.file;
  const decoder = new TextDecoder("windows-1252");
  let windows1252 = log.encoding === "windows-1252";
  let utf8Warned = false;

  const handleLine = (buf: Buffer, s: number, e: number): void => {
    lineNo++;
    if (e > s && buf[e - 1] === 13) e--;
    if (!headerSeen) {
      headerSeen = true;
      if (e - s >= 3 && buf[s] === 0xef && buf[s + 1] === 0xbb && buf[s + 2] === 0xbf) s += 3;
      header = readHeader(buf.toString("utf8", s, e), spec, log);
      if (header === null) headerFailed = true;
      else {
        sink = makeSink(header);
        headerBytes = Buffer.from(buf.subarray(s, e));
      }
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

  // Whole lines [s, e) after the header: the sink's fast reader, else line by line.
  const feed = (buf: Buffer, s: number, e: number): void => {
    if (sink !== null && sink.piece !== undefined) {
      lineNo += sink.piece(buf, s, e, lineNo + 1, counts);
      return;
    }
    let p = s;
    while (p < e) {
      let nl = buf.indexOf(10, p);
      if (nl < 0 || nl >= e) nl = e;
      handleLine(buf, p, nl);
      p = nl + 1;
    }
  };

  // Lines after the header, with a repeated header line (files joined together) skipped and
  // reported once per repeat instead of failing every column.
  const body = (buf: Buffer, start: number, end: number): void => {
    const hb = headerBytes;
    if (hb === null) {
      feed(buf, start, end);
      return;
    }
    let s = start;
    for (;;) {
      const at = findRepeatedHeader(buf, s, end, hb);
      if (at < 0) break;
      if (at > s) feed(buf, s, at);
      lineNo++;
      log.add("header_repeated", file, lineNo, {});
      s = buf.indexOf(10, at) + 1;
    }
    if (s < end) feed(buf, s, end);
  };

  try {
    await forEachPiece(path, (buf, start, end) => {
      // Decoding: UTF-8 unless the file (or, with "auto", this piece) is not valid UTF-8.
      if (!windows1252 && !isUtf8(buf.subarray(start, end))) {
        const line = lineNo + firstBadLine(buf, start, end);
        if (log.encoding === "auto") {
          windows1252 = true;
          log.add("decoded_windows_1252", file, line, { expected: "UTF-8" });
        } else if (!utf8Warned) {
          utf8Warned = true;
          log.add("not_utf8", file, line, { expected: "UTF-8" });
        }
      }
      if (windows1252) {
        const text = Buffer.from(decoder.decode(buf.subarray(start, end)), "utf8");
        buf = text;
        start = 0;
        end = text.length;
      }
      let p = start;
      while (!headerSeen && p < end) {
        let nl = buf.indexOf(10, p);
        if (nl < 0 || nl >= end) nl = end;
        handleLine(buf, p, nl);
        p = nl + 1;
      }
      if (p < end) body(buf, p, end);
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

/** 1-based line, within [start, end), of the first line that is not valid UTF-8. */
function firstBadLine(buf: Buffer, start: number, end: number): number {
  let line = 1;
  let p = start;
  while (p < end) {
    let nl = buf.indexOf(10, p);
    if (nl < 0 || nl >= end) nl = end;
    if (!isUtf8(buf.subarray(p, nl))) return line;
    line++;
    p = nl + 1;
  }
  return line;
}

/** Start of the first line in [from, end) that is exactly the header (then "\n" or "\r\n"), or -1. */
function findRepeatedHeader(buf: Buffer, from: number, end: number, header: Buffer): number {
  const isHeaderAt = (s: number): boolean => {
    const e = s + header.length;
    if (e >= end || buf.compare(header, 0, header.length, s, e) !== 0) return false;
    return buf[e] === 10 || (buf[e] === 13 && buf[e + 1] === 10);
  };
  if (isHeaderAt(from)) return from;
  const needle = Buffer.concat([Buffer.from([10]), header]);
  for (let k = buf.indexOf(needle, from); k >= 0 && k < end; k = buf.indexOf(needle, k + 1)) {
    if (isHeaderAt(k + 1)) return k + 1;
  }
  return -1;
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
