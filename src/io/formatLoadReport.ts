/** formatLoadReport(report): the printable load report (what `klynge validate DIR` prints). */

import type { LoadReport } from "../contract/dataset.js";
import { maskPersonNumbers } from "../contract/personNumber.js";
import { MESSAGES, formatMessage, type MessageCode, type MessageParams } from "./messages.js";
import { shownHeader } from "./shownHeader.js";
import { REPORT_TEXT, REPORT_TEXT_DA } from "../text/loadReportTexts.js";

const TEXT = { en: { ...REPORT_TEXT, error: "error", warning: "warning" }, da: REPORT_TEXT_DA } as const;

/**
 * Render a LoadReport as text, in English or Danish (lang "da"): its own lines and the problem
 * lines, each problem worded from its code and values by the text catalogue: one line of counts per table (extra columns, empty lines and the
 * source noted), then every listed problem, a note per code whose list was capped, and the verdict.
 * Values shaped like a person number are masked, and header names that do not look like column
 * names are not shown.
 * @example console.log(formatLoadReport((await loadDataset("data/demo")).report, "da"))
 */
export function formatLoadReport(report: LoadReport, lang: "da" | "en" = "en"): string {
  const T = TEXT[lang];
  const out: string[] = [T.title(report.dir)];
  for (const t of report.tables) {
    if (!t.present) {
      out.push(T.absent(t.file));
      continue;
    }
    out.push(T.tableLine(t.file, t.rowsRead, t.rowsAccepted, t.rowsRejected, t.duplicates, t.warnings));
    if (t.format !== undefined) out.push(T.format(t.format, t.rowsExcluded ?? 0));
    for (const note of t.notes ?? []) out.push(T.note(note));
    for (const c of t.cannotAnswer ?? []) out.push(T.cannotAnswer(c.question, c.reason));
    if (t.codes !== undefined && t.codes.length > 0) {
      out.push(T.codesHeader);
      for (const c of t.codes) out.push(T.codeLine(c.column, c.value, c.count, c.mappedTo, c.note));
    }
    if (t.source !== undefined) out.push(T.source(t.source));
    if (t.extraColumns !== undefined && t.extraColumns.length > 0) out.push(T.extraColumns(shownHeader(t.extraColumns)));
    if (t.blankLines !== undefined && t.blankLines > 0) out.push(T.blankLines(t.blankLines));
  }
  let errors = 0;
  let warnings = 0;
  const listed: Record<string, number> = {};
  for (const p of report.problems) listed[p.code] = (listed[p.code] ?? 0) + 1;
  const severityOf: Record<string, string> = {};
  for (const p of report.problems) severityOf[p.code] = p.severity;
  for (const [code, n] of Object.entries(report.problemCounts)) {
    if (severityOf[code] === "warning") warnings += n;
    else errors += n;
  }
  out.push("");
  out.push(T.problemsHeader(errors, warnings));
  for (const p of report.problems) out.push(`  ${p.severity === "error" ? T.error : T.warning} ${problemLine(p, lang)}`);
  for (const [code, n] of Object.entries(report.problemCounts)) {
    const more = n - (listed[code] ?? 0);
    if (more > 0) out.push(T.moreOfCode(code, more));
  }
  out.push("");
  const rejected = report.tables.reduce((s, t) => s + t.rowsRejected, 0);
  out.push(report.ok ? T.verdictOk : T.verdictFail(rejected, errors));
  // Masked as a whole: no value shaped like a person number is printed (contract/personNumber.ts).
  return maskPersonNumbers(out.join("\n") + "\n");
}

/** A problem's line in a language, from its code and values; its message when it has no values. */
function problemLine(p: LoadReport["problems"][number], lang: "da" | "en"): string {
  if (p.values === undefined || !Object.hasOwn(MESSAGES, p.code)) return p.message;
  return formatMessage(p.code as MessageCode, p.file, p.line, p.values as MessageParams, lang);
}
