/**
 * The row path shared by every table: split the line, check the field count, build the record of
 * contract columns, parse it with the table's zod schema, log issues. Accepted records go to
 * `onRecord`, which decides accepted/duplicate/rejected (e.g. duplicated keys).
 */

import type { z } from "zod";
import { splitCsvLine } from "./csvLine.js";
import type { ProblemLog } from "./problemLog.js";
import type { Counts, Header, RowOutcome, RowSink, TableSpec } from "./tableReader.js";
import { logIssues } from "./zodIssues.js";

/** Split a line and build the record of contract columns; logs and returns null when it cannot. */
export function recordOfLine(
  text: string,
  lineNo: number,
  header: Header,
  spec: TableSpec,
  log: ProblemLog,
): Record<string, string> | null {
  const fields = splitCsvLine(text, header.delimiter);
  if (fields === null) {
    log.add("unclosed_quote", spec.file, lineNo, { expected: "a closing quote" });
    return null;
  }
  if (fields.length !== header.names.length) {
    log.add("field_count", spec.file, lineNo, {
      n: fields.length,
      m: header.names.length,
      expected: String(header.names.length),
      found: String(fields.length),
    });
    return null;
  }
  const record: Record<string, string> = {};
  for (const [col, i] of header.index) record[col] = fields[i];
  return record;
}

/**
 * The row path of one line: split, build the record, parse it with `schema`; every problem is
 * logged with the line (and column) and null returned, else the parsed record.
 *
 * @example
 * const v = parseLine(text, 7, header, spec, schema, log); // null: rejected, problems logged
 */
export function parseLine<S extends z.ZodType>(
  text: string,
  lineNo: number,
  header: Header,
  spec: TableSpec,
  schema: S,
  log: ProblemLog,
): z.output<S> | null {
  const record = recordOfLine(text, lineNo, header, spec, log);
  if (record === null) return null;
  const r = schema.safeParse(record);
  if (!r.success) {
    logIssues(r.error.issues, spec.file, lineNo, log);
    return null;
  }
  return r.data;
}

/**
 * A columnar fast path of a table's schema: the record the schema would give for the fields of a
 * plain line (split at the delimiter; `col[name]` = index of a contract column), or null when
 * any field rule or row rule fails (the line then goes through the zod schema, which reports).
 * It must call the same field rules as the schema, so the two agree on every line.
 */
export type FastRecord<T> = (fields: readonly string[], col: Readonly<Record<string, number>>) => T | null;

/**
 * A RowSink that parses each line with `schema` and hands valid records to `onRecord`. With
 * `fast`, a line without quotes is first read by the fast path; only lines it refuses meet zod.
 */
export function zodRowSink<S extends z.ZodType>(
  spec: TableSpec,
  header: Header,
  schema: S,
  log: ProblemLog,
  onRecord: (record: z.output<S>, lineNo: number) => RowOutcome,
  fast?: FastRecord<z.output<S>>,
): RowSink {
  const col: Record<string, number> = {};
  for (const [c, i] of header.index) col[c] = i;
  const nFields = header.names.length;
  const delim = header.delimiter;
  return {
    line(text: string, lineNo: number, counts: Counts): void {
      counts.rowsRead++;
      if (fast !== undefined && text.indexOf('"') < 0) {
        // No quote: splitting at the delimiter is what splitCsvLine does.
        const fields = text.split(delim);
        if (fields.length === nFields) {
          const rec = fast(fields, col);
          if (rec !== null) {
            const outcome = onRecord(rec, lineNo);
            if (outcome === "accepted") counts.accepted++;
            else if (outcome === "duplicate") counts.duplicates++;
            else counts.rejected++;
            return;
          }
        }
      }
      const parsed = parseLine(text, lineNo, header, spec, schema, log);
      if (parsed === null) {
        counts.rejected++;
        return;
      }
      const outcome = onRecord(parsed, lineNo);
      if (outcome === "accepted") counts.accepted++;
      else if (outcome === "duplicate") counts.duplicates++;
      else counts.rejected++;
    },
  };
}
