/** Test helper: a Dataset from readable contact rows and a population spec. */
import type { Dataset } from "../../src/contract/dataset.js";
import type { GeographyRow, PopulationTable } from "../../src/contract/tables.js";
import { MISSING } from "../../src/contract/time.js";
import { contactsFromRows, day, type ContactRow } from "../stays/contactsFromRows.js";

export interface PopRow {
  year: number;
  municipality: number;
  sex: "F" | "M";
  age: number;
  count: number;
}

export function populationFromRows(rows: readonly PopRow[]): PopulationTable {
  const n = rows.length;
  const t = {
    length: n,
    year: new Int16Array(n),
    municipality: new Int16Array(n),
    sex: new Uint8Array(n),
    age: new Int16Array(n),
    ageOpen: new Uint8Array(n),
    count: new Float64Array(n),
  };
  rows.forEach((r, i) => {
    t.year[i] = r.year;
    t.municipality[i] = r.municipality;
    t.sex[i] = r.sex === "F" ? 1 : 2;
    t.age[i] = r.age;
    t.count[i] = r.count;
  });
  return t;
}

export const GEO: GeographyRow[] = [
  { municipality_code: 615, municipality_name: "Horsens", cluster: "Horsens", hospital_unit: "RH Horsens" },
  { municipality_code: 727, municipality_name: "Odder", cluster: "Horsens", hospital_unit: "RH Horsens" },
  { municipality_code: 751, municipality_name: "Aarhus", cluster: "Aarhus", hospital_unit: "AUH" },
];

export function datasetFrom(
  contacts: readonly ContactRow[],
  population: readonly PopRow[],
  extra: Partial<Pick<Dataset, "sectorCosts" | "experience">> & { died?: Record<string, string> } = {},
): Dataset {
  const c = contactsFromRows(contacts);
  let deaths = null;
  if (extra.died) {
    const d = new Int32Array(c.patientIds.length).fill(MISSING);
    for (const [p, when] of Object.entries(extra.died)) d[c.patientIds.indexOf(p)] = day(when);
    deaths = { diedOnByPatient: d, unmatched: 0 };
  }
  return {
    dir: "memory",
    contacts: c,
    population: populationFromRows(population),
    geography: GEO,
    deaths,
    sectorCosts: extra.sectorCosts ?? null,
    experience: extra.experience ?? null,
    report: { dir: "memory", tables: [], problems: [], problemCounts: {}, ok: true },
  };
}

/** Uniform population: `count` citizens of each sex at each age 0..99 in each municipality and year. */
export function flatPopulation(years: readonly number[], munis: readonly number[], count: number): PopRow[] {
  const out: PopRow[] = [];
  for (const year of years)
    for (const municipality of munis)
      for (const sex of ["F", "M"] as const) for (let age = 0; age < 100; age++) out.push({ year, municipality, sex, age, count });
  return out;
}
