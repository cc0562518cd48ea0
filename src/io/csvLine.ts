/**
 * Splitting one CSV line (RFC 4180 quoting, leniently): fields are separated by the delimiter; a
 * field that starts with `"` is quoted (`""` inside is one quote; text after the closing quote up
 * to the delimiter is kept); a quote elsewhere is an ordinary character. A quoted field cannot
 * span lines: klynge reads line by line, so one stray quote cannot swallow the rest of a file.
 */

/** The fields of a line, or null when a quoted field is not closed on the line. */
export function splitCsvLine(line: string, delimiter: string): string[] | null {
  const out: string[] = [];
  const n = line.length;
  let i = 0;
  for (;;) {
    if (i < n && line.charCodeAt(i) === 34) {
      let s = "";
      let j = i + 1;
      for (;;) {
        const q = line.indexOf('"', j);
        if (q < 0) return null;
        s += line.slice(j, q);
        if (line.charCodeAt(q + 1) === 34) {
          s += '"';
          j = q + 2;
          continue;
        }
        j = q + 1;
        break;
      }
      const d = line.indexOf(delimiter, j);
      if (d < 0) {
        out.push(s + line.slice(j));
        return out;
      }
      out.push(s + line.slice(j, d));
      i = d + 1;
    } else {
      const d = line.indexOf(delimiter, i);
      if (d < 0) {
        out.push(line.slice(i));
        return out;
      }
      out.push(line.slice(i, d));
      i = d + 1;
    }
  }
}

/** Count occurrences of a character outside quoted fields. */
function countOutsideQuotes(line: string, ch: string): number {
  let n = 0;
  let inQuote = false;
  for (let i = 0; i < line.length; i++) {
    const c = line[i];
    if (c === '"') inQuote = !inQuote;
    else if (!inQuote && c === ch) n++;
  }
  return n;
}

/** The delimiter of a header line: "," or ";", whichever occurs more often (tie → ","). */
export function sniffDelimiter(header: string): "," | ";" {
  return countOutsideQuotes(header, ";") > countOutsideQuotes(header, ",") ? ";" : ",";
}

/** A readable name of a delimiter for messages. */
export function delimiterName(d: string): string {
  if (d === "\t") return "tabs";
  if (d === "|") return '"|"';
  if (d === " ") return "spaces";
  return `"${d}"`;
}

/** Another delimiter that would split the header into the required columns (wrong-delimiter diagnosis). */
export function otherDelimiter(header: string, required: readonly string[]): string | null {
  for (const d of ["\t", "|", ",", ";", " "]) {
    const cols = (splitCsvLine(header, d) ?? []).map(normaliseColumnName);
    if (cols.length > 1 && required.every((r) => cols.includes(r))) return d;
  }
  return null;
}

/** Column names are matched trimmed and in lower case. */
export function normaliseColumnName(name: string): string {
  return name.trim().toLowerCase();
}
