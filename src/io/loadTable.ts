/**
 * loadTable(path, name, options): read one contract table file on its own (e.g. a population
 * file before it joins a dataset) as validated records, with its TableReport and problems.
 * loadGeography(path?) reads a geography file, by default the shipped Region Midtjylland map.
 */

import { basename } from "node:path";
import type { z } from "zod";
import type { Problem, TableReport } from "../contract/dataset.js";
import type { GeographyRow } from "../contract/tables.js";
import { makeAdmissionsSchema } from "../contract/schemas/admissionsSchema.js";
import { makeDeathsSchema } from "../contract/schemas/deathsSchema.js";
import { makeExperienceSchema } from "../contract/schemas/experienceSchema.js";
import { makeGeographySchema } from "../contract/schemas/geographySchema.js";
import { makePopulationSchema } from "../contract/schemas/populationSchema.js";
import { makeSectorCostsSchema } from "../contract/schemas/sectorCostsSchema.js";
import type { SchemaContext } from "../contract/schemas/cell.js";
import { admissionsSpec } from "./admissionsReader.js";
import { DatasetError } from "./datasetError.js";
import { REPORT_TEXT } from "./messages.js";
import { defaultGeographyPath } from "./packageRoot.js";
import { ProblemLog } from "./problemLog.js";
import { deathsSpec, experienceSpec, geographySpec, populationSpec, readGeography, readWithSchema, sectorCostsSpec } from "./smallTables.js";
import { tableReport } from "./tableReader.js";
import type { TableSpec } from "./tableReader.js";

const TABLES = {
  admissions: { spec: admissionsSpec, schema: makeAdmissionsSchema },
  population: { spec: populationSpec, schema: makePopulationSchema },
  geography: { spec: geographySpec, schema: (_c: SchemaContext) => makeGeographySchema() },
  deaths: { spec: deathsSpec, schema: makeDeathsSchema },
  sector_costs: { spec: sectorCostsSpec, schema: makeSectorCostsSchema },
  experience: { spec: experienceSpec, schema: makeExperienceSchema },
} as const;
export type TableName = keyof typeof TABLES;
type RecordOf<N extends TableName> = z.output<ReturnType<(typeof TABLES)[N]["schema"]>>;

export interface LoadTableOptions extends SchemaContext {
  readonly strict?: boolean;
  readonly maxProblemsPerCode?: number;
}

export interface LoadedTable<R> {
  readonly records: R[];
  readonly report: TableReport;
  readonly problems: readonly Problem[];
}

/**
 * Read one table file row by row with its zod schema (no duplicate or cross-table checks; use
 * loadDataset for those). Strict mode throws a DatasetError when any row is rejected.
 * @example const { records, report } = await loadTable("data/demo/geography.csv", "geography")
 */
export async function loadTable<N extends TableName>(path: string, name: N, options: LoadTableOptions = {}): Promise<LoadedTable<RecordOf<N>>> {
  const log = new ProblemLog(options.maxProblemsPerCode ?? 100);
  const spec: TableSpec = TABLES[name].spec(basename(path));
  const schema = TABLES[name].schema(options) as unknown as z.ZodType<RecordOf<N>>;
  const records: RecordOf<N>[] = [];
  const read = await readWithSchema(path, spec, schema, log, (r) => {
    records.push(r);
    return "accepted";
  });
  const report = tableReport(spec, read, log);
  if (options.strict === true && log.errorCount > 0) {
    throw new DatasetError(REPORT_TEXT.datasetError(log.errorCount, log.problems.find((p) => p.severity === "error")?.message ?? ""), log.problems);
  }
  return { records, report, problems: log.problems };
}

/**
 * The rows of a geography file (default: the shipped data/geography/midtjylland.csv).
 * @throws DatasetError when the file is missing or has any error.
 */
export async function loadGeography(path?: string): Promise<GeographyRow[]> {
  const p = path ?? defaultGeographyPath();
  if (p === null) throw new DatasetError(REPORT_TEXT.noDir("data/geography"), []);
  const log = new ProblemLog(100);
  const g = await readGeography(p, basename(p), log);
  if (log.errorCount > 0) {
    throw new DatasetError(REPORT_TEXT.datasetError(log.errorCount, log.problems[0]?.message ?? ""), log.problems);
  }
  return g.rows;
}
