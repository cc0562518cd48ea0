/**
 * Reading the lines of a register file into the byte ranges of the columns a preset uses,
 * without a string per cell: each line is cut at the delimiter and each used column's range
 * [start, end) (trimmed of spaces) is handed to a row handler. A line with a quoted field or the
 * wrong number of fields is decoded and split by the CSV rules of csvLine.ts instead, and its
 * fields re-encoded into a scratch buffer, so that the handler reads both kinds the same way.
 */

import { shownHeader } from "../shownHeader.js";
import type { ColumnRule, FileRule } from "./registerPreset.js";
import { normaliseColumnName, splitCsvLine } from "../csvLine.js";
import type { ProblemLog } from "../problemLog.js";
import type { Counts, Header, RowSink, TableSpec } from "../tableReader.js";
import { trimRange } from "./registerBytes.js";

/** The columns of a file that a preset uses, as found in its header. */
export interface FileColumns {
  /** For each rule of the FileRule (same order): its index in the line, or −1 when absent. */
  readonly at: Int32Array;
  /** For each rule: the name it has in the file (or its first name when absent). */
  readonly names: readonly string[];
}

/** Every name the rules accept (the TableSpec's columns for readTable). */
export function fileSpec(file: string, rule: FileRule): TableSpec {
  return { file, columns: rule.columns.flatMap((c) => c.names), required: [] };
}

/** Where each rule's column is in the header (first accepted name present), and the missing required ones. */
export function locateColumns(header: Header, rule: FileRule): { columns: FileColumns; missing: string[] } {
  const at = new Int32Array(rule.columns.length).fill(-1);
  const names: string[] = [];
  const missing: string[] = [];
  rule.columns.forEach((c: ColumnRule, k) => {
    let name = c.names[0];
    for (const n of c.names) {
      const i = header.index.get(n);
      if (i !== undefined) {
        at[k] = i;
        name = n;
        break;
      }
    }
    names.push(name);
    if (at[k] < 0 && c.required) missing.push(c.names.join(" or "));
  });
  for (const group of rule.oneOf ?? []) {
    if (!group.some((n) => header.index.has(n))) missing.push(group.join(" or "));
  }
  return { columns: { at, names }, missing };
}

/**
 * The handler of one row: `st[k]`, `en[k]` are the trimmed byte range of rule k's column in buf
 * (st[k] = −1 when the file lacks it). It updates the counts itself.
 */
export type RowHandler = (buf: Uint8Array, st: Int32Array, en: Int32Array, line: number, counts: Counts) => void;

/**
 * A RowSink for readTable that cuts lines into the used columns and calls `handle`. A whole-file
 * failure (`reject` true) counts every row as rejected without reading it.
 */
export function registerSink(
  header: Header,
  file: string,
  columns: FileColumns,
  log: ProblemLog,
  handle: RowHandler,
  reject = false,
): RowSink {
  const nCols = header.names.length;
  const nRules = columns.at.length;
  // slot of each line column: the rule index reading it, or −1.
  const slot = new Int32Array(nCols).fill(-1);
  for (let k = 0; k < nRules; k++) if (columns.at[k] >= 0) slot[columns.at[k]] = k;
  const st = new Int32Array(nRules);
  const en = new Int32Array(nRules);
  const delim = header.delimiter.charCodeAt(0);
  const stop = new Uint8Array(256);
  stop[delim] = stop[10] = stop[13] = 1;
  let scratch = Buffer.allocUnsafe(1024);

  const resetAbsent = (): void => {
    for (let k = 0; k < nRules; k++) if (columns.at[k] < 0) st[k] = en[k] = -1;
  };

  const slowLine = (text: string, lineNo: number, counts: Counts): void => {
    if (reject) {
      counts.rowsRead++;
      counts.rejected++;
      return;
    }
    const fields = splitCsvLine(text, header.delimiter);
    if (fields === null) {
      counts.rowsRead++;
      counts.rejected++;
      log.add("unclosed_quote", file, lineNo, {});
      return;
    }
    if (fields.length !== nCols) {
      counts.rowsRead++;
      counts.rejected++;
      log.add("field_count", file, lineNo, { n: fields.length, m: nCols });
      return;
    }
    const need = Buffer.byteLength(text) + 16;
    if (scratch.length < need) scratch = Buffer.allocUnsafe(Math.max(need, scratch.length * 2));
    resetAbsent();
    let p = 0;
    for (let c = 0; c < nCols; c++) {
      const k = slot[c];
      if (k < 0) continue;
      const n = scratch.write(fields[c], p, "utf8");
      const [s, e] = trimRange(scratch, p, p + n);
      st[k] = s;
      en[k] = e;
      p += n;
    }
    handle(scratch, st, en, lineNo, counts);
  };

  return {
    line: slowLine,
    piece(buf: Buffer, start: number, end: number, firstLine: number, counts: Counts): number {
      let p = start;
      let line = firstLine - 1;
      resetAbsent();
      while (p < end) {
        line++;
        const c0 = buf[p];
        if (c0 === 10 || (c0 === 13 && buf[p + 1] === 10)) {
          counts.blankLines++;
          p += c0 === 10 ? 1 : 2;
          continue;
        }
        // Cut the line at the delimiter; a quote or a wrong field count goes the slow way.
        const lineStart = p;
        let c = 0;
        let ok = !reject;
        let s = p;
        for (;;) {
          const ch = buf[p];
          // One table load per byte; only the delimiter and line breaks go further (every piece
          // ends with a line break: chunks.ts).
          if (stop[ch] === 0) {
            p++;
            continue;
          }
          if (ch === delim || ch === 10 || (ch === 13 && buf[p + 1] === 10) || p >= end) {
            if (c < nCols) {
              const k = slot[c];
              if (k >= 0) {
                let a = s;
                let b = p;
                while (a < b && (buf[a] === 32 || buf[a] === 9)) a++;
                while (b > a && (buf[b - 1] === 32 || buf[b - 1] === 9)) b--;
                if (buf[a] === 34) ok = false;
                st[k] = a;
                en[k] = b;
              }
            }
            c++;
            if (ch !== delim) break;
            s = p + 1;
          }
          p++;
        }
        const lineEnd = p;
        p = buf[p] === 13 ? p + 2 : p + 1;
        if (ok && c === nCols) {
          handle(buf, st, en, line, counts);
        } else {
          slowLine(buf.toString("utf8", lineStart, lineEnd), line, counts);
          resetAbsent();
        }
      }
      return line - firstLine + 1;
    },
  };
}

/** The header's column names as found (for the wrong-shape message). */
export function headerNames(header: Header): string {
  return shownHeader(header.names.map(normaliseColumnName));
}
