/** The lpr3-f preset: LPR3, LPR_F research delivery, table kontakter + a person table (docs/registers.md). */

import { LPR3_KIND, LPR3_PRIORITY, LPR3_SYSTEM, REFERRAL_MODE, SEX_LETTERS } from "./registerPreset.js";
import type { FileRule, RegisterPreset } from "./registerPreset.js";

/** Person ids of LPR_F-era files: the encrypted CPR, or CPR / pnr. */
export const PERSON_ID_NAMES = ["cpr_encrypted", "cpr", "pnr", "v_cpr_encrypted"] as const;

/** The person table (personer.csv): sex, birth date, municipality by person (and year). */
export const PERSON_TABLE: FileRule = {
  names: ["personer", "person", "bef"],
  title: "a person table (personer)",
  columns: [
    { names: [...PERSON_ID_NAMES], role: "person", required: true },
    { names: ["koen"], role: "sex", required: true, codes: SEX_LETTERS },
    { names: ["foed_dag", "foedselsdato"], role: "birthDate", required: true },
    { names: ["kom", "bopael_kom"], role: "municipality", required: false },
    { names: ["aar"], role: "year", required: false },
  ],
};

export const LPR3_F_PRESET: RegisterPreset = {
  format: "lpr3-f",
  register: "LPR3, LPR_F research delivery (kontakter)",
  contacts: {
    names: ["kontakter", "lpr_f_kontakter"],
    title: "an LPR3 LPR_F kontakter",
    columns: [
      { names: [...PERSON_ID_NAMES], role: "person", required: true },
      { names: ["dato_start"], role: "startDate", required: true },
      { names: ["tidspunkt_start"], role: "startTime", required: true },
      { names: ["dato_slut"], role: "endDate", required: true },
      { names: ["tidspunkt_slut"], role: "endTime", required: true },
      { names: ["kontakttype"], role: "kind", required: true, codes: LPR3_KIND },
      { names: ["prioritet"], role: "priority", required: true, codes: LPR3_PRIORITY },
      { names: ["aktionsdiagnose"], role: "diagnosis", required: true },
      { names: ["sorenhed_ans"], role: "hospital", required: false },
      { names: ["henvisningsmaade"], role: "referral", required: false, codes: REFERRAL_MODE },
      { names: ["lprindberetningssytem", "lprindberetningssystem"], role: "system", required: false, codes: LPR3_SYSTEM },
      { names: ["dw_ek_forloeb"], role: "courseKey", required: false },
      { names: ["dw_ek_kontakt"], role: "contactKey", required: false },
    ],
  },
  persons: { ...PERSON_TABLE, columns: PERSON_TABLE.columns.map((c) => (c.role === "municipality" ? { ...c, required: true } : c)) },
  municipalityFrom: "person",
  country: "dk",
  contactTypeByDuration: true,
  dischargeHourOnly: false,
  costKeys: ["dw_ek_forloeb", "dw_ek_kontakt"],
  notes: [
    "LPR3 does not separate inpatient from outpatient contacts: contact_type is derived (>= 12 h or still open = inpatient), use registration \"harmonised\"",
    "prioritet ATA3 is read as planned (the planned counterpart of ATA1; its official label was not found)",
    "sex, birth date and municipality are joined from the person table by person id",
  ],
};
