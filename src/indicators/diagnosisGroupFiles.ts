/** The shipped diagnosis-group files under data/diagnosis-groups/ (read once, cached). */
import { readDiagnosisGroups, type DiagnosisGroup } from "../stays/diagnosisGroups.js";
import { dataPath } from "../contract/packageRoot.js";

const cache = new Map<string, DiagnosisGroup[]>();

function read(file: string): DiagnosisGroup[] {
  let g = cache.get(file);
  if (!g) cache.set(file, (g = readDiagnosisGroups(dataPath("diagnosis-groups", file))));
  return g;
}

/** The nine preventable-admission groups of the elderly (danish-context.md). */
export function defaultPreventableGroups(): DiagnosisGroup[] {
  return read("preventable-admissions.csv");
}

/** The focus-area diagnosis groups of seed 002 (fractures, lower respiratory infections, unspecific). */
export function defaultFocusGroups(): DiagnosisGroup[] {
  return read("focus-areas.csv");
}

/** The target-population groups (data/diagnosis-groups/target-populations.csv): `medical`. */
export function defaultTargetGroups(): DiagnosisGroup[] {
  return read("target-populations.csv");
}

/**
 * The groups an intervention's `target_population.diagnosis_groups` names, looked up in the shipped
 * files (target populations, focus areas, preventable admissions); unknown names are returned apart.
 */
export function resolveDiagnosisGroups(names: readonly string[]): { readonly groups: DiagnosisGroup[]; readonly unknown: string[] } {
  const all = [...defaultTargetGroups(), ...defaultFocusGroups(), ...defaultPreventableGroups()];
  const groups: DiagnosisGroup[] = [];
  const unknown: string[] = [];
  for (const n of names) {
    const g = all.find((x) => x.group === n);
    if (g) groups.push(g);
    else unknown.push(n);
  }
  return { groups, unknown };
}
