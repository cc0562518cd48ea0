/**
 * The person-number shape: one detector, used by every layer (reading ids, messages, load reports,
 * report text and files, the security scan of outputs).
 *
 * A Danish person number (CPR) is DDMMYY-SSSS: day, month, two-digit year, a four-digit serial
 * (CPR-kontoret, "CPR-nummeret"). The check is deliberately wider than valid numbers, so that a
 * number that went through a spreadsheet or a typist is still caught. It matches, after mapping
 * full-width digits and separators to ASCII:
 *
 * | shape                                         | example (built from parts in the tests) |
 * |-----------------------------------------------|------------------------------------------|
 * | 10 digits, no separator                       | DDMMYYSSSS                               |
 * | one separator run of up to 3 of: hyphen, space, dot, slash, en/em dash, minus, no-break space | DDMMYY-SSSS, DDMMYY SSSS, DDMMYY.SSSS, DDMMYY/SSSS, DDMMYY – SSSS |
 * | 9 digits: the leading zero of the day lost    | DMMYYSSSS, DMMYY-SSSS                    |
 * | 11 digits: one digit too many at either end   | XDDMMYYSSSS, DDMMYYSSSSX                 |
 * | letters or underscores attached               | cpr_DDMMYYSSSS, DDMMYYSSSSa             |
 * | full-width digits (U+FF10–U+FF19)             | ＤＤＭＭＹＹＳＳＳＳ in full-width digits    |
 * | the replacement form: day + 60 (61–91)        | (DD+60)MMYYSSSS                          |
 *
 * Day is 01–31 (or 61–91), month 01–12. Digits must not continue on either side of the match
 * (a 12-digit run is not a person number). Ordinary pseudonyms are left alone: klynge's own
 * (`k` + 20 hex digits) and any hash written as 16 or more hex digits, optionally after one
 * letter, are not person numbers even when a digit run inside them has the shape.
 * @example looksLikePersonNumber("p7f3a0c21") // false
 */

/** What a masked value shows instead of the number. */
export const PERSON_NUMBER_MASK = "<10 digits, not shown>";

const DAY = "(?:0[1-9]|[12][0-9]|3[01]|6[1-9]|[78][0-9]|9[01])";
const MONTH = "(?:0[1-9]|1[0-2])";
const SEP = "[ \\t./\\-\\u2010-\\u2015\\u2212\\u00a0\\u202f]{0,3}";
const SERIAL = "[0-9]{4}";
// Built from parts, so that no file of the project holds the literal pattern of a number.
const SHAPES = [
  `${DAY}${MONTH}[0-9]{2}${SEP}${SERIAL}`, // 10 digits, optional separator (incl. day + 60)
  `[1-9]${MONTH}[0-9]{2}${SEP}${SERIAL}`, // 9 digits: leading zero of the day lost
  `[0-9]${DAY}${MONTH}[0-9]{2}${SERIAL}`, // 11 digits, extra digit in front
  `${DAY}${MONTH}[0-9]{2}${SERIAL}[0-9]`, // 11 digits, extra digit behind
];
const SHAPE_RE = new RegExp(`(?<![0-9])(?:${SHAPES.join("|")})(?![0-9])`, "g");

/** A hash-like token (klynge's pseudonyms, hex digests): one optional letter and 16+ hex digits. */
const HASH_TOKEN = /^[A-Za-z]?[0-9A-Fa-f]{16,}$/;
const TOKEN_CHAR = /[0-9A-Za-z]/;

const WIDE = /[\u3000\uff01-\uff5e]/;

/** Full-width digits and punctuation mapped to ASCII, one UTF-16 unit for one (positions are kept). */
function toAscii(text: string): string {
  if (!WIDE.test(text)) return text;
  let out = "";
  let changed = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c >= 0xff01 && c <= 0xff5e) {
      out += String.fromCharCode(c - 0xfee0);
      changed = true;
    } else if (c === 0x3000) {
      out += " ";
      changed = true;
    } else out += text[i];
  }
  return changed ? out : text;
}

/** The maximal run of letters and digits around [start, end) of `text`. */
function tokenAround(text: string, start: number, end: number): string {
  let s = start;
  let e = end;
  while (s > 0 && TOKEN_CHAR.test(text[s - 1])) s--;
  while (e < text.length && TOKEN_CHAR.test(text[e])) e++;
  return text.slice(s, e);
}

/** Ranges [start, end) of person-number shapes in `text`. */
export function personNumberRanges(text: string): [number, number][] {
  if (text.length < 9) return [];
  if (text.length <= 64) {
    // Cheap first checks for short values (ids, codes): every shape has at least 9 digits, and a
    // value that is one hash-like token cannot hold a shape (its digit runs are exempt, see below).
    if (HASH_TOKEN.test(text)) return [];
    let digits = 0;
    for (let i = 0; i < text.length; i++) {
      const c = text.charCodeAt(i);
      if ((c >= 48 && c <= 57) || (c >= 0xff10 && c <= 0xff19)) digits++;
    }
    if (digits < 9) return [];
  }
  const ascii = toAscii(text);
  const out: [number, number][] = [];
  SHAPE_RE.lastIndex = 0;
  for (let m = SHAPE_RE.exec(ascii); m !== null; m = SHAPE_RE.exec(ascii)) {
    const start = m.index;
    const end = start + m[0].length;
    if (/^[0-9]+$/.test(m[0]) && HASH_TOKEN.test(tokenAround(ascii, start, end))) continue;
    out.push([start, end]);
  }
  return out;
}

/** True when `text` contains anything shaped like a person number (see the table above). */
export function looksLikePersonNumber(text: string): boolean {
  return personNumberRanges(text).length > 0;
}

/** `text` with every person-number shape replaced by PERSON_NUMBER_MASK. */
export function maskPersonNumbers(text: string): string {
  const ranges = personNumberRanges(text);
  if (ranges.length === 0) return text;
  let out = "";
  let at = 0;
  for (const [s, e] of ranges) {
    out += text.slice(at, s) + PERSON_NUMBER_MASK;
    at = e;
  }
  return out + text.slice(at);
}

/** Longest piece of a file's content or a raw value shown in a message. */
export const MAX_SHOWN = 60;

/**
 * A raw value made safe to show: person-number shapes masked, control characters (C0, DEL, C1,
 * bidirectional overrides) shown as "?", and cut to `max` characters with "…".
 */
export function safeValue(value: string, max = MAX_SHOWN): string {
  let s = maskPersonNumbers(value).replace(/[\u0000-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/g, "?");
  if (s.length > max) s = `${s.slice(0, max)}…`;
  return s;
}
