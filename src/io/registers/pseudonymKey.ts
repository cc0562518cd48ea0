/**
 * The pseudonymisation key as bytes (SECURITY.md, docs/registers.md).
 *
 * A key file is read as bytes, never decoded as text first (decoding would turn every invalid
 * UTF-8 byte into the same U+FFFD, so different binary keys would give the same pseudonyms):
 * - `hex:` followed by hex digits, or `base64:` followed by base64 (what `klynge key` writes): the
 *   decoded bytes;
 * - otherwise, a file that is UTF-8 text without control characters (a pass phrase): its bytes,
 *   with surrounding white space trimmed (as before: the same pseudonyms for existing text keys);
 * - otherwise: the file's bytes exactly as they are (a binary key).
 * The key from the environment variable is text and read the same way.
 *
 * A simple strength check refuses keys that are obviously not random: fewer than 16 bytes, the
 * same byte four times in a row, fewer than 10 different byte values, or (for a text key) one
 * kind of character only (lower-case letters, upper-case letters, digits or other). It is no
 * measure of entropy, only a guard against a placeholder or a typed word.
 */

import { isUtf8 } from "node:buffer";
import { randomBytes } from "node:crypto";
import { openSync, readSync, closeSync, fstatSync } from "node:fs";
import { SafetyError } from "../safetyMessages.js";
import { MIN_KEY_BYTES } from "./pseudonymise.js";

/** The largest key file read (bytes): a key is short; a large file is a mistake. */
export const MAX_KEY_FILE_BYTES = 4096;
/** Bytes of a key made by `klynge key`. */
export const NEW_KEY_BYTES = 32;
/** A run of this many equal bytes makes a key weak. */
const MAX_RUN = 4;
/** Fewest different byte values in a key. */
const MIN_DISTINCT = 10;

/** The key bytes of a key file's or variable's content (see the header). `source` names it in errors. */
export function decodeKey(content: Uint8Array, source: string): Uint8Array {
  const buf = Buffer.from(content.buffer, content.byteOffset, content.byteLength);
  if (isUtf8(buf)) {
    const text = buf.toString("utf8").trim();
    if (!/[\u0000-\u001f\u007f]/.test(text)) {
      const declared = /^(hex|base64):\s*(.*)$/s.exec(text);
      if (declared !== null) {
        const body = declared[2].replace(/\s+/g, "");
        const kind = declared[1];
        const ok = kind === "hex" ? /^(?:[0-9a-fA-F]{2})+$/.test(body) : /^[A-Za-z0-9+/]+={0,2}$/.test(body) && body.length % 4 === 0;
        if (!ok) throw new SafetyError("key_bad_text", { path: source, other: kind });
        return Buffer.from(body, kind === "hex" ? "hex" : "base64");
      }
      return Buffer.from(text, "utf8");
    }
  }
  return Buffer.from(buf);
}

/** Throws a SafetyError when the key is short or obviously not random (see the header). */
export function checkKeyStrength(key: Uint8Array, source: string): void {
  if (key.length < MIN_KEY_BYTES) throw new SafetyError("key_short", { path: source, n: key.length, m: MIN_KEY_BYTES });
  let run = 1;
  for (let i = 1; i < key.length; i++) {
    run = key[i] === key[i - 1] ? run + 1 : 1;
    if (run >= MAX_RUN) throw new SafetyError("key_weak", { path: source, other: "run" });
  }
  if (new Set(key).size < MIN_DISTINCT) throw new SafetyError("key_weak", { path: source, other: "few_values" });
  const classOf = (b: number): number => (b >= 97 && b <= 122 ? 0 : b >= 65 && b <= 90 ? 1 : b >= 48 && b <= 57 ? 2 : b >= 32 && b < 127 ? 3 : 4);
  const classes = new Set(Array.from(key, classOf));
  if (classes.size === 1 && !classes.has(4)) throw new SafetyError("key_weak", { path: source, other: "one_class" });
}

/**
 * Reads a key file as bytes: a regular file (symbolic links are followed, as a key is often kept
 * elsewhere) of at most MAX_KEY_FILE_BYTES, decoded and checked.
 * @throws SafetyError when missing, not a regular file, too large, short or weak
 */
export function readKeyFile(path: string): Uint8Array {
  let fd: number;
  try {
    fd = openSync(path, "r");
  } catch {
    throw new SafetyError("key_missing", { path });
  }
  try {
    const st = fstatSync(fd);
    if (!st.isFile()) throw new SafetyError("not_regular", { path, other: st.isDirectory() ? "directory" : st.isFIFO() ? "fifo" : st.isCharacterDevice() || st.isBlockDevice() ? "device" : "other" });
    const buf = Buffer.alloc(MAX_KEY_FILE_BYTES + 1);
    let n = 0;
    for (let r = 1; r > 0 && n < buf.length; n += r) r = readSync(fd, buf, n, buf.length - n, null);
    if (n > MAX_KEY_FILE_BYTES) throw new SafetyError("key_weak", { path, other: "too_large" });
    const key = decodeKey(buf.subarray(0, n), path);
    checkKeyStrength(key, path);
    return key;
  } finally {
    closeSync(fd);
  }
}

/** The content of a new key file: `hex:` and NEW_KEY_BYTES random bytes, re-drawn until they pass the check. */
export function newKeyFileText(bytes = NEW_KEY_BYTES): string {
  for (;;) {
    const key = randomBytes(bytes);
    try {
      checkKeyStrength(key, "new key");
      return `hex:${key.toString("hex")}\n`;
    } catch {
      // a random key failing the check is very rare (a run of 4 equal bytes): draw again
    }
  }
}
