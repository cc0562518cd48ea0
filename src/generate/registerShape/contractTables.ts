/**
 * The contract tables that make a register folder importable besides the register files:
 * population.csv and geography.csv (always plain CSV) and, when the dataset has deaths,
 * deaths.csv (its patient_id is the register person id, as docs/registers.md describes; gzip
 * like the register files). Columns and forms as the contract's own files (README, "The data
 * contract"; the generator's runGenerator.ts writes the same headers).
 */

import { join } from "node:path";
import type { Dataset } from "../../contract/dataset.js";
import { MISSING } from "../../contract/time.js";
import { dayToText } from "../format.js";
import { fileOutput } from "../textOutput.js";
import { safeFields } from "./csvText.js";

type ContractPart = Pick<Dataset, "contacts" | "population" | "geography" | "deaths">;

/** Write population.csv, geography.csv and (when present) deaths.csv; returns their paths. */
export async function writeContractTables(
  dataset: ContractPart,
  outDir: string,
  delimiter: string,
  gzip: boolean,
  ids: readonly string[],
): Promise<string[]> {
  const d = delimiter;
  const files: string[] = [];
  const pop = dataset.population;
  const popPath = join(outDir, "population.csv");
  const po = fileOutput(popPath, false);
  po.line(["year", "municipality_code", "sex", "age", "count"].join(d));
  for (let i = 0; i < pop.length; i++) {
    const age = pop.ageOpen[i] === 1 ? `${pop.age[i]}+` : String(pop.age[i]);
    po.line(`${pop.year[i]}${d}${pop.municipality[i]}${d}${pop.sex[i] === 2 ? "M" : "F"}${d}${age}${d}${pop.count[i]}`);
    if ((i & 4095) === 4095) await po.maybeFlush();
  }
  await po.close();
  files.push(popPath);

  const geoPath = join(outDir, "geography.csv");
  const go = fileOutput(geoPath, false);
  go.line(["municipality_code", "municipality_name", "cluster", "hospital_unit"].join(d));
  for (const g of dataset.geography) {
    const [name, cluster, unit] = safeFields([g.municipality_name, g.cluster, g.hospital_unit], d, "geography name");
    go.line(`${g.municipality_code}${d}${name}${d}${cluster}${d}${unit}`);
  }
  await go.close();
  files.push(geoPath);

  if (dataset.deaths !== null) {
    const deathPath = join(outDir, gzip ? "deaths.csv.gz" : "deaths.csv");
    const de = fileOutput(deathPath, gzip);
    de.line(["patient_id", "died_at"].join(d));
    const died = dataset.deaths.diedOnByPatient;
    for (let p = 0; p < died.length && p < ids.length; p++) {
      if (died[p] === MISSING) continue;
      de.line(`${ids[p]}${d}${dayToText(died[p])}`);
      if ((p & 4095) === 4095) await de.maybeFlush();
    }
    await de.close();
    files.push(deathPath);
  }
  return files;
}
