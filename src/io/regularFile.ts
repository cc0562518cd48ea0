/**
 * Opening files of a dataset or extract safely: only regular files are read. A symbolic link (it
 * could point at the key file or /etc/passwd and put it into a message or report), a device
 * (/dev/zero never ends), a FIFO (would block) or a socket is refused with a SafetyError.
 * Links are refused by opening with O_NOFOLLOW and the kind is checked on the open file (fstat),
 * so the check and the read see the same file.
 */

import { closeSync, constants, fstatSync, openSync, readSync, type Stats } from "node:fs";
import { open, type FileHandle } from "node:fs/promises";
import { SafetyError } from "./safetyMessages.js";

const FLAGS = constants.O_RDONLY | (constants.O_NOFOLLOW ?? 0) | (constants.O_NONBLOCK ?? 0);

/** The kind code of a file that is not regular (safetyMessages FILE_KINDS). */
export function fileKind(st: Stats): "directory" | "fifo" | "device" | "socket" | "symlink" | "other" {
  if (st.isDirectory()) return "directory";
  if (st.isFIFO()) return "fifo";
  if (st.isCharacterDevice() || st.isBlockDevice()) return "device";
  if (st.isSocket()) return "socket";
  if (st.isSymbolicLink()) return "symlink";
  return "other";
}

function refused(path: string, err: unknown): never {
  const code = (err as { code?: string }).code;
  if (code === "ELOOP" || code === "EMLINK") throw new SafetyError("not_regular", { path, other: "symlink" });
  throw err;
}

/** Opens a regular file for reading (not through a symbolic link). @throws SafetyError otherwise */
export async function openRegular(path: string): Promise<FileHandle> {
  let fh: FileHandle;
  try {
    fh = await open(path, FLAGS);
  } catch (err) {
    refused(path, err);
  }
  const st = await fh.stat();
  if (!st.isFile()) {
    await fh.close();
    throw new SafetyError("not_regular", { path, other: fileKind(st) });
  }
  return fh;
}

/**
 * Reads a regular file (not through a symbolic link) of at most `maxBytes` bytes.
 * @throws SafetyError when not a regular file; RangeError when larger than maxBytes
 */
export function readRegularFileSync(path: string, maxBytes: number): Buffer {
  let fd: number;
  try {
    fd = openSync(path, FLAGS);
  } catch (err) {
    refused(path, err);
  }
  try {
    const st = fstatSync(fd);
    if (!st.isFile()) throw new SafetyError("not_regular", { path, other: fileKind(st) });
    if (st.size > maxBytes) throw new RangeError(`${path}: ${st.size} bytes, more than the ${maxBytes} read`);
    const buf = Buffer.alloc(st.size);
    let n = 0;
    for (let r = 1; r > 0 && n < buf.length; n += r) r = readSync(fd, buf, n, buf.length - n, null);
    return buf.subarray(0, n);
  } finally {
    closeSync(fd);
  }
}
