/**
 * Missing age bands of a PopulationTable: per (year, municipality, sex), every age from 0 to the
 * top band must be present, else one `missing_age_bands` warning. Used for population.csv
 * (smallTables.ts) and for StatBank FOLK1A files (registers/folk1a.ts).
 */

import type { PopulationTable } from "../contract/tables.js";
import type { ProblemLog } from "./problemLog.js";

const SEX_TEXT = ["", "F", "M"];

/** Compress sorted integers into "3, 7-9, 12". */
function ranges(values: readonly number[]): string {
  const out: string[] = [];
  for (let i = 0; i < values.length; ) {
    let j = i;
    while (j + 1 < values.length && values[j + 1] === values[j] + 1) j++;
    out.push(j === i ? String(values[i]) : `${values[i]}-${values[j]}`);
    i = j + 1;
  }
  return out.join(", ");
}

/** Log one `missing_age_bands` warning per (year, municipality, sex) with a gap below its top band. */
export function warnMissingAgeBands(table: PopulationTable, file: string, log: ProblemLog): number {
  const groups = new Map<number, { y: number; m: number; s: number; ages: Set<number>; top: number; open: boolean }>();
  for (let i = 0; i < table.length; i++) {
    const k = (table.year[i] * 10000 + table.municipality[i]) * 3 + table.sex[i];
    let g = groups.get(k);
    if (g === undefined) {
      g = { y: table.year[i], m: table.municipality[i], s: table.sex[i], ages: new Set(), top: -1, open: false };
      groups.set(k, g);
    }
    g.ages.add(table.age[i]);
    if (table.ageOpen[i] === 1) {
      g.open = true;
      g.top = table.age[i];
    } else if (!g.open) g.top = Math.max(g.top, table.age[i]);
  }
  let warned = 0;
  for (const g of groups.values()) {
    const missing: number[] = [];
    for (let a = 0; a <= g.top; a++) if (!g.ages.has(a)) missing.push(a);
    if (missing.length > 0) {
      warned++;
      log.add("missing_age_bands", file, null, {
        found: `year ${g.y}, municipality_code ${String(g.m).padStart(3, "0")}, sex ${SEX_TEXT[g.s]}`,
        list: ranges(missing),
        other: `${g.top}${g.open ? "+" : ""}`,
        expected: "every age from 0 to the top band",
      });
    }
  }
  return warned;
}
