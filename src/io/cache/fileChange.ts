/**
 * A file's change identity (docs/cache.md, "When the content is not hashed again"): its device,
 * inode and status-change time, on a file system whose kernel keeps that time. Writing to a file,
 * truncating it, or setting its times all set its change time to the current clock, and no call
 * sets it to a chosen value — unlike the modification time, which `touch -d` and utimes(2) set
 * at will. So while a file's change identity stays the same, so does its content, with one gap:
 * the clock the kernel stamps files with advances in ticks (a few milliseconds), and a write in
 * the same tick as an earlier one leaves the time as it was. A content hash is therefore reused
 * on the change identity alone only when the file's change time was at least SETTLE_MS before the
 * moment its status was taken (the "racily clean" rule of git's index, which has the same gap).
 *
 * Only Linux and its local file systems count: elsewhere (network and FUSE file systems, FAT,
 * macOS, Windows) the content is always hashed again.
 */

import { lstatSync, statfsSync } from "node:fs";

/** How long before the status was taken a file's change time must lie for its hash to be reused. */
export const SETTLE_MS = 2000;

/** statfs(2) magic numbers of the local Linux file systems whose change time the kernel keeps. */
const KEEPS_CHANGE_TIME = new Set([
  0xef53, // ext2, ext3, ext4
  0x58465342, // xfs
  0x9123683e, // btrfs
  0x01021994, // tmpfs
  0x794c7630, // overlayfs (containers)
  0x2fc12fc1, // zfs
  0xf2f52010, // f2fs
]);

export interface FileChange {
  /** "device:inode:change time in ns", or "" where the file system's change time is not trusted. */
  readonly change: string;
  /** The change time was at least SETTLE_MS before `statAtMs`. */
  readonly settled: boolean;
}

const UNTRUSTED: FileChange = { change: "", settled: false };

/** The change identity of `path`, its status taken at `statAtMs` (Date.now() just before). */
export function fileChange(path: string, statAtMs: number): FileChange {
  if (process.platform !== "linux") return UNTRUSTED;
  try {
    if (!KEEPS_CHANGE_TIME.has(statfsSync(path).type)) return UNTRUSTED;
    const st = lstatSync(path, { bigint: true });
    if (st.ino === 0n) return UNTRUSTED;
    return {
      change: `${st.dev}:${st.ino}:${st.ctimeNs}`,
      settled: Number(st.ctimeNs / 1_000_000n) <= statAtMs - SETTLE_MS,
    };
  } catch {
    return UNTRUSTED;
  }
}
