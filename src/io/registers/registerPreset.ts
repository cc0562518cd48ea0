/**
 * What a register preset is: the declarative description of one register extract (files,
 * columns and their roles, code lists and filters) that the generic reader
 * (readRegisterContacts.ts) follows. One file per register holds its preset (lpr3aPreset.ts …);
 * docs/registers.md is their description in words.
 */

/** The contact-level register formats. */
export const REGISTER_FORMATS = ["lpr3-a", "lpr3-f", "lpr2", "npr"] as const;
export type RegisterFormat = (typeof REGISTER_FORMATS)[number];
/** Every format `klynge import` reads: the contact registers and the StatBank population. */
export const IMPORT_FORMATS = [...REGISTER_FORMATS, "statbank-folk1a"] as const;
export type ImportFormat = (typeof IMPORT_FORMATS)[number];

/** What a column of a register file is used for. */
export type Role =
  | "person"
  | "start"
  | "end"
  | "startDate"
  | "startTime"
  | "endDate"
  | "endTime"
  | "startHour"
  | "startMinute"
  | "endHour"
  | "priority"
  | "kind"
  | "patientType"
  | "system"
  | "sex"
  | "birthDate"
  | "birthYear"
  | "municipality"
  | "diagnosis"
  | "hospital"
  | "referral"
  | "weight"
  | "year"
  | "contactKey"
  | "courseKey";

/** Numeric targets of code columns. DROP = the row is excluded by design; UNMAPPED = no mapping. */
export const DROP = -2;
export const UNMAPPED = -1;

/** The mapping of one code column: register value (upper case) → target name. */
export interface CodeRule {
  /** Target names and their numeric codes, e.g. { acute: 1, planned: 0, drop: DROP }. */
  readonly targets: Readonly<Record<string, number>>;
  /** Values with a documented meaning: value (upper case, trimmed) → target name (and a note). */
  readonly known: Readonly<Record<string, string | { readonly to: string; readonly note: string }>>;
  /**
   * A value with no mapping: "exclude" = the row is not imported (warning, counted);
   * "ignore" = the column is not used for the row (counted; another rule decides).
   */
  readonly unmapped: "exclude" | "ignore";
  /** Why a value may have no mapping, shown in the warning and the report (e.g. "meaning not found"). */
  readonly unmappedNote: string;
}

/** One column of a register file. */
export interface ColumnRule {
  /** Accepted names, lower case, the first being the one shown in messages. */
  readonly names: readonly string[];
  readonly role: Role;
  readonly required: boolean;
  /** For code columns. */
  readonly codes?: CodeRule;
}

/** One file of a preset (the contact file, or the person table). */
export interface FileRule {
  /** Accepted file names without extension, lower case, the first being the usual one. */
  readonly names: readonly string[];
  /** "an LPR3 LPR_A lpr_a_kontakt": the words of the wrong-shape message. */
  readonly title: string;
  readonly columns: readonly ColumnRule[];
  /** Groups of alternative columns of which one must be present (e.g. innmateHast or hastegrad). */
  readonly oneOf?: readonly (readonly string[])[];
}

export interface RegisterPreset {
  readonly format: RegisterFormat;
  /** Name of the register in the report, e.g. "LPR3, LPR_A delivery (lpr_a_kontakt)". */
  readonly register: string;
  readonly contacts: FileRule;
  /** The person table, for registers whose contact file lacks sex and birth date. */
  readonly persons?: FileRule;
  /** Where the municipality comes from when there is a person table: the contact ("contact") or the person. */
  readonly municipalityFrom: "contact" | "person";
  /** Municipality code style. */
  readonly country: "dk" | "no";
  /** How the contact type is decided when the patient-type column gives none: by duration (≥ 12 h). */
  readonly contactTypeByDuration: boolean;
  /** LPR2: the discharge has an hour only; a discharge before the admission in the same hour is set to the admission. */
  readonly dischargeHourOnly: boolean;
  /** Names of the key columns a cost file may share with the contact file, in order of preference. */
  readonly costKeys: readonly string[];
  /** Notes shown in the load report for every import of this format. */
  readonly notes: readonly string[];
}

/** Code rule of LPR3 `prioritet`. */
export const LPR3_PRIORITY: CodeRule = {
  targets: { acute: 1, planned: 0, drop: DROP },
  known: {
    ATA1: "acute",
    ATA3: { to: "planned", note: "used as the planned counterpart; official label not found" },
  },
  unmapped: "exclude",
  unmappedNote: "meaning not found",
};

/** Code rule of LPR3 `kont_type` / `kontakttype`. */
export const LPR3_KIND: CodeRule = {
  targets: { keep: 1, drop: DROP },
  known: { ALCA00: { to: "keep", note: "physical attendance" } },
  unmapped: "exclude",
  unmappedNote: "meaning not found",
};

/** Code rule of LPR3 `lprindberetningssystem`: only LPR3 rows. */
export const LPR3_SYSTEM: CodeRule = {
  targets: { keep: 1, drop: DROP },
  known: {
    LPR3: "keep",
    LPR2: { to: "drop", note: "overlaps the LPR2 register" },
  },
  unmapped: "exclude",
  unmappedNote: "not LPR3",
};

/** Code rule of a sex column whose codes were not found (LPR3 borger_koen, person tables). */
export const SEX_LETTERS: CodeRule = {
  targets: { M: 2, F: 1, drop: DROP },
  known: { M: "M", K: "F", F: "F", MAND: "M", KVINDE: "F" },
  unmapped: "exclude",
  unmappedNote: "the register's sex codes were not found",
};

/**
 * Code rule of a referral-mode column (LPR_F `henvisningsmaade`, LPR2 `c_henm`): the column is
 * documented (sources in docs/registers.md) but the meaning of its codes was not found in public
 * documentation here, so no value is mapped unless the user maps it (`--map henvisningsmaade.X=gp`).
 * An unmapped value leaves the referral source not given (the row is imported); when no value is
 * mapped, the load report says the extract cannot answer "from where" (CannotAnswer).
 */
export const REFERRAL_MODE: CodeRule = {
  targets: { gp: 0, out_of_hours: 1, nursing_home: 2, emergency_call: 3, hospital: 4, self: 5, other: 6 },
  known: {},
  unmapped: "ignore",
  unmappedNote: "the meaning of the referral-mode codes was not found in public documentation",
};
