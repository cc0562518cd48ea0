/** The lpr2 preset: LPR2 (until 2019), table t_adm / lpr_adm + a person table (docs/registers.md). */

import { PERSON_TABLE } from "./lpr3fPreset.js";
import { REFERRAL_MODE, type CodeRule, type RegisterPreset } from "./registerPreset.js";

/** `c_pattype`: 0 inpatient, 1 part-day, 2 outpatient, 3 emergency room. */
export const LPR2_PATIENT_TYPE: CodeRule = {
  targets: { inpatient: 1, outpatient: 0, drop: -2 },
  known: {
    "0": { to: "inpatient", note: "inpatient" },
    "1": { to: "outpatient", note: "part-day patient" },
    "2": { to: "outpatient", note: "outpatient (from 2014 also emergency visits, with c_indm 1)" },
    "3": { to: "outpatient", note: "emergency room" },
  },
  unmapped: "exclude",
  unmappedNote: "not a documented c_pattype",
};

/** `c_indm`: 1 acute, 2 not acute, 9 unknown (not mapped). */
export const LPR2_PRIORITY: CodeRule = {
  targets: { acute: 1, planned: 0, drop: -2 },
  known: { "1": "acute", "2": { to: "planned", note: "not acute" } },
  unmapped: "exclude",
  unmappedNote: "9 = unknown in the register",
};

export const LPR2_PRESET: RegisterPreset = {
  format: "lpr2",
  register: "LPR2 (t_adm / lpr_adm)",
  contacts: {
    names: ["t_adm", "lpr_adm", "adm"],
    title: "an LPR2 t_adm",
    columns: [
      { names: ["recnum"], role: "contactKey", required: true },
      { names: ["pnr", "v_cpr_encrypted", "cpr_encrypted", "cpr"], role: "person", required: true },
      { names: ["d_inddto"], role: "startDate", required: true },
      { names: ["v_indtime"], role: "startHour", required: true },
      { names: ["v_indminut"], role: "startMinute", required: true },
      { names: ["d_uddto"], role: "endDate", required: true },
      { names: ["v_udtime"], role: "endHour", required: true },
      { names: ["c_pattype"], role: "patientType", required: true, codes: LPR2_PATIENT_TYPE },
      { names: ["c_indm"], role: "priority", required: true, codes: LPR2_PRIORITY },
      { names: ["c_adiag"], role: "diagnosis", required: true },
      { names: ["c_kom"], role: "municipality", required: true },
      { names: ["c_sgh"], role: "hospital", required: false },
      { names: ["c_henm"], role: "referral", required: false, codes: REFERRAL_MODE },
    ],
  },
  persons: PERSON_TABLE,
  municipalityFrom: "contact",
  country: "dk",
  contactTypeByDuration: false,
  dischargeHourOnly: true,
  costKeys: ["recnum"],
  notes: [
    "LPR2 has no discharge minute: discharges are read at the hour (:00); one before its admission in the same hour is set to the admission time",
    "sex and birth date are joined from the person table by person id; the municipality is the contact's c_kom",
  ],
};
