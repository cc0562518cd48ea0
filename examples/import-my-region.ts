/**
 * Bringing your own region's data into klynge's data contract.
 *
 * Your extracts do not arrive in the contract's shape. This example builds two small files the
 * way they come from the registers — a StatBank FOLK1A population table and an LPR3 contact table
 * ("LPR_A" delivery, lpr_a_kontakt) — maps them to population.csv and admissions.csv, adds a
 * custom geography (your municipalities and clusters), and loads the result with loadDataset,
 * whose load report shows what was read, rejected and why (with line numbers).
 *
 * Register facts used (see the register documentation of your delivery; sources in klynge's
 * shared reference notes on register formats):
 * - FOLK1A CSV from the StatBank API: semicolon-separated, UTF-8 with a BOM, header
 *   OMRÅDE;KØN;ALDER;CIVILSTAND;TID;INDHOLD. KØN 1 = men, 2 = women, TOT = total; ALDER "0 år" …,
 *   IALT = total, the top band may be "100 år og derover"; CIVILSTAND TOT or U/G/E/F; TID "2024K1"
 *   (Danish) or "2024Q1" — quarter 1 is the population on 1 January. Total rows must be dropped,
 *   or sums double.
 * - LPR3 (lpr_a_kontakt): pnr, kont_starttidspunkt, kont_sluttidspunkt, prioritet (ATA1 = acute),
 *   adiag (SKS code, e.g. DJ189), borger_koen, borger_foedselsdato, borger_bo_kom. LPR3 does not
 *   separate inpatients from outpatients: admissions are derived from the duration (≥ 12 h, the
 *   national rule), which is klynge's default ("harmonised") anyway. The codes of borger_koen were
 *   not found in public documentation: check your delivery's and adjust SEX_CODES below.
 * - Person ids must be pseudonyms: klynge refuses ids shaped like CPR numbers.
 *
 * Run from the repository root: npx tsx examples/import-my-region.ts
 */
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { computeIndicators, formatLoadReport, loadDataset } from "../src/index.js";

const work = mkdtempSync(join(tmpdir(), "klynge-import-"));
const raw = join(work, "raw");
const dataset = join(work, "dataset");
for (const d of [raw, dataset]) mkdirSync(d, { recursive: true });

// ---------------------------------------------------------------------------------------------
// 1. Example input files, shaped like the real extracts (normally you would have these already).
// ---------------------------------------------------------------------------------------------
const MUNICIPALITIES = [
  { code: "851", name: "Aalborg", cluster: "Aalborg", hospital: "Aalborg Universitetshospital" },
  { code: "813", name: "Frederikshavn", cluster: "Nord", hospital: "Regionshospital Nordjylland" },
  { code: "860", name: "Hjørring", cluster: "Nord", hospital: "Regionshospital Nordjylland" },
];
{
  const lines = ["OMRÅDE;KØN;ALDER;CIVILSTAND;TID;INDHOLD"];
  for (const m of MUNICIPALITIES)
    for (const tid of ["2023K1", "2023K2", "2024K1"])
      for (const kon of ["TOT", "1", "2"]) {
        lines.push(`${m.code};${kon};IALT;TOT;${tid};99999`); // a total row: must be dropped
        for (let age = 0; age <= 100; age++) {
          const alder = age === 100 ? "100 år og derover" : `${age} år`;
          const count = 20 + ((age * 7 + Number(m.code)) % 30) + (kon === "2" ? 2 : 0);
          lines.push(`${m.code};${kon};${alder};TOT;${tid};${kon === "TOT" ? 2 * count + 2 : count}`);
        }
      }
  writeFileSync(join(raw, "folk1a.csv"), "\uFEFF" + lines.join("\r\n") + "\r\n");
}
{
  const header = "pnr;kont_starttidspunkt;kont_sluttidspunkt;prioritet;adiag;borger_koen;borger_foedselsdato;borger_bo_kom";
  const lines = [header];
  const diagnoses = ["DJ189", "DS720", "DR069", "DI500", "DN390", "DA099"];
  for (let i = 0; i < 60; i++) {
    const person = `rx${(i % 23).toString(36)}q${(i % 23) * 7}`; // pseudonyms, never CPR-shaped
    const birthYear = 1925 + ((i % 23) * 4) % 98;
    const day = 1 + ((i * 11) % 28);
    const month = 1 + (i % 12);
    const start = `2023-${String(month).padStart(2, "0")}-${String(day).padStart(2, "0")} ${String((i * 5) % 24).padStart(2, "0")}:15:00`;
    const hours = (i * 7) % 50; // 0-49 h
    const end = new Date(Date.UTC(2023, month - 1, day, (i * 5) % 24 + hours, 15));
    const endText = end.toISOString().slice(0, 19).replace("T", " ");
    const koen = i % 23 % 2 === 0 ? "K" : "M";
    const kom = MUNICIPALITIES[i % 23 % 3].code;
    lines.push([person, start, endText, i % 4 === 0 ? "ATA3" : "ATA1", diagnoses[i % diagnoses.length], koen, `${birthYear}-06-15`, kom].join(";"));
  }
  // One faulty row, as real extracts have: discharge before admission (the loader reports it).
  lines.push(["rxbadq1", "2023-05-02 10:00:00", "2023-05-01 09:00:00", "ATA1", "DJ189", "K", "1940-01-01", "851"].join(";"));
  writeFileSync(join(raw, "lpr_a_kontakt.csv"), lines.join("\n") + "\n");
}

// ---------------------------------------------------------------------------------------------
// 2. Map FOLK1A to population.csv: year, municipality_code, sex (F/M), age (or "100+"), count.
// ---------------------------------------------------------------------------------------------
function parseCsv(text: string, sep: string): Record<string, string>[] {
  const [head, ...rows] = text.replace(/^\uFEFF/, "").split(/\r?\n/).filter((l) => l.length > 0);
  const cols = head.split(sep);
  return rows.map((l) => Object.fromEntries(l.split(sep).map((v, i) => [cols[i], v])));
}
const folk = parseCsv(readFileSync(join(raw, "folk1a.csv"), "utf8"), ";");
const population = ["year,municipality_code,sex,age,count"];
let dropped = 0;
for (const r of folk) {
  const quarter = /^(\d{4})[KQ]([1-4])$/.exec(r["TID"]);
  // Keep 1 January (quarter 1), one sex, one age, the marital-status total; drop every total row.
  if (!quarter || quarter[2] !== "1" || r["KØN"] === "TOT" || r["ALDER"] === "IALT" || r["CIVILSTAND"] !== "TOT") {
    dropped++;
    continue;
  }
  const sex = r["KØN"] === "1" ? "M" : "F";
  const age = /og derover/.test(r["ALDER"]) ? `${parseInt(r["ALDER"], 10)}+` : String(parseInt(r["ALDER"], 10));
  population.push([quarter[1], r["OMRÅDE"].padStart(3, "0"), sex, age, r["INDHOLD"]].join(","));
}
writeFileSync(join(dataset, "population.csv"), population.join("\n") + "\n");
console.log(`FOLK1A: ${folk.length} rows read, ${population.length - 1} kept, ${dropped} dropped (totals, other quarters)`);

// ---------------------------------------------------------------------------------------------
// 3. Map LPR3 contacts to admissions.csv.
// ---------------------------------------------------------------------------------------------
const SEX_CODES: Record<string, "F" | "M"> = { K: "F", M: "M" }; // check your delivery's codes
const lpr = parseCsv(readFileSync(join(raw, "lpr_a_kontakt.csv"), "utf8"), ";");
const admissions = ["patient_id,birth_date,sex,municipality_code,admitted_at,discharged_at,admission_type,contact_type,primary_diagnosis"];
for (const r of lpr) {
  const start = r["kont_starttidspunkt"].slice(0, 16).replace(" ", "T");
  const end = r["kont_sluttidspunkt"].slice(0, 16).replace(" ", "T");
  const hours = (Date.parse(end + ":00Z") - Date.parse(start + ":00Z")) / 3.6e6;
  admissions.push(
    [
      r["pnr"],
      r["borger_foedselsdato"].slice(0, 10),
      SEX_CODES[r["borger_koen"]] ?? "",
      r["borger_bo_kom"],
      start,
      end,
      r["prioritet"] === "ATA1" ? "acute" : "planned",
      // LPR3 has no inpatient/outpatient flag: derive it from the duration (the 12-hour rule).
      hours >= 12 ? "inpatient" : "outpatient",
      r["adiag"],
    ].join(","),
  );
}
writeFileSync(join(dataset, "admissions.csv"), admissions.join("\n") + "\n");
console.log(`LPR3 contacts: ${lpr.length} rows mapped to admissions.csv`);

// ---------------------------------------------------------------------------------------------
// 4. Your own geography: municipality -> cluster -> hospital unit.
// ---------------------------------------------------------------------------------------------
writeFileSync(
  join(dataset, "geography.csv"),
  ["municipality_code,municipality_name,cluster,hospital_unit", ...MUNICIPALITIES.map((m) => [m.code, m.name, m.cluster, m.hospital].join(","))].join("\n") + "\n",
);

// ---------------------------------------------------------------------------------------------
// 5. Load and check.
// ---------------------------------------------------------------------------------------------
const ds = await loadDataset(dataset);
console.log(formatLoadReport(ds.report).replaceAll(dataset, "<dataset>"));
console.log("(The rejected row was made faulty on purpose, to show how a problem is reported: file, line, what was found.)");
// Rates need complete periods inside the data: the extract ends in late December, so use quarters.
const rows = computeIndicators(ds, { levels: ["cluster"], groups: ["all"], sexes: ["all"], period: "quarter", indicators: ["admission_rate"], minCount: 0 });
for (const r of rows)
  console.log(`Acute admissions per 1,000 citizen-years in ${r.unit}, ${r.period}: ${r.value?.toFixed(1)} (${r.numerator} admissions)`);
rmSync(work, { recursive: true, force: true });
