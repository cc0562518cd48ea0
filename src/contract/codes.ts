/**
 * Code lists of the data contract. Each is an `as const` object (the vega-lite pattern): the
 * keys are the canonical codes, the values the numeric codes used in columnar tables.
 */

/** Sex: F (Danish K accepted) and M. Columnar code 1 = F, 2 = M. */
export const Sex = { F: 1, M: 2 } as const;
export type Sex = keyof typeof Sex;
export const SEX_BY_CODE: readonly Sex[] = ["F", "F", "M"]; // index by code (0 unused)

/** Admission type. Columnar code 1 = acute, 0 = planned. */
export const AdmissionType = { planned: 0, acute: 1 } as const;
export type AdmissionType = keyof typeof AdmissionType;

/** Contact type as registered. Columnar code 1 = inpatient, 0 = outpatient. */
export const ContactType = { outpatient: 0, inpatient: 1 } as const;
export type ContactType = keyof typeof ContactType;

/** Referral sources. Columnar code = index; -1 = not given. */
export const REFERRAL_SOURCES = [
  "gp",
  "out_of_hours",
  "nursing_home",
  "emergency_call",
  "hospital",
  "self",
  "other",
] as const;
export type ReferralSource = (typeof REFERRAL_SOURCES)[number];

/** Sectors of sector_costs.csv. */
export const SECTORS = ["hospital", "general_practice", "municipal_care", "other"] as const;
export type Sector = (typeof SECTORS)[number];
