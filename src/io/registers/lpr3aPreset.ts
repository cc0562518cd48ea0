/** The lpr3-a preset: LPR3, current LPR_A delivery, table lpr_a_kontakt (docs/registers.md). */

import { LPR3_KIND, LPR3_PRIORITY, LPR3_SYSTEM, SEX_LETTERS } from "./registerPreset.js";
import type { CodeRule, RegisterPreset } from "./registerPreset.js";

/** `kont_patient_type`: meaning not found, so not used unless the user maps a value. */
export const LPR3_PATIENT_TYPE: CodeRule = {
  targets: { inpatient: 1, outpatient: 0, drop: -2 },
  known: {},
  unmapped: "ignore",
  unmappedNote: "meaning not found; contact type by duration (>= 12 h = inpatient)",
};

export const LPR3_A_PRESET: RegisterPreset = {
  format: "lpr3-a",
  register: "LPR3, LPR_A delivery (lpr_a_kontakt)",
  contacts: {
    names: ["lpr_a_kontakt", "kontakt", "lpr_a_kontakter"],
    title: "an LPR3 LPR_A lpr_a_kontakt",
    columns: [
      { names: ["pnr"], role: "person", required: true },
      { names: ["kont_starttidspunkt"], role: "start", required: true },
      { names: ["kont_sluttidspunkt"], role: "end", required: true },
      { names: ["kont_type"], role: "kind", required: true, codes: LPR3_KIND },
      { names: ["prioritet"], role: "priority", required: true, codes: LPR3_PRIORITY },
      { names: ["adiag"], role: "diagnosis", required: true },
      { names: ["borger_koen"], role: "sex", required: true, codes: SEX_LETTERS },
      { names: ["borger_foedselsdato"], role: "birthDate", required: true },
      { names: ["borger_bo_kom"], role: "municipality", required: true },
      { names: ["kont_patient_type"], role: "patientType", required: false, codes: LPR3_PATIENT_TYPE },
      { names: ["lprindberetningssystem"], role: "system", required: false, codes: LPR3_SYSTEM },
      { names: ["dw_sk_sygehusophold"], role: "courseKey", required: false },
      { names: ["dw_ek_kontakt"], role: "contactKey", required: false },
    ],
  },
  municipalityFrom: "contact",
  country: "dk",
  contactTypeByDuration: true,
  dischargeHourOnly: false,
  costKeys: ["dw_sk_sygehusophold", "dw_ek_kontakt"],
  notes: [
    "LPR3 does not separate inpatient from outpatient contacts: contact_type is derived (>= 12 h or still open = inpatient), use registration \"harmonised\"",
    "prioritet ATA3 is read as planned (the planned counterpart of ATA1; its official label was not found)",
  ],
};
