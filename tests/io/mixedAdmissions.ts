/** Test data: admissions files that exercise both the fast path and the row path. */

import { ADM_HEADER, admLine, admRow, mulberry32 } from "./helpers.js";
import type { AdmRow } from "./helpers.js";

const VARIANTS: ((r: () => number) => Partial<AdmRow>)[] = [
  () => ({}),
  () => ({ sex: "K" }),
  () => ({ sex: " m " }),
  () => ({ sex: "X" }),
  () => ({ primary_diagnosis: "DJ189" }),
  () => ({ primary_diagnosis: "s72.0" }),
  () => ({ primary_diagnosis: "DD509" }),
  () => ({ primary_diagnosis: "??" }),
  () => ({ admitted_at: "2019-03-02 10:00:30" }),
  () => ({ admitted_at: "2019-3-2T10:00" }),
  () => ({ admitted_at: "2019-02-30T10:00" }),
  () => ({ admitted_at: " 2019-03-02T10:00" }),
  () => ({ admitted_at: "2019-03-31T02:15" }),
  () => ({ discharged_at: "" }),
  () => ({ discharged_at: "2019-03-01T00:00" }),
  () => ({ discharged_at: "2019-10-27T02:30" }),
  () => ({ birth_date: "2020-01-01" }),
  () => ({ birth_date: "1940-02-29" }),
  () => ({ birth_date: "1944-02-29" }),
  () => ({ municipality_code: "101" }),
  () => ({ municipality_code: "0751" }),
  () => ({ municipality_code: "661" }),
  () => ({ cost_dkk: "" }),
  () => ({ cost_dkk: "-5" }),
  () => ({ cost_dkk: "12abc" }),
  () => ({ cost_dkk: "0.1" }),
  () => ({ cost_dkk: "1234567890.12345" }),
  () => ({ cost_dkk: "007.50" }),
  (r) => ({ cost_dkk: (r() * 1e5).toFixed(2) }),
  () => ({ referral_source: "" }),
  () => ({ referral_source: "Nursing_Home" }),
  () => ({ referral_source: "doctor" }),
  () => ({ admission_type: "PLANLAGT" }),
  () => ({ contact_type: "indlagt" }),
  () => ({ hospital: "" }),
  () => ({ hospital: "Regionshospitalet Gødstrup" }),
  () => ({ hospital: '"Quoted, with comma"' }),
  () => ({ patient_id: " p7f3a0c21 " }),
  () => ({ patient_id: ["0101", "90", "1234"].join("") }),
  () => ({ patient_id: "" }),
];

/**
 * A seeded admissions.csv mixing plain rows with every kind of unusual one (quoted fields, odd but
 * valid forms, bad values, row rules, DST hours, exact duplicates, blank and garbage lines).
 */
export function mixedFile(seed: number, n: number, delimiter: string, crlf: boolean): string {
  const r = mulberry32(seed);
  const lines: string[] = [delimiter === "," ? ADM_HEADER : ADM_HEADER.replaceAll(",", delimiter)];
  for (let i = 0; i < n; i++) {
    const roll = r();
    if (roll < 0.05 && lines.length > 1) {
      lines.push(lines[1 + Math.floor(r() * (lines.length - 1))]); // exact duplicate
      continue;
    }
    if (roll < 0.07) {
      lines.push(roll < 0.06 ? "" : "garbage;without,enough");
      continue;
    }
    const patient = `p${Math.floor(r() * n * 0.3).toString(36)}`;
    const day = 1 + Math.floor(r() * 27);
    const base: AdmRow = admRow({
      patient_id: patient,
      admitted_at: `2019-03-${String(day).padStart(2, "0")}T${String(Math.floor(r() * 24)).padStart(2, "0")}:${String(Math.floor(r() * 60)).padStart(2, "0")}`,
      discharged_at: `2019-04-${String(day).padStart(2, "0")}T08:00`,
      cost_dkk: (r() * 5e4).toFixed(Math.floor(r() * 3)),
    });
    const variant = VARIANTS[Math.floor(r() * VARIANTS.length)](r);
    const row = { ...base, ...variant };
    if (variant.patient_id === " p7f3a0c21 ") row.patient_id = ` ${patient} `;
    if (delimiter === ";") row.cost_dkk = row.cost_dkk.replace(".", ",");
    lines.push(admLine(row, delimiter));
  }
  return lines.join(crlf ? "\r\n" : "\n") + (r() < 0.5 ? "\n" : "");
}
