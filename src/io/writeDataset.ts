/**
 * writeDataset(dataset, outDir): write a loaded dataset back as a contract dataset folder
 * (admissions.csv, population.csv, geography.csv and the optional tables), e.g. after importing a
 * register extract (`klynge import`). Patient ids are the table's pseudonymous ids; the files are
 * what `loadDataset(outDir)` reads back to the same tables. The person-level files (admissions,
 * deaths) are created readable by their owner only (CONTACT_LEVEL_MODE).
 */

import { createWriteStream, fchmodSync, mkdirSync, openSync } from "node:fs";
import type { WriteStream } from "node:fs";
import { join } from "node:path";
import { createGzip } from "node:zlib";
import type { Gzip } from "node:zlib";
import { REFERRAL_SOURCES, SEX_BY_CODE } from "../contract/codes.js";
import type { Dataset } from "../contract/dataset.js";
import type { PopulationTable } from "../contract/tables.js";
import { ADMISSIONS_COLUMNS } from "../contract/schemas/admissionsSchema.js";
import { MINUTES_PER_DAY, MISSING, formatDay } from "../contract/time.js";

export interface WriteDatasetOptions {
  /** Write admissions.csv.gz instead of admissions.csv (default false). */
  readonly gzip?: boolean;
}

/** Permissions of files holding pseudonymised person-level rows (admissions, deaths): owner only. */
export const CONTACT_LEVEL_MODE = 0o600;

/** A CSV cell: quoted when it holds a comma, a quote or a line break. */
function cell(s: string): string {
  return /[",\r\n]/.test(s) ? `"${s.replaceAll('"', '""')}"` : s;
}

class Out {
  private readonly parts: string[] = [];
  private size = 0;
  private readonly sink: WriteStream | Gzip;
  private readonly done: Promise<void>;

  /** `mode` 0o600 for files of contact-level rows (readable by the owner only; SECURITY.md). */
  constructor(path: string, gzip: boolean, mode?: number) {
    const fd = openSync(path, "w", mode ?? 0o666);
    if (mode !== undefined) fchmodSync(fd, mode); // also when the file existed (mode applies to new files only)
    const file = createWriteStream(path, { fd });
    this.done = new Promise((resolve, reject) => {
      file.on("finish", () => resolve());
      file.on("error", reject);
    });
    if (gzip) {
      const z = createGzip();
      z.pipe(file);
      this.sink = z;
    } else this.sink = file;
  }

  async line(s: string): Promise<void> {
    this.parts.push(s);
    this.size += s.length;
    if (this.size > 1 << 20) await this.flush();
  }

  private async flush(): Promise<void> {
    if (this.parts.length === 0) return;
    const text = this.parts.join("\n") + "\n";
    this.parts.length = 0;
    this.size = 0;
    if (!this.sink.write(text)) await new Promise<void>((r) => this.sink.once("drain", () => r()));
  }

  async close(): Promise<void> {
    await this.flush();
    this.sink.end();
    await this.done;
  }
}

/** Write a population table as the contract's population.csv at `path`. */
export async function writePopulation(p: PopulationTable, path: string): Promise<void> {
  const pop = new Out(path, false);
  await pop.line("year,municipality_code,sex,age,count");
  for (let i = 0; i < p.length; i++) {
    await pop.line(`${p.year[i]},${String(p.municipality[i]).padStart(3, "0")},${SEX_BY_CODE[p.sex[i]]},${p.age[i]}${p.ageOpen[i] === 1 ? "+" : ""},${p.count[i]}`);
  }
  await pop.close();
}

/**
 * Write `dataset` as a contract dataset folder in `outDir` (created when missing); returns the files written.
 * @example await writeDataset(await loadDataset("data/demo"), "out/copy-of-demo")
 */
export async function writeDataset(
  dataset: Pick<Dataset, "contacts" | "population" | "geography" | "deaths" | "sectorCosts" | "experience">,
  outDir: string,
  options: WriteDatasetOptions = {},
): Promise<string[]> {
  mkdirSync(outDir, { recursive: true });
  const files: string[] = [];
  const dayCache = new Map<number, string>();
  const day = (d: number): string => {
    let s = dayCache.get(d);
    if (s === undefined) {
      s = formatDay(d);
      dayCache.set(d, s);
    }
    return s;
  };
  const hm: string[] = [];
  for (let m = 0; m < MINUTES_PER_DAY; m++) hm.push(`${String(Math.floor(m / 60)).padStart(2, "0")}:${String(m % 60).padStart(2, "0")}`);
  const at = (minutes: number): string => {
    if (minutes === MISSING) return "";
    const d = Math.floor(minutes / MINUTES_PER_DAY);
    return `${day(d)}T${hm[minutes - d * MINUTES_PER_DAY]}`;
  };
  const muni = (m: number): string => String(m).padStart(3, "0");

  // admissions
  const c = dataset.contacts;
  const admFile = options.gzip === true ? "admissions.csv.gz" : "admissions.csv";
  const adm = new Out(join(outDir, admFile), options.gzip === true, CONTACT_LEVEL_MODE);
  await adm.line(ADMISSIONS_COLUMNS.join(","));
  const hospitals = c.hospitals.map(cell);
  const diagnoses = c.diagnoses;
  for (let i = 0; i < c.length; i++) {
    const cost = c.cost[i];
    await adm.line(
      [
        cell(c.patientIds[c.patient[i]]),
        day(c.birthDate[i]),
        SEX_BY_CODE[c.sex[i]],
        muni(c.municipality[i]),
        c.hospital[i] < 0 ? "" : hospitals[c.hospital[i]],
        at(c.admittedAt[i]),
        at(c.dischargedAt[i]),
        c.acute[i] === 1 ? "acute" : "planned",
        c.inpatient[i] === 1 ? "inpatient" : "outpatient",
        diagnoses[c.diagnosis[i]],
        c.referral[i] < 0 ? "" : REFERRAL_SOURCES[c.referral[i]],
        cost !== cost ? "" : String(cost),
      ].join(","),
    );
  }
  await adm.close();
  files.push(admFile);

  await writePopulation(dataset.population, join(outDir, "population.csv"));
  files.push("population.csv");

  // geography
  const geo = new Out(join(outDir, "geography.csv"), false);
  await geo.line("municipality_code,municipality_name,cluster,hospital_unit");
  for (const g of dataset.geography) await geo.line([muni(g.municipality_code), cell(g.municipality_name), cell(g.cluster), cell(g.hospital_unit)].join(","));
  await geo.close();
  files.push("geography.csv");

  if (dataset.deaths !== null) {
    const d = new Out(join(outDir, "deaths.csv"), false, CONTACT_LEVEL_MODE);
    await d.line("patient_id,died_at");
    const died = dataset.deaths.diedOnByPatient;
    for (let i = 0; i < died.length; i++) if (died[i] !== MISSING) await d.line(`${cell(c.patientIds[i])},${day(died[i])}`);
    await d.close();
    files.push("deaths.csv");
  }
  if (dataset.sectorCosts !== null) {
    const s = new Out(join(outDir, "sector_costs.csv"), false);
    await s.line("year,municipality_code,sector,age_group,cost_dkk");
    for (const r of dataset.sectorCosts) await s.line([r.year, muni(r.municipality_code), r.sector, cell(r.age_group ?? ""), r.cost_dkk].join(","));
    await s.close();
    files.push("sector_costs.csv");
  }
  if (dataset.experience !== null) {
    const e = new Out(join(outDir, "experience.csv"), false);
    await e.line("period,cluster,municipality_code,measure,positive,total");
    for (const r of dataset.experience) {
      await e.line([cell(r.period), cell(r.cluster ?? ""), r.municipality_code === null ? "" : muni(r.municipality_code), cell(r.measure), r.positive, r.total].join(","));
    }
    await e.close();
    files.push("experience.csv");
  }
  return files;
}
