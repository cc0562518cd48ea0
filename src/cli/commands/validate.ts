/** `klynge validate DIR`: load and validate every table, print the load report. */

import { parseArgs } from "node:util";
import { validateDataset } from "../../io/index.js";
import { UsageError } from "../args.js";

export const validateHelp = `klynge validate DIR [--allow-cpr-like-ids]
  Reads and validates every table of the dataset in DIR in one pass and prints the load report:
  rows read, accepted and rejected per file, and every problem with file, line, column, what was
  expected and what was found. Exits 1 when any row is rejected or a file cannot be read.`;

export async function validateCommand(argv: readonly string[]): Promise<number> {
  const { values, positionals } = parseArgs({
    args: [...argv],
    options: { "allow-cpr-like-ids": { type: "boolean" } },
    allowPositionals: true,
  });
  const dir = positionals[0];
  if (!dir) throw new UsageError("validate needs a dataset folder: klynge validate DIR");
  const result = await validateDataset(dir, { allowCprLikeIds: values["allow-cpr-like-ids"] ?? false });
  console.log(result.text);
  return result.exitCode;
}
