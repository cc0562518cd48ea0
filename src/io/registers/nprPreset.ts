/** The npr preset: Norway's Norsk pasientregister, somatic episodes (docs/registers.md). */

import type { CodeRule, RegisterPreset } from "./registerPreset.js";

/** `omsorgsniva`: 1 inpatient, 2 day treatment, 3 outpatient, 8 inpatient radiotherapy. */
export const NPR_CARE_LEVEL: CodeRule = {
  targets: { inpatient: 1, outpatient: 0, drop: -2 },
  known: {
    "1": { to: "inpatient", note: "inpatient (døgnopphold)" },
    "2": { to: "outpatient", note: "day treatment" },
    "3": { to: "outpatient", note: "outpatient" },
    "8": { to: "inpatient", note: "inpatient radiotherapy" },
  },
  unmapped: "exclude",
  unmappedNote: "not a documented omsorgsniva",
};

/** `innmateHast`: 1–3 acute, 4 planned. */
export const NPR_URGENCY: CodeRule = {
  targets: { acute: 1, planned: 0, drop: -2 },
  known: { "1": "acute", "2": "acute", "3": "acute", "4": "planned" },
  unmapped: "exclude",
  unmappedNote: "not a documented innmateHast",
};

/** `hastegrad` (derived; its codes were not found): only the words. */
export const NPR_HASTEGRAD: CodeRule = {
  targets: { acute: 1, planned: 0, drop: -2 },
  known: { AKUTT: "acute", PLANLAGT: "planned", ELEKTIV: "planned" },
  unmapped: "exclude",
  unmappedNote: "the codes of hastegrad were not found",
};

/** `kjonn`: 1 man, 2 woman. */
export const NPR_SEX: CodeRule = {
  targets: { M: 2, F: 1, drop: -2 },
  known: { "1": "M", "2": "F" },
  unmapped: "exclude",
  unmappedNote: "not 1 (man) or 2 (woman)",
};

export const NPR_PRESET: RegisterPreset = {
  format: "npr",
  register: "Norsk pasientregister, somatic episodes",
  contacts: {
    names: ["npr", "somatikk", "episoder"],
    title: "an NPR somatic episode",
    columns: [
      { names: ["pid"], role: "person", required: true },
      { names: ["inndato"], role: "startDate", required: true },
      { names: ["inntid"], role: "startTime", required: true },
      { names: ["utdato"], role: "endDate", required: true },
      { names: ["uttid"], role: "endTime", required: true },
      { names: ["kjonn"], role: "sex", required: true, codes: NPR_SEX },
      { names: ["fodselsar"], role: "birthYear", required: true },
      { names: ["komnrhjem2"], role: "municipality", required: true },
      { names: ["hdiag"], role: "diagnosis", required: true },
      { names: ["omsorgsniva"], role: "patientType", required: true, codes: NPR_CARE_LEVEL },
      { names: ["innmatehast"], role: "priority", required: false, codes: NPR_URGENCY },
      { names: ["hastegrad"], role: "priority", required: false, codes: NPR_HASTEGRAD },
      { names: ["korrvekt"], role: "weight", required: false },
    ],
    oneOf: [["innmatehast", "hastegrad"]],
  },
  municipalityFrom: "contact",
  country: "no",
  contactTypeByDuration: false,
  dischargeHourOnly: false,
  costKeys: [],
  notes: [
    "NPR gives the birth year only: birth_date is 1 January of fodselsar, so age = the contact's year - birth year",
    "komNrHjem2 is a 4-digit Norwegian municipality number; the geography must list Norwegian municipalities",
  ],
};
