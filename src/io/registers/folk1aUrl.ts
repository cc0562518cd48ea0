/**
 * The StatBank API address of the FOLK1A CSV that `readFolk1a` reads (docs/registers.md,
 * "statbank-folk1a"; ../shared/reference/registers.md: base address
 * https://api.statbank.dk/v1/data/FOLK1A/CSV, options lang=da|en). Built offline: nothing is
 * fetched.
 */

const BASE = "https://api.statbank.dk/v1/data/FOLK1A/CSV?delimiter=Semicolon";

/** Texts of the errors thrown for arguments that cannot make an address. */
const ERRORS = {
  years: (a: number, b: number) => `years must be two whole years, the first not after the second (got ${a}-${b})`,
  municipality: (m: number) => `a municipality code must be a whole number 1-999 (got ${m})`,
  lang: (l: string) => `lang must be "da" or "en" (got ${l})`,
} as const;

/**
 * The address of FOLK1A as a semicolon-separated CSV:
 * `OMRÅDE=*` (or the given municipalities, 3 digits zero-padded: `OMRÅDE=751,615`), `KØN=1,2`
 * (men and women, without the total), `ALDER=*` (all ages and the total, which the reader
 * drops), `Tid=*` (or the first quarter of each given year: `Tid=2016K1,2017K1,…`, quarter 1
 * being the population on 1 January), and `&lang=en` for English texts.
 *
 * CIVILSTAND is not named, so the file is expected to hold one row per cell for all marital
 * statuses together. That the API then eliminates the variable (returns its total, without a
 * CIVILSTAND column) is NOT verified in Statistics Denmark's API documentation (only in
 * third-party descriptions); the reader handles both, summing U, G, E, F when they are present.
 *
 * Without options: exactly
 * `https://api.statbank.dk/v1/data/FOLK1A/CSV?delimiter=Semicolon&OMRÅDE=*&KØN=1,2&ALDER=*&Tid=*`.
 * The address is given unencoded, as documented; tools that need ASCII URLs percent-encode Å
 * and Ø (`OMR%C3%85DE`, `K%C3%98N`).
 * @throws RangeError when the years are not whole years in order, a municipality code is not
 * 1–999, or lang is neither "da" nor "en".
 */
export function folk1aUrl(options: { years?: readonly [number, number]; municipalities?: readonly number[]; lang?: "da" | "en" } = {}): string {
  let area = "*";
  if (options.municipalities !== undefined && options.municipalities.length > 0) {
    const seen = new Set<number>();
    const codes: string[] = [];
    for (const m of options.municipalities) {
      if (!Number.isInteger(m) || m < 1 || m > 999) throw new RangeError(ERRORS.municipality(m));
      if (seen.has(m)) continue;
      seen.add(m);
      codes.push(String(m).padStart(3, "0"));
    }
    area = codes.join(",");
  }
  let time = "*";
  if (options.years !== undefined) {
    const [from, to] = options.years;
    if (!Number.isInteger(from) || !Number.isInteger(to) || from > to || from < 1000 || to > 9999) {
      throw new RangeError(ERRORS.years(from, to));
    }
    const quarters: string[] = [];
    for (let y = from; y <= to; y++) quarters.push(`${y}K1`);
    time = quarters.join(",");
  }
  const lang = options.lang ?? "da";
  if (lang !== "da" && lang !== "en") throw new RangeError(ERRORS.lang(String(lang)));
  const url = `${BASE}&OMRÅDE=${area}&KØN=1,2&ALDER=*&Tid=${time}`;
  return lang === "en" ? `${url}&lang=en` : url;
}
