/**
 * The byte-level fast path of admissions.csv: one row at a time, straight from the file's bytes
 * into a ContactBuilder. Dates and times are read digit by digit into Int32 values (via the shared
 * `dayFromParts` / `minutesFromParts`), the cost by exact integer arithmetic, the municipality as
 * three digits, and every text column through a cache of what the shared field rule of
 * contract/fields.ts made of each distinct byte sequence (a hashed ByteDictionary for patient ids,
 * diagnoses and hospitals; a linear SmallByteCache for the code columns). A row it does not fully
 * accept is handed back (−1) for the row path, which reports its problems. Used by the main
 * thread's reader (admissionsReader.ts) and by the parallel loader's workers (io/parallel/).
 */

import { MISSING } from "../contract/time.js";
import {
  ADMISSION_TYPE_CODE,
  CONTACT_TYPE_CODE,
  SEX_CODE,
  dayFromParts,
  isBirthAfterAdmission,
  isDischargeBeforeAdmission,
  isSkippedHour,
  minutesFromParts,
  parseAdmissionType,
  parseContactType,
  parseDiagnosis,
  parseOptionalText,
  parsePatientId,
  parseReferralSource,
  parseSex,
  referralCode,
} from "../contract/fields.js";
import { ADMISSIONS_COLUMNS } from "../contract/schemas/admissionsSchema.js";
import type { ContactBuilder } from "./contactBuilder.js";
import { ByteDictionary, CELL_INVALID, CELL_NONE, CELL_PENDING, FNV_OFFSET, FNV_PRIME, SmallByteCache, registeredIndex } from "./dictionary.js";
import type { Counts, Header } from "./tableReader.js";

/** What the fast path needs to know besides the header. */
export interface FastRowOptions {
  /** Municipality codes of the geography; undefined = do not check. */
  readonly municipalities: ReadonlySet<number> | undefined;
  readonly allowCprLikeIds: boolean;
}

/**
 * Parse one row starting at byte p of buf (the piece ends with a line break) into the builder;
 * returns the start of the next line, or −1 when the line is to go through the row path.
 */
export type FastRow = (buf: Buffer, p: number, line: number, counts: Counts) => number;

// Column kinds of the fast path.
const K_SKIP = 0;
const K_PATIENT = 1;
const K_BIRTH = 2;
const K_SEX = 3;
const K_MUNI = 4;
const K_HOSP = 5;
const K_ADM = 6;
const K_DIS = 7;
const K_ATYPE = 8;
const K_CTYPE = 9;
const K_DIAG = 10;
const K_REF = 11;
const K_COST = 12;
const KIND: Readonly<Record<(typeof ADMISSIONS_COLUMNS)[number], number>> = {
  patient_id: K_PATIENT,
  birth_date: K_BIRTH,
  sex: K_SEX,
  municipality_code: K_MUNI,
  hospital: K_HOSP,
  admitted_at: K_ADM,
  discharged_at: K_DIS,
  admission_type: K_ATYPE,
  contact_type: K_CTYPE,
  primary_diagnosis: K_DIAG,
  referral_source: K_REF,
  cost_dkk: K_COST,
};

// ByteDictionary values: ≥ 0 a code or a registered index; PENDING = valid, not yet registered
// (canonical string in `str`); NONE = valid "not given"; INVALID = the rule failed.
const PENDING = CELL_PENDING;
const INVALID = CELL_INVALID;
const NONE = CELL_NONE;
const ENUM_INVALID = -100;

const POW10 = [1, 10, 100, 1000, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15];

/** Two ASCII digits at p → 0–99, or −1. (Reads past a buffer's end give undefined → −1.) */
function d2(buf: Buffer, p: number): number {
  const a = buf[p];
  const b = buf[p + 1];
  return a >= 48 && a <= 57 && b >= 48 && b <= 57 ? (a - 48) * 10 + (b - 48) : -1;
}

/** A date YYYY-MM-DD at p → days, or NaN (what DATE_RE and dayFromParts accept). */
export function dateAt(buf: Buffer, p: number): number {
  const y1 = d2(buf, p);
  const y2 = d2(buf, p + 2);
  const m = d2(buf, p + 5);
  const d = d2(buf, p + 8);
  if (y1 < 0 || y2 < 0 || m < 0 || d < 0 || buf[p + 4] !== 45 || buf[p + 7] !== 45) return NaN;
  return dayFromParts(y1 * 100 + y2, m, d);
}

/** A date-time YYYY-MM-DD[T ]HH:MM[:SS] at p → local minutes, or NaN. Length: 19 if buf[p+16] is ":", else 16. */
export function dateTimeAt(buf: Buffer, p: number): number {
  const y1 = d2(buf, p);
  const y2 = d2(buf, p + 2);
  const mo = d2(buf, p + 5);
  const d = d2(buf, p + 8);
  const t = buf[p + 10];
  const hh = d2(buf, p + 11);
  const mi = d2(buf, p + 14);
  if (y1 < 0 || y2 < 0 || mo < 0 || d < 0 || hh < 0 || mi < 0) return NaN;
  if (buf[p + 4] !== 45 || buf[p + 7] !== 45 || (t !== 84 && t !== 32) || buf[p + 13] !== 58) return NaN;
  let ss = 0;
  if (buf[p + 16] === 58) {
    ss = d2(buf, p + 17);
    if (ss < 0) return NaN;
  }
  return minutesFromParts(y1 * 100 + y2, mo, d, hh, mi, ss);
}

/** After a row's last field at p: the start of the next line when a line break ("\n" or "\r\n") follows, else −1. */
export function lineEnd(buf: Buffer, p: number): number {
  if (buf[p] === 10) return p + 1;
  return buf[p] === 13 && buf[p + 1] === 10 ? p + 2 : -1;
}

/**
 * True when bytes [s, e) are a patient id that the shared rule (parsePatientId) accepts unchanged,
 * seen without making a string: non-empty printable ASCII with no space, and (unless CPR-shaped
 * ids are allowed) fewer than 9 digits, so that it cannot contain a CPR-shaped number (9 digits
 * can be one: a day's leading zero lost, contract/personNumber.ts). Other ids
 * go through the rule itself.
 *
 * @example
 * plainId(Buffer.from("p7f3a0c21"), 0, 9, false); // true
 */
export function plainId(buf: Uint8Array, s: number, e: number, allowCprLikeIds: boolean): boolean {
  if (e <= s) return false;
  let digits = 0;
  for (let i = s; i < e; i++) {
    const b = buf[i];
    if (b <= 0x20 || b >= 0x7f) return false;
    if (b >= 48 && b <= 57) digits++;
  }
  return allowCprLikeIds || digits < 9;
}

/**
 * The fast row parser of a file with this header, appending accepted rows to `builder` (its
 * dictionaries register text values in the order rows are accepted, as the row path does).
 *
 * @example
 * const fastRow = makeFastRow(header, builder, { municipalities: undefined, allowCprLikeIds: false });
 * const next = fastRow(buf, 0, 2, counts); // −1: hand line 2 to the row path
 */
export function makeFastRow(header: Header, builder: ContactBuilder, options: FastRowOptions): FastRow {
  const nCols = header.names.length;
  const kinds = new Int8Array(nCols);
  for (const [col, i] of header.index) kinds[i] = KIND[col as keyof typeof KIND];
  const delim = header.delimiter.charCodeAt(0);
  const known = new Uint8Array(1000);
  const checkMuni = options.municipalities !== undefined;
  if (options.municipalities !== undefined) for (const m of options.municipalities) if (m >= 0 && m < 1000) known[m] = 1;
  const allowCpr = options.allowCprLikeIds;
  const patients = builder.patients;
  // The previous row's patient (index whose key bytes equal its raw bytes), or −1.
  let prevPat = -1;
  let prevPatH = 0;
  const dDiag = new ByteDictionary();
  const dHosp = new ByteDictionary();
  const small: SmallByteCache[] = [];
  for (const k of [K_SEX, K_ATYPE, K_CTYPE, K_REF]) small[k] = new SmallByteCache(64);

  /** What the shared rule makes of a new text value of a column: [value, canonical string]. */
  const resolve = (kind: number, text: string): [number, string | undefined] => {
    switch (kind) {
      case K_HOSP: {
        const r = parseOptionalText(text);
        return r.ok ? (r.value === null ? [NONE, undefined] : [PENDING, r.value]) : [INVALID, undefined];
      }
      case K_DIAG: {
        const r = parseDiagnosis(text);
        return r.ok ? [PENDING, r.value] : [INVALID, undefined];
      }
      case K_SEX: {
        const r = parseSex(text);
        return [r.ok ? SEX_CODE[r.value] : ENUM_INVALID, undefined];
      }
      case K_ATYPE: {
        const r = parseAdmissionType(text);
        return [r.ok ? ADMISSION_TYPE_CODE[r.value] : ENUM_INVALID, undefined];
      }
      case K_CTYPE: {
        const r = parseContactType(text);
        return [r.ok ? CONTACT_TYPE_CODE[r.value] : ENUM_INVALID, undefined];
      }
      default: {
        const r = parseReferralSource(text);
        return [r.ok ? referralCode(r.value) : ENUM_INVALID, undefined];
      }
    }
  };
  const dictOf = (kind: number): ByteDictionary => (kind === K_DIAG ? dDiag : dHosp);

  /** Entry of the token [s, e) with hash h in the column's dictionary (added when new). */
  const entryOf = (kind: number, buf: Buffer, s: number, e: number, h: number): number => {
    const dict = dictOf(kind);
    const found = dict.find(buf, s, e, h);
    if (found >= 0) return found;
    const [value, str] = resolve(kind, buf.toString("utf8", s, e));
    return dict.add(buf, s, e, h, value, str);
  };

  /** Parse one row at p; returns the start of the next line, or −1 to hand the line to the row path. */
  const fastRow = (buf: Buffer, p: number, line: number, counts: Counts): number => {
    let vPat = -1;
    let newPatS = 0;
    let newPatE = 0;
    let patH = 0;
    let newPatByBytes = false;
    let newPatAscii = false;
    let newPat: string | undefined;
    let eHosp = -1;
    let eDiag = -1;
    let vBirth = 0;
    let vSex = 0;
    let vMuni = 0;
    let vAdm = 0;
    let vDis = MISSING;
    let vAty = 0;
    let vCty = 0;
    let vRef = -1;
    let vCost = NaN;
    const last = nCols - 1;
    for (let c = 0; c <= last; c++) {
      const k = kinds[c];
      if (k === K_ADM || k === K_DIS) {
        const b = buf[p];
        if (k === K_DIS && (b === delim || b === 10 || b === 13)) {
          vDis = MISSING;
        } else {
          const v = dateTimeAt(buf, p);
          if (v !== v) return -1;
          p += buf[p + 16] === 58 ? 19 : 16;
          if (k === K_ADM) vAdm = v;
          else vDis = v;
        }
      } else if (k === K_BIRTH) {
        const v = dateAt(buf, p);
        if (v !== v) return -1;
        vBirth = v;
        p += 10;
      } else if (k === K_MUNI) {
        const a = buf[p];
        const b = buf[p + 1];
        const d = buf[p + 2];
        if (!(a >= 48 && a <= 57 && b >= 48 && b <= 57 && d >= 48 && d <= 57)) return -1;
        vMuni = (a - 48) * 100 + (b - 48) * 10 + (d - 48);
        if (checkMuni && known[vMuni] === 0) return -1;
        p += 3;
      } else if (k === K_COST) {
        let ch = buf[p];
        if (ch === delim || ch === 10 || ch === 13) {
          vCost = NaN;
        } else {
          let n = 0;
          let digits = 0;
          while (ch >= 48 && ch <= 57) {
            n = n * 10 + (ch - 48);
            digits++;
            ch = buf[++p];
          }
          if (digits === 0) return -1;
          let k10 = 0;
          if (ch === 46 || (ch === 44 && delim !== 44)) {
            ch = buf[++p];
            while (ch >= 48 && ch <= 57) {
              n = n * 10 + (ch - 48);
              k10++;
              ch = buf[++p];
            }
            if (k10 === 0) return -1;
          }
          if (digits + k10 > 15) return -1;
          vCost = k10 === 0 ? n : n / POW10[k10];
        }
      } else if (k === K_PATIENT || k === K_DIAG || k === K_HOSP || k === K_SKIP) {
        // Text token: scan to the delimiter, hashing the bytes (FNV-1a).
        const s = p;
        let ch = buf[p];
        if (ch === 34) return -1;
        let h = FNV_OFFSET;
        while (ch !== delim && ch !== 10 && ch !== 13) {
          h = Math.imul(h ^ ch, FNV_PRIME);
          ch = buf[++p];
        }
        if (k === K_PATIENT) {
          // Patient ids are keyed by their canonical bytes: an id found is valid as it stands
          // (the rule keeps a canonical id unchanged); a new one goes through the rule once.
          patH = h;
          if (prevPat >= 0 && h === prevPatH && patients.sameBytes(prevPat, buf, s, p)) vPat = prevPat;
          else {
            vPat = patients.find(buf, s, p, h);
            if (vPat < 0 && plainId(buf, s, p, allowCpr)) {
              // Printable ASCII without spaces and with fewer than 9 digits: parsePatientId
              // keeps it unchanged (nothing to trim, cannot hold a CPR-shaped number), so no
              // string is made (tests/io/plainId.test.ts checks the agreement).
              newPatS = s;
              newPatE = p;
              newPatAscii = true;
            } else if (vPat < 0) {
              const raw = buf.toString("utf8", s, p);
              const r = parsePatientId(raw, allowCpr);
              if (!r.ok) return -1;
              newPat = r.value;
              newPatS = s;
              newPatE = p;
              // Add by the raw bytes only when they are the canonical value's UTF-8 bytes
              // (unchanged by the rule, and ASCII: valid UTF-8 as long as the text).
              newPatByBytes = r.value === raw && raw.length === p - s && raw.indexOf("\uFFFD") < 0;
            }
          }
        } else if (k === K_DIAG) {
          const e = entryOf(k, buf, s, p, h);
          if (dDiag.val[e] === INVALID) return -1;
          eDiag = e;
        } else if (k === K_HOSP) {
          const e = entryOf(k, buf, s, p, h);
          if (dHosp.val[e] === INVALID) return -1;
          eHosp = e;
        }
      } else {
        // A code column with few values: linear scan of a small cache.
        const s = p;
        let ch = buf[p];
        if (ch === 34) return -1;
        while (ch !== delim && ch !== 10 && ch !== 13) ch = buf[++p];
        const cache = small[k];
        let e = cache.find(buf, s, p);
        if (e < 0) {
          if (cache.full) return -1;
          const [value, str] = resolve(k, buf.toString("utf8", s, p));
          e = cache.add(buf, s, p, value, str);
        }
        const v = cache.val[e];
        if (v === ENUM_INVALID) return -1;
        if (k === K_SEX) vSex = v;
        else if (k === K_ATYPE) vAty = v;
        else if (k === K_CTYPE) vCty = v;
        else vRef = v;
      }
      if (c < last) {
        if (buf[p] !== delim) return -1;
        p++;
      }
    }
    const next = lineEnd(buf, p);
    if (next < 0) return -1;
    // Row rules and warnings: the row path reports them.
    if (isDischargeBeforeAdmission(vAdm, vDis) || isBirthAfterAdmission(vBirth, vAdm)) return -1;
    const ma = vAdm - Math.floor(vAdm / 1440) * 1440;
    if (ma >= 120 && ma < 180 && isSkippedHour(vAdm)) return -1;
    if (vDis !== MISSING) {
      const md = vDis - Math.floor(vDis / 1440) * 1440;
      if (md >= 120 && md < 180 && isSkippedHour(vDis)) return -1;
    }
    // Register text values (first use among accepted rows, as the row path does).
    let pat = vPat;
    if (pat < 0) {
      if (newPatAscii) {
        pat = patients.addAscii(buf, newPatS, newPatE, patH);
        prevPat = pat;
        prevPatH = patH;
      } else if (newPatByBytes) {
        pat = patients.add(buf, newPatS, newPatE, patH, newPat as string);
        prevPat = pat;
        prevPatH = patH;
      } else {
        pat = patients.id(newPat as string);
        prevPat = -1;
      }
    } else if (pat !== prevPat) {
      prevPat = pat;
      prevPatH = patH;
    }
    const diag = registeredIndex(dDiag, eDiag, builder.diagnoses);
    const hosp = eHosp >= 0 ? registeredIndex(dHosp, eHosp, builder.hospitals) : -1;
    counts.rowsRead++;
    builder.push(pat, vBirth, vSex, vMuni, hosp, vAdm, vDis, vAty, vCty, diag, vRef, vCost, line);
    counts.accepted++;
    return next;
  };
  return fastRow;
}

/**
 * Read the whole lines [start, end) of buf (line `firstLine` first; the piece ends with "\n"):
 * empty lines are counted, the fast path reads what it can, and every other line goes to
 * `other(buf, s, e, line)` (without its line break). Returns the number of lines read.
 *
 * @example
 * const lines = scanLines(buf, 0, buf.length, 2, counts, fastRow, (b, s, e, line) => rowPath(b.toString("utf8", s, e), line));
 */
export function scanLines(
  buf: Buffer,
  start: number,
  end: number,
  firstLine: number,
  counts: Counts,
  fastRow: FastRow,
  other: (buf: Buffer, s: number, e: number, line: number) => void,
): number {
  let p = start;
  let line = firstLine - 1;
  while (p < end) {
    line++;
    const c0 = buf[p];
    if (c0 === 10) {
      counts.blankLines++;
      p++;
      continue;
    }
    if (c0 === 13 && buf[p + 1] === 10) {
      counts.blankLines++;
      p += 2;
      continue;
    }
    const next = fastRow(buf, p, line, counts);
    if (next >= 0) {
      p = next;
      continue;
    }
    let nl = buf.indexOf(10, p);
    if (nl < 0 || nl >= end) nl = end;
    let e = nl;
    if (e > p && buf[e - 1] === 13) e--;
    other(buf, p, e, line);
    p = nl + 1;
  }
  return line - firstLine + 1;
}
