/**
 * What one parser thread does with one byte range of admissions.csv: read it, parse the plain,
 * well-formed rows with the fast path into typed columns and local dictionaries, and hand every
 * other line back as text by its line number in the range (the main thread reads those with the
 * row path, so each problem is reported there with its file, line and column).
 */

import { isUtf8 } from "node:buffer";
import { makeFastRow, scanLines } from "../admissionsFastRow.js";
import { ContactBuilder, type ContactColumns } from "../contactBuilder.js";
import { openRegular } from "../regularFile.js";
import { newCounts, type Header } from "../tableReader.js";

/** The same for every range of a file (a worker's workerData). */
export interface RangeSetup {
  readonly path: string;
  readonly header: Header;
  /** Municipality codes of the geography; null = do not check. */
  readonly municipalities: readonly number[] | null;
  readonly allowCprLikeIds: boolean;
  /** The longest line read (chunks.ts MAX_LINE_BYTES). */
  readonly maxLineBytes: number;
}

/** One range: bytes [start, end) of the file, whole lines; `index` = its place in the file. */
export interface RangeTask {
  readonly index: number;
  readonly start: number;
  readonly end: number;
}

/** A parsed range. Line numbers are the range's own (its first line is 1). */
export interface RangeRows {
  readonly ok: true;
  readonly index: number;
  /** Lines in the range. */
  readonly lines: number;
  readonly blankLines: number;
  /** Rows accepted by the fast path (the first `length` entries of each column). */
  readonly length: number;
  /** Columns with text as the range's own dictionary indexes; line numbers the range's own. */
  readonly columns: ContactColumns;
  /** The range's patient ids (runs of rows, not distinct): value i is bytes [offs[i], offs[i + 1]), FNV-1a hash hashes[i]. */
  readonly patients: { readonly bytes: Uint8Array; readonly offs: Int32Array; readonly hashes: Int32Array };
  readonly hospitals: readonly string[];
  readonly diagnoses: readonly string[];
  /** Lines handed back to the row path, in line order, and their text (without line break). */
  readonly otherLines: Int32Array;
  readonly otherTexts: readonly string[];
}

/** A range the fast path cannot take on (not UTF-8, a line over the limit): the file is read on one thread. */
export interface RangeFailure {
  readonly ok: false;
  readonly index: number;
  readonly reason: string;
}

/** Whether some line of buf[0, end) is longer than `max` bytes. */
function hasLongLine(buf: Buffer, end: number, max: number): boolean {
  for (let p = 0; p < end; ) {
    let nl = buf.indexOf(10, p);
    if (nl < 0 || nl >= end) nl = end;
    if (nl - p > max) return true;
    p = nl + 1;
  }
  return false;
}

/**
 * Read buffers kept for the next ranges of this thread (a thread holds at most two ranges at once,
 * RangePool). A range's ~8 MiB buffer is its largest allocation; allocated afresh for every range
 * it is, under a fixed mmap threshold (bin/klynge.cjs), a new mapping whose pages the kernel must
 * zero on first touch each time.
 */
const freeBuffers: Buffer[] = [];
const KEEP_BUFFERS = 2;
const BUFFER_STEP = 1 << 16;

/** A buffer of at least n bytes: a kept one if one is large enough, else a new one with room to spare for the next range. */
function takeReadBuffer(n: number): Buffer {
  const i = freeBuffers.findIndex((b) => b.length >= n);
  if (i >= 0) return freeBuffers.splice(i, 1)[0];
  return Buffer.allocUnsafe((Math.ceil(n / BUFFER_STEP) + 1) * BUFFER_STEP);
}

function giveBackReadBuffer(b: Buffer): void {
  if (freeBuffers.length < KEEP_BUFFERS) freeBuffers.push(b);
}

/**
 * Parse one range of the file.
 *
 * @example
 * const r = await parseRange(setup, { index: 0, start: 120, end: 8_388_731 });
 * if (r.ok) console.log(r.length, r.otherLines.length);
 */
export async function parseRange(setup: RangeSetup, task: RangeTask): Promise<RangeRows | RangeFailure> {
  const size = task.end - task.start;
  // One byte more: a file's last line without a line break gets one (the scanner's sentinel).
  const whole = takeReadBuffer(size + 1);
  try {
    return await parseInto(whole.subarray(0, size + 1), setup, task);
  } finally {
    // nothing returned refers to the buffer: other lines are copied out as strings
    giveBackReadBuffer(whole);
  }
}

/** parseRange with its read buffer (size + 1 bytes). */
async function parseInto(buf: Buffer, setup: RangeSetup, task: RangeTask): Promise<RangeRows | RangeFailure> {
  const size = task.end - task.start;
  const fh = await openRegular(setup.path);
  try {
    for (let got = 0; got < size; ) {
      const { bytesRead } = await fh.read(buf, got, size - got, task.start + got);
      if (bytesRead === 0) return { ok: false, index: task.index, reason: "file shrank" };
      got += bytesRead;
    }
  } finally {
    await fh.close();
  }
  if (!isUtf8(buf.subarray(0, size))) return { ok: false, index: task.index, reason: "not UTF-8" };
  let end = size;
  if (end > 0 && buf[end - 1] !== 10) buf[end++] = 10;
  if (end > setup.maxLineBytes && hasLongLine(buf, end, setup.maxLineBytes)) return { ok: false, index: task.index, reason: "line too long" };
  let lines = 0;
  for (let p = buf.indexOf(10, 0); p >= 0 && p < end; p = buf.indexOf(10, p + 1)) lines++;

  // Patient ids as runs: a new entry whenever the id is not the previous row's, with its hash; the
  // merge looks each up once in the table's dictionary (a range-local table as well would look
  // every id up twice on a file not grouped by patient).
  const builder = new ContactBuilder(lines + 16, true);
  const fastRow = makeFastRow(setup.header, builder, {
    municipalities: setup.municipalities === null ? undefined : new Set(setup.municipalities),
    allowCprLikeIds: setup.allowCprLikeIds,
  });
  const counts = newCounts();
  const otherLines: number[] = [];
  const otherTexts: string[] = [];
  const read = scanLines(buf, 0, end, 1, counts, fastRow, (b, s, e, line) => {
    otherLines.push(line);
    otherTexts.push(b.toString("utf8", s, e));
  });
  const b = builder;
  return {
    ok: true,
    index: task.index,
    lines: read,
    blankLines: counts.blankLines,
    length: b.length,
    columns: {
      patient: b.patient,
      birthDate: b.birthDate,
      sex: b.sex,
      municipality: b.municipality,
      hospital: b.hospital,
      admittedAt: b.admittedAt,
      dischargedAt: b.dischargedAt,
      acute: b.acute,
      inpatient: b.inpatient,
      diagnosis: b.diagnosis,
      referral: b.referral,
      cost: b.cost,
      sourceLine: b.sourceLine,
    },
    patients: b.patients.keyBytes(),
    hospitals: b.hospitals.list,
    diagnoses: b.diagnoses.list,
    otherLines: Int32Array.from(otherLines),
    otherTexts,
  };
}

/** The buffers of a parsed range, moved (not copied) to the main thread. */
export function transferables(r: RangeRows): ArrayBuffer[] {
  const c = r.columns;
  return [
    c.patient, c.birthDate, c.sex, c.municipality, c.hospital, c.admittedAt, c.dischargedAt,
    c.acute, c.inpatient, c.diagnosis, c.referral, c.cost, c.sourceLine,
    r.patients.bytes, r.patients.offs, r.patients.hashes, r.otherLines,
  ].map((a) => a.buffer as ArrayBuffer);
}
