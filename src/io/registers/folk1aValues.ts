/**
 * The values of Statistics Denmark's FOLK1A table (StatBank) and what klynge makes of them
 * (docs/registers.md, "statbank-folk1a"). Pure functions of one cell each.
 *
 * Sources: ../shared/reference/registers.md (FOLK1A codes: OMRÅDE 000 = whole country, 081–085
 * regions; KØN TOT/1/2; ALDER IALT, 0–125; CIVILSTAND TOT/U/G/E/F; TID 2024K1 or 2024Q1); the
 * English texts ("All Denmark", "Men", "Women", "Age, total", "0 years", "1 year", "Never
 * married", "Married/separated", "Widowed", "Divorced", "2025Q4") as they appear in a FOLK1A
 * extract with lang=en in datacommonsorg/data, statvar_imports/denmark_demographics.
 * The Danish texts of CIVILSTAND and the "… og derover" open age band follow the StatBank's
 * Danish labels as documented in docs/registers.md.
 */

/** A cell that could not be read: the message parameters of `bad_register_value`. */
export interface BadValue {
  readonly bad: true;
  readonly expected: string;
}

const bad = (expected: string): BadValue => ({ bad: true, expected });

const lower = (s: string): string => s.trim().toLowerCase();

// ---- OMRÅDE -------------------------------------------------------------------------------------

/** OMRÅDE read: the whole country or a region (dropped), a municipality code, or a name. */
export type Area =
  | { readonly kind: "country" }
  | { readonly kind: "region" }
  | { readonly kind: "municipality"; readonly code: number }
  | { readonly kind: "name"; readonly name: string };

export const REGION_CODES: ReadonlySet<number> = new Set([81, 82, 83, 84, 85]);
const COUNTRY_NAMES = new Set(["hele landet", "all denmark"]);

export const AREA_EXPECTED = "a 3-digit municipality code or a municipality name";

/**
 * OMRÅDE: `000` → country, `081`–`085` → region, other 3 digits → municipality code; with
 * valuePresentation=CodeAndValue ("751 Aarhus") the code is used; otherwise a name ("Hele
 * landet"/"All Denmark" → country, a name with the word "region" → region, else a municipality
 * name to be matched to the geography).
 */
export function readArea(text: string): Area | BadValue {
  const s = text.trim();
  const m = /^([0-9]{3})(?:\s+\S.*)?$/.exec(s);
  if (m !== null) {
    const code = Number(m[1]);
    if (code === 0) return { kind: "country" };
    if (REGION_CODES.has(code)) return { kind: "region" };
    return { kind: "municipality", code };
  }
  if (s === "" || /^[0-9]+$/.test(s)) return bad(AREA_EXPECTED);
  const l = lower(s);
  if (COUNTRY_NAMES.has(l)) return { kind: "country" };
  if (/\bregion\b/.test(l)) return { kind: "region" };
  return { kind: "name", name: s };
}

// ---- KØN ----------------------------------------------------------------------------------------

/** KØN read: "M", "F" or "total" (dropped). */
export type SexValue = "M" | "F" | "total";

export const SEX_EXPECTED = "1, 2, TOT, Mænd, Kvinder, I alt, Men, Women or Total";

const SEX_VALUES: ReadonlyMap<string, SexValue> = new Map<string, SexValue>([
  ["1", "M"],
  ["mænd", "M"],
  ["men", "M"],
  ["2", "F"],
  ["kvinder", "F"],
  ["women", "F"],
  ["tot", "total"],
  ["i alt", "total"],
  ["total", "total"],
]);

/** KØN: `1`/`Mænd`/`Men` → M, `2`/`Kvinder`/`Women` → F, `TOT`/`I alt`/`Total` → total (any case). */
export function readSex(text: string): SexValue | BadValue {
  return SEX_VALUES.get(lower(text)) ?? bad(SEX_EXPECTED);
}

// ---- ALDER --------------------------------------------------------------------------------------

/** ALDER read: a single year of age, the open top band, or the total (dropped). */
export type AgeValue = { readonly kind: "total" } | { readonly kind: "age"; readonly age: number; readonly open: boolean };

export const AGE_EXPECTED = 'an age "0 år" … "125 år" (or 0 … 125), "100 år og derover", or IALT';

const AGE_TOTALS = new Set(["ialt", "alder i alt", "age, total", "i alt", "total"]);
const MAX_AGE = 130;

/**
 * ALDER: `0` … `125`, `0 år`, `1 year`, `2 years` → that age; `100 år og derover` (also
 * `100 years and over`, `100+`) → the open band 100+; `IALT`/`Alder i alt`/`Age, total` → total.
 */
export function readAge(text: string): AgeValue | BadValue {
  const l = lower(text);
  if (AGE_TOTALS.has(l)) return { kind: "total" };
  const single = /^([0-9]{1,3})(?:\s*(?:år|years?))?$/.exec(l);
  if (single !== null) {
    const age = Number(single[1]);
    return age <= MAX_AGE ? { kind: "age", age, open: false } : bad(AGE_EXPECTED);
  }
  const open = /^([0-9]{1,3})\s*(?:år og derover|years and over|\+)$/.exec(l);
  if (open !== null) {
    const age = Number(open[1]);
    return age <= MAX_AGE ? { kind: "age", age, open: true } : bad(AGE_EXPECTED);
  }
  return bad(AGE_EXPECTED);
}

// ---- CIVILSTAND ---------------------------------------------------------------------------------

/** CIVILSTAND read: 0 = total, 1–4 = U, G, E, F (the single statuses). */
export type MaritalIndex = 0 | 1 | 2 | 3 | 4;

export const MARITAL_EXPECTED = "TOT, U, G, E or F (or their Danish or English texts)";

const MARITAL_VALUES: ReadonlyMap<string, MaritalIndex> = new Map<string, MaritalIndex>([
  ["tot", 0],
  ["i alt", 0],
  ["total", 0],
  ["u", 1],
  ["ugift", 1],
  ["never married", 1],
  ["g", 2],
  ["gift/separeret", 2],
  ["married/separated", 2],
  ["e", 3],
  ["enke/enkemand", 3],
  ["widowed", 3],
  ["f", 4],
  ["fraskilt", 4],
  ["divorced", 4],
]);

/** CIVILSTAND: TOT/U/G/E/F, the Danish texts (I alt, Ugift, Gift/separeret, Enke/enkemand, Fraskilt) or the English ones. */
export function readMarital(text: string): MaritalIndex | BadValue {
  return MARITAL_VALUES.get(lower(text)) ?? bad(MARITAL_EXPECTED);
}

// ---- TID ----------------------------------------------------------------------------------------

/** TID read: the year and the quarter. */
export interface Quarter {
  readonly year: number;
  readonly quarter: number;
}

export const TIME_EXPECTED = "a quarter such as 2024K1 or 2024Q1 (years 1900-2099)";

/** TID: `2024K1` (Danish) or `2024Q1` (English), any case; years 1900–2099. */
export function readQuarter(text: string): Quarter | BadValue {
  const m = /^(19[0-9]{2}|20[0-9]{2})[KQ]([1-4])$/.exec(text.trim().toUpperCase());
  return m === null ? bad(TIME_EXPECTED) : { year: Number(m[1]), quarter: Number(m[2]) };
}

/** True when a read value is a BadValue. */
export function isBad<T>(v: T | BadValue): v is BadValue {
  return typeof v === "object" && v !== null && (v as { bad?: unknown }).bad === true;
}
