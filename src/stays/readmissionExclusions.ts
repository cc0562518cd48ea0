/** The default readmission exclusions, read from data/diagnosis-groups/readmission-exclusions.csv. */
import { groupsFromPrefixes, readDiagnosisGroups, type DiagnosisGroup } from "./diagnosisGroups.js";
import { dataPath } from "../contract/packageRoot.js";

let cached: DiagnosisGroup[] | null = null;

/**
 * Diagnosis groups that never count as a readmission. Default file: the national indicator leaves
 * out cancer, childbirth, accidents, violence and suicide attempts (danish-context.md); the shipped
 * list is C00–D09, O and S–T.
 * @example defaultReadmissionExclusions().map((g) => g.group)
 */
export function defaultReadmissionExclusions(): DiagnosisGroup[] {
  if (cached === null) cached = readDiagnosisGroups(dataPath("diagnosis-groups", "readmission-exclusions.csv"));
  return cached;
}

/** Groups from the option value: groups as given, a prefix list as one group, or the default file. */
export function resolveExclusions(value: readonly DiagnosisGroup[] | readonly string[] | undefined): readonly DiagnosisGroup[] {
  if (value === undefined) return defaultReadmissionExclusions();
  if (value.length === 0) return [];
  if (typeof value[0] === "string") return groupsFromPrefixes({ excluded: value as readonly string[] });
  return value as readonly DiagnosisGroup[];
}
