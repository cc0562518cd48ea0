/**
 * The families of the data group's question tables (questionTables.ts) and what their counts are,
 * for the disclosure model (disclosureModel.ts): which count a family's denominator is, and which
 * count its categories add up to.
 *
 * An indicator id of a question table is `<table>:<category>` (all acute admissions of the
 * group) or `<table>@<area>:<category>` (the admissions of one focus area of seed 002: `fractures`,
 * `lower_respiratory_infections`, `unspecific`, each 65+, and `0_2`, all admissions of 0–2-year-olds).
 * The admissions of an area are the numerator of its focus-area rate (`focus_<area>`,
 * `focus_admissions_0_2`), so the area tables' denominator is that one cell.
 */

/** The focus area of the 0–2-year-olds (all admissions, acute and planned, of children 0–2). */
export const AREA_0_2 = "0_2";

/** Tables whose denominator is the admissions the tables describe (acute, or the area's). */
const ADMISSION_TABLES = new Set([
  "who_age",
  "who_age_year",
  "who_referral",
  "who_prior",
  "who_diagnosis",
  "who_care",
  "weekday_hour",
  "weekend",
  "deaths_after_admission",
]);

/** Tables whose categories add up to a count (the partition's total, partitionTotal). */
const PARTITION_TABLES = new Set([
  "who_age",
  "who_age_year",
  "who_referral",
  "who_prior",
  "who_diagnosis",
  "who_care",
  "weekday_hour",
  "weekend",
  "frequent_age",
  "frequent_referral",
  "deaths_7d_weekpart",
  "deaths_30d_weekpart",
]);

/** Tables whose categories overlap or do not add up to anything published. */
const OTHER_TABLES = new Set(["short_stays", "deaths_after_admission", "frequent_admitted"]);

/** Every question table (base name, without area). */
export const QUESTION_TABLES: ReadonlySet<string> = new Set([...PARTITION_TABLES, ...OTHER_TABLES]);

/** `who_referral@fractures` → { base: "who_referral", area: "fractures" }. */
export function splitFamily(family: string): { readonly base: string; readonly area: string | null } {
  const at = family.indexOf("@");
  return at < 0 ? { base: family, area: null } : { base: family.slice(0, at), area: family.slice(at + 1) };
}

/** The count of an area's admissions: the numerator of its focus-area rate. */
export function areaCountQuantity(area: string): string {
  return area === AREA_0_2 ? "focus_admissions_0_2" : `focus_${area}`;
}

/** The indicator id of an area's 30-day readmission proportion. */
export function areaReadmissionIndicator(area: string): string {
  return `focus_readmission_30d_${area}`;
}

function suffixOf(area: string | null): string {
  return area === null ? "" : `@${area}`;
}

/** The admissions a family describes: "acute" (all acute admissions) or the area's count. */
function admissionsQuantity(area: string | null): string {
  return area === null ? "acute" : areaCountQuantity(area);
}

/** The count that the categories of a partition family add up to. */
export function partitionTotal(family: string): string {
  const { base, area } = splitFamily(family);
  const sfx = suffixOf(area);
  if (ADMISSION_TABLES.has(base)) return admissionsQuantity(area);
  if (base === "frequent_age") return `frequent_admitted${sfx}:patients`;
  if (base === "frequent_referral") return `frequent_admitted${sfx}:admissions`;
  if (base === "deaths_7d_weekpart") return `deaths_after_admission${sfx}:within_7d`;
  if (base === "deaths_30d_weekpart") return `deaths_after_admission${sfx}:within_30d`;
  return `${family}:total`;
}

/** What a question row's numerator and denominator count, or null when `family` is not a question table. */
export function questionQuantities(
  indicator: string,
  family: string,
  category: string,
): { numerator: string; denominator: string; partition: string | null } | null {
  const { base, area } = splitFamily(family);
  const sfx = suffixOf(area);
  if (!QUESTION_TABLES.has(base)) return null;
  let denominator: string;
  if (ADMISSION_TABLES.has(base)) denominator = admissionsQuantity(area);
  else if (base === "frequent_admitted" || base === "frequent_age" || base === "frequent_referral")
    denominator = base === "frequent_admitted" ? `${indicator}_total` : partitionTotal(family);
  // deaths by the part of the week of admission: of the admissions on weekdays / at weekends
  else if (base === "deaths_7d_weekpart" || base === "deaths_30d_weekpart") denominator = `weekend${sfx}:${category}`;
  else denominator = `${family}:total`;
  return { numerator: indicator, denominator, partition: PARTITION_TABLES.has(base) ? family : null };
}

/** The weekend category (`weekend` or `weekday`) of a weekday_hour category such as `sat-08`, or null. */
export function weekPartOfHourCategory(category: string): "weekend" | "weekday" | null {
  const d = category.slice(0, 3);
  if (d === "sat" || d === "sun") return "weekend";
  return ["mon", "tue", "wed", "thu", "fri"].includes(d) ? "weekday" : null;
}

/**
 * How many question tables lie above a family's categories: 1 for a table whose categories add up
 * to a category of another question table (the frequent patients' profile → `frequent_admitted`,
 * deaths by part of the week → `deaths_after_admission`, the hours of weekday_hour → `weekend`), else 0.
 * The disclosure model decides a family after the tables its categories add up to, so the finer
 * table can hide its own cells when the total it adds up to is hidden.
 */
export function partitionDepth(family: string): number {
  const { base } = splitFamily(family);
  if (base === "weekday_hour") return 1;
  const total = partitionTotal(family);
  const colon = total.indexOf(":");
  return colon > 0 && !total.endsWith(":total") && QUESTION_TABLES.has(splitFamily(total.slice(0, colon)).base) ? 1 : 0;
}
