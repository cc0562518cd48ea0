/**
 * Bringing your own region's register extracts into klynge.
 *
 * Your data does not arrive in klynge's contract: it arrives as register extracts. klynge reads
 * them directly (docs/registers.md). This example builds three small files the way they come —
 * a StatBank FOLK1A population table, an LPR3 contact table ("LPR_A" delivery, lpr_a_kontakt) and
 * your geography (municipalities and clusters) — and
 * 1. loads the folder with the lpr3-a preset: person ids pseudonymised with your key (HMAC-SHA256),
 *    codes mapped (prioritet ATA1 = acute …), FOLK1A read as the population (totals dropped), and
 *    a load report that names every rejected row and every value without a mapping;
 * 2. computes an indicator;
 * 3. writes the result as a contract dataset folder (what `klynge import` does).
 *
 * Run from the repository root: npx tsx examples/import-my-region.ts
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { computeIndicators, formatLoadReport, loadDataset, writeDataset } from "../src/index.js";

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
  const header = "pnr;kont_starttidspunkt;kont_sluttidspunkt;kont_type;prioritet;adiag;borger_koen;borger_foedselsdato;borger_bo_kom";
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
    lines.push([person, start, endText, "ALCA00", i % 4 === 0 ? "ATA3" : "ATA1", diagnoses[i % diagnoses.length], koen, `${birthYear}-06-15`, kom].join(";"));
  }
  // One faulty row, as real extracts have: discharge before admission (the loader reports it).
  lines.push(["rxbadq1", "2023-05-02 10:00:00", "2023-05-01 09:00:00", "ALCA00", "ATA1", "DJ189", "K", "1940-01-01", "851"].join(";"));
  writeFileSync(join(raw, "lpr_a_kontakt.csv"), lines.join("\n") + "\n");
}

// Your geography: municipality -> cluster -> hospital unit.
writeFileSync(
  join(raw, "geography.csv"),
  ["municipality_code,municipality_name,cluster,hospital_unit", ...MUNICIPALITIES.map((m) => [m.code, m.name, m.cluster, m.hospital].join(","))].join("\n") + "\n",
);

// ---------------------------------------------------------------------------------------------
// 2. Load the extract with the lpr3-a preset. The key is yours (here a fixed one; in practice read
//    it from a file that stays outside klynge's folders, or KLYNGE_PSEUDONYM_KEY).
// ---------------------------------------------------------------------------------------------
const ds = await loadDataset(raw, { format: "lpr3-a", pseudonymKey: "example key: keep yours secret" });
console.log(formatLoadReport(ds.report).replaceAll(raw, "<extract>"));
console.log("(The rejected row was made faulty on purpose, to show how a problem is reported: file, line, what was found.)");
// Rates need complete periods inside the data: the extract ends in late December, so use quarters.
const rows = computeIndicators(ds, { levels: ["cluster"], groups: ["all"], sexes: ["all"], period: "quarter", indicators: ["admission_rate"], minCount: 0 });
for (const r of rows)
  console.log(`Acute admissions per 1,000 citizen-years in ${r.unit}, ${r.period}: ${r.value?.toFixed(1)} (${r.numerator} admissions)`);

// ---------------------------------------------------------------------------------------------
// 3. Keep it as a contract dataset (pseudonymous ids only), as `klynge import` writes it.
// ---------------------------------------------------------------------------------------------
const files = await writeDataset(ds, dataset);
console.log(`wrote ${files.join(", ")}`);
rmSync(work, { recursive: true, force: true });
