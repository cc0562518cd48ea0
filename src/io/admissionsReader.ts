/**
 * Reading admissions.csv into the columnar ContactTable.
 *
 * Fast path (default): each piece of whole lines is scanned byte by byte (admissionsFastRow.ts:
 * dates, times, costs and codes read from the bytes, text through caches of what the shared field
 * rules made of each distinct byte sequence; no object or string is built per row).
 * Any row the fast path does not fully accept — a quoted field, an unusual but maybe valid form
 * (spaces, lower case dates …), a failing rule, a row rule, a skipped-DST-hour time — is handed
 * to the row path: the line is decoded, split and parsed by the zod schema (which calls the same
 * field rules), so problems always come from one place. Both paths append through the same
 * ContactBuilder (dictionaries, duplicate index), so they produce identical tables.
 * With `workers` > 1, a plain file is parsed by worker threads (io/parallel/), which hand every
 * line they do not accept back to this row path; any failure there falls back to one thread.
 */

import type { ContactTable } from "../contract/tables.js";
import { formatLocalMinutes } from "../contract/time.js";
import { ADMISSION_TYPE_CODE, CONTACT_TYPE_CODE, SEX_CODE, isSkippedHour, referralCode } from "../contract/fields.js";
import { ADMISSIONS_COLUMNS, ADMISSIONS_REQUIRED, makeAdmissionsSchema } from "../contract/schemas/admissionsSchema.js";
import type { AdmissionsRecord } from "../contract/schemas/admissionsSchema.js";
import { makeFastRow, scanLines } from "./admissionsFastRow.js";
import { meanLineBytes, plainSize } from "./chunks.js";
import { ContactBuilder, PATIENTS_PER_ROW } from "./contactBuilder.js";
import type { PatientOrder } from "../contract/patientOrder.js";
import { DeferredLog } from "./parallel/deferredLog.js";
import { readAdmissionsInParallel } from "./parallel/parallelAdmissions.js";
import { autoWorkers } from "./parallel/workerCount.js";
import type { ProblemLog } from "./problemLog.js";
import { parseLine } from "./rowSink.js";
import { readTable } from "./tableReader.js";
import type { Counts, Header, ReadResult, RowSink, TableSpec } from "./tableReader.js";

export interface AdmissionsReadOptions {
  /** Municipality codes of the geography; undefined = do not check. */
  readonly municipalities: ReadonlySet<number> | undefined;
  readonly allowCprLikeIds: boolean;
  /** Use the byte-level fast path (default true); false = zod row path for every row. */
  readonly fastPath: boolean;
  /** Bytes read per chunk (default chunks.ts CHUNK); with workers, also the size of a worker's byte range. */
  readonly chunkSize?: number;
  /** Worker threads parsing a plain file (1: none, the file is read on this thread; default: `autoWorkers` by the file's size). */
  readonly workers?: number;
}

export interface AdmissionsResult {
  readonly read: ReadResult;
  readonly table: ContactTable;
  /** Patient id → patient index (for deaths.csv). */
  readonly patientIndex: { get(id: string): number | undefined };
  /** The rows grouped by patient and ordered by admission, when already at hand (for the overlap check). */
  readonly byPatient: PatientOrder | null;
}

export function admissionsSpec(file: string): TableSpec {
  return { file, columns: ADMISSIONS_COLUMNS, required: ADMISSIONS_REQUIRED };
}

/**
 * The table being built and the row path of one read of admissions: every row the fast path
 * does not accept is parsed here, on the main thread, so its problems keep file, line and column.
 */
export interface AdmissionsRows {
  readonly builder: ContactBuilder;
  /** The row path of a file with this header: one line (decoded, without its line break). */
  rowPath(header: Header): (text: string, lineNo: number, counts: Counts) => void;
}

/** The builder, the row path and what is logged once all rows are in (see `finishAdmissions`). */
interface RowState extends AdmissionsRows {
  readonly file: string;
  /** Warnings of accepted rows of the row path that may still turn out to be duplicates. */
  readonly pendingDst: { line: number; column: string; at: number }[];
}

function admissionsRows(file: string, options: AdmissionsReadOptions, log: ProblemLog): RowState {
  const spec = admissionsSpec(file);
  const builder = new ContactBuilder(1 << 12);
  const schema = makeAdmissionsSchema({
    ...(options.municipalities === undefined ? {} : { municipalities: options.municipalities }),
    allowCprLikeIds: options.allowCprLikeIds,
  });
  // Warnings of accepted rows that may still turn out to be duplicates: logged after the
  // duplicate check (only rows of the row path have them: the fast path hands such rows over).
  const pendingDst: RowState["pendingDst"] = [];

  const acceptRecord = (v: AdmissionsRecord, line: number, counts: Counts): void => {
    builder.push(
      builder.patients.id(v.patient_id),
      v.birth_date,
      SEX_CODE[v.sex],
      v.municipality_code,
      v.hospital === null ? -1 : builder.hospitals.id(v.hospital),
      v.admitted_at,
      v.discharged_at,
      ADMISSION_TYPE_CODE[v.admission_type],
      CONTACT_TYPE_CODE[v.contact_type],
      builder.diagnoses.id(v.primary_diagnosis),
      referralCode(v.referral_source),
      v.cost_dkk,
      line,
    );
    counts.accepted++;
    if (isSkippedHour(v.admitted_at)) pendingDst.push({ line, column: "admitted_at", at: v.admitted_at });
    if (isSkippedHour(v.discharged_at)) pendingDst.push({ line, column: "discharged_at", at: v.discharged_at });
  };

  const rowPath = (header: Header) => (text: string, lineNo: number, counts: Counts): void => {
    counts.rowsRead++;
    const parsed = parseLine(text, lineNo, header, spec, schema, log);
    if (parsed === null) counts.rejected++;
    else acceptRecord(parsed, lineNo, counts);
  };
  return { file, builder, pendingDst, rowPath };
}

/** Read admissions.csv (or .csv.gz) at `path` into a ContactTable, logging every problem. */
export async function readAdmissions(
  path: string,
  file: string,
  options: AdmissionsReadOptions,
  log: ProblemLog,
): Promise<AdmissionsResult> {
  const spec = admissionsSpec(file);
  const workers = options.workers ?? autoWorkers(await plainSize(path).catch(() => null));
  if (workers > 1 && options.fastPath) {
    // Problems of the parallel read are held back until it has succeeded: a failure falls back
    // to one thread, which reads (and reports) the whole file again.
    const staged = new DeferredLog(log);
    const rows = admissionsRows(file, options, staged);
    const read = await readAdmissionsInParallel(path, spec, rows, staged, { ...options, workers }).catch(() => null);
    if (read !== null) {
      staged.replay();
      return finishAdmissions(rows, read, log);
    }
  }
  const rows = admissionsRows(file, options, log);
  const { builder } = rows;
  const size = await plainSize(path).catch(() => null);
  const meanLine = size === null ? null : await meanLineBytes(path, size).catch(() => null);
  let sized = false;

  const makeSink = (header: Header): RowSink => {
    const slowLine = rows.rowPath(header);
    if (!options.fastPath) return { line: slowLine };
    const fastRow = makeFastRow(header, builder, options);
    return {
      line: slowLine,
      piece(buf: Buffer, start: number, end: number, firstLine: number, counts: Counts): number {
        if (!sized) {
          sized = true;
          // Size the columns once from the file size and the mean line length (sampled over the
          // whole file; 2 % margin), so they are neither grown nor copied at the end.
          if (size !== null && meanLine !== null) {
            const rows = (size / meanLine) * 1.02 + 1024;
            builder.reserve(rows);
            // Patient ids: sized for 0.3 per row (about three contacts per patient; the table
            // grows beyond that). A larger table is slower to look up in, not faster: on ten
            // national years (5.4 million patients, 16.6 million rows) 0.6 per row gave a table
            // twice as large and a load about 4 % slower.
            builder.patients.reserve(rows * PATIENTS_PER_ROW);
          }
        }
        return scanLines(buf, start, end, firstLine, counts, fastRow, (b, s, e, line) => {
          counts.rowPath++;
          slowLine(b.toString("utf8", s, e), line, counts);
        });
      },
    };
  };

  const read = await readTable(path, spec, log, makeSink, options.chunkSize);
  return finishAdmissions(rows, read, log);
}

/** Once all rows are in: exact duplicates removed and reported, then the held-back warnings. */
function finishAdmissions(rows: RowState, read: ReadResult, log: ProblemLog): AdmissionsResult {
  const { builder, file, pendingDst } = rows;
  // Exact duplicates: counted once, each later copy reported (in line order).
  const dups = builder.removeDuplicates();
  const dupLines = new Set<number>();
  for (let i = 0; i < dups.lines.length; i++) {
    const line = dups.lines[i];
    const ref = dups.refs[i];
    dupLines.add(line);
    read.counts.accepted--;
    read.counts.duplicates++;
    log.add("duplicate_row", file, line, { lineRef: ref, expected: "a unique row", found: `line ${ref}` });
  }
  const where = "a time that exists in Europe/Copenhagen";
  for (const w of pendingDst) {
    if (dupLines.has(w.line)) continue;
    log.add("skipped_dst_hour", file, w.line, { column: w.column, found: formatLocalMinutes(w.at), expected: where });
  }
  // The grouping by patient is handed on: the loader puts the rows in that order (rowsByPatient.ts),
  // checks overlaps in it and then drops it.
  const table = builder.finish();
  const byPatient = builder.byPatient;
  return { read, table, patientIndex: builder.patients, byPatient };
}
