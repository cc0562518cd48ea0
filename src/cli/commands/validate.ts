/** `klynge validate DIR`: load and validate every table, print the load report. */

import { formatLoadReport, validateDataset } from "../../io/index.js";
import { TEXT_ENCODINGS } from "../../io/problemLog.js";
import { REGISTER_FORMATS } from "../../io/registers/index.js";
import { UsageError, oneOf, parseCommandArgs } from "../args.js";
import type { CliLang } from "../cliMessages.js";
import { parseCodeMaps, readKeyOption } from "./import.js";

export const validateHelp = `klynge validate DIR [--lang da|en] [--allow-cpr-like-ids] [--encoding auto|utf-8|windows-1252]
                 [--format lpr3-a|lpr3-f|lpr2|npr --key-file FILE [--map C.V=T]]
  Reads and validates every table of the dataset in DIR in one pass and prints the load report:
  rows read, accepted and rejected per file, and every problem with file, line, column, what was
  expected and what was found. Exits 1 when any row is rejected or a file cannot be read.
  With --format, DIR is a register extract read as \`klynge import\` reads it (docs/registers.md).
  --encoding: how the CSV files are read (default auto: UTF-8, and a file that is not valid UTF-8
  is read as Windows-1252, with a warning naming the file and line).
  --lang: the language of the report's own lines (default: Danish, or English with KLYNGE_LANG=en or an
  English locale), problem lines included.`;

export async function validateCommand(argv: readonly string[], cliLang: CliLang): Promise<number> {
  const { values, positionals } = parseCommandArgs(
    argv,
    {
      "allow-cpr-like-ids": { type: "boolean" },
      format: { type: "string" },
      "key-file": { type: "string" },
      map: { type: "string", multiple: true },
      "map-file": { type: "string" },
      encoding: { type: "string" },
      lang: { type: "string" },
    },
    true,
  );
  const dir = positionals[0];
  if (!dir) throw new UsageError("needsDir", { command: "validate", usage: "klynge validate DIR" });
  const format = values.format === undefined ? "contract" : oneOf("format", values.format, REGISTER_FORMATS, "lpr3-a");
  const key = readKeyOption(values["key-file"]);
  const encoding = oneOf("encoding", values.encoding, TEXT_ENCODINGS, "auto");
  const lang = oneOf("lang", values.lang, ["da", "en"] as const, cliLang);
  const result = await validateDataset(dir, {
    allowCprLikeIds: values["allow-cpr-like-ids"] ?? false,
    format,
    encoding,
    ...(key === undefined ? {} : { pseudonymKey: key }),
    ...(format === "contract" ? {} : { codeMap: parseCodeMaps(values.map ?? [], values["map-file"]) }),
  });
  console.log(formatLoadReport(result.report, lang));
  return result.exitCode;
}
