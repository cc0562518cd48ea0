/** `klynge key FILE`: write a new random pseudonymisation key, readable by its owner only. */

import { writeFileSync } from "node:fs";
import { newKeyFileText, NEW_KEY_BYTES } from "../../io/registers/pseudonymKey.js";
import { SafetyError, cliLang, safetyText } from "../../io/safetyMessages.js";
import { parseCommandArgs, UsageError } from "../args.js";

export const keyHelp = `klynge key FILE
  Writes a new pseudonymisation key to FILE: ${NEW_KEY_BYTES} random bytes as "hex:…", readable by you only
  (mode 600). Never overwrites a file. Use it with klynge import --key-file FILE, keep it apart
  from data and outputs, and keep a copy: the same key gives the same pseudonyms next year.`;

export async function keyCommand(argv: readonly string[]): Promise<number> {
  const { positionals } = parseCommandArgs(argv, {}, true);
  const file = positionals[0];
  if (file === undefined || positionals.length > 1) throw new UsageError("needsFile", { command: "key", usage: "klynge key FILE" });
  try {
    // "wx": created exclusively (an existing file or link is never followed or overwritten), mode 600.
    writeFileSync(file, newKeyFileText(), { flag: "wx", mode: 0o600 });
  } catch (err) {
    if ((err as { code?: string }).code === "EEXIST") throw new SafetyError("key_exists", { path: file });
    throw err;
  }
  console.log(safetyText(cliLang(), "key_written", { path: file, n: NEW_KEY_BYTES }));
  return 0;
}
