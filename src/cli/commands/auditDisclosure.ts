/** `klynge audit-disclosure DIR`: the LP audit of every published table in a folder. */

import { existsSync } from "node:fs";
import { join } from "node:path";
import { parseArgs } from "node:util";
import { auditDisclosure } from "../../indicators/index.js";
import { DEFAULT_MIN_COUNT } from "../../indicators/indicatorOptions.js";
import { loadGeography } from "../../io/loadTable.js";
import { readPublishedTables } from "../../io/readPublishedTables.js";
import { parseInteger, UsageError } from "../args.js";

export const auditDisclosureHelp = `klynge audit-disclosure DIR [--geography FILE] [--min-count N]
  Reads every indicator table in DIR (.csv or .json with the columns indicator, level, unit,
  period, group, sex, numerator, denominator — what klynge indicators and klynge report write) and
  computes, with a linear-programming solver (HiGHS), the range of values each hidden count can
  take given everything published in DIR together: municipalities add up to clusters and the
  region, months to quarters and years, F + M to all, question-table categories to their totals.
  A hidden count is protected when its range is at least --min-count wide (default 5). The
  municipality → cluster map is read from --geography (default DIR/geography.csv when present,
  else the shipped Midtjylland geography). Exit code 1 when some hidden count is not protected.`;

export async function auditDisclosureCommand(argv: readonly string[]): Promise<number> {
  const { values, positionals } = parseArgs({
    args: [...argv],
    options: { geography: { type: "string" }, "min-count": { type: "string" } },
    allowPositionals: true,
  });
  const dir = positionals[0];
  if (!dir) throw new UsageError("needsDir", { command: "audit-disclosure", usage: "klynge audit-disclosure DIR" });
  if (!existsSync(dir)) throw new UsageError("auditDir", { found: dir });
  const minCount = parseInteger("min-count", values["min-count"], DEFAULT_MIN_COUNT);
  const tables = readPublishedTables(dir);
  for (const f of tables.files) console.log(`read ${f.file}: ${f.rowsRead} rows, ${f.rowsAccepted} accepted, ${f.rowsRead - f.rowsAccepted} rejected`);
  if (tables.skipped.length > 0) console.log(`skipped (not indicator tables): ${tables.skipped.join(", ")}`);
  for (const p of tables.problems.slice(0, 50)) console.error(`${p.file} row ${p.row}, column ${p.column}: expected ${p.expected}, found ${p.found}`);
  if (tables.problems.length > 50) console.error(`… and ${tables.problems.length - 50} more problems`);
  if (tables.rows.length === 0) {
    console.error(`audit-disclosure: no indicator table found in ${dir}`);
    return 1;
  }
  const geographyFile = values.geography ?? (existsSync(join(dir, "geography.csv")) ? join(dir, "geography.csv") : undefined);
  const geography = await loadGeography(geographyFile);
  const clusterOf = new Map(geography.map((g) => [String(g.municipality_code), g.cluster] as const));
  console.log(`geography: ${geographyFile ?? "the shipped Midtjylland geography"} (${clusterOf.size} municipalities)`);
  const audit = await auditDisclosure(tables.rows, { minCount, clusterOf });
  const w = (c: { lower: number; upper: number }) => (c.upper === Infinity ? "unbounded" : String(c.upper - c.lower));
  console.log(`hidden counts: ${audit.hiddenCells} in ${audit.components} connected sets (largest ${audit.largestComponent}); ${audit.programs} linear programs; ${(audit.milliseconds / 1000).toFixed(1)} s`);
  if (audit.narrowest) console.log(`narrowest range: ${w(audit.narrowest)} (${audit.narrowest.cell}: ${audit.narrowest.lower} to ${audit.narrowest.upper})`);
  if (audit.unprotected.length === 0) {
    console.log(`every hidden count can take a range of at least ${minCount} values: protected`);
    return 0;
  }
  console.log(`${audit.unprotected.length} hidden counts have a range narrower than ${minCount}:`);
  for (const c of audit.unprotected.slice(0, 30)) console.log(`  ${c.cell}: ${c.lower} to ${c.upper}`);
  return 1;
}
