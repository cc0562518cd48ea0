/**
 * The byte-level fast path of deaths.csv: a line `patient_id,died_at` whose id is plain (as the
 * admissions fast path reads it: printable ASCII, no space, no CPR-shaped number — the shared rule
 * keeps it unchanged) and whose date is `YYYY-MM-DD` or `YYYY-MM-DD[T ]HH:MM[:SS]` is read from
 * the file's bytes, its id looked up in the contacts' dictionary by its bytes. Every other line
 * goes to the row path, which reports its problems; the result is the row path's, line for line
 * (tests/io/smallTablesFast.test.ts). On ten national years (528,446 deaths) the row path took
 * about 0.9 s of the load, most of it making and matching strings.
 */

import { MINUTES_PER_DAY } from "../contract/time.js";
import { dateAt, dateTimeAt, lineEnd, plainId, scanLines } from "./admissionsFastRow.js";
import { fnvBytes, type ByteKeyedDictionary } from "./dictionary.js";
import type { Counts, Header, RowOutcome, RowSink } from "./tableReader.js";

/** What the fast path does with a line it has read. */
export interface DeathLine {
  /** A known patient (index p) not seen before in the file: record the death; false = seen (the row path decides). */
  readonly known: (p: number, day: number, line: number) => boolean;
  /** Any other death: the record as the row path makes it. */
  readonly record: (patientId: string, day: number, line: number) => RowOutcome;
}

/**
 * The `piece` reader of deaths.csv with this header, or null when the header is not the plain
 * two columns (the row path reads the file).
 *
 * @example
 * const piece = deathsPiece(header, patients, false, handlers, rowSink.line);
 */
export function deathsPiece(header: Header, patients: ByteKeyedDictionary, allowCprLikeIds: boolean, on: DeathLine, rowLine: RowSink["line"]): RowSink["piece"] | null {
  const idCol = header.index.get("patient_id");
  const dayCol = header.index.get("died_at");
  if (header.names.length !== 2 || idCol === undefined || dayCol === undefined) return null;
  const delim = header.delimiter.charCodeAt(0);
  const idFirst = idCol === 0;

  /** Line at p: the start of the next line, or −1 for the row path. */
  const row = (buf: Buffer, p: number, line: number, counts: Counts): number => {
    let idS = -1;
    let idE = -1;
    let day = Number.NaN;
    for (let c = 0; c < 2; c++) {
      if ((c === 0) === idFirst) {
        idS = p;
        let ch = buf[p];
        while (ch !== delim && ch !== 10 && ch !== 13 && ch !== 34) ch = buf[++p];
        if (ch === 34 || !plainId(buf, idS, p, allowCprLikeIds)) return -1;
        idE = p;
      } else {
        const s = p;
        while (p < buf.length && buf[p] !== delim && buf[p] !== 10 && buf[p] !== 13) p++;
        const len = p - s;
        if (len === 10) day = dateAt(buf, s);
        else if (len === 16 || (len === 19 && buf[s + 16] === 58)) day = Math.floor(dateTimeAt(buf, s) / MINUTES_PER_DAY);
        if (day !== day) return -1;
      }
      if (c === 0 && buf[p++] !== delim) return -1;
    }
    const next = lineEnd(buf, p);
    if (next < 0) return -1;
    counts.rowsRead++;
    const pat = patients.find(buf, idS, idE, fnvBytes(buf, idS, idE));
    if (pat >= 0 && on.known(pat, day, line)) {
      counts.accepted++;
      return next;
    }
    const outcome = on.record(buf.toString("latin1", idS, idE), day, line);
    if (outcome === "accepted") counts.accepted++;
    else if (outcome === "duplicate") counts.duplicates++;
    else counts.rejected++;
    return next;
  };

  return (buf, start, end, firstLine, counts) => scanLines(buf, start, end, firstLine, counts, row, (b, s, e, line) => rowLine(b.toString("utf8", s, e), line, counts));
}
