/**
 * Whether an existing file looks like a table klynge wrote with the given leading columns, so that
 * writing the table again may replace it ("klynge never overwrites a file it did not write";
 * SECURITY.md). A CSV (plain or Danish Excel, with or without BOM) must start with those column
 * names; a JSON table must be an array whose first object has them as its first keys; an Arrow IPC
 * file must carry the Arrow magic and the names. Only the first 64 KiB are read; a symbolic link or
 * anything but a regular file is never "own".
 * @example isOwnTable("indicators.csv", ["indicator", "level", "unit"]) // true for klynge's indicator table
 */

import { closeSync, constants, fstatSync, openSync, readSync } from "node:fs";
import { extname } from "node:path";

const SAMPLE = 64 * 1024;

function head(file: string): Buffer | null {
  let fd: number;
  try {
    fd = openSync(file, constants.O_RDONLY | (constants.O_NOFOLLOW ?? 0) | (constants.O_NONBLOCK ?? 0));
  } catch {
    return null;
  }
  try {
    if (!fstatSync(fd).isFile()) return null;
    const buf = Buffer.alloc(SAMPLE);
    const n = readSync(fd, buf, 0, SAMPLE, 0);
    return buf.subarray(0, n);
  } finally {
    closeSync(fd);
  }
}

export function isOwnTable(file: string, columns: readonly string[]): boolean {
  const bytes = head(file);
  if (bytes === null) return false;
  const ext = extname(file).toLowerCase();
  if (ext === ".csv") {
    const text = bytes.toString("utf8").replace(/^\uFEFF/, "");
    const first = text.slice(0, text.search(/\r?\n/) < 0 ? text.length : text.search(/\r?\n/));
    const names = first.split(/[;,]/);
    return columns.every((c, i) => names[i] === c);
  }
  if (ext === ".json") {
    const text = bytes.toString("utf8").trimStart();
    if (text === "[]" || text.startsWith("[\n]")) return true;
    const keys = [...text.slice(0, 2000).matchAll(/"([^"]+)":/g)].map((m) => m[1]);
    return text.startsWith("[") && columns.every((c, i) => keys[i] === c);
  }
  return bytes.subarray(0, 6).toString("latin1") === "ARROW1" && columns.every((c) => bytes.includes(Buffer.from(c)));
}
