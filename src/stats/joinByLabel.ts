import { statsMessages } from "./messages.js";
import { StatsError } from "./statsError.js";

/**
 * Join strata to another table (a standard population or a reference) by label — never by row
 * position (the defect users.md warns about). Every label must appear exactly once on each side;
 * otherwise one error names every label missing on either side.
 * @throws StatsError on duplicates or unmatched labels.
 */
export function joinByLabel<S extends { readonly label: string }, T extends { readonly label: string }>(
  fn: string,
  strata: readonly S[],
  other: readonly T[],
  otherSide: string,
): { readonly stratum: S; readonly other: T }[] {
  const dup = (rows: readonly { readonly label: string }[]): string[] => {
    const seen = new Set<string>();
    const d = new Set<string>();
    for (const r of rows) (seen.has(r.label) ? d : seen).add(r.label);
    return [...d];
  };
  const d1 = dup(strata);
  if (d1.length > 0) throw new StatsError(statsMessages.duplicateLabels(fn, "the strata", d1));
  const d2 = dup(other);
  if (d2.length > 0) throw new StatsError(statsMessages.duplicateLabels(fn, `the ${otherSide}`, d2));
  const byLabel = new Map(other.map((o) => [o.label, o] as const));
  const strataLabels = new Set(strata.map((s) => s.label));
  const missingInOther = strata.filter((s) => !byLabel.has(s.label)).map((s) => s.label);
  const missingInStrata = other.filter((o) => !strataLabels.has(o.label)).map((o) => o.label);
  if (missingInOther.length > 0 || missingInStrata.length > 0)
    throw new StatsError(statsMessages.labelsMissing(fn, missingInOther, otherSide, missingInStrata));
  return strata.map((stratum) => ({ stratum, other: byLabel.get(stratum.label) as T }));
}
