/**
 * The register formats that {@link writeRegisterFiles} writes a contract dataset in, and its
 * options (docs/registers.md names the formats, files and columns).
 */

/** Register presets of docs/registers.md with contact data (statbank-folk1a is population only). */
export const REGISTER_SHAPE_FORMATS = ["lpr3-a", "lpr3-f", "lpr2", "npr"] as const;
export type RegisterShapeFormat = (typeof REGISTER_SHAPE_FORMATS)[number];

/** True when `value` names a register format that can be written. */
export function isRegisterShapeFormat(value: string): value is RegisterShapeFormat {
  return (REGISTER_SHAPE_FORMATS as readonly string[]).includes(value);
}

/** Options of {@link writeRegisterFiles}. */
export interface RegisterWriteOptions {
  /** Write the register files (contacts, persons, costs) and deaths as `.csv.gz` (default false). */
  readonly gzip?: boolean;
  /** Field separator of every file written (default ","). */
  readonly delimiter?: "," | ";";
  /**
   * Dates as `YYYY-MM-DD` ("iso", default) or SAS `DDMONYYYY` ("sas", e.g. `01JAN2019`; date-times
   * `01JAN2019:08:15:00`), in the register files. Contract files are always ISO.
   */
  readonly dateStyle?: "iso" | "sas";
  /** Accepted for symmetry with the generator; the output is deterministic and does not use it. */
  readonly seed?: number;
  /**
   * npr only: the DRG unit price (DKK per weight 1). With it `korrvekt` = cost_dkk / unitPrice
   * (8 decimals), so the importer's `--drg-unit-price` gives the cost back; without it
   * `korrvekt` is empty.
   */
  readonly unitPrice?: number;
}

/** What {@link writeRegisterFiles} wrote. */
export interface RegisterWriteResult {
  /** Paths of the files written (outDir joined with the file name). */
  readonly files: string[];
  /** Data rows of the contact file (= contacts.length). */
  readonly rows: number;
}
