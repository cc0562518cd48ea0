/** formatLoadReport(report): the printable load report (what `klynge validate DIR` prints). */

import type { LoadReport } from "../contract/dataset.js";
import { maskPersonNumbers } from "../contract/personNumber.js";
import { REPORT_TEXT } from "./messages.js";
import { shownHeader } from "./shownHeader.js";

/**
 * Render a LoadReport as text: one line of counts per table (extra columns, empty lines and the
 * source noted), then every listed problem, a note per code whose list was capped, and the verdict.
 * Values shaped like a person number are masked, and header names that do not look like column
 * names are not shown.
 */
export function formatLoadReport(report: LoadReport): string {
  const out: string[] = [REPORT_TEXT.title(report.dir)];
  for (const t of report.tables) {
    if (!t.present) {
      out.push(REPORT_TEXT.absent(t.file));
      continue;
    }
    out.push(REPORT_TEXT.tableLine(t.file, t.rowsRead, t.rowsAccepted, t.rowsRejected, t.duplicates, t.warnings));
    if (t.format !== undefined) out.push(REPORT_TEXT.format(t.format, t.rowsExcluded ?? 0));
    for (const note of t.notes ?? []) out.push(REPORT_TEXT.note(note));
    if (t.codes !== undefined && t.codes.length > 0) {
      out.push(REPORT_TEXT.codesHeader);
      for (const c of t.codes) out.push(REPORT_TEXT.codeLine(c.column, c.value, c.count, c.mappedTo, c.note));
    }
    if (t.source !== undefined) out.push(REPORT_TEXT.source(t.source));
    if (t.extraColumns !== undefined && t.extraColumns.length > 0) out.push(REPORT_TEXT.extraColumns(shownHeader(t.extraColumns)));
    if (t.blankLines !== undefined && t.blankLines > 0) out.push(REPORT_TEXT.blankLines(t.blankLines));
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
  out.push(REPORT_TEXT.problemsHeader(errors, warnings));
  for (const p of report.problems) out.push(`  ${p.severity === "error" ? "error" : "warning"} ${p.message}`);
  for (const [code, n] of Object.entries(report.problemCounts)) {
    const more = n - (listed[code] ?? 0);
    if (more > 0) out.push(REPORT_TEXT.moreOfCode(code, more));
  }
  out.push("");
  const rejected = report.tables.reduce((s, t) => s + t.rowsRejected, 0);
  out.push(report.ok ? REPORT_TEXT.verdictOk : REPORT_TEXT.verdictFail(rejected, errors));
  // Masked as a whole: no value shaped like a person number is printed (contract/personNumber.ts).
  return maskPersonNumbers(out.join("\n") + "\n");
}
