/**
 * What a command that computes from a dataset does with its load report before it writes anything:
 * a missing or unusable file, or an admissions file without rows, stops it (exit 1); rejected rows
 * stop it (exit 3) unless the user allows them (--allow-rejected), and are then named in a note.
 */

import type { Dataset } from "../contract/dataset.js";
import { cliList, cliText, type CliLang } from "./cliMessages.js";

/** Exit codes of the CLI. */
export const EXIT = { ok: 0, error: 1, usage: 2, rejected: 3 } as const;

/** Problems that make a whole file unusable (io message codes). */
const FILE_CODES = new Set(["missing_file", "empty_file", "unreadable", "missing_columns", "wrong_delimiter", "no_geography", "wrong_format"]);

export interface GateResult {
  /** null: go on; else the exit code. */
  readonly exit: number | null;
  /** One line each, for stderr. */
  readonly lines: readonly string[];
}

/** "population.csv, population.csv.gz or folk1a.csv from StatBank" in the user's language. */
function expectedFiles(file: string, lang: CliLang): string {
  const stem = file.replace(/\.csv(\.gz)?$/, "");
  return cliList(lang, [`${stem}.csv`, `${stem}.csv.gz`, ...(stem === "population" ? [cliText(lang, "statbankFile")] : [])], "or");
}

export function datasetGate(dataset: Dataset, dir: string, lang: CliLang, allowRejected: boolean): GateResult {
  const { report } = dataset;
  const fileErrors = report.problems
    .filter((p) => p.severity === "error" && FILE_CODES.has(p.code))
    .map((p) =>
      p.code === "missing_file"
        ? cliText(lang, "missingFile", { file: p.file, dir, expected: expectedFiles(p.file, lang) })
        : cliText(lang, "fileError", { message: p.message }),
    );
  if (fileErrors.length > 0) return { exit: EXIT.error, lines: fileErrors };
  const admissions = report.tables.find((t) => /^admissions\.csv/.test(t.file));
  if (admissions !== undefined && admissions.present && admissions.rowsRead === 0) {
    return { exit: EXIT.error, lines: [cliText(lang, "noAdmissions", { file: admissions.file })] };
  }
  if (admissions !== undefined && admissions.present && admissions.rowsAccepted === 0) {
    return { exit: EXIT.error, lines: [cliText(lang, "noAcceptedAdmissions", { file: admissions.file })] };
  }
  const rejected = report.tables.filter((t) => t.rowsRejected > 0);
  if (rejected.length === 0) return { exit: null, lines: [] };
  const list = cliList(lang, rejected.map((t) => cliText(lang, "rejectedOfFile", { n: t.rowsRejected, file: t.file })));
  if (!allowRejected) return { exit: EXIT.rejected, lines: [cliText(lang, "rejected", { list, dir })] };
  return { exit: null, lines: [cliText(lang, "rejectedAllowed", { list })] };
}
