/**
 * importFolk1a(path): read a StatBank FOLK1A file on its own (`klynge import --format
 * statbank-folk1a`), against a geography (default: the shipped Region Midtjylland map), with a
 * printable report in the load report's form.
 */

import { basename } from "node:path";
import type { LoadReport, TableReport } from "../../contract/dataset.js";
import type { GeographyRow, PopulationTable } from "../../contract/tables.js";
import { formatLoadReport } from "../formatLoadReport.js";
import { loadGeography } from "../loadTable.js";
import { ProblemLog } from "../problemLog.js";
import { tableReport } from "../tableReader.js";
import { readFolk1a } from "./folk1a.js";
import type { Folk1aContext } from "./folk1a.js";

export interface Folk1aImport {
  readonly table: PopulationTable;
  readonly geography: readonly GeographyRow[];
  readonly report: LoadReport;
  /** The report as text (formatLoadReport). */
  readonly text: string;
  readonly ok: boolean;
}

/** Read a FOLK1A file with its table report (format, value table and notes), for loadDataset and importFolk1a. */
export async function readFolk1aTable(
  path: string,
  file: string,
  context: Folk1aContext,
  log: ProblemLog,
): Promise<{ table: PopulationTable; report: TableReport }> {
  const f = await readFolk1a(path, file, context, log);
  const report: TableReport = { ...tableReport({ file, columns: [], required: [] }, f.read, log), format: "statbank-folk1a", codes: f.codes, notes: f.notes };
  return { table: f.table, report };
}

/**
 * Read the FOLK1A file at `path` against the geography at `geographyPath` (default: the shipped one).
 * @example const { table, text } = await importFolk1a("FOLK1A.csv") // the population table and its load report
 */
export async function importFolk1a(path: string, geographyPath?: string): Promise<Folk1aImport> {
  const geography = await loadGeography(geographyPath);
  const log = new ProblemLog(100);
  const file = basename(path);
  const f = await readFolk1aTable(path, file, { municipalities: new Set(geography.map((g) => g.municipality_code)), geography }, log);
  const report: LoadReport = { dir: path, tables: [f.report], problems: log.problems, problemCounts: { ...log.counts }, ok: log.errorCount === 0 };
  return { table: f.table, geography, report, text: formatLoadReport(report), ok: report.ok };
}
