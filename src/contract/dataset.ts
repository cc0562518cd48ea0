/** A loaded dataset and its load report: what `loadDataset` returns. */

import type { NoteValue } from "./note.js";
import type {
  AdverseEventRow,
  CareStatusTable,
  ContactTable,
  DeathTable,
  ExperienceRow,
  GeographyRow,
  PopulationTable,
  SectorCostRow,
} from "./tables.js";

/** One problem found while loading: where it is, what was expected and what was found. */
export interface Problem {
  /** Stable code from the message catalogue, e.g. "discharge_before_admission". */
  readonly code: string;
  readonly severity: "error" | "warning";
  /** File name, e.g. "admissions.csv". */
  readonly file: string;
  /** 1-based line in the file (header = 1), or null for a whole-file problem. */
  readonly line: number | null;
  readonly column: string | null;
  readonly expected: string;
  readonly found: string;
  /** The full text, e.g. `admissions.csv:1042: discharged_at "…" is before admitted_at "…"`. */
  readonly message: string;
  /**
   * The values the problem reports (column, found, expected, counts, a line referred to; values
   * shaped like a person number masked): with `code` they give its sentence in Danish or English
   * from the text catalogue (formatLoadReport with lang "da" or "en"). Absent on problems built
   * before klynge kept them.
   */
  readonly values?: Readonly<Record<string, NoteValue>>;
}

/** One value of a mapped register column met while importing (docs/registers.md). */
export interface CodeCount {
  /** The register column, e.g. "prioritet". */
  readonly column: string;
  /** The value as found (trimmed), e.g. "ATA1". Never a person id. */
  readonly value: string;
  readonly count: number;
  /** What it was mapped to ("acute", "keep", "drop" …), or null when it has no mapping. */
  readonly mappedTo: string | null;
  /** Why, when the mapping needs a word (e.g. "official label not found"). */
  readonly note?: string;
}

/**
 * A question of the data group that an extract cannot answer, and why (codes; the report and the
 * load report say it in words: "kan ikke besvares med dette udtræk: …").
 * - `referral_source`: `no_referral_column` (the register file has no referral field) or
 *   `referral_codes_not_mapped` (it has one, but no value has a documented meaning or a mapping);
 * - `registration_practice`: `inpatient_derived` (inpatient/outpatient is derived from the duration,
 *   so "as registered" equals "harmonised");
 * - `hospital`: `no_hospital_column` (no registering hospital or unit).
 */
export interface CannotAnswer {
  readonly question: "referral_source" | "registration_practice" | "hospital";
  readonly reason: "no_referral_column" | "referral_codes_not_mapped" | "inpatient_derived" | "no_hospital_column";
}

/** Counts for one table. rowsRead = rowsAccepted + rowsRejected + duplicates + rowsExcluded. */
export interface TableReport {
  readonly file: string;
  readonly present: boolean;
  readonly rowsRead: number;
  readonly rowsAccepted: number;
  readonly rowsRejected: number;
  /** Exact duplicate rows, reported and counted once (not among rowsAccepted). */
  readonly duplicates: number;
  readonly warnings: number;
  /** Columns in the header that are not in the contract: kept in the file, ignored (optional). */
  readonly extraColumns?: readonly string[];
  /** Empty lines skipped (not rows; counted here so nothing goes unseen) (optional). */
  readonly blankLines?: number;
  /** admissions: rows the byte-level fast path handed to the zod row path (unusual or bad rows) (optional). */
  readonly rowPathRows?: number;
  /** The delimiter read from the header, "," or ";" (optional). */
  readonly delimiter?: string;
  /** Where the table came from when not from the dataset folder, e.g. the shipped geography (optional). */
  readonly source?: string;
  /** Register presets: rows left out by the preset's documented filter or an unmapped code (optional; 0 when absent). */
  readonly rowsExcluded?: number;
  /** Register presets: the register format read, e.g. "lpr3-a" (optional). */
  readonly format?: string;
  /** Register presets: every value of each mapped column, its count and mapping (optional). */
  readonly codes?: readonly CodeCount[];
  /** Register presets: notes on how the file was read (optional). */
  readonly notes?: readonly string[];
  /** Register presets: the data group's questions this extract cannot answer (optional). */
  readonly cannotAnswer?: readonly CannotAnswer[];
}

/**
 * How the dataset cache was used by one load (docs/cache.md): "read" — served from the cache (the
 * input files byte for byte those of the entry); "written" — read from the files and written to
 * the cache; "off" — not used; "unavailable" — could not be used (see reason).
 */
export interface CacheNote {
  readonly status: "read" | "written" | "off" | "unavailable";
  /** The cache file read or written. */
  readonly file?: string;
  /** When the entry read was written (ISO time). */
  readonly writtenAt?: string;
  /**
   * How the input files of an entry read were found to be the ones it was made from: "content",
   * hashed again (SHA-256) and compared; "change", each file still has the device, inode and
   * status-change time recorded when it was hashed, so it has not been written since
   * (docs/cache.md, "When the content is not hashed again").
   */
  readonly checkedBy?: "content" | "change";
  /** Why the cache was off, unavailable or not written, or "replaced" when an entry for older files was replaced: a code. */
  readonly reason?: string;
}

export interface LoadReport {
  readonly dir: string;
  /** How the dataset cache was used (optional: absent when the loader had no cache step). */
  readonly cache?: CacheNote;
  readonly tables: readonly TableReport[];
  /** Every problem, errors and warnings (capped per code in `problems`, never in the counts). */
  readonly problems: readonly Problem[];
  /** Count of problems by code (never capped). */
  readonly problemCounts: Readonly<Record<string, number>>;
  readonly ok: boolean;
}

export interface Dataset {
  readonly dir: string;
  readonly contacts: ContactTable;
  readonly population: PopulationTable;
  readonly geography: readonly GeographyRow[];
  readonly deaths: DeathTable | null;
  readonly sectorCosts: readonly SectorCostRow[] | null;
  readonly experience: readonly ExperienceRow[] | null;
  /** adverse_events.csv (optional input, issue 17); absent (null or undefined) when not given. */
  readonly adverseEvents?: readonly AdverseEventRow[] | null;
  /** care_status.csv (optional input, issue 17): nursing home / home care periods; absent when not given. */
  readonly careStatus?: CareStatusTable | null;
  readonly report: LoadReport;
}

/**
 * The questions a loaded dataset cannot answer, by question (from its load report): a register
 * extract without a referral field cannot say where citizens are referred from (issue 17).
 * @example cannotAnswerOf(dataset.report).get("referral_source") // "no_referral_column" on an LPR_A extract
 */
export function cannotAnswerOf(report: LoadReport): ReadonlyMap<CannotAnswer["question"], CannotAnswer["reason"]> {
  const out = new Map<CannotAnswer["question"], CannotAnswer["reason"]>();
  for (const t of report.tables) for (const c of t.cannotAnswer ?? []) if (!out.has(c.question)) out.set(c.question, c.reason);
  return out;
}
