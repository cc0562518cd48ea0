/**
 * The last check of everything the CLI prints: while a command runs, console.log and console.error
 * pass their text through `guardText` — values shaped like a person number are masked
 * (contract/personNumber.ts), and the text of a pseudonymisation key read by the command (in any
 * letter case, and as hex or base64) is replaced by "<key, not shown>", and control characters
 * (an escape sequence from a file could rewrite the terminal) are shown as "?". Layers mask their own
 * messages already; this guard catches what a layer missed (a thrown error's text, a file name).
 */

import { isUtf8 } from "node:buffer";
import { maskPersonNumbers } from "../contract/personNumber.js";

const secrets: string[] = [];

/** The text shown instead of a key. */
export const KEY_MASK = "<key, not shown>";

/** Remember a key so that no printed or written text contains it (shortest form kept: 8 characters). */
export function registerSecret(key: Uint8Array): void {
  const b = Buffer.from(key);
  const forms = [b.toString("hex"), b.toString("base64").replace(/=+$/, "")];
  if (isUtf8(b)) forms.push(b.toString("utf8"));
  for (const form of forms) {
    if (form.length >= 8 && !secrets.includes(form.toLowerCase())) secrets.push(form.toLowerCase());
  }
}

/** Forget every registered key (the end of a command). */
export function clearSecrets(): void {
  secrets.length = 0;
}

function escapeRe(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

/** Control characters other than tab and line breaks, and bidirectional overrides: shown as "?". */
const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/g;

/** `text` with person-number shapes masked, registered keys removed and control characters shown as "?". */
export function guardText(text: string): string {
  let out = maskPersonNumbers(text).replace(CONTROL, "?");
  for (const s of secrets) {
    if (out.toLowerCase().includes(s)) out = out.replace(new RegExp(escapeRe(s), "gi"), KEY_MASK);
  }
  return out;
}

/** Runs `job` with console.log/console.error guarded; restores them afterwards. */
export async function withGuardedConsole<T>(job: () => Promise<T>): Promise<T> {
  const log = console.log;
  const error = console.error;
  const guard =
    (write: (...a: unknown[]) => void) =>
    (...args: unknown[]): void =>
      write(...args.map((a) => (typeof a === "string" ? guardText(a) : a)));
  console.log = guard(log);
  console.error = guard(error);
  try {
    return await job();
  } finally {
    console.log = log;
    console.error = error;
    clearSecrets();
  }
}
