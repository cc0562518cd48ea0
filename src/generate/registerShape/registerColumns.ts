/**
 * The files and header columns written per register format, exactly as docs/registers.md (and
 * ../shared/reference/registers.md) spell them, column case included.
 */

import type { RegisterShapeFormat } from "./registerFormat.js";

/** lpr3-a `lpr_a_kontakt` (steno-aarhus/registers-guide via docs/registers.md). */
export const LPR3A_CONTACT_COLUMNS = [
  "pnr",
  "dw_ek_kontakt",
  "dw_sk_sygehusophold",
  "kont_starttidspunkt",
  "kont_sluttidspunkt",
  "kont_type",
  "kont_patient_type",
  "prioritet",
  "adiag",
  "borger_koen",
  "borger_foedselsdato",
  "borger_bo_kom",
  "borger_bo_reg",
  "lprindberetningssystem",
] as const;

/** lpr3-f `kontakter` (LPR_F; `lprindberetningssytem` is spelled so in LPR_F). */
export const LPR3F_CONTACT_COLUMNS = [
  "cpr_encrypted",
  "DW_EK_KONTAKT",
  "DW_EK_FORLOEB",
  "dato_start",
  "tidspunkt_start",
  "dato_slut",
  "tidspunkt_slut",
  "kontakttype",
  "prioritet",
  "aktionsdiagnose",
  "lprindberetningssytem",
] as const;

/** LPR2 `t_adm`. */
export const LPR2_CONTACT_COLUMNS = [
  "recnum",
  "pnr",
  "d_inddto",
  "v_indtime",
  "v_indminut",
  "d_uddto",
  "v_udtime",
  "c_pattype",
  "c_indm",
  "c_adiag",
  "c_kom",
  "c_sgh",
  "v_sengdage",
] as const;

/** NPR somatic episodes. */
export const NPR_CONTACT_COLUMNS = [
  "pid",
  "innDato",
  "innTid",
  "utDato",
  "utTid",
  "kjonn",
  "fodselsar",
  "komNrHjem2",
  "Hdiag",
  "omsorgsniva",
  "innmateHast",
  "drg",
  "korrvekt",
  "liggetid",
] as const;

/** The person table of lpr3-f; `aar` is appended when a patient moved (see writeRegisterFiles). */
export const LPR3F_PERSON_COLUMNS = ["cpr_encrypted", "koen", "foed_dag", "kom"] as const;
/** The person table of lpr2 (keyed by `pnr` as t_adm; `kom` is written but the importer uses `c_kom`). */
export const LPR2_PERSON_COLUMNS = ["pnr", "koen", "foed_dag", "kom"] as const;
/** The year column of a person table with one row per person and year. */
export const PERSON_YEAR_COLUMN = "aar";

/** Cost files: key column (as in the contact file) and price column. */
export const LPR3A_COST_COLUMNS = ["dw_sk_sygehusophold", "pris"] as const;
export const LPR3F_COST_COLUMNS = ["DW_EK_FORLOEB", "pris"] as const;
export const LPR2_COST_COLUMNS = ["recnum", "v_pris"] as const;

/** One register file: its name (before `.csv`/`.csv.gz`) and header. */
export interface RegisterFileShape {
  readonly name: string;
  readonly columns: readonly string[];
}

/** The register files of each format (the contract's population.csv and geography.csv come besides). */
export const REGISTER_SHAPES: Readonly<Record<RegisterShapeFormat, readonly RegisterFileShape[]>> = {
  "lpr3-a": [
    { name: "lpr_a_kontakt", columns: LPR3A_CONTACT_COLUMNS },
    { name: "drg", columns: LPR3A_COST_COLUMNS },
  ],
  "lpr3-f": [
    { name: "kontakter", columns: LPR3F_CONTACT_COLUMNS },
    { name: "personer", columns: LPR3F_PERSON_COLUMNS },
    { name: "drg", columns: LPR3F_COST_COLUMNS },
  ],
  lpr2: [
    { name: "t_adm", columns: LPR2_CONTACT_COLUMNS },
    { name: "personer", columns: LPR2_PERSON_COLUMNS },
    { name: "drg", columns: LPR2_COST_COLUMNS },
  ],
  npr: [{ name: "npr", columns: NPR_CONTACT_COLUMNS }],
};
