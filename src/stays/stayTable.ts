/** Columnar tables of the stays layer: stays, admissions with readmission links, and the report. */

/** Registration rule for admissions: ≥ 12 h elapsed ("harmonised") or any inpatient contact. */
export const Registration = { harmonised: "harmonised", "as-registered": "as-registered" } as const;
export type Registration = keyof typeof Registration;
export function isRegistration(x: unknown): x is Registration {
  return x === "harmonised" || x === "as-registered";
}

/**
 * One row per stay, sorted by patient then start. Attributes that come from the first contact
 * (hospital, referral, birth date) are read through `firstContact` from the ContactTable, so that
 * no column is copied that the contacts already hold; `patient`, `diagnosis` and `censored` are
 * built on first read (code on the hot path reads contacts.patient / contacts.diagnosis through
 * `firstContact`, and `end === MISSING`), and so are `start` and `municipality` when the contacts'
 * rows already are in patient and time order (hot loops read them with `staySource`).
 */
export interface StayTable {
  readonly length: number;
  readonly patient: Int32Array;
  /** Contact row (index into the ContactTable) of the stay's first contact. */
  readonly firstContact: Int32Array;
  /** Contacts of the stay (duplicates not counted); the narrowest array type that holds the largest count. */
  readonly contactCount: Int32Array | Uint16Array | Uint8Array;
  /** Wall-clock minutes of the first admitted_at. */
  readonly start: Int32Array;
  /** Wall-clock minutes of the latest discharged_at, MISSING when censored (still admitted). */
  readonly end: Int32Array;
  /** 1 when the first contact is acute. */
  readonly acute: Uint8Array;
  /** 1 when any contact is registered as inpatient. */
  readonly anyInpatient: Uint8Array;
  /** 1 when a contact of the stay has no discharge (still admitted at extraction). */
  readonly censored: Uint8Array;
  readonly municipality: Int16Array;
  readonly sex: Uint8Array;
  /** Completed years at the stay's start (a Uint8Array when every age is in 0–255). */
  readonly age: Int16Array | Uint8Array;
  /** Index into the ContactTable's `diagnoses` (first contact's primary diagnosis); a Uint16Array when there are at most 65,536 diagnoses. */
  readonly diagnosis: Int32Array | Uint16Array;
  /** 1 when the stay is an admission under "harmonised" (≥ 12 h elapsed; open stays: ≥ 12 h before the data end). */
  readonly admissionHarmonised: Uint8Array;
  /** 1 when the stay is an admission under "as-registered" (any inpatient contact). */
  readonly admissionAsRegistered: Uint8Array;
}

/**
 * Admissions under one registration rule, in stay order (patient, start), with readmission links.
 * Other attributes are read through `stay` from the StayTable.
 */
export interface AdmissionTable {
  readonly length: number;
  readonly registration: Registration;
  /** Row of the StayTable. */
  readonly stay: Int32Array;
  /** 1 when the admission qualifies as an index admission (discharged, alive, ≥ window of data after). */
  readonly index: Uint8Array;
  /** 1 when an index admission is followed by a qualifying acute readmission. */
  readonly readmitted: Uint8Array;
  /** 1 when this admission is a qualifying readmission after some index admission. */
  readonly readmission: Uint8Array;
  /** Wall-clock minute used as the data end. */
  readonly dataEnd: number;
}

/** What happened to the contacts on their way to stays: nothing is dropped without a count. */
export interface StaysReport {
  readonly contactsIn: number;
  /** Exact duplicate contacts (all fields equal), counted once. */
  readonly duplicates: number;
  readonly contactsUsed: number;
  /** Contacts without discharge (kept; their stay is censored). */
  readonly censoredContacts: number;
  readonly censoredStays: number;
  readonly stays: number;
  readonly patients: number;
  readonly admissionsHarmonised: number;
  readonly admissionsAsRegistered: number;
  /** Latest admitted_at in the data (wall-clock minutes): the default data end. */
  readonly latestAdmittedAt: number;
}
